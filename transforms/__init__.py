"""Pure text transforms: clean a decoded document, describe it, extract indicator facts.

Public API
- `process_document(src)` -> Processed | Failure: a file's bytes decoded, then `process_text`.
- `process_text(doc, raw)` -> (CleanText, DocumentMeta, list[Fact]): the three steps below.
- `clean.clean_text(raw)` -> CleanText: normalised text, raw-offset map, sections, sentences.
- `metadata.extract_metadata(doc, clean)` -> DocumentMeta: own region, year, report type.
- `facts.extract_facts(doc, raw, clean, meta)` -> list[Fact] (rules: ../shared/eval/README.md).
- `lexicon.indicator_rows()`, `lexicon.unit_rows()`, `lexicon.units()`, `lexicon.indicators()`:
  the knowledge tables of `transforms/data/` for dim_indicator and validation.
- `regions.region_rows()`, `regions.resolve(name, context)`, `regions.short_form(name)`: GB/T 2260.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import replace

from transforms.errors import InputError
from transforms.records import (
    CleanShape,
    CleanText,
    DocumentMeta,
    DocumentWarning,
    Fact,
    Failure,
    Processed,
    SourceFile,
)

# pypdf logs every repair of a damaged PDF as a warning; the outcome of each file
# already reaches the run summary and the ingest_errors table.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Bump when a change to rules or knowledge tables can change the facts extracted.
EXTRACTOR_VERSION = "2.0.0"


def process_text(doc: str, raw: str) -> tuple[CleanText, DocumentMeta, list[Fact]]:
    """Clean `raw`, read its metadata and extract its facts; `doc` is the file's base name."""
    from transforms.clean.text import clean_text
    from transforms.describe.document import extract_metadata
    from transforms.facts.document import extract_facts

    clean = clean_text(raw)
    meta = extract_metadata(doc, clean)
    return clean, meta, extract_facts(doc, raw, clean, meta)


def process_document(src: SourceFile) -> Processed | Failure:
    """Decode, clean and extract one document; any failure is that document's alone."""
    # The extractor's modules load jieba, the lexicon and the region table: a worker has them
    # already (see flows._warm), and a flow with nothing to extract never imports them.
    from transforms.decode.decoder import decode_with_warnings
    from transforms.describe.document import placement_warning

    try:
        decoded, warnings = decode_with_warnings(src.data, src.name)
        clean, meta, facts = process_text(src.name, decoded.text)
    except InputError as err:
        return Failure.from_error(src.path, src.sha256, err)
    except Exception as err:  # a bug on one odd document must not sink the batch
        where = traceback.extract_tb(err.__traceback__)[-1]
        return Failure(
            src.path, src.sha256, "extract", type(err).__name__,
            f"internal error while extracting ({where.filename.rsplit('/', 1)[-1]}:{where.lineno}): {err}",
        )
    unplaced = placement_warning(meta)
    return Processed(replace(src, data=b""), decoded, CleanShape.of(clean), meta, facts,
                     [*(DocumentWarning("decode", w) for w in warnings),
                      *([DocumentWarning("extract", unplaced)] if unplaced else [])])
