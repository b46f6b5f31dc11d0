"""Property-based tests (hypothesis): no exception escapes the extractor, offsets always index
`body`, output always validates against the contract — on arbitrary, hostile input."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armswatch.ingest import IngestError, RawDoc
from armswatch.pipeline import process
from armswatch.robust import _PIECES, violations

VI = ("Trung Quốc đang mở rộng kho vũ khí hạt nhân, Lầu Năm Góc cho biết hôm 2/11. "
      "“Chúng tôi muốn đối thoại,” bà Bell nói. Mỹ có khoảng 5.200 đầu đạn.")

fragments = st.sampled_from(_PIECES)
hostile_text = st.lists(st.one_of(fragments, st.text(max_size=30)), max_size=30).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(data: bytes | str, kind: str = "text", published: str | None = None):
    raw = RawDoc(source="<prop>", content=data if isinstance(data, bytes) else data.encode("utf-8"),
                 kind=kind, published=published)
    try:
        doc = process(raw)
    except IngestError:
        return None  # a clear, expected refusal (empty, binary...)
    problems = violations(doc)
    assert not problems, problems[:5]
    return doc


@SETTINGS
@given(hostile_text)
def test_arbitrary_text_never_breaks_invariants(text):
    run(text)


@SETTINGS
@given(hostile_text, st.sampled_from(["2022-11-02", "2021-07-24T17:18:00+07:00", None]))
def test_with_publication_anchor(text, published):
    run(text, published=published)


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    run(data)


@SETTINGS
@given(st.text(max_size=400))
def test_nfd_input_same_as_nfc(text):
    a = run(unicodedata.normalize("NFC", VI + text))
    b = run(unicodedata.normalize("NFD", VI + text))
    assert (a is None) == (b is None)
    if a is not None:
        assert a.body == b.body


@SETTINGS
@given(hostile_text)
def test_broken_html(text):
    run(f"<html><body><p>{text}<div><p>{VI}</b></i><script>alert(1)</script>", kind="html")


def test_huge_line_and_large_document():
    run(("Mỹ và Trung Quốc đàm phán " * 20000).strip())  # one ~500 kB line
    doc = run((VI + "\n") * 2500)  # ~400 kB, many paragraphs
    assert doc is not None and len(doc.sentences) >= 2500


def test_control_characters_and_unbalanced_quotes():
    doc = run("“Mở ngoặc mà không đóng\x07\x1b[31m. ‘Lại mở. \"Và nữa " + VI)
    assert doc is not None
