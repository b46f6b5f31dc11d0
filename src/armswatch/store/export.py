"""Exports: events / claims (CORPUS.md JSONL, CSV, Parquet), documents (contract JSONL, CSV, Parquet),
and the knowledge graph as JSON-LD with Wikidata links."""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Iterable

from sqlalchemy import select

from . import queries as Q
from . import schema as s

EVENT_COLS = ["id", "type", "date", "dates", "participants", "participants_wikidata", "location", "status",
              "attributes", "conflicts", "n_reports", "sources", "doc_ids"]
CLAIM_COLS = ["id", "subject", "subject_wikidata", "measure", "value", "qualifier", "time", "target_time", "source",
              "source_wikidata", "unit", "date", "conflict", "n_reports", "sources", "doc_ids"]
DOC_COLS = ["doc_id", "source", "url", "outlet", "language", "title", "published", "dup_of", "extractor_version",
            "n_entities", "n_timexes", "n_events", "n_claims", "n_quotes", "body"]


def flat_event(e: dict) -> dict:
    return {"id": e["id"], "type": e["type"], "date": e["date"], "dates": ";".join(e["dates"]),
            "participants": ";".join(p["name"] for p in e["participants"]),
            "participants_wikidata": ";".join(p["wikidata"] or "" for p in e["participants"]),
            "location": e["location"]["name"] if e["location"] else None, "status": e["status"],
            "attributes": json.dumps(e["attributes"], ensure_ascii=False, sort_keys=True),
            "conflicts": json.dumps(e["conflicts"], ensure_ascii=False), "n_reports": len(e["reports"]),
            "sources": ";".join(r["source"] for r in e["reports"]),
            "doc_ids": ";".join(r["doc_id"] for r in e["reports"])}


def flat_claim(c: dict) -> dict:
    return {"id": c["id"], "subject": (c["subject"] or {}).get("name"), "subject_wikidata": (c["subject"] or {}).get("wikidata"),
            "measure": c["measure"], "value": float(c["value"]), "qualifier": c["qualifier"], "time": c["time"],
            "target_time": c["target_time"], "source": (c["source"] or {}).get("name"),
            "source_wikidata": (c["source"] or {}).get("wikidata"), "unit": c["unit"], "date": c["date"],
            "conflict": c["conflict"], "n_reports": len(c["reports"]),
            "sources": ";".join(r["source"] for r in c["reports"]),
            "doc_ids": ";".join(r["doc_id"] for r in c["reports"])}


def corpus_claim_contract(c: dict) -> dict:
    return {k: c[k] for k in ("id", "subject", "measure", "value", "qualifier", "time", "target_time", "source",
                              "unit", "date", "conflict", "reports")}


def _write_rows(rows: Iterable[dict], cols: list[str], fmt: str, out: IO) -> int:
    rows = list(rows)
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows, schema=_arrow_schema(cols, rows)) if rows else pa.table(
            {c: pa.array([], pa.string()) for c in cols})
        pq.write_table(table, out)
    else:
        raise ValueError(f"unknown format {fmt}")
    return len(rows)


def _arrow_schema(cols, rows):
    import pyarrow as pa

    fields = []
    for c in cols:
        vals = [r.get(c) for r in rows if r.get(c) is not None]
        if vals and all(isinstance(v, bool) for v in vals):
            t = pa.bool_()
        elif vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
            t = pa.int64()
        elif vals and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            t = pa.float64()
        else:
            t = pa.string()
        fields.append(pa.field(c, t))
    return pa.schema(fields)


def export_events(sess, fmt: str, out: IO) -> int:
    evs = Q.timeline(sess)
    if fmt == "jsonl":
        for e in evs:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
        return len(evs)
    return _write_rows((flat_event(e) for e in evs), EVENT_COLS, fmt, out)


def export_claims(sess, fmt: str, out: IO) -> int:
    cls = Q.claims(sess)
    if fmt == "jsonl":
        for c in cls:
            out.write(json.dumps(corpus_claim_contract(c), ensure_ascii=False) + "\n")
        return len(cls)
    return _write_rows((flat_claim(c) for c in cls), CLAIM_COLS, fmt, out)


