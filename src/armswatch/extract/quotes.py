"""Direct quotes: text in “ ”, " ", « », „ “, ‘ ’ or ' ' with the speaker entity.

1. Quote marks are paired per paragraph: “ and « close with ” " or », „ closes with “ or ”, a straight " opens
   after a blank and closes at the next ” or ", ‘ closes with ’ (not an apostrophe between letters), a straight '
   opens after a blank before a letter and closes before a non-letter ("calls it 'very concerning'", not "aren't").
   A double quote left open runs to the end of its paragraph.
2. The speaker is looked for, in this order,
   - right after the closing mark: `“...,” Bell nói`, `"...”, vẫn lời ông`, `“...”, vị đại sứ nói tiếp`,
     `“...,” said Bell`;
   - before the opening mark in the same sentence: a name and a colon (`Ông Putin: “...”`), the
     subject of the last verb of saying, or the object of "theo": `Ông Santoro ... cho biết: “...”`,
     `... họ nói ... rằng Trung Quốc “...”`, `Theo Bộ Ngoại giao Nga, “...”`;
   - an opening mark at the start of a paragraph whose previous paragraph ended inside an open
     quote continues that speaker (the English convention for multi-paragraph quotes); a long quote
     after an attributed one in the same paragraph continues its speaker (`“A,” X nói. “B.”`).
   Who the subject is (a name, "người phát ngôn", "vị đại sứ", "ông", "họ", "the report") is
   resolved in attribution.py.
   A quote left open at a paragraph end with no attribution takes the speaker of the quote that reopens
   the next paragraph ("“A\n“B”, ông Biden nói"); a paragraph ending in "X nói:" introduces a quote
   opening the next one. A full-sentence quote after an attributed one keeps its speaker.
   A name before a colon is the speaker only when it heads the clause ("Ông Putin: “...”", not "... lời
   mời bằng tiếng Anh: “...”").
   A quote left open at a paragraph end whose next paragraph closes it with no reopening mark runs on
   into that paragraph (same speaker). A further quote of a paragraph continues an attributed one even
   when the speaker is unnamed ("a senior official told reporters"). A long quote opening the sentence
   after one of indirect speech ("Theo lời ông X, ... . “...”") takes that sentence's source.
   Found on unseen articles (tests/fresh4): an agency after the quote ('X said ... "...," RIA reported') relays
   the person who said it before the quote; a quote that ends its sentence is not attributed by the next
   sentence when that one holds a quote of its own; "he said" skips names later in the last speaker's sentence.
   Built from how news prose attributes speech (session-5 split-half round): a quote that is the object of a verb of
   proposing, citing, likening, posting or voicing is its subject's ('citing "..."', 'ông đề xuất một "..."',
   'tweeted: "..."', lexicon `quote_verbs`), with a pronoun in a clause of the sentence standing for the person
   heading it ("X ủng hộ điều mà ông gọi là “...”"); words quoted from a joint subject inside reported speech are the
   reporter's ("X viết rằng hai nhà lãnh đạo bày tỏ “...”"); "theo tuyên bố chung, hai nhà lãnh đạo ... “...”"
   quotes the joint statement's parties.
   Found on text never tuned on (session 6, tests/fresh6): a document a state or body issues speaks for its issuer
   ("Sách trắng khẳng định", "The integrated review, titled X, says", "Đạo luật viết:", attribution.py
   `_document_voice`); a group pronoun after a quote ("it said", "bộ này") never stands for a name inside that quote.
3. A short all-capitalised quote after a possessive is a title (ABC's "This Week") and is skipped. A short quote right after an article or a naming word (`an "early warning counterstrike" posture`,
   "cái gọi là") is a term and is skipped. A quote with no verb of saying or attribution around it is a scare quote or a term
   (“vết rạn nứt”) and is skipped when it is short (<= 4 words); a long quote with an attribution
   cue but no resolvable speaker is kept with speaker null.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_lexicon
from ..model import Document, Quote, Span
from .attribution import Attributor, phrase_regex

_SCARE_MAX_WORDS = 4
# a short quote right after one of these is a name or a term, not speech: 'an "early warning
# counterstrike" posture', 'cái gọi là “vùng xám”', 'the so-called "Golden Dome"'
_TERM_BEFORE = re.compile(r"(?<!\w)(?:a|an|the|so-called|dubbed|termed|named|known as|called|cái gọi là|"
                          r"được gọi là|gọi là|mang tên|có tên|dưới tên)\s*$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s*$")
_ARTICLE_ONLY = re.compile(r"(?:a|an|the)\s*", re.IGNORECASE)
_NAMING_BEFORE = re.compile(r"(?<!\w)(?:calls?|called|dubs?|dubbed|terms?|termed|what\s+\w+\s+calls?)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _phrase_closer() -> re.Pattern:
    words = (load_lexicon("speech") or {}).get("phrase_closers") or ["\x00"]
    return re.compile(r"\s*(?:[.,;:!?)…–—]|$|(?:" + phrase_regex(words) + r"))", re.IGNORECASE)


def _ends_phrase(body: str, close_end: int) -> bool:
    """Does the noun phrase end with the quote: a punctuation mark or a preposition or conjunction after it?"""
    return close_end >= 0 and _phrase_closer().match(body, close_end) is not None


def _partial_adjective(att: Attributor, text: str, speaker, body: str, art_start: int, article: str = "",
                       close_end: int = -1) -> bool:
    """'Austin said the review took a "balanced" approach': after a bare article, one or two lowercase words
    quoted from a named speaker (a person, body or country: the subject of a verb of saying in the sentence,
    'leaders called China a "decisive enabler"') are a partial quote, not a term ('what it calls an "early
    warning counterstrike" posture' stays a term). After an indefinite article the speaker's own wording runs up
    to the scare-quote length ('said the talks were held in a "calm and respectful atmosphere"', 'fired in a
    "non-nuclear hypersonic configuration"'): "a"/"an" introduces how the speaker describes it, where "the"
    introduces an established name ('the "coalition of the willing"'); and the quote ends its noun phrase (a
    punctuation mark or a word of `phrase_closers` after it), for words modifying a noun after them name a kind of
    it ('keeps an "early warning counterstrike" posture')."""
    longest = _SCARE_MAX_WORDS if article.strip().lower() in ("a", "an") and _ends_phrase(body, close_end) else 2
    if speaker is None or len(text.split()) > longest or not text[:1].islower():
        return False
    ent = att.entities.get(speaker)
    if ent is None or ent.type not in ("PERSON", "ORG", "COUNTRY"):
        return False
    return not _NAMING_BEFORE.search(body, max(0, art_start - 25), art_start)


_ATTR_MAX_WORDS = 30  # words between a closing mark and the verb of an attribution after it
# a sentence end ([.!?…] before a blank or the end) or an opening quote; written to start with one
# character class, which `re` scans for fast (~7x faster than "[.!?…](?=\s|$)|[“‘]", same matches)
_SENT_END = re.compile(r"[.!?…“‘](?:(?<=[“‘])|(?=\s|$))")
# a title abbreviation before a name ("Guam Gov. Eddie Calvo said", "Lt. Gen. X said") ends no sentence
_TITLE_ABBR = re.compile(r"(?<!\w)(?:Gov|Sen|Rep|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Gens|Sens|Reps|Dr|Mr|Mrs|Ms|Prof|"
                         r"Amb|Pres|Sec|Gov-elect)\.$")


def _opens_straight(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-:,") and not nxt.isspace()


def _straight_single(text: str, i: int) -> str | None:
    """A straight ' as a quotation mark (British headlines and standfirsts: "calls the test 'very concerning'"):
    "open" after a blank or an opening bracket/dash before a letter, "close" after a non-blank before a non-letter;
    an apostrophe between letters ("aren't", "Russia's") or before a digit ("'90s") is neither."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if (prev.isspace() or prev in "([{—–:,") and nxt.isalpha():
        return "open"
    if not prev.isspace() and not nxt.isalnum():
        return "close"
    return None


_MARKS = re.compile(r"[“”\"‘’«»„']")
_DOUBLE_MARKS = re.compile(r"[“”\"«»„]")
_CURLY_MARKS = re.compile(r"[“”\"‘’«»„]")  # every mark but the straight single one, an apostrophe as often
# closing marks of a double quote, by its opening mark: „ closes with “ (German) or ” (Polish, Romanian)
_DOUBLE_CLOSERS = {"„": "“”\"", "“": '”"»', "«": '”"»', '"': '”"»'}


def quote_spans(body: str, para: Span, continued: bool = False) -> list[tuple[int, int, bool]]:
    """(open mark offset, close mark offset or paragraph end, closed?) of top-level quotes.
    `continued`: the previous paragraph ended inside an open double quote; a closing mark before any
    opening one in this paragraph ends it (the quote runs on with no reopening mark), and the span
    starts at `para.start - 1`."""
    out = []
    state = None  # ("d" | "s", open offset)
    if continued:
        first = _DOUBLE_MARKS.search(body, para.start, para.end)
        if first and (body[first.start()] in "”»" or (body[first.start()] == '"'
                                                       and not _opens_straight(body, first.start()))):
            state = ("d", para.start - 1)
    for m in _MARKS.finditer(body, para.start, para.end):
        i = m.start()
        c = body[i]
        if state is None:
            if c in "“«„":
                state = ("d", i)
            elif c == '"' and _opens_straight(body, i):
                state = ("d", i)
            elif c == "‘":
                state = ("s", i)
            elif c == "'" and _straight_single(body, i) == "open":
                state = ("'", i)
        elif state[0] == "d":
            if c in _DOUBLE_CLOSERS.get(body[state[1]], '”"»'):
                out.append((state[1], i, True))
                state = None
        elif state[0] == "'":
            if c == "'" and _straight_single(body, i) == "close":
                out.append((state[1], i, True))
                state = None
        elif c == "’":
            prev = body[i - 1] if i > 0 else " "
            nxt = body[i + 1] if i + 1 < len(body) else " "
            if not (prev.isalpha() and nxt.isalpha()):  # not an apostrophe ("China’s")
                out.append((state[1], i, True))
                state = None
    if state is not None and state[0] == "d":
        out.append((state[1], para.end, False))
    return out


def _post_attribution(att: Attributor, close_end: int, para: Span) -> tuple[bool, str | None]:
    """Attribution right after a closing mark: (cue found, speaker id)."""
    body = att.body
    lex = att.lex
    pos = close_end
    while pos < para.end and body[pos] in " \t,:–—-":
        pos += 1
    if pos >= para.end or body[pos] in ".!?…":
        return False, None
    m = _SENT_END.search(body, pos, para.end)
    limit = m.start() if m else para.end
    for mm, _ in att.mentions_in(pos, para.end):  # "said Hans M. Kristensen": an initial is not a sentence end
        if mm.start < limit < mm.end:
            m = _SENT_END.search(body, mm.end, para.end)
            limit = m.start() if m else para.end
    while limit < para.end and _TITLE_ABBR.search(body, max(pos, limit - 12), limit + 1) \
            and body[limit + 1:limit + 3].strip()[:1].isupper():
        m = _SENT_END.search(body, limit + 1, para.end)
        limit = m.start() if m else para.end
    text = body[pos:limit]
    # "vẫn lời ông", "theo lời ông X"
    m = lex.speech_noun_start.match(text)
    if m:
        return True, att.resolve_np(pos + m.end(), limit, prefer_first=True)
    # "said Bell", "added the spokesman"
    m = lex.en_verb.match(text)
    if m:
        return True, att.np_after(pos + m.end(), limit)
    # "theo X"
    preps = att.preps_in(pos, limit)
    if preps and preps[0][0] == pos:
        return True, att.np_after(preps[0][1], limit)
    # "NP nói", "vị đại sứ nói tiếp": the phrase starts with a capital, a pronoun or a determiner
    first = text.split(maxsplit=1)[0] if text.split() else ""
    # a bare document noun opens the phrase too ("“...”, tuyên bố viết", "báo cáo cho biết"); a verb inside it
    # ("tuyên bố") is not the verb of the attribution
    doc_noun = lex.source_noun.match(text)
    starts_np = (first[:1].isupper() or lex.pron_person_head.match(text) or lex.pron_group_head.match(text)
                 or first.lower() in lex.determiners or first.lower() in lex.honorifics or lex.spokes.match(text)
                 or doc_noun or lex.title.match(text))
    if not starts_np:
        return False, None
    verbs = att.verbs_in(pos + (doc_noun.end() if doc_noun else 0), limit)
    if not verbs:
        return False, None
    vs = verbs[0][0]
    if len(body[pos:vs].split()) > _ATTR_MAX_WORDS or "rằng" in body[pos:vs]:
        return False, None
    return True, att.subject_of(vs, pos)


# a sentence end (not an initial: "U.S. Ambassador") or an opening quote mark
_NEXT_OPEN = re.compile(r"(?<!\b[A-Z])[.!?…](?=\s|$)|[“‘«]|(?<=\s)\"")


def _next_sentence_quotes(body: str, text: str, close_end: int, para: Span) -> bool:
    """Does the quote end its sentence ('... aggression."') and the next sentence hold a quote of its own
    ('U.S. Ambassador X said it meant "..."')? Then that sentence's subject speaks its own quote, not this one."""
    nxt = body[close_end:close_end + 40].lstrip()
    if text.rstrip()[-1:] not in ".!?…" or not nxt[:1].isupper():  # '"...!", ông viết' goes on
        return False
    m = _NEXT_OPEN.search(body, close_end, para.end)
    return m is not None and body[m.start()] not in ".!?…"


def _pre_attribution(att: Attributor, open_pos: int, floor: int, masks) -> tuple[bool, str | None]:
    # "Ông Putin: “...”" (headline style): a name right before a colon
    left = att.body[floor:open_pos].rstrip()
    if left.endswith(":"):
        ments = att.mentions_in(floor, floor + len(left))
        if ments and not att.body[ments[-1][0].end:floor + len(left) - 1].strip() \
                and ments[-1][1].type in ("PERSON", "ORG", "COUNTRY") and att.is_sentence_subject(ments[-1][0]):
            # the name is the whole clause before the colon, not the end of a longer one
            # ("Ông Putin kết thúc bằng lời mời bằng tiếng Anh: “...”")
            return True, ments[-1][1].id
    verbs = att.verbs_in(floor, open_pos, masks)
    preps = att.preps_in(floor, open_pos, masks)
    if not verbs and not preps:
        return False, None
    return True, att.source_before(open_pos, floor, masks)


@lru_cache(maxsize=1)
def _name_head() -> re.Pattern:
    """A naming noun right before a quote ("kế hoạch", "operation"): a short capitalised quote after it is a name."""
    heads = (load_lexicon("speech") or {}).get("name_heads") or ["\x00"]
    return re.compile(r"(?<!\w)(?:" + phrase_regex(heads) + r")\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _then_attribution() -> re.Pattern:
    d = (load_lexicon("speech") or {}).get("quote_then_attribution") or {}
    return re.compile(r"\s*(?:" + phrase_regex(d.get("demonstratives") or ["\x00"]) + r")\s+(?:[\w'’-]+\s+){1,5}?(?:"
                      + phrase_regex(d.get("links") or ["\x00"]) + r")\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _quote_verb() -> re.Pattern:
    """A verb whose object is the quoted words, a few words (no punctuation but a colon or comma right before the
    opening mark) before it."""
    verbs = (load_lexicon("speech") or {}).get("quote_verbs") or ["\x00"]
    return re.compile(r"(?<!\w)(?:" + phrase_regex(verbs) + r")(?:\s+[\w'’-]+){0,6}?\s*[:,]?\s*$", re.IGNORECASE)


def _quoted_object_speaker(att: Attributor, text: str, open_pos: int, floor: int) -> str | None:
    """'Putin ordered ..., citing "aggressive statements"', 'ông đề xuất một "kế hoạch táo bạo"', 'ông ví kế hoạch
    bằng thành ngữ “...”': the quote is the object of a verb of proposing, citing or likening, whose subject
    uttered the words. A short quote in title case is a name ('đăng ảnh chiếc tàu "Aurora"'), not words."""
    words = text.split()
    if len(words) <= _SCARE_MAX_WORDS and all(w[:1].isupper() for w in words):
        return None
    m = _quote_verb().search(att.body, floor, open_pos)
    if m is None or att.lex.noun_before.search(att.body, max(0, m.start() - 12), m.start()):
        return None  # "một đề xuất “...”", "the proposed “...”": a noun or a participle, nobody speaking
    pron = att.lex.pron_person_tail.search(att.body, floor, m.start())
    if pron is not None:
        # "X ủng hộ điều mà ông gọi là “...”", "X backed what he called “...”": a pronoun in a clause inside the
        # sentence stands for the person heading that sentence
        head = att.first_subject(floor, pron.start())
        if head is not None and att.entities[head].type == "PERSON":
            return head
    return att.subject_of(m.start(), floor)


def _joint_reporter(att: Attributor, floor: int) -> str | None:
    """'Tài khoản Twitter của ông Rouhani viết rằng hai nhà lãnh đạo đã bày tỏ “...”', 'X said the two leaders
    voiced “...”': two parties cannot utter one phrase together, so words quoted from a joint subject inside
    reported speech are the wording of the one who reports it. Call right after `_pre_attribution` found a speaker
    (its source phrase is `att.last_span`)."""
    span = att.last_span
    if span is None:
        return None
    phrase = att.body[span[0]:span[1]]
    if not (att.lex.joint_persons.search(phrase) or att.lex.joint_countries.search(phrase)):
        return None
    cut = None
    for m in att.lex.clause_cut.finditer(att.body, floor, span[0]):
        cut = m
    if cut is None or not cut.group().strip().isalpha():  # reported by "rằng" / "that", not after a quote mark
        return None
    return att.source_before(cut.start(), floor)


@lru_cache(maxsize=1)
def _joint_document() -> re.Pattern:
    docs = (load_lexicon("speech") or {}).get("joint_documents") or ["\x00"]
    return re.compile(r"\s*(?:(?:the|a|bản)\s+)?(?:" + phrase_regex(docs) + r")\s*,\s*", re.IGNORECASE)


def _joint_document_speaker(att: Attributor, open_pos: int, floor: int) -> str | None:
    """'Theo tuyên bố chung, hai nhà lãnh đạo nhất trí mở rộng “...”', 'According to the joint statement, the two
    leaders agreed to “...”': a joint statement is its parties' words, and a joint subject of the clause it
    introduces names them."""
    preps = att.preps_in(floor, open_pos)
    if not preps:
        return None
    m = _joint_document().match(att.body, preps[-1][1], open_pos)
    if m is None:
        return None
    for rx in (att.lex.joint_persons, att.lex.joint_countries):
        jm = rx.match(att.body, m.end(), open_pos)
        if jm is not None:
            return att.resolve_joint(jm.start(), jm.end())
    return None  # a named subject ("Theo tuyên bố chung, Ngoại trưởng X sẽ ...") need not be a party


def _next_sentence_attribution(att: Attributor, close_end: int, para: Span) -> str | None:
    """“Ba Lan sẵn sàng ... .” Đó là khẳng định của ông Duda: the sentence after a whole-sentence quote names
    its speaker."""
    body = att.body
    m = _then_attribution().match(body, close_end, para.end)
    if not m:
        return None
    sm = _SENT_END.search(body, m.end(), para.end)
    limit = sm.start() if sm else para.end
    for mm, _ in att.mentions_in(m.end(), para.end):  # an initial inside a name is not a sentence end
        if mm.start < limit < mm.end:
            limit = mm.end
    return att.np_after(m.end(), limit)


def _trailing_attribution(att: Attributor, doc: Document, close_end: int) -> str | None:
    """'Avangard lao tới mục tiêu “...”, với tốc độ hơn Mach 20, theo lời ông.', '..., according to X.': a last
    clause of the quote's sentence that is only "theo (lời) X" / "according to X" attributes all of it, past
    other words after the closing mark (no further quote in between)."""
    body = att.body
    sent = doc.sentence_of(close_end - 1)
    if sent is None:
        return None
    limit = sent.end
    while limit > close_end and body[limit - 1] in " .!?…":
        limit -= 1
    comma = body.rfind(",", close_end, limit)
    if comma < 0 or _CURLY_MARKS.search(body, close_end, limit):
        return None
    pos = comma + 1
    while pos < limit and body[pos].isspace():
        pos += 1
    preps = att.preps_in(pos, limit)
    if preps and preps[0][0] == pos:
        return att.np_after(preps[0][1], limit)
    return None


def _sent_start(doc: Document, pos: int) -> int:
    sent = doc.sentence_of(pos)
    return sent.start if sent is not None else -1


def sent_start_quote(doc: Document, open_pos: int, para: Span) -> bool:
    """Does the quote open a sentence that is not the first of its paragraph?"""
    sent = doc.sentence_of(open_pos)
    return sent is not None and sent.start > para.start and not doc.body[sent.start:open_pos].strip()


def _previous_sentence_source(att: Attributor, doc: Document, open_pos: int, para: Span):
    """(cue, speaker) of the sentence before the quote's, in the same paragraph."""
    sent = doc.sentence_of(open_pos)
    prev = att.sentence_before(sent.start) if sent else None
    if prev is None or prev.start < para.start:
        return False, None
    if any(ch in doc.body[prev.start:prev.end] for ch in "“”\""):
        return False, None  # the sentence before holds a quote of its own: handled by the paragraph rule
    sp = att.source_before(prev.end, prev.start)
    return sp is not None, sp


def extract_quotes(doc: Document) -> Document:
    body = doc.body
    paragraphs = doc.paragraphs or ([Span(start=0, end=len(body))] if body else [])
    att = Attributor(doc)
    quotes: list[Quote] = []
    prev_open_speaker: str | None = None  # speaker of a quote left open at the end of the previous paragraph
    pending: list[Quote] = []  # quotes left open at a paragraph end with no speaker yet (press convention:
    # the speaker is named after the quote reopens in the next paragraph)
    prev_para: Span | None = None
    open_at_end = False  # the previous paragraph ended inside an open double quote
    for para in paragraphs:
        spans = quote_spans(body, para, continued=open_at_end)
        open_at_end = bool(spans) and not spans[-1][2]
        masks = [(o, c + 1) for o, c, _ in spans]
        carried = prev_open_speaker
        prev_open_speaker = None
        waiting, pending = pending, []
        intro = None  # "X nói:" closing the previous paragraph introduces a quote opening this one
        if prev_para is not None and body[prev_para.start:prev_para.end].rstrip().endswith(":"):
            psent = doc.sentence_of(prev_para.end - 1)
            pfloor = psent.start if psent else prev_para.start
            _, intro = _pre_attribution(att, prev_para.end, pfloor, [])
        prev_para = para
        prev_end = para.start
        para_speaker = None
        para_cue = False
        sent_speaker = None  # (sentence start, speaker) of the last attributed quote of this paragraph
        for open_pos, close_pos, closed in spans:
            t0, t1 = open_pos + 1, close_pos
            while t0 < t1 and body[t0].isspace():
                t0 += 1
            while t1 > t0 and body[t1 - 1].isspace():
                t1 -= 1
            if t1 <= t0:
                prev_end = close_pos + 1
                continue
            text = body[t0:t1]
            cue, speaker = (False, None)
            if closed and not _next_sentence_quotes(body, text, close_pos + 1, para):
                att.quoted = [(open_pos, close_pos)]
                cue, speaker = _post_attribution(att, close_pos + 1, para)
                att.quoted = []
                if speaker is not None and att.entities[speaker].type == "ORG":
                    # 'X said a U.S. exit would be "a very dangerous step," RIA reported': the agency relays the
                    # person who said it before the quote
                    sent = doc.sentence_of(open_pos)
                    floor = max(prev_end, sent.start if sent else para.start, para.start)
                    _, before = _pre_attribution(att, open_pos, floor, masks)
                    if before is not None and att.entities[before].type == "PERSON":
                        speaker = before
            if speaker is None:
                sent = doc.sentence_of(open_pos)
                floor = max(prev_end, sent.start if sent else para.start, para.start)
                cue2, speaker = _pre_attribution(att, open_pos, floor, masks)
                cue = cue or cue2
                if speaker is not None:
                    speaker = _joint_reporter(att, floor) or speaker
            if speaker is None:
                sent = doc.sentence_of(open_pos)
                sp5 = _quoted_object_speaker(att, text, open_pos, max(prev_end, sent.start if sent else para.start))
                if sp5 is not None:
                    cue, speaker = True, sp5
            if speaker is None:
                sent = doc.sentence_of(open_pos)
                sp6 = _joint_document_speaker(att, open_pos, max(prev_end, sent.start if sent else para.start))
                if sp6 is not None:
                    cue, speaker = True, sp6
            if speaker is None and closed:
                sp4 = _trailing_attribution(att, doc, close_pos + 1)
                if sp4 is not None:
                    cue, speaker = True, sp4
            if speaker is None and closed and (text.rstrip()[-1:] in ".!?…" or body[close_pos + 1:close_pos + 2] in ".!?…"):
                sp3 = _next_sentence_attribution(
                    att, close_pos + 1 + (1 if body[close_pos + 1:close_pos + 2] in ".!?…" else 0), para)
                if sp3 is not None:
                    cue, speaker = True, sp3
            if speaker is None and carried and open_pos <= para.start:
                cue, speaker = True, carried
            if speaker is None and not cue and sent_start_quote(doc, open_pos, para):
                # “...” opening a sentence right after one of indirect speech ("Theo lời ông X, ... . “...”",
                # "X cho biết ... . “...”"): the same speaker goes on, now in direct speech
                cue2, sp2 = _previous_sentence_source(att, doc, open_pos, para)
                if sp2 is not None and (len(text.split()) > _SCARE_MAX_WORDS):
                    cue, speaker = cue2, sp2
            if speaker is None and intro and open_pos == para.start:
                cue, speaker = True, intro
            if speaker is None and sent_speaker is not None and sent_speaker[0] == _sent_start(doc, open_pos):
                # 'X said A is "p," while B is "q"': a further quote of the sentence of an attributed one,
                # with no verb of saying of its own in between, goes on in the same voice (short ones too)
                cue, speaker = True, sent_speaker[1]
            words = len(text.split())
            tb = _TERM_BEFORE.search(body, max(para.start, open_pos - 15), open_pos) if words <= _SCARE_MAX_WORDS else None
            if tb is not None and doc.language == "vi" and _ARTICLE_ONLY.fullmatch(tb.group()):
                tb = None  # "Hội đồng Bảo an “...”": a Vietnamese syllable, not the English article "an"
            if tb is None and words <= _SCARE_MAX_WORDS and text[:1].isupper():
                tb = _name_head().search(body, max(para.start, open_pos - 20), open_pos)  # kế hoạch "Vòm Vàng"
            if tb is None and words <= _SCARE_MAX_WORDS and all(w[:1].isupper() for w in text.split()) \
                    and _POSSESSIVE_BEFORE.search(body, max(para.start, open_pos - 6), open_pos):
                # a title after a possessive ('ABC's "This Week"', 'NBC's "Meet The Press"'); no floor for the next
                # quote: the title stands inside its clause
                continue
            if tb and not (_ARTICLE_ONLY.fullmatch(tb.group()) and _partial_adjective(att, text, speaker, body, tb.start(), tb.group(), close_pos + 1)):
                prev_end = close_pos + 1
                continue  # a term or a name in quotation marks
            sentence_like = text[:1].isupper() and text.rstrip()[-1:] in ".!?…"
            if speaker is None and not cue and para_cue and (words > _SCARE_MAX_WORDS or sentence_like):
                # “A,” X said. “B.” — a further quote of the same paragraph continues the speaker (who may
                # be unnamed: "a senior official told reporters")
                cue, speaker = True, para_speaker
            prev_end = close_pos + 1
            if waiting and open_pos == para.start:
                # the quote reopened at this paragraph's start goes on from the open one(s) before it
                for q in waiting:
                    q.speaker = speaker
                    if speaker is not None:
                        quotes.append(q)
                waiting = []
            if speaker is None and not closed and open_pos == para.start and words > _SCARE_MAX_WORDS \
                    and len(spans) == 1:
                pending.append(Quote(start=t0, end=t1, text=text, speaker=None))
                continue
            if speaker is None and (not cue or words <= _SCARE_MAX_WORDS):
                continue  # a scare quote, a term, or a title
            att.note_speaker(open_pos, speaker)
            quotes.append(Quote(start=t0, end=t1, text=text, speaker=speaker))
            if speaker is not None:
                sent_speaker = (_sent_start(doc, open_pos), speaker)
            para_speaker = speaker or para_speaker
            para_cue = para_cue or cue
            if not closed:
                prev_open_speaker = speaker
    quotes.sort(key=lambda q: q.start)
    doc.quotes = quotes
    return doc
