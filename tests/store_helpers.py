"""Hand-built Documents for the store tests (no extractor needed)."""
from __future__ import annotations

from armswatch.model import Claim, Document, Entity, Event, Mention, Span

COUNTRIES = {"us": ("United States", "Mỹ", "Q30"), "cn": ("China", "Trung Quốc", "Q148"),
             "ru": ("Russia", "Nga", "Q159"), "jp": ("Japan", "Nhật Bản", "Q17"), "sk": ("South Korea", "Hàn Quốc", None)}


def make_doc(doc_id: str, sentences: list[str], published: str | None = None, outlet: str | None = None,
             events: list[dict] | None = None, claims: list[dict] | None = None, source: str | None = None,
             extra_entities: list[Entity] | None = None) -> Document:
    """events/claims refer to a sentence by index `s`; participants are country ids (entities are added)."""
    body = "\n".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1

    def span(i: int) -> Span:
        return Span(start=starts[i], end=starts[i] + len(sentences[i]))

    used = set()
    evs = []
    for e in events or []:
        e = dict(e)
        i = e.pop("s", 0)
        used.update(p for p in e.get("participants", []) if p in COUNTRIES)
        evs.append(Event(evidence=span(i), **e))
    cls = []
    for c in claims or []:
        c = dict(c)
        i = c.pop("s", 0)
        used.update(x for x in (c.get("subject"), c.get("source")) if x in COUNTRIES)
        cls.append(Claim(evidence=span(i), **c))
    ents = []
    for cid in sorted(used):
        name, name_vi, qid = COUNTRIES[cid]
        ments = []
        for nm in (name_vi, name):
            k = body.find(nm)
            if k >= 0:
                ments.append(Mention(start=k, end=k + len(nm), text=nm))
        ents.append(Entity(id=cid, type="COUNTRY", name=name, name_vi=name_vi, wikidata=qid, mentions=ments))
    ents += extra_entities or []
    return Document(doc_id=doc_id, source=source or f"mem/{doc_id}.txt", published=published, outlet=outlet,
                    body=body, entities=ents, events=evs, claims=cls)


# The seeds' situation (per the dev gold): 002 announces US–China consultations "in the coming days"
# (Nov 2023) plus separate maritime talks, and the Pentagon's October report; 001 (months later)
# says the Track 1 talks of Nov 2023 were held then stalled, the Track 2 round of March 2024, and the
# same Pentagon report.
def seed_like_docs(pub_002: str | None = "2023-10-31", pub_001: str | None = "2024-06-21",
                   date_002: str | None = "2023-11") -> list[Document]:
    d002 = make_doc("d002", [
        "Bộ Ngoại giao Trung Quốc cho biết Mỹ và Trung Quốc sẽ tham vấn về kiểm soát vũ khí trong những ngày tới, "
        "cũng như tổ chức các cuộc đàm phán riêng về các vấn đề hàng hải.",
        "Theo một báo cáo tháng 10 của Lầu Năm Góc, Trung Quốc hiện có hơn 500 đầu đạn.",
        "Hai bên lên kế hoạch tổ chức hội nghị thượng đỉnh tại San Francisco vào tháng 11.",
    ], published=pub_002, outlet="VOA", events=[
        dict(s=0, type="talks", date=date_002, participants=["us", "cn"], status="planned",
             attributes={"track": "1", "topic": "arms control and non-proliferation"}),
        dict(s=0, type="talks", date=None, participants=["us", "cn"], status="planned",
             attributes={"track": "1", "topic": "maritime and other issues"}),
        dict(s=1, type="report", date="2023-10", participants=["us"], status="held",
             attributes={"author": "dod", "subject": "cn"}),
        dict(s=2, type="summit", date="2023-11", participants=["us", "cn"], location="sf", status="planned"),
    ])
    d001 = make_doc("d001", [
        "Hoa Kỳ và Trung Quốc đã nối lại cuộc đàm phán bán chính thức về vũ khí hạt nhân hồi tháng 3 tại Thượng Hải.",
        "Hai nước đã nối lại các cuộc đàm phán Kênh 1 về vũ khí hạt nhân vào tháng 11/2023 nhưng đã bị đình trệ.",
        "Lầu Năm Góc ước tính kho vũ khí hạt nhân của Bắc Kinh đã tăng hơn 20%, họ nói vào tháng 10/2023.",
    ], published=pub_001, outlet="VOA", events=[
        dict(s=0, type="talks", date="2024-03", participants=["us", "cn"], location="shanghai", status="held",
             attributes={"track": "2", "topic": "nuclear weapons and posture"}),
        dict(s=1, type="talks", date="2023-11", participants=["us", "cn"], status="stalled",
             attributes={"track": "1", "topic": "nuclear arms control"}),
        dict(s=2, type="report", date="2023-10", participants=["us"], status="held",
             attributes={"author": "dod", "subject": "cn"}),
    ])
    return [d002, d001]


def search_index_rows(store) -> tuple[list, list, tuple]:
    """A store's search index as comparable rows: postings (term, tf, dl, doc_id), n per term, corpus stats."""
    from sqlalchemy import text

    with store.session() as sess:
        pk = dict(sess.execute(text("SELECT id, doc_id FROM documents")).all())
        return (sorted((t, tf, dl, pk[p]) for t, tf, dl, p in sess.execute(text("SELECT * FROM search_postings"))),
                sorted(tuple(r) for r in sess.execute(text("SELECT term, df FROM search_terms"))),
                tuple(sess.execute(text("SELECT n_docs, n_tokens FROM search_stats")).one()))
