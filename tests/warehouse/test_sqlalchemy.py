"""BI tools connect through SQLAlchemy (duckdb-engine): reflection and a query against the published snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from settings import published_beside
from tests.helpers import load_document, sync_indicators
from warehouse import open_warehouse
from warehouse.publish import publish
from warehouse.sqlfiles import VIEWS

Doc = tuple[dict[str, Any], pd.DataFrame]


def test_views_reflect_and_answer_through_sqlalchemy(db_path: Path, doc_001: Doc, doc_000: Doc,
                                                     wh_lexicon: pd.DataFrame, tmp_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        sync_indicators(wh, wh_lexicon)
        for doc, facts in (doc_001, doc_000):
            load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    snapshot = publish(db_path, tmp_path / "gwr_published.duckdb").snapshot

    # The URI the README gives Superset and notebooks; read_only so many readers can share the file.
    engine = sa.create_engine(f"duckdb:///{snapshot}", connect_args={"read_only": True})
    inspector = sa.inspect(engine)
    # The intermediate views reflect too, in their own schema (what a BI tool lists under `main` is the views).
    assert set(VIEWS) <= set(inspector.get_view_names()) | set(inspector.get_view_names(schema="intermediate"))
    assert {"fct_indicator_value", "dim_indicator"} <= set(inspector.get_table_names())
    assert inspector.get_pk_constraint("fct_indicator_value") is not None  # raised under SQLAlchemy >= 2.0.36
    assert [c["name"] for c in inspector.get_columns("v_target_vs_actual")][:3] == ["region", "region_code",
                                                                                    "indicator"]

    metadata = sa.MetaData()
    pairs = sa.Table("v_target_vs_actual", metadata, autoload_with=engine)
    query = sa.select(pairs.c.indicator, pairs.c.target_value, pairs.c.actual_value, pairs.c.met)
    with engine.connect() as connection:
        assert connection.execute(query).fetchall() == [("retail_sales", 8.0, 5.5, False)]
        frame = pd.read_sql(sa.text("select region, year from v_facts order by year"), connection)
    assert frame["year"].tolist() == [2023, 2023, 2024, 2024, 2024]
    engine.dispose()


STAR_KEYS = {"fct_indicator_value": ["fact_id"], "dim_document": ["doc_id"], "dim_region": ["region_key"],
             "dim_indicator": ["code"], "dim_period": ["period"]}
FACT_REFERENCES = {("doc_id", "dim_document", "doc_id"), ("region_key", "dim_region", "region_key"),
                   ("indicator", "dim_indicator", "code"), ("period", "dim_period", "period")}


def test_bi_tools_find_the_star_schemas_keys_in_the_snapshot(db_path: Path, doc_001: Doc,
                                                             wh_lexicon: pd.DataFrame, tmp_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        sync_indicators(wh, wh_lexicon)
        doc, facts = doc_001
        load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    snapshot = publish(db_path, published_beside(db_path)).snapshot

    # Foreign keys reflect through duckdb-engine as it is; primary keys through `duckdb+gwr`, which
    # gwr registers (warehouse/dialect.py: duckdb-engine's own query finds none in any DuckDB file).
    for url in (f"duckdb:///{snapshot}", f"duckdb+gwr:///{snapshot}"):
        engine = sa.create_engine(url, connect_args={"read_only": True})
        inspector = sa.inspect(engine)
        # DuckDB names the database after the file: a plain name, no quotes needed in front of `main`.
        assert "gwr_published.main" in inspector.get_schema_names()
        references = {(fk["constrained_columns"][0], fk["referred_table"], fk["referred_columns"][0])
                      for fk in inspector.get_foreign_keys("fct_indicator_value")}
        assert references == FACT_REFERENCES, url
        if url.startswith("duckdb+gwr"):
            keys = {table: inspector.get_pk_constraint(table)["constrained_columns"] for table in STAR_KEYS}
            assert keys == STAR_KEYS
            assert inspector.get_pk_constraint("v_facts")["constrained_columns"] == []
            facts = sa.Table("fct_indicator_value", sa.MetaData(), autoload_with=engine)
            assert [column.name for column in facts.primary_key] == ["fact_id"] and len(facts.foreign_keys) == 4
            assert inspector.get_pk_constraint("dim_region", schema="gwr_published.main")["constrained_columns"] == [
                "region_key"]
        engine.dispose()
