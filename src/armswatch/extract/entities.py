"""Entities: recognition, KB linking, metonymy, unknown names and in-document coreference.

Steps, all rule-based and driven by data (the KB in data/kb, the lexicons person_cues.yaml and
metonymy.yaml):

1. Dictionary matching: one Aho-Corasick automaton over every KB name/alias/abbreviation on the
   lower-cased body (length-preserving fold, canonical Vietnamese tone placement), whole words
   only (letters with diacritics are letters), leftmost-longest. Aliases are case-insensitive
   but a capitalised word of the KB form must be capitalised in the text (`Nhật` is Japan,
   `cập nhật` is not); abbreviations and all-caps aliases are case-sensitive. Accent-stripped
   Vietnamese input falls back on a second automaton over folded keys.
2. Metonymy: a KB place with `metonym_of` (Washington, Bắc Kinh, Nhà Trắng) is the country it
   stands for, unless a place cue precedes it (`tại`, `ở`, `có trụ sở tại`, `in`) and no
   governing-people noun precedes the cue (`các nhà lãnh đạo ở Washington` stays the country).
3. Organisations composed of a head and a country (`Bộ Quốc phòng Bắc Kinh` -> China's MND via
   the KB's own `Bộ Quốc phòng <country>` names; `Đại sứ quán Trung Quốc tại Washington`) or of
   a head and a capitalised continuation (`Hội đồng Đại Tây Dương`); treaties likewise.
4. People: after titles/honorifics (`Thứ trưởng`, `ông`, `Đại sứ Mỹ tại Nhật Bản`), and runs of
   capitalised Latin tokens that are not Vietnamese syllables or common English words
   (`Alexandra Bell`, `Sun Xiaobo`). Titles and the country named in them go to Entity.titles
   and Entity.country.
5. Coreference: short forms after a full mention (`Bell`, `ông Tập`, `bà Sherman`), KB short
   forms without one only when unambiguous and licensed, abbreviations introduced in
   parentheses (`Tạp chí Phố Wall (WSJ)`), bare heads (`Bộ Ngoại giao`, `Liên minh`) after the
   full organisation name.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from ..model import Document, Entity, models_from
from ..nlp import is_sentence_end
from .entity_index import (
    Cues,
    Form,
    KBIndex,
    at_boundary,
    cues,
    fast_fold,
    has_vi_marks,
    is_latin_name_token,
    is_vi_syllable,
    kb_index,
    lower_keep,
    slug,
    word_start_alt,
)

_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_WORD_RE = re.compile(r"[^\W_]+")
_UPPER = "".join(c for c in map(chr, list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00))) if c.isupper())
# (the pattern starts with the character class and checks the word start after it, in a
# two-character lookbehind: `re` then scans for the capitals in C instead of trying the pattern at
# every position; same matches, faster than a leading lookbehind or lookahead)
_CAP_TOKEN_RE = re.compile(r"[" + re.escape(_UPPER) + r"](?<![^\W_][" + re.escape(_UPPER) + r"])"
                           r"[^\W_]*(?:[-'’][^\W_]+)*")
_STRIPPED_VI = re.compile(word_start_alt(["cua", "va", "nhung", "duoc", "trong", "voi", "khong", "cho", "nay", "nguoi",
                                          "nuoc", "theo"]) + r"(?!\w)")
_EN_LEADING = {"The", "A", "An", "In", "On", "At", "For", "From", "By", "With", "But", "And", "Or", "If",
               "When", "While", "This", "That", "As", "After", "Before", "Since", "Under", "Both"}
_SENT_OPEN = set(".!?:;“\"‘'(–-—\n")
_TYPE_RANK = {"COUNTRY": 0, "ORG": 1, "PERSON": 2, "TREATY": 3, "LOC": 4, "EVENT_NAME": 5, "WEAPON": 6}


@dataclass
class Span:
    start: int
    end: int
    eid: str
    etype: str
    src: str  # kb | compose | person | run | short | alias | head | nested
    form: Form | None = None
    meta: str | None = None  # the KB place id a metonym came from


@dataclass
class Info:
    etype: str
    name: str
    name_vi: str | None = None
    wikidata: str | None = None
    in_kb: bool = True
    country: str | None = None
    titles: list[str] = field(default_factory=list)


class _Doc:
    """Per-document working state."""

    def __init__(self, text: str, language: str | None):
        self.text = text
        self.low = lower_keep(text)
        self.n = len(text)
        self.idx: KBIndex = kb_index()
        self.cu: Cues = cues()
        self.lang = language or "vi"
        self.top: list[Span] = []  # non-overlapping top-level mentions
        self.nested: list[Span] = []  # mentions inside a larger name (the country in "Bộ Ngoại giao Mỹ")
        self.occ = bytearray(self.n)
        self.start_at: dict[int, Span] = {}
        self.ents: dict[str, Info] = {}
        self.tokens = [(m.start(), m.end(), m.group()) for m in _CAP_TOKEN_RE.finditer(text)]
        found = _pattern_matches(self.low, self.cu)
        self.cue_matches = found["title"]  # titles and honorifics
        self.org_head_matches = found["org"]
        self.weapon_head_matches = found["weapon"]
        self.cue_ends: dict[int, re.Match] = {m.end(): m for m in self.cue_matches}
        self.cue_starts = {m.start() for m in self.cue_matches}
        self.org_head_starts = {m.start() for m in self.org_head_matches}
        self.bare_heads: list[tuple[int, int, str]] = []
        self.late_heads: list[tuple[int, int, str, set[str]]] = []  # bare heads left for _late_heads
        self.doc_aliases: dict[str, str] = {}

    # --- bookkeeping
    def add_top(self, sp: Span) -> None:
        self.top.append(sp)
        self.start_at[sp.start] = sp
        self.occ[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)

    def remove_top(self, sp: Span) -> None:
        self.top.remove(sp)
        if self.start_at.get(sp.start) is sp:
            del self.start_at[sp.start]
        self.occ[sp.start:sp.end] = bytes(sp.end - sp.start)

    def free(self, s: int, e: int) -> bool:
        return 1 not in self.occ[s:e]  # (faster than occ.find(1, s, e), which parses its arguments)

    def info_for_kb(self, eid: str) -> Info:
        if eid not in self.ents:
            e = self.idx.entries[eid]
            self.ents[eid] = Info(e.type, e.name, e.name_vi, e.wikidata, True, e.country if e.type != "COUNTRY" else None)
        return self.ents[eid]

    def info_unknown(self, eid: str, etype: str, name: str) -> Info:
        name_vi = name if has_vi_marks(name) else None  # written in Vietnamese
        if eid not in self.ents:
            self.ents[eid] = Info(etype, name, name_vi, None, False)
        elif len(name) > len(self.ents[eid].name):
            self.ents[eid].name = name
            self.ents[eid].name_vi = name_vi
        return self.ents[eid]

    def country_of(self, sp: Span) -> str | None:
        """The country a span names: a country, or a seat of government (even used literally)."""
        if sp.etype == "COUNTRY":
            return sp.eid
        if sp.meta:
            return self.idx.entries[sp.meta].metonym_of
        if sp.src == "kb" and sp.eid in self.idx.entries:
            return self.idx.entries[sp.eid].metonym_of
        return None

    def cue_before(self, pos: int) -> re.Match | None:
        """The title/honorific that ends right before `pos` (one space between)."""
        if pos >= 1 and self.text[pos - 1] == " ":
            return self.cue_ends.get(pos - 1)
        return None

    def sentence_initial(self, pos: int) -> bool:
        i = pos - 1
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        return i < 0 or self.text[i] in _SENT_OPEN


def _pattern_matches(low: str, cu: Cues) -> dict[str, list[re.Match]]:
    """What `finditer` of the title, organisation-head and weapon-head patterns gives on the
    lower-cased text. A match starts with one of its pattern's words at a word start: one
    Aho-Corasick pass finds those places and each pattern is tried only there (~3x faster than
    three scans that try the patterns at every character)."""
    starts: dict[str, set[int]] = {"title": set(), "org": set(), "weapon": set()}
    for end, (n, kinds) in cu.pattern_starts.iter(low):
        s = end - n + 1
        if s and (low[s - 1].isalnum() or low[s - 1] == "_"):
            continue  # inside a word: the patterns start with (?<!\w)
        for kind in kinds:
            starts[kind].add(s)
    out = {}
    for kind, rx in (("title", cu.title_re), ("org", cu.org_head_re), ("weapon", cu.weapon_vi_re)):
        ms: list[re.Match] = []
        reach = 0
        for p in sorted(starts[kind]):
            if p >= reach and (m := rx.match(low, p)):
                ms.append(m)
                reach = m.end()
        out[kind] = ms
    return out


# ------------------------------------------------------------------ 1. dictionary matching

def _case_ok(text: str, s: int, e: int, f: Form) -> bool:
    surf = text[s:e]
    if f.cs:
        return surf == f.surface
    if not f.caps:
        return True
    if f.caps == (0,):
        return surf[:1].isupper()
    words = _WORD_RE.findall(surf)
    if len(words) != f.nwords:
        return any(w[:1].isupper() for w in words)
    return any(words[i][:1].isupper() for i in f.caps if i < len(words))


_VI_LETTER = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _accent_stripped(text: str) -> bool:
    """Vietnamese typed without diacritics: no Vietnamese letter, (almost) only ASCII letters, and
    at least five common function words in their stripped form ("cua", "duoc"...)."""
    if _VI_LETTER.search(text):
        return False
    # the function words first: one regex pass, and English text stops here
    if len(_STRIPPED_VI.findall(text.lower())) < 5:
        return False
    letters = sum(map(str.isalpha, text))
    if letters < 40:
        return False
    marked = sum(map(str.isalpha, _NON_ASCII.findall(text)))
    return marked / letters < 0.01


def _kb_candidates(d: _Doc) -> list[tuple[int, int, Form]]:
    text, idx = d.text, d.idx
    out = []
    for end, (n, names) in idx.automaton.iter(d.low):
        s, e = end - n + 1, end + 1
        if not at_boundary(text, s, e):
            continue
        for f in names:
            # (the common forms, case-insensitive without capitals, are taken without a call)
            if (not f.cs and not f.caps) or _case_ok(text, s, e, f):
                out.append((s, e, f))
    if idx.fold_automaton is not None and _accent_stripped(text):
        for end, key in idx.fold_automaton.iter(fast_fold(text)):
            s, e = end - len(key) + 1, end + 1
            if at_boundary(text, s, e):
                for f in idx.fold_forms[key]:
                    if f.kind == "abbrev" or _case_ok(text, s, e, f):
                        out.append((s, e, f))
    return out


def _select(cands: list[tuple[int, int, Form]], idx: KBIndex) -> list[tuple[int, int, Form]]:
    """Leftmost-longest, non-overlapping; ties broken towards full names and countries."""
    entries = idx.entries

    def rank(c):
        s, e, f = c
        return (s, s - e, f.kind != "name", _TYPE_RANK.get(entries[f.eid].type, 9))

    chosen, last = [], -1
    for c in sorted(cands, key=rank):
        if c[0] >= last:
            chosen.append(c)
            last = c[1]
    return chosen


# ------------------------------------------------------------------ 2. metonymy

_CAPW = "[" + re.escape(_UPPER) + r"][\w'’&.-]*"
_ADDRESS_RE = re.compile(r"(?:^|\s)(?P<venue>(?:" + _CAPW + r"\s){0,3}" + _CAPW + r"),\s$")


def _address_literal(d: _Doc, start: int, line_start: int) -> bool:
    """'tại khách sạn Metropole, Hà Nội', 'at the Capella Hotel, Singapore': a seat named after an
    unknown venue that follows a place cue is the city (a KB place as the venue is not an address:
    'Tại Geneva, Washington nói')."""
    seg = d.text[max(line_start, start - 80):start]
    m = _ADDRESS_RE.search(seg)
    if not m:
        return False
    vs = start - len(seg) + m.start("venue")
    ve = start - len(seg) + m.end("venue")
    venue = d.text[vs:ve].split()
    if not venue or not venue[-1][:1].isupper() or not d.free(vs, ve):
        return False
    # the place cue is before the venue (possibly with a place noun: "khách sạn", "hotel")
    before = d.low[max(line_start, vs - 40):vs]
    words = before.split()
    for k in range(0, min(3, len(words)) + 1):
        head = " ".join(words[: len(words) - k]) if k else " ".join(words)
        if d.cu.place_cue_tail.search(head):
            return True
    return False


def _literal_place(d: _Doc, start: int) -> bool:
    line_start = d.text.rfind("\n", 0, start) + 1
    if _address_literal(d, start, line_start):
        return True
    if start == line_start and re.match(r"[^\W\d_][^\W\d_ .,]*(?: [^\W\d_]+)?(?:,? [^\W\d_]+)? ?(?:\(|[-–—] )",
                                        d.text[start:start + 60]) and d.text[start:start + 3].isupper():
        return True  # a dateline: "WASHINGTON (Reuters) -", "BẮC KINH -"
    before = d.low[max(line_start, start - 80):start].rstrip()
    if before.endswith(("của", " of", " of the")) and d.cu.part_of_tail.search(before):
        return True  # "tại Phòng Đông của Nhà Trắng": a room of the building, the building itself
    cue = d.cu.place_cue_tail.search(before)
    if cue:
        head = before[: cue.start()].rstrip()
        return not (d.cu.gov_people_tail.search(head) or d.cu.addressing_tail.search(head))
    return False


def _apply_metonymy(d: _Doc, spans: list[Span]) -> None:
    prev: Span | None = None
    prev_literal = False
    for sp in sorted(spans, key=lambda s: s.start):
        e = d.idx.entries.get(sp.eid)
        if not e or not e.metonym_of or e.metonym_of not in d.idx.entries or sp.src != "kb":
            continue
        between = d.low[prev.end:sp.start].strip() if prev else None
        if prev is not None and between in d.cu.coordinators:
            literal = prev_literal
        else:
            literal = _literal_place(d, sp.start)
        if not literal:
            target = d.idx.entries[e.metonym_of]
            sp.meta = sp.eid
            sp.eid, sp.etype = target.id, target.type
        prev, prev_literal = sp, literal


def _descriptions_of_countries(d: _Doc) -> None:
    """'quân đội Nga', 'the US military': a common noun in lower case with a country is a description of
    that country's body, not its name (the names are capitalised: 'Quân đội Nga', 'Russian Armed Forces').
    The mention is the country's; the body is no entity."""
    for sp in [x for x in d.top if x.src == "kb" and x.etype == "ORG"]:
        surf = d.text[sp.start:sp.end]
        if not (surf[:1].islower() or surf[surf.rfind(" ") + 1:][:1].islower()):
            continue  # the name itself, written with its capitals
        words = list(_TOKEN_RE.finditer(surf))
        caps = [w for w in words if not w.group()[:1].islower()]
        if not caps or len(caps) == len(words):
            continue
        cs, ce = caps[0].start(), caps[-1].end()
        country = next((f.eid for f in d.idx.forms.get(lower_keep(surf[cs:ce]), ())
                        if d.idx.entries[f.eid].type == "COUNTRY"), None)
        if country is None:
            continue
        d.remove_top(sp)
        d.add_top(Span(sp.start + cs, sp.start + ce, country, "COUNTRY", "kb"))


