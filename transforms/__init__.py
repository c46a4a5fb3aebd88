"""Pure text transforms: clean a decoded document, describe it, extract indicator facts.

Public API
- `process_text(doc, raw)` -> (CleanText, DocumentMeta, list[Fact]): the three steps below.
- `clean.clean_text(raw)` -> CleanText: normalised text, raw-offset map, sections, sentences.
- `metadata.extract_metadata(doc, clean)` -> DocumentMeta: own region, year, report type.
- `facts.extract_facts(doc, raw, clean, meta)` -> list[Fact] (rules: ../shared/eval/README.md).
- `lexicon.indicator_rows()`, `lexicon.unit_rows()`, `lexicon.units()`, `lexicon.indicators()`:
  the knowledge tables of `transforms/data/` for dim_indicator and validation.
- `regions.region_rows()`, `regions.resolve(name, context)`, `regions.short_form(name)`: GB/T 2260.
"""

from __future__ import annotations

from transforms.records import CleanText, DocumentMeta, Fact

# Bump when a change to rules or knowledge tables can change the facts extracted.
EXTRACTOR_VERSION = "2.0.0"


def process_text(doc: str, raw: str) -> tuple[CleanText, DocumentMeta, list[Fact]]:
    """Clean `raw`, read its metadata and extract its facts; `doc` is the file's base name."""
    from transforms.clean import clean_text
    from transforms.facts import extract_facts
    from transforms.metadata import extract_metadata

    clean = clean_text(raw)
    meta = extract_metadata(doc, clean)
    return clean, meta, extract_facts(doc, raw, clean, meta)
