"""Clean stage: drop scraped-page furniture from plain text, keep every article line.

A scored line classifier. Each non-empty line gets features (weights and phrase lists are data:
`data/lexicons/furniture.yaml`):

- *lexicon*: the whole line is a menu/widget phrase ("Đường dẫn truy cập", "TIN MỚI", "Share"),
  starts with one ("Mời quý độc giả...", "Xem thêm:"), or matches a furniture pattern (widget
  times "3 phút trước", counts, copyright); a photo-credit/caption cue "(Ảnh: ...)"; a lone
  1-3 character token ("X", "XS SM MD LG" size switchers); a breadcrumb trail;
- *shape*: length in words, sentence-final punctuation, all-caps, title-case, function words
  ("của", "và", "the", "of": prose);
- *position*: top zone (before the first prose line), bottom zone (after the last), middle;
- *repetition*: a line equal to the previous one (a caption printed twice: both copies go, the
  first as "caption", the second as "duplicate"); a line that is one text printed twice ("A A",
  a related-article teaser headline) and the summary line right after it; a second outlet
  dateline ("VTV.vn - ...") once the article already had one; lines after a "related" marker;
- *metadata lines*: a standalone date or byline+date line; a short "By ..."/"Theo Reuters" line.

score = sum(weight * feature); a line is dropped when score >= threshold, and recorded in
`doc.removed` as `RemovedLine(text, reason, score)` (reason = the strongest positive feature).
The headline (the first headline-like line before the article starts) becomes `doc.title` and
leaves the body; date/byline lines feed `doc.published`. An outlet dateline prefix at the start of
a kept paragraph ("VTV.vn - Ngày 23/7, ...") is stripped from the body (the paragraph is kept) and
feeds `doc.outlet`. The body is the kept lines, stripped, joined by "\\n": one paragraph per line.

Metadata is filled by `meta.fill` and never overwrites what the container gave.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import meta
from .lexicon import load_lexicon
from .model import Document, RemovedLine
from .meta import fold


@dataclass
class _Cfg:
    threshold: float
    w: dict[str, float]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    prefix_max_words: int
    tail_markers: frozenset[str]
    patterns: list[re.Pattern]  # one regex per lexicon pattern: the "^"-anchored ones are then tried once
    caption_patterns: list[re.Pattern]
    byline_re: re.Pattern
    date_label_re: re.Pattern  # a date line's label and its preposition: "Published On", "Cập nhật lúc"
    byline_patterns: list[re.Pattern]
    prose_words: frozenset[str]
    prose_enough: int = 0  # a count from which the capped prose feature no longer changes (0: none)


def _prose_enough(w: dict[str, float]) -> int:
    """The smallest count n with max(cap, weight * n) == cap for every count >= n, or 0."""
    cap, per = w.get("prose_word_cap"), w.get("prose_word")
    if cap is None or per is None or per >= 0:
        return 0
    for n in range(1, 1000):
        if per * n <= cap:
            return n
    return 0


@lru_cache(maxsize=1)
def _cfg() -> _Cfg:
    lex = load_lexicon("furniture")
    key = lambda s: " ".join(fold(s).split())  # noqa: E731
    weights = {k: float(v) for k, v in lex["weights"].items()}
    return _Cfg(
        prose_enough=_prose_enough(weights),
        threshold=float(lex["threshold"]),
        w=weights,
        exact=frozenset(key(s) for s in lex["exact"]),
        prefixes=tuple(sorted({key(s) for s in lex["prefix"]}, key=len, reverse=True)),
        prefix_max_words=int(lex.get("prefix_max_words", 30)),
        tail_markers=frozenset(key(s) for s in lex["tail_markers"]),
        patterns=[re.compile(rx, re.I) for rx in lex["patterns"].values()],
        caption_patterns=[re.compile(rx, re.I) for rx in lex["caption_patterns"].values()],
        byline_re=re.compile(r"^(?:%s)\b" % "|".join(re.escape(b) for b in lex["byline_starts"]), re.I),
        date_label_re=re.compile(r"^\W*(?:%s)(?!\w)(?:\s+(?:on|at|lúc|ngày|vào))?\s*[:.–—-]?\s*" % "|".join(
            re.escape(b) for b in sorted(lex.get("date_labels", []), key=len, reverse=True)) if lex.get("date_labels")
            else r"(?!)", re.I),
        byline_patterns=[re.compile(rx, re.I) for rx in lex.get("byline_patterns", {}).values()],
        prose_words=frozenset(w for ws in lex["prose_words"].values() for w in ws),
    )


# An outlet/agency dateline opening a paragraph: "VTV.vn - ", "(Dân trí) - ", "TTO - ",
# "WASHINGTON (Reuters) - ". Group 1 is the outlet-like token.
_DATELINE_RE = re.compile(
    r"^(?:[A-ZĐ][A-ZĐ .,'-]{1,40}\s+)?\(?((?:[A-Za-zĐđ][\w&+]*\.)+(?:vn|VN|net|com|org)|[A-ZĐ][\w&+.]{1,14}"
    r"(?:\s[\wĐđ][\w&+]{1,12})?)\)?\s*(?:[-–—]{1,2}|(?<=[A-ZĐ&])\.)\s+(?=\S)")
_END_PUNCT = ".!?…:;"
# the blanks and punctuation between words, for counting function words (one regex split is
# ~1.5x faster than str.translate of the punctuation to blanks + str.split: the same words)
_PROSE_SPLIT = re.compile(r"[\s,.;:!?()“”\"'‘’\[\]]+")
_SENT_END_RE = re.compile(r"[.!?…][”’\"»)]*(?:\s|$)")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_CLOSERS = "”’\"»)]'"
_LETTER_RE = re.compile(r"[^\W\d_]")
_BREADCRUMB_RE = re.compile(r"^[^.!?]{1,60}(\s[›»>|/]\s[^.!?]{1,40}){1,}$")


@dataclass
class _Line:
    idx: int
    text: str
    words: list[str]
    key: str
    feats: dict[str, float] = field(default_factory=dict)
    kind: str = ""  # "title" | "date" | "byline" | "caption" | "duplicate" | "teaser" | ...
    score: float = 0.0
    dateline: str | None = None  # outlet dateline prefix text ("VTV.vn - ")
    zone: str = ""  # "top" | "middle" | "bottom"
    title_case: bool = False
    segments: int = 1  # items of a navigation bar: parts between separators ("|", "•") or wide gaps

    def add(self, name: str, value: float) -> None:
        if value:
            self.feats[name] = self.feats.get(name, 0.0) + value


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _END_PUNCT and not text.rstrip().endswith(":")


def _is_date_line(line: _Line) -> bool:
    """A standalone date, or a short byline around a date ("Quỳnh Chi (T/h)-Thứ bảy, ngày ...")."""
    if len(line.words) > 20 or not _YEAR_RE.search(line.text):
        return False
    if _ends_sentence(line.text) and not line.text.rstrip().endswith(")") and len(line.words) > 8:
        return False
    f = meta.find_date(line.text)
    if f is None:
        return False
    before = line.text[:f.start]
    label = _cfg().date_label_re.match(before)
    if label:  # "Published On 22 Nov 2020": the label is no prose
        before = before[label.end():]
    rest = (before + " " + line.text[f.end:]).strip(" -|,–—")
    rest_words = [w for w in rest.split() if _LETTER_RE.search(w)]
    if len(rest_words) > 6 or any(w.lower().strip(",.;:()") in _cfg().prose_words for w in rest_words):
        return False
    if len(rest_words) <= 2:
        return True
    # a longer rest (a byline, "Updated ..."): the date must look like a page date, not part of a
    # headline ("... đàm phán ngày 28/7/2021"): with a time or weekday, or after a separator
    matched = line.text[f.start:f.end]
    if label:
        return True
    before = before.rstrip()
    return bool(re.search(r"\d[:h]\d\d", matched)
                or re.match(r"(?i)(thứ|chủ nhật|mon|tue|wed|thu|fri|sat|sun)", matched)
                or not before or before[-1] in "-|,)–—:")


def _prose_count(text: str, cfg: _Cfg) -> int:
    """Function words in a line. The feature is capped (`prose_word_cap`): once the count reaches
    the cap the rest of a paragraph cannot change it, so the line is counted ~80 characters at a
    time (cut at a blank: the words are the same) and only as far as needed."""
    count = cfg.prose_words.__contains__
    if not cfg.prose_enough:
        return sum(map(count, _PROSE_SPLIT.split(text.lower())))
    pw, start = 0, 0
    while True:
        cut = text.find(" ", start + 80)
        pw += sum(map(count, _PROSE_SPLIT.split((text[start:] if cut < 0 else text[start:cut]).lower())))
        if cut < 0 or pw >= cfg.prose_enough:
            return pw
        start = cut


def _caption_shaped(line: _Line) -> bool:
    """Short and at most one sentence: what a caption (or a headline) printed twice looks like. A long,
    multi-sentence paragraph that repeats is text, and the cleaner does not judge it."""
    return len(line.words) <= 35 and len(_SENT_END_RE.findall(line.text)) <= 1


def _local_features(line: _Line, prev: _Line | None, cfg: _Cfg) -> None:
    w, text, n = cfg.w, line.text, len(line.words)
    key = line.key
    if key in cfg.exact:
        line.add("lex_exact", w["lex_exact"])
    elif n <= cfg.prefix_max_words and key.startswith(cfg.prefixes):
        line.add("lex_prefix", w["lex_prefix"])
    if n <= 40:  # widgets, credits and captions are short; long lines are never scanned
        # the patterns look at a line's start and end: scan only those (speed)
        snippet = text if len(text) <= 160 else text[:100] + " \u2026 " + text[-60:]
        if any(rx.search(snippet) for rx in cfg.patterns):
            line.add("pattern", w["pattern"])
        if any(rx.search(snippet) for rx in cfg.caption_patterns):
            line.add("caption_cue", w["caption_cue"])
    if n == 1 and len(text) <= 3 and not text.isdigit():
        line.add("size_token", w["size_token"])
    if (n <= 14 and _BREADCRUMB_RE.match(text) or line.segments >= 3) and not _ends_sentence(text):
        line.add("breadcrumb", w["breadcrumb"])
    # shape
    if n == 1:
        line.add("short", w["len_1"])
    elif n <= 3:
        line.add("short", w["len_2_3"])
    elif n <= 6:
        line.add("short", w["len_4_6"])
    elif n >= 20:
        line.add("long", w["len_20_plus"])
    ends = _ends_sentence(text)
    if not ends:
        line.add("no_final_punct", w["no_final_punct"])
    elif n >= 6:
        line.add("ends_sentence", w["ends_sentence"])
    if n <= 12 and text.isupper() and len(_LETTER_RE.findall(text)) >= 3:
        line.add("all_caps", w["all_caps"])
    elif 2 <= n <= 8 and all(wd[:1].isupper() or not _LETTER_RE.match(wd[:1]) for wd in line.words):
        line.title_case = True  # scored with the zone: section names are outside the article
    pw = _prose_count(text, cfg)
    if pw:
        line.add("prose_words", max(w["prose_word_cap"], w["prose_word"] * pw))
    # metadata lines
    if _is_date_line(line):
        line.add("date_line", w["date_line"])
        line.kind = "date"
    elif n <= 8 and not ends and (cfg.byline_re.match(text) or any(rx.search(text) for rx in cfg.byline_patterns)):
        line.add("byline", w["byline"])
        line.kind = "byline"
    # repetition
    half = len(text) // 2
    if n >= 4 and text[:half].strip() == text[half:].strip() and len(text) % 2 == 1 and text[half] == " ":
        line.add("doubled", w["doubled"])
        line.kind = "teaser"
    if prev is not None and prev.key == key and _caption_shaped(line):
        line.add("duplicate", w["duplicate"])
        line.kind = "duplicate"
    m = _DATELINE_RE.match(text) if n > 4 else None
    if m and meta.outlet_from_dateline(m.group(1)) is not None:
        line.dateline = m.group(0)


def _reason(line: _Line) -> str:
    """The kind of metadata/caption/teaser line, else the strongest positive feature."""
    if line.kind:
        return line.kind
    pos = [(v, k) for k, v in line.feats.items() if v > 0 and k != "zone"]
    return max(pos)[1] if pos else f"{line.zone} zone"


_LEXICAL = ("lex_exact", "lex_prefix", "pattern", "caption_cue", "size_token", "breadcrumb", "doubled")


def _classify(lines: list[_Line], cfg: _Cfg) -> None:
    w = cfg.w
    prev = None
    for ln in lines:
        _local_features(ln, prev, cfg)
        prev = ln
    # the first copy of a line printed twice is a caption too
    for a, b in zip(lines, lines[1:]):
        if b.kind == "duplicate" and a.kind != "duplicate":
            a.add("caption_pair", w["caption_pair"])
            a.kind = a.kind or "caption"
    # the summary line after a doubled teaser headline; a second outlet dateline
    seen_dateline = False
    after_marker = False
    for i, ln in enumerate(lines):
        if i and "doubled" in lines[i - 1].feats:
            ln.add("after_teaser", w["after_teaser"])
            ln.kind = ln.kind or "teaser"
        if ln.dateline:
            if seen_dateline:
                ln.add("second_dateline", w["second_dateline"])
                ln.kind = ln.kind or "teaser"
            seen_dateline = True
        if after_marker:
            ln.add("after_tail_marker", w["after_tail_marker"])
        if ln.key in cfg.tail_markers or ln.kind == "teaser":
            after_marker = True
    for ln in lines:
        if "caption_cue" in ln.feats and not ln.kind:
            ln.kind = "caption"
    # zones: prose anchors are sentence-like lines that nothing local marks as furniture
    local = {id(ln): sum(ln.feats.values()) for ln in lines}
    anchors = [i for i, ln in enumerate(lines)
               if len(ln.words) >= 8 and _ends_sentence(ln.text)
               and not (ln.text.rstrip(_CLOSERS + " ").endswith("?") and len(ln.words) < 20)
               and local[id(ln)] < cfg.threshold and not ln.kind
               and not any(k in ln.feats for k in _LEXICAL)]
    first, last = (anchors[0], anchors[-1]) if anchors else (len(lines), -1)
    for i, ln in enumerate(lines):
        if i < first:
            ln.add("zone", w["zone_top"])
            ln.zone = "top"
        elif i > last:
            ln.add("zone", w["zone_bottom"])
            ln.zone = "bottom"
        else:
            ln.add("zone", w["zone_middle"])
            ln.zone = "middle"
        if ln.title_case and ln.zone != "middle":
            ln.add("title_case", w["title_case"])
    credit = False
    for ln in lines:
        if credit and "after_tail_marker" not in ln.feats:
            ln.add("after_credit", w["after_tail_marker"])
        if ln.zone == "bottom" and ln.kind in ("byline", "date"):
            credit = True
    for ln in lines:
        ln.score = round(sum(ln.feats.values()), 3)
        if ln.kind == "duplicate":  # a line printed twice in a row never stays twice
            ln.score = max(ln.score, cfg.threshold)


_NAV_SPLIT_RE = re.compile(r"\s+[|•·]\s+|\s*\t\s*| {2,}")
_ABBREV_END_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}\s*$")  # "U.S.", "U.K.": not a sentence end


def _nav_segments(raw: str) -> int:
    """How many items a flattened navigation bar has ("Trang chủ | Tin chính | Việt Nam", or items
    set apart by wide gaps: "Thế giới  Quân sự  Tư liệu"): parts of at most four words, none ending like
    a sentence. 1 for any other line."""
    line = raw.strip()
    if len(line) > 200 or not _NAV_SPLIT_RE.search(line):
        return 1
    parts = [p for p in _NAV_SPLIT_RE.split(line) if p]
    # an item's words are its tokens with a letter: "Tài chính - Kinh doanh" is a four-word item
    if len(parts) < 3 or any(sum(1 for t in p.split() if _LETTER_RE.search(t)) > 4 or (p.rstrip()[-1:] in ".!?:;," and not _ABBREV_END_RE.search(p))
                             for p in parts):
        return 1
    return len(parts)


def _menu_like(ln: _Line) -> bool:
    """A flattened navigation bar ("Thời sự Thế giới Kinh doanh Giải trí"): mostly capitalised words,
    no punctuation, no digits."""
    if ln.segments >= 3:
        return True
    caps = sum(1 for wd in ln.words if wd[:1].isupper())
    return (len(ln.words) >= 4 and caps >= 0.5 * len(ln.words)
            and not re.search(r"[\d,.:;!?()\"“”‘’'-]", ln.text))


def _title_candidate(lines: list[_Line], cfg: _Cfg) -> _Line | None:
    """The headline: the first headline-shaped line of the top zone (5-40 words, no final period,
    not furniture, not a date/byline, not a caption); a menu-like line gives way to a later one."""
    cands = []
    for ln in lines:
        if ln.zone != "top":
            break
        n = len(ln.words)
        if ln.kind not in ("", "caption") or not (5 <= n <= 40):
            continue  # (the first copy of a headline printed twice is a "caption" pair: still a title)
        if any(k in ln.feats for k in _LEXICAL):
            continue
        if ln.text.rstrip(_CLOSERS + " ").endswith((".", ":", ";")):
            continue
        cands.append(ln)
    if len(cands) > 1:
        cands = [ln for ln in cands if not _menu_like(ln)] or cands
    return cands[0] if cands else None


_MASTHEAD_RE = re.compile(r"^[^\W\d_][^\d.!?:;,|/()\[\]\"“”]*$")


def _masthead(lines: list[_Line]) -> str | None:
    """The page's masthead: its first line after the template's links (lexicon furniture: skip links,
    "Đường dẫn truy cập"), a short name (1-4 words, each capitalised, no digits or sentence marks)
    above the navigation bar (at most two widget lines between: "Search", "Menu"), and not one of the bar's items (a section name). Only the
    page's layout of a *name* over its menu: a page opening with a menu, a date or the headline has none."""
    i = 0
    while i < len(lines) and lines[i].zone == "top" and any(k in lines[i].feats for k in _LEXICAL) \
            and lines[i].segments < 3:
        i += 1
    if i + 1 >= len(lines) or lines[i].zone != "top":
        return None
    name, j = lines[i], i + 1
    while j < min(len(lines) - 1, i + 3) and lines[j].segments < 3 and any(k in lines[j].feats for k in _LEXICAL):
        j += 1  # widget lines between the logo and the menu ("Search", "Đăng nhập", "Menu")
    nav = lines[j]
    if not (1 <= len(name.words) <= 4) or name.kind or any(k in name.feats for k in _LEXICAL):
        return None
    if not _MASTHEAD_RE.match(name.text) or not all(w[:1].isupper() for w in name.words if w != "&"):
        return None
    if not (nav.segments >= 3 or _menu_like(nav)):
        return None
    items = {" ".join(fold(p).split()) for p in _NAV_SPLIT_RE.split(nav.text)} | {nav.key}
    if name.key in items or any(name.key in it.split() for it in items if len(name.words) == 1):
        return None
    return name.text


