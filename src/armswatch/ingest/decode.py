"""Bytes -> clean Unicode text: encoding detection and repair, NFC, one tone-placement style.

`decode_bytes(data)` handles, in this order:

1. rejects empty and binary input (`IngestError` with a one-line reason);
2. byte-order marks: UTF-8 (BOM stripped), UTF-16 LE/BE (and BOM-less UTF-16 by its NUL pattern);
3. strict UTF-8; otherwise candidate decodings — Windows-1258 (base letter + combining tone
   mark, made NFC), cp1252 + the TCVN3 (ABC) table, cp1252 + the VNI table, and
   charset-normalizer's best guess;
4. for every candidate also the repaired forms: UTF-8 mojibake read as cp1252 (``Viá»‡t`` ->
   ``Việt``) and legacy font text already stored as UTF-8 (``ViÖt`` in TCVN3, ``Vieät`` in VNI);
5. picks the candidate with the best Vietnamese score (`vn_score`: valid syllables with diacritics
   count for, broken tokens and replacement/control characters count against);
6. NFC, and one tone-placement style (`normalize_tones`).

Tone placement: we use the *new* style, tone on the main vowel of an open ``oa oe uy`` rhyme:
``hòa``, ``khỏe``, ``thủy``, ``Thụy Sĩ`` (not ``hoà``, ``khoẻ``, ``thuỷ``, ``Thuỵ``). Closed rhymes
(``hoàn``, ``thuyết``) and ``qu`` onsets (``quý``) are unaffected.

The legacy tables are data: `data/lexicons/legacy_vn_encodings.yaml`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from typing import Any, Callable  # noqa: F401 (used in string annotations)

# ---------------------------------------------------------------------------------------------
# Vietnamese syllable model (used to score candidate decodings)
# ---------------------------------------------------------------------------------------------
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook, dot below
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ "
           "uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu").split()
_CODAS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
_SYLLABLE_RE = re.compile("^(?:%s)?(?:%s)(?:%s)?$" % (
    "|".join(_ONSETS), "|".join(sorted(_NUCLEI, key=len, reverse=True)), "|".join(c for c in _CODAS if c)))
_WORD_RE = re.compile(r"[^\W\d_]+")
_BAD_CHARS_RE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00a4\u00a6\u00a8\u00ac\u00af"
                           "\u00b1-\u00b6\u00b8\u00b9\u00bc-\u00bf\u00d7\u00f7\u0192\u2020\u2021\u2030\u02c6\u02dc"
                           "\u2122\u0160\u0161\u0152\u0153\u017d\u017e\u0178]")


@lru_cache(maxsize=65536)
def syllable_kind(word: str) -> int:
    """+1: a valid Vietnamese syllable with a diacritic; 0: plain ASCII word; -1: not Vietnamese-like."""
    if word.isascii():
        return 0
    w = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in w if c in _TONES]
    if len(tones) > 1:
        return -1
    base = unicodedata.normalize("NFC", "".join(c for c in w if c not in _TONES))
    return 1 if _SYLLABLE_RE.match(base) else -1


def vn_score(text: str) -> float:
    """Higher is more like well-encoded text: +1 per valid accented syllable, -1.5 per broken token,
    -2 per replacement/control/odd symbol character (the symbols legacy bytes turn into)."""
    good = bad = 0
    for w in _WORD_RE.findall(text):
        k = syllable_kind(w)
        if k > 0:
            good += 1
        elif k < 0:
            bad += 1
    return good - 1.5 * bad - 2.0 * len(_BAD_CHARS_RE.findall(text))


# ---------------------------------------------------------------------------------------------
# Tone placement
# ---------------------------------------------------------------------------------------------
# old style: tone on the second vowel of an open oa/oe/uy rhyme (not after the q of "qu"). The
# pattern starts with the o/u class (which `re` scans for in C) and checks the q before it in a
# two-character lookbehind: several times faster than trying the pattern at every position.
_OLD_STYLE_RE = re.compile("([oOuU])(?<![qQ][oOuU])"
                           "(?:(?<=[oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|(?<=[uU])([ỳýỷỹỵỲÝỶỸỴ]))(?![^\\W\\d_])")


def _move_tone(m: re.Match) -> str:
    d = unicodedata.normalize("NFD", m.group(2) or m.group(3))
    return unicodedata.normalize("NFC", m.group(1) + d[1:]) + d[0]


def normalize_tones(text: str) -> str:
    """Old-style ``oà oè uỳ`` (tone on the second vowel of an open rhyme) -> new style ``òa òe ùy``."""
    return _OLD_STYLE_RE.sub(_move_tone, text)


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """NFC, line ends to \\n, zero-width/NBSP/control characters cleaned, new-style tone placement."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    text = _CONTROL_RE.sub("", text)  # stray C0/C1 control characters (tabs and line ends stay)
    return normalize_tones(text)


