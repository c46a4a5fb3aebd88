"""Issue 9's acceptance run: the samples plus three hostile files through `gwr run`; prints, asserts nothing.

    .venv/bin/python bench/hostile_run.py [--keep DIR]

Builds a folder of the bundled samples, a file whose name is GBK bytes (what
unzipping a Windows archive gives), one sentence of 50,000 figures and a 300 KB
line without a full stop, runs the real `gwr run` on it with the default
settings, and prints the wall time and what became of each file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from settings import SAMPLES_DIR  # noqa: E402


def build(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for sample in sorted(SAMPLES_DIR.glob("*.txt")):
        shutil.copy(sample, folder / sample.name)
    gbk_name = os.fsdecode("政府工作报告".encode("gbk") + b".txt")
    shutil.copy(sorted(SAMPLES_DIR.glob("*.txt"))[0], folder / gbk_name)
    figures = "，".join(f"第{i}项指标增长{i % 97}.{i % 10}%" for i in range(50_000))
    (folder / "fifty-thousand-figures.txt").write_text("2024年全市" + figures + "。\n", encoding="utf-8")
    line = "全市地区生产总值增长5.5%，规模以上工业增加值增长6.1%，" * 10_000
    (folder / "line-without-full-stop.txt").write_text(line[:121_000], encoding="utf-8")  # 300 KB of UTF-8


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="build the folder and warehouse here instead of a temporary folder")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="gwr-hostile-"))
    build(root / "inbox")
    gwr = str(Path(sys.executable).with_name("gwr"))
    started = time.monotonic()
    result = subprocess.run([gwr, "run", str(root / "inbox"), "--db", str(root / "gwr.duckdb")],
                            capture_output=True, text=True)
    print(f"gwr run exited {result.returncode} after {time.monotonic() - started:.1f} s")
    print(result.stdout)
    print(result.stderr)
    if args.keep is None:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