def clean(doc: Document) -> Document:
    cfg = _cfg()
    raw_lines = doc.body.split("\n")
    lines = []
    for i, raw in enumerate(raw_lines):
        words = raw.split()
        if words:
            text = " ".join(words)
            lines.append(_Line(i, text, words, fold(text), segments=_nav_segments(raw)))
    _classify(lines, cfg)
    sig = meta.PageSignals(all_lines=[ln.text for ln in lines], all_keys=[ln.key for ln in lines])
    sig.masthead = _masthead(lines)

    # title: given by the container (drop its copy from the body) or the page's headline line
    title_line = None
    if doc.title:
        tkey = " ".join(fold(doc.title).split())
        title_line = next((ln for ln in lines if ln.zone == "top" and ln.key == tkey), None)
    else:
        title_line = _title_candidate(lines, cfg)
    if title_line is not None:
        title_line.kind = "title"
        sig.title = title_line.text.strip()

    kept: list[str] = []
    removed: list[RemovedLine] = []
    for ln in lines:
        if ln is title_line:
            removed.append(RemovedLine(text=ln.text, reason="title", score=ln.score))
            continue
        if ln.score >= cfg.threshold:
            reason = _reason(ln)
            removed.append(RemovedLine(text=ln.text, reason=reason, score=ln.score))
            if ln.kind in ("date", "byline") or "date_line" in ln.feats:
                sig.date_lines.append((ln.zone, ln.text))
            else:
                sig.furniture.append(ln.text)
                if ln.zone == "top":
                    sig.top_furniture.append(ln.text)
            continue
        text = ln.text
        if ln.dateline and text != ln.dateline.strip():
            sig.dateline_prefixes.append(_DATELINE_RE.match(text).group(1))
            removed.append(RemovedLine(text=ln.dateline.strip(), reason="dateline", score=0.0))
            text = text[len(ln.dateline):].strip()
        kept.append(text)
    doc.body = "\n".join(kept)
    doc.removed = removed
    meta.fill(doc, sig)
    return doc


def explain(text: str) -> list[tuple[float, str, str, dict]]:
    """Debug view: (score, kind/zone, line, features) for every non-empty line of `text`."""
    cfg = _cfg()
    lines = [_Line(i, " ".join(r.split()), r.split(), fold(" ".join(r.split())), segments=_nav_segments(r))
             for i, r in enumerate(text.split("\n")) if r.strip()]
    _classify(lines, cfg)
    return [(ln.score, f"{ln.kind or '-'}/{ln.zone}", ln.text, ln.feats) for ln in lines]
