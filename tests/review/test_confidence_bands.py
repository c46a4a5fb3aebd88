"""bench/confidence_bands.py: precision per band, matched by the acceptance scorer's own rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.confidence_bands import main
from tests.helpers import SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = [
    {"doc": "a.txt", "region": "万州区", "year": 2023, "period": "FY", "indicator": "gdp", "measure": "growth",
     "kind": "actual", "value": 6.9, "unit": "%"},
    {"doc": "a.txt", "region": "万州区", "year": 2023, "period": "FY", "indicator": "gdp", "measure": "level",
     "kind": "actual", "value": 1179.4, "unit": "亿元"},
    {"doc": "a.txt", "region": "万州区", "year": 2024, "period": "FY", "indicator": "gdp", "measure": "growth",
     "kind": "target", "value": 7, "unit": "%"},
]
PRED = """doc,region,year,period,indicator,measure,kind,value,unit,qualifier,confidence
a.txt,万州区,2023,FY,gdp,growth,actual,6.9,%,eq,high
a.txt,万州区,2023,FY,gdp,level,actual,117940000000,元,eq,high
a.txt,万州区,2024,FY,gdp,growth,target,7,%,eq,low
a.txt,万州区,2024,FY,gdp,growth,actual,7,%,eq,low
a.txt,万州区,2023,FY,gdp,growth,forecast,6.9,%,eq,
b.txt,万州区,2023,FY,gdp,growth,actual,1,%,eq,low
"""


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no acceptance scorer at {SCORER} (../shared beside the project)")
def test_each_band_gets_its_precision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf-8")
    pred = tmp_path / "facts.csv"
    pred.write_text(PRED, encoding="utf-8")
    assert main(["--gold", str(gold), "--pred", str(pred), "--scorer", str(SCORER), "--markdown"]) == 0
    out = capsys.readouterr().out
    # b.txt has no gold: not counted, as score.py does not count it.
    assert "| high | 2 | 40.0% | 2 | 1.000 |" in out
    assert "| low | 2 | 40.0% | 1 | 0.500 |" in out
    assert "| unrated | 1 | 20.0% | 0 | 0.000 |" in out
    assert "| all | 5 | 100.0% | 3 | 0.600 |" in out
    assert "high band precision 1.000: a researcher can skip it" in out
