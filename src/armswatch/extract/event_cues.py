"""Compiled cues for event extraction (data/lexicons/events.yaml), built once per process.

Two kinds of look-up:
- regular expressions for cues that must match at a place (triggers, prepositions before a place,
  anaphors in a noun phrase), compiled from the lexicon lists;
- a word n-gram table (`window_lookup`) for the many short cues that are looked up in word windows
  around a trigger (status, negation, conditionals, clause breaks, tracks ...): the document is
  scanned once and each window reads its hits (events._Ctx.window_hits).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..kb import load_kb
from ..lexicon import load_lexicon

TOKEN_RE = re.compile(r"\w+(?:\+\w+)*")
_WB_L = r"(?<![\w+])"
_WB_R = r"(?![\w+])"
STATUS_ORDER = ("proposed", "stalled", "planned", "held")


def _cue_regex(cue: str, gap: int) -> str:
    """Regex source of one cue: words separated by flexible spaces; ' … ' is a short gap of at most
    `gap` characters, ' …N ' a gap of at most N words ("phóng …3 tên lửa")."""
    out = ""
    pieces = re.split(r"…(\d*)", cue)
    for k in range(0, len(pieces), 2):
        words = r"\s+".join(re.escape(w) for w in pieces[k].split())
        if k == 0:
            out = words
            continue
        n = pieces[k - 1]
        sep = (r"\s+(?:[^\s.;!?,]+\s+){0,%s}" % n) if n else (r"\s+[^.;!?\n]{1,%d}?\s+" % gap)
        out += sep + words
    return out


def _alternation(cues, gap: int = 40, case_sensitive: bool = False) -> re.Pattern | None:
    cues = sorted({str(c) for c in cues if c}, key=lambda c: (-len(c), c))
    if not cues:
        return None
    return re.compile(_WB_L + "(?:" + "|".join(_cue_regex(c, gap) for c in cues) + ")" + _WB_R,
                      0 if case_sensitive else re.IGNORECASE)


# one or more capitalised words ("Oman", "European Union"): a name between a mediator cue and a go-between
_NAMES = r"[A-ZĐÂĂÊÔƠƯ][\w.-]*(?:\s+[A-ZĐÂĂÊÔƠƯ][\w.-]*)*"


def _cue_alt(words, gap: int = 40) -> str:
    """An alternation of cues, longest first (a never-matching one for none)."""
    words = sorted({str(w) for w in words or ()}, key=len, reverse=True) or ["\u0000"]
    return "|".join(_cue_regex(w, gap) for w in words)


def _ending(words, tail: str = "", gap: int = 40) -> re.Pattern:
    """A pattern for one of `words` (plus `tail`) at the end of a text."""
    words = sorted({str(w) for w in words}, key=len, reverse=True) or ["\u0000"]
    return re.compile(_WB_L + "(?:" + "|".join(_cue_regex(w, gap) for w in words) + ")" + tail + "$",
                      re.IGNORECASE)


def _multi_lookup(groups: dict[str, list]):
    """Word n-gram (lower case) -> labels, with the longest n and, per first word, the lengths to try."""
    table: dict[tuple[str, ...], set[str]] = {}
    for label, cs in groups.items():
        for c in cs:
            key = tuple(TOKEN_RE.findall(str(c).lower()))
            if key:
                table.setdefault(key, set()).add(label)
    firsts: dict[str, set[int]] = {}
    for k in table:
        firsts.setdefault(k[0], set()).add(len(k))
    return ({k: frozenset(v) for k, v in table.items()}, max((len(k) for k in table), default=1),
            {w: tuple(sorted(ns)) for w, ns in firsts.items()})


def _trie(table: dict[tuple[str, ...], frozenset[str]]) -> dict:
    """The n-gram table as a word trie: word -> [labels or None, children], walked word by word."""
    root: dict = {}
    for key, labs in table.items():
        node = root
        for k, w in enumerate(key):
            entry = node.setdefault(w, [None, {}])
            if k == len(key) - 1:
                entry[0] = labs
            node = entry[1]
    return root


def _short_pair(forms: dict) -> re.Pattern | None:
    """'Mỹ - Triều', 'Hàn-Nhật-Trung': two or more short country forms joined by hyphens."""
    if not forms:
        return None
    alt = "|".join(re.escape(str(k)) for k in sorted(forms, key=len, reverse=True))
    return re.compile(_WB_L + "(" + alt + r")((?:\s*[-–]\s*(?:" + alt + r"))+)(?![\w-])")


def _needed(cues) -> list[tuple[str, ...]]:
    """The lower-case words of each cue (gaps dropped)."""
    return [tuple(TOKEN_RE.findall(str(c).lower())) for c in cues]


def _firsts(cues) -> frozenset[str] | None:
    """The lower-case first words of the cues of an _alternation pattern: a match starts at a page word that is
    one of them (events._Ctx.cue_search reads only those words). None when a cue starts with no word character."""
    out = set()
    for c in cues:
        c = str(c)
        if not c.strip():
            continue
        if not _WORD_START_RE.match(c.split()[0]):
            return None
        out.add(TOKEN_RE.match(c.split()[0].lower()).group(0))
    return frozenset(out)


_WORD_START_RE = re.compile(r"\w")


class NamesByFirstWord:
    """finditer of an alternation of names (_WB_L + names in their order + _WB_R), read word by word: a match that
    starts at a word is one of the names that start with that word, so each word of the text tries the few names
    starting with it (one short pattern per first word, compiled when first needed) instead of every name at every
    position (the look-behind in front kept the regex engine from skipping ahead)."""

    def __init__(self, names: list[str], whole: re.Pattern, fold: bool, gap: int):
        self.whole, self.fold, self.gap = whole, fold, gap
        self.names: dict[str, list[str]] | None = {}
        for n in names:
            first = n.split()[0] if n.split() else ""
            if not _WORD_START_RE.match(first):
                self.names = None  # (a name starting with a mark: the whole pattern is read)
                break
            w = TOKEN_RE.match(first).group(0)
            self.names.setdefault(w.lower() if fold else w, []).append(n)
        self._patterns: dict[str, re.Pattern] = {}

    def _pattern(self, word: str) -> re.Pattern:
        pat = self._patterns.get(word)
        if pat is None:
            pat = self._patterns[word] = re.compile(
                _WB_L + "(?:" + "|".join(_cue_regex(n, self.gap) for n in self.names[word]) + ")" + _WB_R,
                re.IGNORECASE if self.fold else 0)
        return pat

    def finditer(self, text: str):
        if self.names is None:
            yield from self.whole.finditer(text)
            return
        end = 0
        for w in TOKEN_RE.finditer(text):
            if w.start() < end:
                continue
            key = w.group(0).lower() if self.fold else w.group(0)
            if key in self.names:
                m = self._pattern(key).match(text, w.start())
                if m:
                    end = m.end()
                    yield m


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class Cues:
    # first word -> (second word -> the cues to try, the cues to try after any other second word)
    trigger_options: dict[str, tuple[dict[str, list[tuple[re.Pattern, str, str]]], list[tuple[re.Pattern, str, str]]]]
    trigger_singles: frozenset[str]  # first words with cues to try whatever the next word
    trigger_pairs: frozenset[tuple[str, str]]  # (first word, second word) of the cues of two or more words
    window_lookup: tuple  # (word n-gram -> labels, longest n, first word -> n-gram lengths)
    window_trie: dict  # the same n-grams as a trie (events._Ctx scans the page with it)
    treaty_action: dict[str, str]  # cue -> action
    incident_kind: dict[str, str]
    needs_object: dict[str, set[str]]
    report_verbs: set[str]
    publication_cues: set[str]
    publication_after_cues: set[str]
    separate_meetings: re.Pattern | None
    multi_party: re.Pattern | None
    declaration_cues: set[str]
    declaration_texts: set[str]
    treaty_year_cues: set[str]
    conference_cues: set[str]
    media_kb_files: set[str]
    meeting_cues: set[str]
    reciprocal_cues: set[str]
    body_decisions: set[str]
    obligation_cues: set[str]
    motion_cues: set[str]
    track_values: list[str]  # in lexicon order: more specific tracks first
    format_values: list[str]
    strong_anaphor: re.Pattern | None
    distinct_after: re.Pattern | None
    topic_marker: re.Pattern | None
    topic_stop: re.Pattern | None
    topic_stopwords: set[str]
    pair_words: re.Pattern | None
    location_prep: re.Pattern | None
    location_blockers: re.Pattern | None
    location_stops: re.Pattern | None
    negation: re.Pattern | None
    negation_exceptions: re.Pattern | None
    speech_verbs: re.Pattern | None
    speech_exceptions: re.Pattern | None
    contrastive: re.Pattern | None
    past_markers: re.Pattern | None
    future_markers: re.Pattern | None
    leader_titles: re.Pattern | None
    leader_exclusions: re.Pattern | None
    leader_pairs: re.Pattern | None
    leader_groups: re.Pattern | None
    attend_end: re.Pattern
    pronoun_subject: re.Pattern
    leader_pair_end: re.Pattern
    group_words: re.Pattern | None
    short_pair: re.Pattern | None
    short_forms: dict[str, str]
    short_forms_lower: frozenset[str]
    inter_korean: re.Pattern | None
    list_head_end: re.Pattern  # "Lãnh đạo " / "The foreign ministers of " before a list of countries
    sideline_end: re.Pattern | None
    sideline_np_end: re.Pattern | None  # "bên lề hội nghị thượng đỉnh " before the body named as the occasion
    mediator_end: re.Pattern | None  # "mediated by ", "mediated by Oman and " before a go-between
    mediator_role: re.Pattern | None  # " làm trung gian", " và Qatar làm trung gian" after a go-between
    np_end: re.Pattern
    frame_end: re.Pattern
    temporal_end: re.Pattern
    content_time_end: re.Pattern
    report_content_time_end: re.Pattern
    author_end: re.Pattern
    legal_basis_end: re.Pattern
    destination_end: re.Pattern
    partner_start: re.Pattern
    visit_purpose: re.Pattern | None
    first_to_end: re.Pattern
    purpose_inline: re.Pattern
    reason_inline: re.Pattern | None
    unofficial_kb_files: set[str]
    country_names: re.Pattern | None
    country_abbrev: re.Pattern | None
    # country_names and country_abbrev, read word by word (in that order)
    country_name_finders: list[NamesByFirstWord] = field(default_factory=list)
    country_of_name: dict[str, str] = field(default_factory=dict)
    # the lower-case words each cue of a rare cue list needs (a page lacking them all needs no search)
    needed_words: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    # the first words of the cues of some patterns (name -> words): where on a page a match can start
    cue_firsts: dict[str, frozenset[str] | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def demonyms() -> tuple[re.Pattern | None, dict[str, str]]:
    """lexicon.demonyms() with the same matches, faster to scan a page with: each demonym's look-behind (no word
    character or dot before it) is read after its first letter, so that every branch starts with a letter and
    the engine jumps to the places where one of those letters stands instead of trying every position."""
    from ..lexicon import demonyms as lexicon_demonyms

    dem = (load_lexicon("person_cues") or {}).get("demonyms") or {}
    if not dem:
        return None, {}
    words = sorted(dem, key=len, reverse=True)  # (the order of lexicon.demonyms: the longest first)
    rx = re.compile("(?:" + "|".join(re.escape(w[0]) + r"(?<![\w.].)" + re.escape(w[1:]) for w in words)
                    + r")(?![\w-])")
    return rx, lexicon_demonyms()[1]


@lru_cache(maxsize=1)
def demonym_firsts() -> frozenset[str] | None:
    """The first words (lower case, as events._Ctx folds the page) of the demonyms: a match of demonyms()'s pattern
    starts a page word that is one of them (with no "+" before it). None when a demonym starts with no word
    character."""
    dem = (load_lexicon("person_cues") or {}).get("demonyms") or {}
    out = set()
    for w in dem:
        tok = TOKEN_RE.match("".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in str(w)))
        if tok is None:
            return None
        out.add(tok.group(0))
    return frozenset(out)


@lru_cache(maxsize=1)
def cues() -> Cues:
    lex = load_lexicon("events")
    gap = int(lex.get("gap_chars", 40))

    # triggers, indexed by their first word: scanning the words of a text and trying only the cues
    # that start with that word is much faster than one big alternation (longest cue first)
    items = []
    for etype, langs in lex["triggers"].items():
        for lang_cues in langs.values():
            for c in lang_cues:
                items.append((str(c), etype))
    items.sort(key=lambda it: (-len(re.sub(r"…\d*", " " * 5, it[0])), it[0]))
    trigger_index: dict[str, list[tuple[re.Pattern, str, str, str | None]]] = {}
    for c, etype in items:
        first = TOKEN_RE.match(c.lower())
        if first:
            pat = re.compile(_cue_regex(c, gap) + _WB_R, re.IGNORECASE)
            # the cue's second word, when it follows the first with no gap: a page word must equal it
            lead = TOKEN_RE.findall(re.split(r"…\d*", c.lower())[0])
            trigger_index.setdefault(first.group(0), []).append((pat, etype, c, lead[1] if len(lead) > 1 else None))
    # the same, by first and second word: the cues a page word can start given the word after it (those of one
    # word or with a gap after the first, and those whose second word it is), in the order above
    trigger_options: dict[str, tuple[dict[str, list[tuple[re.Pattern, str, str]]], list[tuple[re.Pattern, str, str]]]] = {}
    for first, opts in trigger_index.items():
        seconds = {w2 for _, _, _, w2 in opts if w2 is not None}
        trigger_options[first] = ({w: [o[:3] for o in opts if o[3] in (None, w)] for w in seconds},
                                  [o[:3] for o in opts if o[3] is None])
    # the page words that can start a cue: a word with cues of one word (or a gap after it), or a pair of words
    trigger_singles = frozenset(w for w, (_, plain) in trigger_options.items() if plain)
    trigger_pairs = frozenset((w, w2) for w, (by_second, _) in trigger_options.items() for w2 in by_second)

    def inverse(section):
        out = {}
        for key, cs in (lex.get(section) or {}).items():
            for c in cs:
                out[_norm(str(c))] = str(key)
        return out

    # country names (KB) for names inside names: "Liên minh Mỹ-Nhật", "Đối thoại ... Mỹ - Nga"
    # (countries only: a capital inside "hội nghị thượng đỉnh Hà Nội" is the venue)
    name_map: dict[str, str] = {}
    upper: list[str] = []
    for e in load_kb().entries.values():
        if e.type != "COUNTRY":
            continue
        for n in e.all_names():
            if n.replace(".", "").isupper():
                upper.append(n)
                name_map.setdefault(n, e.id)
            elif len(n) >= 2:
                name_map.setdefault(_norm(n), e.id)
    lower = [n for n in name_map if n not in upper]
    upper_sorted = sorted(set(upper), key=len, reverse=True)
    country_abbrev = (re.compile(_WB_L + "(?:" + "|".join(_cue_regex(c, gap) for c in upper_sorted)
                                 + ")" + _WB_R) if upper else None)
    country_names = _alternation(lower) if lower else None
    lower_sorted = sorted({str(c) for c in lower if c}, key=lambda c: (-len(c), c))  # (the order of _alternation)

    st = lex.get("status") or {}
    dc = lex.get("distinct_cues") or {}
    tense = lex.get("tense") or {}
    window_groups = {
        **{f"status:{k}": st.get(k) or [] for k in STATUS_ORDER},
        "hypothetical": lex.get("hypothetical") or [], "conditional": lex.get("conditionals") or [], "opposition": lex.get("opposition") or [],
        "negation": lex.get("negation") or [], "negation_exc": lex.get("negation_exceptions") or [],
        "purpose": lex.get("purpose") or [], "attend": lex.get("attend") or [],
        "refusal": lex.get("refusals") or [], "quantifier": lex.get("quantifiers") or [], "reported_future": lex.get("reported_future") or [], "report_head": lex.get("reported_future_heads") or [],
        "generic": lex.get("generic") or [], "generic_exc": lex.get("generic_exceptions") or [],
        "definitional": lex.get("definitional") or [],
        "distinct_before": dc.get("before") or [], "part_of": dc.get("part_of") or [],
        "resumed": lex.get("resumed") or [], "cessation": lex.get("cessations") or [],
        "assert_before": lex.get("assertion_before") or [], "assert_after": lex.get("assertion_after") or [],
        "tense:future": tense.get("future") or [], "tense:past": tense.get("past") or [],
        "not_event": lex.get("not_events") or [], "clause_break": lex.get("clause_breaks") or [],
        "clause_break_exc": lex.get("clause_break_exceptions") or [],
        "speech": lex.get("speech_verbs") or [], "speech_exc": lex.get("speech_exceptions") or [],
        "pair": lex.get("pair_words") or [],  # candidates, confirmed by the pair_words pattern
        "temporal": lex.get("temporal_preps") or [], "frame": lex.get("frame_preps") or [],
        "directive": lex.get("directives") or [], "status_exc": lex.get("status_exceptions") or [],
        "accepted": lex.get("accepted_invitations") or [],
        "topic": lex.get("topic_markers") or [],  # candidates, confirmed by the topic_marker pattern
        "loc_prep": lex.get("location_preps") or [], "loc_stop": lex.get("location_stops") or [],
        "current": (lex.get("anaphora") or {}).get("current") or [],
        "habitual": lex.get("habitual") or [], "habitual_exc": lex.get("habitual_exceptions") or [],
        **{f"rel:{k}": v for k, v in (lex.get("relative_dates") or {}).items()},
        **{f"track:{k}": v for k, v in (lex.get("tracks") or {}).items()},
        **{f"format:{k}": v for k, v in (lex.get("formats") or {}).items()},
    }
    return Cues(
        trigger_options=trigger_options,
        trigger_singles=trigger_singles,
        trigger_pairs=trigger_pairs,
        window_lookup=(lookup := _multi_lookup(window_groups)),
        window_trie=_trie(lookup[0]),
        treaty_action=inverse("treaty_actions"),
        incident_kind=inverse("incident_kinds"),
        needs_object={k: {_norm(c) for c in v} for k, v in (lex.get("needs_object") or {}).items()},
        report_verbs={_norm(c) for c in lex.get("report_verbs") or []},
        publication_cues={_norm(c) for c in lex.get("publication_cues") or []},
        publication_after_cues={_norm(c) for c in lex.get("publication_after_cues") or []},
        separate_meetings=_alternation(lex.get("separate_meetings") or []),
        multi_party=_alternation(lex.get("multi_party") or []),
        declaration_cues={_norm(c) for c in lex.get("declaration_cues") or []},
        declaration_texts={_norm(c) for c in lex.get("declaration_texts") or []},
        treaty_year_cues={_norm(c) for c in lex.get("treaty_year_cues") or []},
        conference_cues={_norm(c) for c in lex.get("conference_cues") or []},
        media_kb_files=set(lex.get("media_kb_files") or []),
        meeting_cues={_norm(str(x)) for x in lex.get("meeting_cues") or []},
        reciprocal_cues={_norm(str(x)) for x in lex.get("reciprocal_cues") or []},
        body_decisions={_norm(str(x)) for x in lex.get("body_decisions") or []},
        obligation_cues={_norm(str(x)) for x in lex.get("obligation_cues") or []},
        motion_cues={_norm(str(x)) for x in lex.get("motion_cues") or []},
        track_values=[str(k) for k in (lex.get("tracks") or {})],
        format_values=[str(k) for k in (lex.get("formats") or {})],
        strong_anaphor=_alternation((lex.get("anaphora") or {}).get("strong") or []),
        distinct_after=_alternation(dc.get("after") or [], case_sensitive=True),
        topic_marker=_alternation(lex.get("topic_markers") or []),
        topic_stop=_alternation(lex.get("topic_stops") or []),
        topic_stopwords={w.lower() for w in lex.get("topic_stopwords") or []},
        pair_words=_alternation(lex.get("pair_words") or []),
        location_prep=_alternation(lex.get("location_preps") or []),
        location_blockers=_alternation(lex.get("location_blockers") or []),
        location_stops=_alternation(lex.get("location_stops") or []),
        negation=_alternation(lex.get("negation") or []),
        negation_exceptions=_alternation(lex.get("negation_exceptions") or []),
        speech_verbs=_alternation(lex.get("speech_verbs") or []),
        speech_exceptions=_alternation(lex.get("speech_exceptions") or []),
        contrastive=_alternation(lex.get("contrastives") or []),
        past_markers=_alternation(lex.get("past_markers") or []),
        future_markers=_alternation(lex.get("future_markers") or []),
        leader_titles=_alternation(lex.get("leader_titles") or []),
        leader_exclusions=_alternation(lex.get("leader_exclusions") or []),
        leader_pairs=_alternation(lex.get("leader_pairs") or []),
        leader_groups=_alternation(lex.get("leader_groups") or []),
        # (an English name may stand before the cue word: "attend the G20 summit")
        attend_end=_ending(lex.get("attend_verbs") or [], r"\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w-]*\s+){0,2}"),
        # (case-sensitive: the pronoun opens the sentence, and the word after it is no name)
        pronoun_subject=re.compile(r"[\"“]?(?:" + "|".join(re.escape(w.capitalize()) for w in
                                                          lex.get("subject_pronouns") or ["\u0000"])
                                   + r")\s+(?=[a-zđàáâãèéêìíòóôõùúýăơư])"),
        # (an adverb or an auxiliary may stand before the verb: "Hai nhà lãnh đạo đã hội đàm")
        leader_pair_end=_ending(lex.get("leader_pairs") or [], r"\s+(?:[\w-]+\s+){0,2}"),
        group_words=_alternation(lex.get("group_words") or []),
        short_pair=_short_pair(lex.get("pair_short_forms") or {}),
        short_forms={str(k): str(v) for k, v in (lex.get("pair_short_forms") or {}).items()},
        short_forms_lower=frozenset(str(k).lower() for k in (lex.get("pair_short_forms") or {})),
        inter_korean=_alternation(lex.get("inter_korean") or []),
        list_head_end=_ending(lex.get("party_list_heads") or [], r"\s*"),
        sideline_end=_ending(lex.get("sideline_preps") or [], r"\s+(?:the\s+|của\s+|các\s+)?(?:cuộc\s+)?(?:[\w+-]+\s+){0,3}"),
        sideline_np_end=_ending(lex.get("sideline_preps") or [],
                                r"\s+(?:the\s+|của\s+|các\s+)?(?:cuộc\s+)?(?:[\w+-]+\s+){0,6}"),
        # (the cue words in any case; the names between in capitals, so that no clause is read as a name list)
        mediator_end=re.compile(_WB_L + "(?i:" + _cue_alt(lex.get("mediators")) + r")\s+(?:the\s+)?(?:" + _NAMES
                                + r"\s*(?:,|and|và)\s+(?:the\s+)?)?$"),
        mediator_role=re.compile(r"(?:\s*(?:,|and|và)?\s*" + _NAMES + r")?\s+(?i:" + _cue_alt(lex.get("mediator_roles"))
                                 + ")" + _WB_R),
        # a punctuation mark, or a verb between spaces ("[,.;:]|\s(?:verbs)\s"): written to start with one character
        # class, which lets the engine skip to the marks and spaces instead of trying every position
        np_end=re.compile(r"[,.;:\s](?:(?<=[,.;:])|(?<=\s)(?:" + "|".join(
            _cue_regex(str(c), gap) for c in sorted(lex.get("np_end") or [], key=len, reverse=True)) + r")\s)",
                          re.IGNORECASE),
        frame_end=_ending(lex.get("frame_preps") or [], r"\s+(?:các |những |the )?(?:cuộc |chuyến )?"),
        temporal_end=_ending(lex.get("temporal_preps") or [], r"\s+(?:các |những |the |a )?(?:cuộc |chuyến |vụ )?"),
        content_time_end=_ending(lex.get("content_time_preps") or [], r"\s*(?:năm\s*)?"),
        report_content_time_end=_ending(lex.get("report_content_time_preps") or ["từ"], r"\s*(?:năm\s*)?"),
        author_end=_ending(lex.get("author_preps") or [], r"\s+(?:the\s+)?"),
        # (a part of it may stand between: "theo Chương VII", "under Article X of")
        legal_basis_end=_ending(lex.get("legal_basis") or [], r"\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}"),
        destination_end=_ending(lex.get("destination_preps") or ["tới"], r"\s+(?:\w+\s+){0,3}"),
        visit_purpose=_alternation(lex.get("visit_purposes") or []),
        first_to_end=_ending(lex.get("first_to") or [], r"\s*"),
        partner_start=re.compile(r"\s*(?:" + "|".join(_cue_regex(str(c), gap) for c in
                                                      lex.get("partner_markers") or ["với"]) + r")(?!\w)",
                                 re.IGNORECASE),
        purpose_inline=_alternation((lex.get("purpose") or []) + ["nhằm"] + (lex.get("reason_markers") or [])),
        reason_inline=_alternation(lex.get("reason_markers") or []),
        unofficial_kb_files=set(lex.get("unofficial_kb_files") or []),
        country_names=country_names,
        country_abbrev=country_abbrev,
        country_name_finders=[f for f in (
            NamesByFirstWord(lower_sorted, country_names, True, gap) if country_names else None,
            NamesByFirstWord(upper_sorted, country_abbrev, False, gap) if country_abbrev else None) if f],
        country_of_name=name_map,
        cue_firsts={
            "purpose_inline": _firsts((lex.get("purpose") or []) + ["nhằm"] + (lex.get("reason_markers") or [])),
            "reason_inline": _firsts(lex.get("reason_markers") or []),
            "strong_anaphor": _firsts((lex.get("anaphora") or {}).get("strong") or []),
            "distinct_after": _firsts(dc.get("after") or []),
            "topic_stop": _firsts(lex.get("topic_stops") or []),
            "group_words": _firsts(lex.get("group_words") or []),
            "location_prep": _firsts(lex.get("location_preps") or []),
            "speech_verbs": _firsts(lex.get("speech_verbs") or []),
            "np_end": _firsts(lex.get("np_end") or []),  # (the verbs of np_end)
            "leader_titles": _firsts(lex.get("leader_titles") or []),
            "leader_groups": _firsts(lex.get("leader_groups") or []),
            "leader_pairs": _firsts(lex.get("leader_pairs") or []),
            "leader_pair_end": _firsts(lex.get("leader_pairs") or []),  # (its matches start with a leader pair)
        },
        needed_words={
            "inter_korean": _needed(lex.get("inter_korean") or []),
            "sideline": _needed(lex.get("sideline_preps") or []),
            "mediator": _needed((lex.get("mediators") or []) + (lex.get("mediator_roles") or [])),
        },
    )
