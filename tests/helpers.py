"""Helpers shared by the flow and CLI tests: the bundled samples and running the real `gwr` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from gwr.config import PROJECT_ROOT, SAMPLES_DIR

GWR = str(Path(sys.executable).with_name("gwr"))
SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
# The material beside the project (eval set, corpora); absent on a clean clone, where tests that
# need it skip with a reason.
SHARED = PROJECT_ROOT.parent / "shared"


def copy_samples(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for s in SAMPLES:
        shutil.copy(s, dest / s.name)
    return dest


def gwr(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the installed `gwr` command as a user would."""
    return subprocess.run([GWR, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
