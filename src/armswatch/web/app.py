"""REST API (OpenAPI at /docs) and the server-rendered web UI over the knowledge base.

    armswatch serve [--db URL] [--host 127.0.0.1 --port 8000]

Reads are open; writes (upload) are off unless ARMSWATCH_TOKEN is set, then need it
(`Authorization: Bearer TOKEN`, or the `token` form field in the UI). Every page is
rendered by Jinja2 with autoescaping: article text is always text, never markup.
"""
from __future__ import annotations

import asyncio
import gc
import hashlib
import hmac
import os
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel

from . import data
from .i18n import t as translate

WEB_DIR = Path(str(resources.files("armswatch") / "web"))
MAX_UPLOAD_BYTES = int(os.environ.get("ARMSWATCH_MAX_UPLOAD", 5 * 1024 * 1024))
REQUEST_TIMEOUT_S = float(os.environ.get("ARMSWATCH_REQUEST_TIMEOUT", 30))
EVENT_TYPES = ["talks", "summit", "call", "visit", "treaty_action", "report", "incident"]
STATUSES = ["held", "planned", "proposed", "stalled"]
MEASURES = ["nuclear_warheads", "nuclear_warheads_projected", "nuclear_warheads_change_pct",
            "share_of_world_nuclear_weapons_pct", "troops", "other"]
MAX_OFFSET = 10_000_000
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

templates = Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")),
                        autoescape=select_autoescape(["html"], default=True), trim_blocks=False)

EventType = Literal["talks", "summit", "call", "visit", "treaty_action", "report", "incident"]
Status = Literal["held", "planned", "proposed", "stalled"]
Measure = Literal["nuclear_warheads", "nuclear_warheads_projected", "nuclear_warheads_change_pct",
                  "share_of_world_nuclear_weapons_pct", "troops", "other"]
Lang = Literal["vi", "en"]
SearchMode = Literal["bm25", "semantic", "hybrid"]


_heap_frozen = False


def freeze_long_lived_heap() -> None:
    """Load what every request shares (the knowledge base), then hide the process's long-lived objects
    (~135,000: KB, routes, SQLAlchemy, templates) from the cycle collector, once per process. Pages that
    build thousands of rows (claims, timeline) trigger a full collection every request or two, which
    rescanned that whole heap: 40 ms per /claims request on average on a 100,000-document corpus, up to
    100 ms, and the page's p95. Run at server start (the app's lifespan), not per app or request."""
    global _heap_frozen
    if _heap_frozen:
        return
    from ..kb import load_kb

    load_kb()
    gc.collect()
    gc.freeze()
    _heap_frozen = True


@asynccontextmanager
async def _lifespan(app: FastAPI):
    freeze_long_lived_heap()
    yield


