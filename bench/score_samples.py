"""Run the pure transforms over texts, as the flow reads them, and score the facts against the eval gold.

usage: python bench/score_samples.py [FILES_OR_FOLDERS ...] [--visible] [--gold DIR] [--out facts.csv] [--misses]

With no paths, scores the bundled samples; `--visible` scores the acceptance set the issue
names: ../shared/corpus plus the gold-annotated news texts ../shared/corpus-news/g*.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import process_text  # noqa: E402
from transforms.decode.decoder import decode  # noqa: E402

SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
COLUMNS = ("doc", "region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier", "quote")


def _files(paths: list[str], visible: bool) -> list[Path]:
    if visible:
        return sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "corpus-news").glob("g*"))
    found: list[Path] = []
    for p in map(Path, paths or [str(ROOT / "data" / "samples")]):
        found.extend(sorted(f for f in p.iterdir() if f.is_file()) if p.is_dir() else [p])
    return found


def main() -> int:
    today = datetime.date.today()
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--visible", action="store_true", help="../shared/corpus and ../shared/corpus-news/g*")
    ap.add_argument("--gold", default=str(EVAL / "gold"))
    # Output goes to the temp dir by default so that no generated file lands in the repository.
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "gwr_sample_facts.csv"))
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    rows = []
    # Warm-up: compile the lexicon, read the region table and build jieba's dictionary once,
    # so the per-document figure below is the steady-state cost.
    warm = time.perf_counter()
    process_text("warm-up.txt", "2024年重庆市万州区政府工作报告\n山体森林覆盖率达80%,地区生产总值增长6%。", today)
    print(f"warm-up (load knowledge tables, jieba dictionary): {time.perf_counter() - warm:.2f} s")
    files = _files(args.paths, args.visible)
    started = time.perf_counter()
    for path in files:
        decoded = decode(path.read_bytes(), path.name)
        _clean, _meta, facts = process_text(path.name, decoded.text, today)
        rows.extend({c: getattr(f, c) for c in COLUMNS} for f in facts)
    elapsed = time.perf_counter() - started
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    per_doc = 1000 * elapsed / max(1, len(files))
    print(f"{len(files)} documents, {len(rows)} facts, {per_doc:.1f} ms/document -> {args.out}")
    if (EVAL / "score.py").exists():
        cmd = [sys.executable, str(EVAL / "score.py"), "--gold", args.gold, "--pred", args.out, "--by-doc"]
        if args.misses:
            cmd.append("--misses")
        return subprocess.call(cmd)
    print(f"no scorer at {EVAL / 'score.py'}: facts written, not scored")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