def export_documents(store, fmt: str, out: IO) -> int:
    n = 0
    rows = []
    for doc, row in store.iter_documents():
        if fmt == "jsonl":
            obj = doc.to_contract(extras=True)
            obj["dup_of"] = row.dup_of
            obj["extractor_version"] = row.extractor_version
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            rows.append({"doc_id": doc.doc_id, "source": doc.source, "url": doc.url, "outlet": doc.outlet,
                         "language": doc.language, "title": doc.title, "published": doc.published, "dup_of": row.dup_of,
                         "extractor_version": row.extractor_version, "n_entities": len(doc.entities),
                         "n_timexes": len(doc.timexes), "n_events": len(doc.events), "n_claims": len(doc.claims),
                         "n_quotes": len(doc.quotes), "body": doc.body})
        n += 1
    if fmt != "jsonl":
        _write_rows(rows, DOC_COLS, fmt, out)
    return n


def graph_jsonld(sess) -> dict:
    """Entities and corpus events as a JSON-LD graph (schema.org terms, owl:sameAs Wikidata)."""
    base = "https://armswatch.example/kb/"
    ctx = {"@vocab": "https://schema.org/", "aw": base, "wd": "http://www.wikidata.org/entity/",
           "owl": "http://www.w3.org/2002/07/owl#", "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
           "participant": {"@id": "aw:participant", "@type": "@id"}, "location": {"@type": "@id"},
           "subjectOf": {"@type": "@id"}, "about": {"@type": "@id"}, "isBasedOn": {"@type": "@id"}}
    type_map = {"PERSON": "Person", "COUNTRY": "Country", "ORG": "Organization", "LOC": "Place",
                "TREATY": "Legislation", "EVENT_NAME": "Event", "WEAPON": "Product"}
    graph = []
    for e in sess.execute(select(s.Entity).order_by(s.Entity.id)).scalars():
        node = {"@id": f"aw:entity/{e.id}", "@type": type_map.get(e.type, "Thing"), "name": e.name,
                "aw:entityType": e.type}
        if e.name_vi:
            node["alternateName"] = {"@value": e.name_vi, "@language": "vi"}
        if e.wikidata:
            node["sameAs"] = f"wd:{e.wikidata}"
        if e.country:
            node["aw:country"] = {"@id": f"aw:entity/{e.country}"}
        graph.append(node)
    for ev in Q.timeline(sess):
        node = {"@id": f"aw:event/{ev['id']}", "@type": "Event", "aw:eventType": ev["type"], "aw:status": ev["status"],
                "name": f"{ev['type']} {', '.join(p['name'] for p in ev['participants'])} {ev['date'] or ''}".strip()}
        if ev["date"]:
            node["startDate"] = ev["date"]
        ce = sess.get(s.CorpusEvent, ev["id"])
        node["participant"] = [f"aw:entity/{p}" for p in ce.participants]
        if ce.location:
            node["location"] = f"aw:entity/{ce.location}"
        if ev["attributes"]:
            node["aw:attributes"] = {"@type": "@json", "@value": ev["attributes"]}
        if ev["conflicts"]:
            node["aw:conflicts"] = {"@type": "@json", "@value": ev["conflicts"]}
        node["subjectOf"] = [{"@id": f"aw:document/{r['doc_id']}", "@type": "NewsArticle", "url": r["source"],
                              "publisher": r["outlet"], "datePublished": r["published"], "aw:evidence": r["evidence"],
                              "aw:reportedStatus": r["status"]} for r in ev["reports"]]
        graph.append(node)
    return {"@context": ctx, "@graph": graph}


def export_graph(sess, out: IO) -> int:
    g = graph_jsonld(sess)
    json.dump(g, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(g["@graph"])


def to_bytes_io() -> io.BytesIO:
    return io.BytesIO()
