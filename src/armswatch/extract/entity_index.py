"""Compiled, cached look-up structures for entity recognition.

* `kb_index()`: one Aho-Corasick automaton over every KB name, alias and abbreviation (keys
  lower-cased with a length-preserving case fold and a canonical Vietnamese tone
  placement, so `Thuỵ Sĩ` = `Thụy Sĩ`, `hoà` = `hòa`), plus a second automaton over the
  accent-stripped keys used only for accent-stripped Vietnamese input; the tables that link
  organisation heads to countries (`Bộ Quốc phòng` + China -> China's MND), derived from the KB.
* `cues()`: the lexicons person_cues.yaml and metonymy.yaml compiled to regexes and sets.

Everything is built once (lru_cache) and shared by every document.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from ..kb import KBEntry, load_kb
from ..lexicon import load_lexicon
from ..nlp import fold
from .numbers import trie_regex

# ---------------------------------------------------------------- text normalisation

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook, tilde, dot below


def _tone_map() -> dict[str, str]:
    """'oà' -> 'òa', 'uỵ' -> 'ụy': old/new Vietnamese tone placement on oa/oe/uy made one."""
    out = {}
    for a, b in (("o", "a"), ("o", "e"), ("u", "y")):
        for t in _TONES:
            new = a + unicodedata.normalize("NFC", b + t)
            old = unicodedata.normalize("NFC", a + t) + b
            out[new] = old
    return out


_TONE_MAP = _tone_map()
# a pair of _TONE_MAP, not after "q", as a whole syllable end. The pattern starts with the class of
# first letters (which `re` scans for in C) and checks the "q" before it in a two-character lookbehind.
_FIRSTS = "".join(sorted({k[0] for k in _TONE_MAP}))
_TONE_RE = re.compile(f"[{_FIRSTS}](?<!q[{_FIRSTS}])(?:"
                      + "|".join(f"(?<={v})[{''.join(sorted(k[1] for k in _TONE_MAP if k[0] == v))}]" for v in _FIRSTS)
                      + r")(?!\w)")


def lower_keep(text: str) -> str:
    """Lower-case with one output char per input char, tone placement canonicalised."""
    if len(text) <= 40:
        return _lower_short(text)
    return _lower_keep(text)


@lru_cache(maxsize=65536)
def _lower_short(text: str) -> str:
    return _lower_keep(text)


def _lower_keep(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if any(ch in low for ch in "oòóỏõọuùúủũụ"):
        low = _TONE_RE.sub(lambda m: _TONE_MAP[m.group()], low)
    return low


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or "\u0300" <= ch <= "\u036f"  # letters with diacritics are letters


def at_boundary(text: str, start: int, end: int) -> bool:
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or "\u0300" <= c <= "\u036f":
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or "\u0300" <= c <= "\u036f":
            return False
    return True


_WORD_RE = re.compile(r"[^\W_]+")


def cap_word_indexes(form: str) -> tuple[int, ...]:
    """Indexes of the words of a KB form that start with an upper-case letter."""
    return tuple(i for i, w in enumerate(_WORD_RE.findall(form)) if w[:1].isupper())


# ---------------------------------------------------------------- Vietnamese syllables

_VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VN_SYL = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(uye|uya|uyu|uoi|uou|oai|oay|oeo|uay|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|ie|oa|oe|oi|ua|ue|ui|uo|uy|ye|uu|oo|a|e|i|o|u|y)"
    r"(ch|nh|ng|c|m|n|p|t)?$")


_VI_MARK_RE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0100-\u024f\u1e00-\u1eff]")


def has_vi_marks(tok: str) -> bool:
    """True if the token has letters only Vietnamese uses (ơ, ư, ă, đ, ạ, ế...; anything beyond
    Latin-1 counts: a plain Latin-script foreign name has none)."""
    return not tok.isascii() and _VI_MARK_RE.search(tok) is not None


def is_vi_syllable(tok: str) -> bool:
    """A possible Vietnamese syllable (diacritics ignored): Sun, Tom, Mao yes; Bell, Putin, Joe no."""
    if has_vi_marks(tok):
        return True
    return bool(_VN_SYL.match(fast_fold(tok)))


def is_latin_name_token(tok: str) -> bool:
    return tok[:1].isupper() and not has_vi_marks(tok) and all(c.isalpha() or c in "-'’." for c in tok)


_COMBINING = re.compile("[\u0300-\u036f]")


def fast_fold(text: str) -> str:
    """nlp.fold (lower-case, no diacritics, đ -> d, same length), vectorised for NFC text."""
    out = _COMBINING.sub("", unicodedata.normalize("NFD", text)).lower().replace("đ", "d")
    return out if len(out) == len(text) else fold(text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fast_fold(text)).strip("-")


# ---------------------------------------------------------------- the KB index

class Form(NamedTuple):
    """One surface form of a KB entry (a NamedTuple, not a dataclass: ~5,000 of them are
    unpickled at every cold start, and a tuple loads ~10x faster)."""

    eid: str
    surface: str
    kind: str  # name | abbrev | short | ishort (implicit short of a person)
    cs: bool  # case-sensitive
    caps: tuple[int, ...]
    nwords: int = 1


@dataclass
class KBIndex:
    automaton: object  # lower-cased name/abbreviation -> (its length, its name and abbreviation Forms)
    forms: dict[str, list[Form]]
    fold_automaton: object | None
    fold_forms: dict[str, list[Form]]
    entries: dict[str, KBEntry]
    country_names: dict[str, list[str]]  # country id -> its names (and its seats' names)
    org_table: dict[tuple[str, str], str]  # (lower head, country id) -> org id ("bộ quốc phòng", cn)
    org_table_en: dict[tuple[str, str], str]  # english heads ("foreign ministry", cn) -> org id
    heads_vi: list[str] = field(default_factory=list)  # derived heads, longest first
    heads_en: list[str] = field(default_factory=list)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Chinese" -> "cn"
    shorts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lower surface -> [(eid, kind)]
    shorts_of: dict[str, set[str]] = field(default_factory=dict)  # eid -> its lower short forms
    head_owners: dict[str, set[str]] = field(default_factory=dict)  # lower derived head -> org ids
    by_name: dict[str, str] = field(default_factory=dict)  # lower name -> eid (countries, for demonyms)
    # country id -> (" " + lower-cased name, is it the country's own name (not a seat's)) for each of
    # `country_names[id]`, in that order: the ends of body names that `entities._nested_countries` tests
    country_tails: dict[str, tuple[tuple[str, bool], ...]] = field(default_factory=dict)


def _forms_of(e: KBEntry) -> list[Form]:
    out: list[Form] = []
    seen: set[tuple[str, str]] = set()

    def add(s: str, kind: str, cs: bool):
        s = unicodedata.normalize("NFC", s.strip())
        if not s or (s, kind) in seen:
            return
        seen.add((s, kind))
        out.append(Form(e.id, s, kind, cs, cap_word_indexes(s), len(_WORD_RE.findall(s))))

    for n in [e.name] + ([e.name_vi] if e.name_vi else []) + list(e.aliases):
        letters = [c for c in n if c.isalpha()]
        add(n, "name", bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6)
    for a in e.abbrev:
        add(a, "abbrev", True)
    for s in e.short:
        add(s, "short", False)
    if e.type == "PERSON":  # implicit short forms: last name (Latin), surname / given name (Vietnamese)
        explicit = {fast_fold(s) for s in e.short}
        names = [e.name] + ([e.name_vi] if e.name_vi else []) + list(e.aliases)
        for n in names:
            toks = [t for t in n.replace(".", " ").split() if len(t) > 1]
            if len(toks) < 2:
                continue
            cands = [toks[-1]]
            if has_vi_marks(n) or all(is_vi_syllable(t) for t in toks):
                cands.append(toks[0])
            for c in cands:
                if fast_fold(c) not in explicit and len(c) >= 2 and c[:1].isupper():
                    add(c, "ishort", False)
    return out


def _cache_path(kind: str, lexicons: tuple[str, ...]) -> Path:
    """Where a pickled structure lives: next to the KB JSON cache ($ARMSWATCH_CACHE or
    ~/.cache/armswatch), keyed by the content hash of everything it is built from (KB files, the
    lexicons, this module, nlp.py and numbers.py) and by the Python and pyahocorasick versions
    (the automaton's pickle format). Any change gives a new key: a stale file is never read."""
    import hashlib
    import os
    import sys
    from pathlib import Path

    from .. import nlp
    from ..kb import KB_DIR
    from ..lexicon import LEX_DIR
    from . import numbers

    h = hashlib.blake2b(digest_size=12)
    h.update(kind.encode())
    files = sorted(KB_DIR.glob("*.yaml")) + [LEX_DIR / f"{n}.yaml" for n in lexicons]
    for p in files + [Path(__file__), Path(nlp.__file__), Path(numbers.__file__)]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update(sys.version.encode())
    h.update(str(getattr(ahocorasick, "__version__", "")).encode())
    cache_dir = Path(os.environ.get("ARMSWATCH_CACHE") or Path.home() / ".cache" / "armswatch")
    return cache_dir / f"{kind}-{h.hexdigest()}.pickle"


def _load_pickle(kind: str, lexicons: tuple[str, ...], cls: type):
    """(cached object or None, cache path or None). Any failure only costs the speed."""
    import pickle

    try:
        path = _cache_path(kind, lexicons)
    except OSError:
        return None, None
    try:
        with open(path, "rb") as fh:
            obj = pickle.load(fh)
        return (obj if isinstance(obj, cls) else None), path
    except Exception:  # noqa: BLE001 - missing, stale format, truncated: rebuild
        return None, path


def _save_pickle(path, obj) -> None:
    import os
    import pickle

    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic: concurrent processes never read half a file
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    # drop the copies built from older inputs (left alone for 10 minutes: another checkout or
    # version running at the same time keeps its own)
    import time

    kind = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{kind}-*.pickle"):
        try:
            if old != path and time.time() - old.stat().st_mtime > 600:
                old.unlink()
        except OSError:
            pass


@lru_cache(maxsize=1)
def kb_index() -> KBIndex:
    """The index, from its pickle when the inputs have not changed (~25 ms instead of ~150 ms).
    `entries` is not pickled: it is the shared `load_kb()` table."""
    entries = load_kb().entries
    idx, path = _load_pickle("entity-index", ("person_cues",), KBIndex)
    if idx is not None:
        idx.entries = entries
        return idx
    idx = _build_kb_index()
    idx.entries = {}
    try:
        _save_pickle(path, idx)
    finally:
        idx.entries = entries
    return idx


def _build_kb_index() -> KBIndex:
    kb = load_kb()
    entries = kb.entries
    forms: dict[str, list[Form]] = {}
    fold_forms: dict[str, list[Form]] = {}
    shorts: dict[str, list[tuple[str, str]]] = {}
    for e in entries.values():
        for f in _forms_of(e):
            key = lower_keep(f.surface)
            forms.setdefault(key, []).append(f)
            if f.kind in ("short", "ishort"):
                shorts.setdefault(key, []).append((e.id, f.kind))
            fk = fast_fold(f.surface)
            if fk != key and f.kind in ("name", "abbrev") and len(fk) == len(f.surface):
                fold_forms.setdefault(fk, []).append(f)
    # the automaton finds names and abbreviations (short forms are resolved by coreference, not
    # matched here: leaving them out spares ~40% of the hits); its value is (key length, forms)
    auto = ahocorasick.Automaton()
    for key, fs in forms.items():
        names = tuple(f for f in fs if f.kind in ("name", "abbrev"))
        if names:
            auto.add_word(key, (len(key), names))
    auto.make_automaton()
    fauto = None
    if fold_forms:
        fauto = ahocorasick.Automaton()
        for key in fold_forms:
            fauto.add_word(key, key)
        fauto.make_automaton()

    # names of each country, and of the seats of government standing for it
    country_names: dict[str, list[str]] = {}
    by_name: dict[str, str] = {}
    for e in entries.values():
        if e.type == "COUNTRY":
            country_names.setdefault(e.id, []).extend(e.all_names())
            for n in e.all_names():
                by_name.setdefault(lower_keep(n), e.id)
    for e in entries.values():
        if e.metonym_of and e.metonym_of in country_names and e.type == "LOC":
            country_names[e.metonym_of].extend(e.all_names())

    org_table: dict[tuple[str, str], str] = {}
    org_table_en: dict[tuple[str, str], str] = {}
    lex = load_lexicon("person_cues")
    demonyms = {}
    for adj, cname in (lex.get("demonyms") or {}).items():
        cid = by_name.get(lower_keep(cname))
        if cid:
            demonyms[adj] = cid
    dem_of: dict[str, list[str]] = {}
    for adj, cid in demonyms.items():
        dem_of.setdefault(cid, []).append(adj)
    for e in entries.values():
        if e.type not in ("ORG",) or not e.country or e.country not in country_names:
            continue
        for f in [e.name] + ([e.name_vi] if e.name_vi else []) + list(e.aliases):
            fl = lower_keep(f)
            for cn in country_names[e.country]:
                cl = lower_keep(cn)
                if fl.endswith(" " + cl) and len(fl) > len(cl) + 2:
                    head = fl[: -len(cl) - 1].strip()
                    if " of" not in head[-3:]:
                        org_table.setdefault((head, e.country), e.id)
                if fl.startswith(cl + "'s ") or fl.startswith(cl + "’s "):
                    org_table_en.setdefault((fl[len(cl) + 3:].strip(), e.country), e.id)
                if fl.startswith(cl + " ") and len(cl) <= 4 and cl[:1].isalpha():
                    # "US Senate", "UK Parliament": an abbreviated country before an English head
                    org_table_en.setdefault((fl[len(cl) + 1:].strip(), e.country), e.id)
                if fl.endswith(" of " + cl) or fl.endswith(" of the " + cl):
                    org_table_en.setdefault((fl[: fl.rfind(" of ")].strip(), e.country), e.id)
            for adj in dem_of.get(e.country, []):
                al = lower_keep(adj)
                if fl.startswith(al + " "):
                    org_table_en.setdefault((fl[len(al) + 1:].strip(), e.country), e.id)
    # an English head is also valid in its "Ministry of Foreign Affairs" / "foreign ministry" forms
    heads_vi = sorted({h for h, _ in org_table}, key=len, reverse=True)
    heads_en = sorted({h for h, _ in org_table_en}, key=len, reverse=True)
    shorts_of: dict[str, set[str]] = {}
    for key, lst in shorts.items():
        for eid, _ in lst:
            shorts_of.setdefault(eid, set()).add(key)
    head_owners: dict[str, set[str]] = {}
    for (h, _c), oid in org_table.items():
        head_owners.setdefault(h, set()).add(oid)
    country_tails = {}
    for c, names in country_names.items():
        own = {lower_keep(n) for n in entries[c].all_names()} if c in entries else set()
        country_tails[c] = tuple((" " + lower_keep(n), lower_keep(n) in own) for n in names)
    return KBIndex(auto, forms, fauto, fold_forms, entries, country_names, org_table, org_table_en,
                   heads_vi, heads_en, demonyms, shorts, shorts_of, head_owners, by_name, country_tails)


# ---------------------------------------------------------------- the lexicons

@dataclass
class Cues:
    title_re: re.Pattern  # (on lower-cased text) a chain of (prefix)* title (title)*, or an honorific
    honorifics: set[str]  # lower
    honorific_gender: dict[str, str]  # lower honorific -> "male" | "female"
    title_words: set[str]  # lower, every title and prefix
    org_head_re: re.Pattern  # Vietnamese org / treaty heads (capitalised), KB-derived heads too
    head_kind: dict[str, str]  # lower head -> ORG | TREATY
    lower_ok: set[str]
    tails_vi: frozenset[str]  # lower-case descriptive compounds a sentence-case name goes on with
    bare_en_re: re.Pattern  # English state bodies named by their bare head ("Congress")
    multi_heads: tuple[str, ...]
    multi_head_set: frozenset[str]
    located: set[str]
    org_heads_en: set[str]
    lexicon_heads: set[str]  # lower Vietnamese heads from the lexicon (not learnt from the KB)
    place_heads_en: set[str]
    treaty_heads_en: set[str]
    stop_vi: set[str]
    not_name_en: set[str]
    common_vi_names: frozenset[str]  # lower; a KB short form that is one of these never links alone
    place_cues: list[str]  # lower, longest first
    gov_people: list[str]
    place_cue_tail: re.Pattern  # a place cue ending the string, as a whole word (`_tail_re`)
    gov_people_tail: re.Pattern
    place_noun_before_re: re.Pattern  # a place noun (not a preposition) ending right before a name
    region_noun_re: re.Pattern  # "province", "Prefecture": a noun that follows the name of a region
    directions_en: set[str]
    pair_shorts: dict[str, str]  # "Xô" -> su: one-syllable country forms read inside a hyphenated pair
    pair_re: re.Pattern  # a hyphen or dash, which may join two words ("Xô - Mỹ", "Trung-Ấn")
    part_of_tail: re.Pattern  # "Phòng Đông của", "the South Lawn of the": a building's part, then "of"
    addressing_tail: re.Pattern  # a sending verb or message noun, then at most three words, ending the string
    coordinators: list[str]
    place_before_re: re.Pattern  # a place cue or place noun ending right before a name
    weapon_vi_re: re.Pattern  # head [modifiers] then the model name starts
    # Aho-Corasick automaton over the words the three patterns above start with (lower case) ->
    # (length, ("title" | "org" | "weapon", ...)): where each pattern can match (`entities._pattern_matches`)
    pattern_starts: object
    weapon_heads_en: set[str]
    weapon_mods_en: set[str]
    # demonyms that are mentions of their country (`entities._demonym_mentions`): the regex finds
    # them (case-sensitive, longest first), the place nouns after which they only locate a place
    demonym_re: re.Pattern | None = None
    demonym_country: dict[str, str] = field(default_factory=dict)  # demonym -> country name
    demonym_place_re: re.Pattern | None = None


def _alt(words) -> str:
    """Alternation of the lower-cased words, longest first (the patterns run on the lower-cased
    text: Python's re is several times slower with IGNORECASE on large alternations)."""
    # factored as a trie (numbers.trie_regex): the same matches as the flat longest-first
    # alternation (the words that can match at one position are prefixes of one another and the
    # trie tries the longer first), but re walks the trie instead of trying hundreds of branches
    # at every position: 2-3x faster on the title and organisation-head lexicons
    return trie_regex({lower_keep(w) for w in words})


def word_start_alt(words, not_after: str = r"\w") -> str:
    """`(?<!not_after)(?:w1|w2|...)` (longest first), written so that `re` scans for the words' first
    characters in C instead of trying the pattern at every position: one branch per first character,
    which checks the character before it in a two-character lookbehind, then the rest of the words as a
    trie (numbers.trie_regex). Same matches; for patterns scanned over whole texts (case-sensitive)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(re.escape(c) + rf"(?<!{not_after}.)" + trie_regex(rests)
                            for c, rests in sorted(groups.items())) + ")"


def _tail_re(words) -> re.Pattern:
    """`search(s)` finds the longest of `words` that ends `s` as a whole word (not preceded by a
    letter or digit): what a longest-first loop of `s.endswith(w)` + a boundary check finds."""
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")\Z")


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The compiled cues, from their pickle when the inputs have not changed (the regexes are
    recompiled on load, but building their trie patterns from the lexicons is skipped)."""
    cu, path = _load_pickle("entity-cues", ("person_cues", "metonymy"), Cues)
    if cu is None:
        cu = _build_cues()
        _save_pickle(path, cu)
    return cu


def _build_cues() -> Cues:
    pc = load_lexicon("person_cues")
    mt = load_lexicon("metonymy")
    idx = kb_index()
    hon = pc["honorifics"]["vi"] + pc["honorifics"]["en"]
    titles = pc["titles"]["vi"] + pc["titles"]["en"]
    pt = pc.get("portfolio_titles") or {}
    titles = titles + [f"{h} {p}" for h in pt.get("heads", []) for p in pt.get("portfolios", [])]
    prefixes = pc["title_prefixes"]["vi"] + pc["title_prefixes"]["en"]
    title_re = re.compile(
        r"(?<!\w)(?:(?:" + _alt(prefixes) + r")\s+)*(?:" + _alt(titles + hon) + r")"
        r"(?:\s+(?:" + _alt(titles) + r"))*(?=[\s,]|$)")
    oh = pc["org_heads"]
    head_kind: dict[str, str] = {}
    for h in oh["vi"]:
        head_kind[lower_keep(h)] = "ORG"
    for h in idx.heads_vi:
        head_kind.setdefault(h, "ORG")
    for h in oh["treaty_vi"]:
        head_kind[lower_keep(h)] = "TREATY"
    lower_ok = {lower_keep(h) for h in oh.get("lower_ok", [])}
    for h in lower_ok:
        head_kind.setdefault(h, "ORG")
    org_head_re = re.compile(r"(?<!\w)(?:" + _alt(head_kind) + r")(?!\w)")
    not_name = set(pc["not_name_words_en"]) | set(pc.get("demonyms", {}).keys()) | set(oh.get("place_en", []))
    for t in pc["titles"]["en"]:
        not_name.update(w.strip(".") for w in t.split())
    place_words = mt["place_cues"]["vi"] + mt["place_cues"]["en"] + mt.get("place_nouns", {}).get("vi", []) \
        + mt.get("place_nouns", {}).get("en", [])
    place_before_re = re.compile(r"(?<!\w)(?:" + _alt(place_words) + r")\s$")
    wh = pc.get("weapon_heads", {})
    dm = pc.get("demonym_mentions") or {}
    dem_linked = {k: v for k, v in (pc.get("demonyms") or {}).items() if k not in set(dm.get("ambiguous", []))}
    weapon_vi_re = re.compile(
        r"(?<!\w)(?:" + _alt(wh.get("vi", ["tên lửa"])) + r")(?:\s+(?:" + _alt(wh.get("modifiers_vi", ["mới"]))
        + r"))*\s+(?=[^\W\d_])")
    starts: dict[str, set[str]] = {}
    for kind, words in (("title", prefixes + titles + hon), ("org", head_kind), ("weapon", wh.get("vi", ["tên lửa"]))):
        for w in words:
            if lower_keep(w):
                starts.setdefault(lower_keep(w), set()).add(kind)
    pattern_starts = ahocorasick.Automaton()
    for w, kinds in starts.items():
        pattern_starts.add_word(w, (len(w), tuple(sorted(kinds))))
    pattern_starts.make_automaton()
    multi_heads = tuple(sorted({h + " " for h in head_kind if " " in h}, key=len, reverse=True))
    place_cues = sorted({lower_keep(w) for w in mt["place_cues"]["vi"] + mt["place_cues"]["en"]}, key=len,
                        reverse=True)
    gov_people = sorted({lower_keep(w) for w in mt["government_people"]["vi"] + mt["government_people"]["en"]},
                        key=len, reverse=True)
    addressing = sorted({lower_keep(w) for w in mt.get("addressing", {}).get("vi", [])
                         + mt.get("addressing", {}).get("en", [])}, key=len, reverse=True)
    addressing_tail = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, addressing)) + r")(?:\s+[^\W\d_]+){0,3}\Z") \
        if addressing else re.compile(r"(?!)")
    pn = mt.get("place_nouns", {})
    place_noun_before_re = re.compile(r"(?<!\w)(?:" + _alt(pn.get("vi", []) + pn.get("en", [])) + r")\s$")
    # (the nouns are found first, then the capitalised words before them: few nouns, many capitals)
    region_noun_re = re.compile(r"(?:" + "|".join(map(re.escape, pn.get("after_en", []))) + r")(?![\w-])") \
        if pn.get("after_en") else re.compile(r"(?!)")
    parts = sorted({lower_keep(w) for w in mt.get("building_parts", {}).get("vi", [])
                    + mt.get("building_parts", {}).get("en", [])}, key=len, reverse=True)
    part_of_tail = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, parts)) + r")(?:\s+[^\W\d_]+){0,3}"
                              r"\s+(?:của|of the|of)\Z") if parts else re.compile(r"(?!)")
    # (the events stage reads the same list for the parties of "cuộc gặp Mỹ - Triều")
    pair_shorts = {str(k): str(v) for k, v in (load_lexicon("events").get("pair_short_forms") or {}).items()
                   if str(v) in idx.entries}
    return Cues(
        pair_shorts=pair_shorts,
        pair_re=re.compile(r"[-–]"),
        part_of_tail=part_of_tail,
        place_noun_before_re=place_noun_before_re,
        region_noun_re=region_noun_re,
        directions_en=set(pn.get("directions_en", [])),
        addressing_tail=addressing_tail,
        place_before_re=place_before_re,
        weapon_vi_re=weapon_vi_re,
        pattern_starts=pattern_starts,
        weapon_heads_en={w.lower() for w in wh.get("en", [])},
        weapon_mods_en={w.lower() for w in wh.get("modifiers_en", [])},
        title_re=title_re,
        honorifics={lower_keep(h) for h in hon},
        honorific_gender={lower_keep(h): g for g, hs in (pc.get("honorific_gender") or {}).items() for h in hs},
        title_words={lower_keep(t) for t in titles + prefixes},
        org_head_re=org_head_re,
        head_kind=head_kind,
        lower_ok=lower_ok,
        tails_vi=frozenset(lower_keep(w) for w in oh.get("tails_vi", [])),
        bare_en_re=re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(w) for w in sorted(
            oh.get("bare_en", []), key=len, reverse=True)) + r")(?![\w-])") if oh.get("bare_en") else re.compile("(?!)"),
        multi_heads=multi_heads,
        multi_head_set=frozenset(multi_heads),
        located={lower_keep(h) for h in oh.get("located_vi", [])},
        org_heads_en=set(oh["en"]),
        lexicon_heads={lower_keep(h) for h in oh["vi"]},
        place_heads_en=set(oh.get("place_en", [])),
        treaty_heads_en=set(oh["treaty_en"]),
        stop_vi={lower_keep(w) for w in pc["name_stopwords_vi"]},
        not_name_en=not_name,
        common_vi_names=frozenset(lower_keep(w) for w in pc.get("common_vi_names", [])),
        place_cues=place_cues,
        gov_people=gov_people,
        place_cue_tail=_tail_re(place_cues),
        gov_people_tail=_tail_re(gov_people),
        coordinators=[lower_keep(w) for w in mt["coordinators"]["vi"] + mt["coordinators"]["en"]],
        demonym_re=re.compile(word_start_alt(dem_linked, r"[\w.-]") + r"(?![\w-])") if dem_linked else None,
        demonym_country=dem_linked,
        demonym_place_re=re.compile(r" (?:" + "|".join(re.escape(x) for x in sorted(
            dm.get("place_nouns", []), key=len, reverse=True)) + r")(?!\w)") if dm.get("place_nouns") else None,
    )
