"""The curated bilingual knowledge base: loader, schema check, look-up.

Entries live in `data/kb/*.yaml` (one list of entries per file), validated
against `data/schema/kb.schema.json`. Every other module gets the KB through
`load_kb()` (cached).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .nlp import fold

DATA = Path(str(resources.files("armswatch") / "data"))
KB_DIR = DATA / "kb"
SCHEMA = DATA / "schema" / "kb.schema.json"


@dataclass(frozen=True)
class KBEntry:
    id: str
    type: str
    name: str
    name_vi: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    abbrev: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    cased: tuple[str, ...] = ()
    metonym_of: str | None = None
    country: str | None = None
    parent: str | None = None
    roles: tuple[dict[str, Any], ...] = ()
    members: tuple[str, ...] = ()  # member countries of a small collective body (Quad, P5, E3)
    company: bool = False  # a business: its counts and deals are its own, not its country's
    gender: str | None = None
    description: str | None = None
    disambiguation: str | None = None
    file: str = ""

    def all_names(self) -> list[str]:
        """Every full name of the entry (canonical names, aliases, abbreviations)."""
        names = [self.name] + ([self.name_vi] if self.name_vi else []) + list(self.aliases) + list(self.abbrev)
        seen, out = set(), []
        for n in names:
            if n not in seen:
                seen.add(n)
                out.append(n)
        return out


@dataclass
class KnowledgeBase:
    entries: dict[str, KBEntry] = field(default_factory=dict)

    def __getitem__(self, kb_id: str) -> KBEntry:
        return self.entries[kb_id]

    def __contains__(self, kb_id: str) -> bool:
        return kb_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, kb_id: str | None) -> KBEntry | None:
        return self.entries.get(kb_id) if kb_id else None

    def search(self, query: str, limit: int = 10) -> list[tuple[KBEntry, float]]:
        """Accent-insensitive fuzzy search over all names (rapidfuzz)."""
        from rapidfuzz import fuzz, process

        choices: dict[tuple[str, str], str] = {}
        for e in self.entries.values():
            for n in e.all_names() + list(e.short):
                choices[(e.id, n)] = fold(n)
        q = fold(query)
        best: dict[str, float] = {}
        def scorer(a: str, b: str, **kw) -> float:
            # WRatio's partial matching over-rewards short names ("bi" in "tap can binh"): only let a
            # partial match count when the shorter string is at least 60% of the longer
            full = fuzz.token_sort_ratio(a, b)
            if min(len(a), len(b)) >= 0.6 * max(len(a), len(b)):
                return max(full, fuzz.WRatio(a, b))
            return max(full, 0.9 * fuzz.partial_ratio(a, b)) if len(b) >= len(a) else full

        for _, score, (eid, _) in process.extract(q, choices, scorer=scorer, limit=limit * 5):
            best[eid] = max(best.get(eid, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [(self.entries[eid], score) for eid, score in ranked]


def _entry(raw: dict[str, Any], file: str) -> KBEntry:
    return KBEntry(
        id=raw["id"], type=raw["type"], name=raw["name"], name_vi=raw.get("name_vi"),
        wikidata=raw.get("wikidata"), aliases=tuple(raw.get("aliases") or ()),
        abbrev=tuple(raw.get("abbrev") or ()), short=tuple(raw.get("short") or ()),
        cased=tuple(raw.get("cased") or ()),
        metonym_of=raw.get("metonym_of"), country=raw.get("country"), parent=raw.get("parent"),
        roles=tuple(raw.get("roles") or ()), members=tuple(raw.get("members") or ()), gender=raw.get("gender"),
        description=raw.get("description"), disambiguation=raw.get("disambiguation"), file=file,
        company=bool(raw.get("company")),
    )


_UNIQUE_LOADER = None


def load_yaml(text: str) -> Any:
    """YAML with libyaml's C loader when available (~7x faster than the pure-Python one). A key written twice in
    one mapping is an error (plain YAML keeps the last silently, and the first list is lost)."""
    import yaml  # here, not at the top: a warm cache (`json_cached`) never needs it (~13 ms of a cold start)

    global _UNIQUE_LOADER
    if _UNIQUE_LOADER is None:
        class UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            def construct_mapping(self, node, deep=False):
                seen = set()
                for key_node, _ in node.value:
                    key = self.construct_object(key_node, deep=deep)
                    if key in seen:
                        raise ValueError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
                    seen.add(key)
                return super().construct_mapping(node, deep=deep)

        _UNIQUE_LOADER = UniqueKeyLoader
    return yaml.load(text, Loader=_UNIQUE_LOADER)


def json_cached(kind: str, files: list[Path], parse) -> Any:
    """`parse()` (the parsed YAML of `files`), through a JSON copy keyed by the files' names and content.

    libyaml parses ~7x slower than json loads (the KB: ~0.8 s against ~20 ms; the lexicons: ~38 ms
    against ~1 ms per cold start). The copy lives in $ARMSWATCH_CACHE or ~/.cache/armswatch and is
    remade whenever a file changes; data that JSON would not give back as it is (dates, keys that are
    not strings) is never cached, and an unwritable cache only costs the speed."""
    import hashlib
    import os

    h = hashlib.blake2b(digest_size=12)
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    cache_dir = Path(os.environ.get("ARMSWATCH_CACHE") or Path.home() / ".cache" / "armswatch")
    cache = cache_dir / f"{kind}-{h.hexdigest()}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = parse()
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return data
    if json.loads(text) != data:
        return data
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(cache)  # atomic: concurrent processes never read half a file
    except OSError:
        return data
    # drop the copies made from older files (left alone for 10 minutes: another checkout or version
    # running at the same time keeps its own)
    import time

    for old in cache_dir.glob(f"{kind}-*.json"):
        try:
            if old != cache and old.name.rsplit("-", 1)[0] == kind and time.time() - old.stat().st_mtime > 600:
                old.unlink()
        except OSError:
            pass
    return data


def _read_kb_files_uncached(kb_dir: Path) -> dict[str, list[dict[str, Any]]]:
    return {p.name: (load_yaml(p.read_text(encoding="utf-8")) or []) for p in sorted(kb_dir.glob("*.yaml"))}


def read_kb_files(kb_dir: Path = KB_DIR) -> dict[str, list[dict[str, Any]]]:
    """The KB files as parsed YAML, through their JSON copy (`json_cached`)."""
    return json_cached("kb", sorted(kb_dir.glob("*.yaml")), lambda: _read_kb_files_uncached(kb_dir))


def validate_kb(kb_dir: Path = KB_DIR) -> list[str]:
    """Schema errors and cross-entry problems; an empty list means the KB is sound."""
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors: list[str] = []
    ids: dict[str, str] = {}
    files = _read_kb_files_uncached(kb_dir)
    for fname, items in files.items():
        for err in jsonschema.Draft202012Validator(schema).iter_errors(items):
            errors.append(f"{fname}: {'/'.join(map(str, err.absolute_path))}: {err.message}")
        for raw in items if isinstance(items, list) else []:
            if not isinstance(raw, dict) or "id" not in raw:
                continue
            if raw["id"] in ids:
                errors.append(f"{fname}: duplicate id {raw['id']!r} (also in {ids[raw['id']]})")
            ids[raw["id"]] = fname
    for fname, items in files.items():
        for raw in items if isinstance(items, list) else []:
            if not isinstance(raw, dict):
                continue
            for ref in ("metonym_of", "country", "parent"):
                if raw.get(ref) and raw[ref] not in ids:
                    errors.append(f"{fname}: {raw.get('id')}: {ref} {raw[ref]!r} is not a KB id")
            for mem in raw.get("members") or ():
                if mem not in ids:
                    errors.append(f"{fname}: {raw.get('id')}: member {mem!r} is not a KB id")
    return errors


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for fname, items in read_kb_files().items():
        for raw in items:
            kb.entries[raw["id"]] = _entry(raw, fname)
    return kb


MEDIA_FILE = "media.yaml"


def is_medium(entity_id: str | None) -> bool:
    """Is this entity a news outlet, agency or platform (a medium that carries statements, not a
    speaker): a KB entry of data/kb/media.yaml, or an unknown agency named in a dateline
    (`unk:media:...`, type ORG)? For the quote stage to refuse media as speakers."""
    if not entity_id:
        return False
    if entity_id.startswith("unk:media:"):
        return True
    e = load_kb().get(entity_id)
    return e is not None and e.file == MEDIA_FILE

