"""Pure text transforms: clean a decoded document, describe it, extract indicator facts."""

from __future__ import annotations

from transforms.records import CleanText, DocumentMeta, Fact

# Bump when a change to rules or knowledge tables can change the facts extracted.
EXTRACTOR_VERSION = "1.0.0"


def process_text(doc: str, raw: str) -> tuple[CleanText, DocumentMeta, list[Fact]]:
    """Clean `raw`, read its metadata and extract its facts; `doc` is the file's base name."""
    from transforms.clean import clean_text
    from transforms.facts import extract_facts
    from transforms.metadata import extract_metadata

    clean = clean_text(raw)
    meta = extract_metadata(doc, clean)
    return clean, meta, extract_facts(doc, raw, clean, meta)
