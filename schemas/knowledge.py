"""The vocabularies the schemas check against, taken from the extractor's data files.

Declared once here so that a new indicator or unit in `transforms/data/` is
accepted by validation without a code change.
"""

from __future__ import annotations

from transforms import lexicon

INDICATOR_CODES: list[str] = sorted(lexicon.indicator_codes())
UNITS: list[str] = sorted(lexicon.unit_table())
AMOUNT_UNITS: list[str] = sorted(u for u, info in lexicon.unit_table().items() if info.kind == "amount")
