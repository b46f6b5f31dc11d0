"""Temporal tagger: dates, times, durations, sets and vague time references, TIMEX3-style.

    extract_timexes(doc)   fills doc.timexes (sorted, non-overlapping, longest match wins)
    normalize("hôm 2/11", datetime(2022, 11, 2)) -> ("DATE", "2022-11-02")
    document_anchor(doc)   the reference date: doc.published, else a dateline in the page head
    to_partial_date(v)     a timex value as a contract partial date (event date, claim time)

A rule grammar: the rule skeletons (day/month/year orders, "N unit", "cách đây N unit",
"tháng M/YYYY", relative and vague phrases, weekdays, clock times) are regexes built
here, once, from the vocabulary in data/lexicons/timex.yaml (and numbers.yaml for
number words). Values:

- DATE  2022-11-02 / 2023-10 / 2030 / 2023-W43 / 2023-W43-WE / 199 (decade) / 20 (century)
        / 2023-Q3; XXXX-10-30 when the year cannot be known (no anchor).
- TIME  2021-07-24T17:18+07:00, T17:18 without a date, TMO/TAF/TEV/TNI for parts of day.
- DURATION  P5Y, P2DE, PXDE (vague quantity), PT3M.
- SET   P1Y (hàng năm, every year).
- vague: PRESENT_REF / PAST_REF / FUTURE_REF.

Bare months and days ("hồi tháng 3", "ngày 23/7") take the anchor's year, moved one year
back when a past cue ("hồi", "vừa qua") puts them after the anchor, one year forward when a
future cue ("sẽ", "dự kiến", "tới") puts them before it, and back when, with no cue, they
fall more than five months after it (thresholds in timex.yaml `tense`; see _pick_year).

Spans follow the dev gold: "hôm 2/11", "hồi tháng 3", "đầu tháng 6/2021", "cách đây 60 năm"
keep their prefix; a duration is its core "N unit" ("kéo dài khoảng 90 phút" -> "90 phút"),
so that any annotator's span around the core contains it (the scorer matches by containment).
Overlaps are resolved longest first, then by rule priority.

Speed: one pass of a trie regex over the lower-cased text finds the tokens where some rule can
start (each rule declares its start words); only those rules are tried there, with
`Pattern.match` at that offset. ~1-2 ms on a 3 kB article, linear in the text length.
"""
from __future__ import annotations

import bisect
import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from ..lexicon import load_lexicon
from ..model import Document, Timex, models_from
from .numbers import _digit_token_ok, number_word_pattern, number_words, parse_number_ex, trie_regex

__all__ = ["extract_timexes", "normalize", "document_anchor", "find_timexes", "infer_anchor", "to_partial_date"]

_FLAGS = re.IGNORECASE | re.UNICODE
_SP = r"[^\S\n]+"          # blanks, never a line break
_OSP = r"[^\S\n]*"
_B = r"(?<!\w)"            # word start
_E = r"(?!\w)"             # word end
_YEAR = r"(?:1[0-9]\d\d|20\d\d|2100)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_NUMD = r"\d+(?:[.,]\d+)?"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18,
          "XIX": 19, "XX": 20, "XXI": 21, "XXII": 22}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _alt(words, boundary: bool = False) -> str:
    """Regex alternation of lexicon words, longest first; blanks match any run of blanks."""
    ws = sorted({_nfc(str(w)) for w in words if w}, key=len, reverse=True)
    if not ws:
        return r"(?!x)x"
    # factored as a trie (numbers.trie_regex): the words that can match at one position are prefixes of
    # one another, which the trie tries longest first like the flat list, but `re` follows one branch per
    # character instead of trying every word (IGNORECASE defeats its quick first-character test); no trie
    # where two branches differ only in case, which IGNORECASE would both follow
    trie = trie_regex(ws, branches_ok=lambda chars: len({c.lower() for c in chars}) == len(chars))
    body = trie if trie is not None else "|".join(re.escape(w) for w in ws)
    body = body.replace(r"\ ", _SP).replace(" ", _SP)
    return rf"{_B}(?:{body}){_E}" if boundary else f"(?:{body})"


@lru_cache(maxsize=8192)
def _low(s: str | None) -> str:
    """NFC, lower case, blanks made single spaces (cached: handlers ask for the same few words again)."""
    return " ".join(_nfc(s or "").lower().split())


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: str
    prio: int = 0
    time_parts: tuple | None = None  # (hh, mm, tz) for a TIME whose date comes from context


@dataclass
class _Ctx:
    text: str
    anchor: datetime | None
    lang: str
    lex: dict
    sentences: list = field(default_factory=list)  # [(start, end)]


# --------------------------------------------------------------------------- value helpers

_UNIT_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE", "Q": "Q"}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


_SMALLER = {"CE": (100, "Y"), "DE": (10, "Y"), "Y": (12, "M"), "Q": (3, "M"), "W": (7, "D"), "D": (24, "H"),
            "H": (60, "MIN"), "MIN": (60, "S")}


def _duration(n: float | None, unit: str) -> str:
    """ISO 8601 duration; a fraction of a calendar unit moves to the next smaller one ("1,5 năm" =
    P18M), a fraction of a clock unit is written as whole + rest ("4,5 giờ" = PT4H30M)."""
    if n is not None and n > 1 and not float(n).is_integer() and unit in _TIME_UNITS and unit in _SMALLER:
        k, small = _SMALLER[unit]
        whole, rest = int(n), (n - int(n)) * k
        if float(rest).is_integer():
            return f"PT{whole}{_TIME_UNITS[unit]}{int(rest)}{_TIME_UNITS[small]}"
    while n is not None and not float(n).is_integer() and unit in _SMALLER:
        k, unit = _SMALLER[unit]  # nửa thế kỷ = P50Y, 1,5 năm = P18M
        n = n * k
    if unit in _TIME_UNITS:
        return f"PT{_fmt_num(n)}{_TIME_UNITS[unit]}"
    return f"P{_fmt_num(n)}{_UNIT_LETTER[unit]}"


def _add_months(d: date, k: int) -> date:
    y, m = divmod(d.year * 12 + (d.month - 1) + k, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _relative(anchor: datetime | None, unit: str, offset: int, part: str | None = None) -> str:
    """Value of `unit` shifted by `offset` from the anchor (XXXX forms without an anchor)."""
    if anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX",
                "DE": "XXX", "CE": "XX"}[unit] + (part or "") if unit != "D" or not part else f"XXXX-XX-XX{part}"
    a = anchor.date()
    if unit == "D":
        v = (a + timedelta(days=offset)).isoformat()
        return v + part if part else v
    if unit in ("W", "WE"):
        y, w, _ = (a + timedelta(weeks=offset)).isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        d = _add_months(a.replace(day=1), offset)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Y":
        return f"{a.year + offset:04d}"
    if unit == "DE":
        return f"{a.year // 10 + offset:03d}"
    if unit == "CE":
        return f"{a.year // 100 + offset:02d}"
    raise ValueError(unit)


def _ago(anchor: datetime | None, n: float | None, unit: str, sign: int) -> tuple[str, str]:
    """'cách đây 60 năm' / '3 ngày trước' / '2 ngày nữa': a date n units from the anchor."""
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit in _TIME_UNITS:
        # "bốn giờ trước", "three hours ago": hours before the moment of speaking, which is often not the page's
        # (a quote, an update); the counted span is what the text fixes, as for "X ngày sau"
        return "DURATION", _duration(n, unit)
    if anchor is None or not float(n).is_integer():
        return "DURATION", _duration(n, unit)
    k = int(n) * sign
    a = anchor.date()
    if unit == "D":
        return "DATE", (a + timedelta(days=k)).isoformat()
    if unit == "W":
        y, w, _ = (a + timedelta(weeks=k)).isocalendar()
        return "DATE", f"{y}-W{w:02d}"
    if unit == "M":
        d = _add_months(a.replace(day=1), k)
        return "DATE", f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        d = _add_months(a.replace(day=1), 3 * k)
        return "DATE", f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    years = {"Y": 1, "DE": 10, "CE": 100}[unit] * k
    return "DATE", f"{a.year + years:04d}"


