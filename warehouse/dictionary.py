"""The data dictionary (`dictionary.sql`): column descriptions as `COMMENT ON`, and docs/warehouse.md.

The descriptions are kept as the `COMMENT ON` statements DuckDB applies, because a comment
cannot be a bound parameter: writing them as SQL in one file keeps Python from assembling
SQL out of text. The Markdown page is rendered from what DuckDB reports back after applying
them to a fresh warehouse, so the page can only show what BI tools see.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def comment_statements() -> str:
    """The text of `warehouse/dictionary.sql`."""
    return resources.files("warehouse").joinpath("dictionary.sql").read_text(encoding="utf-8")
