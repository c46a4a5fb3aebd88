"""The knowledge files under transforms/knowledge/data are the single source the extractor reads."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from importlib import resources

from tests.transforms._helpers import extract, news, work_report
from transforms.knowledge import lexicon

# A role documented in cues.csv's header: "#   role   what it signals", one per line.
_DOCUMENTED_ROLE = re.compile(r"^#   (?P<role>[a-z_]+)\s")


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("transforms.knowledge.data").joinpath(name).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


def test_every_cue_role_is_read_by_the_code() -> None:
    # Extracting one text of each genre compiles every pattern the extractor builds from cues.csv.
    extract(work_report(review="地区生产总值增长6%。", plan="地区生产总值增长6%左右。"))
    extract(news("前三季度,全市地区生产总值达到2000亿元,同比增长6%。出口钢材578.3亿元,出口总值增长3%。"))
    unread = lexicon.cue_roles() - lexicon.roles_read()
    assert not unread, f"roles in cues.csv that no code reads: {sorted(unread)}"


def test_the_cue_header_documents_exactly_the_roles_in_use() -> None:
    text = resources.files("transforms.knowledge.data").joinpath("cues.csv").read_text(encoding="utf-8")
    documented = {m["role"] for line in text.splitlines() if (m := _DOCUMENTED_ROLE.match(line))}
    assert sorted(documented - lexicon.cue_roles()) == [], "documented in cues.csv's header, but no row has it"
    assert sorted(lexicon.cue_roles() - documented) == [], "rows of cues.csv with a role its header does not document"


def test_no_cue_row_is_written_twice() -> None:
    counts = Counter((r["role"], r["cue"]) for r in _rows("cues.csv"))
    assert [row for row, n in counts.items() if n > 1] == []


def test_every_unit_is_read_by_the_number_pattern() -> None:
    from transforms.facts.numbers import find_numbers

    for unit in lexicon.units():
        found = find_numbers(f"达到12{unit}。")
        assert [n.unit for n in found] == [unit], unit


def test_every_indicator_wording_is_matched() -> None:
    from transforms.facts.subjects import find_mentions

    needs = lexicon.form_requirements()
    for form, codes in lexicon.surface_forms().items():
        sentence = f"{needs.get(form, '')}全年{form.split('(')[0]}增长6%。"
        found = {c for m in find_mentions(sentence) for c in m.codes}
        assert set(codes) <= found or any(len(f) > len(form) and form in f for f in lexicon.surface_forms()), form


def test_every_indicator_code_is_unique_and_has_a_known_level_unit() -> None:
    rows = _rows("indicators.csv")
    assert len({r["code"] for r in rows}) == len(rows)
    assert {r["level_unit"] for r in rows} <= set(lexicon.units())
    assert {r["direction"] for r in rows} <= {"up", "down", "none"}