def _easter(y: int) -> tuple[int, int]:
    """(month, day) of Western Easter Sunday in year y (the Gregorian computus of Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    k = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * k) // 451
    return (h + k - 7 * m + 114) // 31, (h + k - 7 * m + 114) % 31 + 1


def _valid_day(y: int | None, m: int, d: int) -> bool:
    if not (1 <= m <= 12):
        return False
    return 1 <= d <= calendar.monthrange(y or 2000, m)[1]


# --------------------------------------------------------------------------- tense / year choice


def _lead(ctx: _Ctx, start: int, reach: int, stops: str) -> str:
    """The (lower-cased) text before `start`, at most `reach` characters, cut at the last of `stops`."""
    before = ctx.text[max(0, start - reach):start]
    cut = max(before.rfind(c) for c in stops)
    return (before[cut + 1:] if cut >= 0 else before).lower()


def _clause(ctx: _Ctx, start: int, end: int) -> tuple[str, str]:
    """Text of the clause around [start, end): (before, after), cut at , ; : . and line breaks."""
    t = ctx.text
    before = _lead(ctx, start, 90, ",;:\n.“”\"")
    after = t[end:end + 60]
    cuts = [after.find(c) for c in ",;:\n.“”\"" if after.find(c) >= 0]
    if cuts:
        after = after[:min(cuts)]
    return before, after.lower()


@lru_cache(maxsize=256)
def _words_re(words: tuple) -> re.Pattern:
    return re.compile(rf"{_B}(?:{'|'.join(re.escape(_nfc(w.lower())) for w in words)}){_E}")


_NO_NAME_AFTER = r"(?!\s+[A-ZÀ-ỸĐ])"


@lru_cache(maxsize=256)
def _word_re(word: str, tail: str = "") -> re.Pattern:
    """`word` as a whole word (then `tail`), compiled once."""
    return re.compile(rf"{re.escape(word)}{_E}{tail}")


def _has_word(text: str, words) -> bool:
    return bool(words) and _words_re(tuple(words)).search(text) is not None


def _future_cue(text: str, tense: dict) -> bool:
    """A future word in `text` that no past auxiliary cancels: "planned for" is a plan, "was planned for" a
    past one."""
    fut = tense.get("future", [])
    if not fut:
        return False
    aux = _aux_tail_re(tuple(tense.get("past_auxiliaries") or ()))
    for m in _words_re(tuple(fut)).finditer(text):
        if not (aux and aux.search(text, max(0, m.start() - 16), m.start())):
            return True
    return False


@lru_cache(maxsize=8)
def _aux_tail_re(aux: tuple) -> re.Pattern | None:
    """A past auxiliary ending right before a position ("was ", "had been ")."""
    return re.compile(rf"(?<!\w)(?:{_alt(aux)}){_SP}$", _FLAGS) if aux else None


def _past_verb_governs(ctx: _Ctx, start: int, tense: dict) -> bool:
    """Whether the verb that governs a date is a past tense of happening ("met", "visited"): the last tense
    word before the date in its sentence (commas do not cut: "met in Woodside, California, in November")
    is a past verb, not a future or modal word ("said the two would meet in November"). Verbs of saying
    are not listed: "said" dates the report, not what it tells."""
    verbs = tense.get("past_verbs") or []
    if not verbs:
        return False
    before = _lead(ctx, start, 120, ";:\n.“”\"")  # (commas do not cut here)
    last_past = [m.end() for m in _words_re(tuple(verbs)).finditer(before)]
    if not last_past:
        return False
    fut = tuple(tense.get("future", [])) + tuple(tense.get("future_strong", []))
    last_fut = [m.end() for m in _words_re(fut).finditer(before)] if fut else []
    return not last_fut or last_past[-1] > last_fut[-1]


def _weekday_year(y: int | None, month: int, day: int, dow: int) -> int | None:
    """The year of a day and month written with its weekday: the picked year if the weekday fits it, else the
    year next to it that fits ("Saturday 19 April" on a page of April 2025 is 2025, not 2024)."""
    if y is None:
        return None
    for cand in (y, y + 1, y - 1):
        if _valid_day(cand, month, day) and date(cand, month, day).isoweekday() == dow:
            return cand
    return y


def _pick_year(ctx: _Ctx, start: int, end: int, month: int, day: int | None, matched: str) -> int | None:
    """Year of a bare "tháng 3" / "ngày 23/7": the anchor's year, moved by tense cues."""
    a = ctx.anchor
    if a is None:
        return None
    tense = ctx.lex.get("tense") or {}
    low = matched.lower()
    before, after = _clause(ctx, start, end)
    brk = _words_re(tuple(tense["clause_breaks"])).search(after) if tense.get("clause_breaks") else None
    if brk:  # "said in May that the exit would ...": the reported clause's tense is not the date's
        after = after[:brk.start()]
    head = after.strip()
    strong_past = any(low.startswith(w + " ") for w in tense.get("past_strong", [])) or any(
        head.startswith(w) and _word_re(w).match(head) for w in tense.get("past_strong", []))
    # "ngày 28/7 tới" is the coming 28 July, but "hôm 19/6 tới Bình Nhưỡng" is "arrived in": a capitalised
    # name right after the word makes it the verb
    strong_future = any(_word_re(w, _NO_NAME_AFTER).match(head) for w in tense.get("future_strong", []))
    weak_past = _has_word(before, tense.get("past", []))
    weak_future = _future_cue(before, tense) or _future_cue(after, tense)
    if not (strong_past or strong_future) and _past_verb_governs(ctx, start, tense):
        strong_past = True  # "Biden and Xi last met in Woodside, California, in November": last November
    y = a.year
    target = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
    ref = a.date() if day else a.date().replace(day=1)
    diff = (target - ref).days
    if strong_past and not strong_future:
        if diff > (1 if day else 0):
            y -= 1
    elif strong_future and not strong_past:
        if diff < 0:
            y += 1
    elif weak_past and not weak_future:
        if diff > int(tense.get("weak_past_days", 120)):
            y -= 1
    elif weak_future and not weak_past:
        if diff < -int(tense.get("weak_future_days", 60)):
            y += 1
    elif diff > int(tense.get("default_past_days", 150)):  # no cue: news mostly reports the past
        y -= 1
    return y


# --------------------------------------------------------------------------- grammar


_DIGIT = "#digit"


@dataclass
class _Rule:
    name: str
    regex: re.Pattern
    handler: Callable
    prio: int = 0
    starts: frozenset = frozenset()  # lower-case first tokens where the rule can match; _DIGIT for digits


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> dict:
    data = load_lexicon("timex")
    return data.get(lang) or data["vi"]


def _month_value(lex: dict, tok: str) -> int | None:
    tok = _low(tok).rstrip(".")
    if tok.isdigit():
        m = int(tok)
        return m if 1 <= m <= 12 else None
    return (lex.get("month_names") or {}).get(tok)


def _int_or_roman(tok: str) -> int | None:
    if tok.isdigit():
        return int(tok)
    return _ROMAN.get(tok.upper())


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _span(m: re.Match, group: str = "t") -> tuple[int, int]:
    if _g(m, group) is not None:
        return m.start(group), m.end(group)
    return m.start(), m.end()


