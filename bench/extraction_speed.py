"""The extractor's steady-state speed against a bare `jieba.lcut` pass, with where its time goes.

usage: python bench/extraction_speed.py [--runs 3] [--corpus DIR ...] [--profile FILE]

On the distinct texts of the corpora (by default those `bench/benchmark.py` reads:
../shared/corpus-large and ../shared/corpus-news, 273 texts), each run in a fresh process
that has read one text first, as `bench.benchmark.steady_state` does: its CPU seconds of
decode + clean + describe + extract over all the texts and of a bare `jieba.lcut` pass;
then, in another fresh process warmed the same way, the extractor's CPU seconds split by
stage (decode / clean / describe / facts). Each figure is the best of `--runs` runs, the
ratio the best run's.

The machine is shared: seconds move with the load (printed beside them), ratios much less.
Read the ratios. `--profile FILE` also writes a cProfile of one pass of the stages.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.benchmark import corpus_texts, steady_state  # noqa: E402

SHARED = ROOT.parent / "shared"
STAGES = ("decode", "clean", "describe", "facts")


def _load() -> float:
    return os.getloadavg()[0]


def stage_split(texts: list[tuple[Path, str]]) -> dict[str, float]:
    """CPU seconds of each stage over `texts`, in this process, after one text read to warm it."""
    from transforms import process_document
    from transforms.clean import clean_text
    from transforms.decode import decode_with_warnings
    from transforms.describe import extract_metadata
    from transforms.facts import extract_facts
    from transforms.records import SourceFile

    today = dt.date.today()
    datas = [(p.name, t.encode("utf-8")) for p, t in texts]
    name, data = datas[0]
    process_document(SourceFile(name, name, data, "0" * 64, len(data), 0.0), today)  # as steady_state warms
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


def _one(kind: str, corpora: list[Path]) -> None:
    """One run in this process, printed as JSON: `steady` or `stages`."""
    texts = corpus_texts(corpora)
    if kind == "steady":
        extract, jieba, chars = steady_state(texts)
        print(json.dumps({"extract": extract, "jieba": jieba, "chars": chars, "load": _load()}))
    else:
        print(json.dumps({**stage_split(texts), "load": _load()}))


def _fresh(kind: str, corpora: list[Path]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--one", kind, "--corpus", *map(str, corpora)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, nargs="*", default=[SHARED / "corpus-large", SHARED / "corpus-news"])
    ap.add_argument("--profile", type=Path, help="write a cProfile of one pass of the stages here")
    ap.add_argument("--one", choices=("steady", "stages"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        _one(args.one, args.corpus)
        return 0
    texts = corpus_texts(args.corpus)
    print(f"{len(texts)} distinct texts, {sum(len(t) for _, t in texts):,} chars; load average {_load():.1f}")
    runs = []
    for i in range(args.runs):
        run = _fresh("steady", args.corpus)
        runs.append(run)
        print(f"  run {i + 1}: extraction {run['extract']:.2f} CPU s, jieba {run['jieba']:.2f} CPU s, "
              f"ratio {run['jieba'] / run['extract']:.2f}x; load average {run['load']:.1f}")
    best = min(runs, key=lambda r: r["extract"])
    print(f"best: extraction {best['extract']:.2f} CPU s = {best['chars'] / best['extract'] / 1e6:.2f} M chars/CPU-s, "
          f"jieba {best['jieba']:.2f} CPU s, ratio {best['jieba'] / best['extract']:.2f}x "
          f"(best jieba of the runs {min(r['jieba'] for r in runs):.2f} s)")
    splits = [_fresh("stages", args.corpus) for _ in range(args.runs)]
    split = {s: min(sp[s] for sp in splits) for s in STAGES}
    total = sum(split.values())
    print("stages (best of runs, CPU s): " + ", ".join(f"{s} {split[s]:.2f} ({split[s] / total:.0%})" for s in STAGES)
          + f"; sum {total:.2f}; load average {max(sp['load'] for sp in splits):.1f}")
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stage_split, texts)
        prof.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
