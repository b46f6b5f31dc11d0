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

from .model import Document, Span

# Tokens that end with a dot but do not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sen", "rep", "gov", "prof",
    "u.s", "u.k", "u.n", "e.u", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ts", "ths", "pgs", "gs", "tp",
    "ông", "bà", "p", "tr", "tt", "q",
}
_OPEN_Q = "“‘\"«("
_CLOSE_Q = "”’\"»)"
_END_RE = re.compile(r"[.!?…]+[”’\"»)]*")


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
    spans = []
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(start=pos + lead, end=pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _is_boundary(text: str, end: int, nxt: int) -> bool:
    """Is the punctuation run text[..end) followed by text[nxt] a sentence end?"""
    if nxt >= len(text):
        return True
    ch = text[nxt]
    if not (ch.isupper() or ch.isdigit() or ch in _OPEN_Q or ch == "-"):
        return False
    # the word before the dot
    m = re.search(r"([\w.]+)[.!?…]*[”’\"»)]*$", text[:end])
    if m:
        word = m.group(1).rstrip(".").lower()
        if word in _ABBREV:
            return False
        if len(word) == 1 and word.isalpha():  # initials: "Joseph R. Biden"
            return False
    return True


def split_sentences(body: str, para: Span) -> list[Span]:
    text = body[para.start:para.end]
    spans = []
    start = 0
    for m in _END_RE.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt] == " ":
            nxt += 1
        if nxt == end and nxt < len(text):  # no space after the dot: "1.000", "U.S."
            continue
        if _is_boundary(text, end, nxt):
            if text[start:end].strip():
                spans.append(Span(start=para.start + start, end=para.start + end))
            start = nxt
    if text[start:].strip():
        spans.append(Span(start=para.start + start, end=para.start + len(text.rstrip())))
    return spans


def annotate(doc: Document) -> Document:
    """Fill paragraphs and sentences of a cleaned document."""
    doc.paragraphs = paragraphs(doc.body)
    doc.sentences = [s for p in doc.paragraphs for s in split_sentences(doc.body, p)]
    return doc
