"""Build annotated Documents by hand (tests, benchmarks): text + entities + timexes found by substring.

    doc = annotate(
        "Mỹ và Trung Quốc sẽ hội đàm tại Geneva vào ngày 5/3.",
        entities=[("us", "COUNTRY", ["Mỹ"]), ("cn", "COUNTRY", ["Trung Quốc"]), ("geneva", "LOC", ["Geneva"])],
        timexes=[("ngày 5/3", "2024-03-05")],
        published="2024-02-01",
    )

Entity surfaces are matched as whole words, longest first, without overlaps; an entity tuple may
carry a fourth item, the affiliation country (for people and bodies). Timex tuples are
(text, value) or (text, value, type); every occurrence of the text gets the value, unless the text
is given as "text#N" (only the N-th occurrence, 1-based).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Document, Entity, Mention, Timex
from ..nlp import annotate as nlp_annotate


def _occurrences(body: str, surface: str) -> list[tuple[int, int]]:
    pat = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pat.finditer(body)]


def annotate(text: str, entities: Iterable[tuple] = (), timexes: Iterable[tuple] = (),
             published: str | None = None, source: str = "<test>") -> Document:
    doc = Document(doc_id="test", source=source, body=text, published=published)
    nlp_annotate(doc)
    taken: list[tuple[int, int]] = []
    surf = []
    for ent in entities:
        eid, etype, names = ent[0], ent[1], ent[2]
        for n in names:
            surf.append((n, eid))
    surf.sort(key=lambda x: -len(x[0]))
    info = {ent[0]: ent for ent in entities}
    found: dict[str, list[Mention]] = {}
    for n, eid in surf:
        for s, e in _occurrences(text, n):
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            found.setdefault(eid, []).append(Mention(start=s, end=e, text=text[s:e]))
    for eid, ms in found.items():
        ent = info[eid]
        ms.sort(key=lambda m: m.start)
        doc.entities.append(Entity(id=eid, type=ent[1], name=ent[2][0], mentions=ms,
                                   country=ent[3] if len(ent) > 3 else None))
    for tx in timexes:
        t_text, value = tx[0], tx[1]
        ttype = tx[2] if len(tx) > 2 else ("DURATION" if str(value).startswith("P") else "DATE")
        nth = None
        if "#" in t_text:
            t_text, n = t_text.rsplit("#", 1)
            nth = int(n)
        occ = _occurrences(text, t_text)
        if nth is not None:
            occ = occ[nth - 1:nth]
        for s, e in occ:
            doc.timexes.append(Timex(start=s, end=e, text=text[s:e], type=ttype, value=str(value)))
    doc.timexes.sort(key=lambda t: t.start)
    return doc