# ---------------------------------------------------------------------------------------------
# Legacy tables and mojibake
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _legacy() -> dict:
    from ..lexicon import load_lexicon

    return load_lexicon("legacy_vn_encodings")


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    return {ord(k): v for k, v in _legacy()["tcvn3"].items()}


@lru_cache(maxsize=1)
def _vni_re() -> tuple[re.Pattern, dict[str, str]]:
    table = _legacy()["vni"]
    firsts = "".join(sorted({k[0] for k in table if len(k) == 2}))
    marks = "".join(sorted({k[1] for k in table if len(k) == 2}))
    singles = "".join(sorted(k for k in table if len(k) == 1))
    # character classes instead of 136 alternatives: the same matches, much faster
    rx = re.compile(f"[{re.escape(firsts)}][{re.escape(marks)}]|[{re.escape(singles)}]")
    return rx, table


def from_tcvn3(text: str) -> str:
    """Map TCVN3 characters (text decoded as Latin-1/cp1252) to Unicode."""
    return text.translate(_tcvn3_table())


_UP = "A-ZĐĂÂÊÔƠƯ"
# a lower-case toned vowel inside an all-capitals word: between two capitals, or after two at the end
_TCVN3_CAPS_RE = re.compile(f"(?<=[{_UP}])([^\\W\\d_A-Za-z])(?=[{_UP}])"
                            f"|(?<=[{_UP}]{{2}})([^\\W\\d_A-Za-z])(?![^\\W\\d_])")
# ... or at the start of a line or sentence
_TCVN3_START_RE = re.compile("(^|[.!?…] )([(\\[“\"'‘-]*)([^\\W\\d_A-Za-z])", re.M)


def tcvn3_case(text: str) -> str:
    """TCVN3 (VN3) has no upper-case toned vowels: upper-case them where case is certain — inside
    an all-capitals word ("MớI" -> "MỚI") and at the start of a line or sentence ("ấn" -> "Ấn")."""
    text = _TCVN3_CAPS_RE.sub(lambda m: m.group(0).upper(), text)
    return _TCVN3_START_RE.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


def from_vni(text: str) -> str:
    rx, table = _vni_re()

    def rep(m: re.Match) -> str:
        k = m.group(0)
        v = table.get(k)
        if v is None:  # a base + mark pair VNI does not define: map the base alone
            return table.get(k[0], k[0]) + k[1:]
        return v

    return rx.sub(rep, text)


