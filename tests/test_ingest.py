"""Ingest: encodings (UTF-8/BOM/UTF-16, Windows-1258, TCVN3, VNI, NFD, mojibake), tone placement,
empty/binary/unreadable inputs through the CLI, HTML and JSONL readers."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from armswatch.ingest import IngestError, RawDoc, ReadFailure, iter_inputs, to_document
from armswatch.ingest.decode import (decode_bytes, decode_text, encode_legacy, fix_mojibake, from_tcvn3, from_vni,
                                     normalize_tones, syllable_kind)
from armswatch.pipeline import process

DATA = Path(__file__).parent / "data" / "ingest"

# Our own paragraph (new-style tone placement; only unaccented capitals, which TCVN3 can encode).
PARA = ("Hôm thứ Ba, các nhà ngoại giao Mỹ và Nga đã gặp nhau tại Geneva để bàn về hòa bình và ổn định "
        "chiến lược. Phái đoàn hai nước thảo luận trong nhiều giờ về tương lai của hiệp ước kiểm soát vũ khí "
        "hạt nhân cuối cùng còn hiệu lực.\n"
        "Thủy quân và lực lượng phòng vệ cũng được nhắc tới, nhưng không có thỏa thuận nào được ký kết. "
        "Người phát ngôn nói rằng hai bên sẽ tiếp tục đối thoại trong những tháng tới.")
OLD_STYLE = PARA.replace("hòa", "hoà").replace("Thủy", "Thuỷ").replace("thỏa", "thoả")


def _windows_cp1252(b: bytes) -> str:
    """Decode like Windows does (the five undefined cp1252 bytes map to U+0081...)."""
    return "".join(bytes([x]).decode("cp1252") if x not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(x) for x in b)


ENCODED = {
    "utf8": PARA.encode("utf-8"),
    "utf8-bom": b"\xef\xbb\xbf" + PARA.encode("utf-8"),
    "utf16-bom": PARA.encode("utf-16"),
    "utf16le-no-bom": PARA.encode("utf-16-le"),
    "cp1258": encode_legacy(PARA, "cp1258"),
    "tcvn3": encode_legacy(PARA, "tcvn3"),
    "vni": encode_legacy(PARA, "vni"),
    "nfd": unicodedata.normalize("NFD", PARA).encode("utf-8"),
    "crlf": PARA.replace("\n", "\r\n").encode("utf-8"),
    "mojibake": _windows_cp1252(PARA.encode("utf-8")).encode("utf-8"),
    "tcvn3-saved-as-utf8": encode_legacy(PARA, "tcvn3").decode("latin-1").encode("utf-8"),
    "vni-saved-as-utf8": encode_legacy(PARA, "vni").decode("cp1252").encode("utf-8"),
    "old-style-tones": OLD_STYLE.encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_every_encoding_gives_the_utf8_body(name, tmp_path):
    data = ENCODED[name]
    if name not in ("utf8", "old-style-tones", "crlf"):
        assert data != PARA.encode("utf-8")
    assert decode_bytes(data) == PARA
    # and through the whole ingest + clean stage, from a file on disk
    p = tmp_path / f"{name}.txt"
    p.write_bytes(data)
    twin = tmp_path / "twin.txt"
    twin.write_bytes(PARA.encode("utf-8"))
    docs = [process(r) for r in iter_inputs([str(p), str(twin)])]
    assert docs[0].body == docs[1].body and "Geneva" in docs[0].body


def test_repaired_encoding_is_noted_in_warnings():
    doc = to_document(RawDoc(source="<x>", content=ENCODED["vni"]))
    assert doc.warnings == ["encoding: decoded as vni"]
    assert to_document(RawDoc(source="<x>", content=ENCODED["utf8"])).warnings == []


def test_legacy_tables_against_known_strings():
    # independent of our encoder: well-known renderings of "Việt Nam", "Hà Nội", "Tiếng Việt", "được"
    assert from_tcvn3("ViÖt Nam, Hµ Néi, TiÕng ViÖt, ®−îc".replace("−", "\u00ad")) == "Việt Nam, Hà Nội, Tiếng Việt, được"
    assert from_vni("Vieät Nam, Haø Noäi, Tieáng Vieät, ñöôïc") == "Việt Nam, Hà Nội, Tiếng Việt, được"
    assert from_vni("ÑAØ NAÜNG") == "ĐÀ NẴNG"
    assert decode_bytes("Vieät Nam vaø Hoa Kyø ñaõ ñoái thoaïi veà vuõ khí haït nhaân.".encode("cp1252")) == \
        "Việt Nam và Hoa Kỳ đã đối thoại về vũ khí hạt nhân."


def test_mojibake_repair_and_clean_text_untouched():
    assert fix_mojibake(_windows_cp1252("Đài Truyền hình Việt Nam".encode())) == "Đài Truyền hình Việt Nam"
    # Latin-1 symbols in clean text are not "repaired"
    clean = "Giá 5 €, nhiệt độ 30°C, © 2024 VnExpress, café à la française."
    assert decode_bytes(clean.encode("utf-8")) == clean
    english = "The U.S. and Japan held “2+2” talks — the first on extended deterrence."
    assert decode_bytes(english.encode("utf-8")) == english
    assert decode_text(_windows_cp1252("Bắc Kinh".encode())) == "Bắc Kinh"


def test_utf8_with_a_few_broken_bytes_stays_utf8():
    data = PARA.encode("utf-8")
    data = data[:50] + b"\xff" + data[50:]  # one stray byte
    out, label = decode_bytes(data, with_label=True)
    assert label.startswith("utf-8") and out.replace("\ufffd", "") == PARA


def test_vietnamese_utf8_with_stray_latin1_symbols_is_not_redecoded():
    # a TCVN3/VNI reading would turn "khí" into "khớ"; real Vietnamese letters beyond Latin-1 rule it out
    noisy = PARA + " Î\x80ä ÐÆ©®µ¶·¸¹»¼½¾ ¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑ"
    out = decode_bytes(noisy.encode("utf-8"))
    assert out.startswith(PARA) and "\x80" not in out
    assert decode_bytes(unicodedata.normalize("NFD", noisy).encode("utf-8")) == out


def test_tone_placement_new_style():
    assert normalize_tones("hoà bình, Thuỵ Sĩ, thuỷ, khoẻ, HOÀ, toà án, hoạ sĩ, uỷ ban") == \
        "hòa bình, Thụy Sĩ, thủy, khỏe, HÒA, tòa án, họa sĩ, ủy ban"
    # closed rhymes and qu- onsets keep their tone where it is
    for word in ("hoàn", "thuyết", "quý", "Quý", "quả", "khuya", "thuở", "hoạt", "toán"):
        assert normalize_tones(word) == word
    assert decode_bytes(unicodedata.normalize("NFD", "Thuỵ Sĩ và hoà bình").encode()) == "Thụy Sĩ và hòa bình"


def test_syllable_model():
    for w in ("nghiêng", "được", "khuyến", "Quốc", "hòa", "hoà", "Thụy", "giữa"):
        assert syllable_kind(w) == 1, w
    for w in ("ViÖt", "Vieät", "Ä‘", "thướcc"):
        assert syllable_kind(w) == -1, w
    assert syllable_kind("Washington") == 0


@pytest.mark.parametrize("data,needle", [
    (b"", "empty"), (b"   \n\n\t  ", "empty"), (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (bytes(range(256)) * 8, "binary"),
    (b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10" * 20, "control"),
])
def test_empty_and_binary_rejected(data, needle):
    with pytest.raises(IngestError, match=needle):
        decode_bytes(data)


def test_cli_failures_one_line_each_others_still_extracted(tmp_path):
    seed = tmp_path / "good.txt"
    seed.write_bytes(ENCODED["tcvn3"])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"abc\x00def\x00" * 50)
    missing = tmp_path / "missing.txt"
    broken_link = tmp_path / "link.txt"
    broken_link.symlink_to(tmp_path / "nowhere.txt")
    good2 = tmp_path / "good2.txt"
    good2.write_bytes(ENCODED["vni"])
    paths = [seed, empty, binary, nul, missing, broken_link, good2]
    unreadable = None
    if os.geteuid() != 0:  # root reads anything: the permission case only means something for users
        unreadable = tmp_path / "locked.txt"
        unreadable.write_text(PARA, encoding="utf-8")
        unreadable.chmod(0)
        paths.append(unreadable)
    r = subprocess.run([sys.executable, "-m", "armswatch.cli", "extract", *map(str, paths)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    out = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    assert [Path(o["source"]).name for o in out] == ["good.txt", "good2.txt"]
    assert out[0]["body"] == out[1]["body"] == PARA
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error")]
    failed = [empty, binary, nul, missing, broken_link] + ([unreadable] if unreadable else [])
    assert len(errors) == len(failed), r.stderr
    for path, line in zip(failed, errors):
        assert str(path) in line
    assert "empty" in errors[0] and "JPEG" in errors[1] and "NUL" in errors[2]
    assert "no such file" in errors[3] and "no such file" in errors[4]
    if unreadable:
        assert "ermission" in errors[5]


def test_unreadable_path_is_a_read_failure(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("x", encoding="utf-8")

    def deny(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    (item,) = list(iter_inputs([str(p)]))
    assert isinstance(item, ReadFailure) and str(item) == f"{p}: Permission denied"


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(ENCODED["utf8"])
    (tmp_path / "1.txt").write_bytes(ENCODED["cp1258"])
    (tmp_path / ".hidden.txt").write_bytes(b"ignored")
    items = list(iter_inputs([str(tmp_path)]))
    assert [Path(i.source).name for i in items] == ["1.txt", "2.txt"]


def test_html_input_text_and_metadata():
    raw = next(iter_inputs([str(DATA / "page.html")]))
    assert raw.kind == "html"
    doc = process(raw)
    assert doc.title == "Mỹ và Nga nối lại đối thoại ổn định chiến lược"
    assert doc.published == "2021-07-28T20:15:00+07:00"
    assert doc.outlet == "VnExpress"
    assert doc.url.startswith("https://vnexpress.net/")
    assert doc.language == "vi"
    lines = doc.body.split("\n")
    assert lines[0].startswith("Phái đoàn Mỹ và Nga gặp nhau tại Geneva")
    assert any(ln.startswith("Hai bên nhất trí sẽ gặp lại vào cuối tháng 9") for ln in lines)
    assert lines[-1].startswith("Hiệp ước New START")
    assert "Trang chủ" not in doc.body and "bản quyền" not in doc.body.lower()


def test_html_in_a_txt_file_and_declared_legacy_charset(tmp_path):
    html = (DATA / "page.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">',
                                                                  '<meta charset="windows-1258">')
    p = tmp_path / "saved_page.txt"
    p.write_bytes(encode_legacy(html, "cp1258"))
    doc = process(next(iter_inputs([str(p)])))
    assert doc.title == "Mỹ và Nga nối lại đối thoại ổn định chiến lược"
    assert "Thứ trưởng Ngoại giao Mỹ Wendy Sherman" in doc.body


def test_jsonl_bad_lines_reported_others_kept(tmp_path):
    html = (DATA / "page.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"text": PARA, "url": "https://www.rfa.org/vietnamese/a.html", "title": "Tiêu đề có sẵn",
                    "published": "24/07/2021"}, ensure_ascii=False),
        '{"text": "unterminated',
        json.dumps({"html": html}),
        json.dumps({"url": "https://x.example/no-body"}),
        "[1, 2]",
        "",
        json.dumps({"text": 42}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(p)]))
    fails = [i for i in items if isinstance(i, ReadFailure)]
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert [f.source for f in fails] == [f"{p}:2", f"{p}:4", f"{p}:5", f"{p}:7"]
    assert "invalid JSON" in fails[0].reason and "no 'text' or 'html'" in fails[1].reason
    assert len(docs) == 2 and docs[1].kind == "html"
    d0 = process(docs[0])
    # container metadata is kept (normalized), never overwritten by page signals
    assert d0.title == "Tiêu đề có sẵn" and d0.published == "2021-07-24" and d0.outlet == "RFA"
    assert d0.body == PARA
    d1 = process(docs[1])
    assert d1.outlet == "VnExpress" and d1.published.startswith("2021-07-28")
    r = subprocess.run([sys.executable, "-m", "armswatch.cli", "extract", str(p)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 1
    assert len([ln for ln in r.stdout.splitlines() if ln.strip()]) == 2
    assert f"{p}:2" in r.stderr and f"{p}:7" in r.stderr


def test_to_document_rejects_empty_string_content():
    with pytest.raises(IngestError):
        to_document(RawDoc(source="<x>", content="  \n "))


def _warc(records, gz: bool = True) -> bytes:
    """A web archive written with warcio: records are (uri, kind, status, content-type, payload bytes)."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, kind, status, ctype, payload in records:
        if kind == "response":
            http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=BytesIO(payload), http_headers=http)
        elif kind == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            rec = w.create_warc_record(uri, "request", payload=BytesIO(b""), http_headers=http)
        else:
            rec = w.create_warc_record(uri, kind, payload=BytesIO(payload), warc_content_type=ctype)
        w.write_record(rec)
    return buf.getvalue()


