"""Document metadata: publication date, outlet, language (title comes from the clean stage).

Called by `clean.clean` with the page signals the line classifier found (`PageSignals`);
`fill(doc, signals)` sets only what is still missing: metadata given by the container (JSONL
fields, HTML meta) is never overwritten.

Dates (`find_date`, `parse_date`) come only from *standalone* date or byline lines and from the
container — never from article prose, where "hôm 2/11" is the date of an event, not of the page.
Forms: ``02/11/2022``, ``24-7-2021``, ``Thứ bảy, ngày 24/07/2021 17:18 GMT+7`` ->
``2021-07-24T17:18:00+07:00``, ``ngày 24 tháng 7 năm 2021``, ``2021-07-24[T17:18:00+07:00]``,
``July 24, 2021``, ``24 July 2021``, ``Jul. 24, 2021 5:18 PM EDT``. A time without a zone gives
the date only (the contract wants a zone with a time).

Outlet, most trusted first: container (HTML site name), URL domain, the article's dateline prefix
(``VTV.vn - ``), a brand or copyright line in the page furniture (a bare outlet name above the
article is its logo line), a site-template signature that names the outlet ("VOA Express"; a
layout alone names nobody: null), an unknown name after a byline's authors shown again as the
page's dateline mark ("By A, Northern Herald" + "(Northern Herald) -"). Wire agencies
(Reuters, AP, AFP...) credited in a dateline are sources, not outlets. Tables: `outlets.yaml`.

Language: ratio of Vietnamese-only letters and function-word votes; langdetect only when the
text is too short to tell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlparse

from .lexicon import load_lexicon
from .model import Document


def _fold_table() -> dict[int, str]:
    import unicodedata

    table = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base != ch and len(base) == 1 and base.isascii():
            table[cp] = base
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case, diacritics stripped, đ -> d (as `nlp.fold`, via one str.translate: fast)."""
    return text.lower().translate(_FOLD)

# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------
_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
           "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
           "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
           "oct": 10, "nov": 11, "dec": 12}
_ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "ICT": 7, "WIB": 7, "JST": 9, "KST": 9, "CST": -6, "CDT": -5,
          "EST": -5, "EDT": -4, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CET": 1, "CEST": 2, "BST": 1,
          "MSK": 3, "HKT": 8, "SGT": 8, "AEST": 10}
_MONTH_RE = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|" \
            r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = (r"(?:(?:Thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s*nhật|CN|T[2-7])\s*[,-]?\s*|"
            r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)?")
_TIME = (r"(?:\s*(?:[,|-]|lúc|at)?\s*(?P<hh>\d{1,2})\s*[:h]\s*(?P<mi>\d{2})(?::(?P<ss>\d{2}))?"
         r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?|SA|CH)?)?")
_ZONE = r"(?:\s*\(?\s*(?P<zname>GMT|UTC|ICT|[A-Z]{2,4}T)?\s*(?P<zoff>[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?"

_DATE_RES = [
    # 2021-07-24, 2021-07-24T17:18:00+07:00
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<hh>\d{2}):(?P<mi>\d{2})"
               r"(?::(?P<ss>\d{2}))?(?:\.\d+)?(?P<iso_z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"),
    # Thứ bảy, ngày 24/07/2021 17:18 GMT+7 ; 24-7-2021 ; 02/11/2022 ; 24.07.2021
    re.compile(r"(?<![\d/])" + _WEEKDAY + r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
               r"(?P<y>\d{4})(?![\d/])" + _TIME + _ZONE, re.I),
    # 2023.10.19, 2023/10/19
    re.compile(r"(?<![\d.])(?P<y>\d{4})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d.]\d)" + _TIME + _ZONE),
    # 17:18 24/07/2021 (time first, as some Vietnamese sites print it)
    re.compile(r"(?<!\d)(?P<hh>\d{1,2})[:h](?P<mi>\d{2})\s*(?:,|-|ngày)?\s*" + _WEEKDAY +
               r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)" + _ZONE, re.I),
    # ngày 24 tháng 7 năm 2021
    re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+năm\s+)(?P<y>\d{4})", re.I),
    # July 24, 2021 [5:18 PM EDT]
    re.compile(_WEEKDAY + _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME + _ZONE),
    # 24 July 2021
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<y>\d{4})(?!\d)" + _TIME + _ZONE),
]