# cp1252 as a reversible byte map: the 0x80-0x9F letters and symbols, and Latin-1 for the rest
_CP1252_REV = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_MOJIBAKE_RE = re.compile(r"[ÃÄÅÆáâ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                          r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _as_cp1252_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x100:
            out.append(o)
        elif ch in _CP1252_REV:
            out.append(_CP1252_REV[ch])
        else:
            return None
    return bytes(out)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 bytes that were decoded as cp1252 (``Viá»‡t Nam`` -> ``Việt Nam``), run by run."""
    text = text.replace("\u00c4\ufffd", "\u00c4\u0090")  # Đ = C4 90; 0x90 is undefined in cp1252

    def fix_run(m: re.Match) -> str:
        raw = _as_cp1252_bytes(m.group(0))
        if raw is None:
            return m.group(0)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace") if raw.count(b"\xef\xbf\xbd") else m.group(0)

    return re.sub(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                  r"\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}", fix_run, text)


# ---------------------------------------------------------------------------------------------
# Binary / empty detection
# ---------------------------------------------------------------------------------------------
_MAGIC = ((b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"PK\x03\x04", "ZIP archive (docx/xlsx/epub?)"), (b"\x1f\x8b", "gzip archive"),
          (b"\x7fELF", "executable"), (b"\xd0\xcf\x11\xe0", "OLE document (.doc/.xls)"),
          (b"7z\xbc\xaf", "7z archive"))
_CTRL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _error(msg: str):
    from . import IngestError

    return IngestError(msg)


_TEXTLIKE_RE = re.compile("[\t\n\r\x20-\x7e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20ac]")


def _utf16_guess(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text (NULs at every other byte), else None."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    enc = None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        enc = "utf-16-le"
    elif even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        enc = "utf-16-be"
    if enc is None:
        return None
    # the decoded text must be Latin/Vietnamese text, not NUL-padded binary read as CJK
    sample = head[: len(head) // 2 * 2].decode(enc, errors="replace")
    ok = len(_TEXTLIKE_RE.findall(sample))
    return enc if ok >= 0.95 * len(sample) else None


def check_binary(data: bytes) -> None:
    """Raise IngestError for empty or binary input."""
    if not data or not data.strip():
        raise _error("empty file (no text)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _error(f"binary file ({what}), not text")
    head = data[:8192]
    if b"\x00" in head:
        raise _error("binary file (NUL bytes), not text")
    ctrl = len(head) - len(head.translate(None, _CTRL))  # one C pass (was one count per control byte)
    if ctrl > max(3, 0.05 * len(head)):
        raise _error(f"binary file ({ctrl} control bytes in the first {len(head)}), not text")


# ---------------------------------------------------------------------------------------------
# Main entry
# ---------------------------------------------------------------------------------------------
# A candidate decoding: a label and a function from the source (bytes or str) to text. Candidates
# are scored on a sample (the first ~1.2 kB) and only the winner is applied to the whole input.
Candidate = tuple[str, "Callable[[Any], str]"]
SAMPLE = 1200


_WIN1252_TABLE = "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                         for b in range(256))


def _win1252(data: bytes) -> str:
    """The bytes as Windows shows them (cp1252; its 5 undefined bytes as the same code points)."""
    return codecs.charmap_decode(data, "strict", _WIN1252_TABLE)[0]


@lru_cache(maxsize=1)
def _tcvn3_bytes_table() -> str:
    t = _tcvn3_table()
    return "".join(t.get(ord(c), c) for c in _WIN1252_TABLE)


def _tcvn3_bytes(data: bytes) -> str:
    """Decode TCVN3 bytes in one C-speed charmap pass."""
    return codecs.charmap_decode(data, "strict", _tcvn3_bytes_table())[0]


_VN_BEYOND_LATIN1_RE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                                  "\u1ea0-\u1ef9]")


def _at_most(rx: re.Pattern, text: str, n: int) -> bool:
    """Does `rx` occur at most `n` times in `text`? (Stops at the (n+1)th match.)"""
    return next(islice(rx.finditer(text), n, None), None) is None


def _candidates(text: str, label: str) -> list[Candidate]:
    """The text as decoded, and its repaired forms (applied lazily, only when needed)."""
    out: list[Candidate] = [(label, lambda t: t)]
    if _MOJIBAKE_RE.search(text):
        out.append((label + "+mojibake", fix_mojibake))
    # legacy font encodings are only worth trying when their characters occur, and when the text
    # does not already have Vietnamese letters beyond Latin-1 (TCVN3/VNI read as cp1252 never do)
    sample = unicodedata.normalize("NFC", _sample(text))
    if re.search("[\u00a1-\u00fe]", sample) and _at_most(_VN_BEYOND_LATIN1_RE, sample, 2):
        out.append((label + "+tcvn3", from_tcvn3))
        out.append((label + "+vni", from_vni))
    return out


def _sample(src, n: int = SAMPLE):
    """The first ~n bytes/characters of `src`, cut at a line or word end."""
    if len(src) <= n:
        return src
    cut = src[:n]
    nl = cut.rfind(b"\n" if isinstance(src, bytes) else "\n")
    if nl > n // 2:
        return cut[:nl]
    sp = cut.rfind(b" " if isinstance(src, bytes) else " ")
    return cut[:sp] if sp > n // 2 else cut


def _clean_enough(text: str) -> bool:
    """True when the text has no broken tokens or odd characters worth trying to repair."""
    good = bad = 0
    for w in _WORD_RE.findall(text):
        k = syllable_kind(w)
        good += k > 0
        bad += k < 0
    odd = len(_BAD_CHARS_RE.findall(text))
    return bad <= 0.02 * (good + bad) and odd <= max(1, 0.002 * len(text)) and not _MOJIBAKE_RE.search(text)


# Latin-1/cp1252 characters that are neither Vietnamese letters nor everyday punctuation: legacy
# font text and mojibake are full of them, clean text has (almost) none.
_SUSPECT_RE = re.compile("[\u0080-\u009f\u00a1-\u00ac\u00ae-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1"
                         "\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8"
                         "\u00fb\u00fc\u00fe\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\ufffd]")


def _pick(src, cands: list[Candidate], extra: "Callable[[], list[Candidate]] | None" = None) -> tuple[str, str]:
    """Decode `src` with the first candidate if that gives clean text, else with the best-scoring
    one (scored on a sample). `extra` adds candidates only when none so far is clean
    (charset-normalizer is slow)."""
    sample = _sample(src)
    first = cands[0][1](sample)
    if (len(_SUSPECT_RE.findall(first)) <= 2 and re.search("[\u0300-\u0323]", first) is None
            and not _MOJIBAKE_RE.search(first)):
        return cands[0][0], cands[0][1](src)  # fast path: plain, clean (NFC) text
    if _clean_enough(unicodedata.normalize("NFC", first)):
        return cands[0][0], cands[0][1](src)
    base = vn_score(unicodedata.normalize("NFC", first))
    # a repair must win clearly: clean text with a few Latin-1 symbols ("©", "café") stays as it is
    margin = 3.0 + 0.05 * len(_WORD_RE.findall(first))
    best = (base, cands[0], first)
    for cand in cands[1:]:
        t = cand[1](sample)
        nt = unicodedata.normalize("NFC", t)
        # mojibake repair only rewrites runs that decode as valid UTF-8: strong evidence on its own
        s = vn_score(nt) - (0.5 if cand[0].endswith("mojibake") else margin)
        if s > best[0]:
            best = (s, cand, t)
            if s > base + margin and _clean_enough(nt):
                break  # a clean decoding that clearly beats the raw one: no need to try the rest
    if extra is not None and not _clean_enough(unicodedata.normalize("NFC", best[2])):
        for cand in extra():
            t = cand[1](sample)
            s = vn_score(unicodedata.normalize("NFC", t))
            if s > best[0]:
                best = (s, cand, t)
    label, fn = best[1]
    return label, fn(src)


def _charset_normalizer(data: bytes) -> list[Candidate]:
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:65536]).best()
    except Exception:  # noqa: BLE001 - a detector failure is not a reason to fail the document
        return []
    if guess is None or guess.encoding in ("cp1258", "cp1252", "latin_1", "utf_8"):
        return []
    enc = guess.encoding
    return [(enc, lambda b: b.decode(enc, errors="replace"))]


def decode_bytes(data: bytes, declared: str | None = None, with_label: bool = False):
    """Decode `data` to normalized text (see module doc). `declared`: a charset the container
    declares (HTML meta); it is tried first and kept unless another decoding scores better."""
    if data.startswith(codecs.BOM_UTF8):
        label, text = "utf-8-sig", data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        label, text = "utf-16", data.decode("utf-16", errors="replace")
    elif (enc := _utf16_guess(data)) is not None:
        label, text = enc, data.decode(enc, errors="replace")
    else:
        label = text = None
    if text is not None:
        if not text.strip():
            raise _error("empty file (no text)")
        text = unicodedata.normalize("NFC", text)  # composed first: a decomposed "Ä" hides a mojibake run
        label, text = _pick(text, _candidates(text, label))
    else:
        check_binary(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            text = unicodedata.normalize("NFC", text)  # composed first: a decomposed "Ä" hides a mojibake run
            label, text = _pick(text, _candidates(text, "utf-8"))
        else:
            # mostly UTF-8 with a few broken bytes (a truncated or spliced file) comes first
            cands: list[Candidate] = []
            if _sample(data).decode("utf-8", errors="replace").count("\ufffd") <= 3:
                cands.append(("utf-8 (with invalid bytes replaced)", lambda b: b.decode("utf-8", errors="replace")))
            if declared:
                try:
                    data[:SAMPLE].decode(declared, errors="strict")
                    cands.append((declared, lambda b: b.decode(declared, errors="replace")))
                except (LookupError, UnicodeDecodeError):
                    pass
            cands += [("cp1258", lambda b: b.decode("cp1258", errors="replace")),
                      ("tcvn3", _tcvn3_bytes), ("vni", lambda b: from_vni(_win1252(b))),
                      ("cp1252", lambda b: b.decode("cp1252", "replace"))]
            label, text = _pick(data, cands, extra=lambda: _charset_normalizer(data))
            bad = text.count("\ufffd")
            if bad > max(10, 0.02 * len(text)):
                raise _error(f"undecodable text ({bad} invalid characters under the best guess {label})")
    if label.endswith("tcvn3"):
        text = tcvn3_case(text)
    return (normalize_text(text), label) if with_label else normalize_text(text)


# ---------------------------------------------------------------------------------------------
# Encoders (the inverse maps): used to build test fixtures and to check the tables round-trip
# ---------------------------------------------------------------------------------------------
def _to_cp1252(text: str) -> bytes:
    """Bytes as a Windows legacy-font document stores them: Latin-1 code points as such, the
    cp1252 punctuation (curly quotes, dashes) in 0x80-0x9F."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x80 or 0xA0 <= o < 0x100:
            out.append(o)
        elif ch in _CP1252_REV:
            out.append(_CP1252_REV[ch])
        else:
            out += b"?"
    return bytes(out)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode NFC Vietnamese `text` as 'cp1258', 'tcvn3' or 'vni' bytes (lossy where the legacy
    encoding has no form, e.g. upper-case toned vowels in TCVN3, which become lower case)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        out = bytearray()
        for ch in text:
            try:
                out += ch.encode("cp1258")
            except UnicodeEncodeError:
                d = unicodedata.normalize("NFD", ch)
                tone = "".join(c for c in d if c in _TONES)
                base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
                out += (base + tone).encode("cp1258", errors="replace")
        return bytes(out)
    if encoding == "tcvn3":
        rev = {v: chr(k) for k, v in _tcvn3_table().items()}
        return _to_cp1252("".join(rev.get(ch, rev.get(ch.lower(), ch)) for ch in text))
    if encoding == "vni":
        _, table = _vni_re()
        rev: dict[str, str] = {}
        for k, v in table.items():  # prefer the canonical key: same case as the letter, shortest
            if (k[0].isupper() == v.isupper()) and (v not in rev or len(k) < len(rev[v])):
                rev[v] = k
        return _to_cp1252("".join(rev.get(ch, ch) for ch in text))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def decode_text(text: str) -> str:
    """Repair and normalize text that arrived already decoded (JSONL fields, HTML extraction):
    mojibake and legacy font text are fixed as for bytes, then NFC and tone placement."""
    if "\x00" in text:
        raise _error("binary content (NUL characters), not text")
    text = unicodedata.normalize("NFC", text)  # composed first: a decomposed "Ä" hides a mojibake run
    label, text = _pick(text, _candidates(text, "str"))
    if label.endswith("tcvn3"):
        text = tcvn3_case(text)
    return normalize_text(text)
