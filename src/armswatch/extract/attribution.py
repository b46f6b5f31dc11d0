"""Who says it: the shared "attribution" logic of quotes (speaker) and claims (source).

Given a verb of saying ("cho biết", "said") the speaker is the subject before it,
read from the entity mentions of the entities stage:

    Alexandra Bell, phó trợ lý ngoại trưởng Mỹ ..., nói     -> the PERSON of the nearest
                                                             comma segment that has one
    Một phát ngôn viên của Bộ Ngoại giao Mỹ trả lời ...       -> spokesperson: the ORG spoken for
    Người phát ngôn nói ...                                  -> the ORG of the last spokesperson named
    vị đại sứ nói tiếp / vẫn lời ông                         -> the person last named with that title /
                                                             the last person speaking
    ..., họ nói ...                                          -> the subject of the sentence
    Theo một báo cáo tháng 10 của Lầu Năm Góc, ...            -> the first entity after "theo"
    Tài khoản Twitter của ông Rouhani viết / X's office said -> the owner of the channel (`voices`)
    the agency's chief said / người đứng đầu IAEA cho biết   -> the person named with that organisation
                                                             before their name, else the organisation
    Allies pledged ... and called it "..."                   -> the subject opening the clause
    ... nói nhiều điểm trong kế hoạch mà Bắc Kinh công bố ... -> not the relative clause's verb
    Sách trắng khẳng định / the review, titled X, says       -> who issued the document, as the article
                                                             introduced it (`issued_documents`)

Cue words (verbs, prepositions, pronouns, role nouns) are in data/lexicons/speech.yaml.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from itertools import chain
from functools import lru_cache

from ..lexicon import load_lexicon
from ..model import Document, Entity, Mention, Span
from ..nlp import fold
from .numbers import trie_regex

_W = r"[^\W_]"  # a letter or digit


def phrase_regex(phrases) -> str:
    """Alternation of phrases on whole-word boundaries, longest first (spaces match any blank run).

    Written as a trie of characters when that is the same pattern (`_phrase_trie`): `re` then
    follows one branch per character instead of trying every phrase at every position."""
    items = sorted({unicodedata.normalize("NFC", p) for p in phrases if p}, key=len, reverse=True)
    body = _phrase_trie(items)
    if body is None:
        body = "|".join(r"\s+".join(re.escape(part) for part in p.split()) for p in items)
    return rf"(?<!{_W})(?:{body})(?!{_W})"


def _case_ambiguous(chars) -> bool:
    """Could one character of a text match two of `chars` under re.IGNORECASE? (Errs on the side of
    yes: two share a lower, upper, case-folded or lower-then-upper form, or one has a multi-character
    case mapping; a yes only costs the trie.)"""
    seen: list[set[str]] = [set(), set(), set(), set()]
    for ch in chars:
        for form, forms in zip((ch.lower(), ch.upper(), ch.casefold(), ch.lower().upper()), seen):
            if len(form) != 1 or form in forms:
                return True
            forms.add(form)
    return False


def _phrase_trie(items: list[str]) -> str | None:
    """The longest-first alternation of `items` factored as a trie (a blank matches \\s+), or None
    when the trie could match differently: irregular spacing (the flat order is by written length)
    or two branches that one character matches under IGNORECASE ("T"/"t": the flat order, not the
    trie's, would decide)."""
    if any(p != " ".join(p.split()) for p in items):
        return None
    return trie_regex(items, blanks=True, branches_ok=lambda chars: not _case_ambiguous(chars))


def compile_phrases(phrases, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(phrase_regex(phrases), flags)


def last_words(phrases) -> list[str]:
    """The last word of each phrase, normalised as `phrase_regex` writes it (for `TailPattern`)."""
    return [w.split()[-1] for w in (unicodedata.normalize("NFC", p) for p in phrases if p) if w.split()]


class TailPattern:
    """A pattern that matches only at the end of what it searches: phrases, then blanks to the end
    ("(?:khoảng|about)\\s*$", the words right before a number). `re` tries such a pattern at every
    position of the text; here the words a match can end on (`words`: the last word of each phrase and
    of any optional word after them) are first tried on the text's last blank-delimited token alone, and
    the pattern runs only when one of them ends the text. The same matches as `re.compile(pattern, flags)`
    for `search` and `sub`, the two methods the stages use on tails."""

    def __init__(self, pattern: str, words, flags: int = re.IGNORECASE):
        self.rx = re.compile(pattern, flags)
        self.pattern = self.rx.pattern
        # a trie: `re` reads one branch per character (any order of the words finds whether one ends the text)
        self._end = re.compile("(?:" + trie_regex({w for w in words if w} or {"\x00"}) + r")\s*$", flags)

    def may_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Does one of the words end text[pos:endpos] (blanks aside)? False: the pattern cannot match."""
        end = len(text) if endpos is None else min(endpos, len(text))
        last = end
        while last > pos and text[last - 1].isspace():
            last -= 1
        # the word a match ends on holds no blank: it starts after the last space (or earlier, for another blank)
        return self._end.search(text, max(pos, text.rfind(" ", pos, last) + 1), end) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        if not self.may_match(text, pos, endpos):
            return None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)

    def sub(self, repl, text: str) -> str:
        return self.rx.sub(repl, text) if self.may_match(text) else text


def tail_phrases(phrases, before: str = "(?:", after: str = ")") -> TailPattern:
    """`before` + the phrases + `after`, then blanks to the end of the text: the cues read right before a
    number or a verb ("khoảng", "ông", "the"), as a TailPattern ending on the phrases' last words."""
    phrases = phrases or ["\x00"]
    return TailPattern(before + phrase_regex(phrases) + after + r"\s*$", last_words(phrases))


_WORD = re.compile(r"[^\W_]+")
#: the first words of every PhraseMatcher's phrases (lower case): `_first_words` finds only these
_FIRST_WORDS: set[str] = set()
_FROZEN: list = [frozenset()]  # _FIRST_WORDS frozen once per change (the key of `_first_word_re`)


@lru_cache(maxsize=1)
def _first_word_re(words: frozenset[str]) -> re.Pattern:
    """Any of `words` as a whole word, written as a trie (one C scan of a text)."""
    return re.compile(r"(?<![^\W_])(?:" + trie_regex(words) + r")(?![^\W_])")


@lru_cache(maxsize=16)
def _first_words_at(text: str) -> tuple[dict[str, list[int]], dict[int, str]]:
    """Where each phrase-initial word occurs in a text: (lower-cased word -> start offsets in text
    order, start offset -> word) (cached: one scan per document, shared by every matcher)."""
    where: dict[str, list[int]] = {}
    at: dict[int, str] = {}
    if not _FIRST_WORDS:
        return where, at
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: keep offsets exact
        for m in _WORD.finditer(text):
            w = m.group().lower()
            if w in _FIRST_WORDS:
                where.setdefault(w, []).append(m.start())
                at[m.start()] = w
        return where, at
    if len(_FROZEN[0]) != len(_FIRST_WORDS):
        _FROZEN[0] = frozenset(_FIRST_WORDS)
    for m in _first_word_re(_FROZEN[0]).finditer(low):
        w = m.group()
        where.setdefault(w, []).append(m.start())
        at[m.start()] = w
    return where, at


def _first_words(text: str) -> dict[str, list[int]]:
    """Where each phrase-initial word occurs in a text: lower-cased word -> start offsets, in text order."""
    return _first_words_at(text)[0]


_MATCHERS: list["PhraseMatcher"] = []


def clear_caches() -> None:
    """Forget the per-text caches (for honest benchmarks)."""
    _first_words_at.cache_clear()
    for m in _MATCHERS:
        m._cache.clear()


class PhraseMatcher:
    """Fast whole-word phrase matching: phrases indexed by their first word; one scan per text finds
    where the first words of all matchers occur (`_first_words`), and only there are the phrases
    tried, instead of every alternative at every character (a big regex alternation costs ~1 ms on
    a 3 kB article; this ~0.1 ms)."""

    def __init__(self, phrases):
        by_first: dict[str, list[str]] = {}
        for p in phrases:
            m = _WORD.search(p)
            if m:
                by_first.setdefault(m.group().lower(), []).append(p)
        self.phrases = by_first  # first word (lower case) -> the phrases starting with it
        self._regex: dict[str, re.Pattern] = {}  # compiled on first use: a run sees few first words
        if not by_first.keys() <= _FIRST_WORDS:
            _FIRST_WORDS.update(by_first)
            _first_words_at.cache_clear()  # texts indexed before this matcher lack its first words
        self._cache: dict[str, tuple[list[int], list[re.Match]]] = {}
        _MATCHERS.append(self)

    def regex(self, first: str) -> re.Pattern | None:
        """The pattern of the phrases starting with the word `first` (lower case), or None."""
        rx = self._regex.get(first)
        if rx is None and first in self.phrases:
            rx = self._regex[first] = re.compile(phrase_regex(self.phrases[first]), re.IGNORECASE)
        return rx

    def match(self, text: str, pos: int, end: int | None = None) -> re.Match | None:
        """A phrase starting exactly at `pos`."""
        end = len(text) if end is None else end
        w = _WORD.match(text, pos, end)
        if not w:
            return None
        rx = self.regex(w.group().lower())
        return rx.match(text, pos, end) if rx else None

    def all_matches(self, text: str) -> tuple[list[int], list[re.Match]]:
        """Every match in the whole text, leftmost-longest (cached for the last few texts)."""
        hit = self._cache.get(text)
        if hit is None:
            where, at = _first_words_at(text)
            ms: list[re.Match] = []
            reach = 0
            firsts = self.phrases.keys() & where.keys()
            # offsets of this matcher's first words in text order (one word starts at an offset)
            for p in (sorted(chain.from_iterable(where[w] for w in firsts)) if firsts else ()):
                if p < reach:
                    continue
                m = self.regex(at[p]).match(text, p)
                if m:
                    ms.append(m)
                    reach = m.end()
            hit = ([m.start() for m in ms], ms)
            if len(self._cache) > 8:
                self._cache.clear()
            self._cache[text] = hit
        return hit

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        end = len(text) if end is None else end
        starts, ms = self.all_matches(text)
        i = bisect.bisect_left(starts, start)
        while i < len(ms) and starts[i] < end:
            if ms[i].end() <= end:
                yield ms[i]
            i += 1

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        return next(self.finditer(text, start, end), None)


@dataclass(frozen=True)
class SpeechLex:
    verb: PhraseMatcher
    en_verb: re.Pattern
    not_verb: PhraseMatcher
    prep: re.Pattern
    not_prep: re.Pattern
    speech_noun_start: re.Pattern
    source_noun: re.Pattern
    aux_tail: TailPattern
    pron_person_tail: TailPattern
    pron_group_tail: TailPattern
    pron_person_head: re.Pattern
    pron_group_head: re.Pattern
    spokes: re.Pattern
    spokes_m: PhraseMatcher
    title: re.Pattern
    determiners: frozenset
    honorifics: frozenset
    honorific_tail: TailPattern
    title_tail: TailPattern
    object_tail: TailPattern
    clause_cut: re.Pattern
    joint_persons: re.Pattern
    joint_countries: re.Pattern
    report_nouns: PhraseMatcher
    publish_cue: re.Pattern  # "published", "công bố": the lead sentence names a publication
    title_of_tail: re.Pattern
    noun_before: TailPattern
    adverbial_opener: re.Pattern  # a clause-initial preposition / conjunction: "In ...,", "Dù ...,"
    voice: re.Pattern  # "tài khoản Twitter", "chief": a subject that speaks for its possessor
    coord_tail: TailPattern  # "... and" right before a verb: it shares the clause's opening subject
    voice_heads: frozenset  # the folded phrases of `voice` that lead an organisation


@lru_cache(maxsize=1)
def speech_lex() -> SpeechLex:
    d = load_lexicon("speech")
    verbs = d["verbs"]["vi"] + d["verbs"]["en"]
    pron = d["pronouns"]
    desc = d["descriptors"]
    aux = phrase_regex(d["auxiliaries"])
    voices = d.get("voices") or {}
    return SpeechLex(
        verb=PhraseMatcher(verbs),
        en_verb=compile_phrases(d["verbs"]["en"]),
        not_verb=PhraseMatcher(d.get("not_verbs") or []),
        prep=compile_phrases(d["preps"]["vi"] + d["preps"]["en"]),
        not_prep=compile_phrases(d.get("not_preps") or ["\x00"]),
        speech_noun_start=re.compile(r"^\s*(?:" + phrase_regex(d.get("speech_nouns") or ["\x00"]) + r")\s+",
                                     re.IGNORECASE),
        source_noun=compile_phrases(d.get("source_nouns") or ["\x00"]),
        aux_tail=TailPattern(r"(?:\s*" + aux + r")+\s*$", last_words(d["auxiliaries"])),
        pron_person_tail=tail_phrases(pron["person"], r"(?:^|[\s,])(?:"),
        pron_group_tail=tail_phrases(pron["group"], r"(?:^|[\s,])(?:"),
        # a pronoun, not an honorific before a name ("ông nói" but not "ông Biden"): the capital is checked
        # case-sensitively
        pron_person_head=re.compile(r"^\s*(?:" + phrase_regex(pron["person"]) + r")(?-i:(?!\s+[A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ]))",
                                    re.IGNORECASE),
        pron_group_head=re.compile(r"^\s*(?:" + phrase_regex(pron["group"]) + r")", re.IGNORECASE),
        spokes=compile_phrases(desc["spokesperson"]),
        spokes_m=PhraseMatcher(desc["spokesperson"]),
        title=compile_phrases(desc["title"]),
        determiners=frozenset(x.lower() for x in desc["determiners"]),
        honorifics=frozenset(x.lower() for x in d.get("honorifics") or ()),
        honorific_tail=tail_phrases(d.get("honorifics")),
        title_tail=tail_phrases(desc["title"]),
        object_tail=tail_phrases(d.get("object_markers")),
        # a reported clause starts after these: the verb's subject is not before them
        clause_cut=re.compile(r"(?<!\w)(?:rằng|that)(?!\w)|[:;“”‘\"]", re.IGNORECASE),
        joint_persons=compile_phrases(pron.get("joint_persons") or ["\x00"]),
        joint_countries=compile_phrases(pron.get("joint_countries") or ["\x00"]),
        report_nouns=PhraseMatcher(d.get("report_nouns") or []),
        publish_cue=compile_phrases(d.get("publish_cues") or ["\x00"]),
        title_of_tail=re.compile(r"(?:" + phrase_regex(desc["title"]) + r")\s+(?:of|for)\s+(?:the\s+)?"
                                 r"(?-i:[A-Z][\w.-]*)(?:\s+(?:of|for|and|the|[A-Z][\w.-]*))*\s*$", re.IGNORECASE),
        # a determiner or a passive auxiliary before a verb of saying makes it a noun or a passive
        # ("an estimated 5,580", "các ước tính", "Pakistan is estimated to have"): no speaker there
        noun_before=tail_phrases(d.get("not_verb_before"), r"(?<!\w)(?:"),
        adverbial_opener=re.compile(r"\s*(?:" + phrase_regex(d.get("adverbial_openers") or ["\x00"]) + r")\s",
                                    re.IGNORECASE),
        voice=re.compile(r"(?:" + phrase_regex([*voices.get("channels", []), *voices.get("heads", [])] or ["\x00"])
                         + r")(?!\w)", re.IGNORECASE),
        voice_heads=frozenset(fold(h) for h in voices.get("heads", [])),
        coord_tail=tail_phrases(d.get("coordinators"), r"(?<!\w)(?:"),
    )


@lru_cache(maxsize=1)
def _media_ids() -> frozenset:
    """KB ids of news outlets and wire services (kb/media.yaml)."""
    from ..kb import load_kb
    kb = load_kb()
    return frozenset(k for k, e in kb.entries.items() if e.file.endswith("media.yaml"))


def _is_media(eid: str | None) -> bool:
    return bool(eid) and eid in _media_ids()


_VOICE_LEAD = re.compile(r"\s*(?:(?:the|các|một|vị)\s+)?", re.IGNORECASE)
_POSSESSIVE_S = re.compile(r"['’]s\s+")
_LEADS_IN = re.compile(r"\s*(?:(?:là|rằng|that|as)\s*)?[:,]?\s*[“‘\"]?", re.IGNORECASE)  # verb → quote
_RELATIVE = re.compile(r"(?<!\w)(?:which|who|whom|mà)(?!\w)", re.IGNORECASE)
_ANAPHOR = re.compile(r"(?<!\w)(?:này|đó|trên|nói trên|the|this|these|that)(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _leader_nouns() -> re.Pattern:
    words = ((load_lexicon("speech") or {}).get("descriptors") or {}).get("leader") or ["\x00"]
    return re.compile(r"(?<!\w)(?:" + phrase_regex(words) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _allies_phrase() -> re.Pattern:
    """The whole subject phrase is the members of an alliance: "The 32 allies", "Allies", "các nước đồng minh"."""
    words = ((load_lexicon("speech") or {}).get("descriptors") or {}).get("allies") or ["\x00"]
    return re.compile(r"\s*(?:the\s+)?(?:\d+\s+|all\s+)?(?:" + phrase_regex(words) + r")(?:\s+(?:also|all|"
                      r"đều|cũng|đã))*\s*", re.IGNORECASE)


_ALLIANCE_NAME = re.compile(r"(?<!\w)(?:alliance|liên minh|khối)(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _alliance_ids() -> frozenset:
    from ..kb import load_kb
    return frozenset(e.id for e in load_kb().entries.values()
                     if e.type == "ORG" and any(_ALLIANCE_NAME.search(n) for n in e.all_names()))


@lru_cache(maxsize=1)
def _document_nouns() -> re.Pattern:
    words = (load_lexicon("speech") or {}).get("document_nouns") or ["\x00"]
    return re.compile(r"(?:" + phrase_regex(words) + r")", re.IGNORECASE)


_DEFINITE = re.compile(r"(?:the|this|vị|ngài)\s", re.IGNORECASE)  # a definite role noun ("the minister")


@lru_cache(maxsize=1)
def _issued_documents() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(a phrase headed by an issued-document noun, any such noun, a title link after it, a verb of issuing):
    lexicon `issued_documents`."""
    d = (load_lexicon("speech") or {}).get("issued_documents") or {}
    nouns = phrase_regex(d.get("nouns") or ["\x00"])
    head = re.compile(r"\s*(?:(?:the|this|that|its|their|a|an|new|bản|các|một)\s+)?(?:[^\W\d_][\w-]*\s+){0,2}?"
                      r"(?:" + nouns + r")", re.IGNORECASE)
    title = re.compile(r"(?:,\s*|\s+)(?:" + phrase_regex(d.get("title_links") or ["\x00"]) + r")(?!\w)", re.IGNORECASE)
    verbs = compile_phrases(d.get("issue_verbs") or ["\x00"])
    return head, re.compile(nouns, re.IGNORECASE), title, verbs


_OWNER_AFTER = re.compile(r"\s+(?:của|do|bởi|by|of)\s+(?:the\s+)?", re.IGNORECASE)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


class Attributor:
    """Per-document attribution helper (build once per stage run)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.body = doc.body
        self.lex = speech_lex()
        ments: list[tuple[Mention, Entity]] = sorted(
            ((m, e) for e in doc.entities for m in e.mentions), key=lambda me: (me[0].start, -me[0].end))
        outer: list[tuple[Mention, Entity]] = []
        reach = -1
        for m, e in ments:  # drop mentions nested in a longer one ("Mỹ" in "Bộ Ngoại giao Mỹ")
            if m.end <= reach:
                continue
            outer.append((m, e))
            reach = max(reach, m.end)
        self.mentions = outer
        self._starts = [m.start for m, _ in outer]
        self.entities = {e.id: e for e in doc.entities}
        self.last_person_speaker: tuple[int, str] | None = None
        self.quoted: list[tuple[int, int]] = []  # quote spans whose names "ông"/"he" after them do not stand for
        self._spokes_orgs: list[tuple[int, str]] | None = None
        self._titled: list[tuple[int, str, str]] | None = None
        self._authors: list[tuple[int, str]] | None = None
        self._lead_source: tuple | None = None
        self._issuer_list: list[tuple[int, Entity]] | None = None
        self.last_span: tuple[int, int] | None = None  # the source phrase of the last source_before()
        # the sentence an anaphoric source ("theo số liệu này", "according to the report") pointed back to
        self.anaphor_from: Span | None = None
        self._subjects: dict[tuple[int, int], str | None] | None = None  # see `memoize_subjects`

    def memoize_subjects(self) -> None:
        """Remember `subject_of` per (verb, floor). Only for a caller that never changes what it reads (the
        quotes stage does: `note_speaker`, `quoted`); the claims stage asks the same verb's subject once per
        number of its sentence."""
        self._subjects = {}

    @property
    def spokes_orgs(self) -> list[tuple[int, str]]:
        """Spokesperson -> organisation, in text order ("phát ngôn viên của Bộ Ngoại giao Mỹ",
        "State Department spokesman")."""
        if self._spokes_orgs is None:
            self._spokes_orgs = []
            for m in self.lex.spokes_m.finditer(self.body):
                org = self._org_near(m.start(), m.end())
                if org:
                    self._spokes_orgs.append((m.start(), org))
        return self._spokes_orgs

    @property
    def titled(self) -> list[tuple[int, str, str]]:
        """(mention start, folded titles, person id): titles written before a name
        ("Đại sứ Mỹ tại Nhật Bản Rahm Emanuel") or given by the entities stage."""
        if self._titled is None:
            self._titled = []
            for m, e in self.mentions:
                if e.type != "PERSON":
                    continue
                left = self.body[max(0, m.start - 60):m.start]
                left = re.split(r"[.;:!?“”\"]|,\s", left)[-1]
                titles = " ".join([left] + list(e.titles))
                if self.lex.title.search(titles) or self.lex.spokes.search(titles):
                    self._titled.append((m.start, fold(titles), e.id))
        return self._titled

    # ------------------------------------------------------------------ mentions
    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i][0].start < end:
            if self.mentions[i][0].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_at(self, pos: int) -> tuple[Mention, Entity] | None:
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.mentions) and self.mentions[i][0].start == pos:
            return self.mentions[i]
        return None

    def _org_near(self, start: int, end: int) -> str | None:
        """The ORG a spokesperson speaks for: right after ("của Bộ Ngoại giao Mỹ") or right before
        ("State Department spokesman")."""
        after = self.mentions_in(end, min(len(self.body), end + 40))
        for m, e in after[:1]:
            gap = self.body[end:m.start].strip().lower()
            if e.type in ("ORG", "COUNTRY") and gap in ("", "của", "of", "the", "of the", "for", "for the"):
                return e.id
        before = self.mentions_in(max(0, start - 40), start)
        if before:
            m, e = before[-1]
            if e.type in ("ORG", "COUNTRY") and self.body[m.end:start].strip().lower() in ("", "'s", "’s", "a", "an"):
                return e.id
        return None

    def is_object(self, m: Mention, floor: int) -> bool:
        """Is the mention governed by a preposition / object marker ("giữa ông Tập", "với Mỹ")?"""
        left = self.body[max(floor, m.start - 40):m.start]
        left = re.split(r"[,;:.!?()“”\"]", left)[-1]  # within its clause
        left = self.lex.honorific_tail.sub("", left.rstrip()).rstrip()
        if self.lex.title_of_tail.search(left):  # "Secretary of State Antony Blinken": a title, not "of X"
            return False
        if self.lex.object_tail.search(left):
            return True
        # skip a title written before the name ("và Tổng thống Joe Biden", "giữa ông Tập")
        while True:
            before = left
            left = self.lex.honorific_tail.sub("", left).rstrip()
            left = self.lex.title_tail.sub("", left).rstrip()
            toks = left.split()
            if toks and toks[-1][:1].isupper():
                left = left[:len(left) - len(toks[-1])].rstrip()
            if left == before:
                break
        return bool(self.lex.object_tail.search(left))

    # ------------------------------------------------------------------ cues
    def verbs_in(self, start: int, end: int, masks=()) -> list[tuple[int, int]]:
        """Verbs of saying in body[start:end) (not inside `masks`, not part of "nói chuyện")."""
        text = self.body
        out = []
        hits = list(self.lex.verb.finditer(text, start, end))
        if not hits:
            return out
        bad = [(m.start(), m.end()) for m in self.lex.not_verb.finditer(text, start, end)]
        for m in hits:
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in bad) or any(a <= s < b for a, b in masks):
                continue
            i = bisect.bisect_right(self._starts, s) - 1  # inside a name ("the United States")
            if i >= 0 and self.mentions[i][0].start <= s < self.mentions[i][0].end:
                continue
            if self.lex.noun_before.search(text, max(0, s - 12), s):
                continue
            out.append((s, e))
        return out

    def preps_in(self, start: int, end: int, masks=()) -> list[tuple[int, int]]:
        """Attribution prepositions ("theo", "according to") in body[start:end)."""
        text = self.body
        bad = [(m.start(), m.end()) for m in self.lex.not_prep.finditer(text, start, end)]
        out = []
        for m in self.lex.prep.finditer(text, start, end):
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in bad) or any(a <= s < b for a, b in masks):
                continue
            out.append((s, e))
        return out

    # ------------------------------------------------------------------ resolution
    def sentence_subject(self, pos: int, floor: int | None = None) -> str | None:
        """The first entity of the sentence holding `pos` (the antecedent of "họ"/"they")."""
        sent = self.doc.sentence_of(pos)
        return self.first_subject(sent.start if sent else (floor or 0), pos)

    def first_subject(self, start: int, end: int) -> str | None:
        for m, e in self.mentions_in(start, end):
            if any(a <= m.start < b for a, b in self.quoted):
                continue  # a name inside the quote being attributed is not who "họ"/"it" after it is
            if e.type in ("ORG", "COUNTRY", "PERSON") and not self.is_object(m, start):
                return e.id
        return None

    def last_person_before(self, pos: int) -> str | None:
        """The person "ông"/"he" stands for: the last one quoted, unless a person was named later as the
        subject of a sentence ("Giám đốc SIPRI Dan Smith cảnh báo ... “...”, ông nói")."""
        spoke = self.last_person_speaker if self.last_person_speaker and self.last_person_speaker[0] <= pos else None
        floor = spoke[0] if spoke else 0
        if spoke:  # names in the rest of the speaker's own sentence ("..., Putin said at a meeting with X") are
            # not a new subject
            ss = self.doc.sentence_of(floor)
            floor = ss.end if ss is not None and ss.end <= pos else floor
        for m, e in reversed(self.mentions_in(floor, pos)):
            if any(a <= m.start < b for a, b in self.quoted):
                continue  # a name inside the quote being attributed is not who "ông"/"he" is
            if e.type == "PERSON" and self.is_sentence_subject(m):
                return e.id
        if spoke:
            return spoke[1]
        for m, e in reversed(self.mentions_in(0, pos)):
            if e.type == "PERSON":
                return e.id
        return None

    def unnamed_subject_before(self, pos: int) -> str | None:
        """"ông"/"he" after a sentence whose speaker has a title but no name ("Bộ trưởng Quốc phòng Mỹ nói
        ... “...”, ông nói"): what that title resolves to (a person with that title named earlier, or the
        body / country it belongs to), not the last named person."""
        sent = self.doc.sentence_of(pos)
        prev = self.sentence_before(sent.start) if sent else None
        if prev is None or (sent is not None and self.mentions_in(sent.start, pos)):
            return None
        verbs = self.verbs_in(prev.start, prev.end)
        if not verbs:
            return None
        vs = verbs[0][0]
        text = self.body[prev.start:vs]
        if any(e.type == "PERSON" for _, e in self.mentions_in(prev.start, vs)):
            return None
        head = text.strip(" ,“”\"").split(",")[0]
        words = head.split()
        if words and words[0].lower() in self.lex.determiners:
            head = head[len(words[0]):].strip()
        if not (self.lex.title.match(head) or self.lex.spokes.match(head)):
            return None
        return self.resolve_np(prev.start, vs)

    def is_sentence_subject(self, m: Mention) -> bool:
        """Does the mention open its sentence, after titles, honorifics and other names only
        ("Giám đốc SIPRI Dan Smith cảnh báo", "Ông Yoon cho biết")?"""
        sent = self.doc.sentence_of(m.start)
        start = sent.start if sent else max(0, self.body.rfind("\n", 0, m.start) + 1)
        left = self.body[start:m.start]
        for om, _ in reversed(self.mentions_in(start, m.start)):
            left = left[:om.start - start] + left[om.end - start:]
        left = left.strip(" –—-\t“”\"")
        # a fronted adverbial set off by a comma ("Tại cuộc họp báo sau đó, ông Trump thông báo",
        # "Last month, at the NATO summit in The Hague, Starmer announced"): the subject opens the clause after it
        if "," in left:
            left = left.rsplit(",", 1)[1].strip()
        while left:
            before = left
            left = self.lex.honorific_tail.sub("", left).rstrip()
            left = self.lex.title_tail.sub("", left).rstrip()
            toks = left.split()
            if toks and (toks[-1][:1].isupper() or toks[-1].lower() in self.lex.determiners):
                left = left[:len(left) - len(toks[-1])].rstrip()
            if left == before:
                break
        left = left.strip(" ,")
        # a title with its department ("Thứ trưởng Ngoại giao Sergei Ryabkov"), a spokesperson ("người phát ngôn
        # Bộ Ngoại giao Mỹ Morgan Ortagus")
        return not left or ("," not in left and len(left.split()) <= 5
                            and bool(self.lex.title.match(left) or self.lex.spokes.match(left)))

    def resolve_pronoun(self, kind: str, pos: int, floor: int) -> str | None:
        if kind == "person":
            return self.unnamed_subject_before(pos) or self.last_person_before(pos)
        subj = self.sentence_subject(pos, floor)
        if subj:
            return subj
        # the previous sentence's subject ("The 32 allies said ... . They condemned": the alliance); after a quote
        # of several sentences ("“A. B”, tuyên bố của bộ này viết"), the sentence before the quote opens
        sent = self.doc.sentence_of(pos)
        first = sent.start if sent else None
        for a, b in self.quoted:
            if first is not None and a < first <= b + 1:
                qs = self.doc.sentence_of(a)
                first = min(first, qs.start if qs is not None else a)
        prev = self.sentence_before(first) if sent else None
        if prev is None:
            return None
        verbs = self.verbs_in(prev.start, prev.end)
        if verbs and _allies_phrase().fullmatch(self.body[prev.start:verbs[0][0]]):
            ally = self.alliance_before(prev.start)
            if ally:
                return ally
        return self.first_subject(prev.start, prev.end)

    def alliance_before(self, pos: int) -> str | None:
        """The alliance last named before `pos` (else the first named after it in the document)."""
        allies = _alliance_ids()
        for m, e in reversed(self.mentions_in(0, pos)):
            if e.id in allies:
                return e.id
        for m, e in self.mentions_in(pos, len(self.body)):
            if e.id in allies:
                return e.id
        return None

    def resolve_descriptor(self, start: int, end: int) -> str | None:
        """A role noun without a name: "người phát ngôn", "vị đại sứ"."""
        text = self.body[start:end]
        m = self.lex.spokes.search(text)
        if m:
            ss, se = start + m.start(), start + m.end()
            org = self._org_near(ss, se)
            if org:
                return org
            # "người phát ngôn của Tổng thống Putin": someone's spokesperson, not an organisation's
            after = self.mentions_in(se, min(len(self.body), se + 40))
            gap = self.body[se:after[0][0].start] if after else ""
            gap = self.lex.honorific_tail.sub("", self.lex.title_tail.sub("", gap.strip())).strip().lower()
            if after and gap in ("của", "of", "of the"):
                return self.unknown_person(ss, after[0][0].end)
            i = bisect.bisect_right([p for p, _ in self.spokes_orgs], ss) - 1
            if i >= 0:
                return self.spokes_orgs[i][1]
            return self.unknown_person(start + m.start(), start + m.end())
        m = self.lex.title.search(text)
        if m:
            key = fold(m.group())
            for p, titles, eid in reversed(self.titled):
                if p < start and key in titles:
                    return eid
            # "nhà lãnh đạo Nga nói tiếp", "the Russian leader added": the last person named of that country
            if _leader_nouns().search(text):
                cid = self._country_in(start, end)
                if cid:
                    for pm, e in reversed(self.mentions_in(0, start)):
                        if e.type == "PERSON" and e.country == cid:
                            return e.id
            # "Boris Johnson told MPs ... The prime minister added": a definite title whose holder was
            # named without it, as the subject of the sentence before
            if _DEFINITE.match(text.strip()):
                sent = self.doc.sentence_of(start)
                prev = self.sentence_before(sent.start) if sent else None
                if prev is not None:
                    for pm, e in self.mentions_in(prev.start, prev.end):
                        if e.type == "PERSON" and self.is_sentence_subject(pm):
                            return e.id
        return None

    def _country_in(self, start: int, end: int) -> str | None:
        """The country a phrase names, by name ("nhà lãnh đạo Nga") or nationality adjective ("the Russian leader")."""
        for m, e in self.mentions_in(start, end):
            if e.type == "COUNTRY":
                return e.id
        return self._country_by_demonym(self.body[start:end])

    def _country_by_demonym(self, text: str) -> str | None:
        """The page's country that the first nationality adjective of `text` names ("the Chinese ministry")."""
        from ..lexicon import demonyms

        rx, names = demonyms()
        for dm in (rx.finditer(text) if rx is not None else ()):
            name = names[dm.group().lower()]
            for e in self.entities.values():
                if e.type == "COUNTRY" and e.name == name:
                    return e.id
        return None

    def resolve_joint(self, start: int, end: int) -> str | None:
        """A joint subject as the whole phrase ("hai nhà lãnh đạo", "the three leaders", "the two countries"): one
        of the parties named together (the first of the last sentence naming two or more of that type), else the
        last one named before it."""
        text = self.body[start:end]
        if self.mentions_in(start, end):
            return None
        for rx, types in ((self.lex.joint_persons, ("PERSON",)), (self.lex.joint_countries, ("COUNTRY",))):
            if rx.search(text):
                before = [(m, e) for m, e in self.mentions_in(0, start) if e.type in types]
                if not before:
                    continue
                sents = self.doc.sentences
                i = bisect.bisect_right([sn.start for sn in sents], start) - 1
                for sn in reversed(sents[:i + 1]):
                    named = [e for m, e in before if sn.start <= m.start < sn.end]
                    if len({e.id for e in named}) >= 2:
                        return named[0].id
                return before[-1][1].id
        return None

    def unknown_person(self, start: int, end: int) -> str:
        """An entity for an unnamed speaker ("người phát ngôn"), added to the document."""
        text = self.body[start:end]
        eid = f"unk:person:{slug(text)}"
        ent = self.entities.get(eid)
        if ent is None:
            ent = Entity(id=eid, type="PERSON", name=text, mentions=[], in_kb=False)
            self.doc.entities.append(ent)
            self.entities[eid] = ent
        if not any(m.start == start for m in ent.mentions):
            ent.mentions.append(Mention(start=start, end=end, text=text))
        return eid

    def subject_of(self, verb_start: int, floor: int) -> str | None:
        """Entity id of the subject of the verb of saying at `verb_start` (body[floor:verb_start] holds it)."""
        memo = self._subjects
        if memo is None:
            return self._subject_of(verb_start, floor)
        key = (verb_start, floor)
        if key not in memo:
            memo[key] = self._subject_of(verb_start, floor)
        return memo[key]

    def _subject_of(self, verb_start: int, floor: int) -> str | None:
        body = self.body
        lex = self.lex
        # a reported clause before the verb cuts the subject region ("X nói rằng Y cho biết ...")
        region_start = floor
        for m in lex.clause_cut.finditer(body, floor, verb_start):
            region_start = m.end()
        # "..., which U.S. officials say has reached": a relative clause with a subject of its own (not closed
        # by a comma before the verb) holds the verb's subject
        rel = None
        for m in _RELATIVE.finditer(body, region_start, verb_start):
            rel = m
        if rel is not None and "," not in body[rel.end():verb_start]:
            inner = self.subject_of(verb_start, rel.end())
            if inner:
                return inner
        left = body[region_start:verb_start]
        left = lex.aux_tail.sub("", left)
        stripped = left.rstrip(" ,")
        if not stripped.strip():
            return None
        if lex.coord_tail.search(stripped):
            opener = self._clause_opener(region_start, region_start + len(stripped))
            sent = self.doc.sentence_of(verb_start)
            if opener is None and sent is not None and sent.start < region_start \
                    and not self.mentions_in(region_start, verb_start) and not self.verbs_in(region_start, verb_start):
                # "X said it felt “deep disappointment” at the document and described ...": a quote before cut
                # the clause; with no name or verb of saying since ('“...”, ông viết, và cáo buộc'), the verb
                # shares the sentence's opening subject
                opener = self._clause_opener(sent.start, region_start)
            if opener:
                return opener
        # a pronoun right before the verb
        if lex.pron_group_tail.search(stripped):
            return self.resolve_pronoun("group", verb_start, region_start)
        if (pm := lex.pron_person_tail.search(stripped)) is not None:
            return self._reporter_person(floor, region_start + pm.start()) \
                or self.resolve_pronoun("person", verb_start, region_start)
        return self.resolve_np(region_start, region_start + len(stripped))

    def _reporter_person(self, floor: int, pron: int) -> str | None:
        """'Văn phòng ông Netanyahu cho biết ông nói với Tổng thống Mỹ rằng', "Trump's spokeswoman said he told
        Putin": a person pronoun in what an earlier verb of saying of its sentence reports stands for the person
        named in that verb's subject (whose office or spokesperson reports him), not for someone named since."""
        verbs = self.verbs_in(floor, pron)
        if not verbs:
            return None
        start = floor
        for m in self.lex.clause_cut.finditer(self.body, floor, verbs[-1][0]):
            start = m.end()
        persons = [e for m, e in self.mentions_in(start, verbs[-1][0]) if e.type == "PERSON"]
        return persons[-1].id if persons else None

    def _clause_opener(self, start: int, end: int) -> str | None:
        """The subject opening a clause whose later coordinated verb has none of its own: the members of an
        alliance ("Allies pledged ... and"), else the name that opens the sentence ("Ông Tập hoan nghênh ... và")."""
        m = _allies_phrase().match(self.body, start, end)
        if m and m.end() < end:
            return self.alliance_before(start)
        # the names heading the sentence ("Tổng thống Mỹ George W. Bush"): the person among them
        heads = []
        for m, e in self.mentions_in(start, end):
            if not self.is_sentence_subject(m):
                break
            heads.append(e)
        heads = [e for e in heads if e.type in ("ORG", "COUNTRY", "PERSON")]
        persons = [e for e in heads if e.type == "PERSON"]
        return (persons or heads)[0].id if heads else None

    def resolve_np(self, start: int, end: int, prefer_first: bool = False) -> str | None:
        """Entity of a (subject) noun phrase body[start:end), possibly with appositives."""
        body = self.body
        # a fronted adverbial set off by a comma ("In a passage on North Korea, the review says", "Dù không nhắc
        # tên Trung Quốc, ba nhà lãnh đạo ...") holds no subject
        comma = body.find(",", start, end)
        if comma >= 0 and body[comma + 1:end].strip() and self.lex.adverbial_opener.match(body, start, comma):
            start = comma + 1
        joint = self.resolve_joint(start, end)
        if joint:
            return joint
        voice = self._voice_of(start, end) or self._document_voice(start, end)
        if voice:
            return voice
        ments = [(m, e) for m, e in self.mentions_in(start, end) if not self.is_object(m, start)]
        # a news agency in a dateline or any name in parentheses ("WASHINGTON (Wire) - NATO leaders said") is
        # no speaker when the phrase names another
        kept = [(m, e) for m, e in ments if not (_is_media(e.id) or self._in_parens(m, start))]
        if kept:
            ments = kept
        # comma segments, nearest to the verb first
        cuts = [start] + [start + i + 1 for i, ch in enumerate(body[start:end]) if ch == ","] + [end]
        segs = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
        if not prefer_first:
            segs = segs[::-1]
        for a, b in segs:
            persons = [(m, e) for m, e in ments if e.type == "PERSON" and a <= m.start < b]
            if persons:
                return persons[0][1].id
        desc = self.resolve_descriptor(start, end)
        if desc:
            return desc
        for types in (("ORG",), ("COUNTRY",)):
            for a, b in segs:
                found = [(m, e) for m, e in ments if e.type in types and a <= m.start < b]
                if found:
                    return found[0][1].id
        doc_id = self._document_subject(start, end)
        if doc_id:
            return doc_id
        # "Báo cáo của Lầu Năm Góc cho biết", "Thông báo của Bộ Ngoại giao Mỹ khẳng định": the author;
        # "the report said", "báo cáo này cho biết": the organisation that spoke in the sentence before
        sn = None
        for sn in self.lex.source_noun.finditer(body, start, end):
            pass
        if sn is not None:
            # the comma segment of the noun ("On North Korea, which tested the Hwasong-15 ..., the review warns"):
            # names in a fronted phrase before it are not its author
            every = self.mentions_in(max(start, body.rfind(",", start, sn.start()) + 1), end)
            for types in (("ORG",), ("PERSON",), ("COUNTRY",)):
                found = [e for m, e in every if e.type in types]
                if found:
                    return found[0].id
            if not every:
                prev = self.previous_source(start) or self.report_author_before(start) or self.lead_source()
                if prev:
                    return prev
        # a pronoun as the whole phrase ("vẫn lời ông")
        text = body[start:end]
        if not self.mentions_in(start, end) and _allies_phrase().fullmatch(text):
            ally = self.alliance_before(start)
            if ally:
                return ally
        if self.lex.pron_group_head.match(text):
            return self.resolve_pronoun("group", start, start)
        if self.lex.pron_person_head.match(text):
            return self.resolve_pronoun("person", start, start)
        # "the Chinese defence ministry said": an unnamed body of the country its nationality adjective names
        return self._country_by_demonym(text)

    def _voice_of(self, start: int, end: int) -> str | None:
        """The speaker a phrase names only as a possessor: the owner of a channel ("Tài khoản Twitter của ông X",
        "X's office") or the head of an organisation ("the agency's chief", "người đứng đầu IAEA"); None when the
        phrase is not headed by such a noun."""
        body, lex = self.body, self.lex
        start = max(start, body.rfind(",", start, end) + 1)  # the phrase nearest the verb: "..., the agency's chief"
        ments = self.mentions_in(start, end)
        owner = head = None
        v = _VOICE_LEAD.match(body, start)
        hm = lex.voice.match(body, v.end(), end)
        # the platform named inside the channel noun ("tài khoản Twitter") is not its owner
        owners = [(m, e) for m, e in ments if m.start >= hm.end()] if hm else []
        if hm and owners:  # "Tài khoản Twitter của ông X", "the head of the IAEA"
            m, e = owners[0]
            gap = lex.honorific_tail.sub("", body[hm.end():m.start].strip()).strip().lower()
            if m.start >= hm.end() and gap in ("", "của", "of", "of the"):
                owner, head = e, hm
        if owner is None and ments:  # "X's office", "the agency's chief"
            m, e = ments[0]
            pos = _POSSESSIVE_S.match(body, m.end, end)
            hm = lex.voice.match(body, pos.end(), end) if pos else None
            if hm and not body[v.end():m.start].strip():
                owner, head = e, hm
        if owner is None:
            return None
        if fold(head.group()) in lex.voice_heads:
            # a state's leader is read as a descriptor ("nhà lãnh đạo Nga": the last Russian named)
            return (self._head_of(owner.id) or owner.id) if owner.type == "ORG" else None
        return owner.id

    def _head_of(self, org_id: str) -> str | None:
        """The person the article names with the organisation right before their title and name ("IAEA Director
        General Rafael Grossi", "Tổng giám đốc IAEA Rafael Grossi")."""
        for m, e in self.mentions:
            if e.type != "PERSON":
                continue
            left = self.body[max(0, m.start - 50):m.start]
            cut = max(left.rfind(ch) for ch in ".,;:!?“”\"") + 1
            if any(o.id == org_id for _, o in self.mentions_in(m.start - len(left) + cut, m.start)):
                return e.id
        return None

    def _document_subject(self, start: int, end: int) -> str | None:
        """"The Northwood Declaration states", "Tuyên bố Bàn Môn Điếm viết": a named document (TREATY) heading the
        phrase; "văn kiện viết", "the declaration says" with no name: the document named in that sentence or the
        one before."""
        ments = self.mentions_in(start, end)
        head = self.body[start:end].strip(" ,")
        if ments:
            m, e = ments[0]
            lead = self.body[start:m.start].split()
            if e.type == "TREATY" and len(lead) <= 1 and all(w.lower() in self.lex.determiners for w in lead) \
                    and not any(x.type in ("PERSON", "ORG", "COUNTRY") for _, x in ments):
                return e.id
            return None
        if not _document_nouns().fullmatch(head):
            return None
        sent = self.doc.sentence_of(start)
        prev = self.sentence_before(sent.start) if sent else None
        floor = prev.start if prev is not None else (sent.start if sent else start)
        for m, e in reversed(self.mentions_in(floor, start)):
            if e.type == "TREATY":
                return e.id
        return None

    def _document_voice(self, start: int, end: int) -> str | None:
        """"Sách trắng khẳng định", "The integrated review, titled X, says", "Đạo luật viết:", "theo văn kiện": a
        phrase headed by a document a state or body issues (lexicon `issued_documents`), naming nobody but in its
        title, speaks for whoever issued it (`document_issuer`). A phrase that names its author ("báo cáo của Lầu
        Năm Góc") or a named document (a TREATY) is left to the rules for those."""
        head, _, title, _ = _issued_documents()
        body = self.body
        m = head.match(body, start, end)
        if m is None:
            return None
        cut = end
        t = title.search(body, m.end(), end)
        if t is not None and not body[m.end():t.start()].strip(" ,"):
            cut = t.start()  # "titled Global Britain in a Competitive Age": a name of the document, not its author
        ow = _OWNER_AFTER.match(body, m.end(), cut)
        if ow is not None:  # "Sách trắng của Bộ Quốc phòng", "the doctrine of the Russian Federation"
            after = self.mentions_in(ow.end(), cut)
            if after and after[0][0].start == ow.end() and after[0][1].type in ("PERSON", "ORG", "COUNTRY"):
                return after[0][1].id
        if any(e.type in ("PERSON", "ORG", "COUNTRY", "TREATY") for _, e in self.mentions_in(start, cut)):
            return None
        return self._document_subject(start, cut) or self.document_issuer(start)

    @property
    def _issuers(self) -> list[tuple[int, Entity]]:
        """(offset, issuer) of every issued-document noun whose issuer the article names (see `document_issuer`),
        in text order (computed once per document)."""
        if self._issuer_list is None:
            _, nouns, _, verbs = _issued_documents()
            body = self.body
            found: list[tuple[int, Entity]] = []
            for nm in nouns.finditer(body):
                sent = self.doc.sentence_of(nm.start())
                if sent is None:
                    continue
                before = [(m, e) for m, e in self.mentions_in(sent.start, nm.start())
                          if e.type in ("PERSON", "ORG", "COUNTRY", "TREATY")]
                if before and before[-1][1].type == "TREATY" and not body[before[-1][0].end:nm.start()].strip(" ,"):
                    continue
                owner = None
                ow = _OWNER_AFTER.match(body, nm.end())
                if ow is not None:
                    after = self.mentions_in(ow.end(), min(len(body), ow.end() + 80))
                    if after and after[0][0].start == ow.end():
                        owner = after[0][1]
                if owner is None and before:
                    m, e = before[-1]
                    gap = body[m.end:nm.start()]
                    if _POSSESSIVE_S.match(gap) and len(gap.split()) <= 3:
                        owner = e
                if owner is None and before and verbs.search(body, sent.start, sent.end):
                    owner = before[-1][1]
                if owner is not None and owner.type != "TREATY" and not _is_media(owner.id):
                    found.append((nm.start(), owner))
            self._issuer_list = found
        return self._issuer_list

    def document_issuer(self, pos: int) -> str | None:
        """Who issued the document an article speaks of before `pos`: over every mention of an issued-document
        noun, the owner named right after it ("sách trắng của / do X", "a review by X") or right before it ("X's
        new doctrine"), else the name nearest before it in a sentence with a verb of issuing ("X công bố sách
        trắng", "Quốc hội đã thông qua đạo luật", "Britain ... under a review published on Tuesday"). The first
        organisation or country found is the issuer; else the first person's country (a decree a president signs
        is the state's), else that person. Media that report the document are not its issuer; a noun in apposition
        to a treaty ("Hiệp ước CFE, văn kiện ...") names the treaty, not an issued document."""
        found = [e for p, e in self._issuers if p < pos]
        for e in found:
            if e.type in ("ORG", "COUNTRY"):
                return e.id
        for e in found:
            if e.country and e.country in self.entities and self.entities[e.country].type == "COUNTRY":
                return e.country
            return e.id
        return None

    def _in_parens(self, m: Mention, floor: int) -> bool:
        """Is the mention set in parentheses: "(Meridian Wire)", "(IAEA)"?"""
        before = self.body[max(floor, m.start - 2):m.start].rstrip()
        return before.endswith("(") and self.body[m.end:m.end + 2].lstrip().startswith(")")

    def np_after(self, pos: int, limit: int) -> str | None:
        """The source named after "theo"/"according to": "theo một báo cáo tháng 10 của Lầu Năm Góc"."""
        body = self.body
        end = min(limit, len(body))
        m = re.search(r"[,.;:!?“”\"(]", body[pos:end])
        if m:
            end = pos + m.start()
        # a name the cut runs into ("said Hans M. Kristensen, ...": the initial's period is not an end)
        for m_, e in self.mentions_in(pos, min(limit, len(body))):
            if m_.start < end < m_.end:
                end = m_.end
        if end <= pos:
            return None
        text = body[pos:end]
        if self.lex.pron_person_head.match(text):
            return self.resolve_pronoun("person", pos, pos)
        doc_voice = self._document_voice(pos, end)  # "theo văn kiện", "according to the white paper"
        if doc_voice:
            return doc_voice
        ments = self.mentions_in(pos, end)
        # "said SIPRI Director Dan Smith": the person, not the body named in the title
        persons = [e for m_, e in ments if e.type == "PERSON"]
        if persons and not self.lex.source_noun.match(text.strip()):
            return persons[0].id
        if not persons and end < limit and body[end] == "," and self.lex.title.match(text.strip()):
            # "Theo Chủ tịch Hội đồng Tham mưu trưởng Liên quân Mỹ, Tướng Dan Caine, ...": the holder of the title
            # named in an appositive after it
            nxt = body.find(",", end + 1, limit)
            seg = self.mentions_in(end + 1, nxt if nxt >= 0 else end + 1)
            if len(seg) == 1 and seg[0][1].type == "PERSON":
                rest = body[end + 1:seg[0][0].start]
                rest = self.lex.title_tail.sub("", self.lex.honorific_tail.sub("", rest.strip())).strip()
                if not rest:
                    return seg[0][1].id
        for m_, e in ments:
            return e.id
        desc = self.resolve_descriptor(pos, end)
        if desc is None and self.lex.source_noun.match(text.strip()) and _ANAPHOR.search(text):
            # "theo số liệu này", "according to the report": who published it in the sentence before
            sent = self.doc.sentence_of(pos)
            prev = self.sentence_before(sent.start) if sent else None
            desc = self.previous_source(pos) or self.report_author_before(pos)
            if desc and prev is not None:
                self.anaphor_from = prev
        return desc

    def sentence_before(self, start: int) -> Span | None:
        """The sentence that ends before offset `start` (across a paragraph break too)."""
        sents = self.doc.sentences
        i = bisect.bisect_right([s.end for s in sents], start) - 1
        return sents[i] if i >= 0 else None

    def previous_source(self, pos: int) -> str | None:
        """The organisation that said / reported something in the sentence before `pos`."""
        sent = self.doc.sentence_of(pos)
        prev = self.sentence_before(sent.start) if sent else None
        if prev is None:
            return None
        for vs, ve in reversed(self.verbs_in(prev.start, prev.end)):
            floor = self.body.rfind(",", prev.start, vs)
            eid = self.subject_of(vs, floor + 1 if floor >= 0 else prev.start)
            ent = self.entities.get(eid) if eid else None
            if ent is not None and ent.type in ("ORG", "COUNTRY"):
                return eid
        return None

    @property
    def report_authors(self) -> list[tuple[int, str]]:
        """(offset, organisation) of every publication named with its author, in text order: the ORG
        nearest to a report noun in its sentence ("niên giám của SIPRI", "báo cáo ... mà Bộ Quốc phòng
        Mỹ công bố", "the Pentagon said in its annual report")."""
        if self._authors is None:
            self._authors = []
            for m in self.lex.report_nouns.finditer(self.body):
                sent = self.doc.sentence_of(m.start())
                if sent is None:
                    continue
                orgs = [(mm, e) for mm, e in self.mentions_in(sent.start, sent.end) if e.type == "ORG"]
                if not orgs:
                    continue
                # a medium that saw or carried the report ("a report seen by Reuters") is not its author
                mm, e = min(orgs, key=lambda me: min(abs(me[0].start - m.end()), abs(m.start() - me[0].end))
                            + (0 if me[0].start >= m.end() else 10) + (1000 if _is_media(me[1].id) else 0))
                self._authors.append((m.start(), e.id))
        return self._authors

    def report_author_before(self, pos: int) -> str | None:
        """The author of the last publication named before `pos` ("Báo cáo năm ngoái ước tính ..." after
        "báo cáo ... của Lầu Năm Góc")."""
        best = None
        for p, eid in self.report_authors:
            if p >= pos:
                break
            best = eid
        return best

    def lead_source(self, n_sentences: int = 2) -> str | None:
        """The organisation the article's lead attributes its news to ("..., according to the Federation of
        American Scientists' annual Status of World Nuclear Forces"): what "the report says" refers to when
        no publication was named with its author. Media that only carry the news are not authors."""
        if self._lead_source is None:
            self._lead_source = ("",)
            saved = self.last_span
            for sent in self.doc.sentences[:n_sentences]:
                if not (self.lex.report_nouns.search(self.body, sent.start, sent.end)
                        or self.lex.publish_cue.search(self.body, sent.start, sent.end)):
                    continue  # the lead names no publication ("The Pentagon estimated that ...")
                eid = self.source_before(sent.end, sent.start)
                ent = self.entities.get(eid) if eid else None
                if ent is not None and ent.type == "ORG" and not _is_media(eid):
                    self._lead_source = (eid,)
                    break
            self.last_span = saved
        return self._lead_source[0] or None

    def lead_author(self, n_sentences: int = 2) -> str | None:
        """The author of a publication the article opens on (its first sentences), or None."""
        sents = self.doc.sentences[:n_sentences]
        if not sents:
            return None
        end = sents[-1].end
        for p, eid in self.report_authors:
            if p < end:
                return eid
        return None

    def note_speaker(self, pos: int, eid: str | None) -> None:
        if eid and (ent := self.entities.get(eid)) is not None and ent.type == "PERSON":
            self.last_person_speaker = (pos, eid)

    def source_before(self, pos: int, floor: int, masks=()) -> str | None:
        """Who asserts what follows `pos` in its sentence: the subject of the last verb of saying, or
        the object of the last "theo" before `pos` (whichever is nearer)."""
        verbs = self.verbs_in(floor, pos, masks)
        preps = self.preps_in(floor, pos, masks)
        cands = [(s, "verb", e) for s, e in verbs] + [(s, "prep", e) for s, e in preps]
        self.last_span = None
        for s, kind, e in sorted(cands, reverse=True):
            if kind == "verb" and self._in_relative(s, e, pos, verbs):
                continue
            eid = self.subject_of(s, floor) if kind == "verb" else self.np_after(e, pos)
            if eid:
                self.last_span = self.source_phrase(s, e, kind, floor, pos)
                return eid
        return None

    def _in_relative(self, s: int, e: int, pos: int, verbs: list[tuple[int, int]]) -> bool:
        """Is the verb of saying at [s, e) inside a relative clause on what an earlier verb of saying reports,
        closed before `pos` by words of its own ("ông Putin nói nhiều điểm trong kế hoạch mà Bắc Kinh công bố hôm
        24/2 “...”")? Then it is not the verb of what follows. A relative verb that leads straight into the quote
        ("kế hoạch mà ông Putin gọi là “...”", "the plan which Putin called “...”") is."""
        body = self.body
        if _LEADS_IN.fullmatch(body, e, pos):
            return False
        for vs, ve in verbs:
            if ve > s:
                break
            rel = None
            for m in _RELATIVE.finditer(body, ve, s):
                rel = m
            if rel is not None and not re.search(r"[;:.!?“”\"]", body[rel.end():s]):
                return True
        return False

    def source_phrase(self, s: int, e: int, kind: str, floor: int, limit: int) -> tuple[int, int]:
        """The span of the source phrase of a verb at [s, e) (its subject) or a preposition (its object):
        names nested in it ("Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen cho biết") are not what a
        number is about."""
        body = self.body
        if kind == "verb":
            a = floor
            for m in self.lex.clause_cut.finditer(body, floor, s):
                a = m.end()
            return (a, e)
        m = re.search(r"[,.;:!?“”\"(]", body[e:limit])
        return (s, e + m.start() if m else limit)