@dataclass
class FoundDate:
    iso: str
    start: int
    end: int


def _offset(name: str | None, off: str | None, iso_z: str | None) -> str | None:
    if iso_z:
        if iso_z == "Z":
            return "+00:00"
        z = iso_z.replace(":", "")
        return f"{z[:3]}:{z[3:5]}"
    if off:
        o = off.replace(" ", "")
        sign, rest = o[0], o[1:]
        if ":" in rest:
            hh, mm = rest.split(":")
        elif len(rest) > 2:
            hh, mm = rest[:-2], rest[-2:]
        else:
            hh, mm = rest, "00"
        return f"{sign}{int(hh):02d}:{int(mm):02d}"
    if name and name.upper() in _ZONES:
        h = _ZONES[name.upper()]
        return f"{'+' if h >= 0 else '-'}{abs(h):02d}:00"
    return None


def _build(gd: dict, lang: str | None) -> str | None:
    y = int(gd["y"])
    if gd.get("mon"):
        m = _MONTHS[gd["mon"].lower().rstrip(".")]
    else:
        m = int(gd["m"])
    d = int(gd["d"])
    if m > 12 and d <= 12:  # 07/24/2021: month first
        d, m = m, d
    elif lang == "en" and gd.get("sep") == "/" and d <= 12 and m <= 12:
        d, m = m, d  # US order for English pages
    if not (1900 <= y <= 2100):
        return None
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if gd.get("hh") is None:
        return day.isoformat()
    hh, mi, ss = int(gd["hh"]), int(gd["mi"]), int(gd.get("ss") or 0)
    ampm = (gd.get("ampm") or "").lower().replace(".", "")
    if ampm in ("pm", "ch") and hh < 12:
        hh += 12
    elif ampm in ("am", "sa") and hh == 12:
        hh = 0
    if not (0 <= hh < 24 and 0 <= mi < 60 and 0 <= ss < 60):
        return day.isoformat()
    zone = _offset(gd.get("zname"), gd.get("zoff"), gd.get("iso_z"))
    if zone is None:
        return day.isoformat()
    return datetime(y, m, d, hh, mi, ss).isoformat() + zone


def find_date(text: str, lang: str | None = None) -> FoundDate | None:
    """The first full date (with year) in `text`, as ISO 8601, and its span."""
    best: FoundDate | None = None
    for rx in _DATE_RES:
        for m in rx.finditer(text):
            iso = _build(m.groupdict(), lang)
            if iso is None:
                continue
            s, e = m.span()
            while e > s and text[e - 1] in " ,-|(":  # trailing separators of the optional groups
                e -= 1
            if best is None or s < best.start or (s == best.start and e > best.end):
                best = FoundDate(iso, s, e)
            break
    return best


def parse_date(text: str | None, lang: str | None = None) -> str | None:
    """Normalize a container-given date ('24/07/2021', 'July 24, 2021', ISO...) to ISO, else None."""
    if not text:
        return None
    f = find_date(str(text).strip(), lang)
    return f.iso if f else None


# ---------------------------------------------------------------------------------------------
# Outlets
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str = "outlet"


@lru_cache(maxsize=1)
def _outlets() -> dict:
    data = load_lexicon("outlets")
    by_domain: dict[str, Outlet] = {}
    by_alias: dict[str, Outlet] = {}
    by_dateline: dict[str, Outlet] = {}
    for o in data["outlets"]:
        out = Outlet(o["name"], o.get("kind", "outlet"))
        for d in o.get("domains", []):
            by_domain[d.lower()] = out
        for a in [o["name"], *o.get("aliases", [])]:
            by_alias[fold(a)] = out
        for dl in o.get("datelines", []):
            by_dateline[fold(dl)] = out
    return {"domain": by_domain, "alias": by_alias, "dateline": by_dateline, "signatures": data.get("signatures", [])}


