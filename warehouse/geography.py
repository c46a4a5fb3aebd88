"""Derived attributes of a region for `dim_region`: its name in pinyin.

A place is written in pinyin without its administrative suffix, syllables joined and
capitalised, as maps and statistics write it in Latin script: 万州区 Wanzhou, 重庆市 Chongqing,
内蒙古自治区 Neimenggu. The suffixes are the extractor's (`transforms.knowledge.regions`), read
from there rather than listed again. pypinyin reads polyphonic characters by the phrase, so the
whole name is read and the suffix's syllables dropped after: 朝阳区 reads Chaoyang where 朝阳
alone reads Zhaoyang. Its readings are not a gazetteer's: a few place names come out wrong
(长治 Zhangzhi, 单县 Danxian).

Every region's reading is kept in `region_pinyin.csv` beside this module, written by
``python -m warehouse.geography`` from the region list: pypinyin reads the 3,400 names in
about 0.1 s of CPU, which a run into a new warehouse paid again every time. A name the file
lacks (a region added since it was written) is read when it is needed;
tests/warehouse/test_geography.py fails until the file is written again.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from pypinyin import lazy_pinyin

TABLE = "region_pinyin.csv"
COLUMNS = ("name", "name_pinyin")


def name_pinyin(name: str) -> str:
    """The region's name in pinyin, without its administrative suffix.

    >>> name_pinyin("万州区"), name_pinyin("重庆市"), name_pinyin("内蒙古自治区"), name_pinyin("朝阳区")
    ('Wanzhou', 'Chongqing', 'Neimenggu', 'Chaoyang')
    """
    from transforms.knowledge.regions import short_form  # the extractor's suffixes, loaded when syncing only

    short = short_form(name)
    syllables = lazy_pinyin(name)
    if len(syllables) != len(name):  # not one syllable a character (Latin letters, digits): read the short form
        syllables = lazy_pinyin(short)
    return "".join(syllables[: len(short)]).capitalize()


def pinyin_table() -> dict[str, str]:
    """Each region name of `region_pinyin.csv` and its reading."""
    text = resources.files("warehouse").joinpath(TABLE).read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text))
    if tuple(next(rows, ())) != COLUMNS:
        raise ValueError(f"warehouse/{TABLE} must start with the header {','.join(COLUMNS)}")
    return {name: pinyin for name, pinyin in rows}


def readings(names: Iterable[str]) -> dict[str, str]:
    """The reading of each of `names`: from the table, or read now for a name the table lacks."""
    table = pinyin_table()
    return {name: table[name] if name in table else name_pinyin(name) for name in set(names)}


def table_text(names: Iterable[str]) -> str:
    """`region_pinyin.csv` for `names`: each distinct name and its reading, in name order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows((name, name_pinyin(name)) for name in sorted(set(names)))
    return out.getvalue()


def region_names() -> list[str]:
    """Every name of the region list `dim_region` is made from."""
    from transforms.knowledge.regions import region_rows

    return [str(row["name"]) for row in region_rows() if row["name"]]


def main() -> None:
    """Write `region_pinyin.csv` beside this module from the region list."""
    target, names = Path(__file__).with_name(TABLE), region_names()
    target.write_text(table_text(names), encoding="utf-8")
    print(f"wrote {target} ({len(set(names))} names)", file=sys.stderr)


if __name__ == "__main__":
    main()
