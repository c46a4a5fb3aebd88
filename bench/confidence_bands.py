"""Precision of each confidence band: is a "high" fact one a researcher can skip (>= 0.98)?

usage: python bench/confidence_bands.py --gold DIR (--pred FACTS.csv|.jsonl | --texts DIR) [--markdown]

Facts come from `--pred`, a file with a `confidence` column (`gwr export facts --out facts.csv`,
or `gwr review export`), or from `--texts`, a folder of texts run through the pure transforms as
the flow runs them. They are matched to the gold with the acceptance scorer's own rules
(`--scorer`, by default ../shared/eval/score.py beside the project; its README says what a match
is), restricted as it restricts them: documents the gold covers, indicators of its list. Each
band's precision is its matched facts over its facts; facts without a band count as "unrated".
The blind sets are kept outside the repository; e.g.

    python bench/confidence_bands.py --gold ../devsets/gold-all --texts ../devsets/texts-all --markdown
"""

from __future__ import annotations

import argparse
import csv
import datetime
import importlib.util
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BANDS = ("high", "medium", "low", "unrated")
COLUMNS = ("doc", "region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier",
           "confidence")


def scorer(path: Path) -> ModuleType:
    """The acceptance scorer, loaded from its file (it is not a package of this project)."""
    spec = importlib.util.spec_from_file_location("gwr_eval_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"no scorer at {path}; give --scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(texts: Path, out: Path) -> Path:
    """Run the pure transforms over every file of `texts` and write their facts, with confidence, to `out`."""
    from transforms import process_text
    from transforms.decode.decoder import decode

    today = datetime.date.today()
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for path in sorted(p for p in texts.iterdir() if p.is_file()):
            decoded = decode(path.read_bytes(), path.name)
            for fact in process_text(path.name, decoded.text, today)[2]:
                writer.writerow({column: getattr(fact, column) for column in COLUMNS})
    return out


def bands(score: ModuleType, gold_path: Path, pred_path: Path, indicators: Path) -> dict[str, tuple[int, int]]:
    """band -> (facts, matched), counted as score.py counts precision."""
    with indicators.open(encoding="utf-8", newline="") as fh:
        codes = {row["code"] for row in csv.DictReader(fh)}
    gold = score.load(gold_path)
    docs = {g["doc"] for g in gold}
    pred = [p for p in score.load(pred_path) if p["doc"] in docs and p["indicator"] in codes]
    hits, _, _ = score.match(gold, pred)
    facts = Counter(_band(p) for p in pred)
    matched = Counter(_band(p) for _, p in hits)
    return {name: (facts[name], matched[name]) for name in BANDS if facts[name]}


def _band(fact: dict) -> str:
    return (fact.get("confidence") or "").strip() or "unrated"


def table(found: dict[str, tuple[int, int]], markdown: bool) -> str:
    """The bands, their facts, share, matched and precision, as text or a Markdown table."""
    total = sum(n for n, _ in found.values()) or 1
    lines = [("band", "facts", "share", "matched", "precision")]
    for name, (n, hit) in found.items():
        lines.append((name, str(n), f"{n / total:.1%}", str(hit), f"{hit / n:.3f}"))
    all_hit = sum(hit for _, hit in found.values())
    lines.append(("all", str(total), "100.0%", str(all_hit), f"{all_hit / total:.3f}"))
    if markdown:
        rows = ["| " + " | ".join(line) + " |" for line in lines]
        rows.insert(1, "| --- | ---: | ---: | ---: | ---: |")
        return "\n".join(rows)
    return "\n".join(f"{a:<8} {b:>6} {c:>7} {d:>8} {e:>9}" for a, b, c, d, e in lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="folder of gold .jsonl files (or one file)")
    source = ap.add_mutually_exclusive_group(required=True)
    source.add_argument("--pred", help="extracted facts with a confidence column (.csv or .jsonl)")
    source.add_argument("--texts", help="folder of texts to extract first")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--indicators", help="indicator list [default: indicators.csv beside the scorer]")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args(argv)
    score = scorer(Path(args.scorer))
    indicators = Path(args.indicators) if args.indicators else Path(args.scorer).with_name("indicators.csv")
    pred = Path(args.pred) if args.pred else extract(Path(args.texts), Path(tempfile.mkdtemp()) / "facts.csv")
    found = bands(score, Path(args.gold), pred, indicators)
    print(table(found, args.markdown))
    high = found.get("high")
    if high and high[0]:
        verdict = "can" if high[1] / high[0] >= 0.98 else "cannot"
        print(f"\nhigh band precision {high[1] / high[0]:.3f}: a researcher {verdict} skip it (needs >= 0.98)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