@lru_cache(maxsize=None)
def _grammar(lang: str) -> list[_Rule]:
    lex = _lexicon(lang)
    rules: list[_Rule] = []
    vi = lang == "vi"

    def add(name, pattern, handler, prio=0, starts=frozenset()):
        rules.append(_Rule(name, re.compile(pattern, _FLAGS), handler, prio, frozenset(starts)))

    def fw(*word_lists) -> set:
        """First tokens of lexicon entries: where a rule can start (the driver tries it only there)."""
        out = set()
        for wl in word_lists:
            for w in wl:
                toks = re.findall(r"\w+", _low(str(w)))
                if toks:
                    out.add(toks[0])
        return out

    DG = {_DIGIT}
    PRE = lex.get("include_prefixes") or []

    units = {_nfc(k).lower(): v for k, v in (lex.get("units") or {}).items()}
    UNIT = _alt(units)
    INC = _alt(lex.get("include_prefixes") or [])
    MODS = {_low(k): v for k, v in (lex.get("position_modifiers") or {}).items()}
    MOD = _alt(MODS)
    pre = rf"(?:(?P<pre>{INC}){_SP})?" if lex.get("include_prefixes") else ""
    mod = rf"(?:(?P<mod>{MOD})(?:{_SP}|-))?"
    months = {_low(k): v for k, v in (lex.get("month_names") or {}).items()}
    weekdays = {_low(k): v for k, v in (lex.get("weekdays") or {}).items()}
    WD = _alt(weekdays)
    numw = number_word_pattern(lang)
    vq = [_low(v) for v in lex.get("vague_quantity") or []]
    fracs = {_low(k): v for k, v in (lex.get("fractions") or {}).items()}
    NUM = rf"(?:{_NUMD}|{_alt(fracs) if fracs else '(?!x)x'}|{_alt(vq) if vq else '(?!x)x'}|{numw}" + \
        (r"|an?" if not vi else "") + ")"
    tense = lex.get("tense") or {}
    vqset = set(vq)
    MW = _alt(lex.get("month_word") or ["tháng"])
    YW = _alt(lex.get("year_word") or ["năm"])
    QW = _alt(lex.get("quarter_word") or ["quý"])

    # ---- numeric full dates: 24/07/2021, 02/11/2022, 24-7-2021, ISO 2021-07-24 ---------------
    def h_full(m, ctx):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if not _valid_day(y, mo, d):
            return None
        s, e = m.span()
        return [_Cand(s, e, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", 5)]

    dayw = _alt(lex.get("day_words") or []) if vi else r"(?!x)x"
    wdpre = rf"(?:{WD}{_OSP},?{_OSP})?" if weekdays else ""
    if vi:
        add("full_dmy", rf"{_B}{wdpre}(?:(?:{dayw}){_SP})?(?<![\d/.])(?P<d>{_DAY})(?P<sep>[/.-])(?P<m>{_MON})(?P=sep)(?P<y>\d{{4}})(?![\d/])",
            h_full, starts=fw(weekdays, lex.get("day_words") or []) | DG)
    else:
        # en numeric dates are month-first (7/24/2021)
        add("full_mdy", rf"{_B}{wdpre}(?<![\d/.])(?P<m>{_MON})/(?P<d>{_DAY})/(?P<y>\d{{4}})(?![\d/])", h_full, starts=fw(weekdays) | DG)

    def h_iso(m, ctx):
        return h_full(m, ctx)

    add("iso", rf"(?<![\d\w-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])", h_iso, 5, starts=DG)

    # ---- clock times: 17:18 GMT+7, 17h18, lúc 9 giờ sáng, 5 p.m. -------------------------------
    tcfg = lex.get("time") or {}
    tzs = {_low(k): v for k, v in (tcfg.get("timezones") or {}).items()}
    dparts = {_low(k): v for k, v in (tcfg.get("day_parts") or {}).items()}

    def _tz(m) -> str:
        tz = _low(_g(m, "tz"))
        off = _g(m, "off")
        if off:
            sign = "-" if off.startswith("-") else "+"
            digits = off[1:].replace(":", "")
            hh, mm = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
            return f"{sign}{int(hh):02d}:{mm}"
        if tz:
            v = tzs.get(tz, "")
            return "Z" if v == "Z" else v
        return ""

    def h_clock(m, ctx):
        hh = int(m.group("h"))
        mi = 30 if _g(m, "hf") else int(_g(m, "mi") or 0)
        dp = dparts.get(_low(_g(m, "dp")))
        if dp == "PM" and hh < 12:
            hh += 12
        if dp == "AM" and hh == 12:
            hh = 0
        if hh > 23 or mi > 59:
            return None
        s, e = _span(m)
        return [_Cand(s, e, "TIME", "", 4, time_parts=(hh, mi, _tz(m)))]

    TZ = rf"(?:{_OSP}(?P<tz>GMT|UTC{('|' + _alt(tzs)) if tzs else ''})(?:{_OSP}(?P<off>[+-]\d{{1,2}}(?::?\d\d)?))?|{_OSP}\((?P<tzp>{_alt(tzs)})\))?"
    add("clock", rf"(?<![\d:.,/])(?P<t>(?P<h>[01]?\d|2[0-3])(?::|h)(?P<mi>[0-5]\d)(?![\d:])(?:{_OSP}(?P<dp>{_alt(dparts)}))?{TZ})(?!\w)"
        if dparts else rf"(?<![\d:.,/])(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:]){TZ})(?!\w)", h_clock, starts=DG)
    hw = tcfg.get("hour_words") or []
    if hw:
        mw = _alt(tcfg.get("minute_words") or ["phút"])
        at = _alt(tcfg.get("at_cues") or [])
        hf = rf"|{_SP}(?P<hf>{_alt(lex['half_after_unit'])})" if lex.get("half_after_unit") else ""  # "3 giờ rưỡi" = 3:30
        add("clock_vi_at", rf"{_B}(?:{at}){_SP}(?P<t>(?P<h>\d{{1,2}}){_OSP}(?:{_alt(hw)}|h)(?:{_OSP}(?P<mi>\d{{1,2}})(?:{_OSP}{mw})?{hf})?(?:{_SP}(?P<dp>{_alt(dparts)}))?){_E}",
            h_clock, starts=fw(tcfg.get("at_cues") or []))
        add("clock_vi_part", rf"(?<![\d,.])(?P<t>(?P<h>\d{{1,2}}){_OSP}(?:{_alt(hw)}|h)(?:{_OSP}(?P<mi>\d{{1,2}})(?:{_OSP}{mw})?{hf})?{_SP}(?P<dp>{_alt(dparts)})){_E}",
            h_clock, starts=DG)
        add("clock_vi_h_day", rf"(?<![\d,.:])(?P<t>(?P<h>[01]?\d|2[0-3])h)(?={_SP}(?:{dayw}|{_alt(dparts)}){_E})", h_clock,
            starts=DG)
        add("clock_vi_hm", rf"(?<![\d,.])(?P<t>(?P<h>\d{{1,2}}){_OSP}{_alt(hw)}{_OSP}(?P<mi>\d{{1,2}}){_OSP}{mw}){_E}", h_clock, starts=DG)
    else:
        add("clock_en", rf"(?<![\d:.,/])(?P<t>(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?{_OSP}(?P<dp>a\.m\.|p\.m\.|am|pm)(?=\W|$){TZ})",
            h_clock, starts=DG)

    # ---- Vietnamese day + month ---------------------------------------------------------------
    if vi:
        yrel = {_low(k): v for k, v in (lex.get("year_relative") or {}).items()}

        MNAME = _alt([k for k in months], boundary=False)

        def h_dm(m, ctx):
            tok = m.group("m")
            if not tok[0].isdigit() and not tok[0].isupper():
                return None  # "ngày 8 tháng năm" is no date; "ngày 8 tháng Tám" is 8 August
            d, mo = int(m.group("d")), _month_value(lex, tok)
            if mo is None:
                return None
            y = int(m.group("y")) if _g(m, "y") else None
            if not _valid_day(y, mo, d):
                return None
            s, e = _span(m)
            if _g(m, "yrel"):
                if ctx.anchor is None:
                    return [_Cand(s, e, "DATE", f"XXXX-{mo:02d}-{d:02d}", 3)]
                y = ctx.anchor.year + yrel[_low(m.group("yrel"))]
            if y is None:
                y = _pick_year(ctx, s, e, mo, d, m.group(0))
            val = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"XXXX-{mo:02d}-{d:02d}"
            return [_Cand(s, e, "DATE", val, 3)]

        cues = _alt(lex.get("date_cues") or [])
        # hôm 2/11, ngày 30/10, Thứ bảy (24/7) / sáng 2/11 (cue outside the span)
        add("dm", rf"{_B}(?P<t>{pre}{wdpre}(?:{dayw}){_SP}(?<![\d/.])(?P<d>{_DAY})[/.-](?P<m>{_MON})(?:/(?P<y>\d{{4}})|{_SP}(?P<yrel>{_alt(yrel)}))?)(?![\d]|[/.-]\d)",
            h_dm, starts=fw(PRE, weekdays, lex.get("day_words") or []))
        add("dm_cue", rf"{_B}(?:{cues}|{WD}){_OSP},?{_OSP}\(?(?P<t>(?<![\d/.])(?P<d>{_DAY})[/.](?P<m>{_MON}))(?![\d]|/\d|[.,]\d)",
            h_dm, starts=fw(lex.get("date_cues") or [], weekdays))
        # ngày 2 tháng 11 (năm 2022)
        add("d_thang_m", rf"{_B}(?P<t>{pre}(?:(?:{dayw}){_SP})(?P<d>{_DAY}){_SP}{MW}{_SP}(?P<m>{_MON}(?!\w)|{MNAME})(?:(?:{_SP}{YW}{_SP}|{_OSP}/{_OSP})(?P<y>{_YEAR}))?)(?!\d)",
            h_dm, starts=fw(PRE, lex.get("day_words") or []))
        add("d_thang_m_y", rf"(?<![\d/.])(?P<t>(?P<d>{_DAY}){_SP}{MW}{_SP}(?P<m>{_MON}|{MNAME}){_SP}{YW}{_SP}(?P<y>{_YEAR}))(?!\d)", h_dm,
            starts=DG)

        # ranges "ngày 26-28/10", "ngày 26/10 đến 28/10", "ngày 28 và 29/7": two dates
        def h_drange(m, ctx):
            d1, d2 = int(m.group("d1")), int(m.group("d2"))
            m2 = int(m.group("m2"))
            m1 = int(m.group("m1")) if _g(m, "m1") else m2
            y2 = int(m.group("y2")) if _g(m, "y2") else None
            y1 = int(m.group("y1")) if _g(m, "y1") else y2
            if not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)) or (m1, d1) >= (m2, d2) and y1 == y2:
                return None
            if y2 is None:
                y2 = _pick_year(ctx, m.start(), m.end(), m2, d2, m.group(0))
                y1 = y2
            out = []
            for grp, y, mo, d in (("a", y1, m1, d1), ("b", y2, m2, d2)):
                val = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"XXXX-{mo:02d}-{d:02d}"
                out.append(_Cand(m.start(grp), m.end(grp), "DATE", val, 3))
            return out

        rsep = _alt(lex.get("range_separators") or ["-", "–", "đến", "tới", "và"])
        add("dm_range", rf"{_B}(?P<a>(?:{dayw}){_SP}(?P<d1>{_DAY})(?:[/.](?P<m1>{_MON})(?:/(?P<y1>\d{{4}}))?)?)(?![\d/]|\.\d)"
            rf"{_OSP}{rsep}{_OSP}(?P<b>(?:(?:{dayw}){_SP})?(?P<d2>{_DAY})[/.](?P<m2>{_MON})(?:[/.](?P<y2>\d{{4}}))?)(?![\d]|[/.]\d)",
            h_drange, 1, starts=fw(lex.get("day_words") or []))

        # ---- months: tháng 10/2023, tháng 11 năm 2023, hồi tháng 3, đầu tháng 6/2021, tháng 3 tới
        yrel = {_low(k): v for k, v in (lex.get("year_relative") or {}).items()}

        def h_month(m, ctx):
            tok = m.group("m")
            if not tok[0].isdigit() and not tok[0].isupper():
                return None  # "tháng năm" (months and years) is not May
            mo = _month_value(lex, tok)
            if mo is None:
                return None
            y = None
            if _g(m, "y"):
                y = int(m.group("y"))
            elif _g(m, "yrel"):
                if ctx.anchor is None:
                    y = None
                else:
                    y = ctx.anchor.year + yrel[_low(m.group("yrel"))]
            else:
                y = _pick_year(ctx, m.start(), m.end(), mo, None, m.group(0))
            s, e = _span(m)
            return [_Cand(s, e, "DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}", 2)]

        add("month", rf"(?<!\d{_SP[:-1]}){_B}(?P<t>{pre}{mod}{MW}{_SP}(?P<m>1[0-2]|0?[1-9]|{MNAME})"
            rf"(?:{_OSP}/{_OSP}(?P<y>{_YEAR})|[.-](?P<y3>{_YEAR})|{_SP}{YW}{_SP}(?P<y2>{_YEAR})|{_SP}(?P<yrel>{_alt(yrel)}))?)(?![\d\w]|/\d)",
            lambda m, ctx: h_month(_YFix(m), ctx), starts=fw(PRE, MODS, lex.get("month_word") or ["tháng"]))

        # ---- years: năm 2030, hồi năm 2020, năm 2021-2023, đến 2030 -------------------------
        def h_year(m, ctx):
            y = int(m.group("y"))
            out = [_Cand(*_span(m), "DATE", f"{y:04d}", 2)]
            if _g(m, "y2"):
                y2 = int(m.group("y2"))
                if y2 > y:
                    out.append(_Cand(m.start("y2"), m.end("y2"), "DATE", f"{y2:04d}", 2))
                else:
                    return None
            return out

        add("year", rf"{_B}(?P<t>{pre}{mod}{YW}{_SP}(?P<y>{_YEAR}))(?:{_OSP}[-–]{_OSP}(?P<y2>{_YEAR}))?(?![\d%]|[.,]\d|/\d)", h_year,
            starts=fw(PRE, MODS, lex.get("year_word") or ["năm"]))
        ycues = _alt(lex.get("year_cues") or [])
        yfol = _alt(lex.get("year_followers") or [])
        add("year_bare", rf"{_B}(?:{ycues}){_SP}(?P<t>(?P<y>(?:19|20)\d\d))(?:{_OSP}[-–]{_OSP}(?P<y2>(?:19|20)\d\d))?(?=\s*(?:[,.;:!?)]|$)|{_SP}{yfol}{_E})", h_year,
            starts=fw(lex.get("year_cues") or []))

        # a year or a span of years alone in brackets: "Chiến tranh Triều Tiên (1950 - 1953)", "Hiệp ước INF (1987)"
        add("year_paren", rf"(?<=\()(?P<t>(?P<y>(?:19|20)\d\d))(?:{_OSP}[-–]{_OSP}(?P<y2>(?:19|20)\d\d))?(?=\))", h_year,
            starts=DG)

        # ---- decades and centuries -------------------------------------------------------------
        def h_decade(m, ctx):
            tok = m.group("y")
            y = int(tok)
            if len(tok) == 2:
                y += 1900
            if y % 10:
                return None
            return [_Cand(*_span(m), "DATE", f"{y // 10:03d}", 2)]

        add("decade", rf"{_B}(?P<t>{mod}(?:{_alt(lex.get('decade_words') or [])}){_SP}(?P<y>(?:19|20)\d0|\d0))(?![\d%])", h_decade, starts=fw(MODS, lex.get("decade_words") or []))
        # English plural decades: "the 2030s", "the 1990s", "the '90s"
        add("decade_s", rf"{_B}(?P<t>(?:the{_SP})?(?P<y>(?:19|20)\d0)s)(?![\w])", h_decade, starts={"the"} | DG)

        def h_century(m, ctx):
            c = _int_or_roman(m.group("c"))
            if not c or c > 22:
                return None
            return [_Cand(*_span(m), "DATE", f"{c - 1:02d}", 2)]

        add("century", rf"{_B}(?P<t>{mod}(?:{_alt(lex.get('century_words') or [])}){_SP}(?P<c>\d{{1,2}}|[XVI]{{1,5}}))(?![\w])", h_century, starts=fw(MODS, lex.get("century_words") or []))

        def h_quarter(m, ctx):
            q = _int_or_roman(m.group("q"))
            if not q or q > 4:
                return None
            y = _g(m, "y") or _g(m, "y2")
            y = int(y) if y else (ctx.anchor.year if ctx.anchor else None)
            return [_Cand(*_span(m), "DATE", f"{y:04d}-Q{q}" if y else f"XXXX-Q{q}", 2)]

        add("quarter", rf"{_B}(?P<t>{mod}{QW}{_SP}(?P<q>[1-4]|I{{1,3}}|IV)(?:{_OSP}/{_OSP}(?P<y>{_YEAR})|{_SP}{YW}{_SP}(?P<y2>{_YEAR}))?)(?![\w/])",
            h_quarter, starts=fw(MODS, lex.get("quarter_word") or ["quý"]))

    # ---- English month / day / year -----------------------------------------------------------
    if not vi:
        MN = _alt(months)
        amb = {_low(x) for x in lex.get("ambiguous_months") or []}
        mcues = _alt(lex.get("month_cues") or [])

        full_names = {k for k in months if not any(o != k and o.startswith(k) for o in months)}
        en_yrel = {_low(k): v for k, v in (lex.get("year_relative") or {}).items()}
        EYREL = rf"|,?{_SP}(?P<yrel>{_alt(en_yrel)})" if en_yrel else ""

        def h_en_date(m, ctx):
            tok = m.group("mon")
            if not tok[0].isupper():
                return None
            mo = _month_value(lex, tok)
            d = int(m.group("d")) if _g(m, "d") else None
            y = int(m.group("y")) if _g(m, "y") else None
            if d is None and y is None and _low(tok).rstrip(".") in amb and not _g(m, "cue") and not _g(m, "mod"):
                return None
            if d is not None and not _valid_day(y, mo, d):
                return None
            s, e = _span(m)
            if ctx.text[e - 1] == "." and _low(tok).rstrip(".") in full_names and not _g(m, "d") and not _g(m, "y"):
                e -= 1  # "in January." : the sentence's full stop
            strict = (ctx.lex.get("tense") or {}).get("strict_months") or {}
            sdir = strict.get(_low(_g(m, "cue") or "")) if d is None and y is None and not _g(m, "yrel") else None
            if sdir and ctx.anchor is not None:  # "last November": the latest November before this month
                a = ctx.anchor
                y = a.year - (1 if mo >= a.month else 0) if sdir < 0 else a.year + (1 if mo <= a.month else 0)
                s = m.start("cue")
            elif y is None and _g(m, "yrel"):  # "in February last year": the month of the year told
                y = ctx.anchor.year + en_yrel[_low(m.group("yrel"))] if ctx.anchor else None
            elif y is None:
                y = _pick_year(ctx, s, e, mo, d, m.group(0))
                if d is not None and _g(m, "wday"):  # "Saturday 19 April": the year whose 19 April is a Saturday
                    y = _weekday_year(y, mo, d, weekdays[_low(m.group("wday"))])
            ys = f"{y:04d}" if y else "XXXX"
            val = f"{ys}-{mo:02d}-{d:02d}" if d else f"{ys}-{mo:02d}"
            return [_Cand(s, e, "DATE", val, 3)]

        ord_ = r"(?:st|nd|rd|th)?"
        wd = rf"(?:(?P<wday>{WD}),?{_SP})?"
        add("en_mdy", rf"{_B}(?:(?P<cue>{mcues}){_SP})?(?P<t>{wd}{mod}(?P<mon>{MN})\.?{_SP}(?P<d>{_DAY}){ord_}(?!\d)(?:,?{_SP}(?P<y>{_YEAR}))?)(?![\d\w])",
            h_en_date, starts=fw(lex.get("month_cues") or [], weekdays, MODS, months))
        add("en_dmy", rf"{_B}(?P<t>{wd}(?P<d>{_DAY}){ord_}{_SP}(?:of{_SP})?(?P<mon>{MN})\.?(?:,?{_SP}(?P<y>{_YEAR}))?)(?![\d\w])",
            h_en_date, starts=fw(weekdays) | DG)
        add("en_my", rf"{_B}(?:(?P<cue>{mcues}){_SP})?(?P<t>{mod}(?P<mon>{MN})\.?(?:,?{_SP}(?:of{_SP})?(?P<y>{_YEAR}){EYREL})?)(?![\d\w])",
            h_en_date, starts=fw(lex.get("month_cues") or [], MODS, months))

        ycues = _alt(lex.get("year_cues") or [])
        year_units = {w.lower() for w in lex.get("year_unit_blockers") or []}

        def h_en_year(m, ctx):
            nxt = ctx.text[m.end():m.end() + 25]
            w = re.match(r"[\s-]+([A-Za-z]+)", nxt)
            if w and w.group(1).lower() in year_units:
                return None  # "the 1800 km range": a quantity
            w = re.match(r"\s+([A-Za-z]+)", nxt)
            if w and w.group(1)[0].islower() and w.group(1).endswith("s") and w.group(1) not in (
                    "was", "is", "has", "as", "this", "its", "his", "thus", "plus", "versus", "across"):
                return None  # "2000 warheads": a quantity
            y = int(m.group("y"))
            return [_Cand(*_span(m), "DATE", f"{y:04d}", 2)]

        add("en_year", rf"{_B}(?:(?P<cue>{ycues})(?:{_SP}|-))(?P<t>{mod}(?P<y>(?:1[89]|20)\d\d))(?![\d%]|[.,]\d|-\d\d-)", h_en_year, starts=fw(lex.get("year_cues") or []))
        add("en_year_range", rf"(?<=[-–])(?P<t>(?P<y>(?:19|20)\d\d))(?![\d%])", h_en_year, starts=DG)
        add("en_year_lead", rf"(?<![\d,.$])(?P<t>(?P<y>(?:19|20)\d\d))(?=[-–](?:19|20)\d\d)", h_en_year, starts=DG)

        def h_en_decade(m, ctx):
            tok = m.group("y")
            y = int(tok) + (1900 if len(tok) == 2 else 0)
            return [_Cand(*_span(m), "DATE", f"{y // 10:03d}", 2)]

        add("en_decade", rf"{_B}(?P<t>(?:the{_SP})?{mod}(?:(?P<y>(?:19|20)\d0)|'(?P<y2>\d0))s)(?!\w)",
            lambda m, ctx: h_en_decade(_YFix(m), ctx), starts=fw(["the"], MODS) | DG)

        ordinals = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22}

        def h_en_century(m, ctx):
            tok = _low(m.group("c"))
            c = int(re.match(r"\d+", tok).group()) if tok[0].isdigit() else ordinals.get(tok)
            if not c or c > 22:
                return None
            return [_Cand(*_span(m), "DATE", f"{c - 1:02d}", 2)]

        add("en_century", rf"{_B}(?P<t>(?:the{_SP})?{mod}(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{_alt(ordinals)})[-\s]+century)(?!\w)", h_en_century, starts=fw(["the"], MODS, ordinals) | DG)

        def h_en_quarter(m, ctx):
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(_low(_g(m, "qw"))) or int(_g(m, "q") or 0)
            y = int(m.group("y"))
            return [_Cand(*_span(m), "DATE", f"{y:04d}-Q{q}", 2)] if 1 <= q <= 4 else None

        add("en_quarter", rf"{_B}(?P<t>(?:the{_SP})?(?:(?P<qw>first|second|third|fourth){_SP}quarter{_SP}of|Q(?P<q>[1-4])){_SP}(?P<y>{_YEAR}))(?!\d)",
            h_en_quarter, starts=fw(["the", "first", "second", "third", "fourth", "q1", "q2", "q3", "q4"]))

        setw = {_low(k): v for k, v in (lex.get("set_words") or {}).items()}
        if setw:
            add("en_setw", rf"{_B}(?P<t>{_alt(setw)}){_E}",
                lambda m, ctx: [_Cand(*_span(m), "SET", setw[_low(m.group('t'))], 1)], starts=fw(setw))

    # ---- relative phrases: tháng trước, năm ngoái, cuối tuần trước, last month ----------------
    rel = {}
    for entry in lex.get("relative") or []:
        for t in entry["text"]:
            rel[_low(t)] = entry
    block = r"(?!" + _SP + r"(?:khi|đó|khi mà)" + _E + ")" if vi else r"(?!" + _SP + r"(?:when)" + _E + ")"

    def h_rel(m, ctx):
        key = _low(m.group("rel"))
        entry = rel[key]
        s, e = _span(m)
        if not _g(m, "mod") and not _g(m, "pre"):
            pw = re.search(r"(\S+)[^\S\n]+$", ctx.text[max(0, s - 15):s])
            if pw and (_low(pw.group(1)) in vqset or parse_number_ex(pw.group(1), lang) is not None):
                return None  # "hai tuần trước cuộc gặp": N weeks before, not last week
        md = _low(_g(m, "mod"))
        if md and f"{md} {key}" in rel:  # "cuối tuần trước" is a phrase of its own (the weekend)
            entry = rel[f"{md} {key}"]
        val = _relative(ctx.anchor, entry["unit"], int(entry.get("offset", 0)), entry.get("part"))
        typ = "TIME" if entry.get("part") else "DATE"
        return [_Cand(s, e, typ, val, 3)]

    if rel:
        add("relative", rf"{_B}(?P<t>{pre}{mod}(?P<rel>{_alt(rel)})){_E}{block}", h_rel, starts=fw(PRE, MODS, rel))

    # ---- feasts: lễ Phục sinh, Giáng sinh năm ngoái, Christmas 2023 ------------------------------
    hol = lex.get("holidays") or {}
    feasts = {_low(k): tuple(map(int, v.split("-"))) for k, v in (hol.get("fixed") or {}).items()}
    feasts.update({_low(k): None for k in hol.get("easter") or []})
    hyrel = {_low(k): v for k, v in (lex.get("year_relative") or {}).items()}
    HYREL = rf"|(?P<yrel>{_alt(hyrel)})" if hyrel else ""

    def h_feast(m, ctx):
        if not m.group("h")[0].isupper():
            return None  # "sự phục sinh" (a revival)
        fixed = feasts[_low(m.group("h"))]  # (month, day), or None for Easter
        s, e = _span(m)
        if _g(m, "y"):
            y = int(m.group("y"))
        elif _g(m, "yrel") and ctx.anchor:
            y = ctx.anchor.year + int(hyrel[_low(m.group("yrel"))])
        else:
            y = _pick_year(ctx, s, e, *(fixed or _easter(ctx.anchor.year if ctx.anchor else 2001)), m.group(0))
        if y is None:
            return [_Cand(s, e, "DATE", "XXXX-{:02d}-{:02d}".format(*fixed), 3)] if fixed else None
        mo, d = fixed or _easter(y)
        return [_Cand(s, e, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", 3)]

    if feasts:
        hpre = rf"(?:(?:{_alt(hol['prefixes'])}){_SP})?" if hol.get("prefixes") else ""
        hyear = rf"(?:,?{_SP}(?:(?:{YW}){_SP})?(?P<y>{_YEAR}){HYREL.replace('|', f'|{_SP}', 1) if HYREL else ''})?"
        add("feast", rf"{_B}(?P<t>{hpre}(?P<h>{_alt(feasts)}){hyear}){_E}", h_feast,
            starts=fw(hol.get("prefixes") or [], feasts))

    # ---- vague references ----------------------------------------------------------------------
    vague = {}
    for val, words in (lex.get("vague") or {}).items():
        for w in words:
            vague[_low(w)] = val
    hien = lex.get("hien")
    hien_word = _low(hien["word"]) if hien else None
    hien_before = {_low(x) for x in hien["compound_before"]} if hien else set()
    hien_after = {_low(x) for x in hien["compound_after"]} if hien else set()
    hien_followers = [re.compile(rf"{re.escape(_low(f))}{_E}") for f in hien["followers"]] if hien else []

    existing_re = re.compile(rf"\W*?có(?:\W*$|[^\S\n]*[^\w\s]|{_SP}(?:{_alt((hien or {}).get('existing_followers') or ['(?!x)x'])}){_E})")

    def h_vague(m, ctx):
        w = _low(m.group("v"))
        s, e = _span(m)
        if w == hien_word:
            before = ctx.text[max(0, s - 20):s]
            after = ctx.text[e:e + 30]
            pw = re.search(r"(\w+)\W*$", before)
            nw = re.match(r"\W*?(\w+)", after)
            pword = _low(pw.group(1)) if pw and not re.search(r"[.,;:!?\n]", before[pw.end():]) else None
            nword = _low(nw.group(1)) if nw else None
            if pword in hien_before:
                return None
            if nword in hien_after:
                return None
            after_l = _low(after)
            if nword == "có" and existing_re.match(after_l):
                return None  # "vũ khí hiện có, ...": the adjective "existing"
            ok = any(rx.match(after_l) for rx in hien_followers)
            sent_start = not before.strip() or before.rstrip()[-1:] in ".!?:\n“\"" or s == 0
            if not ok and m.group("v")[0].isupper() and sent_start and (after[:1] == "," or
                                                                       (after[:1] == " " and after[1:2].isupper())):
                ok = True
            if not ok:
                return None
        return [_Cand(s, e, "DATE", vague[w], 1)]

    if vague:
        add("vague", rf"{_B}(?P<t>(?P<v>{_alt(vague)})){_E}", h_vague, starts=fw(vague))

    # ---- durations: 5 năm, 2 thập niên, hàng chục năm, cách đây 60 năm, 3 phút trước ---------
    dpre = _alt(lex.get("duration_prefixes") or [])
    qmod = _alt(lex.get("quantity_modifiers") or [])
    agopre = _alt(lex.get("ago_prefixes") or [])
    agosfx = _alt(lex.get("ago_suffixes") or [])
    agoblk = _alt(lex.get("ago_blockers") or [])
    agoend = _alt(lex.get("ago_suffixes_at_end") or []) if lex.get("ago_suffixes_at_end") else r"(?!x)x"
    aftsfx = _alt(lex.get("after_suffixes") or []) if lex.get("after_suffixes") else r"(?!x)x"
    latersfx = _alt(lex.get("later_suffixes") or [])
    futsfx = _alt(lex.get("future_suffixes") or [])
    pastsfx = _alt(lex.get("past_suffixes") or [])
    promote = {_low(k): v for k, v in (lex.get("promote") or {}).items()}
    unit_blk = {_low(k): {_low(x) for x in v} for k, v in (lex.get("unit_blockers") or {}).items()}

    exact_re = re.compile(rf"(?<!\w)(?:{_alt(lex.get('exact_ago_words') or [])})\s+$", re.IGNORECASE) \
        if lex.get("exact_ago_words") else None

    def h_dur(m, ctx):
        num = _low(m.group("num"))
        unit_word = _low(m.group("unit"))
        unit = units.get(unit_word)
        if unit is None:
            return None
        # the span is the core "N unit" (plus "cách đây"/"trước"/"nữa", which carry the meaning):
        # prepositions and qualifiers ("trong", "kéo dài", "khoảng", "chưa đầy") and suffixes like
        # "tới"/"qua" stay out, so that any annotator's span around the core contains it
        s = m.start("ago_pre") if _g(m, "ago_pre") else m.start("num")
        e = m.end("half_u") if _g(m, "half_u") else m.end("unit")
        for g in ("ago", "ago2", "later"):
            if _g(m, g):
                e = m.end(g)
        blk = unit_blk.get(unit_word)
        if blk:
            nw = re.match(r"[^\S\n]+(\w+)", ctx.text[m.end("unit"):m.end("unit") + 20])
            if nw and _low(nw.group(1)) in blk:
                return None
        if num and num[0].isdigit():
            if not _digit_token_ok(ctx.text, m.start("num"), m.end("num")):
                return None
            before = ctx.text[max(0, m.start("num") - 12):m.start("num")]
            if vi and re.search(r"(?:thứ|số|kênh|lần)\s*$", before, re.IGNORECASE):
                return None
        # "tám" counts ("sau tám ngày đàm phán") unless a date word puts it in a date ("mùng tám tháng ba")
        eight = num == "tám" and not re.search(r"(?<!\w)(?:tháng|mùng|mồng|ngày)[^\S\n]+$",
                                               ctx.text[max(0, m.start("num") - 8):m.start("num")].lower())
        if vi and not eight and num in ("năm", "tư", "không", "tám") and unit_word != "năm" and not (
                num == "năm" and unit_word in ("ngày", "tuần") and re.match(r"[^\S\n]+(?:sau|trước)(?!\w)",
                                                                          ctx.text[m.end("unit"):m.end("unit") + 8])):
            return None  # "năm tháng" (time), "không ngày nào"; "năm ngày sau khi ..." is five days
        n: float | None
        if num in vqset:
            n = None
            unit = (promote.get(num) or {}).get(unit, unit)
        elif num in fracs:
            n = float(fracs[num])
        elif num in ("a", "an"):
            n = 1.0
        else:
            r = parse_number_ex(num, lang)
            if r is None:
                return None
            n, approx, pct = r
            if pct or n <= 0:
                return None
            if approx:
                n = None
        if n is not None and (_g(m, "half_n") or _g(m, "half_u")):
            n += 0.5
        prev = ctx.text[max(0, m.start("num") - 10):m.start("num")]
        if re.search(r"\bthứ\s*$", prev, re.IGNORECASE):
            return None
        if _g(m, "ago_pre") or _g(m, "ago") or _g(m, "ago2"):
            typ, val = _ago(ctx.anchor, n, unit, -1)
            if exact_re and unit in ("Y", "M") and typ == "DATE" and n and exact_re.search(prev):
                d = _add_months(ctx.anchor.date(), -int(n) * (12 if unit == "Y" else 1))
                val = d.isoformat()  # "Đúng một năm trước": the page's day, a year back
            return [_Cand(s, e, typ, val, 2)]
        if _g(m, "later"):
            typ, val = _ago(ctx.anchor, n, unit, +1)
            return [_Cand(s, e, typ, val, 2)]
        return [_Cand(s, e, "DURATION", _duration(n, unit), 1)]

    the = rf"(?:the{_SP}(?:past|last|next|coming|previous|first|following){_SP})?" if not vi else ""
    # "two and a half hours", "hai tiếng rưỡi": a half more of the unit
    HALF_N = rf"(?:{_SP}(?P<half_n>{_alt(lex['half_after_number'])}))?" if lex.get("half_after_number") else ""
    HALF_U = rf"(?:{_SP}(?P<half_u>{_alt(lex['half_after_unit'])}){_E})?" if lex.get("half_after_unit") else ""
    add("duration",
        rf"{_B}(?P<t>(?:(?P<pre>{dpre}){_SP})?(?:(?P<ago_pre>{agopre}){_SP})?{the}(?:(?:{qmod}){_SP})?(?P<num>{NUM}){HALF_N}{_SP}(?P<unit>{UNIT}){HALF_U}"
        rf"(?:{_SP}(?P<ago>{agosfx}){_E}|{_SP}(?P<ago2>{agoend}){_E}(?={_OSP}(?:[,.;:!?)”\"]|$))|{_SP}(?P<later>{latersfx})"
        rf"|{_SP}(?P<sfx>{futsfx}|{pastsfx}|{aftsfx}){_E}(?!{_SP}{agoblk}{_E}))?){_E}",
        h_dur, starts=fw(lex.get("duration_prefixes") or [], lex.get("ago_prefixes") or [], vq, fracs,
                         lex.get("quantity_modifiers") or [],
                         number_words(lang), ["the", "a", "an"] if not vi else []) | DG)
    if not vi:
        add("duration_hyph", rf"{_B}(?P<t>(?P<num>\d+|{numw})-(?P<unit>year|month|week|day|decade|century|hour|minute)(?:s)?)(?:-long|-old)?{_E}",
            h_dur, starts=fw(number_words(lang)) | DG)

        def h_en_vague_dur(m, ctx):
            unit = units.get(_low(m.group("unit")))
            return [_Cand(*_span(m), "DURATION", _duration(None, unit), 1)] if unit else None

        add("duration_the", rf"{_B}(?P<t>(?:(?:for|over|in|within|during){_SP})?the{_SP}(?:past|last|next|coming|previous){_SP}(?P<unit>decade|year|month|week|century)){_E}",
            lambda m, ctx: [_Cand(*_span(m), "DURATION", _duration(1, units[_low(m.group('unit'))]), 1)], starts=fw(["for", "over", "in", "within", "during", "the"]))
        add("duration_plural", rf"{_B}(?P<t>(?:for|over|within|after|in){_SP}(?:(?:many|several){_SP})?(?P<unit>days|weeks|months|years|decades|centuries)){_E}(?!{_SP}(?:ago|of{_SP}age))",
            h_en_vague_dur, starts=fw(["for", "over", "within", "after", "in"]))

    # plural relatives: trong những ngày tới (FUTURE_REF), trong những tháng gần đây (PAST_REF)
    if vi:
        plur = _alt(lex.get("plural_markers") or [])

        def h_plural(m, ctx):
            sfx = _low(m.group("sfx"))
            futs = {_low(x) for x in lex.get("future_suffixes") or []}
            return [_Cand(*_span(m), "DATE", "FUTURE_REF" if sfx in futs else "PAST_REF", 2)]

        add("plural_rel", rf"{_B}(?P<t>(?:(?P<pre>{dpre}){_SP})?(?:{plur}){_SP}(?P<unit>{UNIT}){_SP}(?P<sfx>{futsfx}|{pastsfx})){_E}", h_plural, starts=fw(lex.get("duration_prefixes") or [], lex.get("plural_markers") or []))

        # singular decades/centuries: trong thập kỷ qua = P1DE
        def h_sing(m, ctx):
            unit = units.get(_low(m.group("unit")))
            return [_Cand(*_span(m), "DURATION", _duration(1, unit), 1)]

        add("decade_rel", rf"{_B}(?P<t>(?:(?:{dpre}){_SP})?(?P<unit>thập{_SP}(?:niên|kỷ|kỉ)|thế{_SP}(?:kỷ|kỉ)){_SP}(?:{futsfx}|{pastsfx})){_E}", h_sing, starts=fw(lex.get("duration_prefixes") or [], ["thập", "thế"]))

        # sets: hàng năm, mỗi tuần
        sets = {_low(k): v for k, v in (lex.get("sets") or {}).items()}
        sblk = _alt(lex.get("set_blockers") or [])

        def h_set(m, ctx):
            return [_Cand(*_span(m), "SET", sets[_low(m.group("u"))], 3)]

        add("set", rf"{_B}(?P<t>(?:{_alt(lex.get('set_prefixes') or [])}){_SP}(?P<u>{_alt(sets)})){_E}(?!{_SP}{sblk}{_E})", h_set, starts=fw(lex.get("set_prefixes") or []))

        # hàng tháng trời = PXM
        add("vague_dur_troi", rf"{_B}(?P<t>(?P<num>hàng|nhiều|mấy){_SP}(?P<unit>{UNIT}){_SP}trời){_E}", h_dur, starts=fw(["hàng", "nhiều", "mấy"]))
    else:
        sets = {_low(k): v for k, v in (lex.get("sets") or {}).items()}
        add("set", rf"{_B}(?P<t>(?:{_alt(lex.get('set_prefixes') or [])}){_SP}(?P<u>{_alt(sets)})){_E}",
            lambda m, ctx: [_Cand(*_span(m), "SET", sets[_low(m.group('u'))], 3)], starts=fw(lex.get("set_prefixes") or []))

    # ---- weekdays ------------------------------------------------------------------------------
    if weekdays:
        wcues = _alt(lex.get("weekday_cues") or [])
        wweek = {_low(k): v for k, v in (lex.get("weekday_week") or {}).items()}
        wparts = {_low(k): v for k, v in (lex.get("weekday_parts") or {}).items()}  # "Wednesday morning"
        strong_cues = {"hôm", "sáng", "chiều", "tối", "đêm", "trưa"}

        deadline = re.compile(rf"(?<!\w)(?:{_alt(lex['weekday_deadline'])}){_SP}$", _FLAGS) \
            if lex.get("weekday_deadline") else None

        def h_wd(m, ctx):
            name = m.group("wd")
            key = _low(name)
            dow = weekdays[key]
            cue = _low(_g(m, "cue"))
            wk = _low(_g(m, "wk"))
            if vi:
                if not (wk or cue):
                    return None
                second = name.split()[-1]
                if key != "chủ nhật" and not second[0].isupper() and cue not in strong_cues and not wk:
                    return None
            else:
                if not name[0].isupper():
                    return None
            s, e = _span(m)
            if _g(m, "d"):
                d_, mo_ = int(m.group("d")), int(m.group("m"))
                y_ = int(m.group("y")) if _g(m, "y") else None
                if not _valid_day(y_, mo_, d_):
                    return None
                if y_ is None:
                    y_ = _weekday_year(_pick_year(ctx, s, e, mo_, d_, m.group(0)), mo_, d_, dow)
                return [_Cand(s, e, "DATE", f"{y_:04d}-{mo_:02d}-{d_:02d}" if y_ else f"XXXX-{mo_:02d}-{d_:02d}", 3)]
            a = ctx.anchor
            if a is None:
                return [_Cand(s, e, "DATE", f"XXXX-WXX-{dow}", 2)]
            ad = a.date()
            if wk:
                off = wweek.get(wk, 0)
                base = ad + timedelta(weeks=off)
                d = base - timedelta(days=base.isoweekday() - dow)
                return [_Cand(s, e, "DATE", d.isoformat(), 2)]
            rel_ = _low(_g(m, "rel"))
            before, after = _clause(ctx, s, e)
            fut = rel_ in ("next", "this") or _future_cue(before, tense) or (
                deadline is not None and deadline.search(before) is not None)
            if rel_ == "last":
                fut = False
            if fut:
                # a plan for the page's own weekday is that day ("dự kiến họp vào thứ Sáu" on a Friday); a week
                # later is written "next Friday" / "thứ Sáu tuần tới"
                k = (dow - ad.isoweekday()) % 7 or (7 if rel_ == "next" else 0)
                d = ad + timedelta(days=k)
            else:
                k = (ad.isoweekday() - dow) % 7
                d = ad - timedelta(days=k)
                if rel_ == "last" and k == 0:
                    d -= timedelta(days=7)
            pod = wparts.get(_low(_g(m, "pod"))) if _g(m, "pod") else None
            return [_Cand(s, e, "DATE", d.isoformat() + (f"T{pod[1:]}" if pod else ""), 2)]

        if vi:
            # "hôm thứ Năm (14/3)", "thứ Hai, 2/11": the weekday and its date are one expression
            wdate = rf"(?:{_OSP},?{_OSP}(?:\(|(?:{dayw}){_SP})?(?P<d>{_DAY})/(?P<m>{_MON})(?:/(?P<y>\d{{4}}))?(?![\d/])\)?)?"
            add("weekday", rf"{_B}(?:(?P<cue>{wcues}){_SP})?(?P<t>(?P<wd>{WD})(?:{_SP}(?P<wk>{_alt(wweek)}))?{wdate})(?!\w)", h_wd, starts=fw(lex.get("weekday_cues") or [], weekdays, ["last", "next", "this", "on"] if not vi else []))
        else:
            WP = rf"(?:{_SP}(?P<pod>{_alt(wparts)}))?" if wparts else ""
            add("weekday", rf"{_B}(?P<t>(?:(?P<rel>last|next|this|on){_SP})?(?P<wd>{WD}){WP}){_E}", h_wd, starts=fw(lex.get("weekday_cues") or [], weekdays, ["last", "next", "this", "on"] if not vi else []))

    # ---- seasons: mùa hè năm 2023, mùa thu tới, spring 2024, last winter -----------------------------
    seasons = {_low(k): v for k, v in (lex.get("seasons") or {}).items()}
    if seasons:
        srel = {_low(k): v for k, v in (lex.get("season_relative") or {}).items()}

        def h_season(m, ctx):
            code = seasons[_low(m.group("se"))]
            nxt = ctx.text[m.end():m.end() + 3]
            if nxt[:1] == " " and nxt[1:2].isupper() and not _g(m, "y"):
                return None  # "Mùa xuân Ả Rập", "Spring Offensive"
            y = _g(m, "y")
            if y:
                y = int(y)
            elif ctx.anchor is not None:
                off = srel.get(_low(_g(m, "rel")), 0) if vi else {"last": -1, "next": 1}.get(_low(_g(m, "rel")), 0)
                y = ctx.anchor.year + off
            return [_Cand(*_span(m), "DATE", f"{y:04d}-{code}" if y else f"XXXX-{code}", 2)]

        if vi:
            add("season", rf"{_B}(?P<t>{pre}{mod}(?:{_alt(lex.get('season_word') or ['mùa'])}){_SP}(?P<se>{_alt(seasons)})"
                rf"(?:{_SP}{YW}{_SP}(?P<y>{_YEAR})|{_SP}(?P<rel>{_alt(srel)}))?){_E}(?!{_OSP}/\d)", h_season,
                starts=fw(PRE, MODS, lex.get("season_word") or ["mùa"]))
        else:
            add("season", rf"{_B}(?P<t>(?:(?P<rel>last|next|this){_SP})?{mod}(?P<se>{_alt(seasons)})(?:{_SP}(?:of{_SP})?(?P<y>{_YEAR}))?){_E}",
                lambda m, ctx: h_season(m, ctx) if (_g(m, "rel") or _g(m, "y") or _g(m, "mod")) else None,
                starts=fw(["last", "next", "this"], MODS, seasons))

    # ---- parts of day ----------------------------------------------------------------------------
    parts = {_low(k): v for k, v in (lex.get("parts_of_day") or {}).items()}
    if parts:
        add("part_of_day", rf"{_B}(?P<t>{_alt(parts)}){_E}",
            lambda m, ctx: [_Cand(*_span(m), "TIME", parts[_low(m.group('t'))], 1)], starts=fw(parts))

    return rules


@lru_cache(maxsize=None)
def _index(lang: str):
    """first token -> rules that can start there; rules that can start at a digit; the trigger
    regexes finding those tokens (for lower-cased text, and case-insensitive)."""
    index: dict[str, list] = {}
    digit = []
    for rule in _grammar(lang):
        if not rule.starts:
            raise ValueError(f"timex rule {rule.name} has no start tokens")
        for tok in rule.starts:
            if tok == _DIGIT:
                digit.append(rule)
            else:
                index.setdefault(tok, []).append(rule)
    trie = trie_regex(sorted(index))
    pat = rf"(?<!\w)(?:{trie})(?!\w)|(?<!\w)\d"
    return ({k: tuple(v) for k, v in index.items()}, tuple(digit),
            re.compile(pat, re.UNICODE), re.compile(pat, _FLAGS))


class _YFix:
    """Match proxy: fold the alternative year groups (y2) into y."""

    def __init__(self, m: re.Match):
        self._m = m

    def group(self, name=0):
        if name == "y":
            return _g(self._m, "y") or _g(self._m, "y2") or _g(self._m, "y3")
        return self._m.group(name)

    def __getattr__(self, item):
        return getattr(self._m, item)


# --------------------------------------------------------------------------- driver


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then higher priority, then leftmost."""
    chosen: list[_Cand] = []
    starts: list[int] = []  # taken intervals, non-overlapping, sorted by start
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        if c.end <= c.start:
            continue
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and ends[i - 1] > c.start:  # the interval starting before overlaps
            continue
        if i < len(starts) and starts[i] < c.end:  # the next interval starts inside
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_WORDS_GAP_RE = re.compile(r"[^\S\n]*(?:[^\W\d]+[^\S\n]+){0,4}")  # a few words, no digits or punctuation


_STORY_DAY_REACH = 6  # days before the page's date that a story's last named day may be


def _fill_times(chosen: list[_Cand], ctx: _Ctx) -> None:
    """A clock time takes its date from a full date right after it, else one just before it on the line, else
    the anchor."""
    for i, c in enumerate(chosen):
        if c.type != "TIME" or c.time_parts is None:
            continue
        hh, mi, tz = c.time_parts
        day = None
        # "17h ngày 30/10", "8pm New York time on Saturday (00:00 GMT on Sunday)": the day right after the
        # time, with only words between, is its day; else a full date just before it on the line
        for p in chosen[i + 1:i + 2]:
            gap = ctx.text[c.end:p.start]
            if p.type == "DATE" and (len(gap) <= 8 and "\n" not in gap or _WORDS_GAP_RE.fullmatch(gap)) and \
                    re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", p.value):
                day = p.value
        if day is None:
            for p in reversed(chosen[:i]):
                if c.start - p.end > 30 or "\n" in ctx.text[p.end:c.start]:
                    break
                if p.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", p.value):
                    day = p.value
                    break
        if day is None and ctx.anchor is not None:
            # no date on its line: the day the story is telling, i.e. the last day named before the time, when it is
            # one of the days just before the page's date ("on Thursday ... The strike hit at about 5 a.m." on a
            # Friday page); else the page's date
            ad = ctx.anchor.date()
            day = ad.isoformat()
            for p in reversed(chosen[:i]):
                if p.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", p.value or ""):
                    if 1 <= (ad - date.fromisoformat(p.value)).days <= _STORY_DAY_REACH:
                        day = p.value
                    break
        c.value = f"{day}T{hh:02d}:{mi:02d}{tz}" if day else f"T{hh:02d}:{mi:02d}{tz}"


def find_timexes(text: str, anchor: datetime | None = None, lang: str = "vi",
                 sentences: list | None = None) -> list[Timex]:
    """Every time expression in `text`, normalized against `anchor`."""
    lang = lang if lang in ("vi", "en") else "vi"
    ctx = _Ctx(text=text, anchor=anchor, lang=lang, lex=_lexicon(lang), sentences=sentences or [])
    cands: list[_Cand] = []
    index, digit_rules, trig_lower, _ = _index(lang)
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    trig, scan = trig_lower, lowered  # one pass in C over the lower-cased text finds where rules can start
    for tm in trig.finditer(scan):
        tok = tm.group()
        if tok[0].isdigit():
            rules = digit_rules
        else:
            rules = index.get(tok) or index.get(tok.lower(), ())
        pos = tm.start()
        for rule in rules:
            m = rule.regex.match(text, pos)
            if m is None:
                continue
            try:
                out = rule.handler(m, ctx)
            except (ValueError, KeyError, IndexError, TypeError, OverflowError):  # never lose a document
                out = None
            if out:
                for c in out:
                    c.prio += rule.prio
                cands.extend(out)
    chosen = _select(cands)
    named = _named_re(lang)
    if named is not None and chosen:  # "Thế vận hội Mùa hè", "Arab Spring": names, not times
        spans = [m.span() for m in named.finditer(lowered)]
        if spans:
            chosen = [c for c in chosen if not any(a < c.end and c.start < b for a, b in spans)]
    _fill_times(chosen, ctx)
    chosen = _anaphoric(chosen, ctx, lowered)
    return models_from(Timex, [{"start": c.start, "end": c.end, "text": text[c.start:c.end], "type": c.type,
                                "value": c.value} for c in chosen])  # validated in one call


@lru_cache(maxsize=None)
def _named_re(lang: str) -> re.Pattern | None:
    """Names with a time word inside (lexicon `named_time_words`), over the lower-cased text."""
    words = [_nfc(str(w)).lower() for w in _lexicon(lang).get("named_time_words") or []]
    return re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)") if words else None


@lru_cache(maxsize=None)
def _anaphoric_res(lang: str):
    """(core regex: next-day or same-year words, prefix regex: modifier and month before a same-year word)."""
    lex = _lexicon(lang)
    an = lex.get("anaphoric") or {}
    if not an:
        return None, None, ()
    # run over the lower-cased text with no leading look-behind, so that the engine can skip to the first letters
    low = lambda ws: [_nfc(str(w)).lower() for w in ws]  # noqa: E731
    core = re.compile(rf"(?:(?P<day>{_alt(low(an.get('next_day') or []))})|{_alt(low(an.get('same_year') or []))}){_E}")
    mods = _alt(an.get("year_mods") or [])
    if lang == "vi":
        mon = rf"(?:{_alt(lex.get('month_word') or ['tháng'])}){_SP}(?P<mon>{_MON}){_SP}"
    else:
        mon = rf"(?:in{_SP})?(?P<mon>{_alt(lex.get('month_names') or {})})\.?{_SP}(?:of{_SP}|in{_SP})?"
    pre = re.compile(rf"{_B}(?:(?P<mod>{mods}){_SP}(?:of{_SP})?)?(?:{mon})?$", _FLAGS)
    words = tuple({w.split()[-1] if len(w.split()) == 1 else " ".join(w.split()[-2:])
                   for w in low((an.get("next_day") or []) + (an.get("same_year") or []))})
    return core, pre, words


_DAY_VALUE_RE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_YEAR_VALUE_RE = re.compile(r"^(\d{4})(?:-|$)")


def _anaphoric(chosen: list, ctx: _Ctx, lowered: str) -> list:
    """Dates told against the last date written before them, within ~two sentences: "the next day" (that day
    + 1), "tháng 9 cùng năm" / "late that year" (that date's year). Unresolved ones are left out."""
    core, pre, words = _anaphoric_res(ctx.lang)
    if core is None or not any(w in lowered for w in words):  # (a plain substring test skips most pages)
        return chosen
    text = ctx.text
    found = []
    for m in core.finditer(lowered):
        s, e = m.span()
        if s and text[s - 1].isalnum():
            continue
        kind = "day" if m.group("day") else "year"
        if kind == "year" and any(c.type == "DURATION" and c.start < e and s < c.end for c in chosen):
            continue  # "Sau thời hạn một năm đó": that one-year period, a duration
        mon = None
        if kind == "year":  # "tháng 9 cùng năm", "late that year", "in April of that year": the words before
            lead = text[max(0, s - 40):s]
            pm = pre.search(lead)
            if pm and pm.start() < len(lead):
                s -= len(lead) - pm.start()
                mon = pm.group("mon")
        if True:
            pool = [c for c in chosen if not any(f.start < c.end and c.start < f.end for f in found)] + found
            prev = sorted([c for c in pool if c.end <= s and s - c.end < 800 and c.type in ("DATE", "TIME")],
                          key=lambda c: c.start)
            val = None
            for c in reversed(prev):
                if kind == "day":
                    dm = _DAY_VALUE_RE.match(c.value)
                    if dm:
                        y = int(dm.group(1)) if dm.group(1) != "XXXX" else 2001
                        try:
                            d = date(y, int(dm.group(2)), int(dm.group(3))) + timedelta(days=1)
                        except ValueError:
                            break
                        val = (d.isoformat() if dm.group(1) != "XXXX" else "XXXX-" + d.strftime("%m-%d"))
                    break  # only the last date told: an older one is another story
                ym = _YEAR_VALUE_RE.match(c.value)
                if ym:
                    mo = mon
                    if mo:
                        mv = int(mo) if mo.isdigit() else _month_value(ctx.lex, mo)
                        val = f"{ym.group(1)}-{mv:02d}" if mv and 1 <= mv <= 12 else None
                    else:
                        val = ym.group(1)
                    break
            if val:
                found.append(_Cand(s, e, "DATE", val))
    if not found:
        return chosen
    kept = [c for c in chosen if not any(f.start < c.end and c.start < f.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def normalize(text: str, anchor: datetime | None, lang: str = "vi") -> tuple[str, str] | None:
    """(type, value) of the single time expression `text` ("hôm 2/11", "năm ngoái", "P60Y"...), or None."""
    if not text or not text.strip():
        return None
    found = find_timexes(text.strip(), anchor, lang)
    if not found:
        return None
    best = max(found, key=lambda t: (t.end - t.start, -t.start))
    return best.type, best.value


# --------------------------------------------------------------------------- contract dates

_PARTIAL_RE = re.compile(r"^(X{4}|\d{4})(-(XX|\d{2}))?(-(XX|\d{2}))?$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(?:-(WE|\d))?$")


def to_partial_date(value: str | None) -> str | None:
    """A timex value as the contract's partial date (event `date`, claim `time`), or None.

    2022-11-02 / 2023-10 / 2030 / XXXX-10-30 stay; a time keeps its day (2021-07-24T17:18+07:00 ->
    2021-07-24, 2022-11-02TMO -> 2022-11-02); a week becomes the month of its Thursday, a weekend
    the month of its Saturday (2023-W43-WE -> 2023-10); a quarter its year; durations, vague
    references, decades, centuries and weeks of an unknown year give None."""
    if not value:
        return None
    v = value.split("T")[0] if "T" in value and not value.startswith("T") else value
    if v.startswith(("P", "T")) or v.endswith("_REF"):
        return None
    if _PARTIAL_RE.match(v):
        return None if v in ("XXXX", "XXXX-XX", "XXXX-XX-XX") else v
    m = _WEEK_RE.match(v)
    if m:
        y, w, part = int(m.group(1)), int(m.group(2)), m.group(3)
        dow = 6 if part == "WE" else int(part) if part else 4
        try:
            d = date.fromisocalendar(y, w, dow)
        except ValueError:
            return None
        return f"{d.year:04d}-{d.month:02d}"
    m = re.match(r"^(\d{4})-(?:Q[1-4]|SP|SU|FA|WI)$", v)
    if m:
        return m.group(1)
    return None


# --------------------------------------------------------------------------- anchor

_DATELINE_RES = [
    re.compile(r"(?<![\d/])(?P<d>0?[1-9]|[12]\d|3[01])[/.-](?P<m>0?[1-9]|1[0-2])[/.-](?P<y>(?:19|20)\d\d)(?!\d)"),
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
]


def infer_anchor(lines: list[str]) -> datetime | None:
    """A publication date read from a dateline among the first lines of a page
    ("02/11/2022", "Thứ bảy, ngày 24/07/2021 17:18 GMT+7"): a short line that is not a sentence."""
    for line in lines[:8]:
        s = line.strip()
        if not s:
            continue
        if len(s) > 90:  # "Hà Nội, ngày 15/3/2024 - Theo Reuters, ...": a dateline opening the lead
            head = re.match(r"^[^.!?]{0,50}?(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:[^\S\n]+\d{1,2}:\d\d)?[^\S\n]*(?:\([^)]{0,30}\))?[^\S\n]*[-–—:]", s)
            if not head:
                continue
            s = head.group("date")
        if s.endswith(".") and len(s.split()) > 8:
            continue
        for rx in _DATELINE_RES:
            m = rx.search(s)
            if m:
                y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
                if _valid_day(y, mo, d):
                    return datetime(y, mo, d)
        a = _worded_dateline(s)
        if a is not None:
            return a
    return None


_DATELINE_REST_RE = re.compile(r"\d{1,2}:\d\d(?::\d\d)?|\b(?:GMT|UTC|ICT|EST|EDT|CET|CEST)\b(?:[+-]\d{1,2})?|[^\w\s]+")


def _worded_dateline(s: str) -> datetime | None:
    """A dateline whose month is a word ("Published On 22 Nov 2020", "Updated: June 5, 2024 10:15 EDT",
    "Thứ bảy, 22 tháng 11 năm 2020"): the full date (meta.find_date) with at most four other words
    around it, so that a title or a sentence telling of some dated event is no dateline."""
    from ..meta import find_date  # meta imports nothing of the extractors; local import keeps it lazy
    f = find_date(s)
    if f is None:
        return None
    rest = _DATELINE_REST_RE.sub(" ", s[:f.start] + " " + s[f.end:])
    if len(rest.split()) > 4:
        return None
    try:
        return datetime.fromisoformat(f.iso[:10])
    except ValueError:
        return None


def document_anchor(doc: Document) -> datetime | None:
    """The reference date of `doc`: its publication date, else a dateline in its first lines
    (or in the lines the cleaner removed as furniture)."""
    a = doc.anchor()
    if a is not None:
        return a
    head = [ln for ln in doc.body.split("\n") if ln.strip()][:8]
    a = infer_anchor(head)
    if a is None and doc.removed:
        a = infer_anchor([r.text for r in doc.removed])
    return a


def extract_timexes(doc: Document) -> Document:
    """Fill `doc.timexes`: sorted by start, non-overlapping, `body[start:end] == text`."""
    lang = doc.language if doc.language in ("vi", "en") else "vi"
    anchor = document_anchor(doc)
    doc.timexes = find_timexes(doc.body, anchor, lang, [(s.start, s.end) for s in doc.sentences])
    return doc