def outlet_from_url(url: str | None) -> Outlet | None:
    if not url:
        return None
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        o = _outlets()["domain"].get(".".join(parts[i:]))
        if o:
            return o
    return None


def outlet_from_name(name: str | None) -> Outlet | None:
    """A site name or alias as written ('VnExpress', 'vnexpress.net', 'Báo Tuổi Trẻ') -> outlet."""
    if not name:
        return None
    o = _outlets()["alias"].get(fold(name.strip()))
    if o is None and "." in name:
        o = outlet_from_url(name) or _outlets()["dateline"].get(fold(name.strip()))
    return o


def outlet_from_dateline(prefix: str) -> Outlet | None:
    """'VTV.vn', '(Dân trí)', 'TTO' -> outlet (known datelines, or a domain like 'Baoquocte.vn')."""
    p = prefix.strip().strip("()[]").strip()
    o = _outlets()["dateline"].get(fold(p)) or _outlets()["alias"].get(fold(p))
    if o is None and re.search(r"\.(vn|com|net|org)$", p, re.I):
        o = outlet_from_url(p.lower())
    return o


def outlet_from_signatures(lines: list[str], folded: list[str] | None = None) -> Outlet | None:
    """Site-template cues among the page's lines (whole-line, prefix or substring matches);
    `folded`: the lines already folded, when the caller has them."""
    if folded is None:
        folded = [fold(ln) for ln in lines]
    lineset = set(folded)
    stripped = None
    best, best_w = None, 0.0
    for outlet, minimum, cues in _signature_cues():
        w = 0.0
        for kind, key, weight in cues:
            if kind == "line":
                hit = key in lineset
            elif kind == "prefix":
                if stripped is None:
                    stripped = [f.lstrip("* ") for f in folded]
                hit = any(f.startswith(key) for f in stripped)
            else:
                hit = any(key in f for f in folded)
            w += weight if hit else 0.0
        if w >= minimum and w > best_w:
            best, best_w = Outlet(outlet), w
    return best


@lru_cache(maxsize=1)
def _signature_cues() -> list[tuple[str, float, list[tuple[str, str, float]]]]:
    """outlets.yaml signatures with their cues folded once: (outlet, min, [(kind, folded cue, weight)])."""
    out = []
    for sig in _outlets()["signatures"]:
        cues = []
        for cue in sig["cues"]:
            kind = "line" if "line" in cue else "prefix" if "prefix" in cue else "contains"
            cues.append((kind, fold(cue[kind]), cue["weight"]))
        out.append((sig["outlet"], sig["min"], cues))
    return out


@lru_cache(maxsize=1)
def _outlet_alias_res() -> list[tuple[str, re.Pattern, Outlet]]:
    """(folded alias, its whole-word pattern, outlet) of every outlet (not agency), in table order."""
    return [(a, re.compile(r"(?<!\w)" + re.escape(a) + r"(?!\w)"), o)
            for a, o in _outlets()["alias"].items() if o.kind == "outlet"]


def outlet_from_furniture(lines: list[str], top: list[str] | tuple = ()) -> Outlet | None:
    """A brand line ('VOA Express': starts with an outlet name) or a copyright line naming one; in the
    page's `top` lines (above the article) a line that is an outlet's name alone is its logo line."""
    aliases = _outlets()["alias"]
    for ln in top:
        o = aliases.get(fold(ln.strip()))
        if o is not None and o.kind == "outlet":
            return o
    for ln in lines:
        words = ln.split()
        if not words or len(words) > 12:
            continue
        low = ln.lower()
        if "©" in ln or "copyright" in low or "bản quyền" in low:
            folded = fold(ln)
            for a, rx, o in _outlet_alias_res():
                if a in folded and rx.search(folded):  # (the substring test first: cheap)
                    return o
        elif len(words) <= 4:
            for n in range(min(3, len(words)), 0, -1):
                o = aliases.get(fold(" ".join(words[:n])))
                if o is not None and o.kind == "outlet" and n < len(words):
                    return o  # "VOA Express": the outlet's name plus a product word
    return None