# ------------------------------------------------------------------ 3. composed organisations

def _word_at(d: _Doc, pos: int) -> tuple[int, int, str] | None:
    m = _TOKEN_RE.match(d.text, pos)
    return (m.start(), m.end(), m.group()) if m else None


def _span_at(d: _Doc, pos: int) -> Span | None:
    return d.start_at.get(pos)


def _country_pair(d: _Doc, sp: Span) -> Span | None:
    """'Mỹ-Nhật', 'Mỹ - Nga': the second country of a pair starting with `sp`."""
    m = re.compile(r"\s?[-–]\s?").match(d.text, sp.end)
    if m:
        sp2 = _span_at(d, m.end())
        if sp2 and d.country_of(sp2):
            return sp2
    return None


_WORD_BEFORE = re.compile(r"(?<![\w-])[^\W\d_]+\Z")  # (found from a dash: few dashes, many words)


def _pair_short_countries(d: _Doc) -> None:
    """'thượng đỉnh Xô - Mỹ', 'quan hệ Trung-Ấn': a one-syllable short form of a country is a mention of it
    inside a hyphenated pair whose other side is a country too (alone, "Trung" or "Anh" is no country)."""
    if d.lang != "vi":
        return
    shorts = d.cu.pair_shorts
    text = d.text
    for m in d.cu.pair_re.finditer(text):
        ls = m.start() - 1 if text[m.start() - 1:m.start()] == " " else m.start()
        rs = m.end() + 1 if text[m.end():m.end() + 1] == " " else m.end()
        left = _WORD_BEFORE.search(text, max(0, ls - 12), ls)
        right = _word_at(d, rs)
        if left is None or right is None or d.text[right[1]:right[1] + 1] == "-":
            continue  # a hyphen inside a longer compound ("Ri Son-gwon", "Hwasong-15")
        sides = [(left.start(), left.end()), (right[0], right[1])]
        kinds = []
        for s, e in sides:
            sp = _span_at(d, s)
            kinds.append("span" if sp is not None and sp.end == e and d.country_of(sp)
                         else "short" if d.text[s:e] in shorts and d.free(s, e) else None)
        if None in kinds:
            continue
        for (s, e), kind in zip(sides, kinds):
            if kind == "short":
                eid = shorts[d.text[s:e]]
                d.info_for_kb(eid)
                d.add_top(Span(s, e, eid, d.idx.entries[eid].type, "kb"))


def _person_like(d: _Doc, pos: int) -> bool:
    """Do two or more capitalised Latin tokens, one of them not Vietnamese, start at `pos`?"""
    toks = _name_run(d, pos)
    words = [t[2] for t in toks if len(t[2]) > 1]
    return len(words) >= 2 and all(is_latin_name_token(w) for w in words[:2]) \
        and any(not is_vi_syllable(w) and w not in d.cu.not_name_en for w in words[:2])


_DESC_STOP = re.compile(r"[,.;:!?“”\"\n]")


