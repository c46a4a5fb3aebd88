"""decode(): bytes to text for every format and encoding, and an InputError for everything else."""

from __future__ import annotations

import codecs
import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import ReadError
from tests.fixtures.bad_inputs import Case
from tests.fixtures.documents import find_cjk_font, find_noto_cjk_font, pdf_in_font
from transforms import process_text
from transforms.decode.decoder import decode
from transforms.decode.web_page import html_to_text
from transforms.errors import (
    BinaryContent,
    CorruptDocument,
    DecodeError,
    EmptyFile,
    InputError,
    NoText,
    UndecodableText,
    UnsupportedFormat,
)


def decode_cases(cases: dict[str, Case]) -> list[Case]:
    """The matrix cases decide in decode(): the file exists, is within the limit and is not refused by name."""
    return [
        c for c in cases.values()
        if not (isinstance(c.expected, type) and issubclass(c.expected, ReadError))
        and not c.named and c.path.exists() and c.path.stat().st_size < 1024 * 1024
    ]  # fmt: skip


def test_matrix_through_decode_alone(bad_inputs: dict[str, Case]) -> None:
    cases = decode_cases(bad_inputs)
    assert len(cases) >= 20
    for case in cases:
        data = case.path.read_bytes()
        if case.expected == "loaded":
            decoded = decode(data, case.path.name)
            assert decoded.encoding == case.encoding, case.id
            assert case.contains in decoded.text, case.id
        else:
            with pytest.raises(InputError) as info:
                decode(data, case.path.name)
            assert type(info.value) is case.expected, f"{case.id}: {info.value}"
            assert case.path.name in str(info.value)


def test_html_noise_is_dropped_and_blocks_are_lines(bad_inputs: dict[str, Case]) -> None:
    decoded = decode(bad_inputs["html-gbk-noise"].path.read_bytes(), "page.html")
    assert decoded.source_format == "html"
    for noise in ["脚本噪声", "导航噪声", "相关链接噪声", "页脚噪声", "网站首页", "请启用脚本", "color: red", "报告\n"]:
        assert noise not in decoded.text
    assert "<p>" not in decoded.text and "\n\n" not in decoded.text


def test_docx_keeps_paragraphs_and_table_rows_in_order(bad_inputs: dict[str, Case]) -> None:
    decoded = decode(bad_inputs["docx"].path.read_bytes(), "report.docx")
    lines = decoded.text.splitlines()
    assert lines[0] == "政府工作报告" and lines[-2:] == ["指标\t增速", "地区生产总值\t5.2%"]
    assert decoded.source_format == "docx"


def test_scan_message_counts_pages(bad_inputs: dict[str, Case]) -> None:
    with pytest.raises(DecodeError, match=r"PDF has 3 pages but no text layer; it is probably a scan — OCR it"):
        decode(bad_inputs["pdf-scan"].path.read_bytes(), "scan.pdf")


def test_binary_message_gives_the_share(bad_inputs: dict[str, Case]) -> None:
    with pytest.raises(BinaryContent, match=r"looks like binary data, not text \(\d+% control bytes\)"):
        decode(bad_inputs["binary-junk"].path.read_bytes(), "junk.txt")


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "a.txt", EmptyFile),
        (b" \n\t\r\n \xe3\x80\x80", "a.txt", NoText),  # ideographic space is whitespace too
        (b"<html><body><script>x()</script></body></html>", "a.html", NoText),
        (b"hello", "a.pdf", CorruptDocument),
        (b"hello", "a.docx", CorruptDocument),
        (b"PK\x03\x04" + b"\x00" * 60, "a.docx", CorruptDocument),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old.doc", UnsupportedFormat),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "a.txt", UndecodableText),
    ],
    ids=[
        "empty",
        "whitespace",
        "html-script-only",
        "pdf-not-pdf",
        "docx-not-zip",
        "zip-garbage",
        "ole-doc",
        "bom-then-junk",
    ],
)
def test_specific_errors(data: bytes, name: str, error: type[InputError]) -> None:
    with pytest.raises(error):
        decode(data, name)


