"""Where gwr's files are, resolved from the project, never from the current working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT / "data" / "samples"
DEFAULT_DB = PROJECT_ROOT / "data" / "gwr.duckdb"


def published_beside(db: Path) -> Path:
    """The snapshot BI tools open when no other place is chosen: beside the warehouse.

    Its name is a plain identifier because DuckDB names the database after the file: SQLAlchemy
    (Superset) lists the schema as ``gwr_published.main``, where ``gwr-published`` had to be
    quoted (``"gwr-published".main``).

    >>> published_beside(Path("/srv/gwr.duckdb"))
    PosixPath('/srv/gwr_published.duckdb')
    """
    db = Path(db).absolute()
    return db.with_name(f"{db.stem}_published.duckdb")
