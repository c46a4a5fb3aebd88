"""A document through every stage: decode, clean, describe, facts — one function for the whole
of a worker's work on one file, and one for text already decoded."""

from __future__ import annotations

import datetime as dt
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


def process_text(doc: str, raw: str, today: dt.date) -> tuple[CleanText, DocumentMeta, list[Fact]]:
    """Clean `raw`, describe it and extract its facts; `doc` is the file's base name and `today`
    the date the text is read on (a page without a date is about a year that has been)."""
    # The extractor's modules load jieba, the lexicon and the region table: a worker has them
    # already (see flows/_warm.py), and a flow with nothing to extract never imports them.
    from transforms.clean import clean_text
    from transforms.describe import extract_metadata
    from transforms.facts import extract_facts

    clean = clean_text(raw)
    meta = extract_metadata(doc, clean, today)
    return clean, meta, extract_facts(doc, raw, clean, meta)


def process_document(src: SourceFile, today: dt.date) -> Processed | Failure:
    """Decode, clean, describe and extract one file; any failure is that document's alone."""
    from transforms.decode import decode_with_warnings
    from transforms.describe import placement_warning

    try:
        decoded, warnings = decode_with_warnings(src.data, src.name)
        clean, meta, facts = process_text(src.name, decoded.text, today)
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