def _described_with_name(d: _Doc) -> None:
    """'Hiệp ước cắt giảm vũ khí tấn công chiến lược mới (New START)': a head noun, a lower-case
    description and a bracketed name form one mention of the named entity."""
    pat = re.compile(r" \(([^\W\d_][^()\n]{0,40}?)\)")
    for hs, he, hk in d.bare_heads:
        if not d.free(hs, he):
            continue
        kind = d.cu.head_kind.get(hk, "ORG")
        m = pat.search(d.text, he, min(d.n, he + 160))
        if not m or _DESC_STOP.search(d.text, he, m.start()) or not d.free(he, m.start()):
            continue
        desc = d.text[he:m.start()].split()
        if not desc or len(desc) > 14 or not desc[0][:1].islower():
            continue
        ns, ne = m.start(1), m.end(1)
        name = m.group(1)
        inner = _span_at(d, ns)
        if inner is not None and inner.end == ne:
            eid = inner.eid
        elif d.free(ns, ne) and name[:1].isupper():
            eid = f"unk:{kind.lower()}:{slug(name)}"
            d.info_unknown(eid, kind, name)
            d.add_top(Span(ns, ne, eid, kind, "alias"))
            d.doc_aliases[name] = eid
        else:
            continue
        d.add_top(Span(hs, m.start(), eid, d.ents[eid].etype if eid in d.ents else kind, "compose"))


def _name_resumes(d: _Doc, q: int) -> int | None:
    """From `q`, at most three more lower-case content words, then a country or place of the KB or
    a run of capitalised non-Vietnamese tokens ending the name: the end of that run, else None."""
    p, n = q, 0
    while n < 3:
        sp = _span_at(d, p)
        if sp is not None:
            return sp.end if n and (d.country_of(sp) or sp.etype == "LOC") else None
        w = _word_at(d, p)
        if not w or not d.free(w[0], w[1]):
            return None
        tok = w[2]
        if tok[:1].isupper():
            if not n or is_vi_syllable(tok) or lower_keep(tok) in d.cu.title_words:
                return None
            end = w[1]
            while True:  # "St. Petersburg", "Los Alamos"
                m = re.match(r"\.? ([A-Z][\w'’-]*)", d.text[end:end + 40])
                if not m or is_vi_syllable(m.group(1)):
                    break
                end += m.end()
            return end
        if lower_keep(tok) in d.cu.stop_vi or not tok.isalpha():
            return None
        n += 1
        if d.text[w[1]:w[1] + 1] != " ":
            return None
        p = w[1] + 1
    return None


def _compose_orgs(d: _Doc) -> None:
    text, cu, idx = d.text, d.cu, d.idx
    for m in d.org_head_matches:
        hs, he = m.start(), m.end()
        if not d.free(hs, he):
            # a head learnt from the KB may contain a place ("Hội đồng Đại Tây Dương"); anything else wins
            over = [x for x in d.top if x.start < he and x.end > hs]
            if not all(hs <= x.start and x.end <= he and x.etype == "LOC" for x in over):
                continue
        hk = m.group()  # already lower-cased
        kind = cu.head_kind.get(hk, "ORG")
        lower_head = not text[hs].isupper()
        if lower_head and hk not in cu.lower_ok:
            continue
        comps: list[Span] = []
        country = None
        country_span = None
        end, p = he, he
        lowers, last_cap, ntok = 0, False, 0
        cap_end = one_lower_end = he
        tail_end: int | None = None
        named: Span | None = None
        while p < d.n and text[p] == " ":
            q = p + 1
            sp = _span_at(d, q)
            if sp is not None:
                c = d.country_of(sp)
                if c:
                    comps.append(sp)
                    country, country_span, end = c, sp, sp.end
                    sp2 = _country_pair(d, sp)
                    if sp2:
                        comps.append(sp2)
                        end = sp2.end
                    for prep in ((" tại ", " ở ") if hk in cu.located else ()):
                        if text.startswith(prep, end):
                            sp3 = _span_at(d, end + len(prep))
                            if sp3 and sp3.etype in ("LOC", "COUNTRY"):
                                comps.append(sp3)
                                end = sp3.end
                            break
                    break
                if sp.etype in ("LOC", "ORG") and ntok == 0 and not lower_head:
                    end = p = sp.end
                    last_cap, lowers, ntok = True, 0, ntok + 1
                    continue
                if sp.etype == "LOC" and ntok > 0:
                    end = p = sp.end
                    last_cap, lowers, ntok = True, 0, ntok + 1
                    continue
                if (sp.etype == "ORG" and ntok > 0 and sp.src == "kb" and lowers <= 1 and tail_end is None
                        and " " not in text[sp.start:sp.end]):
                    # a descriptive name followed by the body's own name ("Tập đoàn Năng lượng
                    # Nguyên tử Nhà nước Rosatom"): one mention of that body
                    named, end = sp, sp.end
                break
            w = _word_at(d, q)
            if not w or not d.free(w[0], w[1]) or lower_head:
                break
            tok = w[2]
            if ntok == 0 and " " in hk and _person_like(d, q):
                break  # "Thứ trưởng Bộ Ngoại giao Wendy Sherman": a name follows the bare head
            if ntok > 0 and tok[:1].islower() and (lowers <= 1 or tail_end is not None):
                # descriptive compounds after the capitalised words ("Hiệp ước Đối tác chiến lược
                # toàn diện"): the name goes on through them, and ends at the first other word
                w2 = _word_at(d, w[1] + 1) if text.startswith(" ", w[1]) else None
                pair = lower_keep(tok + " " + w2[2]) if w2 and d.free(w2[0], w2[1]) else None
                if pair in cu.tails_vi:
                    end = tail_end = p = w2[1]
                    continue
                if lower_keep(tok) in cu.tails_vi:
                    end = tail_end = p = w[1]
                    continue
                if tail_end is not None:
                    break
            title_word = lower_keep(tok) in cu.title_words and not (
                ntok > 0 and text.startswith(" ", w[1]) and text[w[1] + 1:w[1] + 2].islower())
            if tok[:1].isupper() and not title_word:
                end, last_cap, lowers = w[1], True, 0
                cap_end = end
            elif tok[:1].islower() and ntok > 0 and lowers < 2 and lower_keep(tok) not in cu.stop_vi:
                end, lowers = w[1], lowers + 1
                if lowers == 1:
                    one_lower_end = end
            else:
                if tok[:1].islower() and lowers >= 2 and lower_keep(tok) not in cu.stop_vi:
                    resume = _name_resumes(d, q)
                    if resume is not None:
                        # sentence-case names: lower-case compounds, then the name's capitalised end
                        # ("Diễn đàn Kinh tế quốc tế St. Petersburg", "Cơ quan Khảo sát địa chất Mỹ")
                        end = p = resume
                        last_cap, lowers, ntok = True, 0, ntok + 1
                        cap_end = end
                        continue
                    # a third lower-case word in a row: we are in running text, keep one after the
                    # last capitalised word ("Diễn đàn Kinh tế quốc tế ..." -> "Diễn đàn Kinh tế")
                    end = one_lower_end
                break
            ntok += 1
            p = w[1]
        if lower_head and not (country_span and len(comps) >= 2):
            continue
        if country is None and ntok == 0:
            d.bare_heads.append((hs, he, hk))
            continue
        if country is not None and ntok == 0 and " " not in hk and not lower_head:
            continue  # "Bộ Mỹ": a one-word head needs more than a country
        name = text[hs:end]
        eid = None
        if country is not None and country_span is not None:
            head_text = lower_keep(text[hs:country_span.start]).strip()
            eid = idx.org_table.get((head_text, country))
        key = lower_keep(name)
        if named is not None:
            eid = named.eid
        if eid is None and key in idx.forms:
            eid = next((f.eid for f in idx.forms[key] if f.kind == "name"), None)
        if eid is None and kind == "TREATY" and ntok == 0:
            continue  # "Thỏa thuận Iran": a generic head and a country name no treaty of their own
        inside = [x for x in d.top if x.start < end and x.end > hs]
        if any(x.start < hs or x.end > end for x in inside):
            continue  # something straddles the edge: keep what is there
        for x in inside:  # the components become nested mentions (countries) or are dropped
            d.remove_top(x)
        if eid is not None:
            d.info_for_kb(eid)
            d.add_top(Span(hs, end, eid, idx.entries[eid].type, "compose"))
        else:
            ueid = f"unk:{kind.lower()}:{slug(name)}"
            info = d.info_unknown(ueid, kind, name)
            if country and kind == "ORG":
                info.country = info.country or country
            d.add_top(Span(hs, end, ueid, kind, "compose"))
        for sp in comps:
            sp.src = "nested" if sp.src == "kb" else sp.src
            d.nested.append(sp)


def _compose_orgs_en(d: _Doc) -> None:
    """'China's foreign ministry', 'the Chinese Foreign Ministry' -> the KB body of that country."""
    idx, text, low = d.idx, d.text, d.low
    if not idx.org_table_en:
        return
    for sp in list(d.top):
        if not text.startswith(("'s ", "’s "), sp.end):
            continue  # (tested first: cheaper than the country)
        c = d.country_of(sp)
        if not c:
            continue
        for apos in ("'s ", "’s "):
            if text.startswith(apos, sp.end):
                p = sp.end + len(apos)
                for h in idx.heads_en:
                    if low.startswith(h, p) and at_boundary(text, p, p + len(h)) and (h, c) in idx.org_table_en:
                        if d.free(p, p + len(h)):
                            eid = idx.org_table_en[(h, c)]
                            d.remove_top(sp)
                            d.nested.append(sp)
                            d.info_for_kb(eid)
                            d.add_top(Span(sp.start, p + len(h), eid, idx.entries[eid].type, "compose"))
                        break
    for adj, c in idx.demonyms.items():
        start = 0
        while True:
            i = text.find(adj + " ", start)
            if i < 0:
                break
            start = i + 1
            if not at_boundary(text, i, i + len(adj)):
                continue
            p = i + len(adj) + 1
            for h in idx.heads_en:
                if low.startswith(h, p) and at_boundary(text, p, p + len(h)) and (h, c) in idx.org_table_en:
                    if d.free(i, p + len(h)) and text[p].isupper():
                        eid = idx.org_table_en[(h, c)]
                        d.info_for_kb(eid)
                        d.add_top(Span(i, p + len(h), eid, idx.entries[eid].type, "compose"))
                    break