_COPYRIGHT_NAME_RE = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"((?:The\s+)?[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&|of|for)){0,4})")


def outlet_from_copyright(furniture: list[str], all_lines: list[str]) -> Outlet | None:
    """An outlet the lexicon does not know, named by the page's copyright line ("© 2024 Meridian Wire.
    All rights reserved.") and named again elsewhere on the page (a brand line, a wire dateline "(Meridian
    Wire) —"), so a stray copyright notice of a photo agency or a widget is not taken for the outlet."""
    for ln in furniture:
        if len(ln.split()) > 14:
            continue
        m = _COPYRIGHT_NAME_RE.search(ln)
        if not m or ln[m.end():].lstrip().lower().startswith("rights"):
            continue  # "© 2025 All rights reserved": no name
        name = re.sub(r"\s+(?:&|of|for)$", "", m.group(1).rstrip(". "))
        key = fold(name)
        if len(key) < 3 or key in {"all rights reserved", "ban quyen"}:
            continue
        if sum(1 for other in all_lines if other is not ln and key in fold(other)) >= 1:
            return Outlet(name)
    return None


_BYLINE_OUTLET_RE = re.compile(r"^(?:By|Bởi)\s.+,\s*((?:The\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s*$")


def outlet_from_byline(bylines: list[str], all_lines: list[str]) -> Outlet | None:
    """An outlet the lexicon does not know, named after the authors of a byline ("By Ann Lee and Bo
    Tran, Northern Herald") and shown again as the page's own mark: a wire-style dateline "(Northern
    Herald) -" or a line of its own. A known wire agency there is the source, not the outlet; a name
    given only once (a city, a desk) is not taken."""
    for ln in bylines:
        m = _BYLINE_OUTLET_RE.match(ln.strip())
        if not m:
            continue
        name = m.group(1)
        known = _outlets()["alias"].get(fold(name))
        if known is not None:
            if known.kind == "outlet":
                return known
            continue
        key = fold(name)
        for other in all_lines:
            if other is ln:
                continue
            f = fold(other).strip()
            if f == key or "(" + key + ")" in f:
                return Outlet(name)
    return None


def outlet_from_masthead(name: str) -> Outlet | None:
    """The name the page sets above its navigation bar (`clean` finds that line): a known outlet or
    agency by its alias, else the name as printed (an all-caps logo in title case). Least trusted of
    the cues: used only when no URL, dateline, copyright, brand or byline line names the outlet."""
    known = _outlets()["alias"].get(fold(name.strip()))
    if known is not None:
        return known if known.kind == "outlet" else None
    name = " ".join(name.split())
    if name.isupper():
        name = " ".join(w.capitalize() if len(w) > 3 else w for w in name.split())
    return Outlet(name)


# ---------------------------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------------------------
_VI_CHARS = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
# both cases spelt out instead of re.I (the same 134 characters; a case-insensitive class is slower)
_VI_LETTERS = re.compile("[" + _VI_CHARS + _VI_CHARS.upper() + "]")
_NOT_VI_NON_ASCII = re.compile("[^\x00-\x7f" + _VI_CHARS + _VI_CHARS.upper() + "]")
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_VI_SW = frozenset("và của các những là được có không trong cho với này đã sẽ đang về rằng khi để từ một người".split())
_EN_SW = frozenset("the of and to in is are was were that for on with said has have by as at from it will be".split())


_EDGE_PUNCT = ".,;:!?()[]\"'“”‘’«»…-–—/"


def _letter_runs(text: str) -> list[str]:
    """`_WORDS.findall(text)` (the runs of letters), ~2x faster: most blank-separated tokens are one
    word, possibly with punctuation at its edges; only the others go through the regex."""
    out = []
    for tok in text.split():
        if not tok.isalpha():
            tok = tok.strip(_EDGE_PUNCT)  # punctuation is never part of a run of letters
            if not tok.isalpha():
                out.extend(_WORDS.findall(tok))
                continue
        out.append(tok)
    return out


