"""BI tools connect through SQLAlchemy (duckdb-engine): reflection and a query against the published snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from tests.helpers import load_document
from warehouse import open_warehouse
from warehouse.publish import publish
from warehouse.sqlfiles import VIEWS

Doc = tuple[dict[str, Any], pd.DataFrame]


def test_views_reflect_and_answer_through_sqlalchemy(db_path: Path, doc_001: Doc, doc_000: Doc,
                                                     tmp_path: Path) -> None:
    with open_warehouse(db_path) as wh:
        for doc, facts in (doc_001, doc_000):
            load_document(wh, "run-1", doc, [f"/corpus/{doc['doc']}"], facts, None)
    snapshot = publish(db_path, tmp_path / "gwr-published.duckdb").snapshot

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
