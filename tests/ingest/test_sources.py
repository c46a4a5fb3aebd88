"""Every bad-input case through discover -> read_source -> decode, on real files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ingest.errors import FileTooLarge, ReadError
from ingest.sources import Discovery, OutsideLink, UndecodableName, discover, missing, read_source, shown
from settings import MAX_FILE_MB
from tests.fixtures.bad_inputs import MATRIX_MAX_BYTES, Case
from transforms.decode.decoder import decode
from transforms.errors import EmptyFile, InputError
from transforms.records import DecodedText

# Ids are listed rather than read from the matrix so that a case that silently
# disappears from the generator fails here.
CASE_IDS = [
    "utf8", "utf8-bom", "gb18030", "gbk", "utf16le-bom", "utf16be-nobom", "utf32-bom", "markdown",
    "nul-bytes", "spaces-quotes-chinese", "traditional-utf8", "traditional-big5", "html-gbk-noise",
    "html-in-txt", "docx", "pdf-text", "pdf-password", "pdf-owner-password-only", "pdf-scan",
    "docx-truncated", "pdf-truncated", "empty",
    "binary-junk", "undecodable", "too-large", "missing", "symlink-self-loop", "symlink-dir-loop",
    "symlink-alias", "same-content-two-names", "unreadable",
    "gbk-file-name", "rtf-named", "json-named", "html-deep", "docx-bomb", "pdf-partly-scanned",
]  # fmt: skip


def ingest(path: Path) -> DecodedText | InputError:
    """What the pipeline makes of one named path: its text, or the error it is recorded with."""
    found = discover([path])
    if found.errors:
        return found.errors[0][1]
    assert found.files == [Path(os.path.abspath(path))]
    try:
        return decode(read_source(found.files[0], MATRIX_MAX_BYTES).data, path.name)
    except InputError as err:
        return err


def test_matrix_has_every_case(bad_inputs: dict[str, Case]) -> None:
    assert sorted(bad_inputs) == sorted(CASE_IDS)


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case(bad_inputs: dict[str, Case], case_id: str) -> None:
    case = bad_inputs[case_id]
    if case.skip:
        pytest.skip(case.skip)
    outcome = ingest(case.path)
    if case.expected == "loaded":
        assert isinstance(outcome, DecodedText), f"{case.note}: {outcome}"
        assert outcome.encoding == case.encoding
        assert case.contains is not None and case.contains in outcome.text
        assert "\x00" not in outcome.text
    else:
        assert type(outcome) is case.expected, f"{case.note}: got {outcome!r}"
        assert str(outcome), "every error carries a sentence for the run summary"


def test_errors_name_the_file(bad_inputs: dict[str, Case]) -> None:
    for case in bad_inputs.values():
        if case.expected != "loaded" and not case.skip:
            outcome = ingest(case.path)
            assert shown(case.path.name) in str(outcome), str(outcome)


def test_too_large_is_refused_with_the_limit_and_the_knob(bad_inputs: dict[str, Case]) -> None:
    path = bad_inputs["too-large"].path
    with pytest.raises(FileTooLarge) as info:
        read_source(path, MATRIX_MAX_BYTES)
    message = str(info.value)
    assert "GWR_MAX_FILE_MB" in message and "over the 1 MB limit" in message and " bytes), " in message
    assert read_source(path, MAX_FILE_MB.default * 1024 * 1024).size == path.stat().st_size


def test_read_source_records_bytes_hash_and_mtime(bad_inputs: dict[str, Case]) -> None:
    path = bad_inputs["spaces-quotes-chinese"].path
    src = read_source(path, MATRIX_MAX_BYTES)
    assert src.name == path.name and src.path == str(path)
    assert src.data == path.read_bytes() and src.size == len(src.data)
    assert len(src.sha256) == 64 and src.mtime == path.stat().st_mtime


def test_same_content_under_two_names_has_one_hash(bad_inputs: dict[str, Case]) -> None:
    a = read_source(bad_inputs["same-content-two-names"].path, MATRIX_MAX_BYTES)
    b = read_source(bad_inputs["symlink-alias"].path.parent / "sub" / "report.txt", MATRIX_MAX_BYTES)
    assert a.name != b.name and a.sha256 == b.sha256


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p.mkdir(), ReadError, "is a folder"),
        (lambda p: p.write_bytes(b""), EmptyFile, "empty file"),
        (lambda p: None, ReadError, "no such file or directory"),
        (lambda p: os.mkfifo(p), ReadError, "not a regular file"),
    ],
    ids=["folder", "empty", "vanished", "fifo-does-not-hang"],
)
def test_read_source_errors(tmp_path: Path, make, error: type[InputError], words: str) -> None:
    path = tmp_path / "x.txt"
    make(path)
    with pytest.raises(error) as info:
        read_source(path, MATRIX_MAX_BYTES)
    assert type(info.value) is error and words in str(info.value) and str(path) in str(info.value)


def test_discover_walks_the_whole_matrix_without_hanging(bad_inputs: dict[str, Case]) -> None:
    root = bad_inputs["utf8"].path.parent
    found = discover([root, root])  # named twice: still one of each
    names = [p.name for p in found.files]
    assert found.files == sorted(found.files) and len(names) == len(set(found.files))
    # alias.txt and linked/sub/report.txt are one file; whichever spelling is met first is kept.
    target = (root / "linked" / "sub" / "report.txt").resolve()
    assert sum(p.resolve() == target for p in found.files) == 1
    errors = {Path(p).name: type(e) for p, e in found.errors}
    gbk_name = shown(bad_inputs["gbk-file-name"].path.name)
    assert errors == {"self.txt": ReadError, "up": ReadError, gbk_name: UndecodableName}
    assert {p.name for p in found.skipped} == {"report.rtf", "report.json"}  # in named/, walked past and counted


def test_folder_loop_is_reported_once_and_the_rest_is_found(bad_inputs: dict[str, Case]) -> None:
    looped = bad_inputs["symlink-dir-loop"].path
    found = discover([looped])
    assert found.files == [looped / "sub" / "report.txt"]
    (path, err), = found.errors  # fmt: skip
    assert path == str(looped / "sub" / "up") and "points back to a folder above it" in str(err)


def test_discover_filters_folders_but_takes_named_files(tmp_path: Path) -> None:
    for name in ["a.TXT", "b.Html", "c.htm", "d.md", "e.DOCX", "f.pdf", "g.doc", "h.png", ".hidden.txt"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_bytes(b"x")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "z.txt").write_bytes(b"x")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.files] == [
        "a.TXT", "b.Html", "c.htm", "d.md", "deep/er/z.txt", "e.DOCX", "f.pdf",
    ]  # fmt: skip
    # counted in the summary, not silently dropped; a hidden file gwr would read is said too (issue 19)
    assert [p.name for p in found.skipped] == [".hidden.txt", "g.doc", "h.png"]
    named = discover([tmp_path / "g.doc", tmp_path / ".hidden.txt", str(tmp_path / "h.png")])
    assert [p.name for p in named.files] == [".hidden.txt"]
    assert {type(err).__name__ for _, err in named.errors} == {"UnsupportedFormat"}
    assert all(path.endswith((".doc", ".png")) and path in str(err) for path, err in named.errors)


def test_discover_missing_path(tmp_path: Path) -> None:
    found = discover([tmp_path / "nope.txt"])
    assert found == Discovery(files=[], errors=found.errors)
    (path, err), = found.errors  # fmt: skip
    assert type(err) is ReadError and str(err) == f"no such file or directory: {tmp_path / 'nope.txt'}"


def test_dangling_symlink_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "never-was.txt")
    found = discover([tmp_path])
    assert not found.files and "dangling symlink" in str(found.errors[0][1])


def test_ten_thousand_files_discovered_quickly(many_files: Path) -> None:
    start = time.perf_counter()
    found = discover([many_files])
    elapsed = time.perf_counter() - start
    assert len(found.files) == 10_000 and not found.errors
    assert found.files[0].name == "r00000.txt" and found.files[-1].name == "r09999.txt"
    assert elapsed < 1.0, f"discovering 10,000 files took {elapsed:.2f} s"


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    """A sparse 60 MB file is refused from its size alone, in well under the time a read would take."""
    path = tmp_path / "sparse.pdf"
    with open(path, "wb") as fh:
        fh.truncate(60 * 1024 * 1024)
    with pytest.raises(
        FileTooLarge, match=r"is 60.0 MB \(62,914,560 bytes\), over the 50 MB limit; set GWR_MAX_FILE_MB"
    ):
        read_source(path, MAX_FILE_MB.default * 1024 * 1024)


def test_a_symlink_out_of_the_folders_named_is_refused_unless_links_are_followed(tmp_path: Path) -> None:
    """Issue 19: report.txt -> a private file outside the inbox was read into the warehouse and its snapshot."""
    private, inbox = tmp_path / "private", tmp_path / "inbox"
    (private / "folder").mkdir(parents=True)
    (private / "secret.txt").write_text("机密", encoding="utf-8")
    (private / "folder" / "more.txt").write_text("机密", encoding="utf-8")
    (inbox / "sub").mkdir(parents=True)
    (inbox / "sub" / "own.txt").write_text("报告", encoding="utf-8")
    (inbox / "report.txt").symlink_to(private / "secret.txt")
    (inbox / "linked-folder").symlink_to(private / "folder")
    (inbox / "alias.txt").symlink_to(inbox / "sub" / "own.txt")  # within the inbox: followed

    found = discover([inbox])
    assert [p.name for p in found.files] == ["alias.txt"]  # the same file as sub/own.txt, first spelling kept
    refused = {Path(path).name: err for path, err in found.errors}
    assert set(refused) == {"report.txt", "linked-folder"}
    assert all(type(err) is OutsideLink and "--follow-links" in str(err) for err in refused.values())
    assert "symlink to a file outside the folders named" in str(refused["report.txt"])
    assert "symlink to a folder outside the folders named" in str(refused["linked-folder"])

    both = discover([inbox, private / "secret.txt"])  # named on the command line: inside what was named
    assert [p.name for p in both.files] == ["alias.txt", "report.txt"]  # report.txt: secret.txt, first met
    assert [Path(path).name for path, _ in both.errors] == ["linked-folder"]

    followed = discover([inbox], follow_links=True)
    assert not followed.errors
    assert {p.name for p in followed.files} == {"alias.txt", "report.txt", "more.txt"}


def test_a_file_swapped_for_a_link_after_discovery_is_refused_when_read(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "secret.txt").write_text("机密", encoding="utf-8")
    (inbox / "report.txt").write_text("报告", encoding="utf-8")
    found = discover([inbox])
    (inbox / "report.txt").unlink()
    (inbox / "report.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(OutsideLink, match="outside the folders named"):
        read_source(found.files[0], MATRIX_MAX_BYTES, found.roots)
    assert read_source(found.files[0], MATRIX_MAX_BYTES).data == "机密".encode()  # --follow-links: no roots


def test_no_entry_of_a_folder_is_passed_over_silently(tmp_path: Path) -> None:
    """Issue 19: a FIFO was ignored, a link to /dev/zero called dangling, a hidden ..txt left out unsaid."""
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "..txt").write_text("报告", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "never-was.txt")
    found = discover([tmp_path])
    said = {Path(path).name: str(err) for path, err in found.errors}
    assert said["pipe.txt"] == f"not a regular file (a pipe (FIFO)): {tmp_path / 'pipe.txt'}"
    assert "outside the folders named" in said["zero.txt"]
    assert "dangling symlink" in said["gone.txt"]
    assert [p.name for p in found.skipped] == ["..txt", "pipe"]
    followed = discover([tmp_path], follow_links=True)
    assert dict((Path(p).name, str(e)) for p, e in followed.errors)["zero.txt"].startswith(
        "not a regular file (a character device)")
    named = discover([tmp_path / "pipe.txt", "/dev/zero"])
    assert [str(err).split(":")[0] for _, err in named.errors] == [
        "not a regular file (a pipe (FIFO))", "not a regular file (a character device)"]


def test_a_folder_that_cannot_be_read_makes_none_of_its_documents_gone(tmp_path: Path) -> None:
    """Issue 19: `gwr run --prune` on a folder moved away retired every document loaded from it."""
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "kept.txt").write_text("x")
    loaded = [str(inbox / "kept.txt"), str(inbox / "deleted.txt"), str(inbox / "sub" / "a.txt"),
              str(inbox / "removed-folder" / "b.txt"), str(tmp_path / "named.txt")]
    assert missing(loaded, [inbox, tmp_path / "named.txt"], {str(inbox / "kept.txt")}) == [
        str(inbox / "deleted.txt"), str(inbox / "removed-folder" / "b.txt"), str(inbox / "sub" / "a.txt"),
        str(tmp_path / "named.txt")]
    inbox.rename(tmp_path / "moved-away")
    assert missing(loaded, [inbox], set()) == []