_TEXT_HEADS_EN = ("Declaration", "Treaties", "Treaty", "Accords", "Accord", "Agreement", "Convention", "Protocol",
                  "Charter")
_NAMED_TEXT_EN = re.compile(r"\b((?:[A-Z][\w-]*(?<!['’]s)\s+){1,4}(?:" + "|".join(_TEXT_HEADS_EN) + r"))\b")


def _named_texts_en(d: _Doc) -> None:
    """'Northwood Declaration', 'Lancaster House Treaties': an English text named after a place or a
    body is one TREATY entity, not the place ("Northwood") or a body ("House") found inside its name.
    Only where every word of the name is capitalised and the KB has no longer entity there."""
    text = d.text
    if not any(h in text for h in _TEXT_HEADS_EN):
        return  # (a substring test first: most pages name no such text)
    for m in _NAMED_TEXT_EN.finditer(text):
        s0, e0 = m.start(1), m.end(1)
        words = text[s0:e0].split()
        while words and words[0] in _EN_LEADING:
            s0 += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(has_vi_marks(w) for w in words):
            continue
        inner = [sp for sp in d.top if sp.start < e0 and sp.end > s0]
        if any(sp.start < s0 or sp.end > e0 or sp.etype in ("TREATY", "PERSON", "EVENT_NAME") for sp in inner):
            continue  # a KB treaty or a longer name already there, or a person's name ("Trump Accords"?)
        name = text[s0:e0]
        key = lower_keep(name)
        eid = next((f.eid for f in d.idx.forms.get(key, []) if f.kind == "name"), None)
        for sp in inner:  # the place in the name is not a mention of the place ("Paris Agreement")
            d.remove_top(sp)
        if eid:
            d.info_for_kb(eid)
            d.add_top(Span(s0, e0, eid, d.idx.entries[eid].type, "run"))
        else:
            ueid = f"unk:treaty:{slug(name)}"
            d.info_unknown(ueid, "TREATY", name)
            d.add_top(Span(s0, e0, ueid, "TREATY", "run"))


def _known_or_new(d: _Doc, name: str, kinds: tuple[str, ...], etype: str) -> str:
    """The KB entry a form of `kinds` names (`name`), else a new entity of `etype` unknown to the KB."""
    eid = next((f.eid for f in d.idx.forms.get(lower_keep(name), []) if f.kind in kinds), None)
    if eid is None:
        eid = f"unk:{etype.lower()}:{slug(name)}"
        d.info_unknown(eid, etype, name)
    else:
        d.info_for_kb(eid)
    return eid


_ABBR_INSIDE_EN = re.compile(r"\b((?:[A-Z][\w-]*\s+){1,6})\(([A-Z][\w-]{1,11})\)\s+(" + "|".join(_TEXT_HEADS_EN)
                             + r")\b")


def _abbreviated_text_names(d: _Doc) -> None:
    """'the Intermediate-Range Nuclear Forces (INF) Treaty': a text's name with its abbreviation before the
    head noun is one mention of the text, not a body ('... Forces') and a head left over ('Treaty in August')."""
    if ") " not in d.text:
        return
    for m in _ABBR_INSIDE_EN.finditer(d.text):
        s0, e0 = m.start(1), m.end(3)
        words = m.group(1).split()
        while words and words[0] in _EN_LEADING:
            s0 += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        eid = _known_or_new(d, " ".join(words + [m.group(3)]), ("name",), "TREATY")
        for sp in [sp for sp in d.top if sp.start < e0 and sp.end > s0]:
            d.remove_top(sp)
        d.add_top(Span(s0, e0, eid, d.ents[eid].etype, "run"))
        d.doc_aliases[m.group(2)] = eid  # "(INF)", then "INF" alone


# ------------------------------------------------------------------ 4. people

_POSSESSIVE = ("'s", "’s")


def _unpossessed(tok: tuple[int, int, str]) -> tuple[int, int, str]:
    """A token without its possessive ending: "Smith's" -> "Smith" (the name is not the possessive's)."""
    s, e, w = tok
    return (s, e - 2, w[:-2]) if w.endswith(_POSSESSIVE) else tok


def _name_run(d: _Doc, pos: int, max_tokens: int = 4, country_end: bool = False) -> list[tuple[int, int, str]]:
    """Capitalised tokens from `pos`, single-spaced, on free text (initials like 'R.' allowed)."""
    out = []
    p = pos
    while len(out) < max_tokens:
        w = _word_at(d, p)
        if not w or not w[2][:1].isupper():
            break
        if w[2].endswith(_POSSESSIVE):  # "Colonel Smith's plan": the possessive ends the name
            out.append(_unpossessed(w))
            break
        if not d.free(w[0], w[1]):
            # a one-word country name ending a foreign name after a given name ("Lisa Monaco",
            # "Michael Jordan"): part of the person's name, not the country
            sp = d.start_at.get(w[0])
            if not (country_end and out and sp is not None and sp.end == w[1] and sp.etype == "COUNTRY" and sp.src == "kb"
                    and is_latin_name_token(out[-1][2]) and not is_vi_syllable(out[-1][2])
                    and is_latin_name_token(w[2]) and not is_vi_syllable(w[2])):
                break
            out.append(w)
            break
        out.append(w)
        p = w[1]
        if p < d.n and d.text[p] == "." and len(w[2]) == 1:
            p += 1
        if p < d.n - 1 and d.text[p] == " " and d.text[p + 1] != " ":
            p += 1
        else:
            break
    return out


def _add_person(d: _Doc, toks, title: str | None, country: str | None, src: str) -> Span:
    s, e = toks[0][0], toks[-1][1]
    name = d.text[s:e]
    eid = f"unk:person:{slug(name)}"
    info = d.info_unknown(eid, "PERSON", name)
    if title and title not in info.titles:
        info.titles.append(title)
    if country and not info.country:
        info.country = country
    for x in [x for x in d.top if x.start < e and x.end > s]:
        d.remove_top(x)  # a country name ending the person's name (`_name_run`)
    sp = Span(s, e, eid, "PERSON", src)
    d.add_top(sp)
    return sp


def _title_tail(d: _Doc, pos: int) -> tuple[int, str | None, str | None, Span | None]:
    """After a title: nationality / organisation / 'tại <place>' parts. Returns
    (end of the title, country id, org id, the person span right after it if any)."""
    country = org = None
    p = pos
    for _ in range(4):
        if p >= d.n or d.text[p] != " ":
            break
        q = p + 1
        sp = _span_at(d, q)
        if sp is not None:
            if sp.etype == "PERSON":
                return p, country, org, sp
            c = d.country_of(sp)
            if c or sp.etype == "COUNTRY":
                country = country or c or sp.eid
                p = sp.end
                continue
            if sp.etype == "ORG":
                org = org or sp.eid
                oc = d.ents.get(sp.eid)
                if oc and oc.country and not country:
                    country = oc.country
                p = sp.end
                continue
            break
        moved = False
        for prep in ("tại ", "ở ", "to "):
            if d.text.startswith(prep, q):
                sp2 = _span_at(d, q + len(prep))
                if sp2 and sp2.etype in ("LOC", "COUNTRY", "ORG"):  # "Đại sứ Mỹ tại Liên Hợp Quốc"
                    p = sp2.end
                    moved = True
                break
        if not moved:
            break
    return p, country, org, None


def _persons_by_cue(d: _Doc) -> list[tuple[int, int, str, str | None, bool]]:
    """People named after a title or honorific. Returns single-token candidates for the
    coreference pass: (start, end, title, country, honorific)."""
    singles = []
    for m in d.cue_matches:
        if not d.free(m.end() - 1, m.end()):  # "U.S. Secretary of State": the nationality may be a mention
            continue
        honor = lower_keep(m.group()) in d.cu.honorifics
        tail_end, country, org, psp = _title_tail(d, m.end())
        pos = tail_end + 1 if d.text.startswith(" ", tail_end) else tail_end
        title = d.text[m.start():tail_end].strip() if not honor else None
        if psp is not None:
            info = d.ents.get(psp.eid)
            if info is not None:
                if title and title not in info.titles:
                    info.titles.append(title)
                if country and not info.country:
                    info.country = country
            continue
        toks = _name_run(d, pos, country_end=True)
        # drop leading English title words / demonyms ("President Joe Biden" is handled by the cue);
        # a place head right after a title is a surname ("Tiến sĩ Park Ji-won", "Ambassador Hall")
        while (toks and toks[0][2] in d.cu.not_name_en and not has_vi_marks(toks[0][2])
               and not (toks[0][0] == pos and toks[0][2] in d.cu.place_heads_en and len(toks) > 1)):
            toks = toks[1:]
        if not toks or toks[0][0] != pos:
            continue
        # a title or an organisation head starting inside the run ends the name: "Phủ Tổng thống ..." is no
        # person "Phủ Tổng", "Tư lệnh Tập đoàn quân số 8" no person "Tập"
        cut = next((k for k, t in enumerate(toks) if t[0] in d.cue_starts or t[0] in d.org_head_starts), len(toks))
        toks = toks[:cut]
        if not toks:
            continue
        words = [t[2] for t in toks]
        if any(lower_keep(w) in d.cu.stop_vi or lower_keep(w) in d.cu.title_words for w in words):
            continue
        if len(toks) >= 2:
            _add_person(d, toks, title, country, "person")
        else:
            singles.append((toks[0][0], toks[0][1], title, country, honor))
    return singles


