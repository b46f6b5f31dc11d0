"""Invariants every extracted document must satisfy, and generators of hostile input.

Used by the hypothesis suite (tests/test_properties.py) and by `make fuzz`
(bench/fuzz.py): whatever the input, extraction never raises anything but
`IngestError`, every span indexes `body`, and the output validates against the
contract schema.
"""
from __future__ import annotations

import json
import random
from functools import lru_cache
from pathlib import Path

from .model import Document

CONTRACT_SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "contract" / "document.schema.json"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    if not CONTRACT_SCHEMA.exists():
        return None
    return jsonschema.Draft202012Validator(json.loads(CONTRACT_SCHEMA.read_text(encoding="utf-8")))


def violations(doc: Document) -> list[str]:
    """Every broken invariant of an extracted document (empty list: all good)."""
    out: list[str] = []
    body = doc.body
    n = len(body)

    def span_ok(what: str, start: int, end: int, text: str | None = None):
        if not (0 <= start <= end <= n):
            out.append(f"{what}: span {start}-{end} outside body of {n}")
        elif text is not None and body[start:end] != text:
            out.append(f"{what}: body[{start}:{end}]={body[start:end]!r} != {text!r}")

    ids = set()
    for e in doc.entities:
        ids.add(e.id)
        for m in e.mentions:
            span_ok(f"entity {e.id}", m.start, m.end, m.text)
    for t in doc.timexes:
        span_ok(f"timex {t.value}", t.start, t.end, t.text)
    for q in doc.quotes:
        span_ok("quote", q.start, q.end)
        if q.speaker is not None and q.speaker not in ids:
            out.append(f"quote speaker {q.speaker} is not an entity")
    for ev in doc.events:
        span_ok(f"event {ev.type}", ev.evidence.start, ev.evidence.end)
        for p in ev.participants + ([ev.location] if ev.location else []):
            if p not in ids:
                out.append(f"event {ev.type}: {p} is not an entity")
    for c in doc.claims:
        span_ok(f"claim {c.measure}", c.evidence.start, c.evidence.end)
        for ref in (c.subject, c.source):
            if ref is not None and ref not in ids:
                out.append(f"claim {c.measure}: {ref} is not an entity")
    for s in doc.sentences:
        span_ok("sentence", s.start, s.end)
    v = _validator()
    if v is not None:
        out.extend(f"schema: {e.message}" for e in v.iter_errors(doc.to_contract()))
    return out


# ---- hostile input generator (fuzzing) -------------------------------------------------

_PIECES = [
    "Lầu Năm Góc cho biết Trung Quốc có hơn 500 đầu đạn hạt nhân", "“", "”", "‘", "’", '"', "hôm 2/11",
    "ngày 28/7", "tháng 10/2023", "năm ngoái", "1.000", "1,5", "hơn 20%", "Mỹ", "Bắc Kinh", "Washington",
    "ông Tập", "Bell nói", "cho biết:", "\n", "\n\n", " ", ".", "…", "Đường dẫn truy cập", "XS", "2+2",
    "đàm phán", "hội nghị thượng đỉnh", "sẽ", "đã", "không", "rút khỏi Hiệp ước Bầu trời mở", "<script>",
    "</p>", "\u0301", "\u0303", "\x00", "\x07", "\ufeff", "\u200b", "🚀", "Тест", "日本", "a" * 300,
    "Nga - Mỹ", "Kênh 2 (Track Two)", "trước năm 2030", "từ năm 2021 đến năm 2023", "khoảng 5.200",
]


def random_text(rng: random.Random, max_pieces: int = 40) -> str:
    """Shuffled domain fragments mixed with arbitrary code points: near-valid, hostile text."""
    parts = []
    for _ in range(rng.randint(0, max_pieces)):
        r = rng.random()
        if r < 0.7:
            parts.append(rng.choice(_PIECES))
        elif r < 0.9:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 12))))
        else:
            parts.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 4))))
        parts.append(rng.choice([" ", " ", "", "\n", ", "]))
    return "".join(parts)
