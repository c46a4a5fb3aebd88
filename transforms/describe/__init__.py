"""Stage 3, describe: clean text and the file's name in, `DocumentMeta` out — title, report
type, publication date, and the document's own region and year."""

from transforms.describe.document import extract_metadata, placement_warning

__all__ = ["extract_metadata", "placement_warning"]