def test_warc_pages_read_others_skipped_charset_from_http(tmp_path):
    html = (DATA / "page.html").read_text(encoding="utf-8")
    page_1258 = ("<html><head><title>Mỹ và Nga</title></head><body><article><p>" + PARA.replace("\n", "</p><p>")
                 + "</p></article></body></html>")
    data = _warc([
        ("https://vnexpress.net/a.html", "request", None, None, b""),
        ("https://vnexpress.net/a.html", "response", 200, "text/html; charset=utf-8", html.encode("utf-8")),
        ("https://vnexpress.net/logo.png", "response", 200, "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ("https://vnexpress.net/old", "response", 301, "text/html", b"<html>moved</html>"),
        ("https://www.rfa.org/vietnamese/b.html", "response", 200, "text/html; charset=windows-1258",
         encode_legacy(page_1258, "cp1258")),
        ("https://example.org/note.txt", "resource", None, "text/plain", PARA.encode("utf-8")),
        ("metadata://x", "metadata", None, "application/warc-fields", b"via: test\r\n"),
    ])
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(data)
    items = list(iter_inputs([str(p)]))
    assert all(isinstance(i, RawDoc) for i in items)
    assert [i.source for i in items] == ["https://vnexpress.net/a.html", "https://www.rfa.org/vietnamese/b.html",
                                         "https://example.org/note.txt"]
    assert [i.kind for i in items] == ["html", "html", "text"]
    assert items[1].extra["charset"] == "windows-1258" and items[0].extra["crawled"]
    docs = [process(i) for i in items]
    assert docs[0].outlet == "VnExpress" and "Thứ trưởng Ngoại giao Mỹ Wendy Sherman" in docs[0].body
    assert docs[0].url == "https://vnexpress.net/a.html"
    assert "các nhà ngoại giao Mỹ và Nga đã gặp nhau tại Geneva" in docs[1].body  # decoded from Windows-1258
    assert docs[2].body.startswith("Hôm thứ Ba") and docs[2].published is None  # the crawl date is no pub date


@pytest.mark.parametrize("gz", [False, True])
def test_warc_truncated_archive_keeps_pages_before_the_break(tmp_path, gz):
    good = ("https://a.example/1", "response", 200, "text/plain; charset=utf-8", PARA.encode("utf-8"))
    data = _warc([good, ("https://a.example/2", "response", 200, "text/plain", OLD_STYLE.encode("utf-8"))], gz=gz)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(data[: len(data) - 200] + b"\x00garbage")
    items = list(iter_inputs([str(p)]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    fails = [i for i in items if isinstance(i, ReadFailure)]
    assert [d.source for d in docs] == ["https://a.example/1"]
    assert len(fails) == 1 and fails[0].source == f"{p}#record-2" and "WARC" in fails[0].reason


def test_warc_ingest_stores_pages_once_and_records_the_broken_archive(tmp_path):
    from armswatch.store import Store

    html = (DATA / "page.html").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.warc.gz").write_bytes(_warc([
        ("https://vnexpress.net/a.html", "response", 200, "text/html; charset=utf-8", html.encode("utf-8")),
        ("https://example.org/note.txt", "resource", None, "text/plain", PARA.encode("utf-8"))]))
    (tmp_path / "in" / "b.warc").write_bytes(b"WARC/1.0\r\nnot really an archive\r\n")
    st = Store(f"sqlite:///{tmp_path / 'kb.db'}")
    try:
        rep = st.ingest([str(tmp_path / "in")], merge=False)
        assert (rep.added, rep.failed) == (2, 1)
        assert "b.warc#record-1" in rep.failures[0] and "WARC" in rep.failures[0]
        again = st.ingest([str(tmp_path / "in")], merge=False)
        assert (again.added, again.skipped) == (0, 2)
    finally:
        st.close()


