"""Pure transforms, text in, records out: a file's bytes through five stages, in order.

1. `decode/`   bytes and a file name -> `DecodedText` (or an `InputError`)
2. `clean/`    decoded text -> `CleanText`: normalised, furniture dropped, sections, sentences, offset map
3. `describe/` clean text -> `DocumentMeta`: title, report type, date, own region and year
4. `facts/`    clean text and its meta -> `Fact`s (rules: ../shared/eval/README.md)
5. `knowledge/` what every stage reads: the lexicon, units, cue words, periods, regions (`data/`)

`records.py` holds the records that cross stages, `errors.py` the errors a bad input raises,
`version.py` the extractor's version (a digest of this package).
`process_document(src, today)` runs stages 1-4 on one file (what an extraction worker does);
`process_text(doc, raw, today)` runs 2-4 on text already decoded. No module here imports
Prefect or DuckDB, reads the environment or the clock: `today` is passed in.
"""

from __future__ import annotations

from transforms.process import process_document, process_text
from transforms.version import extractor_version

# Recorded with every document: the release and a digest of this package's code and data
# (transforms/version.py), so any change to a rule or a table re-extracts on the next run.
EXTRACTOR_VERSION = extractor_version()

__all__ = ["EXTRACTOR_VERSION", "process_document", "process_text"]