_CONNECT_GAP = re.compile(r" (?:(?:of|for|and|the|on|de|in) ){1,2}")


def _latin_runs(d: _Doc) -> None:
    """Foreign names in Latin script, and capitalised English organisation/treaty names."""
    toks = d.tokens  # capitalised tokens only
    cu = d.cu
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not d.free(s, e):
            i += 1
            continue
        run = [toks[i]]
        tight = [True]  # joined to the previous token by a single space (or an initial's dot)
        j = i + 1
        while j < len(toks):
            ps, pe, pw = run[-1]
            ns, ne, nw = toks[j]
            if not d.free(ns, ne):
                break
            gap = d.text[pe:ns]
            if gap == " " or (gap == ". " and len(pw) == 1):
                tight.append(True)
            elif _CONNECT_GAP.fullmatch(gap):
                tight.append(False)
            else:
                break
            run.append(toks[j])
            j += 1
        i = j
        words = [t[2] for t in run]
        # English organisation / treaty names
        heads = [k for k, t in enumerate(words)
                 if t in cu.org_heads_en or t in cu.treaty_heads_en or t in cu.place_heads_en]
        if heads:
            k0 = 0
            while k0 < len(run) and words[k0] in _EN_LEADING:
                k0 += 1
            # English names are head-final: a head that a further capitalised word follows directly,
            # with no connector ("of", "for") between, heads no name: the run is a person's name
            # ("Tiến sĩ Park Ji-won"; "Council on Foreign Relations", "Air Force Base" stay names)
            last_k = heads[-1]
            head_final = last_k == len(run) - 1 or not tight[last_k + 1]
            if (len(run) - k0 >= 2 and last_k >= k0 and head_final
                    and all(not has_vi_marks(t) for t in words[k0:])):
                s0, e0 = run[k0][0], run[-1][1]
                name = d.text[s0:e0]
                last = words[heads[-1]]  # English names are head-final: "Andersen Air Force Base"
                kind = "TREATY" if last in cu.treaty_heads_en else "LOC" if last in cu.place_heads_en else "ORG"
                key = lower_keep(name)
                eid = next((f.eid for f in d.idx.forms.get(key, []) if f.kind == "name"), None)
                if eid:
                    d.info_for_kb(eid)
                    d.add_top(Span(s0, e0, eid, d.idx.entries[eid].type, "run"))
                else:
                    ueid = f"unk:{kind.lower()}:{slug(name)}"
                    d.info_unknown(ueid, kind, name)
                    d.add_top(Span(s0, e0, ueid, kind, "run"))
                continue
        # people: maximal sub-runs of tightly joined tokens
        sub: list = []
        for t, ok in zip(run, tight):
            if ok or not sub:
                sub.append(t)
                continue
            _person_from_run(d, sub)
            sub = [t]
        _person_from_run(d, sub)


def _person_from_run(d: _Doc, sub) -> None:
    cu = d.cu
    if sub:  # "Colonel Smith's plan"
        sub = sub[:-1] + [_unpossessed(sub[-1])]
    while sub and (sub[0][2] in cu.not_name_en or has_vi_marks(sub[0][2]) or lower_keep(sub[0][2]) in cu.title_words
                   or lower_keep(sub[0][2]) in cu.honorifics):  # "Bà": à is no Vietnamese-only mark
        sub = sub[1:]
    while sub and has_vi_marks(sub[-1][2]):
        sub = sub[:-1]
    if sub and sub[-1][2] in cu.not_name_en:
        return  # "Military Power Report": a capitalised common noun after it, the name of a thing
    if not 2 <= len(sub) <= 4:
        return
    words = [t[2] for t in sub]
    if any(w in cu.not_name_en or not is_latin_name_token(w) for w in words):
        return
    if all(is_vi_syllable(w) or len(w) == 1 for w in words):
        return
    if any(is_vi_syllable(w) and _NON_ASCII.search(w) for w in words) and not all(map(is_vi_syllable, words)):
        return  # "giải Nobel Hòa bình": a foreign word before a capitalised Vietnamese one is no name
    if len(words[0]) == 1:
        return
    if cu.place_before_re.search(d.low, max(0, sub[0][0] - 30), sub[0][0]):
        name = d.text[sub[0][0]:sub[-1][1]]
        eid = f"unk:loc:{slug(name)}"
        d.info_unknown(eid, "LOC", name)
        d.add_top(Span(sub[0][0], sub[-1][1], eid, "LOC", "place"))
        return
    cue = d.cue_before(sub[0][0])
    title = d.text[cue.start():cue.end()] if cue and cue.group() not in cu.honorifics else None
    _add_person(d, sub, title, None, "run")


def _appositive_titles(d: _Doc) -> None:
    """'Alexandra Bell, phó trợ lý ngoại trưởng Mỹ về ...' -> title and country of Bell."""
    tops = sorted(d.top, key=lambda s: s.start)
    starts = [t.start for t in tops]
    for sp in list(d.top):
        if sp.etype != "PERSON" or sp.src in ("short",):
            continue
        p = sp.end
        if not d.text.startswith(", ", p):
            continue
        q = p + 2
        for art in ("một ", "the ", "a ", "an "):
            if d.text.startswith(art, q):
                q += len(art)
                break
        m = d.cu.title_re.match(d.low, q)
        if not m or lower_keep(m.group()) in d.cu.honorifics:
            continue
        tail_end, country, org, _ = _title_tail(d, m.end())
        if country is None:  # "... của Bộ Ngoại giao Mỹ" within the clause
            clause_end = min([x for x in (d.text.find(",", m.end()), d.text.find(".", m.end()),
                                          d.text.find("\n", m.end())) if x > 0] or [d.n])
            k = bisect.bisect_left(starts, m.end())
            for sp2 in itertools.islice(tops, k, None):
                if sp2.start >= clause_end:
                    break
                if sp2.etype in ("COUNTRY", "ORG"):
                    country = d.country_of(sp2) or (d.ents[sp2.eid].country if sp2.eid in d.ents else None)
                    if sp2.etype == "COUNTRY":
                        country = sp2.eid
                    if country:
                        break
        info = d.ents.get(sp.eid)
        if info is None:
            continue
        title = d.text[q:tail_end].strip()
        if title and title not in info.titles:
            info.titles.append(title)
        if country and not info.country:
            info.country = country


# (the shared first class is written once, first: `re` then scans for the capitals in C; the letter runs
# are possessive: a letter given back can never be the dash or digit that must follow, so `re` need not
# try, at every capitalised word)
_MODEL_RE = re.compile(r"[A-Z](?:[A-Za-z]*+-?\d+[A-Za-z]*(?:-\d+)?|[a-z]++-class)")


def _weapon(d: _Doc, s: int, e: int) -> None:
    name = d.text[s:e]
    for sp in [x for x in d.top if x.start < e and x.end > s]:
        d.remove_top(sp)
    eid = _known_or_new(d, name, ("name", "abbrev"), "WEAPON")
    d.add_top(Span(s, e, eid, d.ents[eid].etype, "weapon"))


def _weapons(d: _Doc) -> None:
    """Named weapon systems next to a weapon head noun (KB weapons are matched by the automaton)."""
    cu = d.cu
    for m in d.weapon_head_matches:
        p = m.end()
        mm = _MODEL_RE.match(d.text, p)
        if mm and at_boundary(d.text, mm.start(), mm.end()):
            sp = _span_at(d, mm.start())
            if sp is None or sp.etype != "WEAPON":
                _weapon(d, mm.start(), mm.end())
            continue
        toks = _name_run(d, p, 2)
        words = [t[2] for t in toks]
        if toks and all(is_latin_name_token(w) and w not in cu.not_name_en for w in words) \
                and any(not is_vi_syllable(w) for w in words):
            _weapon(d, toks[0][0], toks[-1][1])
    # English: "the Hwasong-18 solid-fuel intercontinental ballistic missile", "Virginia-class submarines"
    for mm in _MODEL_RE.finditer(d.text):
        s, e = mm.start(), mm.end()
        if not at_boundary(d.text, s, e):
            continue
        sp = _span_at(d, s)
        if sp is not None and (sp.etype == "WEAPON" or sp.end > e):
            continue
        words = d.low[e:e + 80].split()
        for w in words[:5]:
            w = w.strip(",.;:()")
            if w in cu.weapon_heads_en:
                _weapon(d, s, e)
                break
            if w not in cu.weapon_mods_en:
                break


def _person_surname(d: _Doc, w: str) -> bool:
    """Is `w` the short form the KB gives a person, or the last word of a person named in this text?"""
    key = lower_keep(w)
    if any(kind == "short" and d.idx.entries[eid].type == "PERSON" for eid, kind in d.idx.shorts.get(key, ())):
        return True
    return any(sp.etype == "PERSON" and d.low[sp.start:sp.end].endswith(" " + key) for sp in d.top)


