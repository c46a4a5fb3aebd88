"""The regions' pinyin table (warehouse/region_pinyin.csv) against pypinyin's readings of the region list."""

from __future__ import annotations

from warehouse import frames
from warehouse.geography import name_pinyin, pinyin_table, readings, region_names, table_text


def test_the_table_is_written_from_the_region_list_as_it_is_now() -> None:
    # Fails when a region is added or the reading changes: write it again with `python -m warehouse.geography`.
    from importlib import resources

    written = resources.files("warehouse").joinpath("region_pinyin.csv").read_text(encoding="utf-8")
    assert written == table_text(region_names())


def test_a_name_the_table_lacks_is_read_when_it_is_needed() -> None:
    assert "某某县" not in pinyin_table()
    assert readings(["某某县", "朝阳区"]) == {"某某县": name_pinyin("某某县"), "朝阳区": "Chaoyang"}
    assert readings(["某某县"])["某某县"] == "Moumou"


def test_dim_region_rows_take_their_pinyin_from_the_table() -> None:
    import pandas as pd

    regions = pd.DataFrame({"name": ["万州区", "内蒙古自治区", None, "某某县"]})
    read = frames.region_frame(regions)["name_pinyin"]
    assert [read[0], read[1], read[3]] == ["Wanzhou", "Neimenggu", "Moumou"]
    assert pd.isna(read[2])