def test_zip_that_is_not_a_word_document(tmp_path) -> None:
    import zipfile

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hi")
    with pytest.raises(UnsupportedFormat, match="not a Word .docx"):
        decode(path.read_bytes(), "a.docx")


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("<p>一</p>".encode("utf-16"), "html:utf-16-le", "一"),  # HTML sniffed through a BOM
        (b'<meta charset="utf-8"><p>\xe4\xb8\x80</p>', "html:utf-8", "一"),
        ('<meta charset="gb2312"><p>一</p>'.encode("gb18030"), "html:gb18030", "一"),
        ('<meta charset="utf-8"><p>政府工作报告</p>'.encode("gb18030"), "html:gb18030", "政府工作报告"),  # lying meta
        ("增长5.2%".encode()[:-1] + "增".encode()[:2], "utf-8", "增长5.2"),  # cut mid-character
    ],
    ids=["utf16-bom", "meta-utf8", "meta-gb2312", "meta-lies", "truncated-utf8"],
)
def test_encodings(data: bytes, encoding: str, text: str) -> None:
    name = "a.txt" if encoding == "utf-8" else "a.html"
    decoded = decode(data, name)
    assert (decoded.encoding, decoded.text) == (encoding, text)


def test_html_entities_and_cells() -> None:
    html = "<table><tr><td>GDP</td><td>5.2&#37;</td></tr></table><p>A&nbsp;&lt;B&gt;</p>"
    assert html_to_text(html) == "GDP 5.2%\nA\xa0<B>"


def test_traditional_is_kept(bad_inputs: dict[str, Case]) -> None:
    decoded = decode(bad_inputs["traditional-utf8"].path.read_bytes(), "t.txt")
    assert decoded.text == bad_inputs["traditional-utf8"].path.read_text(encoding="utf-8")


def test_decoding_100kb_utf8_is_fast(sample_text: str) -> None:
    data = (sample_text * (100_000 // len(sample_text.encode()) + 1)).encode()[:100_000]
    decode(data, "warm.txt")
    start = time.perf_counter()
    for _ in range(20):
        decode(data, "big.txt")
    per_call = (time.perf_counter() - start) / 20
    assert per_call < 0.010, f"{per_call * 1000:.1f} ms per 100 KB"


_NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.htm", "a.docx", "a.pdf", "a", "a.TXT"])
_PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
     codecs.BOM_UTF32_LE, b"<!DOCTYPE html>", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=_PREFIXES, body=st.binary(max_size=2000), name=_NAMES)
def test_any_bytes_return_or_raise_input_error(prefix: bytes, body: bytes, name: str) -> None:
    try:
        decoded = decode(prefix + body, name)
    except InputError as err:
        assert str(err)
    else:
        assert decoded.text.strip()


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded = decode(text.encode(), "a.txt")
    except (BinaryContent, NoText):
        return  # hypothesis text is often all control characters
    assert decoded.text in (text, text.replace("\x00", ""))


def test_pdf_text_layer_holds_chinese(bad_inputs: dict[str, Case]) -> None:
    case = bad_inputs["pdf-text"]
    if case.contains is None or case.contains.isascii():
        pytest.skip("no usable CJK font here, so the PDF case checks ASCII only (apt-get install fonts-wqy-microhei)")
    assert find_cjk_font() is not None
    assert case.contains in decode(case.path.read_bytes(), case.path.name).text


def test_nul_bytes_cost_nothing_but_the_nuls(bad_inputs: dict[str, Case]) -> None:
    data = bad_inputs["nul-bytes"].path.read_bytes()
    assert data.count(b"\x00") >= 3
    assert decode(data, "nuls.txt").text == data.replace(b"\x00", b"").decode()


REPORT = "北京市2025年政府工作报告\n2024年全市地区生产总值增长5.2%。"


@pytest.mark.parametrize("layer", ["nul-before-every-character", "letter-spaced"])
def test_a_pdf_whose_text_layer_sets_characters_apart_reads_as_its_text(layer: str) -> None:
    """Issue 19: a PDF made by fpdf2 read as "\\x00北\\x00京…" (Noto CJK) or "北 京 …" and gave 0 facts, unsaid."""
    font = find_noto_cjk_font() if layer == "nul-before-every-character" else find_cjk_font()
    if font is None:
        pytest.skip("no such CJK font here (apt-get install fonts-noto-cjk fonts-wqy-microhei)")
    written = REPORT if layer == "nul-before-every-character" else "\n".join(" ".join(line) for line in
                                                                              REPORT.splitlines())
    decoded = decode(pdf_in_font(written, font), "r.pdf")
    assert decoded.text.strip() == REPORT
    _, _, facts = process_text("r.pdf", decoded.text, dt.date(2025, 6, 1))
    assert [(f.region, f.year, f.indicator, f.value) for f in facts] == [("北京市", 2024, "gdp", 5.2)]
