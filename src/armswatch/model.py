"""The typed document every pipeline stage reads and fills.

One `Document` travels ingest -> clean -> nlp -> extract -> store. Every span
(`start`, `end`) is a Python `str` offset into `Document.body`, like spaCy's
`Doc`. `Document.to_contract()` gives the object of ../shared/contract
(document.schema.json); the extra fields here (sentences, removed lines,
kb ids, triggers) are ours and are dropped or kept as extras on output.
"""
from __future__ import annotations

import bisect
from datetime import datetime
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

EntityType = Literal["PERSON", "COUNTRY", "ORG", "LOC", "TREATY", "EVENT_NAME", "WEAPON"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal["talks", "summit", "call", "visit", "treaty_action", "report", "incident"]
EventStatus = Literal["held", "planned", "proposed", "stalled"]
Measure = Literal[
    "nuclear_warheads",
    "nuclear_warheads_projected",
    "nuclear_warheads_change_pct",
    "share_of_world_nuclear_weapons_pct",
    "troops",
    "other",
]
Qualifier = Literal["exact", "approx", "more_than", "less_than", "at_least", "up_to"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    start: int
    end: int


class Mention(Span):
    text: str


class Entity(_Model):
    """One real-world referent in one document, with all its mentions."""

    id: str  # KB id (e.g. "country:us") or a stable "unk:..." id for unknown entities
    type: EntityType
    name: str  # canonical English name (or the name as written, when unknown)
    name_vi: str | None = None
    wikidata: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    in_kb: bool = True  # False for entities recognised without a KB entry
    country: str | None = None  # id of the affiliated country (KB, or read from a title: "ngoại trưởng Mỹ")
    titles: list[str] = Field(default_factory=list)  # role titles as written in the text


class Timex(Span):
    text: str
    type: TimexType
    value: str  # TIMEX3-style: 2022-11-02, 2023-10, P60Y, XXXX-10-30, PAST_REF...


class Event(_Model):
    type: EventType
    date: str | None = None
    participants: list[str] = Field(default_factory=list)  # entity ids, countries first
    location: str | None = None
    status: EventStatus = "held"
    attributes: dict[str, Any] = Field(default_factory=dict)
    evidence: Span
    trigger: Span | None = None  # the word(s) that evoke the event


class Claim(_Model):
    subject: str | None
    measure: Measure
    value: float
    qualifier: Qualifier = "exact"
    time: str | None = None
    target_time: str | None = None
    source: str | None = None
    unit: str | None = None
    evidence: Span


class Quote(Span):
    speaker: str | None
    text: str


class RemovedLine(_Model):
    """A line the cleaner dropped from the raw text, kept for the article view."""

    text: str
    reason: str
    score: float = 0.0


class Document(_Model):
    doc_id: str
    source: str
    language: str = "vi"
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime with zone
    outlet: str | None = None
    body: str = ""
    entities: list[Entity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    # --- ours, not in the contract -------------------------------------------------
    url: str | None = None
    sentences: list[Span] = Field(default_factory=list)
    paragraphs: list[Span] = Field(default_factory=list)
    removed: list[RemovedLine] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    # ---- helpers the extractors share ------------------------------------------------
    def anchor(self) -> datetime | None:
        """Publication date as a datetime (the reference for relative time), or None."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published)
        except ValueError:
            return None

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence span containing `offset` (None when sentences are not split)."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Entity mentions lying inside [start, end), in text order."""
        out = [(m, e) for e in self.entities for m in e.mentions if m.start >= start and m.end <= end]
        out.sort(key=lambda me: me[0].start)
        return out

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        return [t for t in self.timexes if t.start >= start and t.end <= end]

    def text(self, span: Span) -> str:
        return self.body[span.start:span.end]

    def to_contract(self, extras: bool = False) -> dict[str, Any]:
        """The object of ../shared/contract/document.schema.json."""
        d = {
            "doc_id": self.doc_id,
            "source": self.source,
            "language": self.language,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "body": self.body,
            "entities": _list_of(Entity).dump_python(self.entities, exclude={"__all__": {"in_kb", "titles"}}),
            "timexes": _list_of(Timex).dump_python(self.timexes),
            "events": _list_of(Event).dump_python(self.events, exclude={"__all__": {"trigger"}}),
            "claims": _list_of(Claim).dump_python(self.claims),
            "quotes": _list_of(Quote).dump_python(self.quotes),
        }
        if extras:
            d["url"] = self.url
            d["removed"] = _list_of(RemovedLine).dump_python(self.removed)
            d["warnings"] = list(self.warnings)
        return d


@lru_cache(maxsize=None)
def _list_of(model: type) -> TypeAdapter:
    """A pydantic TypeAdapter for `list[model]`, built on first use: dumping or validating a whole
    list in one call is ~2x faster than one `model_dump()` / constructor call per item."""
    return TypeAdapter(list[model])


def models_from(model: type, items: list[dict]) -> list:
    """`model` instances from field dicts, validated in one call (faster than one `model(...)` each)."""
    return _list_of(model).validate_python(items)


def spans(pairs) -> list[Span]:
    """`Span`s from (start, end) pairs."""
    return models_from(Span, [{"start": s, "end": e} for s, e in pairs])
