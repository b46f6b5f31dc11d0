"""NLP stage: paragraphs, sentences and text folding shared by every extractor.

Sentence splitting is rule-based (Vietnamese and English news prose): a
sentence ends at `.`, `!`, `?` or `…` followed by space and an upper-case
letter, a digit or an opening quote, or at a line break. Abbreviations
(`TS.`, `Mr.`, `U.S.`), decimals (`1.000`, `1,5`) and dotted names are not
ends. A quotation left open is closed at the end of its paragraph.
"""
from __future__ import annotations

import re
import unicodedata

from .model import Document, Span, spans as _spans

# Tokens that end with a dot but do not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sen", "rep", "gov", "prof",
    "u.s", "u.k", "u.n", "e.u", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ts", "ths", "pgs", "gs", "tp",
    "ông", "bà", "p", "tr", "tt", "q", "maj", "adm", "sgt", "capt",
}
_OPEN_Q = "“‘\"«("
_CLOSE_Q = "”’\"»)"
_END_RE = re.compile(r"[.!?…][.!?…]*[”’\"»)]*")  # (not "[.!?…]+": a leading class is scanned for in C)


def fold(text: str) -> str:
    """Lower-case, strip diacritics, and fold đ to d: the key for accent-insensitive matching.

    Keeps the string length unchanged for NFC Vietnamese (every letter folds to
    one letter), so offsets in the folded string equal offsets in the original.
    """
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)


def paragraphs(body: str) -> list[Span]:
    """Non-empty lines of the body (paragraphs are one line each after cleaning)."""
    pairs = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            pairs.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return _spans(pairs)


# Capital letters joined by dots are initials inside a name ("H.W.", "J.F."), not a sentence end.
_DOTTED_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)[.!?…]*[”’\"»)]*$")
_WORD_TAIL = set("_.!?…”’\"»)")  # with the letters and digits: the characters the pattern can match


def _word_before(text: str, end: int) -> re.Match | None:
    """The word before the punctuation run ending at `end` (group 1). The pattern can only start
    inside the run of word/punctuation characters that ends at `end`, so the search starts there:
    searching the whole text[:end] backtracks over every word of the paragraph (~20x slower)."""
    start = end
    if start and text[start - 1] == "\n":  # "$" also matches before a final newline: search it all
        return _WORD_BEFORE_RE.search(text, 0, end)
    while start and (text[start - 1].isalnum() or text[start - 1] in _WORD_TAIL):
        start -= 1
    return _WORD_BEFORE_RE.search(text, start, end)


def is_sentence_end(text: str, end: int, nxt: int) -> bool:
    """Is the punctuation run text[..end) followed by text[nxt] a sentence end? (Not after an abbreviation,
    an initial or "H.W.", nor before a lower-case word.)"""
    if nxt >= len(text):
        return True
    ch = text[nxt]
    if not (ch.isupper() or ch.isdigit() or ch in _OPEN_Q or ch == "-"):
        return False
    m = _word_before(text, end)
    if m:
        word = m.group(1).rstrip(".").lower()
        if word in _ABBREV:
            return False
        if len(word) == 1 and word.isalpha():  # initials: "Joseph R. Biden"
            return False
        if _DOTTED_INITIALS_RE.fullmatch(m.group(1).rstrip(".")):  # "George H.W. Bush"
            return False
    return True


def split_sentences(body: str, para: Span) -> list[Span]:
    return _spans(_sentence_bounds(body, para))


def _sentence_bounds(body: str, para: Span) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph."""
    text = body[para.start:para.end]
    bounds = []
    start = 0
    for m in _END_RE.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt] == " ":
            nxt += 1
        if nxt == end and nxt < len(text):  # no space after the dot: "1.000", "U.S."
            continue
        if is_sentence_end(text, end, nxt):
            if text[start:end].strip():
                bounds.append((para.start + start, para.start + end))
            start = nxt
    if text[start:].strip():
        bounds.append((para.start + start, para.start + len(text.rstrip())))
    return bounds


def annotate(doc: Document) -> Document:
    """Fill paragraphs and sentences of a cleaned document."""
    doc.paragraphs = paragraphs(doc.body)
    doc.sentences = _spans([b for p in doc.paragraphs for b in _sentence_bounds(doc.body, p)])
    return doc