def detect_language(text: str) -> str:
    """'vi' or 'en' (or langdetect's answer for other languages when the text says little)."""
    sample = text[:1500]
    low = sample.lower()
    if len(low) == len(sample) and "Σ" not in sample:
        # one letter per letter (and no context-dependent final sigma): the runs of letters of the
        # lower-cased sample are the lower-cased runs
        words = _letter_runs(low)
        letters = sum(map(len, words))  # the words are the runs of letters: one scan, not two
    else:
        raw_words = _letter_runs(sample)
        letters = sum(map(len, raw_words))
        words = list(map(str.lower, raw_words))
    # the Vietnamese letters are the non-ASCII characters less the (few) other ones
    vi = len(sample) - len(sample.encode("ascii", "ignore")) - len(_NOT_VI_NON_ASCII.findall(sample))
    vi_sw = sum(map(_VI_SW.__contains__, words))
    en_sw = sum(map(_EN_SW.__contains__, words))
    if letters >= 40:
        ratio = vi / letters
        if ratio > 0.08 or (ratio > 0.03 and vi_sw >= en_sw):
            return "vi"
        if en_sw >= 3 and en_sw > vi_sw:
            return "en"
    try:  # short or unusual text: ask langdetect (deterministic seed)
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        return detect(sample)[:2]  # ISO 639-1 ("zh-cn" -> "zh")
    except Exception:  # noqa: BLE001 - no features: fall back on the letter evidence
        return "vi" if vi else "en"


# ---------------------------------------------------------------------------------------------
# Filling a document
# ---------------------------------------------------------------------------------------------
@dataclass
class PageSignals:
    """What the clean stage saw on the page, for metadata."""

    title: str | None = None
    date_lines: list[tuple[str, str]] = field(default_factory=list)  # (zone, line text) of date/byline lines
    dateline_prefixes: list[str] = field(default_factory=list)  # "VTV.vn", "(Dân trí)"
    furniture: list[str] = field(default_factory=list)  # dropped furniture lines (brand, copyright...)
    top_furniture: list[str] = field(default_factory=list)  # those of them above the article (logo lines)
    all_lines: list[str] = field(default_factory=list)  # every non-empty raw line (for signatures)
    all_keys: list[str] | None = None  # the same lines folded (case and diacritics), if computed
    masthead: str | None = None  # a short name set above the page's navigation bar (its logo line)


def fill(doc: Document, sig: PageSignals, container: set[str] | None = None) -> Document:
    """Set title, published, outlet and language where they are still missing."""
    if doc.title is None and sig.title:
        doc.title = sig.title
    doc.language = detect_language(doc.body or "\n".join(sig.all_lines))
    if doc.published:
        iso = parse_date(doc.published, doc.language)
        if iso is None:
            doc.warnings.append(f"published: container value {doc.published!r} is not a date we can read")
        elif iso != doc.published:
            doc.published = iso
    else:
        order = {"top": 0, "bottom": 1, "middle": 2}
        for _, line in sorted(sig.date_lines, key=lambda zl: order.get(zl[0], 3)):
            iso = parse_date(line, doc.language)
            if iso:
                doc.published = iso
                break
    if doc.outlet:
        o = outlet_from_name(doc.outlet) or outlet_from_url(doc.outlet)
        if o is not None:
            doc.outlet = o.name
    else:
        o = outlet_from_url(doc.url)
        if o is None:
            for p in sig.dateline_prefixes:
                cand = outlet_from_dateline(p)
                if cand is not None and cand.kind == "outlet":
                    o = cand
                    break
        if o is None:
            o = outlet_from_furniture(sig.furniture, sig.top_furniture)
        if o is None:
            o = outlet_from_signatures(sig.all_lines, sig.all_keys)
        if o is None:
            o = outlet_from_copyright(sig.furniture, sig.all_lines)
        if o is None:
            o = outlet_from_byline([line for _, line in sig.date_lines], sig.all_lines)
        if o is None and sig.masthead:
            o = outlet_from_masthead(sig.masthead)
        if o is not None:
            doc.outlet = o.name
    return doc
