"""How many provincial 2026 reports yield a 2026 GDP growth target and a 2025 GDP growth actual,
and how many their 2026 CPI target (居民消费价格涨幅2%左右: 26 of the 30 state one).

usage: python bench/provincial_coverage.py [CORPUS_DIR]   (default ../shared/corpus-large beside the project)
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import process_text  # noqa: E402


def main() -> int:
    today = datetime.date.today()
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus-large"
    files = sorted(corpus.glob("b_*.txt"))
    targets = actuals = cpi_targets = 0
    misses: list[str] = []
    # Warm-up: compile the lexicon, read the region table and build jieba's dictionary once,
    # so the per-document figure below is the steady-state cost.
    warm = time.perf_counter()
    process_text("warm-up.txt", "2024年重庆市万州区政府工作报告\n山体森林覆盖率达80%,地区生产总值增长6%。", today)
    print(f"warm-up (load knowledge tables, jieba dictionary): {time.perf_counter() - warm:.2f} s")
    started = time.perf_counter()
    for path in files:
        _clean, meta, facts = process_text(path.name, path.read_text(encoding="utf-8", errors="replace"), today)
        gdp = [f for f in facts if f.indicator == "gdp" and f.measure == "growth" and f.period == "FY"]
        has_target = any(f.kind == "target" and f.year == 2026 for f in gdp)
        has_actual = any(f.kind in ("actual", "forecast") and f.year == 2025 for f in gdp)
        cpi_targets += any(f.indicator == "cpi" and f.kind == "target" and f.year == 2026 for f in facts)
        targets += has_target
        actuals += has_actual
        if not (has_target and has_actual):
            missing = [w for w, ok in (("target 2026", has_target), ("actual 2025", has_actual)) if not ok]
            misses.append(f"{path.name}\t{meta.region}\t{meta.year}\tmissing: {', '.join(missing)}")
    elapsed = time.perf_counter() - started
    print(f"{len(files)} provincial reports: GDP growth target 2026 in {targets}, GDP growth actual 2025 in {actuals}, "
          f"CPI target 2026 in {cpi_targets}")
    print(f"{1000 * elapsed / max(1, len(files)):.1f} ms/document")
    for line in misses:
        print("MISS", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
