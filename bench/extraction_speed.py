"""The extractor's steady-state speed against a bare `jieba.lcut` pass, with where its time goes.

usage: python bench/extraction_speed.py [--runs 3] [--corpus DIR ...] [--profile FILE]

On the distinct texts of the corpora (by default those `bench/benchmark.py` reads:
../shared/corpus-large and ../shared/corpus-news, 273 texts), in one warm process:
`bench.benchmark.steady_state` (decode + clean + describe + extract, then bare
`jieba.lcut`, in CPU seconds), and a split of the extractor's CPU seconds by stage
(decode / clean / describe / facts). Each figure is the best of `--runs` runs.

The machine is shared: seconds move with the load (printed beside them), ratios much less.
Read the ratios. `--profile FILE` also writes a cProfile of one pass of the stages.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchmark import corpus_texts, steady_state  # noqa: E402

SHARED = ROOT.parent / "shared"
STAGES = ("decode", "clean", "describe", "facts")


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}"


def stage_split(texts: list[tuple[Path, str]]) -> dict[str, float]:
    """CPU seconds of each stage over `texts`, in this (warm) process."""
    from transforms.clean import clean_text
    from transforms.decode import decode_with_warnings
    from transforms.describe import extract_metadata
    from transforms.facts import extract_facts

    today = dt.date.today()
    datas = [(p.name, t.encode("utf-8")) for p, t in texts]
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for name, data in datas:
        t0 = clock()
        decoded, _ = decode_with_warnings(data, name)
        t1 = clock()
        clean = clean_text(decoded.text)
        t2 = clock()
        meta = extract_metadata(name, clean, today)
        t3 = clock()
        extract_facts(name, decoded.text, clean, meta)
        t4 = clock()
        spent["decode"] += t1 - t0
        spent["clean"] += t2 - t1
        spent["describe"] += t3 - t2
        spent["facts"] += t4 - t3
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, nargs="*", default=[SHARED / "corpus-large", SHARED / "corpus-news"])
    ap.add_argument("--profile", type=Path, help="write a cProfile of one pass of the stages here")
    args = ap.parse_args()
    texts = corpus_texts(args.corpus)
    chars = sum(len(t) for _, t in texts)
    print(f"{len(texts)} distinct texts, {chars:,} chars; {_load()}")
    best_extract = best_jieba = best_ratio = float("inf")
    ratio = 0.0
    for i in range(args.runs):
        extract, jieba, _ = steady_state(texts)
        ratio = jieba / extract
        best_extract, best_jieba = min(best_extract, extract), min(best_jieba, jieba)
        best_ratio = min(best_ratio, -ratio)
        print(f"  run {i + 1}: extraction {extract:.2f} CPU s, jieba {jieba:.2f} CPU s, "
              f"ratio {ratio:.2f}x; {_load()}")
    print(f"best: extraction {best_extract:.2f} CPU s ({chars / best_extract / 1e6:.2f} M chars/CPU-s), "
          f"jieba {best_jieba:.2f} CPU s, ratio of bests {best_jieba / best_extract:.2f}x, "
          f"best ratio {-best_ratio:.2f}x")
    splits = [stage_split(texts) for _ in range(args.runs)]
    best = {s: min(sp[s] for sp in splits) for s in STAGES}
    total = sum(best.values())
    print("stages (best of runs, CPU s): " + ", ".join(f"{s} {best[s]:.2f} ({best[s] / total:.0%})" for s in STAGES)
          + f"; sum {total:.2f}; {_load()}")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stage_split, texts)
        prof.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
