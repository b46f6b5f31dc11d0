"""SQLAlchemy 2 models: one schema for SQLite and PostgreSQL (created by the Alembic migrations).

Per-document facts (mentions, timexes, events, claims, quotes) hang off `documents` by its integer
surrogate key `documents.id`; `doc_id` is the content hash (`armswatch.ingest.doc_id_for`).
Corpus-level tables: `entities` (KB id), `corpus_events` (merged events; doc events point to them;
`corpus_event_blocks` is the blocking index that lets new reports be merged incrementally),
`corpus_claims`, `dup_links` (near-duplicate articles), `minhash_bands` (LSH index kept in the DB so
duplicate detection survives restarts), `failures`, `meta` (key/value: merge_dirty...).
Indexes are only those a query or the merge reads: each index is one more page a stored document
writes (migration 0007 dropped five); tables written in key order are WITHOUT ROWID on SQLite.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String,
                        Table, Text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40), index=True)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    body_folded: Mapped[str] = mapped_column(Text, nullable=False)  # fold()ed tokens joined by spaces
    n_tokens: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    raw: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    raw_kind: Mapped[str] = mapped_column(String(16), nullable=False, default="text")
    raw_meta: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # container metadata
    extras: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # sentences, removed, warnings
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    dup_of: Mapped[str | None] = mapped_column(String(32), index=True)  # canonical doc_id
    extractor_version: Mapped[str] = mapped_column(String(64), nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    name_vi: Mapped[str | None] = mapped_column(Text)
    wikidata: Mapped[str | None] = mapped_column(String(20))
    in_kb: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    country: Mapped[str | None] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(Text, nullable=False, index=True)


class DocEntity(Base):
    __tablename__ = "doc_entities"
    __table_args__ = {"sqlite_with_rowid": False}  # written in key order (migration 0007)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)  # ix_doc_entities_entity_doc
    idx: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # order in Document.entities
    n_mentions: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    name: Mapped[str] = mapped_column(Text, nullable=False)  # as the document named it
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    country: Mapped[str | None] = mapped_column(String(200))
    titles: Mapped[list] = mapped_column(JSON, nullable=False, default=list)


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class Timex(Base):
    __tablename__ = "timexes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    type: Mapped[str] = mapped_column(String(12), nullable=False)
    value: Mapped[str] = mapped_column(String(64), nullable=False)


class CorpusEvent(Base):
    __tablename__ = "corpus_events"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    type: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    date: Mapped[str | None] = mapped_column(String(20), index=True)
    dates: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    participants: Mapped[list] = mapped_column(JSON, nullable=False, default=list)  # entity ids
    location: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    attributes: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    conflicts: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    n_reports: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    base: Mapped[str | None] = mapped_column(String(200), index=True)  # the id before de-duplication
    anchor: Mapped[str | None] = mapped_column(String(80))  # first report, doc_id:index (merge.event_anchor)


class CorpusEventBlock(Base):
    """Blocking index of the incremental merge: which corpus events a new report may join (merge.py)."""
    __tablename__ = "corpus_event_blocks"
    block: Mapped[str] = mapped_column(Text, primary_key=True)  # type|party key|date key
    corpus_event_id: Mapped[str] = mapped_column(ForeignKey("corpus_events.id", ondelete="CASCADE"),
                                                 primary_key=True, index=True)


class CorpusEventParticipant(Base):
    __tablename__ = "corpus_event_participants"
    corpus_event_id: Mapped[str] = mapped_column(ForeignKey("corpus_events.id", ondelete="CASCADE"),
                                                 primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    # the event's type and date, repeated so "events of X [of a type] by date" is one index range
    type: Mapped[str | None] = mapped_column(String(20))
    date: Mapped[str | None] = mapped_column(String(20))


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer, nullable=False)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    date: Mapped[str | None] = mapped_column(String(20))
    participants: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    location: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    attributes: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    ev_start: Mapped[int] = mapped_column(Integer, nullable=False)
    ev_end: Mapped[int] = mapped_column(Integer, nullable=False)
    evidence: Mapped[str] = mapped_column(Text, nullable=False)
    trigger_start: Mapped[int | None] = mapped_column(Integer)
    trigger_end: Mapped[int | None] = mapped_column(Integer)
    corpus_event_id: Mapped[str | None] = mapped_column(String(200), index=True)


class CorpusClaim(Base):
    __tablename__ = "corpus_claims"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str | None] = mapped_column(String(200), index=True)
    measure: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    qualifier: Mapped[str] = mapped_column(String(16), nullable=False)
    time: Mapped[str | None] = mapped_column(String(20))
    target_time: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(20))  # time, else earliest report's publication
    n_reports: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    conflict: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class Claim(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer, nullable=False)
    subject: Mapped[str | None] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(64), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    qualifier: Mapped[str] = mapped_column(String(16), nullable=False)
    time: Mapped[str | None] = mapped_column(String(20))
    target_time: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(Text)
    ev_start: Mapped[int] = mapped_column(Integer, nullable=False)
    ev_end: Mapped[int] = mapped_column(Integer, nullable=False)
    evidence: Mapped[str] = mapped_column(Text, nullable=False)
    corpus_claim_id: Mapped[str | None] = mapped_column(String(64), index=True)


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    speaker: Mapped[str | None] = mapped_column(String(200), index=True)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class DupLink(Base):
    __tablename__ = "dup_links"
    doc_id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the later (duplicate) document
    other_doc_id: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    jaccard: Mapped[float] = mapped_column(Float, nullable=False)


class MinhashBand(Base):
    __tablename__ = "minhash_bands"
    __table_args__ = {"sqlite_with_rowid": False}  # migration 0007
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[str] = mapped_column(String(16), primary_key=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
                                        index=True)


class Failure(Base):
    __tablename__ = "failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(600), unique=True, nullable=False)  # doc_id or source
    source: Mapped[str] = mapped_column(Text, nullable=False)
    doc_id: Mapped[str | None] = mapped_column(String(32))
    stage: Mapped[str] = mapped_column(String(20), nullable=False)
    error: Mapped[str] = mapped_column(Text, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


Index("ix_corpus_claims_subject_measure", CorpusClaim.subject, CorpusClaim.measure)
# read paths on a 100,000-document corpus (migration 0002m): an entity's events by date, its documents
Index("ix_cep_entity_date", CorpusEventParticipant.entity_id, CorpusEventParticipant.date,
      CorpusEventParticipant.corpus_event_id)
Index("ix_cep_entity_type_date", CorpusEventParticipant.entity_id, CorpusEventParticipant.type,
      CorpusEventParticipant.date, CorpusEventParticipant.corpus_event_id)
Index("ix_doc_entities_entity_doc", DocEntity.entity_id, DocEntity.doc_pk, DocEntity.n_mentions)
Index("ix_corpus_events_type_date", CorpusEvent.type, CorpusEvent.date, CorpusEvent.id)


# Paragraph vectors for semantic search (migration 0002s; used by store/semantic.py).
DocVectors = Table(
    "doc_vectors", Base.metadata,
    Column("doc_pk", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("text_hash", String(64), nullable=False),  # sha256(model, title, body): stale when it differs
    Column("model", String(80), nullable=False),
    Column("n_units", Integer, nullable=False),
    Column("embedded_at", DateTime, nullable=False),
)
ParaVectors = Table(
    "para_vectors", Base.metadata,
    Column("doc_pk", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("span_start", Integer),  # NULL for the title unit
    Column("span_end", Integer),
    Column("vec", LargeBinary, nullable=False),  # float16 x DIM, L2-normalised
)


# Full-text search postings for the exact BM25 top-k (migration 0004; written by store/search.py); keys are
# words and adjacent word pairs ('w1 w2'), and search_terms also counts runs of 3-4 words (migration 0006).
SearchPostings = Table(
    "search_postings", Base.metadata,
    Column("term", Text, primary_key=True),
    Column("tf", Integer, primary_key=True),
    Column("dl", Integer, primary_key=True),
    Column("doc_pk", Integer, primary_key=True),
    sqlite_with_rowid=False,
)
SearchTerms = Table(
    "search_terms", Base.metadata,
    Column("term", Text, primary_key=True),
    Column("df", Integer, nullable=False),
    sqlite_with_rowid=False,  # migration 0007
)
SearchStats = Table(
    "search_stats", Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("n_docs", BigInteger, nullable=False),
    Column("n_tokens", BigInteger, nullable=False),
)
# Documents stored whose postings, word counts and statistics are not written yet (migration 0005): ingest
# writes them in batches (`search.index_pending`); search counts and scores these documents from their body.
SearchPending = Table(
    "search_pending", Base.metadata,
    Column("doc_pk", Integer, primary_key=True, autoincrement=False),
)