def create_app(db_url: str | None = None) -> FastAPI:
    app = FastAPI(title="armswatch", version="0.1.0", lifespan=_lifespan,
                  description="Nuclear arms-control diplomacy from the news: documents, entities, events, "
                              "claims and quotes, each with its evidence span.")
    app.state.store = data.Store(db_url)

    @app.middleware("http")
    async def timeout_and_cache(request: Request, call_next):
        try:
            response = await asyncio.wait_for(call_next(request), timeout=REQUEST_TIMEOUT_S)
        except asyncio.TimeoutError:
            return JSONResponse({"detail": f"request took longer than {REQUEST_TIMEOUT_S:.0f} s"}, status_code=504)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.method == "GET" and response.status_code == 200 and request.url.path.startswith("/api/"):
            body = b"".join([chunk async for chunk in response.body_iterator])
            etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
            if request.headers.get("if-none-match") == etag:
                return Response(status_code=304, headers={"ETag": etag})
            headers = dict(response.headers)
            headers.pop("content-length", None)
            headers["ETag"] = etag
            headers["Cache-Control"] = "private, max-age=30"
            return Response(content=body, status_code=200, headers=headers, media_type=response.media_type)
        return response

    def store() -> data.Store:
        return app.state.store

    def require_token(authorization: Optional[str] = Header(None), token: Optional[str] = None) -> None:
        expected = os.environ.get("ARMSWATCH_TOKEN")
        if not expected:
            raise HTTPException(403, "uploads are disabled: set ARMSWATCH_TOKEN on the server to enable writes")
        given = token or (authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None)
        if not given or not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "a valid token is required (Authorization: Bearer TOKEN)")

    # ------------------------------------------------------------------ static assets
    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js():
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="application/javascript", headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        path = (WEB_DIR / "static" / name).resolve()
        if path.parent != (WEB_DIR / "static").resolve() or not path.is_file():
            raise HTTPException(404, "no such asset")
        return FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})

    # ------------------------------------------------------------------ REST API
    @app.get("/api/stats", tags=["stats"])
    def api_stats(s: data.Store = Depends(store)) -> dict[str, Any]:
        """Counts of documents, entities, events, corpus events, claims, quotes and failures."""
        return s.stats()

    @app.get("/api/documents", tags=["documents"])
    def api_documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                      s: data.Store = Depends(store)) -> dict[str, Any]:
        """Documents, newest first (paginated)."""
        total, docs = s.documents(limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": docs}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(doc_id: str, s: data.Store = Depends(store)) -> dict[str, Any]:
        """One document with its body, facts and evidence spans (the extraction contract, plus removed lines)."""
        d = s.document(doc_id)
        if d is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return d

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(require_token)])
    async def api_upload(file: UploadFile = File(...), s: data.Store = Depends(store)) -> dict[str, Any]:
        """Upload a file (text, HTML or JSONL) to extract and ingest. Needs the write token."""
        content = await _read_limited(file)
        return s.ingest_bytes(content, file.filename or "upload.txt")

    @app.get("/api/entities", tags=["entities"])
    def api_entities(q: Optional[str] = Query(None, max_length=200), type: Optional[str] = Query(None, max_length=20),
                     limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                     s: data.Store = Depends(store)) -> dict[str, Any]:
        """Entities of the corpus (search by any name, accent-insensitive)."""
        total, items = s.entities(q=q, etype=type, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def api_entity(entity_id: str, s: data.Store = Depends(store)) -> dict[str, Any]:
        """One entity with its mentions, events, claims about it and quotes by it."""
        e = s.entity(entity_id)
        if e is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return e

    @app.get("/api/events", tags=["events"])
    def api_events(country: Optional[str] = Query(None, max_length=64), type: Optional[EventType] = None,
                   status: Optional[Status] = None, track: Optional[Literal["1", "1.5", "2"]] = None,
                   since: Optional[str] = Query(None, pattern=PARTIAL_DATE),
                   until: Optional[str] = Query(None, pattern=PARTIAL_DATE),
                   limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   s: data.Store = Depends(store)) -> dict[str, Any]:
        """Corpus events (merged across outlets) with their reports; filter by country, type, status, track, dates."""
        total, items = s.events(country=country, etype=type, status=status, track=track, since=since,
                                until=until, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: str, s: data.Store = Depends(store)) -> dict[str, Any]:
        """One corpus event with every report and its evidence."""
        ev = s.event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return ev

    @app.get("/api/claims", tags=["claims"])
    def api_claims(subject: Optional[str] = Query(None, max_length=64), measure: Optional[Measure] = None,
                   limit: int = Query(500, ge=1, le=5000), s: data.Store = Depends(store)) -> dict[str, Any]:
        """Claim series: every estimate for a subject and measure with date, qualifier, source and reports;
        conflicting estimates at the same time are flagged."""
        items = s.claims(subject=subject, measure=measure, limit=limit)
        return {"total": len(items), "items": items}

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = Query(..., min_length=1, max_length=300), limit: int = Query(20, ge=1, le=100),
                   mode: Optional[SearchMode] = Query(None, description="default: hybrid when vectors are stored"),
                   s: data.Store = Depends(store)) -> dict[str, Any]:
        """Search with snippets. `bm25`: the words, accent- and case-insensitive (`dau dan` finds `đầu đạn`);
        `semantic`: by meaning, across Vietnamese and English (needs `armswatch embed`); `hybrid`: both rankings
        fused by reciprocal rank. `mode` in the answer is the one used (bm25 when no vectors are stored)."""
        r = s.find(q, limit=limit, mode=mode)
        return {"query": q, "mode": r["mode"], "items": r["items"]}

    # ------------------------------------------------------------------ UI
    def render(request: Request, name: str, lang: str, **ctx) -> HTMLResponse:
        q = dict(request.query_params)
        q["lang"] = "en" if lang == "vi" else "vi"

        def page_query(offset: int) -> str:
            p = dict(request.query_params)
            p["offset"] = str(max(0, offset))
            return urlencode(p)

        html = templates.get_template(name).render(
            lang=lang, t=lambda k: translate(k, lang), other_lang_query=urlencode(q), page_query=page_query, **ctx)
        return HTMLResponse(html)

    @app.get("/", include_in_schema=False)
    def home(request: Request, lang: Lang = "vi"):
        return ui_timeline(request, lang=lang, country=None, type=None, status=None, track=None, since=None,
                           until=None, offset=0, limit=100)

    @app.get("/timeline", include_in_schema=False)
    def ui_timeline(request: Request, lang: Lang = "vi", country: Optional[str] = Query(None, max_length=64),
                    type: Optional[str] = Query(None, max_length=20), status: Optional[str] = Query(None, max_length=20),
                    track: Optional[str] = Query(None, max_length=4), since: Optional[str] = Query(None, max_length=10),
                    until: Optional[str] = Query(None, max_length=10), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                    limit: int = Query(100, ge=1, le=1000)):
        s = store()
        f = {"country": country or None, "type": type if type in EVENT_TYPES else None,
             "status": status if status in STATUSES else None, "track": track if track in ("1", "1.5", "2") else None,
             "since": since or None, "until": until or None}
        total, events = s.events(country=f["country"], etype=f["type"], status=f["status"], track=f["track"],
                                 since=f["since"], until=f["until"], limit=limit, offset=offset)
        chart = s.timeline_points(country=f["country"], etype=f["type"], status=f["status"], track=f["track"],
                                  since=f["since"], until=f["until"], lang=lang)
        return render(request, "timeline.html", lang, events=events, total=total, offset=offset, limit=limit,
                      f=f, countries=s.countries(), types=EVENT_TYPES, statuses=STATUSES, chart=chart)

    @app.get("/events/{event_id}", include_in_schema=False)
    def ui_event(request: Request, event_id: str, lang: Lang = "vi"):
        ev = store().event(event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        return render(request, "event.html", lang, ev=ev)

    @app.get("/documents", include_in_schema=False)
    def ui_documents(request: Request, lang: Lang = "vi", offset: int = Query(0, ge=0, le=MAX_OFFSET),
                     limit: int = Query(50, ge=1, le=500)):
        total, docs = store().documents(limit=limit, offset=offset)
        return render(request, "documents.html", lang, docs=docs, total=total, offset=offset, limit=limit)

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def ui_document(request: Request, doc_id: str, lang: Lang = "vi",
                    hl: Optional[str] = Query(None, pattern=r"^\d+-\d+$")):
        d = store().document(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        target = tuple(int(x) for x in hl.split("-")) if hl else None
        names = {e["id"]: (e.get("name_vi") if lang == "vi" and e.get("name_vi") else e["name"]) for e in d["entities"]}
        return render(request, "document.html", lang, doc=_Obj(d), names=names,
                      paragraphs=data.highlight_segments(d, target, lang))

    @app.get("/entities", include_in_schema=False)
    def ui_entities(request: Request, lang: Lang = "vi", q: Optional[str] = Query(None, max_length=200),
                    type: Optional[str] = Query(None, max_length=20)):
        _, items = store().entities(q=q or None, etype=type or None, limit=300, offset=0)
        return render(request, "entities.html", lang, entities=items, q=q, etype=type)

    @app.get("/entities/{entity_id}", include_in_schema=False)
    def ui_entity(request: Request, entity_id: str, lang: Lang = "vi"):
        e = store().entity(entity_id)
        if e is None:
            raise HTTPException(404, "no such entity")
        return render(request, "entity.html", lang, e=_Obj(e["entity"]), events=e["events"], claims=e["claims"],
                      quotes=e["quotes"], mentions=e["mentions"])

    @app.get("/claims", include_in_schema=False)
    def ui_claims(request: Request, lang: Lang = "vi", subject: Optional[str] = Query(None, max_length=64),
                  measure: Optional[str] = Query(None, max_length=40)):
        s = store()
        subjects = s.claim_subjects()
        subject = subject or (subjects[0]["id"] if subjects else None)
        measure = measure if measure in MEASURES else "nuclear_warheads"
        rows = s.claims(subject=subject, measure=measure, limit=2000) if subject else []
        chart = [{"x": r["time"] or r["published"], "value": r["value"], "qualifier": r["qualifier"],
                  "source": r["source_name"] or "—", "conflict": r["conflict"],
                  "label": f"{r['qualifier']} {r['value']:g}" + (f" → {r['target_time']}" if r.get("target_time") else "")}
                 for r in rows if (r["time"] or r["published"])]
        return render(request, "claims.html", lang, subjects=subjects, subject=subject, measures=MEASURES,
                      measure=measure, rows=rows, chart=chart)

    @app.get("/search", include_in_schema=False)
    def ui_search(request: Request, lang: Lang = "vi", q: Optional[str] = Query(None, max_length=300),
                  mode: Optional[str] = Query(None, max_length=20)):
        mode = mode if mode in SearchMode.__args__ else None  # the form sends mode= for "automatic"
        r = store().find(q, limit=30, mode=mode) if q and q.strip() else \
            {"mode": None, "items": [], "vectors": store().has_vectors()}
        return render(request, "search.html", lang, q=q, hits=r["items"], mode=mode, used=r["mode"],
                      vectors=r["vectors"], modes=list(SearchMode.__args__))

    @app.get("/upload", include_in_schema=False)
    def ui_upload_form(request: Request, lang: Lang = "vi"):
        return render(request, "upload.html", lang, writes_enabled=bool(os.environ.get("ARMSWATCH_TOKEN")))

    @app.post("/upload", include_in_schema=False)
    async def ui_upload(request: Request, lang: Lang = "vi", file: Optional[UploadFile] = File(None),
                        text: Optional[str] = Form(None), token: Optional[str] = Form(None)):
        require_token(authorization=request.headers.get("authorization"), token=token)
        if file is not None and file.filename:
            content, name = await _read_limited(file), file.filename
        elif text and text.strip():
            content, name = text.encode("utf-8"), f"pasted-{date.today().isoformat()}.txt"
            if len(content) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"upload larger than {MAX_UPLOAD_BYTES} bytes")
        else:
            raise HTTPException(422, "give a file or paste some text")
        res = store().ingest_bytes(content, name)
        msg = res.get("message") or res.get("status", "")
        return render(request, "upload.html", lang, writes_enabled=True, message=msg, doc_id=res.get("doc_id"))

    @app.get("/stats", include_in_schema=False)
    def ui_stats(request: Request, lang: Lang = "vi"):
        return render(request, "stats.html", lang, stats=store().stats())

    return app


class _Obj(dict):
    """A dict whose keys read as attributes in templates (d.title as well as d['title'])."""

    def __getattr__(self, k):
        v = self.get(k)
        return _Obj(v) if isinstance(v, dict) else v


async def _read_limited(file: UploadFile) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = await file.read(64 * 1024)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"upload larger than {MAX_UPLOAD_BYTES} bytes")
        chunks.append(chunk)
    if not size:
        raise HTTPException(422, "empty upload")
    return b"".join(chunks)


class UploadResult(BaseModel):
    doc_id: str | None
    status: str
    message: str