def _unknown_places(d: _Doc) -> None:
    """'ở Woodside', 'bang California', 'đảo Hokkaido', 'in Woodside': a capitalised Latin name
    after a place cue that the KB does not know is a place."""
    cu = d.cu
    for s, e, w in d.tokens:
        if has_vi_marks(w) or w in cu.not_name_en or not d.free(s, e):
            continue
        if not cu.place_before_re.search(d.low, max(0, s - 30), s):
            continue
        toks = _name_run(d, s, 3)
        words = [t[2] for t in toks]
        while words and (words[-1] in cu.not_name_en or not is_latin_name_token(words[-1])):
            words.pop()
            toks.pop()
        if not toks or any(x in cu.not_name_en or not is_latin_name_token(x) for x in words):
            continue
        if all(is_vi_syllable(x) for x in words) and not cu.place_noun_before_re.search(d.low, max(0, s - 30), s):
            continue  # ("tại Hội..."; after a noun for a kind of place any name is one: "tỉnh Mie")
        if len(toks) == 1 and _person_surname(d, words[0]):
            continue  # "During that visit Bush pledged": a person's surname after the noun, no place
        name = d.text[toks[0][0]:toks[-1][1]]
        # short form of a facility or body named in full elsewhere ("Nhà máy điện hạt nhân Zaporizhzhia")
        tail = " " + lower_keep(name)
        known = {x.eid for x in d.top if x.etype in ("LOC", "ORG") and d.low[x.start:x.end].endswith(tail)}
        if len(known) == 1:
            eid = known.pop()
            d.add_top(Span(toks[0][0], toks[-1][1], eid, d.ents[eid].etype, "short"))
            continue
        eid = f"unk:loc:{slug(name)}"
        d.info_unknown(eid, "LOC", name)
        d.add_top(Span(toks[0][0], toks[-1][1], eid, "LOC", "place"))


_CAPS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w'’-]* ){1,3})\Z")


def _regions_before_nouns(d: _Doc) -> None:
    """'North Phyongan province', 'Mie Prefecture': capitalised words before a noun for a region are a
    place; a direction belongs to the name, the noun only where it is capitalised (English text: Vietnamese
    puts the noun first, "tỉnh Mie", which `_unknown_places` reads)."""
    if d.lang != "en":
        return
    cu = d.cu
    for noun in cu.region_noun_re.finditer(d.text):
        m = _CAPS_BEFORE.search(d.text, max(0, noun.start() - 60), noun.start())  # (a space ends it)
        if m is None:
            continue
        toks = list(_TOKEN_RE.finditer(m.group(1)))
        owner = [k for k, t in enumerate(toks) if t.group().endswith(_POSSESSIVE)]
        toks = toks[owner[-1] + 1:] if owner else toks  # "North Korea's Kangwon Province"
        while toks and toks[0].group() in cu.not_name_en and toks[0].group() not in cu.directions_en:
            toks.pop(0)
        names = [t.group() for t in toks if t.group() not in cu.directions_en]
        if not names or any(w in cu.not_name_en or not is_latin_name_token(w) for w in names):
            continue
        s = m.start(1) + toks[0].start()
        e = noun.end() if noun.group()[:1].isupper() else m.start(1) + toks[-1].end()
        if not d.free(s, e):
            continue
        name = d.text[s:e]
        eid = f"unk:loc:{slug(name)}"
        d.info_unknown(eid, "LOC", name)
        d.add_top(Span(s, e, eid, "LOC", "place"))


def _extend_described(d: _Doc) -> None:
    """'Hiệp ước Không phổ biến vũ khí hạt nhân (NPT)': a composed name that goes on in lower
    case up to a bracketed name is one mention of that name."""
    pat = re.compile(r" \(([^\W\d_][\w.&+ -]{0,30}?)\)")
    for sp in sorted([x for x in d.top if x.src in ("compose", "kb") and x.etype in ("ORG", "TREATY")],
                     key=lambda x: x.start):
        m = pat.search(d.text, sp.end, min(d.n, sp.end + 120))
        if not m or _DESC_STOP.search(d.text, sp.end, m.start()) or not d.free(sp.end, m.start()):
            continue
        words = d.text[sp.end:m.start()].split()
        if not words or len(words) > (10 if sp.src == "compose" else 3) or not all(w[:1].islower() for w in words):
            continue
        ns, ne, name = m.start(1), m.end(1), m.group(1)
        inner = _span_at(d, ns)
        etype = d.ents[sp.eid].etype
        if inner is not None and inner.end == ne and inner.etype == etype:
            eid = inner.eid  # "Hiệp ước cắt giảm ... chiến lược mới (New START)": the bracket names it
        elif sp.src == "kb":
            continue
        elif d.free(ns, ne) and sp.eid.startswith("unk:"):
            eid = sp.eid
            d.add_top(Span(ns, ne, eid, etype, "alias"))
            d.doc_aliases[name] = eid
        else:
            continue
        old_eid = sp.eid
        d.remove_top(sp)
        full = d.text[sp.start:m.start()]
        if eid.startswith("unk:"):
            d.info_unknown(eid, etype, full)
        d.add_top(Span(sp.start, m.start(), eid, etype, "compose"))
        if old_eid != eid and not any(x.eid == old_eid for x in d.top + d.nested):
            d.ents.pop(old_eid, None)


# ------------------------------------------------------------------ 5. coreference

def _parentheticals(d: _Doc) -> None:
    """'Tạp chí Phố Wall (WSJ)': the bracketed abbreviation is a mention of the entity before it."""
    pat = re.compile(r" ?\(([^\W\d_][\w.&-]{0,14})\)")
    for sp in sorted(list(d.top), key=lambda s: s.start):
        m = pat.match(d.text, sp.end)
        if not m:
            continue
        abbr = m.group(1)
        s, e = m.start(1), m.end(1)
        inner = _span_at(d, s)
        if inner is not None and inner.end == e:
            if inner.eid == sp.eid:
                continue
            if inner.src == "kb" and d.idx.entries.get(inner.eid) and inner.etype != sp.etype:
                continue  # "Geneve (Thụy Sĩ)": a different entity
            d.remove_top(inner)
        elif not d.free(s, e):
            continue
        if not (abbr[:1].isupper() and (abbr.isupper() or sum(c.isupper() for c in abbr) >= 2 or sp.etype == "TREATY")):
            continue
        d.add_top(Span(s, e, sp.eid, sp.etype, "alias"))
        d.doc_aliases[abbr] = sp.eid


def _in_capitalised_run(d: _Doc, s: int, e: int) -> bool:
    """Is the word at s:e joined by one space to a capitalised word before or after it?"""
    if s >= 2 and d.text[s - 1] == " ":
        m = re.search(r"([^\W\d_][\w'’-]*)\.?$", d.text[max(0, s - 30):s - 1])
        if m and m.group(1)[:1].isupper():
            return True
    return e < d.n - 1 and d.text[e] == " " and d.text[e + 1].isupper()


def _person_shorts(d: _Doc, singles) -> None:
    idx, cu = d.idx, d.cu
    # doc-derived short forms of people with a full mention: surface -> [(first full start, eid)]
    derived: dict[str, list[tuple[int, str]]] = {}
    gender: dict[str, str] = {}  # person -> "male" | "female", from an honorific before a full mention
    for sp in d.top:
        if sp.etype != "PERSON" or sp.src == "short":
            continue
        hon = d.cue_before(sp.start)
        g = cu.honorific_gender.get(lower_keep(hon.group())) if hon is not None else None
        if g:
            gender.setdefault(sp.eid, g)
        surf = d.text[sp.start:sp.end]
        toks = [t for t in _TOKEN_RE.findall(surf) if len(t) > 1]
        forms = set()
        if sp.eid in idx.entries:
            forms.update(idx.shorts_of.get(sp.eid, ()))
        if len(toks) >= 2:  # Western names by the last token, Chinese/Korean/Vietnamese-order by the first
            forms.add(lower_keep(toks[-1]))
            forms.add(lower_keep(toks[0]))
        for f in forms:
            derived.setdefault(f, []).append((sp.start, sp.eid))
    single_cues = {s: (t, c, h) for s, e, t, c, h in singles}

    for tok in d.tokens:
        s, e, w = _unpossessed(tok)  # "Nakamura's plan"
        if not w[:1].isupper() or not d.free(s, e) or s in d.org_head_starts:
            continue  # (the first word of an organisation head is no short name: "Tư lệnh Tập đoàn quân")
        key = lower_keep(w)
        if key not in derived and key not in idx.shorts and s not in single_cues:
            continue  # no branch below can link it: spare most capitalised words the checks
        cue = d.cue_before(s)
        # a Vietnamese word (or one that could be, at the start of a sentence) needs a cue: "ông Tập"
        vi_like = not w.isascii() or (d.lang == "vi" and is_vi_syllable(w) and d.sentence_initial(s))
        eid = None
        earlier = [(st, x) for st, x in derived.get(key, []) if st < s]
        g = cu.honorific_gender.get(lower_keep(cue.group())) if cue is not None else None
        if g and earlier:  # "ông Kim" after "bà Kim Yo Jong" and "Kim Jong Un": the man
            earlier = [(st, x) for st, x in earlier if gender.get(x, g) == g]
        later_ids = {x for st, x in derived.get(key, []) if st > s}
        if earlier:
            if cue is not None or not vi_like:
                eid = max(earlier)[1]
        elif len(later_ids) == 1 and (cue is not None or not vi_like):
            eid = next(iter(later_ids))  # the full name comes later (a caption or lead was cut)
        elif key in idx.shorts:
            kinds = idx.shorts[key]
            ids = {x for x, _ in kinds}
            explicit = {x for x, k in kinds if k == "short"}
            # no full mention in this document: a title/honorific right before it, or an unmistakable
            # foreign surname ("Putin", "Trump": ASCII, not a possible Vietnamese syllable)
            foreign = w.isascii() and not is_vi_syllable(w) and len(w) >= 4
            if cue is None and not explicit and (d.sentence_initial(s) or _in_capitalised_run(d, s, e)):
                continue  # an implied last name ("Back" of "Ahn Gyu Back") is no capitalised word of a
                # sentence start ("Back to Washington") nor a word inside a longer name
            if vi_like and key in cu.common_vi_names:
                continue  # "ông Trần", "ông Tài": as likely a Vietnamese person as the KB's foreigner
            # one person the KB gives this short form explicitly wins over names it is only derived from
            # ("Bush": George W. Bush's curated short, also the last word of "George H. W. Bush")
            sole = ids if len(ids) == 1 else explicit
            if len(sole) == 1 and (cue is not None or foreign) \
                    and not (key in idx.forms and any(f.kind == "name" for f in idx.forms[key])):
                eid = next(iter(sole))
        elif s in single_cues and not vi_like and w not in cu.not_name_en:
            title, country, honor = single_cues[s]
            _add_person(d, [(s, e, w)], title, country, "person")
            continue
        if eid is None:
            continue
        if eid.startswith("unk:"):
            info = d.ents[eid]
        else:
            info = d.info_for_kb(eid)
        if s in single_cues:
            title, country, honor = single_cues[s]
            if title and title not in info.titles:
                info.titles.append(title)
            if country and not info.country:
                info.country = country
        d.add_top(Span(s, e, eid, "PERSON", "short"))


