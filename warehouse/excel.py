"""Cells a spreadsheet would run: what `gwr export --excel` neutralises, as OWASP's "CSV Injection" page advises.

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula: a document title
``=cmd|' /C calc'!A0`` or a body ``=HYPERLINK(…)`` from an untrusted report would run or
phone home when the export is opened. For `--excel` such a text cell gets a leading ``'``,
which the spreadsheet hides and which makes it text. Plain CSV, JSON lines and Parquet are
data for programs, and keep every value as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

#: The first characters OWASP lists as starting a formula.
FORMULA_START = r"^[=+\-@\t\r]"


def excel_safe(table: pa.Table) -> pa.Table:
    """`table` with every text cell a spreadsheet would read as a formula prefixed by ``'``; numbers untouched.

    >>> import pyarrow as pa
    >>> excel_safe(pa.table({"t": ["=1+1", "增长5%", "-x", None], "n": [-1.0, 2.0, 3.0, 4.0]})).to_pylist()[0]
    {'t': "'=1+1", 'n': -1.0}
    >>> [row["t"] for row in excel_safe(pa.table({"t": ["=1+1", "增长5%", "-x", None]})).to_pylist()]
    ["'=1+1", '增长5%', "'-x", None]
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            risky = pc.match_substring_regex(column, FORMULA_START)
            column = pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.table(columns, names=table.column_names)
