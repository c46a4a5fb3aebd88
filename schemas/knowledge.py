"""The vocabularies the schemas check against, taken from the extractor's data files.

Declared once here so that a new indicator or unit in `transforms/data/` is
accepted by validation without a code change.
"""

from __future__ import annotations

from transforms import lexicon

INDICATOR_CODES: list[str] = sorted(lexicon.indicators())
UNITS: list[str] = sorted(lexicon.units())
# Rates, percentage points and ratios can be zero or negative; every other unit
# counts or weighs something, and a level of it must be positive.
SIGNED_KINDS = {"rate", "pp", "ratio"}
AMOUNT_UNITS: list[str] = sorted(u for u, info in lexicon.units().items() if info.kind not in SIGNED_KINDS)