def _alias_mentions(d: _Doc) -> None:
    for s, e, w in d.tokens:
        if w in d.doc_aliases and d.free(s, e):
            eid = d.doc_aliases[w]
            d.add_top(Span(s, e, eid, d.ents[eid].etype, "alias"))


def _sentence_start(d: _Doc, pos: int) -> int:
    """The position of the boundary (". ", newline, "? ", "! ") that opens the sentence of `pos`, or -1."""
    dot = d.text.rfind(". ", 0, pos)
    while dot > 0 and not is_sentence_end(d.text, dot + 1, dot + 2):  # "U.S. envoy", "Gen. Harris"
        dot = d.text.rfind(". ", 0, dot)
    return max(dot, d.text.rfind("\n", 0, pos), d.text.rfind("? ", 0, pos), d.text.rfind("! ", 0, pos))


def _sentence_country(d: _Doc, pos: int, unanimous: bool = False) -> tuple[int, str] | None:
    """(start, country id) of the nearest mention before `pos` in its sentence that belongs to a
    country: the country itself, a seat of government, a KB body or person of that country.
    `unanimous`: only when every such mention of the sentence belongs to the same country."""
    if pos <= 0:
        return None
    lo = _sentence_start(d, pos)
    best = None
    seen: set[str] = set()
    for sp in d.top:
        if lo < sp.start and sp.end <= pos and (unanimous or best is None or sp.start > best[0]):
            c = d.country_of(sp)
            if c is None and sp.eid in d.idx.entries and sp.etype in ("ORG", "PERSON"):
                c = d.idx.entries[sp.eid].country
            if c is None and sp.eid in d.ents and sp.etype in ("ORG", "PERSON"):
                c = d.ents[sp.eid].country
            if c is not None:
                seen.add(c)
                if best is None or sp.start > best[0]:
                    best = (sp.start, c)
    if unanimous and len(seen) > 1:
        return None
    return best


def _head_coref(d: _Doc) -> None:
    """A bare 'Bộ Ngoại giao' / 'Liên minh' after the full name of a body with that head."""
    by_head: dict[str, list[tuple[int, str]]] = {}
    for sp in d.top:
        if sp.etype not in ("ORG", "TREATY") or sp.src in ("head", "alias"):
            continue
        lowname = d.low[sp.start:sp.end]
        # every multi-word head the name starts with: its prefixes that end at a blank
        i = lowname.find(" ")
        while i >= 0:
            if lowname[:i + 1] in d.cu.multi_head_set:
                by_head.setdefault(lowname[:i], []).append((sp.start, sp.eid))
            i = lowname.find(" ", i + 1)
    for hs, he, hk in d.bare_heads:
        if not d.free(hs, he) or not d.text[hs].isupper():
            continue
        if d.cu.head_kind.get(hk) == "TREATY":
            continue
        nxt = d.low[he:he + 8]
        if nxt.startswith((" này", " đó", " ấy", " trên", " khác", " các")):
            continue
        earlier = [x for x in by_head.get(hk, ()) if x[0] < hs]
        # a state body named by its bare head ("Quốc hội", "Bộ Ngoại giao") is the body of the
        # country the sentence is about when that country is nearer than any full name with the head
        # ("Bộ Ngoại giao Mỹ đã báo cáo Quốc hội" -> the US Congress; "Tổng thống Iran ... chỉ thị
        # Bộ Ngoại giao" -> Iran's foreign ministry)
        ctx = _sentence_country(d, hs)
        if ctx is not None and (not earlier or ctx[0] > max(earlier)[0]):
            eid = d.idx.org_table.get((hk, ctx[1]))
            if eid is not None:
                d.info_for_kb(eid)
                d.add_top(Span(hs, he, eid, d.idx.entries[eid].type, "head"))
                continue
        if earlier:
            eid = max(earlier)[1]
            d.add_top(Span(hs, he, eid, d.ents[eid].etype, "head"))
        else:
            d.late_heads.append((hs, he, hk, {x[1] for x in by_head.get(hk, ())}))
    # a bare name that the KB only knows followed by its country ("Hội đồng Đại Tây Dương" from
    # "Hội đồng Đại Tây Dương Mỹ") is that body when one country has it
    for hs, he, hk in d.bare_heads:
        if not d.text[hs].isupper() or hk in by_head or len(d.idx.head_owners.get(hk, ())) != 1:
            continue
        over = [] if d.free(hs, he) else [x for x in d.top if x.start < he and x.end > hs]
        if not all(hs <= x.start and x.end <= he and x.etype == "LOC" for x in over):
            continue
        owners = d.idx.head_owners.get(hk, ())
        if len(owners) == 1 and sum(w[:1].isupper() for w in d.text[hs:he].split()) >= 3:
            for x in over:
                d.remove_top(x)
            eid = next(iter(owners))
            d.info_for_kb(eid)
            d.add_top(Span(hs, he, eid, d.idx.entries[eid].type, "head"))


def _late_heads(d: _Doc) -> None:
    """Bare heads with no earlier full name, once people are known: the body of the sentence's
    country ("Ông Putin chủ trì cuộc họp Hội đồng An ninh"), else the one body with that head
    named later in the text."""
    for hs, he, hk, ids in d.late_heads:
        if not d.free(hs, he):
            continue
        # the sentence's country, else the previous sentence's ("Ông Putin nói ... Ông cũng yêu cầu
        # Bộ Quốc phòng")
        ctx = _sentence_country(d, hs) or _sentence_country(d, _sentence_start(d, hs), unanimous=True)
        eid = d.idx.org_table.get((hk, ctx[1])) if ctx else None
        if eid is None and len(ids) == 1:
            eid = next(iter(ids))
        if eid is not None:
            d.info_for_kb(eid)
            d.add_top(Span(hs, he, eid, d.ents[eid].etype, "head"))


def _bare_bodies_en(d: _Doc) -> None:
    """English state bodies named by their bare head ("in its report to Congress", "both houses of
    Parliament"): the body of the sentence's country, or of the one country of the sentence before."""
    if d.lang != "en":
        return
    for m in d.cu.bare_en_re.finditer(d.text):
        s, e = m.start(), m.end()
        if not d.free(s, e):
            continue
        before = d.text[max(0, s - 30):s]
        last = before.split()[-1] if before.split() and before.endswith(" ") else ""
        prev_name = last[:1].isupper() and not d.sentence_initial(s - len(last) - 1) and last not in _EN_LEADING
        if prev_name or d.text[e:e + 2].strip()[:1].isupper():
            continue  # part of a longer name ("European Parliament", "Party Congress")
        ctx = _sentence_country(d, s) or _sentence_country(d, _sentence_start(d, s), unanimous=True)
        eid = d.idx.org_table_en.get((m.group().lower(), ctx[1])) if ctx else None
        if eid is not None:
            d.info_for_kb(eid)
            d.add_top(Span(s, e, eid, d.idx.entries[eid].type, "head"))