def test_mojibake_repaired_the_same_in_decomposed_input():
    """A mojibake run of Latin-1 letters ("Ä¤" for "Ĥ") is repaired whether the input is NFC or NFD
    (found by the property test: NFD splits "Ä" into "A" + a combining mark, which hid the run)."""
    text = PARA + " Ĥ:"
    broken = text.encode("utf-8").decode("cp1252", errors="replace")
    for form in ("NFC", "NFD"):
        assert decode_text(unicodedata.normalize(form, broken)) == decode_text(unicodedata.normalize("NFC", broken))
    assert decode_bytes(unicodedata.normalize("NFD", PARA + " Ä¤:").encode("utf-8")) == \
        decode_bytes(unicodedata.normalize("NFC", PARA + " Ä¤:").encode("utf-8"))


def test_site_name_is_the_other_side_of_the_title_when_trafilatura_takes_the_headline():
    from armswatch.ingest.html import _title_site, html_to_text

    assert _title_site("<title>Seoul and Tokyo agree on radar data - Harbour Post</title>",
                       "Seoul and Tokyo agree on radar data") == "Harbour Post"
    # a headline with a dash inside, or a long second part, names no site
    assert _title_site("<title>Talks - the second round - resume</title>", "Talks") is None
    assert _title_site("<title>Radar deal - what the two allies agreed and what they left out</title>",
                       "Radar deal") is None
    page = ("<html><head><title>Seoul and Tokyo agree to share missile-warning data - Harbour Post</title></head>"
            "<body><h1>Seoul and Tokyo agree to share missile-warning data</h1><article>"
            + "".join(f"<p>South Korea and Japan said on Tuesday they would link their radars, paragraph {i} of a "
                      "story long enough for the extractor to keep it as the page's main text.</p>" for i in range(8))
            + "</article></body></html>")
    _, meta = html_to_text(page)
    assert meta.get("sitename") in (None, "Harbour Post")
    assert meta.get("sitename") != meta.get("title")
