"""Numbers in Vietnamese and English news text: digits and number words -> float.

    parse_number("1.000") == 1000          # vi: dot = thousands, comma = decimal
    parse_number("1,5 triệu") == 1.5e6
    parse_number("hai mươi lăm") == 25
    parse_number("1,500", "en") == 1500    # en: comma = thousands, dot = decimal
    find_numbers("hơn 1.000 đầu đạn vào năm 2030")  # -> 1000, 2030 (is_year)

The vocabulary (digit words, scale words, vague quantities like "hàng trăm",
"vài", "dozens") lives in data/lexicons/numbers.yaml. Dates (2/11, 24/07/2021),
clock times (17:18), "2+2" and alphanumeric names (G7, COVID-19, Hwasong-18)
are never read as quantities, but a measurement symbol written against the digits ("6.000km", "3,5kg";
lexicon `glued_units`) is; 4-digit years after "năm"/"in"/"by" are returned
with `is_year=True` so callers can skip them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_lexicon

__all__ = ["NumberMatch", "parse_number", "parse_number_ex", "find_numbers", "number_word_pattern", "number_words", "unglue_units"]


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: float
    approximate: bool = False
    is_percent: bool = False
    is_year: bool = False


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lex:
    lang: str
    dec: str
    thou: str
    digits: dict
    after_tens_only: frozenset
    need_scale: frozenset
    ten: dict
    tens: dict  # en: twenty.. ; vi: empty
    tens_marker: frozenset
    zero_filler: frozenset
    hundred: dict
    scales: dict
    half: frozenset
    connectors: frozenset
    approx_prefix: dict  # may contain multi-word keys
    approx_alone: dict
    percent_words: tuple
    qualifiers: tuple
    year_cues: frozenset
    ordinal_cues: frozenset
    glued_units: frozenset  # measurement symbols written against the digits ("6.000km")
    round_plural: re.Pattern | None  # "low " / "mid-" right before "200s"
    round_share: dict  # "low" -> 0.0, "mid" -> 0.5

    def is_number_word(self, w: str) -> bool:
        return (w in self.digits or w in self.ten or w in self.tens or w in self.tens_marker
                or w in self.hundred or w in self.scales or w in self.half or w in self.zero_filler
                or w in self.connectors)


@lru_cache(maxsize=None)
def _lex(lang: str) -> _Lex:
    data = load_lexicon("numbers")
    d = data.get(lang) or data["vi"]
    return _Lex(
        lang=lang if lang in data else "vi",
        dec=d["decimal_sep"],
        thou=d["thousands_sep"],
        digits={k.lower(): v for k, v in (d.get("digits") or {}).items()},
        after_tens_only=frozenset(d.get("after_tens_only") or ()),
        need_scale=frozenset(d.get("need_scale") or ()),
        ten=dict(d.get("ten") or {}),
        tens=dict(d.get("tens") or {}),
        tens_marker=frozenset(d.get("tens_marker") or ()),
        zero_filler=frozenset(d.get("zero_filler") or ()),
        hundred=dict(d.get("hundred") or {}),
        scales={k: float(v) for k, v in (d.get("scales") or {}).items()},
        half=frozenset(d.get("half") or ()),
        connectors=frozenset(d.get("connectors") or ()),
        approx_prefix={k: float(v) for k, v in (d.get("approx_prefix") or {}).items()},
        approx_alone={k: float(v) for k, v in (d.get("approx_alone") or {}).items()},
        percent_words=tuple(d.get("percent_words") or ()),
        qualifiers=tuple(sorted((d.get("qualifiers") or ()), key=len, reverse=True)),
        year_cues=frozenset(d.get("year_cues") or ()),
        ordinal_cues=frozenset(d.get("ordinal_cues") or ()),
        glued_units=frozenset(u.lower() for u in d.get("glued_units") or ()),
        round_plural=re.compile(r"(?<!\w)(" + "|".join(map(re.escape, d["round_plurals"])) + r")[\s-]+$", re.IGNORECASE)
        if d.get("round_plurals") else None,
        round_share={k.lower(): float(v) for k, v in (d.get("round_plurals") or {}).items()},
    )


# --------------------------------------------------------------------------- digits

_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _parse_digits(s: str, lang: str) -> float | None:
    """'1.000' -> 1000 (vi), '1,5' -> 1.5 (vi), '1,500' -> 1500 (en), '1.5' -> 1.5."""
    if not _DIGITS_RE.fullmatch(s):
        return None
    lx = _lex(lang)
    seps = [c for c in s if c in ".,"]
    if not seps:
        return float(int(s))
    groups = re.split(r"[.,]", s)
    # all separators the same and every group after the first has 3 digits: thousands
    if len(set(seps)) == 1:
        sep = seps[0]
        three = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if sep == lx.thou and three:
            return float("".join(groups))
        if len(seps) == 1:  # one separator: a decimal point (either convention)
            return float(groups[0] + "." + groups[1])
        if three:  # "1,000,000" in a vi text (or "1.000.000" in en): thousands anyway
            return float("".join(groups))
        return None
    # mixed: the last separator is the decimal one ("1.000,5" vi, "1,000.5" en)
    last = max(s.rfind("."), s.rfind(","))
    int_part = re.sub(r"[.,]", "", s[:last])
    return float(int_part + "." + s[last + 1:])


# --------------------------------------------------------------------------- words


def _parse_tokens(tokens: list[str], lang: str, first_value: float | None = None):
    """Value of a number-word sequence (optionally led by a digit value), or None.

    Returns (value, approximate, n_used): the longest prefix of `tokens` that forms a number.
    """
    lx = _lex(lang)
    total = 0.0
    current = 0.0
    pending: float | None = first_value
    approx = False
    after_tens = False
    last_scale = float("inf")
    last_unit = 1.0
    used = 0
    best = None  # (value, approx, used) of the longest valid prefix
    last_digit = False
    pending_weak = False
    need_scale_only = first_value is None  # a lone "một"/"năm"/"a" is not a number
    i = 0

    def value_now():
        return total + current + (pending or 0.0)

    # a vague prefix (hàng trăm, vài nghìn, several hundred, many thousands)
    if first_value is None:
        for n in (2, 1):
            key = " ".join(tokens[:n])
            if len(tokens) >= n and key in lx.approx_prefix and len(tokens) > n:
                nxt = tokens[n]
                if nxt in lx.scales or nxt in lx.hundred or nxt in lx.ten:
                    pending = lx.approx_prefix[key]
                    approx = True
                    i = n
                    need_scale_only = False
                    break
        else:
            for n in (2, 1):
                key = " ".join(tokens[:n])
                if len(tokens) >= n and key in lx.approx_alone:
                    nxt = tokens[n] if len(tokens) > n else None
                    if nxt is None or not lx.is_number_word(nxt):
                        return lx.approx_alone[key], True, n

    while i < len(tokens):
        w = tokens[i]
        ok = True
        if w in lx.connectors:
            if not (total or current):
                break
            i += 1
            continue
        if w in lx.digits and not (lang == "en" and w in ("a", "an")):
            d = float(lx.digits[w])
            if lang == "vi":
                if after_tens:
                    # after mươi/mười five is written "lăm": "hai mươi năm" is twenty years
                    if d >= 10 or (after_tens == "tens" and w == "năm"):
                        break
                    current += d
                    after_tens = False
                    pending = None
                elif pending is not None or w in lx.after_tens_only:
                    break
                else:
                    pending = d
                    pending_weak = w in lx.need_scale and (total or current)
                    if w not in lx.need_scale:
                        need_scale_only = False
            else:  # en: "twenty five", "hundred and five"; never two digit words in a row
                if last_digit:
                    break
                if w not in lx.need_scale:
                    need_scale_only = False
                current += d
                last_unit = 1.0
                last_digit = True
                i += 1
                used = i
                if not need_scale_only:
                    best = (value_now(), approx, used)
                continue
        elif lang == "en" and w in ("a", "an"):
            if i + 1 < len(tokens) and (tokens[i + 1] in lx.scales or tokens[i + 1] in lx.hundred):
                pending = 1.0
            else:
                break
        elif w in lx.ten:
            if pending is not None or after_tens:
                break
            current += float(lx.ten[w])
            after_tens = "tens"
            need_scale_only = False
        elif w in lx.tens:
            current += float(lx.tens[w])
            need_scale_only = False
        elif w in lx.tens_marker:
            if pending is None:
                break
            current += pending * 10
            pending = None
            after_tens = "tens"
            need_scale_only = False
        elif w in lx.zero_filler:
            if not (current or total) or i + 1 >= len(tokens) or tokens[i + 1] not in lx.digits:
                break
            after_tens = "filler"  # the next digit adds directly (một trăm linh năm = 105)
        elif w in lx.hundred:
            if lang == "vi":
                current += (pending if pending is not None else 1.0) * lx.hundred[w]
                pending = None
            else:
                current = (current or pending or 1.0) * lx.hundred[w]
                pending = None
            after_tens = False
            last_unit = float(lx.hundred[w])
            need_scale_only = False
        elif w in lx.scales:
            s = lx.scales[w]
            if s < 100:  # chục (10), dozen (12): multiply within the group
                current = ((current + (pending or 0.0)) or 1.0) * s
                pending = None
                last_unit = s
            else:
                v = current + (pending or 0.0)
                if total and s > last_scale:
                    total = (total + v) * s  # một nghìn tỷ = 10^12
                else:
                    total += (v or 1.0) * s
                current = 0.0
                pending = None
                last_scale = s
                last_unit = s
            after_tens = False
            need_scale_only = False
        elif w in lx.half:
            if not (total or current or pending):
                break
            if pending is not None:
                current += pending
                pending = None
            if last_unit >= 100 and last_unit == last_scale:
                total += last_unit / 2
            else:
                current += last_unit / 2
            need_scale_only = False
        else:
            ok = False
        if not ok:
            break
        last_digit = False
        i += 1
        if pending_weak and pending is not None:
            continue  # "hai nghìn năm": a trailing need-scale digit counts only before a scale word
        pending_weak = False
        used = i
        if not need_scale_only:
            best = (value_now(), approx, used)
    return best


_WORD_RE = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|%", re.UNICODE)


def parse_number_ex(text: str, lang: str = "vi") -> tuple[float, bool, bool] | None:
    """(value, approximate, is_percent) of a whole number expression, or None."""
    if text is None:
        return None
    lang = lang if lang in ("vi", "en") else "vi"
    s = text.strip().lower()
    if not s:
        return None
    lx = _lex(lang)
    for q in lx.qualifiers:  # "hơn 20%" -> 20
        if s.startswith(q + " "):
            s = s[len(q) + 1:].strip()
            break
    pct = False
    if s.endswith("%"):
        pct = True
        s = s[:-1].strip()
    else:
        for pw in lx.percent_words:
            if s.endswith(" " + pw):
                pct = True
                s = s[: -len(pw)].strip()
                break
    s = s.replace("-", " ")
    toks = _WORD_RE.findall(s)
    if not toks or "".join(toks).replace(" ", "") != re.sub(r"\s+", "", s):
        return None  # stray characters
    first = None
    rest = toks
    if toks[0][0].isdigit():
        first = _parse_digits(toks[0], lang)
        if first is None:
            return None
        rest = toks[1:]
        if not rest:
            return first, False, pct
    r = _parse_tokens(rest, lang, first)
    if r is None:
        # a lone need-scale word ("một", "năm") asked for explicitly is still its digit
        if len(rest) == 1 and first is None and rest[0] in lx.digits:
            return float(lx.digits[rest[0]]), False, pct
        return None
    value, approx, used = r
    if used != len(rest):
        return None
    return value, approx, pct


def parse_number(text: str, lang: str = "vi") -> float | None:
    """Numeric value of `text` ("1.000" -> 1000, "hai mươi lăm" -> 25, "1.2 million" -> 1.2e6), or None."""
    r = parse_number_ex(text, lang)
    return None if r is None else r[0]


@lru_cache(maxsize=None)
def number_words(lang: str = "vi") -> frozenset:
    """Every number word of the language (digits, scales, vague quantities), lower case."""
    lx = _lex(lang)
    return frozenset(set(lx.digits) | set(lx.ten) | set(lx.tens) | set(lx.tens_marker) | set(lx.hundred)
                     | set(lx.scales) | set(lx.half) | set(lx.zero_filler) | set(lx.approx_prefix)
                     | set(lx.approx_alone))


@lru_cache(maxsize=None)
def number_word_pattern(lang: str = "vi") -> str:
    """Regex (no groups) for a run of number words, e.g. for durations: "hai", "hàng chục", "two hundred"."""
    # a trie of the (lower-case) words: the same matches as their longest-first alternation, faster
    alt = trie_regex(number_words(lang))
    return rf"(?:{alt})(?:[\s-]+(?:{alt}))*"


# --------------------------------------------------------------------------- finding

_ISO_DATE_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def _glued_unit_end(text: str, end: int, units: frozenset) -> int | None:
    """The end of a measurement symbol of `units` written against the digits ending at `end`
    ("6.000km", "3,5kg"), or None: the letters run to a word end and are the whole symbol."""
    j = end
    while j < len(text) and j - end <= 4 and text[j].isalpha():
        j += 1
    if j == end or (j < len(text) and (text[j].isalnum() or text[j] in "_-")):
        return None  # no letters, or a name going on ("5G-ready", "3D2", "km2")
    return j if text[end:j].lower() in units else None


@lru_cache(maxsize=None)
def _glued_re() -> re.Pattern:
    """The last digit of a number with a measurement symbol written against it (either language's list)."""
    units = sorted(set(_lex("vi").glued_units) | set(_lex("en").glued_units), key=len, reverse=True)
    return re.compile(r"\d(?=(?:" + "|".join(map(re.escape, units)) + r")(?![\w-]))", re.IGNORECASE)


def unglue_units(text: str) -> str:
    """`text` with a blank for the digit right before each glued measurement symbol ("6.000km" ->
    "6.00 km"): the same length and offsets, for unit matchers that want the symbol as a whole word."""
    spots = [m.start() for m in _glued_re().finditer(text)]
    if not spots:
        return text
    chars = list(text)
    for i in spots:
        chars[i] = " "
    return "".join(chars)


def _digit_token_ok(text: str, start: int, end: int, glued_units: frozenset = frozenset()) -> bool:
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalpha() or before == "_" or after == "_":
        return False  # G7, A380, H2O
    if after.isalpha():
        return _glued_unit_end(text, end, glued_units) is not None  # 6.000km, 300kg; not 5G, 17h18, 2nd
    if before in "-‐–" and (before2.isalpha() or before2 in "-"):
        return False  # COVID-19, Hwasong-18, F-35
    if before in "-‐–" and before2.isdigit():
        i = start - 2
        while i > 0 and text[i - 1].isalnum():
            i -= 1
        if not text[i:start - 1].isdigit():
            return False  # B61-12: the second part of a model name (not a range "2019-2020")
    if before in "+" or after in "+":
        return False  # 2+2, GMT+7
    if before in "/:" and before2.isdigit():
        return False  # 2/11, 17:18 (second part)
    if after in "/:" and after2.isdigit():
        return False  # 2/11, 24/07/2021, 17:18
    if after in ".," and after2.isdigit():
        return False  # malformed group such as 1.00.0 (the regex took what it could)
    return True


def trie_regex(words, blanks: bool = False, branches_ok=None) -> str | None:
    """A regex alternation of `words` factored as a trie: `re` then tries one branch per next
    character instead of every word at every position (several times faster on long lists).
    `blanks`: a space matches any blank run (\\s+). `branches_ok(chars)`: a check of the characters that
    branch at one node; when it says no, there is no trie (None) and the caller keeps its flat pattern."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str | None:
        keys = sorted(k for k in node if k)
        if branches_ok is not None and len(keys) > 1 and not branches_ok(keys):
            return None
        alts = []
        for k in keys:
            rest = build(node[k])
            if rest is None:
                return None
            alts.append((r"\s+" if blanks and k == " " else re.escape(k)) + rest)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=None)
def _finder(lang: str):
    """(candidate regex, run-word set): where a number can start, which words can continue it.
    The candidate regex runs on lower-cased text."""
    starters = set(number_words(lang)) | ({"a", "an"} if lang == "en" else set())
    cand = re.compile(rf"\d+(?:[.,]\d+)*|(?<![^\W\d_])(?:{trie_regex(starters)})(?![^\W\d_])", re.UNICODE)
    run = frozenset(w for w in number_words(lang) if " " not in w) | (
        frozenset({"a", "an"}) if lang == "en" else frozenset())
    return cand, run


_NAME_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)", re.UNICODE)


def _proper_name_after(text: str, end: int, run_words: frozenset) -> bool:
    """Is the capitalised number word that ends at `end` followed by another capitalised word that is no
    number word ("Ba Lan", "Năm Căn", "Five Eyes")? Then the two are a proper name, not a quantity."""
    m = _NAME_WORD.match(text, end)
    return bool(m) and m.group(1)[0].isupper() and m.group(1).lower() not in run_words


@lru_cache(maxsize=None)
def _percent_word_res(lang: str) -> tuple[re.Pattern, ...]:
    """The percent words ("phần trăm", "percent") after a number, compiled once, in lexicon order."""
    return tuple(re.compile(r"\s+" + re.escape(pw) + r"\b") for pw in _lex(lang).percent_words)


_NEXT_RE = re.compile(r"[^\S\n]{1,3}-?[^\S\n]*(\d+(?:[.,]\d+)*|[^\W\d_]+)|-(\d+(?:[.,]\d+)*|[^\W\d_]+)", re.UNICODE)
_PREV_RE = re.compile(r"([^\W\d_]+)[^\S\n]{1,3}$", re.UNICODE)


def _word_before(text: str, pos: int) -> str | None:
    """The word right before `pos` and its 1-3 blanks (within 24 characters), lower-cased: what
    `_PREV_RE.search(text, max(0, pos - 24), pos)` finds, read backwards instead of searched for
    (the search backtracks through every word of the window)."""
    lo = max(0, pos - 24)
    if pos > lo and text[pos - 1] == "\n":  # "$" also matches before a final newline: search
        m = _PREV_RE.search(text, lo, pos)
        return m.group(1).lower() if m else None
    j = pos
    while j > lo and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    if not 1 <= pos - j <= 3:
        return None
    i = j
    while i > lo and text[i - 1].isalnum() and not text[i - 1].isdecimal():  # [^\W\d_]
        i -= 1
    return text[i:j].lower() if i < j else None


def _round_plural(text: str, s: int, e: int, w: str, lang: str, lx: _Lex) -> NumberMatch | None:
    """ "in the low 200s", "the mid-5,000s": a round number with a plural "s" after a part of its range, read as
    the number plus that part of its step (approximate); None for anything else ("5G", "the 1990s")."""
    if lx.round_plural is None or text[e:e + 1] != "s" or text[e + 1:e + 2].isalnum():
        return None
    part = lx.round_plural.search(text, max(0, s - 8), s)
    value = _parse_digits(w, lang)
    if part is None or not value or value % 10:
        return None
    step = 10 ** (len(str(int(value))) - len(str(int(value)).rstrip("0")))  # 200s: hundreds; 5,000s: thousands
    value += lx.round_share[part.group(1).lower()] * step
    return NumberMatch(s, e + 1, text[s:e + 1], float(value), approximate=True)


def find_numbers(text: str, lang: str = "vi") -> list[NumberMatch]:
    """Every quantity in `text`: digits (with the language's separators), number words,
    vague quantities (approximate=True), percentages (is_percent=True); 4-digit years after
    a year cue are returned with is_year=True."""
    lang = lang if lang in ("vi", "en") else "vi"
    lx = _lex(lang)
    cand_re, run_words = _finder(lang)
    iso_spans = [(m.start(), m.end()) for m in _ISO_DATE_RE.finditer(text)] if "-" in text else []
    out: list[NumberMatch] = []
    last_end = 0

    def following(pos: int):
        """The tokens after `pos` joined by blanks or hyphens, lazily: (start, end, lower)."""
        for _ in range(8):
            m = _NEXT_RE.match(lowered, pos)
            if not m:
                return
            g = 1 if m.group(1) is not None else 2
            pos = m.end(g)
            yield m.start(g), pos, m.group(g)

    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer: keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for cm in cand_re.finditer(lowered):
        s, e = cm.span()
        if s < last_end:
            continue
        w = text[s:e]
        prev_word = _word_before(text, s)
        if prev_word in lx.ordinal_cues:
            continue
        if w[0].isdigit():
            if iso_spans and any(a <= s < b for a, b in iso_spans):
                continue
            if not _digit_token_ok(text, s, e, lx.glued_units):
                rp = _round_plural(text, s, e, w, lang, lx)
                if rp is not None:
                    out.append(rp)
                    last_end = rp.end
                continue
            first = _parse_digits(w, lang)
            if first is None:
                continue
            seq = []
            for ts, te, tw in following(e):
                if tw in lx.scales or tw in lx.half or tw in lx.hundred:
                    seq.append((ts, te, tw))
                else:
                    break
            value, used = first, 0
            if seq:
                r = _parse_tokens([t[2] for t in seq], lang, first)
                if r:
                    value, _, used = r
            end = seq[used - 1][1] if used else e
            approx = False
        else:
            lw = w.lower()
            if lw in lx.scales or lw in lx.hundred or lw in lx.half or lw in lx.tens_marker \
                    or lw in lx.zero_filler or lw in lx.connectors:
                continue  # a run starts with a digit word, an article before a scale, or a vague word
            toks = [(s, e, lw)]
            for t in following(e):
                if t[2] in run_words or t[2] in lx.approx_prefix or t[2] in lx.approx_alone:
                    toks.append(t)
                else:
                    break
            if lw in ("a", "an") and (len(toks) < 2 or not (toks[1][2] in lx.scales or toks[1][2] in lx.hundred)):
                continue
            r = _parse_tokens([t[2] for t in toks], lang, None)
            if not r:
                continue
            value, approx, used = r
            end = toks[used - 1][1]
            if text[s].isupper() and _proper_name_after(text, end, run_words):
                continue  # "Ba Lan" (Poland), "Five Eyes": a capitalised number word opening a name
            first = None
        # percent
        is_pct = False
        k = end
        while k < len(text) and text[k] == " ":
            k += 1
        if k < len(text) and text[k] == "%":
            is_pct, end = True, k + 1
        else:
            rest = text[end:end + 20].lower()
            for pw in _percent_word_res(lang):
                m = pw.match(rest)
                if m:
                    is_pct, end = True, end + m.end()
                    break
        is_year = bool(first is not None and len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100
                       and prev_word in lx.year_cues)
        out.append(NumberMatch(s, end, text[s:end], float(value), approx, is_pct, is_year))
        last_end = end
    return out