def _nested_countries(d: _Doc) -> None:
    """The country named at the end of a KB body's name ('Bộ Ngoại giao Mỹ' mentions the US)."""
    have = {(s.start, s.end) for s in d.nested}
    cand_by_end: dict[int, list] | None = None  # built for the first body with a country
    for sp in list(d.top):
        if sp.etype != "ORG" or sp.src != "kb":
            continue
        info = d.ents.get(sp.eid)
        c = info.country if info else None
        if not c or c not in d.idx.country_names:
            continue
        if cand_by_end is None:
            cand_by_end = {}
            for cand in d.cands:
                cand_by_end.setdefault(cand[1], []).append(cand)
        surf = d.low[sp.start:sp.end]
        # "Đại sứ quán Trung Quốc tại Washington": the place after tại/ở inside the name, literally
        for cs, ce, f in cand_by_end.get(sp.end, ()):
            if sp.start < cs and (cs, ce) not in have and f.kind == "name" \
                    and d.low[sp.start:cs].endswith((" tại ", " ở ", " in ")):
                e = d.idx.entries[f.eid]
                if e.type == "LOC":
                    d.nested.append(Span(cs, ce, e.id, "LOC", "nested"))
                    d.info_for_kb(e.id)
                    have.add((cs, ce))
        for tail, own in d.idx.country_tails[c]:  # (" " + a lower-cased name, the country's own name?)
            if surf.endswith(tail):
                nl = tail[1:]
                if not own:  # a seat of government: "Bộ Quốc phòng Bắc Kinh" stands for China,
                    head = surf[: -len(nl) - 1]  # the city in "Viện ... Stockholm" is no mention of Sweden
                    if not (d.cu.head_kind.get(head) and (head in d.cu.lexicon_heads
                                                          or len(d.idx.head_owners.get(head, ())) > 1)):
                        break
                s = sp.end - len(nl)
                if (s, sp.end) not in have and d.text[s].isupper():
                    meto = d.idx.entries.get(c)
                    if meto is None:
                        break
                    d.nested.append(Span(s, sp.end, c, meto.type, "nested"))
                break


def _nested_in_event_names(d: _Doc) -> None:
    """The body or country named inside a KB event's name is mentioned too: 'hội nghị thượng đỉnh G20',
    'NATO summit', 'ASEAN Summit' mention the grouping that meets (the meeting is the events stage's),
    'the war in Iraq' and 'kháng chiến chống Nhật' the country fought in or against."""
    evs = [sp for sp in d.top if sp.etype == "EVENT_NAME" and sp.src == "kb"]
    if not evs:
        return
    have = {(s.start, s.end) for s in d.nested}
    for sp in evs:
        for cs, ce, f in d.cands:
            if sp.start <= cs and ce <= sp.end and (cs, ce) != (sp.start, sp.end) and (cs, ce) not in have \
                    and f.kind in ("name", "abbrev") and d.text[cs:cs + 1].isupper():
                e = d.idx.entries.get(f.eid)
                # a news outlet's name inside an exercise's ("Ulchi Freedom Guardian") is just a word of it
                if e is not None and e.type in ("ORG", "COUNTRY") and e.file != "media.yaml":
                    d.nested.append(Span(cs, ce, e.id, e.type, "nested"))
                    have.add((cs, ce))


# "Resolution 2375", "nghị quyết 2231", "UNSCR 1718": a numbered resolution is one of the Security
# Council's decisions (typed EVENT_NAME, which the gold accepts with TREATY: a resolution is no treaty that
# is signed or ratified, and the events stage reads treaty actions off TREATY mentions);
# the General Assembly's are numbered session/number ("resolution 76/262") and left out
_RESOLUTION_RE = re.compile(r"(?<!\w)(?:[Nn]ghị quyết(?: số)?|[Rr]esolutions?|UNSCR|UNSC [Rr]esolution) (\d{2,4})(?![/.,-]\w)(?!\w)")


def _resolutions(d: _Doc) -> None:
    """Numbered UN Security Council resolutions: one TREATY entity per number."""
    if not any(k in d.text for k in ("esolution", "ghị quyết", "UNSCR")):
        return
    for m in _RESOLUTION_RE.finditer(d.text):
        s, e = m.start(), m.end()
        if not d.free(s, e):
            continue
        num = m.group(1)
        eid = f"unk:event_name:unscr-{num}"
        if eid not in d.ents:
            d.info_unknown(eid, "EVENT_NAME", f"United Nations Security Council Resolution {num}")
            d.ents[eid].name_vi = f"Nghị quyết {num} của Hội đồng Bảo an Liên Hợp Quốc"
        d.add_top(Span(s, e, eid, "EVENT_NAME", "resolution"))


# a dateline: an upper-case place (or none) and the agency in brackets, then a dash
_DATELINE_AGENCY_RE = re.compile(r"(?m)^(?:[^\W\d_]*[^\W\d_a-zà-ỹ][^\W\d_]*(?:[ ,./][^\W\d_]+){0,4},? )?"
                                 r"\(([^\W\d_][^()\n]{0,38}[^\W_])\) ?[-–—]")


def _dateline_agencies(d: _Doc) -> None:
    """'WASHINGTON (Meridian Wire) -', 'HÀ NỘI (TTXVN) -': the bracketed name of a dateline is a news agency,
    an ORG whose id starts with `unk:media:` when the KB does not know it (see `armswatch.kb.is_medium`),
    never a person."""
    if "(" not in d.text:
        return
    for m in _DATELINE_AGENCY_RE.finditer(d.text):
        place = d.text[m.start():m.start(1) - 1].strip(" ,")
        if place and place != place.upper():
            continue
        s, e = m.start(1), m.end(1)
        inside = [x for x in d.top if x.start < e and x.end > s]
        if any(x.src == "kb" and x.start == s and x.end == e for x in inside):
            continue  # a KB agency (Reuters, TTXVN)
        if any(x.start < s or x.end > e or x.src == "kb" for x in inside):
            continue
        for x in inside:
            d.remove_top(x)
            if not any(y.eid == x.eid for y in d.top + d.nested):
                d.ents.pop(x.eid, None)
        name = m.group(1)
        eid = f"unk:media:{slug(name)}"
        d.info_unknown(eid, "ORG", name)
        d.add_top(Span(s, e, eid, "ORG", "dateline"))


def _demonym_mentions(d: _Doc) -> None:
    """'Iranian officials', 'strikes by Israeli jets', 'the North Korean leader': a nationality adjective on
    free text before a lower-case word is a mention of its country; not before a place noun ('the Swiss
    city of Geneva') nor before a capitalised word: a name ('Korean Peninsula') or a title, whose
    nationality is the person's (Entity.country: 'Chinese Foreign Minister Wang Yi')."""
    cu = d.cu
    if cu.demonym_re is None:
        return
    for m in cu.demonym_re.finditer(d.text):
        s, e = m.start(), m.end()
        if not d.free(s, e) or not d.text.startswith(" ", e) or e + 1 >= d.n:
            continue
        nxt = d.text[e + 1]
        if nxt.isupper():  # a title ("Russian President Vladimir Putin") names the country; a name does not
            tm = cu.title_re.match(d.low, e + 1)
            if tm is None or lower_keep(tm.group()) in cu.honorifics:
                continue
        if not nxt.isalpha() or (cu.demonym_place_re is not None and cu.demonym_place_re.match(d.low, e)):
            continue
        cid = d.idx.by_name.get(lower_keep(cu.demonym_country[m.group()]))
        if cid is None or cid not in d.idx.entries:
            continue
        d.info_for_kb(cid)
        d.add_top(Span(s, e, cid, d.idx.entries[cid].type, "demonym"))


# ------------------------------------------------------------------ entry point

def recognise(text: str, language: str | None = "vi") -> list[Entity]:
    """All entities of a text (recognition, linking, metonymy, coreference)."""
    if not text:
        return []
    d = _Doc(text, language)
    idx = d.idx
    d.cands = _kb_candidates(d)
    for s, e, f in _select(d.cands, idx):
        ent = idx.entries[f.eid]
        d.add_top(Span(s, e, f.eid, ent.type, "kb", f))
    _descriptions_of_countries(d)
    _apply_metonymy(d, d.top)
    for sp in d.top:
        if sp.eid in idx.entries:
            d.info_for_kb(sp.eid)
    _pair_short_countries(d)
    _compose_orgs(d)
    _compose_orgs_en(d)
    _head_coref(d)
    singles = _persons_by_cue(d)
    _weapons(d)
    _resolutions(d)
    _named_texts_en(d)
    _abbreviated_text_names(d)
    _regions_before_nouns(d)
    _latin_runs(d)
    _dateline_agencies(d)
    _unknown_places(d)
    _described_with_name(d)
    _extend_described(d)
    _parentheticals(d)
    _person_shorts(d, singles)
    _late_heads(d)
    _alias_mentions(d)
    _demonym_mentions(d)
    _bare_bodies_en(d)
    _nested_countries(d)
    _nested_in_event_names(d)
    _appositive_titles(d)

    mentions: dict[str, list[Span]] = {}
    for sp in d.top + d.nested:
        if sp.eid not in d.ents:
            if sp.eid in idx.entries:
                d.info_for_kb(sp.eid)
            else:
                continue
        mentions.setdefault(sp.eid, []).append(sp)
    out = []
    for eid, sps in mentions.items():
        info = d.ents[eid]
        seen = set()
        ms = []
        for sp in sorted(sps, key=lambda s: (s.start, s.end)):
            if (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            ms.append({"start": sp.start, "end": sp.end, "text": text[sp.start:sp.end]})
        country = info.country
        if info.etype == "COUNTRY":
            country = eid
        out.append({"id": eid, "type": info.etype, "name": info.name, "name_vi": info.name_vi,
                    "wikidata": info.wikidata, "mentions": ms, "in_kb": info.in_kb, "country": country,
                    "titles": list(info.titles)})
    out.sort(key=lambda e: e["mentions"][0]["start"])
    return models_from(Entity, out)  # plain dicts, validated in one call (Entities with their Mentions)


def extract_entities(doc: Document) -> Document:
    doc.entities = recognise(doc.body, doc.language)
    return doc
