"""Extract every corpus text in one process and print a digest of all it yields: the byte-identical check.

usage: python bench/facts_fingerprint.py [--out FILE] [--compare FILE] [PATHS ...]

A refactoring must not change a fact. This runs decode, clean, describe and extract — the
work a worker does for a document — over the texts of ../shared/corpus-large and
../shared/corpus-news (272; their manifests and READMEs apart) and the bundled samples
(data/samples), and writes one JSON line per text: its decoded form, metadata, warnings
and every fact with every field. It prints the sha256 of those lines.

`--out FILE` keeps the lines; `--compare FILE` reads lines kept before and prints, per
text, what differs (exit 1 if anything does). Run it before a change with `--out`, after
it with `--compare`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import process_document  # noqa: E402
from transforms.records import SourceFile  # noqa: E402

SHARED = ROOT.parent / "shared"
# The date the texts are read on, fixed so that the digest does not move with the clock.
TODAY = dt.date(2026, 12, 7)
CORPORA = (SHARED / "corpus-large", SHARED / "corpus-news", ROOT / "data" / "samples")
NOT_TEXTS = {"MANIFEST.csv", "README.md"}


def _texts(paths: list[str]) -> list[Path]:
    roots = [Path(p) for p in paths] or [c for c in CORPORA if c.is_dir()]
    found: list[Path] = []
    for root in roots:
        found.extend(sorted(p for p in root.iterdir() if p.is_file() and p.name not in NOT_TEXTS)
                     if root.is_dir() else [root])
    return found


def _line(path: Path) -> str:
    data = path.read_bytes()
    src = SourceFile(path=path.name, name=path.name, data=data, sha256=hashlib.sha256(data).hexdigest(),
                     size=len(data), mtime=0.0)
    out = process_document(src, TODAY)
    record = {"file": f"{path.parent.name}/{path.name}", **_plain(out)}
    return json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)


def _plain(out: object) -> dict:
    if not hasattr(out, "facts"):  # a Failure
        return {"failure": dataclasses.asdict(out)}  # type: ignore[call-overload]
    return {
        "decoded": {"encoding": out.decoded.encoding, "format": out.decoded.source_format,
                    "n_chars": len(out.decoded.text)},
        "clean": dataclasses.asdict(out.clean),
        "meta": dataclasses.asdict(out.meta),
        "warnings": [list(w) for w in out.warnings],
        "facts": [dataclasses.asdict(f) for f in out.facts],
    }


_SHOWN = ("region", "year", "period", "indicator", "measure", "kind", "value", "unit", "qualifier")


def _fact_changes(old: list[dict], new: list[dict]) -> None:
    """The facts only one side has, as key fields and quote; then facts whose other fields differ."""
    def key(f: dict) -> tuple:
        return tuple(f[k] for k in _SHOWN)
    olds, news = {key(f): f for f in old}, {key(f): f for f in new}
    for sign, keys, side in (("-", olds.keys() - news.keys(), olds), ("+", news.keys() - olds.keys(), news)):
        for k in sorted(keys, key=str):
            print(f"  {sign} {' '.join(map(str, k))}  | {side[k]['quote']}")
    changed = sum(1 for k in olds.keys() & news.keys()
                  if olds[k] != {field: v for field, v in news[k].items() if field in olds[k]})
    if changed:
        print(f"  ~ {changed} facts with the same key differ in other fields (offsets, quote, wording...)")


def _differs(old: str | None, new: str | None) -> bool:
    """Whether two kept lines differ, fields added since the older was written aside."""
    if old is None or new is None:
        return old != new
    a, b = json.loads(old), json.loads(new)
    return a != _without_new_fields(a, b)


def _without_new_fields(old: dict, new: dict) -> dict:
    out = dict(new)
    if old.get("meta") and new.get("meta"):
        out["meta"] = {k: v for k, v in new["meta"].items() if k in old["meta"]}
    if old.get("facts") and new.get("facts"):
        known = set(old["facts"][0])
        out["facts"] = [{k: v for k, v in f.items() if k in known} for f in new["facts"]]
    return out


def _compare(lines: list[str], kept: Path) -> int:
    before = {json.loads(x)["file"]: x for x in kept.read_text(encoding="utf-8").splitlines()}
    after = {json.loads(x)["file"]: x for x in lines}
    differ = sorted(f for f in before.keys() | after.keys() if _differs(before.get(f), after.get(f)))
    for name in differ:
        print(f"differs: {name}")
        if name in before and name in after:
            old, new = json.loads(before[name]), json.loads(after[name])
            for key in sorted(old.keys() | new.keys()):
                if key == "facts":
                    _fact_changes(old.get(key) or [], new.get(key) or [])
                elif key == "meta" and old.get(key) and new.get(key):
                    # A field added since the kept lines were written is no difference.
                    if {k: v for k, v in new[key].items() if k in old[key]} != old[key]:
                        print(f"  meta: before {json.dumps(old[key], ensure_ascii=False)[:300]}")
                        print(f"  meta: after  {json.dumps(new[key], ensure_ascii=False)[:300]}")
                elif old.get(key) != new.get(key):
                    print(f"  {key}: before {json.dumps(old.get(key), ensure_ascii=False)[:300]}")
                    print(f"  {key}: after  {json.dumps(new.get(key), ensure_ascii=False)[:300]}")
    print(f"{len(after)} texts compared with {kept.name}: {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="files or folders (default: the corpora and the samples)")
    ap.add_argument("--out", type=Path, help="keep the JSON lines here")
    ap.add_argument("--compare", type=Path, help="JSON lines kept before: print what differs")
    args = ap.parse_args()
    files = _texts(args.paths)
    if not files:
        print(f"no texts: {SHARED} is not beside the project and no paths were given", file=sys.stderr)
        return 2
    started = time.perf_counter()
    lines = [_line(p) for p in files]
    n_facts = sum(len(json.loads(x).get("facts", [])) for x in lines)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    print(f"{len(files)} texts, {n_facts} facts, {time.perf_counter() - started:.1f} s; sha256 {digest}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _compare(lines, args.compare) if args.compare else 0


if __name__ == "__main__":
    raise SystemExit(main())
