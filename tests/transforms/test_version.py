"""The extractor's version is a digest of the extractor: one changed cue row is a new version."""

from __future__ import annotations

import shutil
from pathlib import Path

from transforms import EXTRACTOR_VERSION
from transforms.version import RELEASE, extractor_digest, extractor_version

PACKAGE = Path(__file__).resolve().parents[2] / "transforms"


def copy_of_the_extractor(dest: Path) -> Path:
    shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_the_version_names_the_release_and_digests_this_package() -> None:
    assert EXTRACTOR_VERSION == extractor_version(PACKAGE) == f"{RELEASE}+{extractor_digest(PACKAGE)[:12]}"


def test_one_cue_row_changed_is_another_version_and_line_endings_are_not(tmp_path: Path) -> None:
    copy = copy_of_the_extractor(tmp_path / "transforms")
    assert extractor_digest(copy) == extractor_digest(PACKAGE)
    cues = copy / "knowledge" / "data" / "cues.csv"
    text = cues.read_text(encoding="utf-8")
    cues.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert extractor_digest(copy) == extractor_digest(PACKAGE)
    cues.write_text(text.replace("target,力争\n", "target,力求\n", 1), encoding="utf-8")
    assert extractor_digest(copy) != extractor_digest(PACKAGE)


def test_compiled_files_do_not_count(tmp_path: Path) -> None:
    copy = copy_of_the_extractor(tmp_path / "transforms")
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "process.cpython-311.pyc").write_bytes(b"\0compiled")
    assert extractor_digest(copy) == extractor_digest(PACKAGE)
