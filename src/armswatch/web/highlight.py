"""Article view: cut the body into segments, each carrying the facts that cover it.

Annotations overlap freely (a timex inside a claim inside an event sentence), so
instead of nesting tags the body is split at every annotation boundary and each
segment gets the CSS classes and hover text of all annotations covering it.
Text stays text: the template escapes every segment.
"""
from __future__ import annotations

from typing import Any


def _annotations(doc: dict[str, Any], lang: str) -> list[tuple[int, int, str, str]]:
    names = {e["id"]: (e.get("name_vi") if lang == "vi" and e.get("name_vi") else e["name"])
             for e in doc.get("entities", [])}
    out: list[tuple[int, int, str, str]] = []
    for e in doc.get("entities", []):
        tip = f"{e['type']}: {e['name']}" + (f" / {e['name_vi']}" if e.get("name_vi") else "") \
            + (f" ({e['wikidata']})" if e.get("wikidata") else "")
        cls = "ent" if e["type"] == "COUNTRY" else f"ent-{e['type']}"
        for m in e.get("mentions", []):
            out.append((m["start"], m["end"], cls, tip))
    for t in doc.get("timexes", []):
        out.append((t["start"], t["end"], "time", f"{t['type']} = {t['value']}"))
    for q in doc.get("quotes", []):
        out.append((q["start"], q["end"], "quote", f"quote — {names.get(q.get('speaker'), q.get('speaker') or '?')}"))
    for c in doc.get("claims", []):
        ev = c["evidence"]
        tip = (f"claim: {names.get(c.get('subject'), c.get('subject'))} {c['measure']} {c['qualifier']} {c['value']:g}"
               + (f" @ {c['time']}" if c.get("time") else "") + (f" → {c['target_time']}" if c.get("target_time") else "")
               + (f" (source: {names.get(c.get('source'), c.get('source'))})" if c.get("source") else ""))
        out.append((ev["start"], ev["end"], "claim", tip))
    for ev in doc.get("events", []):
        sp = ev["evidence"]
        parts = ", ".join(names.get(p, p) for p in ev.get("participants", []))
        tip = f"event: {ev['type']} [{ev['status']}] {ev.get('date') or ''} — {parts}"
        out.append((sp["start"], sp["end"], "event", tip))
    return out


def highlight_segments(doc: dict[str, Any], target: tuple[int, int] | None = None,
                       lang: str = "vi") -> list[list[dict[str, Any]]]:
    """Paragraphs of segments `{text, classes, tip, target}` covering `doc['body']` exactly."""
    body: str = doc.get("body", "")
    n = len(body)
    anns = [(max(0, s), min(n, e), c, t) for s, e, c, t in _annotations(doc, lang) if 0 <= s < e <= n]
    if target and 0 <= target[0] < target[1] <= n:
        anns.append((target[0], target[1], "target", "linked evidence"))
    cuts = {0, n}
    for s, e, _, _ in anns:
        cuts.add(s)
        cuts.add(e)
    pos = 0
    while True:  # paragraph breaks are cuts too
        i = body.find("\n", pos)
        if i < 0:
            break
        cuts.update((i, i + 1))
        pos = i + 1
    points = sorted(cuts)
    # sweep: annotations starting / ending at each cut
    starts: dict[int, list[int]] = {}
    for k, (s, _, _, _) in enumerate(anns):
        starts.setdefault(s, []).append(k)
    active: set[int] = set()
    paragraphs: list[list[dict[str, Any]]] = [[]]
    target_done = False
    for a, b in zip(points, points[1:]):
        active = {k for k in active if anns[k][1] > a}
        active.update(starts.get(a, []))
        text = body[a:b]
        if text == "\n":
            paragraphs.append([])
            continue
        covering = [anns[k] for k in sorted(active, key=lambda k: (anns[k][0], -anns[k][1]))]
        classes = " ".join(dict.fromkeys(c for _, _, c, _ in covering))
        is_target = any(c == "target" for _, _, c, _ in covering) and not target_done
        target_done = target_done or is_target
        paragraphs[-1].append({"text": text, "classes": classes,
                               "tip": " | ".join(t for _, _, c, t in covering if c != "target"),
                               "target": is_target})
    return [p for p in paragraphs if p]
