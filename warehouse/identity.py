"""What a file given as the warehouse really is, told before DuckDB is let at it.

DuckDB opens whatever it is given: a SQLite file makes it reach for the `sqlite` extension
(and, with auto-install on, download it), a text file gets "not a valid DuckDB database
file", a truncated warehouse "Could not read enough bytes". A user who typed the wrong
`--db` deserves to hear what the file is; one whose warehouse is damaged, that it is damaged.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.errors import NotAWarehouse, WarehouseCorrupt
from warehouse.sqlfiles import sql

# A DuckDB file carries "DUCK" after an 8-byte checksum in its first block.
DUCKDB_MAGIC = (8, b"DUCK")
# Formats a mistaken --db most likely points at, by their opening bytes.
KNOWN_HEADERS: tuple[tuple[bytes, str], ...] = (
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"PK\x03\x04", "a ZIP archive (or .xlsx/.docx)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
)
# DuckDB's words for a file it cannot read back (IO or internal errors while opening).
DAMAGE_SIGNS = ("could not read enough bytes", "checksum", "corrupt", "serializ", "invalid block", "malformed")


def check_is_duckdb(path: Path) -> None:
    """Raise `NotAWarehouse` unless `path` (an existing file) starts like a DuckDB database."""
    with path.open("rb") as fh:
        head = fh.read(16)
    if not head:
        raise NotAWarehouse(f"{path} is an empty file, not a gwr warehouse; remove it or choose another --db")
    offset, magic = DUCKDB_MAGIC
    if head[offset:offset + len(magic)] == magic:
        return
    what = next((name for header, name in KNOWN_HEADERS if head.startswith(header)), None)
    if what is None:
        what = "a text file" if _looks_like_text(head) else "a file of another kind"
    raise NotAWarehouse(f"{path} is {what}: not a gwr warehouse (a DuckDB file); choose another --db")


def check_whole(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Raise `WarehouseCorrupt` when the file is shorter than the blocks its header counts as used.

    A truncated warehouse (a copy cut short, a full disk during a copy) often opens and only
    fails on the first read of a missing block, half-way through a run.
    """
    rows = con.execute(sql("q_database_size")).fetchall()
    if not rows:
        return
    block_size, used_blocks = rows[0]
    expected = int(block_size) * int(used_blocks)
    size = path.stat().st_size
    if size < expected:
        raise WarehouseCorrupt(
            f"warehouse {path} is corrupt (a truncated DuckDB file: {size} bytes where its header counts "
            f"{used_blocks} blocks of {block_size} in use); restore it from a copy or the published snapshot, or "
            "move it aside and run `gwr run` to rebuild it"
        )


def corrupt_or_none(path: Path, exc: duckdb.Error) -> WarehouseCorrupt | None:
    """The error to raise when DuckDB failed to open a DuckDB-looking `path` because it is damaged."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not any(sign in first.lower() for sign in DAMAGE_SIGNS):
        return None
    return WarehouseCorrupt(
        f"warehouse {path} is corrupt (a truncated or damaged DuckDB file: {first}); restore it from a copy "
        "or the published snapshot, or move it aside and run `gwr run` to rebuild it"
    )


def _looks_like_text(head: bytes) -> bool:
    """No NUL byte in the first bytes: what a text file (and no binary format above) looks like."""
    return b"\x00" not in head
