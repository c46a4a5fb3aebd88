"""Reads: what the warehouse holds as a run sees it, an analyst's query, the named reads, the exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warehouse.readonly import guarded_query
from warehouse.session import Session


class Reads(Session):
    """What the pipeline and the reading commands ask of the warehouse; none of it writes."""

    def current_extractions(self) -> tuple[dict[str, str], dict[str, str | None]]:
        """(path -> sha256 of every current path, sha256 -> extractor version that loaded it), in one read."""
        rows = self._run("q_current_extractions").fetchall()
        return {path: sha for path, sha, _ in rows}, {sha: version for _, sha, version in rows}

    def loaded_documents(self, sha256s: list[str]) -> set[str]:
        """Which of these contents are loaded (under any name), in one read."""
        if not sha256s:
            return set()
        return {doc_id for (doc_id,) in self._run("q_loaded_documents", doc_ids=sorted(set(sha256s))).fetchall()}

    def dimensions_fingerprint(self) -> str | None:
        """The fingerprint `sync_dimensions` last recorded, or None if the dimensions were never synced so."""
        rows = self._run("q_dimensions_fingerprint").fetchall()
        return rows[0][0] if rows else None

    def query(self, sql_text: str, params: list[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run one analyst's statement (`gwr query`) that only reads; return column names and rows.

        Raises `QueryRefused` for a statement that would write or reach a file.
        """
        return guarded_query(self._con, sql_text, params)

    def read(self, name: str, **params: Any) -> tuple[list[str], list[tuple]]:
        """Run the named read `sql/q_<name>.sql` with bound parameters; return column names and rows."""
        cursor = self._run(f"q_{name}", **params)
        return [column[0] for column in cursor.description or []], cursor.fetchall()

    def export_facts(self, out: Path) -> int:
        """Write `v_facts` to `out` (.csv, .jsonl or .parquet); return rows written."""
        from warehouse.export import export_facts

        return export_facts(self._con, Path(out))

    def export(self, folder: Path, fmt: str, *, excel: bool = False, only: list[str] | None = None) -> dict[str, int]:
        """Write every table and view (or `only` those) to `folder` as parquet, csv or jsonl; rows by name."""
        from warehouse.export import export_all

        return export_all(self._con, Path(folder), fmt, excel=excel, only=only)

    def content_digest(self) -> dict[str, tuple] | None:
        """What a published snapshot must hold to be current (`warehouse.digest`); None when DuckDB cannot say."""
        from warehouse.digest import content_digest

        return content_digest(self._con)
