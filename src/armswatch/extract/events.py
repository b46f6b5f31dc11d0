"""Extraction of events: talks, summits, calls, visits, treaty actions, reports, incidents.

Reads doc.body / sentences / entities / timexes (earlier stages) and fills doc.events.

Method, per document:
1. Triggers: one compiled alternation of the cues in data/lexicons/events.yaml
   (longest cue wins; collocations such as "họp báo" are discarded).
2. Each trigger becomes a *mention* with what its clause says about it:
   participants (countries read from country mentions, from people's and bodies'
   affiliation, from "hai nước"-type pair words), the time expression attached to
   it (each date timex goes to the nearest trigger of its clause; dates of speech
   acts such as "cho biết hôm 2/11" are not event dates), a place after tại/ở/in,
   status cues (sẽ/dự kiến -> planned, muốn/đề nghị/chưa -> proposed,
   bị đình trệ -> stalled, đã/nối lại -> held), blockers (negation, opposition,
   conditionals, purpose clauses, generic/habitual uses: no event), and
   attributes (track, topic, resumed, format, treaty action + treaty, author).
3. Mentions of one type in one sentence are grouped ("hội đàm ... bàn thảo"),
   unless a cue marks another happening ("các cuộc đàm phán riêng").
4. Document level coreference: an anaphoric mention ("cuộc gặp này",
   "nói trên") joins the best earlier event of its type; an assertion joins an
   earlier event only when nothing distinguishes them (date, status, track,
   topic, parties, "cũng"); otherwise it is a new event. Evidence spans of
   every mention are kept in attributes.mentions.
5. Bilateral types missing a party take the pair of countries in context (not for a meeting of an
   international body alone); short pair forms ("Mỹ - Triều", "liên Triều") name both sides, and a side
   that is no entity of the page is cited by a person of that country.
Generalisation rules (each with a test sentence in tests/test_events.py, CASES2): venues (after tại/in, and
"Lima, Peru") are no parties; what is discussed (the topic) and think tanks cited as sources are no parties;
conditionals reach back to the sentence start; incidents take their actor from the subject and a later
nominal ("vụ phóng") refers back to the last incident; a date belongs to the trigger of its own comma
segment and conjunct, not to a thing after "trước/sau/kể từ + noun"; meetings named after "sau/trước" or a
possessive point back to the last meeting; "on the sidelines of" a summit is no summit; a visiting leader's
talks with the leader he visits are a summit.
Fourth and fifth rounds (CASES4, CASES5): dates told relative to another event ("Cùng ngày", "ngày hôm sau",
"Hai ngày sau cuộc gặp", "one day after <clause>" dates that clause's event back from the main one);
habitual spans ("Trong nhiều thập kỷ", "for decades") are no happening; a visit to a city whose country the
page never names cites the city; a caller ("kêu gọi Mỹ và Iran ...") and the occasion after "bên lề" are no
parties; "lần này" sets a round against earlier ones, "lần thứ hai" against one told without that rank;
leaders signing a text together also met (unless told as background); an event named after "sau/kể từ"
is past; the pair in context skips background events.
Ninth round (CASES9): a motion verb ("tới", "đến", "arrived in") is a visit when a purpose follows its destination
("tới Bình Nhưỡng gặp ông Kim", "arrived in X to meet") or when it tells a record ("... đầu tiên đến Hiroshima"),
with the traveller further back in the sentence (never a speaker before a speech verb).
Status round 2 (CASES_EVSTATUS2): a future told after a verb of saying or deciding ("said the US would leave",
"agreed that ... would hold") is a reported plan (planned), not a hypothesis; talks or a summit refused ("từ chối
tham gia đàm phán", "rejected calls to join talks") are proposed, not blocked (the contract's "sought or offered,
not agreed"); a quantifier over all meetings before the trigger ("mọi cuộc gặp", "every meeting") names none;
an invitation ("mời", "called for", "an offer of") proposes.
Speed: the page is tokenised once; most short cue lists are looked up in a word trie of the page (the cue
windows), and the slow alternation patterns only confirm the candidates the windows give.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, timedelta
from itertools import accumulate, compress
from operator import itemgetter

from ..kb import load_kb
from ..model import Document, Event
from ..lexicon import load_lexicon
from .event_cues import STATUS_ORDER, TOKEN_RE, cues, demonym_firsts, demonyms
from .timex import document_anchor


def _lex_words(key: str) -> list[str]:
    """The words of the events lexicon's list `key`, in the order written (plain words and spaces: they go into a
    pattern as they are)."""
    words = load_lexicon("events")[key]
    for w in words:  # (a bare YAML on/no/yes is a boolean: quote it)
        if not isinstance(w, str) or not re.fullmatch(r"\w+(?: \w+)*", w):
            raise ValueError(f"events lexicon {key}: {w!r} is not plain words")
    return words


def _lex_alt(key: str, tail: str = "") -> str:
    """The alternation (no group) of the events lexicon's list `key`, each word followed by `tail`."""
    return "|".join(w + tail for w in _lex_words(key))

# event dates in the contract's partial-date form (document.schema.json): 2021, 2021-07, 2021-07-28,
# XXXX-07-28, XXXX-07 ...
_DATE_RE = re.compile(r"^(X{4}|\d{4})(-(XX|\d{2}))?(-(XX|\d{2}))?$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?$")
_COARSE_RE = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")
_CLASSIFIERS = tuple(_lex_words("np_classifiers"))
_CLASSIFIER_RE = re.compile(r"(?:^|\s)(" + "|".join(_CLASSIFIERS) + r")\s*$", re.IGNORECASE)
# (the words that end such patterns, or that they need near the end of the text they read: the patterns run only
# when the page's words there include one, _Ctx.may_end_with)
_CLASSIFIER_LAST = frozenset(c.split()[-1] for c in _CLASSIFIERS)
# an English demonstrative before the trigger ("during that visit", "That summit ..."): a noun naming a happening
# told before. Only after a preposition or at the clause start: "said that talks ..." is a complementizer
_DEMONSTRATIVE_LEAD_RE = re.compile(r"(?:^\W*|(?<!\w)(?:during|at|in|on|after|before|since|from|of|for|by|following|"
                                    r"throughout|despite|since|until)\s+)(?:this|that|these|those)\s+(?:[\w-]+\s+)?$",
                                    re.IGNORECASE)
_TREATY_ANAPHOR_RE = re.compile(
    r"(?<!\w)(?:(?:hiệp ước|hiệp định|thỏa thuận|thoả thuận|công ước|liên minh)\s+(?:này|trên|nói trên|đó|ấy)"
    r"|the (?:treaty|agreement|pact|accord|deal|alliance)"
    r"|(?:^|(?<=[.!?]\s))(?:Hiệp ước|Hiệp định|Thỏa thuận|Thoả thuận)(?=\s+(?:\w+\s+){0,1}(?:có|được|đã|sẽ|hết|bị|chính thức|chấm dứt)\s))(?!\w)",
    re.IGNORECASE,
)
_BARE_TREATY_OBJECT_RE = re.compile(r"\s+(hiệp ước|hiệp định|công ước|văn bản này)(?=\s*(?:[,.;]|$|(?:hồi|vào|năm|từ|tháng|"
                                    r"ngày|khi|và|sau|trước)(?!\w)))", re.IGNORECASE)
_TREATY_WORDS_RE = re.compile(_lex_alt("treaty_words"), re.IGNORECASE)
_WORD_RE = re.compile(r"\w+(?:[-+]\w+)*")
_TOKEN_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")")  # (the tokens kept between the gaps)
_SEMI_RE = re.compile(";")
_WCHAR_RE = re.compile(r"\w")
_JOIN_CHAR_RE = re.compile(r"[\w+]")
_DASH_GAP_RE = re.compile(r"\s*[-–]\s*")
_TITLE_GAP_RE = re.compile(r"\s+(?:[A-ZĐÂĂÊÔƠƯ]\w*\s+){1,3}(?:\w+\s+){0,1}")  # "Tổng thống ", "Ngoại trưởng "
_COMMA_END_RE = re.compile(r",\s*$")
_AND_GAP_RE = re.compile(r"\s+(?:và|and)\s+")
# what may stand before a list of countries at the head of its clause: nothing, an article, or a comma-ended lead
_LIST_LEAD_RE = re.compile(r"(?:\s*(?:the|The)\s*)?|.*,\s*")
_ORDINAL_RE = re.compile(r"\s+(?:lần thứ|vòng thứ)\s+(hai|ba|tư|năm|sáu|bảy|tám|\d+)(?!\w)", re.IGNORECASE)
# the rank of a happening told after its noun ("hội nghị thượng đỉnh liên Triều thứ ba", "... ba bên đầu tiên") or
# before it ("their second summit", "the third meeting"); never a weekday ("cuộc gặp hôm thứ Hai")
_ORDINAL_AFTER_RE = re.compile(r"(?:\s+(?!hôm|ngày|vào|sáng|chiều|tối|trưa|đêm)[\w-]+){0,2}?\s+(?:thứ\s+(hai|ba|tư|năm|sáu)"
                               r"|(đầu tiên))(?!\w)")
_ORDINAL_BEFORE_RE = re.compile(r"(?<!\w)(first|second|third|fourth|fifth)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ORDINAL_BEFORE_WORDS = frozenset(("first", "second", "third", "fourth", "fifth"))
_ORDINAL_AFTER_WORDS = frozenset(("thứ", "đầu"))
_ORDINAL_HEADS = frozenset(("lần", "vòng"))
_COPULA_END_RE = re.compile(r"(?<!\w)(?:là|is|was)\s+(?:(?:the|một|cuộc|chuyến|lần)\s+){0,2}$", re.IGNORECASE)
_ORDINAL_NUM = {"hai": "2", "ba": "3", "tư": "4", "năm": "5", "sáu": "6", "bảy": "7", "tám": "8", "đầu tiên": "1",
                "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5"}
_JOINT_TEXT_RE = re.compile(r"\b(?:chung|joint|signed|issued|adopted)\b")
_FRONTED_PASSIVE_RE = re.compile(r"\s*[\"“]?(?:được|đã được|signed|first signed)\s", re.IGNORECASE)
# "từng ký hiệp ước hữu nghị năm 1961", "ký thỏa thuận thực thi ...", "signed an interim deal": a treaty, an agreement
# or a joint text named by a common noun after a signing verb (not a trade, energy or arms-sale deal)
_COMMON_TREATY_RE = re.compile(r"\s+(?:" + _lex_alt("common_treaty_determiners", " ") + r")?(?:(?:"
                               + _lex_alt("common_treaty_modifiers") + r")\s+)?(?:" + _lex_alt("common_treaty_nouns")
                               + r")(?!\s+(?:" + _lex_alt("non_arms_deal_topics") + r"))(?!\w)", re.IGNORECASE)
# "would leave a landmark Cold War-era treaty": a withdrawal's object is a treaty named by a common noun, with
# up to three modifiers before it (withdrawing from a trade deal is no arms-control treaty action either)
_LEFT_TREATY_RE = re.compile(r"\s+(?:a |an |the |its |their |this )?(?!(?:[\w-]+\s+){0,3}?(?:trade|economic|thương mại))"
                             r"(?:[\w-]+\s+){0,3}?(?:treaty|pact|accord|hiệp ước)"
                             r"(?!\s+(?:thương mại|kinh tế|trade|economic))(?!\w)", re.IGNORECASE)
_WITH_BEFORE_RE = re.compile(r"(?<!\w)(?:với|with)\s+(?:[\w.-]+\s+){0,3}$", re.IGNORECASE)  # "với Mỹ", "with the U.S."
_COORD_DATE_RE = re.compile(r"\s*(?:,\s*)?(?:và|and)\s*", re.IGNORECASE)  # "on May 4 and May 9", "31/5 và tháng 8"
# a subject's participle or relative set off by commas ("Đối thoại ..., được khởi động sau ..., đã bị đình trệ",
# "Talks ..., mediated by the EU since 2021, have stalled", "..., do EU làm trung gian, đã bế tắc")
_PLURAL_HAPPENINGS_RE = re.compile(r"(?<!\w)(?:các|những|hai|ba) (?:cuộc|chuyến)(?!\w)|(?<!\w)(?:summits|meetings|visits|"
                                   r"calls)$", re.IGNORECASE)  # "các cuộc gặp", "hai chuyến thăm", "summits"
_PLURAL_WORDS = frozenset(("các", "những", "hai", "ba", "summits", "meetings", "visits", "calls"))
_PARENTHETICAL_RE = re.compile(r"[^,.;:]{0,60},\s*(?:được|đã được|vốn|do|which|that was|first|"
                               r"[a-z]+ed\s+(?:by|in|at|on|since|between|under))\s[^.;:]{5,160}?,\s*",
                               re.IGNORECASE)
# (a Vietnamese agent after "do" is a passive too: "New START do Obama và Medvedev ký", signed by them)
_PASSIVE_RE = re.compile(r"\s*(?:đã được|được|do|was|were|has been|had been)\s", re.IGNORECASE)
_REL_PREP_RE = re.compile(r"\s+(?:sau khi|trước khi|after|before)(?!\w)", re.IGNORECASE)  # "một ngày sau khi ..."
_SINCE_FRAME_RE = re.compile(r"(?<!\w)(?:sau|sau khi|kể từ|kể từ khi|since|after|following)\s+(?:các |những |the |a )?"
                             r"(?:cuộc |chuyến |vụ )?$", re.IGNORECASE)
_SINCE_FRAME_LAST = frozenset(("sau", "khi", "từ", "since", "after", "following"))
_FRONTED_RE = re.compile(r"\s*(?:sau khi|trước khi|khi|after|before|while|upon)\s*", re.IGNORECASE)
_SINCE_NP_RE = re.compile(r"(?<!\w)(?:kể từ|since)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SINCE_NP_LAST = frozenset(("từ", "since"))
_SINCE_CLAUSE_RE = re.compile(r"(?<!\w)(?:kể từ khi|since)\s+$", re.IGNORECASE)
_SINCE_CLAUSE_LAST = frozenset(("khi", "since"))
_RELATIVE_RE = re.compile(r"\s*(?:mà|that|which)\s", re.IGNORECASE)
# a relative clause or an agent after a modified noun ("thỏa thuận tạm thời mà Iran ký", "the interim deal that ...")
_MODIFIED_RELATIVE_RE = re.compile(r"(?:\s+[\w-]+){0,2}?\s*(?:mà|do|that|which)\s", re.IGNORECASE)
# a report trigger used as a noun ("Theo báo cáo", "bản báo cáo"), and one in a fronted adverbial
_NOUN_LEAD_RE = re.compile(r"(?<!\w)(?:theo|trong|bản|các|những|một|của)\s+$", re.IGNORECASE)
_FRONTED_REPORT_RE = re.compile(r"^\W*(?:trong|in)\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
_COORD_RE = re.compile(r"[,;]|(?<!\w)(?:và|and|nhưng|but)(?!\w)", re.IGNORECASE)
# ", còn Mỹ ngừng thử ...", ", while Washington suspended ...": a contrasted clause with its own subject
_REL_PRONOUN_RE = re.compile(r"(?<!\w)(?:mà|that|which|who)(?!\w)", re.IGNORECASE)
# "với Pháp, Úc và Ấn Độ " before a timex: commas of a list of short names closed by "và"
_ENUM_GAP_RE = re.compile(r"^[^,;]*(?:,\s*(?:[\w-]+\s+){0,3}?[\w-]+)*,\s*(?:[\w-]+\s+){0,3}(?:và|and)\s+(?:[\w-]+\s+){0,3}$")
_CONTRAST_RE = re.compile(r"[,;]\s*(?:còn|trong khi|trong lúc|while|whereas)(?!\w)", re.IGNORECASE)
_TIME_PREP_RE = re.compile(r"(?<!\w)(vào|hồi|trong|từ|in|on|at|since|during)(?!\w)", re.IGNORECASE)
_PUNCT_RE = re.compile(r"[,.;:()\"“”]")
# words that may open a clause before its subject meeting ("Các cuộc đàm phán", "The indirect talks", "Vòng hội
# đàm"): at most three words, none of them a name
_SUBJECT_LEAD_RE = re.compile(r"\W*(?:(?!(?:" + _lex_alt("subject_lead_stops") + r")\s)[\w-]+\s+){0,3}", re.IGNORECASE)
# a halting word after a preposition of time names an earlier state, not the predicate ("sau nhiều tháng bế tắc",
# "after months of deadlock", "amid the stalled talks")
_PAST_STATE_RE = re.compile(r"(?<!\w)(?:" + _lex_alt("past_state_preps") + r")\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# where the main predicate of a subject can no longer lie: a semicolon, a contrasted clause, or a subordinate clause
# with a subject of its own (English "after"/"since"/"that" are left out: they also head a participle or a relative)
_PREDICATE_STOP_RE = re.compile(r";|(?<!\w)(?:" + _lex_alt("predicate_stops") + r")(?!\w)", re.IGNORECASE)
_PREDICATE_STOP_FIRSTS = frozenset(w.split()[0] for w in _lex_words("predicate_stops"))
_ARTICLE_END_RE = re.compile(r"(?<!\w)(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)  # an English noun
# between a meeting and the body after it: a partner or a purpose, not the forum ("đàm phán với IAEA")
_FORUM_GAP_RE = re.compile(r"(?<!\w)(?:" + _lex_alt("forum_gap_words") + r")(?!\w)", re.IGNORECASE)
_TOPIC_END_RE = re.compile(r"[,.;:()]|\s[-–]\s")
_SEG_SPLIT_RE = re.compile(r"[,;:()\u201c\u201d\"]|\s[-–—]\s")
# (the dash's look-behind comes after the dash: every branch then starts with a character class, which the
# regex engine scans for fast; before it, every position of the page was tried)
_SEG_MARK_RE = re.compile(r"[,;:()\u201c\u201d\"]|[-–—](?<=\s[-–—])(?=\s)")
_SEG_MARKS = ",;:()\u201c\u201d\"-–—"  # (the characters it matches: _seg_marks)
_BILATERAL = {"talks", "summit", "call"}
# what may stand between a traveller and "tới"/"đến": a tense word, a verb of going, or the place left ("sẽ rời
# Seoul đến Tokyo")
_MOTION_LEAD_RE = re.compile(r"(?<!\w)(?:đã|sẽ|vừa|sắp|dự kiến|bay|đi|lên đường|will|has|have)\s*$"
                             r"|(?<!\w)rời(?: khỏi)?\s+(?:[A-ZĐÂĂÊÔƠƯ][\w-]*\s+){1,3}$", re.IGNORECASE)
_TIMEX_GAP_RE = re.compile(r"(?<!\w)(?:hôm|ngày|vào|on|last|this)\s+[\w/]+(?:\s+tuần\s+\w+)?", re.IGNORECASE)
_ENUM_RE = re.compile(r",\s*")
_INDEFINITE_RE = re.compile(r"(?:^|\s)(?:một|a|an)\s+(?:(?:cuộc|chuyến|vụ|tiến trình|vòng|phiên|new|mới|fresh)\s+)?$",
                            re.IGNORECASE)
_INDEFINITE_WORDS = frozenset(("một", "a", "an"))
_CLAUSE_TO_RE = re.compile(r"(?:^|[,;]|(?<!\w)và)\s*(?:đến|tới)\s*$")  # "và đến cuối tháng 11, Moskva hoãn ..."
_NUCLEAR_DEAL_RE = re.compile(
    r"\s+(?:the\s+|một\s+|các\s+)?(?:\d{4}\s+)?(?:(?:Iran|Iranian|landmark|historic)\s+)?(?:(?:thỏa thuận|thoả thuận|hiệp định)"
    r"\s+(?:hạt nhân|kiểm soát vũ khí)|nuclear deal|nuclear agreement|arms control agreement|arms control deal)",
    re.IGNORECASE)
_AGREEMENT_RE = re.compile(r"(?<!\w)(?:" + _lex_alt("agreement_nouns") + r")(?!\w)", re.IGNORECASE)
_BILATERAL_RE = re.compile(r"(?<!\w)(?:song phương|bilateral)(?!\w)", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?<!\w)(?:their|its|của họ)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_DEMONSTRATIVE_END_RE = re.compile(r"(?:này|trên|đó|ấy)$", re.IGNORECASE)
_PRONOUN_OBJECT_RE = re.compile(r"\s*(?:it|nó)(?!\w)", re.IGNORECASE)
_TREATY_YEAR_RE = re.compile(r"\s+(?:năm\s+)?(?:1[89]|20)\d\d(?!\w)", re.IGNORECASE)
_BETWEEN_SEG_RE = re.compile(r"(?<!\w)(?:giữa|between)\s", re.IGNORECASE)  # a "between" segment of a list
_BETWEEN_WORDS = frozenset(("giữa", "between"))
_BETWEEN_RE = re.compile(r"\s+(?:between|giữa)\s", re.IGNORECASE)
_TWO_SIDED = {"shoot-down", "collision", "strike", "clash", "overflight", "incursion", "shelling", "invasion",
              "seizure"}
_AND_RE = re.compile(r"(?<!\w)(?:và|and|còn|while)(?!\w)", re.IGNORECASE)
_MISSILE_RE = re.compile(r"\s+(?:(?:" + _lex_alt("missile_determiners") + r")\s+)?(?:(?:" + _lex_alt("missile_modifiers")
                         + r")\s+)?(?:" + _lex_alt("missile_nouns") + r")(?!\w)", re.IGNORECASE)
_OTHER_TIME_RE = re.compile(r"(?<!\w)(?:" + _lex_alt("other_time_preps") + r")\s+(?:khi\s+|the\s+)?(?:"
                            + _lex_alt("other_time_heads") + r")(?!\w)", re.IGNORECASE)
_LAW_RE = re.compile(r"\s+(?:ban hành\s+)?(?:đạo\s+)?luật(?!\w)|\s+(?:a |the )?(?:law|bill|decree)(?!\w)", re.IGNORECASE)
_LAW_ACTIONS = [(re.compile(p, re.IGNORECASE), a) for p, a in (
    (r"(?<!\w)(?:thu hồi|rút|hủy|huỷ|revok\w*|withdraw\w*)(?!\w)", "withdraw"),
    (r"(?<!\w)(?:ra khỏi|khỏi|out of)(?!\w)", "withdraw"),
    (r"(?<!\w)(?:đình chỉ|tạm ngừng|suspend\w*)(?!\w)", "suspend"),
    (r"(?<!\w)(?:phê chuẩn|ratif\w*)(?!\w)", "ratify"),
    (r"(?<!\w)(?:gia hạn|extend\w*|extension)(?!\w)", "extend"),
)]
_LIST_LEAD_STOP_RE = re.compile(r"\s*(?:" + _lex_alt("list_lead_stops") + r")(?!\w)", re.IGNORECASE)
# a clock set to a place's time ("theo giờ Washington", "(giờ Hà Nội)"); never a bare "giờ" ("Bây giờ Washington
# nói": now Washington, the government, says), as in the entity stage's metonymy cues
_ZONE_BEFORE_RE = re.compile(r"(?:(?<!\w)theo\s+|\(\s*)giờ\s+$", re.IGNORECASE)
_ZONE_AFTER_RE = re.compile(r"\s+time(?!\w)")
# a meeting named in an adjunct of its clause: "trong một hội nghị", "at a summit", "during the call"
_ADJUNCT_FRAME_RE = re.compile(r"(?<!\w)(?:trong|tại|at|during|in)\s+(?:(?:một|cuộc|the|a|an)\s+){0,2}$", re.IGNORECASE)
_OF_HEAD_RE = re.compile(r"(?<!\w)(?:of|của)\s+(?:the\s+)?$", re.IGNORECASE)
_COMMA_GAP_RE = re.compile(r",\s*")
_PERIOD_PAREN_RE = re.compile(r"[.;:()]")
_YEAR_RE = re.compile(r"\d{4}")
_YEAR_TEXT_RE = re.compile(r"(?:năm\s+)?\d{4}")
_ITS_END_RE = re.compile(r"(?<!\w)(?:its|their)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_YEAR_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")
_AFTER_BEFORE_RE = re.compile(r"\s+(?:after|before)(?!\w)", re.IGNORECASE)
_AND_LINK_RE = re.compile(r"\s*(?:\S+\s+){0,6}?(?:và|and)\s+(?:\S+\s+){0,2}")
_FAR = 10 ** 6  # (no cue hit in a window)
_VERBAL_TALKS = {"thảo luận", "bàn thảo", "trao đổi", "đàm phán", "đối thoại", "hội đàm", "tham vấn"}


@dataclass(slots=True)
class _Mention:
    type: str
    start: int
    end: int
    cue: str
    sent: tuple[int, int]
    clause: tuple[int, int]
    seg: tuple[int, int]
    nominal: bool = False
    ref: str = "assert"  # "strong" anaphor, "weak" nominal, or "assert"
    blocked: str | None = None
    status: str | None = None
    distinct: bool = False
    part_of: bool = False
    frame: bool = False  # "Tại hội nghị thượng đỉnh trên, ..." frames what follows
    countries: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    unknown_people: bool = False
    pair: bool = False
    date: str | None = None
    date_dist: float = 1e9
    duration: bool = False
    location: str | None = None
    attrs: dict = field(default_factory=dict)
    topic: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Event:
    type: str
    mentions: list[_Mention]
    countries: list[str]
    orgs: list[str]
    people: list[str]
    date: str | None
    location: str | None
    status: str | None
    attrs: dict
    topic: set[str]
    evidence: tuple[int, int]
    completed: bool = False
    unknown_people: bool = False
    pair: bool = False


# ---------------------------------------------------------------------------- helpers


@lru_cache(maxsize=4096)
def _date_value(value: str | None) -> str | None:
    """A timex value as an event date of the contract: partial ISO dates as they are; a week of a
    known year as its month (2023-W43-WE -> 2023-10); a quarter or season as its year; None for what
    the contract cannot express (XXXX-WXX-WE, decades, vague references)."""
    if not value:
        return None
    v = value.split("T")[0]
    if _DATE_RE.match(v):
        return v if v != "XXXX" else None  # "năm ngoái" on an undated page: nothing known
    m = _WEEK_RE.match(v)
    if m:
        day = 6 if m.group(3) == "WE" else int(m.group(3) or 4)
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), day).strftime("%Y-%m")
        except ValueError:
            return m.group(1)
    m = _COARSE_RE.match(v)
    return m.group(1) if m else None


def _date_parts(v: str) -> list[str]:
    return v.split("-")


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    pa, pb = _date_parts(a), _date_parts(b)
    for x, y in zip(pa, pb):
        if "X" in x or "X" in y:
            continue
        if x != y:
            return False
    return True


def _more_specific(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates (b wins ties only if a is None)."""
    if not a:
        return b
    if not b:
        return a

    def score(v):
        return sum(2 if "X" not in p else 1 for p in _date_parts(v))

    return b if score(b) > score(a) else a


@lru_cache(maxsize=None)
def _norm_cue(cue: str) -> str:
    return " ".join(cue.lower().split())


@lru_cache(maxsize=None)
def _cue_labels(cue: str, first: bool = False) -> frozenset[str]:
    """Window-cue labels of a trigger cue (of its first word only with first=True): "will meet" is future."""
    words = tuple(TOKEN_RE.findall(cue))
    return cues().window_lookup[0].get(words[:1] if first else words, frozenset())


@lru_cache(maxsize=8)
def _first_words_re(n: int) -> re.Pattern:
    """Exactly n words of _WORD_RE from the start (atomic: a word is never split to make up the count)."""
    return re.compile(r"(?>\W*\w+(?:[-+]\w+)*){%d}" % n)


def _words_between(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _last_match(pattern: re.Pattern | None, text: str):
    if pattern is None:
        return None
    last = None
    for m in pattern.finditer(text):
        last = m
    return last


def _demonym_mentions(doc: Document, ents: list, wordset: set[str]) -> list:
    """"Israeli strikes on Iranian sites", "Russian forces held drills": a nationality adjective names the country
    as a party, when that country is an entity of the page (a mention spanning the adjective wins). `wordset`: the
    page's words (lower case)."""
    rx, names = demonyms()
    if rx is None:
        return []
    firsts = demonym_firsts()
    if firsts is not None and wordset.isdisjoint(firsts) and "+" not in doc.body:
        return []  # (no page word is the first word of a demonym: the scan of the page would find none)
    found = list(rx.finditer(doc.body))
    if not found:  # (most pages have none: the look-ups below are built only for a page that has some)
        return []
    by_name = {}
    for e in doc.entities:
        if e.type == "COUNTRY":
            for n in (e.name, e.name_vi):
                if n:
                    by_name.setdefault(n.lower(), e)
    if not by_name:
        return []
    taken = sorted((s, e) for s, e, _ in ents)
    starts = [s for s, _ in taken]
    out = []
    for mt in found:
        ent = by_name.get(names.get(mt.group(0).lower(), "").lower())
        if ent is None:
            continue
        i = bisect.bisect_right(starts, mt.start()) - 1
        if (i >= 0 and taken[i][1] > mt.start()) or (i + 1 < len(taken) and taken[i + 1][0] < mt.end()):
            continue
        out.append((mt.start(), mt.end(), ent))
    return out


class _Ctx:
    """Per-document look-ups: entity mentions, affiliations, timexes, clauses."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.body = doc.body
        self.cues = cues()
        self.kb = load_kb()
        self.ent_by_id = {e.id: e for e in doc.entities}
        self._aff: dict[str, str | None] = {}
        self._cuts: dict = {}
        self._cut_lists = None
        self.last_author = None
        self._cond = None
        self._in_text: dict[str, list[str]] = {}
        self._habitual: list[int] | None = None
        self._pairs: list[int] | None = None
        self._label_hits: dict[str, list[int]] | None = None  # label -> indices of its hits in self.hits
        self._relative: list[int] | None = None
        self._anchor = _UNSET
        self._names_in: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._place_roles: dict[tuple[int, int, int], str | None] = {}
        self._hits_by_labels: dict[tuple[str, ...], tuple[list[int], list]] = {}
        self.dates = []
        self.durations = []
        self.duration_values = []
        for t in doc.timexes:
            dv = _date_value(t.value) if t.type in ("DATE", "TIME") else None
            if dv:
                self.dates.append((t.start, t.end, dv, t))
            elif t.type == "DURATION":
                self.durations.append((t.start, t.end))
                self.duration_values.append((t.start, t.end, t.value))
        self.duration_ends = sorted(de for _, de, _ in self.duration_values)  # (bisected per trigger)
        self.sentences = [(s.start, s.end) for s in doc.sentences] or self._fallback_sentences()
        self.sent_starts = [s for s, _ in self.sentences]
        low = self.body.lower()
        if len(low) != len(self.body):  # lower() changed lengths (rare letters): fold letter by letter
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in self.body)
        self.low = low
        # one tokenisation of the lower-cased body serves the trigger scan and the cue windows: a split on
        # the token pattern alternates gaps and tokens, so the running sum of their lengths gives every
        # token's start and end (all in C: a Python loop over the tokens cost twice as much)
        parts = _TOKEN_SPLIT_RE.split(low)
        offsets = list(accumulate(map(len, parts)))
        self.words = words = parts[1::2]
        self.tok_starts = offsets[0:-1:2]
        self.tok_ends = offsets[1::2]
        # every cue phrase of the window lexicon, by first word index: (labels, end word index)
        trie = self.cues.window_trie
        hits: list[tuple[frozenset[str], int, int]] = []
        n_t = len(words)
        for i in compress(range(n_t), map(trie.__contains__, words)):  # (the words starting a cue, found in C)
            labs, kids = trie[words[i]]
            if labs is not None:
                hits.append((labs, i, i + 1))
            j = i + 1
            while kids and j < n_t:
                node = kids.get(words[j])
                if node is None:
                    break
                labs, kids = node
                j += 1
                if labs is not None:
                    hits.append((labs, i, j))
        self.hits = hits
        self.hit_starts = [h[1] for h in hits]
        wordset = set(words)
        ents = [(m.start, m.end, e) for e in doc.entities for m in e.mentions]
        ents.extend(_demonym_mentions(doc, ents, wordset))
        # by start, the longer first (two stable sorts: the key functions run in C)
        ents.sort(key=itemgetter(1), reverse=True)
        ents.sort(key=itemgetter(0))
        self.ents = ents
        self.ent_starts = [x[0] for x in ents]
        self._seg_cuts = _seg_marks(self.body)
        self._seg_starts = [a for a, _ in self._seg_cuts]
        # cues that most pages never use: one search of the page spares a search per trigger
        c = self.cues

        def present(name: str) -> bool:
            return any(wordset.issuperset(ws) for ws in c.needed_words.get(name, ()))

        self.has_inter_korean = bool(c.inter_korean) and present("inter_korean")
        self.has_sideline = bool(c.sideline_end) and present("sideline")
        self.has_mediator = present("mediator")
        self.has_demonstrative = not wordset.isdisjoint(("this", "that", "these", "those"))
        # a short pair ("Mỹ - Triều") is two short forms, next words, joined by a dash
        self.has_short_pair = self.has_inter_korean or (bool(c.short_pair) and self._dash_joined(c.short_forms_lower))
        self._top_countries: list[str] | None = None

    @property
    def top_countries(self) -> list[str]:
        """The page's countries, most mentioned first (then first named): the document's main pair, counted
        when first asked (most pages never ask)."""
        if self._top_countries is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for s, _, e in self.ents:
                c = self.country_of_entity(e) if e.type in ("COUNTRY", "LOC") else None
                if c:
                    counts[c] = counts.get(c, 0) + 1
                    first.setdefault(c, s)
            self._top_countries = sorted(counts, key=lambda c: (-counts[c], first[c]))
        return self._top_countries

    def _dash_joined(self, forms) -> bool:
        """Two of `forms` joined by a dash somewhere in the page (found from the few dashes of the page)."""
        low, words, starts, ends = self.low, self.words, self.tok_starts, self.tok_ends
        for ch in "-–":
            p = low.find(ch)
            while p >= 0:
                i = bisect.bisect_right(starts, p)
                if 0 < i < len(words) and words[i - 1] in forms and words[i] in forms \
                        and _DASH_GAP_RE.fullmatch(low, ends[i - 1], starts[i]):
                    return True
                p = low.find(ch, p + 1)
        return False

    def hits_between(self, lo: int, hi: int, labels: tuple[str, ...]) -> list[tuple[int, frozenset[str]]]:
        """(start offset, labels) of the cue phrases with one of `labels` that start in body[lo:hi]."""
        index = self._hits_by_labels.get(labels)
        if index is None:  # the page's hits of these labels, once: each trigger then bisects them
            ts, hits = self.tok_starts, self.hits
            ks = sorted({k for lb in labels for k in self._hits_of(lb)})
            found = [(ts[hits[k][1]], hits[k][0]) for k in ks]
            index = self._hits_by_labels[labels] = ([x[0] for x in found], found)
        offsets, found = index
        return found[bisect.bisect_left(offsets, lo):bisect.bisect_left(offsets, hi)]

    def words_in(self, lo: int, hi: int) -> list[str]:
        """The page's words (lower case) that start in body[lo:hi]."""
        ts = self.tok_starts
        return self.words[bisect.bisect_left(ts, lo):bisect.bisect_left(ts, hi)]

    def may_contain(self, lo: int, hi: int, keys: frozenset[str]) -> bool:
        """False when no word starting in body[lo:hi] is one of `keys` and hi cuts no word: a pattern searched there
        that needs one of them as a whole word cannot match. (A "+" there: True, as the page's words join over it
        while a pattern's look-behind for a word character does not.)"""
        ts, te = self.tok_starts, self.tok_ends
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        return (a < b and te[b - 1] > hi) or not keys.isdisjoint(self.words[a:b]) or self.body.find("+", lo, hi) >= 0

    def may_end_with(self, lo: int, hi: int, n: int, keys: frozenset[str]) -> bool:
        """False when none of the last n words of the text body[lo:hi] is one of `keys` (and no word is cut at its
        ends): a pattern anchored at the end of that text that needs one of them there cannot match. The patterns
        before a trigger are tried only past this check."""
        ts, te = self.tok_starts, self.tok_ends
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        if (a > 0 and te[a - 1] > lo) or (a < b and te[b - 1] > hi) or self.body.find("+", lo, hi) >= 0:
            return True  # (a cut word, or words joined by "+": see may_contain)
        return not keys.isdisjoint(self.words[max(a, b - n):b])

    def cue_search(self, name: str, lo: int, hi: int):
        """cues.<name>.search(body, lo, hi), tried only where a cue can start: at the words of the span that are
        the first word of one of its cues, and at a word cut by hi (which the pattern reads as a word ending there).
        (A search of the whole span tries every position: the look-behind in front keeps the engine from skipping.)"""
        pat, firsts = getattr(self.cues, name), self.cues.cue_firsts.get(name)
        if firsts is None:
            return pat.search(self.body, lo, hi)
        ts, te, words = self.tok_starts, self.tok_ends, self.words
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        for i in compress(range(a, b), map(firsts.__contains__, words[a:b])):
            mt = pat.match(self.body, ts[i], hi)
            if mt:
                return mt
        if a < b and te[b - 1] > hi:  # the word cut by hi
            return pat.match(self.body, ts[b - 1], hi)
        return None

    def text_search(self, name: str, lo: int, hi: int) -> bool:
        """Whether cues.<name>.search(body[lo:hi]) finds a match (the text cut out on its own)."""
        if self.starts_free(lo):
            return self.cue_search(name, lo, hi) is not None
        return getattr(self.cues, name).search(self.body[lo:hi]) is not None

    def starts_free(self, pos: int) -> bool:
        """No word character (nor a "+") right before pos: a cue pattern reads body[pos:] from pos as it reads that
        text cut out on its own (its look-behind sees no word either way), so it may be searched in the body."""
        return pos == 0 or not _JOIN_CHAR_RE.match(self.body, pos - 1)

    def may_hit(self, lo: int, hi: int, label: str) -> bool:
        """False when the pattern of the window cues of `label` surely has no match in the text body[lo:hi] (searched
        as a string of its own): no cue phrase of that label starts there, and no word is cut at either end."""
        ts, te = self.tok_starts, self.tok_ends
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        if (a > 0 and te[a - 1] > lo) or (a < b and te[b - 1] > hi) or self.body.find("+", lo, hi) >= 0:
            return True
        return bool(self.hits_between(lo, hi, (label,)))

    def cue_finditer(self, name: str, lo: int, hi: int):
        """The matches of cues.<name>.finditer(body, lo, hi), tried only where a cue can start (as in cue_search; a
        match skips the words it covers, as finditer does)."""
        pat, firsts = getattr(self.cues, name), self.cues.cue_firsts.get(name)
        if firsts is None:
            yield from pat.finditer(self.body, lo, hi)
            return
        ts, te, words = self.tok_starts, self.tok_ends, self.words
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        cands = list(compress(range(a, b), map(firsts.__contains__, words[a:b])))
        if a < b and te[b - 1] > hi and not (cands and cands[-1] == b - 1):
            cands.append(b - 1)  # (the word cut by hi)
        end = lo
        for i in cands:
            if ts[i] >= end:
                mt = pat.match(self.body, ts[i], hi)
                if mt:
                    end = mt.end()
                    yield mt

    def cue_last(self, name: str, lo: int, hi: int):
        """The last match of cues.<name>.finditer(body, lo, hi) (see cue_finditer)."""
        last = None
        for last in self.cue_finditer(name, lo, hi):
            pass
        return last

    def cue_may_match(self, name: str, lo: int, hi: int) -> bool:
        """False when cues.<name> surely has no match in the text body[lo:hi] (searched as a string of its own):
        no word there is the first word of one of its cues, and no word is cut at either end."""
        firsts = self.cues.cue_firsts.get(name)
        if firsts is None:
            return True
        ts, te = self.tok_starts, self.tok_ends
        a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
        return not firsts.isdisjoint(self.words[a:b]) or (a > 0 and te[a - 1] > lo) or (a < b and te[b - 1] > hi)

    def pair_word_in(self, lo: int, hi: int) -> bool:
        """A word joining two parties ("hai nước", "both sides") in body[lo:hi]: the cue windows give the
        candidates, the pair_words pattern confirms them."""
        pat = self.cues.pair_words
        if pat is None:
            return False
        if self._pairs is None:
            self._pairs = [self.tok_starts[i] for labs, i, j in self.hits if "pair" in labs]
        k = bisect.bisect_left(self._pairs, lo)
        while k < len(self._pairs) and self._pairs[k] < hi:
            if pat.match(self.body, self._pairs[k], hi):
                return True
            k += 1
        return False

    def _fallback_sentences(self):
        from ..nlp import paragraphs, split_sentences

        return [(s.start, s.end) for p in paragraphs(self.body) for s in split_sentences(self.body, p)]

    # -- entities
    def mentions_in(self, start: int, end: int):
        starts = self.ent_starts
        return [x for x in self.ents[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if x[1] <= end]

    def anchor_date(self) -> date | None:
        """The page's reference date, read once (it reads the first lines of the page)."""
        if self._anchor is _UNSET:
            self._anchor = _anchor_date(self.doc)
        return self._anchor

    def names_in(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """Spans of the names in a clause other than plain ones (countries, people, places), read once per clause:
        the triggers of a clause share them."""
        spans = self._names_in.get(clause)
        if spans is None:
            spans = self._names_in[clause] = [(s, e) for s, e, ent in self.mentions_in(*clause)
                                              if ent.type not in _PLAIN_NAMES]
        return spans

    def place_role(self, s: int, e: int, lo: int) -> str | None:
        """What a place named at body[s:e] is, read from the text after lo: "venue" after a preposition of place ("tại
        Hà Nội", "in Lima, Peru"), else "clock" ("chiều 15/9 theo giờ Washington", "at 9 a.m. Washington time"),
        else "venue_chain" (continuing a venue: "tại một khách sạn ở Nusa Dua, trên đảo Bali của Indonesia", "ở
        Deauville (Pháp)"), else None (a party). Read once per mention and scope start (the look-back reads at most
        80 characters): the triggers of a sentence read the same mentions."""
        key = (s, e, max(lo, s - 80))
        role = self._place_roles.get(key, _UNSET)
        if role is _UNSET:
            lp = self.cues.location_prep
            if lp and lp.search(self.body[max(lo, s - 8):s]):
                role = "venue"
            elif _ZONE_BEFORE_RE.search(self.body, max(lo, s - 12), s) or _ZONE_AFTER_RE.match(self.body, e):
                role = "clock"
            elif _venue_chain(self, lo, s):
                role = "venue_chain"
            else:
                role = None
            self._place_roles[key] = role
        return role

    def partner_only(self, cid: str, lo: int, trigger_end: int, hi: int) -> bool:
        """Whether country `cid` is named in lo..hi only after the trigger, each time right after "với"/"with"."""
        hits = [s for s, _, ent in self.mentions_in(lo, hi) if self.country_of_entity(ent) == cid]
        return bool(hits) and all(s >= trigger_end and _WITH_BEFORE_RE.search(self.body, max(trigger_end, s - 30), s)
                                  for s in hits)

    def is_leader(self, ent) -> bool:
        """Head of state or government, from the titles read in the text, the words before a mention,
        or the KB roles (current or past: the text's time is unknown here)."""
        key = ("leader", ent.id)
        if key in self._cuts:
            return self._cuts[key]
        titles = list(ent.titles)
        kbe = self.kb.get(ent.id)
        if kbe:
            for r in kbe.roles:
                titles += [r.get("title") or "", r.get("title_vi") or ""]
        # (the titles first, read once per process; then the words before each mention, in the body)
        res = any(map(_names_leader, titles)) or any(self._leader_before(max(0, m.start - 30), m.start)
                                                       for m in ent.mentions)
        self._cuts[key] = res
        return res

    def _leader_before(self, lo: int, hi: int) -> bool:
        """_names_leader(body[lo:hi]), its last title found at the words that can start one."""
        if not self.starts_free(lo):
            return _names_leader.__wrapped__(self.body[lo:hi])
        c = self.cues
        hit = self.cue_last("leader_titles", lo, hi) if c.leader_titles else None
        return bool(hit) and not (c.leader_exclusions and c.leader_exclusions.search(
            self.body[max(lo, hit.start() - 12):min(hi, hit.end() + 20)]))

    def title_org(self, pos: int):
        """An international body (ORG without a country) named in the title right before a person."""
        i = bisect.bisect_left(self.ent_starts, pos)
        for s, e_, ent in reversed(self.ents[max(0, i - 3):i]):
            if e_ <= pos and pos - e_ <= 25:
                gap = self.body[e_:pos]
                plain = gap.replace("(", "").replace(")", "")
                if ent.type == "ORG" and self.country_of_entity(ent) is None and not _PUNCT_RE.search(plain) \
                        and _words_between(gap) <= 2:
                    return ent
                if ent.type in ("COUNTRY", "PERSON"):
                    return None
        return None

    def body_of_person(self, ent, pos: int):
        """The international body a person acts for: named in the title before this mention ("Tổng giám đốc
        IAEA Rafael Grossi"), or, for someone whose KB roles are all in international bodies, that body when
        the page names it ("When Grossi visited Tehran" on a page about the IAEA)."""
        org = self.title_org(pos)
        if org is not None:
            return org
        key = ("intl_body", ent.id)
        if key not in self._cuts:
            kbe = self.kb.get(ent.id)
            bodies = [r.get("org") for r in (kbe.roles if kbe else ())]
            kinds = [self.kb.get(b) if b else None for b in bodies]
            res = None
            if kinds and all(k is not None and k.type == "ORG" and not k.country for k in kinds):
                res = next((self.ent_by_id[b] for b in reversed(bodies) if b in self.ent_by_id), None)
            self._cuts[key] = res
        return self._cuts[key]

    def covering(self, start: int, end: int):
        """Entity mentions that contain [start, end)."""
        i = bisect.bisect_right(self.ent_starts, start)
        return [x for x in self.ents[max(0, i - 8):i] if x[0] <= start and end <= x[1]]

    def after(self, pos: int, hi: int, words: int) -> str:
        """Text of at most `words` words after pos, not crossing hi."""
        text = self.body[pos:min(hi, pos + 14 * words)]
        m = _first_words_re(words).match(text)
        return text[:m.end()] if m else text

    def country_of_entity(self, ent) -> str | None:
        """Country an entity stands for or belongs to (COUNTRY itself, capital metonymy, affiliation)."""
        if ent.id in self._aff:
            return self._aff[ent.id]
        res = None
        kbe = self.kb.get(ent.id)
        if ent.type == "COUNTRY":
            res = ent.id
        elif ent.type == "LOC":
            res = kbe.metonym_of if kbe and kbe.metonym_of else None
        else:
            res = ent.country or (kbe.country if kbe else None)
            if res is None and ent.type in ("PERSON", "ORG"):
                res = self._country_from_text(ent)
        self._aff[ent.id] = res
        return res

    def _country_from_text(self, ent) -> str | None:
        """'Bộ Ngoại giao Mỹ' (a country name inside the name) or 'lãnh đạo Trung Quốc Tập Cận Bình'
        (a country mention right before a person's name, inside the title)."""
        for m in ent.mentions:
            if ent.type == "ORG":
                found = self.countries_in_text(m.text)
                if found:
                    return found[0]
                if self.kb.get(ent.id) is not None:
                    continue  # a body the KB knows without a country is international: "hạt nhân Triều Tiên ra
                    # Hội đồng Bảo an" names what it discusses, not whose it is
            for s, e_, other in self.mentions_in(m.start - 30, m.start):
                if other.type == "COUNTRY":
                    gap = self.body[e_:m.start]
                    if not _PUNCT_RE.search(gap) and _words_between(gap) <= 2:
                        return other.id
        return None

    def countries_in_text(self, text: str) -> list[str]:
        """Countries named inside a text (KB names), memoised per page: names are read many times."""
        hit = self._in_text.get(text)
        if hit is None:
            hit = self._in_text[text] = self._countries_in_text(text)
        return list(hit)

    def _countries_in_text(self, text: str) -> list[str]:
        c = self.cues
        out = []
        for finder in c.country_name_finders:  # (c.country_names, then c.country_abbrev)
            for m in finder.finditer(text):
                key = " ".join(m.group(0).lower().split()) if finder.fold else m.group(0)
                cid = c.country_of_name.get(key)
                if cid and cid not in out:
                    out.append(cid)
        return out

    # -- structure
    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos + 1)

    def _hits_of(self, label: str) -> list[int]:
        """Indices in self.hits of the cue phrases of one label (all labels indexed in one pass, when first asked)."""
        if self._label_hits is None:
            by_label: dict[str, list[int]] = {}
            for k, (labs, _, _) in enumerate(self.hits):
                for lb in labs:
                    by_label.setdefault(lb, []).append(k)
            self._label_hits = by_label
        return self._label_hits.get(label, [])

    def spans_of(self, label: str) -> list[tuple[int, int]]:
        """Character spans of the cue phrases of one label, whole body."""
        ts, te, hits = self.tok_starts, self.tok_ends, self.hits
        return [(ts[hits[k][1]], te[hits[k][2] - 1]) for k in self._hits_of(label)]

    def conditional_before(self, lo: int, hi: int) -> bool:
        """A conditional cue ("nếu", "trong trường hợp") in body[lo:hi]."""
        if self._cond is None:
            self._cond = [a for a, _ in self.spans_of("conditional")]
        i = bisect.bisect_left(self._cond, lo)
        return i < len(self._cond) and self._cond[i] < hi

    def window_hits(self, lo: int, hi: int, words: int = 10 ** 6, last: bool = False):
        """Cue hits inside the words of [lo, hi): the first `words` words (or the last ones), as
        (labels, i, j) relative to the window, and the number of words in the window."""
        a = bisect.bisect_left(self.tok_starts, lo)
        b = bisect.bisect_right(self.tok_ends, hi)
        if last:
            a = max(a, b - words)
        else:
            b = min(b, a + words)
        hs = self.hit_starts
        out = [(labs, i - a, j - a) for labs, i, j in self.hits[bisect.bisect_left(hs, a):bisect.bisect_left(hs, b)]
               if j <= b]
        return out, max(0, b - a)

    def _all_cuts(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Clause-break words and semicolons; verbs of saying (minus 'nói trên'-type phrases), whole body."""
        if self._cut_lists is None:
            bexc = self.spans_of("clause_break_exc")
            breaks = [x for x in self.spans_of("clause_break") if not any(a <= x[0] < b for a, b in bexc)]
            breaks += [(m.start(), m.end()) for m in _SEMI_RE.finditer(self.body)]
            exc = self.spans_of("speech_exc")
            speech = [x for x in self.spans_of("speech") if not any(a <= x[0] < b for a, b in exc)]
            # words inside names ("Tuyên bố Washington") cut nothing
            breaks = [x for x in breaks if not self.covering(*x)]
            speech = [x for x in speech if not self.covering(*x)]
            self._cut_lists = (sorted(breaks), sorted(breaks + speech))
        return self._cut_lists

    def clause_of(self, sent: tuple[int, int], pos: int, keep_speech: bool = False) -> tuple[int, int]:
        """Hard clause: sentence cut at clause-break words, semicolons and (unless keep_speech) verbs of saying."""
        cuts = self._all_cuts()[0 if keep_speech else 1]
        lo, hi = sent
        i = bisect.bisect_left(cuts, (sent[0], -1))
        while i < len(cuts) and cuts[i][0] < sent[1]:
            a, b = cuts[i]
            if b <= pos:
                lo = max(lo, b)
            elif a > pos:
                hi = min(hi, a)
                break
            i += 1
        return (lo, hi)

    def seg_of(self, clause: tuple[int, int], pos: int) -> tuple[int, int]:
        """Comma segment of the clause around pos (split marks found once per document)."""
        c0, c1 = clause
        lo, hi = c0, c1
        cuts, starts = self._seg_cuts, self._seg_starts
        i = bisect.bisect_left(starts, c0)
        while i < len(cuts) and cuts[i][0] < c1:
            a, b = cuts[i]
            i += 1
            if b > c1:
                continue
            if b <= pos:
                lo = max(lo, b)
            elif a >= pos:
                hi = min(hi, a)
                break
        return (lo, hi)


def _seg_marks(body: str) -> list[tuple[int, int]]:
    """The spans of _SEG_MARK_RE's matches in body, a dash between spaces with its spaces (which cut segments):
    each mark found by str.find, much faster than the pattern (which the engine tries at every position)."""
    found = []
    for ch in _SEG_MARKS:
        i = body.find(ch)
        while i >= 0:
            found.append(i)
            i = body.find(ch, i + 1)
    found.sort()
    out = []
    for a in found:
        if body[a] in "-–—":
            if a and body[a - 1].isspace() and body[a + 1:a + 2].isspace():
                out.append((a - 1, a + 2))
        else:
            out.append((a, a + 1))
    return out


# ---------------------------------------------------------------------------- mentions


def _find_triggers(ctx: _Ctx) -> list[_Mention]:
    c = ctx.cues
    body = ctx.body
    out = []
    index = c.trigger_options
    pos = 0
    blocked = ctx.spans_of("not_event")
    low = ctx.low
    starts, ends = ctx.tok_starts, ctx.tok_ends
    wchar = _WCHAR_RE.match
    words = ctx.words
    # (the words that start a cue to try: one with cues of a single word, or the first of a pair of words that starts
    # cues; found in C, most words of the index start only cues of several words that the page does not have)
    n_w = len(words)
    starts_cue = set(compress(range(n_w), map(c.trigger_singles.__contains__, words)))
    starts_cue.update(compress(range(n_w - 1), map(c.trigger_pairs.__contains__, zip(words, words[1:]))))
    for k in sorted(starts_cue):
        ws = starts[k]
        if ws < pos:
            continue
        # the token as a whole word, not glued by '+' or by a hyphen to a word ("sea-launched")
        if ws and (low[ws - 1] == "+" or (low[ws - 1] == "-" and ws > 1 and wchar(low, ws - 2))):
            continue
        if low[ends[k]:ends[k] + 1] == "+":
            continue
        hit = None
        by_second, plain = index[words[k]]
        # (a cue of two or more words needs its second word next)
        opts = by_second.get(words[k + 1], plain) if by_second and k + 1 < len(words) else plain
        for pat, etype, cue in opts:
            mm = pat.match(body, ws)
            if mm:
                if hit is None:
                    hit = (mm, etype, cue)
                    if "…" not in cue:
                        break
                elif "…" not in cue and mm.end() < hit[0].end() and etype == hit[1]:
                    # "rút khỏi A năm 2019 và khỏi B": the contiguous cue, not a gap reaching the next one (a cue
                    # of another type does not: "thông qua nghị quyết" is a body's decision, not "thông qua" a treaty)
                    hit = (mm, etype, cue)
                    break
        if hit is None:
            continue
        m, etype, cue = hit
        s, e = m.span()
        pos = e
        if blocked and any(a < e and s < b for a, b in blocked):
            continue
        if any(ent.type in ("TREATY", "ORG") for _, _, ent in ctx.covering(s, e)):
            continue  # "Hiệp ước Cấm thử hạt nhân toàn diện", "Nhóm Tham vấn Hạt nhân" are names
        if etype in ("summit", "talks") and ctx.has_sideline and c.sideline_end.search(body[max(0, s - 60):s]):
            continue  # "on the sidelines of the APEC summit": the occasion of another meeting
        if etype == "treaty_action" and _norm_cue(cue) in c.treaty_year_cues and not _TREATY_YEAR_RE.match(body, e):
            continue  # "hiệp ước" alone is no action; "hiệp ước năm 2000" was signed that year
        if _norm_cue(cue) in c.motion_cues and out and out[-1].type == "visit" and s - out[-1].end <= 40 \
                and not _PUNCT_RE.search(body[out[-1].end:s]):
            continue  # "chuyến thăm cấp nhà nước tới Washington": the destination of that visit
        sent = ctx.sentence_of(s)
        clause = ctx.clause_of(sent, s, keep_speech=(etype == "report"))
        out.append(_Mention(type=etype, start=s, end=e, cue=_norm_cue(cue), sent=sent,
                            clause=clause, seg=ctx.seg_of(clause, s)))
    return out


_NP_PUNCT_RE = re.compile(r"[,.;:]")


def _np_part(ctx: _Ctx, pos: int, after: str) -> tuple[str, int]:
    """The noun phrase in the words `after` that follow body[pos] (cues.np_end.split(" " + after + " ", maxsplit=1)[0],
    up to a punctuation mark or a verb), and its number of words. The split is searched for only where it can be:
    at the first mark, or before a page word that is the first word of one of the verbs."""
    c = ctx.cues
    text = " " + after + " "
    ts, te, words = ctx.tok_starts, ctx.tok_ends, ctx.words
    a, b = bisect.bisect_left(ts, pos), bisect.bisect_left(ts, pos + len(after))
    firsts = c.cue_firsts.get("np_end")
    if firsts is None or (a < b and te[b - 1] > pos + len(after)):  # (a word cut at the end: read the text alone)
        part = c.np_end.split(text, maxsplit=1)[0]
        return part, len(TOKEN_RE.findall(part))
    pm = _NP_PUNCT_RE.search(text)
    cut = pm.start() if pm else len(text)
    for i in compress(range(a, b), map(firsts.__contains__, words[a:b])):
        at = ts[i] - pos  # (the space before the verb, in text)
        if at >= cut:
            break
        if c.np_end.match(text, at):
            cut = at
            break
    return text[:cut], bisect.bisect_left(ts, pos + cut - 1, a, b) - a


def _window_after(ctx: _Ctx, m: _Mention, words: int, limit: int | None = None) -> str:
    end = min(m.clause[1], limit) if limit else m.clause[1]
    return ctx.after(m.end, end, words)


def _participants(ctx: _Ctx, m: _Mention, scope: tuple[int, int], treaty_span=None, topic_span=None):
    countries, orgs, people = [], [], []
    unknown = False
    venue_end = None
    for s, e_, ent in ctx.mentions_in(*scope):
        if treaty_span and s >= treaty_span[0] and e_ <= treaty_span[1]:
            continue
        if topic_span and s >= topic_span[0] and e_ <= topic_span[1]:
            continue  # "thảo luận về ... vấn đề Ukraine": what is discussed is no party
        if ent.type in ("ORG", "EVENT_NAME") and ctx.has_sideline \
                and ctx.cues.sideline_np_end.search(ctx.body[max(scope[0], s - 60):s]):
            continue  # "gặp nhau bên lề hội nghị thượng đỉnh SCO": the occasion is no party
        if ent.type in ("EVENT_NAME", "TREATY"):
            if m.type != "treaty_action":
                for cid in ctx.countries_in_text(ctx.body[s:e_]):
                    if cid not in countries:
                        countries.append(cid)
            continue
        if ent.type in ("WEAPON",):
            continue
        if ent.type in ("COUNTRY", "ORG", "PERSON") and ctx.has_mediator and (
                ctx.cues.mediator_end.search(ctx.body, max(scope[0], s - 60), s)
                or ctx.cues.mediator_role.match(ctx.body, e_, min(len(ctx.body), e_ + 60))):
            continue  # "talks mediated by Oman", "do Oman làm trung gian": the go-between is no party
        if ent.type in ("LOC", "COUNTRY") and m.type != "visit":
            # a place after tại/ở is a venue, not a party ("tại Hà Nội", "in Lima, Peru"); a capital as
            # actor is its country
            role = ctx.place_role(s, e_, scope[0])
            if role == "venue":
                venue_end = e_
                continue
            if venue_end is not None and _COMMA_GAP_RE.fullmatch(ctx.body, venue_end, s):
                venue_end = e_
                continue
            if role == "clock":
                continue  # (a clock, not a party: see _Ctx.place_role)
            if role == "venue_chain":
                venue_end = e_
                continue
        if ent.type == "ORG":
            kbe = ctx.kb.get(ent.id)
            if kbe is not None and kbe.file in ctx.cues.unofficial_kb_files:
                continue  # "Theo SIPRI, ...": a think tank or a medium is a source, not a party
            if kbe is None and ctx.cues.location_prep and ctx.cues.location_prep.search(
                    ctx.body[max(scope[0], s - 8):s]):
                continue  # "diễn ra tại Đại học ...", "at the ... Institute": a body the KB does not know is a venue
        cid = ctx.country_of_entity(ent)
        if ent.type == "PERSON":
            if ent.id not in people:
                people.append(ent.id)
            body_org = ctx.body_of_person(ent, s)
            if body_org is not None:  # "Tổng giám đốc IAEA Rafael Grossi" acts for the IAEA
                if body_org.id not in orgs:
                    orgs.append(body_org.id)
                continue
            if cid is None:
                unknown = True
        elif ent.type == "ORG" and cid is None:
            if ent.id not in orgs:
                orgs.append(ent.id)
        if cid and cid not in countries:
            countries.append(cid)
    return countries, orgs, people, unknown


# what may come between a venue's preposition and the country of that venue: place names, "của"/"of"/"(", a comma
# only before such a word ("ở Nusa Dua, trên đảo Bali của Indonesia", "ở Deauville (Pháp)", "in Nusa Dua on the
# island of Bali, Indonesia" is not read: a comma before a capitalised word may start the next clause)
_VENUE_LINK = r"(?:của|thuộc|trên|đảo|tỉnh|thành phố|bang|vùng|khu|miền|of|on|the|island|province|city|state|region)"
_VENUE_CHAIN_RE = re.compile(r"(?:\s*(?:[A-ZĐÂĂÊÔƠƯ][\w-]*|" + _VENUE_LINK + r"(?!\w)|\(|,(?=\s*" + _VENUE_LINK
                             + r"\s)))+\s*")

_BUILDING_GAP_RE = re.compile(r"\s*[A-ZĐÂĂÊÔƠƯ][\w-]*(?:\s+[\w-]+){0,2}\s+")  # "Dinh Tổng thống ", "Cung Văn hóa "


def _venue_chain(ctx: _Ctx, lo: int, s: int) -> bool:
    """A place at body[s:] that continues the venue opened by the last tại/ở/in before it in body[lo:s]."""
    lp = ctx.cues.location_prep
    if lp is None:
        return False
    last = ctx.cue_last("location_prep", max(lo, s - 80), s)
    if last is None or last.end() == s:
        return False
    gap = ctx.body[last.end():s]
    if _BUILDING_GAP_RE.fullmatch(gap) and not ctx.mentions_in(last.end(), s):
        return True  # "tại Dinh Tổng thống Phần Lan": a named building of the country, the country its venue
    if _words_between(gap) > 8 or not gap.rstrip().endswith(("của", "(", "of", "thuộc")):
        return False
    return bool(_VENUE_CHAIN_RE.fullmatch(gap))


def _title_gap(ctx: _Ctx, gap: str) -> bool:
    """A title between a verb and its person ("gặp Tổng thống Ukraine", "hội kiến nhà lãnh đạo Kim Jong-un")."""
    if _PUNCT_RE.search(gap) or _words_between(gap) > 4:
        return False
    return bool(_TITLE_GAP_RE.fullmatch(gap) or (ctx.cues.leader_titles and ctx.cues.leader_titles.search(gap)))


def _body_subject(ctx: _Ctx, m: _Mention) -> str | None:
    """The body deciding ("Hội đồng Bảo an hôm qua thông qua nghị quyết", "the Security Council voted"): the last
    name before the cue in its sentence (places aside) when it is an international organisation (no state's own body)
    close enough to be the subject and not the complement of another head ("the board of governors of the IAEA")."""
    body = ctx.body
    ents = ctx.mentions_in(m.sent[0], m.start)
    for k in range(len(ents) - 1, -1, -1):
        s, e_, ent = ents[k]
        if ent.type == "LOC":
            continue  # "(giờ New York)"
        if ent.type != "ORG" or _words_between(body[e_:m.start]) > 10:
            return None
        while k and ents[k - 1][2].type == "ORG" and not body[ents[k - 1][1]:ents[k][0]].strip(" ("):
            k -= 1  # "Hội đồng Bảo an Liên Hiệp Quốc", "Cơ quan ... (IAEA)": the body, then its parent or acronym
        s, e_, ent = ents[k]
        if _OF_HEAD_RE.search(body[max(m.sent[0], s - 12):s]) or ctx.country_of_entity(ent):
            return None  # (a state's own body, a parliament voting, takes a step of ratification or of a law)
        return ent.id
    return None


def _habitual_before(ctx: _Ctx, m: _Mention) -> bool:
    """A habitual span ("Trong nhiều thập kỷ, ...", "For decades") anywhere before the trigger in its sentence."""
    if ctx._habitual is None:
        exc = ctx.spans_of("habitual_exc")
        ctx._habitual = [a for a, b in ctx.spans_of("habitual") if not any(x <= a < y for x, y in exc)]
    i = bisect.bisect_left(ctx._habitual, m.sent[0])
    return i < len(ctx._habitual) and ctx._habitual[i] < m.start


def _subject_halted(ctx: _Ctx, m: _Mention) -> bool:
    """A meeting or an exercise that is the subject of its sentence, halted by the sentence's main verb past a long
    noun phrase, a relative clause or a participle ("Các cuộc đàm phán giữa A, B và C về ... đã bị đình trệ",
    "Talks between A and B, which ..., collapsed in 2022", "Cuộc đối thoại mà hai nước khởi động sau cuộc gặp ở
    Geneva cũng rơi vào bế tắc"): a halting word after the trigger before the predicate can end."""
    # (at most three words before it, unless a hyphen joins some: the pattern reads no more)
    if m.type == "treaty_action" or ctx.mentions_in(m.sent[0], m.start) \
            or not (len(ctx.words_in(m.sent[0], m.start)) <= 3 or ctx.body.find("-", m.sent[0], m.start) >= 0) \
            or not _SUBJECT_LEAD_RE.fullmatch(ctx.body, m.sent[0], m.start) or ctx.window_hits(m.sent[0], m.start)[0]:
        return False  # (a cue before the trigger, "Các bên đã nhất trí nối lại đàm phán", makes it no subject)
    hi = _predicate_stop(ctx, m.end, m.sent[1])
    hits, _ = ctx.window_hits(m.end, hi)
    names = ctx.names_in((m.end, hi))
    if names:
        hits = _unname_status(ctx, hits, bisect.bisect_left(ctx.tok_starts, m.end), names)
    exc = [(i, j) for labs, i, j in hits if "status_exc" in labs]
    a0 = bisect.bisect_left(ctx.tok_starts, m.end)
    return any("status:stalled" in labs and not any(a <= i < b for a, b in exc)
               and not _PAST_STATE_RE.search(ctx.body, m.end, ctx.tok_starts[a0 + i]) for labs, i, _ in hits)


def _predicate_stop(ctx: _Ctx, lo: int, hi: int) -> int:
    """Where _PREDICATE_STOP_RE.search(body, lo, hi) starts (hi if nowhere): the first semicolon, or the first of its
    words, tried only at the page words that start one (each search to the sentence end tried every position)."""
    ts, te, words = ctx.tok_starts, ctx.tok_ends, ctx.words
    a, b = bisect.bisect_left(ts, lo), bisect.bisect_left(ts, hi)
    if (a < b and te[b - 1] > hi) or ctx.body.find("+", lo, hi) >= 0:  # (a word cut at hi, or joined by "+")
        stop = _PREDICATE_STOP_RE.search(ctx.body, lo, hi)
        return stop.start() if stop else hi
    semi = ctx.body.find(";", lo, hi)
    end = semi if semi >= 0 else hi
    for i in compress(range(a, b), map(_PREDICATE_STOP_FIRSTS.__contains__, words[a:b])):
        if ts[i] >= end:
            break
        if _PREDICATE_STOP_RE.match(ctx.body, ts[i], hi):
            return ts[i]
    return end


def _reported_future(ctx: _Ctx, m: _Mention, bhits: list, nb: int) -> bool:
    """"said the US would leave the treaty", "agreed that the two leaders would meet": every modal of hypothesis
    before the trigger is a reported future ("would") told after a verb of saying or deciding, within 12 words of
    its sentence (no condition: conditionals are checked on their own)."""
    hyp = [i for labs, i, _ in bhits if "hypothetical" in labs and i >= nb - 10]
    if not hyp or any("reported_future" not in labs for labs, i, _ in bhits if i in hyp and "hypothetical" in labs):
        return False
    first = ctx.tok_starts[bisect.bisect_right(ctx.tok_ends, m.start) - nb + hyp[0]]
    heads, n = ctx.window_hits(m.sent[0], first, words=12, last=True)
    exc = {i for labs, i, _ in heads if "speech_exc" in labs}
    return any(("speech" in labs and i not in exc) or "report_head" in labs for labs, i, _ in heads)


def _body_meets(ctx: _Ctx, m: _Mention) -> bool:
    """"The UN Security Council met on Monday": a collective body (an official ORG, not a think tank or a
    medium) right before a meeting verb meets as a body, with no partner."""
    if m.type != "talks" or not m.orgs:
        return False
    subj = [x for x in ctx.mentions_in(max(m.clause[0], m.start - 60), m.start) if x[2].type == "ORG"]
    if not subj or subj[-1][2].id not in m.orgs or _words_between(_TIMEX_GAP_RE.sub(" ", ctx.body[subj[-1][1]:m.start])) > 1:
        return False
    kbe = ctx.kb.get(subj[-1][2].id)
    return not (kbe is not None and kbe.file in ctx.cues.unofficial_kb_files) and ctx.title_org(subj[-1][0]) is None


def _leader_titles(ctx: _Ctx, lo: int, hi: int, skip_people=()) -> int:
    """Titles of heads of state or government in body[lo:hi] ("Tổng thống Pháp", not "Phó Tổng thống"),
    not counting the titles of the people in skip_people (a title right before one of their mentions)."""
    c = ctx.cues
    if not c.leader_titles:
        return 0
    n = 0
    for tm in ctx.cue_finditer("leader_titles", lo, hi):
        if not (c.leader_exclusions and c.leader_exclusions.search(ctx.body[max(lo, tm.start() - 12):min(hi, tm.end() + 20)])):
            if skip_people and any(x[2].id in skip_people and not _PUNCT_RE.search(ctx.body[tm.end():x[0]])
                                   and _words_between(ctx.body[tm.end():x[0]]) <= 3
                                   for x in ctx.mentions_in(tm.end(), tm.end() + 30)):
                continue
            n += 1
    return n


def _leaders_meet(ctx: _Ctx, m: _Mention) -> bool:
    """Heads of state or government meeting, told by a plural leader word next to a country or body ("lãnh đạo
    Mỹ, Anh và Australia gặp nhau", "NATO leaders meeting"), or by a leader as the subject meeting a leader of
    another country ("ông Kim nói sẵn sàng gặp Tổng thống Mỹ Donald Trump") with no official among them."""
    c = ctx.cues
    lo, hi = m.seg[0], min(m.seg[1], m.end + 60)
    if c.leader_groups:
        # (an international body, of no one country: "NATO leaders", not "Pentagon leaders")
        ents = [x for x in ctx.mentions_in(max(m.sent[0], lo - 40), hi) if x[2].type == "COUNTRY" or (
            x[2].type == "ORG" and ctx.country_of_entity(x[2]) is None)]
        for gm in ctx.cue_finditer("leader_groups", max(m.sent[0], lo - 40), hi):
            if c.leader_exclusions and c.leader_exclusions.search(ctx.body[max(0, gm.start() - 12):gm.end() + 20]):
                continue
            if any(0 <= s - gm.end() <= 2 and ent.type == "COUNTRY" or 0 <= gm.start() - e <= 1 for s, e, ent in ents):
                return True
    if ctx.cue_search("leader_pair_end", lo, m.start):
        return True  # "Hai nhà lãnh đạo hội đàm ...": the subject is the two leaders
    comma = _ENUM_RE.match(ctx.body, m.seg[1])
    if comma and c.leader_pairs and c.temporal_end.fullmatch(ctx.body, m.sent[0], m.start) \
            and c.leader_pairs.match(ctx.body, comma.end()):
        # "Sau hội đàm chính thức hôm 21/3, hai nhà lãnh đạo ký ...", "After their talks, the two leaders ...": a
        # meeting fronted before the main clause has that clause's subject as its parties
        return True
    if any(p in ctx.ent_by_id and not ctx.is_leader(ctx.ent_by_id[p]) for p in m.people):
        return False  # a minister among them: talks
    subj = [x[2] for x in ctx.mentions_in(m.sent[0], m.start) if x[2].type == "PERSON"]
    if not subj or not ctx.is_leader(subj[-1]):
        return False
    home = ctx.country_of_entity(subj[-1])
    others = [p for p in m.people if p != subj[-1].id and p in ctx.ent_by_id
              and ctx.country_of_entity(ctx.ent_by_id[p]) != home]
    return bool(others) or (not m.people and _leader_titles(ctx, m.end, hi) >= 1)


def _attendee(ctx: _Ctx, m: _Mention) -> tuple[int, int] | None:
    """The span of the person attending the conference named at m ("Modi, người vừa dự hội nghị thượng đỉnh SCO",
    "Obama will travel to China to attend the G20 summit", "Bà ... dự hội nghị"): the last person named before the
    verb in the sentence, else the person a pronoun subject stands for."""
    am = ctx.cues.attend_end.search(ctx.body, max(m.sent[0], m.start - 20), m.start)
    if am is None:
        return None
    people = [x for x in ctx.mentions_in(m.sent[0], am.start()) if x[2].type == "PERSON"]
    return people[-1][:2] if people else _pronoun_antecedent(ctx, m)


def _pronoun_antecedent(ctx: _Ctx, m: _Mention) -> tuple[int, int] | None:
    """The span of the person a pronoun subject stands for ("Ông cũng nhận lời mời thăm Seoul"): the first person
    named outside quotes in the nearest sentence before, in the same paragraph, that names one. None when the
    sentence names someone before the trigger."""
    pm = ctx.cues.pronoun_subject.match(ctx.body, m.sent[0], m.start)
    if pm is None or any(x[2].type in ("PERSON", "COUNTRY", "ORG") for x in ctx.mentions_in(m.sent[0], m.start)):
        return None
    para = ctx.body.rfind("\n", 0, m.sent[0]) + 1
    sent = m.sent
    while sent[0] > para:
        sent = ctx.sentence_of(sent[0] - 1 if ctx.body[sent[0] - 1] != " " else sent[0] - 2)
        if sent[1] - sent[0] <= 1:
            return None
        for s, e_, ent in ctx.mentions_in(max(sent[0], para), sent[1]):
            quoted = sum(ctx.body.count(q, sent[0], s) for q in '"“”') % 2
            if ent.type == "PERSON" and not quoted:
                return s, e_
    return None


def _short_pair_countries(ctx: _Ctx, lo: int, hi: int) -> list[str]:
    """Countries named by short forms in a pair ("Mỹ - Triều", "Hàn-Nhật") or "liên Triều" in body[lo:hi]."""
    c = ctx.cues
    out: list[str] = []
    if not ctx.has_short_pair:
        return out
    text = ctx.body[lo:hi]
    if c.short_pair:
        for pm in c.short_pair.finditer(text):
            for part in re.split(r"\s*[-–]\s*", pm.group(0)):
                cid = c.short_forms.get(part.strip())
                if cid and cid not in out:
                    out.append(cid)
    if ctx.has_inter_korean and ("kp" in ctx.ent_by_id or "kr" in ctx.ent_by_id) and c.inter_korean.search(text):
        for cid in ("kp", "kr"):
            if cid not in out:
                out.append(cid)
    return out


def _topic(ctx: _Ctx, m: _Mention, limit: int) -> tuple[str | None, set[str]]:
    c = ctx.cues
    text = ctx.body[m.end:min(m.clause[1], limit)]
    # the marker must start within 8 words: the cue windows give its candidates in the first words (ending at
    # a word end), the pattern confirms the first one
    if not c.topic_marker:
        return None, set()
    k0 = bisect.bisect_left(ctx.tok_starts, m.end)
    k = k0 + 24
    reach = ctx.tok_ends[k] - m.end if k < len(ctx.tok_ends) else len(text)
    tm = None
    for pos, _ in ctx.hits_between(m.end, m.end + min(reach, len(text)), ("topic",)):
        tm = c.topic_marker.match(text, pos - m.end, min(reach, len(text)))
        if tm:
            break
    if not tm or _words_between(text[:tm.start()]) > 8:
        return None, set()
    mpos = m.end + tm.start()
    if any(ts <= mpos < te for ts, te, _, _ in ctx.dates):
        return None, set()  # "on Saturday": the marker opens a date, not a topic
    rest = text[tm.end():]
    cut = len(rest)
    if c.topic_stop:
        r0 = m.end + tm.end()  # (where rest starts in the body)
        if c.cue_firsts.get("topic_stop") is not None:
            # (its cues start with a word, which the marker's end never starts: the same first match as a search
            # of rest, tried at the words that can start one)
            sm = ctx.cue_search("topic_stop", r0, m.end + len(text))
            if sm and sm.start() > r0:
                cut = min(cut, sm.start() - r0)
        elif ctx.cue_may_match("topic_stop", r0, m.end + len(text)):
            sm = c.topic_stop.search(rest)
            if sm and sm.start() > 0:
                cut = min(cut, sm.start())
    pm = _TOPIC_END_RE.search(rest)
    if pm:
        cut = min(cut, pm.start())
    # stop at a time expression
    for ts, te, _, _ in ctx.dates:
        off = ts - (m.end + tm.end())
        if 0 < off < cut:
            cut = off
    topic = rest[:cut].strip(" “”\"‘’'")
    if not topic or (c.sideline_end and c.sideline_end.search(text[:tm.end()] + rest[:cut] + " ")):
        return None, set()
    words = {w.lower() for w in _WORD_RE.findall(topic)} - c.topic_stopwords - {"này", "đó", "trên"}
    return topic, words


_UNSET = object()  # (a look-up not made yet; None is a result)
_PLAIN_NAMES = {"COUNTRY", "PERSON", "LOC", "GPE", "CITY"}
_STATUS_LABELS = tuple((name, "status:" + name) for name in STATUS_ORDER)  # (not joined per trigger)


@lru_cache(maxsize=4096)
def _names_leader(title: str) -> bool:
    """A title of a head of state or government in the text `title` (its last one, not "Phó Tổng thống")."""
    c = cues()
    hit = _last_match(c.leader_titles, title) if c.leader_titles else None
    return bool(hit) and not (c.leader_exclusions and c.leader_exclusions.search(
        title[max(0, hit.start() - 12):hit.end() + 20]))


@lru_cache(maxsize=None)
def _marks_statement(labs: frozenset[str]) -> bool:
    """A status or assertion cue among a window hit's labels (the label sets are the lexicon's: read once each)."""
    return any(lb.startswith(("status:", "assert_before")) for lb in labs)


def _unname_status(ctx: _Ctx, hits: list, a: int, named: list[tuple[int, int]]) -> list:
    """Hits (window-relative from word a) without their status labels where they lie inside a name."""
    out = []
    for labs, i, j in hits:
        if any(lb.startswith("status:") for lb in labs) and a + i < len(ctx.tok_starts):
            pos = ctx.tok_starts[a + i]
            if any(s_ <= pos < e_ for s_, e_ in named):
                labs = frozenset(lb for lb in labs if not lb.startswith("status:"))
        out.append((labs, i, j))
    return out


def _analyse(ctx: _Ctx, m: _Mention, nxt: int, prev_end: int, prev: _Mention | None = None) -> _Mention | None:
    """Fill a mention from its clause; None when the trigger is not an event mention at all."""
    c = ctx.cues
    body = ctx.body
    # common words ("đến", "tới", "thử") are triggers only with their object right after: check that first
    if m.cue in c.motion_cues or (m.type == "incident" and m.cue in c.needs_object.get("incident", ())):
        obj = ctx.mentions_in(m.end, min(m.end + 40, m.sent[1]))
        if not (obj and _words_between(body[m.end:obj[0][0]]) <= 1) and not (
                m.type == "incident" and _MISSILE_RE.match(body, m.end)):
            return None
    # a body's decision ("thông qua nghị quyết", "voted") is a meeting of that body: it needs the body as subject
    body_org = _body_subject(ctx, m) if m.cue in c.body_decisions else None
    if m.cue in c.body_decisions and body_org is None:
        return None
    # what the type needs first (cheap checks before the rest): a treaty, an official author
    treaty_span = None
    if m.type == "treaty_action":
        res = _treaty(ctx, m, nxt, prev_end)
        if res is None and prev is not None and prev.type == "treaty_action" and (
                prev.clause == m.clause or not ctx.mentions_in(prev.end, m.start) or any(
                    x[2].type in ("COUNTRY", "PERSON") for x in ctx.mentions_in(prev.end, m.start))):
            res = (prev.attrs["treaty"], None)  # "Hiệp ước này được gia hạn ... và có hiệu lực đến năm 2026"
        if res is None:
            return None
        m.attrs["treaty"], treaty_span = res
        m.attrs["_treaty_span"] = treaty_span
        m.attrs["action"] = c.treaty_action.get(m.cue, "sign")
        if m.attrs["action"] in ("sign", "enact"):
            law = _LAW_RE.match(body, m.end)
            if law:  # "ký ban hành luật thu hồi việc phê chuẩn CTBT", "ký luật đưa Nga ra khỏi Hiệp ước ..."
                obj = body[law.end():min(m.clause[1], law.end() + 60)]
                for pat, act in _LAW_ACTIONS:
                    if pat.search(obj):
                        m.attrs["action"] = act
                        break
        if m.attrs["action"] == "enact":
            return None
        if m.attrs["action"] == "enter_into_force" and prev is not None and prev.type == "treaty_action" \
                and prev.clause == m.clause and prev.attrs.get("action") in ("withdraw", "suspend") \
                and prev.attrs.get("treaty") == m.attrs["treaty"]:
            return None  # "việc Mỹ rút khỏi INF có hiệu lực từ hôm nay": the withdrawal takes effect
    if m.type == "incident":
        m.attrs["kind"] = c.incident_kind.get(m.cue)
    if m.type == "report":
        if not _report(ctx, m):
            return None
    bhits, nb = ctx.window_hits(m.clause[0], m.start, words=10, last=True)
    lo_lead = max(m.clause[0], m.start - 25)
    lead = body[lo_lead:m.start]  # the words right before the trigger, searched once
    b0 = bisect.bisect_right(ctx.tok_ends, m.start) - nb  # first word of the window before the trigger
    if nb < 10 or b0 >= len(ctx.tok_starts) or ctx.tok_starts[b0] <= lo_lead:
        near = [h for h in bhits if ctx.tok_starts[b0 + h[1]] >= lo_lead]
    else:
        near, _ = ctx.window_hits(lo_lead, m.start)
    # (the lead patterns run only when the cue windows show a preposition of their kind there)
    t_end = c.temporal_end.search(lead) if any("temporal" in labs for labs, _, _ in near) else None
    f_end = c.frame_end.search(lead) if any("frame" in labs for labs, _, _ in near) else None
    # (a classifier is at most two words, the last two before the trigger: the pattern is tried from the space before
    # them, or from the start of the lead when they start it)
    k_start = bisect.bisect_left(ctx.tok_starts, m.start)
    cls = _CLASSIFIER_RE.search(lead, max(0, ctx.tok_starts[k_start - 2] - 1 - lo_lead) if k_start >= 2 else 0) \
        if ctx.may_end_with(lo_lead, m.start, 1, _CLASSIFIER_LAST) else None
    # (read from the sentence: "that" also cuts clauses; "\0" keeps a cut window from reading as a sentence start)
    d_lo = max(m.sent[0], m.start - 40)
    demonstrative = ctx.has_demonstrative and _DEMONSTRATIVE_LEAD_RE.search(
        ("" if d_lo == m.sent[0] else "\0") + body[d_lo:m.start])
    m.nominal = bool(cls) or bool(demonstrative) or m.cue.startswith(("cuộc", "chuyến", "hội nghị", "vụ")) or m.type in ("summit",) \
        or bool(t_end)  # "Sau hội đàm, ..."
    after_np = _window_after(ctx, m, 12, nxt)
    ahits, _ = ctx.window_hits(m.end, min(m.clause[1], nxt) if nxt else m.clause[1], words=16)
    # a status word inside a name is no cue: "rút khỏi Kế hoạch Hành động Chung Toàn diện" is no plan
    names_in = ctx.names_in(m.clause)
    if names_in:
        bhits = _unname_status(ctx, bhits, bisect.bisect_right(ctx.tok_ends, m.start) - nb, names_in)
        ahits = _unname_status(ctx, ahits, bisect.bisect_left(ctx.tok_starts, m.end), names_in)

    bpos: dict[str, list[int]] = {}
    for labs, i, j in bhits:
        for lb in labs:
            bpos.setdefault(lb, []).append(i)
    bexc = {lb: [(i, j) for labs, i, j in bhits if lb in labs] for lb in ("negation_exc", "generic_exc", "status_exc")
            if lb in bpos}
    # how many words back the nearest hit of each label starts (hits come in order): a cue of `label` within k words
    # before the trigger is `back.get(label, _FAR) <= k`
    back = {lb: nb - idx[-1] for lb, idx in bpos.items()}

    def before(label: str, k: int, exc: str | None) -> bool:
        """A cue of `label` within k words before the trigger, not inside a phrase of `exc`."""
        if exc not in bexc:
            return back.get(label, _FAR) <= k
        idx = bpos.get(label)
        if not idx:
            return False
        spans = bexc.get(exc, ()) if exc else ()
        return any(i >= nb - k and not any(a <= i < b for a, b in spans) for i in idx)

    # anaphora / assertion
    np_part, np_words = _np_part(ctx, m.end, after_np)
    np_span = (m.end, m.end + min(len(np_part) - 1, len(after_np)))  # (np_part is " " + this text of the body)
    # a coordinated predicate starts another statement: "met in Geneva and agreed to launch ..."
    coord = 99
    # (only a status or assertion cue right after a coordinator counts: with none in the window, no coordinator is
    # read; past the last of them, none can count)
    marked = [i for labs, i, j in ahits if _marks_statement(labs)]
    for cm in _COORD_RE.finditer(after_np) if marked else ():
        ci = len(TOKEN_RE.findall(after_np[:cm.start()]))
        if ci > marked[-1]:
            break
        if any(ci <= i <= ci + 1 for i in marked):
            coord = ci
            break
    cm = _CONTRAST_RE.search(after_np)
    if cm:  # the cues of a contrasted clause are its own, wherever they stand in it
        coord = min(coord, len(TOKEN_RE.findall(after_np[:cm.start()])))
    if np_words >= 10:  # long noun phrase: read its predicate further on in the clause
        rest = body[m.end:min(m.clause[1], nxt if nxt > m.end else m.clause[1])]
        pm = c.np_end.search(rest)
        if pm:
            ahits += [(labs, i + 1000, j + 1000) for labs, i, j in
                      ctx.window_hits(m.end + pm.start(), m.clause[1], words=5)[0]]
            np_words = 1000
    elif m.start - m.clause[0] < 30:
        # "Đối thoại ổn định chiến lược Nga - Mỹ, được khởi động sau ..., đã bị đình trệ": the subject's
        # predicate comes after a participle set off by commas
        # (the parenthetical may hold a clause break of its own: "..., mediated by the EU since 2021, have ...")
        pc = _PARENTHETICAL_RE.match(body, m.end, m.sent[1])
        if pc:
            end = ctx.clause_of(m.sent, pc.end())[1]
            m.attrs["_pred_clause"] = (m.clause[0], end)  # its dates are the subject's too
            ahits += [(labs, i + 1000, j + 1000) for labs, i, j in ctx.window_hits(pc.end(), end, words=5)[0]]
            np_words = 1000

    apos: dict[str, list[tuple[int, int]]] = {}
    ahead: dict[str, int] = {}  # a cue of `label` ending within k words after the trigger: ahead.get(label, _FAR) <= k
    for labs, i, j in ahits:
        for lb in labs:
            apos.setdefault(lb, []).append((i, j))
            if j < ahead.get(lb, _FAR):
                ahead[lb] = j

    def after(label: str, k: int, exc: str | None = None, predicate: int = 0, limit: int = 10 ** 6) -> bool:
        """A cue within k words after the trigger, or within `predicate` words after its noun phrase."""
        found = apos.get(label)
        if not found:
            return False
        spans = apos.get(exc, ()) if exc else ()
        return any((i < limit or i >= 1000) and (j <= k or np_words <= i < np_words + predicate)
                   and not any(a <= i < b for a, b in spans) for i, j in found)
    strong = None
    if c.strong_anaphor:
        for am in c.strong_anaphor.finditer(np_part) if ctx.cue_may_match("strong_anaphor", *np_span) else ():
            tok = am.group(0).lower()
            pre = np_part[:am.start()]
            if tok in ("nói trên", "kể trên", "aforementioned") or not (c.topic_marker and c.topic_marker.search(pre)):
                if _words_between(pre) <= 8:
                    strong = am
                    break
    if (strong is not None or demonstrative) and m.type != "treaty_action" and m.nominal:
        m.ref = "strong"
        if ahead.get("current", _FAR) <= np_words + 1:
            m.attrs["_current"] = True  # "các hội đàm lần này": the happening of the page, not the one before
    elif m.nominal and ctx.may_end_with(max(m.clause[0], m.start - 22), m.start, 3, _INDEFINITE_WORDS) \
            and _INDEFINITE_RE.search(body[max(m.clause[0], m.start - 22):m.start]):
        m.ref = "assert"  # "khởi động một tiến trình đối thoại", "a new round of talks": a new happening
    elif back.get("assert_before", _FAR) <= (2 if m.nominal else 3) or after("assert_after", 12, predicate=3) or not m.nominal:
        m.ref = "assert"
    else:
        m.ref = "weak"

    # blockers
    reported = back.get("hypothetical", _FAR) <= 10 and _reported_future(ctx, m, bhits, nb)
    refused = m.type in ("talks", "summit") and back.get("refusal", _FAR) <= 10
    if (back.get("hypothetical", _FAR) <= 10 and not reported) or ctx.conditional_before(m.sent[0], m.start):
        m.blocked = "hypothetical"
    elif back.get("opposition", _FAR) <= 10 and not refused:
        # ("từ chối tham gia đàm phán ba bên": a meeting sought and refused is proposed, below)
        m.blocked = "opposition"
    elif before("negation", 6, "negation_exc") and not refused:
        m.blocked = "negated"
    elif back.get("purpose", _FAR) <= 3 and back.get("attend", _FAR) > 2:
        m.blocked = "purpose"
    elif before("generic", 4, "generic_exc") or after("generic", 5, "generic_exc") \
            or back.get("nominalizer", _FAR) <= 1 or back.get("quantifier", _FAR) <= 4 \
            or after("habitual", 6, "habitual_exc") or _habitual_before(ctx, m):
        m.blocked = "generic"
    elif ahead.get("definitional", _FAR) <= 12:
        m.blocked = "definition"
    elif m.type == "incident" and back.get("cessation", _FAR) <= 3:
        m.blocked = "negated"  # "sẽ ngừng các cuộc tập trận chung": the exercises stopped are no happening

    # status: the strongest cue before the trigger or among the predicates right after it
    m.status = None
    framed = m.nominal and (f_end or t_end)
    if m.nominal and t_end:
        m.attrs["_timeref"] = True  # "Một ngày sau cuộc hội đàm ở New York, ...": an earlier happening named
    # "được khởi động sau cuộc gặp thượng đỉnh ..., đã bị đình trệ": an event named as the time after which
    # something happened is past, and the predicates after it are the main clause's
    since = m.nominal and ctx.may_end_with(lo_lead, m.start, 3, _SINCE_FRAME_LAST) and _SINCE_FRAME_RE.search(lead)
    for name, label in _STATUS_LABELS:
        # "đã nhất trí nối lại liên lạc quân sự tại cuộc gặp ở California": the cues before a framing
        # preposition belong to the main verb, not to the meeting
        if since:
            break
        if label not in bpos and label not in apos:
            continue  # (most status words are absent from both windows: no call for them)
        if (not framed and before(label, 10, "status_exc")) or after(
                label, min(9 if m.nominal else 7, coord), "status_exc", predicate=5, limit=coord):
            m.status = name
            break
    if m.status == "proposed" and back.get("accepted", _FAR) <= 10:
        m.status = "planned"  # "nhận lời mời thăm Seoul": an invitation accepted makes the visit agreed
    if m.type == "report" and m.cue in c.publication_cues and m.status != "proposed" \
            and not (back.get("status:planned", _FAR) <= 10 or back.get("status:stalled", _FAR) <= 10):
        # "released its review, which says the US will face ...": what the document says is not the
        # publication's tense; a publication verb with no cue before it happened
        m.status = "held"
    if m.type == "report" and m.cue in c.publication_after_cues:
        m.status = _publication_after_status(ctx, m)
    first_labels = _cue_labels(m.cue, first=True) | _cue_labels(m.cue)  # "will meet", "is due in"
    if refused and m.status != "stalled":
        m.status = "proposed"
    elif m.status is None and reported:
        m.status = "planned"  # "announced it would stop observing ...": a reported plan
    elif m.status is None and "tense:future" in first_labels:
        m.status = "planned"  # "will travel to", "will meet"
    elif m.status is None and "tense:past" in first_labels:
        m.status = "held"  # "đã họp"
    if framed and m.status is None:  # only the tense reaches into the frame: "sẽ tiếp đón ... trong chuyến thăm"
        m.status = "planned" if back.get("tense:future", _FAR) <= 10 \
            else ("held" if back.get("tense:past", _FAR) <= 10 else None)

    if m.status in (None, "held", "planned") and _subject_halted(ctx, m):
        m.status = "stalled"
    if m.type == "incident" and m.status == "proposed" and not m.blocked:
        m.blocked = "hypothetical"
    # distinct cues
    if back.get("distinct_before", _FAR) <= 3:
        m.distinct = True
    if c.distinct_after and ctx.cue_may_match("distinct_after", *np_span) and c.distinct_after.search(np_part) \
            and not strong:
        m.distinct = True
    if m.nominal and ctx.may_end_with(lo_lead, m.start, 3, _SINCE_NP_LAST) and _SINCE_NP_RE.search(lead) \
            or ctx.may_end_with(max(m.sent[0], m.clause[0] - 12), m.clause[0], 1, _SINCE_CLAUSE_LAST) \
            and _SINCE_CLAUSE_RE.search(body[max(m.sent[0], m.clause[0] - 12):m.clause[0]]):
        m.distinct = True  # "cuộc gặp thượng đỉnh đầu tiên kể từ cuộc gặp ... năm 2018"
    if m.distinct and m.ref == "weak" and m.status in ("planned", "proposed"):
        m.ref = "assert"  # "Vòng đàm phán tiếp theo dự kiến bắt đầu ...": another round, announced
    if back.get("part_of", _FAR) <= 5:
        m.part_of = True
    # (each pattern only where the page has one of the words it needs: "lần"/"vòng" next, "thứ"/"đầu" after the
    # trigger in its segment, an English ordinal before it)
    k_end = bisect.bisect_left(ctx.tok_starts, m.end)
    om = (k_end < len(ctx.words) and ctx.words[k_end] in _ORDINAL_HEADS and _ORDINAL_RE.match(body, m.end)) \
        or (ctx.may_contain(m.end, m.seg[1], _ORDINAL_AFTER_WORDS) and _ORDINAL_AFTER_RE.match(body, m.end, m.seg[1]))
    ob = None if om or not ctx.may_contain(max(m.seg[0], m.start - 40), m.start, _ORDINAL_BEFORE_WORDS) \
        else _ORDINAL_BEFORE_RE.search(body, max(m.seg[0], m.start - 40), m.start)
    rank = (om.group(om.lastindex) if om else ob.group(1) if ob else "").lower()
    if rank and _COPULA_END_RE.search(body, max(m.seg[0], (ob.start() if ob else m.start) - 30),
                                      ob.start() if ob else m.start):
        rank = ""  # "Đây là hội nghị thượng đỉnh thứ ba", "It was the third meeting": the rank of the one told
    if rank:
        m.attrs["_ordinal"] = _ORDINAL_NUM.get(rank, rank)  # "điện đàm lần thứ hai": not the first call
    ends = ctx.duration_ends
    if ends and any(
            _REL_PREP_RE.match(ctx.body, de)  # (the cheap test first)
            and _words_between(ctx.body[de:m.start]) <= 6 and not _PUNCT_RE.search(ctx.body[de:m.start])
            for de in ends[bisect.bisect_left(ends, m.sent[0]):bisect.bisect_right(ends, m.start)]):
        m.attrs["_relative"] = True  # "Vụ phóng diễn ra một ngày sau khi Triều Tiên bắn ...": not the launch of the main clause
    if m.nominal and f_end:
        m.frame = True

    # attributes
    scope_end = min(m.clause[1], nxt)
    tail = body[m.end:scope_end]
    if m.type == "talks":
        cue_labels = _cue_labels(m.cue)
        for val in c.track_values:  # "2" before "1": "bán chính thức" is not "chính thức"
            lab = "track:" + val
            if lab in cue_labels or ahead.get(lab, _FAR) <= 6 or (val != "1" and back.get(lab, _FAR) <= 5):
                m.attrs["track"] = val
                break
        for val in c.format_values:
            lab = "format:" + val
            if lab in cue_labels or ahead.get(lab, _FAR) <= 4 or back.get(lab, _FAR) <= 2:
                m.attrs["format"] = val
    if (back.get("resumed", _FAR) <= 5 and not framed) or ahead.get("resumed", _FAR) <= 4:
        m.attrs["resumed"] = True
    topic, words = _topic(ctx, m, nxt) if m.type in ("talks", "summit", "call") else (None, set())
    if topic:
        m.attrs["topic"] = topic
        m.topic = words
    for ds, de in ctx.durations:
        if m.end <= ds <= m.end + 25 and de <= scope_end:
            m.duration = True

    # participants: the comma segment, widened to the clause when it names nobody
    scope = (m.seg[0], min(m.seg[1], nxt) if nxt > m.end else m.seg[1])
    scope = (max(scope[0], prev_end) if prev_end < m.start else scope[0], scope[1])
    while scope[1] < m.clause[1]:
        em = _ENUM_RE.match(body, scope[1])
        nxt_ent = ctx.mentions_in(scope[1], min(m.clause[1], scope[1] + 40)) if em else []
        if not (nxt_ent and nxt_ent[0][0] == scope[1] + em.end() - em.start()
                and nxt_ent[0][2].type in ("COUNTRY", "ORG", "PERSON")) or nxt_ent[0][1] > min(m.clause[1], nxt):
            break
        end = nxt_ent[0][1]
        tail = _AND_GAP_RE.match(body, end)
        if tail:
            more = ctx.mentions_in(end, min(m.clause[1], end + 40))
            if more and more[0][0] == tail.end() and more[0][1] <= min(m.clause[1], nxt):
                end = more[0][1]
        scope = (scope[0], end)  # "hội đàm với đại diện Anh, Pháp và Đức"
    while scope[0] > m.clause[0]:
        # "The United States, Japan and South Korea held talks": an enumeration of parties before the segment
        cm = _COMMA_END_RE.search(body[max(m.clause[0], scope[0] - 4):scope[0]])
        prev_ent = ctx.mentions_in(max(m.clause[0], scope[0] - 60), scope[0]) if cm else []
        if prev_ent and prev_ent[-1][2].type == "PERSON" and body[prev_ent[-1][1]:scope[0]].strip() == ",":
            # "Tổng thống Mỹ Joe Biden, Thủ tướng Anh Boris Johnson và ...": people named with their titles
            lead = body[m.clause[0]:prev_ent[-1][0]]
            cut = lead.rfind(",") + 1
            if _words_between(lead[cut:]) > 4 or _LIST_LEAD_STOP_RE.match(lead[cut:]) \
                    or (cut == 0 and lead.strip() and not lead[0].isupper()):
                break  # ("Theo ông Biden, X và Y ...": a source, not one of the list)
            scope = (m.clause[0] + cut + len(lead[cut:]) - len(lead[cut:].lstrip()), scope[1])
            continue
        if not prev_ent or prev_ent[-1][2].type != "COUNTRY" \
                or body[prev_ent[-1][1]:scope[0]].strip() != ",":
            break
        lead = body[m.clause[0]:prev_ent[-1][0]]
        if not _LIST_LEAD_RE.fullmatch(lead):
            # "Lãnh đạo Mỹ, Anh và Australia", "the leaders of Japan, India and ...": a head noun before the list
            hm = c.list_head_end.search(lead)
            if hm is None or not _LIST_LEAD_RE.fullmatch(lead, 0, hm.start()):
                break
        scope = (prev_ent[-1][0], scope[1])
    pm = ctx.cue_search("purpose_inline", m.end, scope[1])
    if pm:  # "... vào tháng 7 để phản đối việc Mỹ bán vũ khí cho Đài Loan"
        scope = (scope[0], pm.start())
    topic_start = body.find(topic, m.end, m.clause[1]) if topic and m.type in _BILATERAL else -1
    topic_span = None
    if topic_start > m.end:
        # the topic runs on through its enumeration ("về quan hệ song phương, vấn đề Ukraine và ...") up to
        # a word that ends it ("với", "tại", "vào", a verb of tense)
        rest = body[topic_start:m.clause[1]]
        sm = ctx.cue_search("topic_stop", topic_start + len(topic), m.clause[1]) if c.topic_stop else None
        pe = _PERIOD_PAREN_RE.search(rest, len(topic))
        end = min(sm.start() - topic_start if sm else len(rest), pe.start() if pe else len(rest))
        topic_span = (topic_start, topic_start + end)
    countries, orgs, people, unknown = _participants(ctx, m, scope, treaty_span, topic_span)
    if m.type in _BILATERAL and back.get("directive", _FAR) <= 10:
        # "Liên Hợp Quốc kêu gọi Mỹ và Iran nối lại đàm phán": two parties after the verb are the parties
        dh = [j for labs, i, j in bhits if "directive" in labs]
        d_end = ctx.tok_ends[bisect.bisect_right(ctx.tok_ends, m.start) - nb + dh[-1] - 1]
        c2, o2, p2, u2 = _participants(ctx, m, (d_end, max(scope[1], m.end)), treaty_span, topic_span)
        if len(c2) + len(o2) >= 2:
            countries, orgs, people, unknown = c2, o2, p2, u2
    partners = []
    if m.type == "treaty_action" and m.attrs.get("action") in ("withdraw", "suspend"):
        # "Nga rời khỏi hiệp ước với Mỹ", "would leave the treaty with Russia": leaving or suspending is one
        # side's act; the partner named after "với"/"with" is the other party to the treaty, not an actor
        partners = [cid for cid in countries if ctx.partner_only(cid, scope[0], m.end, scope[1])]
        countries = [cid for cid in countries if cid not in partners]
    if m.type == "treaty_action" and not countries and m.clause[0] > m.sent[0]:
        # "Nga tuyên bố đình chỉ tham gia New START": a state (or its leader) announcing a treaty
        # action is the one who acts (a body reporting something is not: no ORG here)
        subj = ctx.clause_of(m.sent, m.clause[0] - 1, keep_speech=False)
        actors = [x for x in ctx.mentions_in(subj[0], m.clause[0]) if x[2].type in ("COUNTRY", "PERSON", "LOC")]
        if actors:
            countries, _, people2, _ = _participants(ctx, m, (actors[0][0], m.clause[0]), treaty_span)
            people = people or people2
    countries = countries or partners  # no actor told: the partner is the only party the text gives
    between = None
    if m.type == "incident" and m.attrs.get("kind") in _TWO_SIDED:
        # "a military conflict between India and Pakistan", "đụng độ giữa A và B": both sides follow the trigger
        bm = _BETWEEN_RE.match(body, m.end)
        if bm:
            seg_end = m.seg[1] if m.seg[1] > bm.end() else m.clause[1]
            c2, _, p2, _ = _participants(ctx, m, (bm.end(), seg_end), treaty_span)
            if len(c2) >= 2:
                between = (c2, p2)
    if between:
        countries, people = between
    elif m.type == "incident":
        # "Triều Tiên xác nhận đã phóng thử ...", "Mỹ, Nhật Bản và Hàn Quốc lên án vụ phóng": the actor is
        # the subject before the trigger; parties after it are targets or reactions
        lo = max(m.sent[0], prev_end if prev_end < m.start else m.sent[0])
        subj = [x for x in ctx.mentions_in(max(lo, m.seg[0]), m.start) if x[2].type in ("COUNTRY", "PERSON", "LOC")]
        subj = subj or [x for x in ctx.mentions_in(max(lo, m.clause[0]), m.start)
                        if x[2].type in ("COUNTRY", "PERSON", "LOC")]
        subj = subj or [x for x in ctx.mentions_in(lo, m.start) if x[2].type in ("COUNTRY", "PERSON", "LOC")]
        if subj:
            c2, _, p2, _ = _participants(ctx, m, (subj[0][0], m.start), treaty_span)
            if c2:
                # a shoot-down, a collision or a strike also has a target; a launch or a test has only its actor
                keep = [x for x in countries if x not in c2] if m.attrs.get("kind") in _TWO_SIDED else []
                countries, people = c2 + keep, p2
        elif prev is not None and prev.type == "incident" and prev.countries:
            countries = list(prev.countries)  # "test-fired an ICBM on Wednesday, its second launch after a first test"
        if m.attrs.get("kind") in _TWO_SIDED and countries:
            # "đánh vào cơ sở Natanz", "missiles at a base in Iran": a struck place names its country as the
            # other side (a country itself only as the place: after "in"/"ở")
            for s_, e_, ent in ctx.mentions_in(m.end, min(m.end + 60, m.clause[1])):
                host = _host_country(ctx, ent.id) if ent.type == "LOC" else None
                if ent.type == "COUNTRY" and c.location_prep and c.location_prep.search(body, max(m.end, s_ - 5), s_):
                    host = ent.id
                if host and host in ctx.ent_by_id and host not in countries:
                    countries = countries + [host]
                    break
        if not countries:
            for s_, e_, ent in ctx.mentions_in(m.end, min(m.end + 40, m.sent[1])):
                kbe = ctx.kb.get(ent.id) if ent.type == "WEAPON" else None
                if kbe is not None and kbe.country and kbe.country in ctx.ent_by_id:
                    countries = [kbe.country]  # "vụ phóng Hwasong-18": the weapon's owner
                    break
    if not countries and not orgs and not m.attrs.get("_timeref"):  # ("Sau cuộc gặp, X ...": X met no one here)
        wide = (max(m.clause[0], prev_end if prev_end < m.start else m.clause[0]), min(m.clause[1], nxt))
        pw_ = ctx.cue_search("reason_inline", m.end, wide[1]) if c.reason_inline else None
        if pw_:
            wide = (wide[0], pw_.start())
        countries, orgs, people2, unknown = _participants(ctx, m, wide, treaty_span, topic_span)
        people = people or people2
    if not countries and m.cue in c.reciprocal_cues:
        # "Biden và Putin tái khẳng định ... khi gặp nhau tại Geneva": the subjects before the verb
        countries, orgs, people2, unknown = _participants(ctx, m, (max(m.sent[0], prev_end if prev_end < m.start
                                                                       else m.sent[0]), m.start), treaty_span, topic_span)
        people = people or people2
    if not countries and not orgs and m.nominal and m.type in _BILATERAL and m.clause[0] > m.sent[0] \
            and _ADJUNCT_FRAME_RE.search(body[max(m.clause[0], m.start - 30):m.start]):
        # "A, B và C đưa ra thông báo trong một hội nghị thượng đỉnh trực tuyến": a meeting in an adjunct of a
        # clause cut off after its verb takes the subjects of that clause (two at least)
        lo = max(m.sent[0], prev_end if prev_end < m.start else m.sent[0])
        c2, o2, p2, u2 = _participants(ctx, m, (lo, m.clause[0]), treaty_span, topic_span)
        if len(c2) >= 2:
            countries, orgs, people, unknown = c2, o2, people or p2, u2
    if m.type in _BILATERAL and countries and m.clause[0] > m.sent[0] and not ctx.mentions_in(m.clause[0], m.start) \
            and any(ctx.partner_only(cid, m.clause[0], m.end, m.clause[1]) for cid in countries):
        # "Ông Trump nói muốn đàm phán với Nga", "X said it was ready to talk with Y": a clause with no subject
        # of its own after a verb of saying is the speaker's; the partner follows "với"/"with"
        subj = ctx.clause_of(m.sent, m.clause[0] - 1, keep_speech=False)
        actors = [x for x in ctx.mentions_in(subj[0], m.clause[0]) if x[2].type in ("COUNTRY", "PERSON")]
        if actors:
            c2, _, p2, _ = _participants(ctx, m, (actors[0][0], actors[0][1]), treaty_span)
            countries = [x for x in c2 if x not in countries] + countries
            people = people + [p for p in p2 if p not in people]
    if m.type in _BILATERAL | {"visit"}:
        ante = _pronoun_antecedent(ctx, m)
        if ante is not None:
            c2, _, p2, _ = _participants(ctx, m, ante, treaty_span)
            countries = c2 + [x for x in countries if x not in c2]
            people = p2 + [p for p in people if p not in p2]
    if m.type == "treaty_action" and not countries and prev is not None and prev.type == "treaty_action":
        countries = list(prev.countries)  # "Nga ký cùng năm và phê chuẩn vào năm 2000"
    if m.type == "treaty_action" and not countries:
        countries = ctx.countries_in_text(body[treaty_span[0]:treaty_span[1]]) if treaty_span else []
    if m.type == "report":
        author = m.attrs.get("author")
        ae = ctx.ent_by_id.get(author)
        ac = ctx.country_of_entity(ae) if ae else None
        countries, orgs, people = ([ac] if ac else []), ([] if ac else [author]), []  # an international body
    if m.type in _BILATERAL or m.type == "treaty_action":  # ("Thỏa thuận được hai miền ký": both Koreas sign)
        for cid in _short_pair_countries(ctx, m.clause[0], scope_end):
            if cid not in countries:
                countries.append(cid)
    if m.type in ("talks", "summit"):
        # a named multilateral conference ("Hội nghị thượng đỉnh G20", "Hội nghị rà soát NPT", "a meeting of
        # the UN Security Council"): its parties are the forum, if any, not a pair taken from context
        named = [ent for _, _, ent in ctx.covering(m.start, m.end) if ent.type == "EVENT_NAME"] \
            if m.cue in c.conference_cues else []
        forum = [] if not (m.nominal or _ARTICLE_END_RE.search(body[max(m.clause[0], m.start - 40):m.start])) \
            else [x for x in ctx.mentions_in(m.end, min(m.clause[1], m.end + 60))
                 if x[2].type in ("ORG", "EVENT_NAME") and _words_between(body[m.end:x[0]]) <= 2
                 and not _PUNCT_RE.search(body[m.end:x[0]]) and not _FORUM_GAP_RE.search(body[m.end:x[0]])]
        if named or forum:
            m.attrs["_multi"] = True
            if named:
                countries, people = [], []  # who speaks or meets there is no party of the conference
                att = _attendee(ctx, m)
                if att is not None:  # ... but who attends it is
                    countries, _, people, _ = _participants(ctx, m, att)
                    # and the attendee's own verb tells its status ("Obama dự kiến trở lại châu Á vào tháng 9 để
                    # dự hội nghị thượng đỉnh G20": planned, though far from the cue)
                    hits, _ = ctx.window_hits(att[1], m.start)
                    told = {lb for labs, _, _ in hits for lb in labs}
                    m.status = next((st for st in STATUS_ORDER if "status:" + st in told), m.status)
                    # (so does its date, told before the purpose word that keeps it off the conference: "vào tháng
                    # 9 để dự"; a date at the conference itself, nearer, still wins)
                    days = [(dv, m.start - ts) for ts, te, dv, _ in ctx.dates if att[1] <= ts and te <= m.start]
                    if days:
                        m.date, m.date_dist = days[-1][0], 100.0 + days[-1][1]
            fo = [x[2].id for x in forum[:1] if x[2].type == "ORG" and x[2].id not in orgs]
            orgs = fo + [o for o in orgs if o not in fo]
    if body_org is not None:  # the body decides: the states drafting or voting are no parties of its meeting
        countries, orgs, people, unknown = [], [body_org], [], False
        m.attrs["_multi"] = True
    m.countries, m.orgs, m.people, m.unknown_people = countries, orgs, people, unknown
    m.pair = ctx.pair_word_in(m.clause[0], scope_end)

    # objects required by common verbs
    needs = c.needs_object.get(m.type, set())
    if m.cue in needs:
        after = body[m.end:min(m.end + 40, scope_end)]
        obj = [x for x in ctx.mentions_in(m.end, m.end + 40) if x[1] <= scope_end]
        if m.type == "visit":
            if not obj or _words_between(body[m.end:obj[0][0]]) > 2:
                return None
            if m.cue in c.motion_cues:
                # "Ông Austin đến Hà Nội": a person travelling to a place right after the verb
                subj = [x for x in ctx.mentions_in(m.clause[0], m.start) if x[2].type == "PERSON"]
                gap = body[subj[-1][1]:m.start] if subj else ""
                gap = _TIMEX_GAP_RE.sub(" ", gap)
                # "tới Bình Nhưỡng gặp ông Kim", "đầu tiên đến Hiroshima": a purpose after the destination or a
                # record visit lets the traveller stand further back in the sentence
                far = bool(c.visit_purpose and c.visit_purpose.match(body, obj[0][1] + 1)
                           and body[obj[0][1]:obj[0][1] + 1] == " ") or bool(subj and c.first_to_end.search(gap))
                if far and not subj:  # (a speaker before "cho biết" is no traveller)
                    subj = [x for x in ctx.mentions_in(m.sent[0], m.start) if x[2].type == "PERSON"
                            and not (c.speech_verbs and c.speech_verbs.search(body, x[1], m.start))][-1:]
                if obj[0][2].type not in ("LOC", "COUNTRY") or _words_between(body[m.end:obj[0][0]]) > 0 \
                        or not subj or not (far or _words_between(gap) <= 1 or _MOTION_LEAD_RE.search(gap)):
                    return None
        elif m.type == "incident":
            if not ((obj and obj[0][2].type == "WEAPON" and _words_between(body[m.end:obj[0][0]]) <= 1)
                    or _MISSILE_RE.match(after)):
                return None
        elif not (c.partner_start.match(after) or len(m.countries) >= 2 or m.pair
                  or (obj and _words_between(body[m.end:obj[0][0]]) <= 1) or _body_meets(ctx, m)
                  or (obj and obj[0][2].type in ("PERSON", "COUNTRY") and _title_gap(ctx, body[m.end:obj[0][0]]))):
            return None  # ("gặp Tổng thống Ukraine": a person named by a title and a country is an object too)
    if not m.nominal and _FRONTED_RE.fullmatch(body[m.sent[0]:m.start]) and m.seg[1] < m.sent[1]:
        # "Sau khi gặp Tổng thống Ukraine, ông Biden ...": the fronted clause has the main clause's subject
        for s_, e_, ent in ctx.mentions_in(m.seg[1], min(m.sent[1], m.seg[1] + 40)):
            if ent.type in ("PERSON", "COUNTRY"):
                cid = ctx.country_of_entity(ent)
                if ent.type == "PERSON" and ent.id not in m.people:
                    m.people.insert(0, ent.id)
                if cid and cid not in m.countries:
                    m.countries.insert(0, cid)
                break

    # location: a place after tại/ở/in, before the next trigger
    m.location = _location(ctx, m, min(nxt, pm.start()) if pm else nxt)
    if m.type == "visit" and m.location is None:
        obj = ctx.mentions_in(m.end, min(m.end + 50, scope_end))
        for s_, e_, ent in obj:
            gap = body[m.end:s_]
            if ent.type in ("COUNTRY", "LOC") and (_words_between(gap) <= 1 or (
                    c.destination_end.search(gap) and _words_between(gap) <= 6)):
                m.location = ent.id
                break
    if m.location:  # a city and its country are one place ("đến Moskva ..., chuyến thăm Nga")
        m.attrs["_place"] = {m.location, _host_country(ctx, m.location)} - {None}
    framed_visit = m.type == "visit" and m.nominal and f_end
    if m.type == "visit" and (m.location or framed_visit) and not [p for p in m.people if p in ctx.ent_by_id]:
        lo = m.sent[0]
        subj = [x for x in ctx.mentions_in(lo, m.start) if x[2].type == "PERSON"]
        if subj:
            ent = subj[-1][2]
            cid = ctx.country_of_entity(ent)
            m.people.append(ent.id)
            if cid and cid not in m.countries:
                m.countries.insert(0, cid)
    if m.cue in c.declaration_cues:
        # "Trump và Kim ký tuyên bố chung", "the two leaders issued a joint statement": leaders acting together
        # met; a statement of an agency and a government ("IAEA và Iran ra tuyên bố chung") is no summit
        lo = max(m.clause[0], prev_end if prev_end < m.start else m.clause[0])
        leaders = [p for p in m.people if p in ctx.ent_by_id and ctx.is_leader(ctx.ent_by_id[p])]
        if not (len(leaders) >= 2 or _leader_titles(ctx, lo, m.start) >= 2
                or (c.leader_pairs and ctx.text_search("leader_pairs", lo, m.start))):
            if len(m.countries) < 2:
                return None
            m.type = "treaty_action"  # "năm nước ra tuyên bố chung": states adopting a text, not a meeting
            m.attrs["treaty"], m.attrs["action"] = _declaration(ctx, m)[0], "sign"
            m.attrs.pop("topic", None)
    if m.type == "visit" and not (m.location or len(m.countries) >= 2):
        return None  # a visit with no destination ("kết quả chuyến thăm") is a reference
    return m


def _location(ctx: _Ctx, m: _Mention, nxt: int) -> str | None:
    c = ctx.cues
    body = ctx.body
    end = min(m.clause[1], nxt)
    if not c.location_prep or end <= m.end:
        return None
    # the cue windows give the candidate stop words and prepositions, their patterns confirm them
    cands = ctx.hits_between(m.end, end, ("loc_stop", "loc_prep"))
    if c.location_stops:
        for pos, labs in cands:
            if "loc_stop" in labs and c.location_stops.match(body, pos, end):
                end = pos
                break
    text = body[m.end:end]
    for pos, labs in cands:
        if pos >= end:
            break
        pm = c.location_prep.match(body, pos, end) if "loc_prep" in labs else None
        if pm is None:
            continue
        prep_abs = pos
        lead = body[max(m.end, prep_abs - 25):prep_abs]
        if c.location_blockers and c.location_blockers.search(lead):
            continue
        window_end = min(m.end + len(text), prep_abs + 60)
        for s, e_, ent in ctx.mentions_in(prep_abs, window_end):
            if ent.type in ("LOC", "COUNTRY"):
                gap = body[prep_abs + len(pm.group(0)):s]
                if _PUNCT_RE.search(gap):
                    break
                return ent.id
            if ent.type in ("PERSON",):
                break
    return None


def _treaty(ctx: _Ctx, m: _Mention, nxt: int, prev_end: int):
    """The treaty a treaty action is about: a TREATY mention (or an alliance) as object or subject,
    or an anaphor ('hiệp ước này') resolved to the salient earlier treaty."""
    body = ctx.body
    lo = max(m.clause[0], prev_end if prev_end < m.start else m.clause[0])
    hi = min(m.clause[1], nxt if nxt > m.end else m.clause[1])
    if m.cue in ctx.cues.declaration_texts:
        return _declaration(ctx, m)
    if m.cue in ctx.cues.treaty_year_cues:
        # "the Lancaster House treaties of 2010", "một hiệp ước năm 2000": a treaty named by its year was signed then
        ym = _TREATY_YEAR_RE.match(body, m.end)
        return (None, (m.start, ym.end())) if ym else None
    cands = []
    for s, e_, ent in ctx.mentions_in(m.end, min(hi, m.end + 70)):
        if ent.type == "TREATY" or (ent.type == "ORG" and _TREATY_WORDS_RE.search(body[s:e_])):
            if _words_between(body[m.end:s]) <= 6 and not ctx.cues.legal_basis_end.search(body[m.end:s]):
                cands.append((0, s, e_, ent.id))
                break
    for s, e_, ent in reversed(ctx.mentions_in(lo, m.start)):
        if ent.type == "TREATY" or (ent.type == "ORG" and _TREATY_WORDS_RE.search(body[s:e_])):
            gap = body[e_:m.start]
            # "Tuyên bố Washington mà Tổng thống Yoon ... và Tổng thống Biden ký": a relative clause
            # ("INF được Tổng thống Mỹ Ronald Reagan và nhà lãnh đạo Liên Xô Mikhail Gorbachev ký": a passive)
            if _words_between(gap) <= 6 or ((_RELATIVE_RE.match(gap) or _PASSIVE_RE.match(gap))
                                           and _words_between(gap) <= 16):
                cands.append((1, s, e_, ent.id))
                break
    if not cands and _FRONTED_PASSIVE_RE.match(body, m.sent[0], m.start):
        # "Được ký tại Prague năm 2010 và gia hạn ..., New START giới hạn ...": the subject after the participle
        comma = body.find(",", m.end, m.sent[1])
        for s, e_, ent in ctx.mentions_in(comma, min(m.sent[1], comma + 40)) if comma > 0 else ():
            if ent.type == "TREATY":
                cands.append((2, s, e_, ent.id))
                break
    if cands:
        cands.sort()
        _, s, e_, tid = cands[0]
        return tid, (s, e_)
    om = _NUCLEAR_DEAL_RE.match(body, m.end) or (_COMMON_TREATY_RE.match(body, m.end)
                                                 if ctx.cues.treaty_action.get(m.cue, "sign") in ("sign", "ratify") else None)
    if om is None and ctx.cues.treaty_action.get(m.cue) == "withdraw":
        om = _LEFT_TREATY_RE.match(body, m.end)
        if om and om.end() <= hi:  # "rút khỏi hiệp ước": the treaty the page is about, when it named one
            return _salient_treaty(ctx, om.start(), m.sent), (om.start(), om.end())
    if om and om.end() <= hi:
        return None, (om.start(), om.end())  # "pulled the United States out of the 2015 nuclear deal"
    gm = None
    for gm in _AGREEMENT_RE.finditer(body, lo, m.start):
        pass
    if gm is not None and _MODIFIED_RELATIVE_RE.match(body[gm.end():m.start]) \
            and _words_between(body[gm.end():m.start]) <= 16:
        return None, (gm.start(), gm.end())  # "thỏa thuận mà hai nước ký hồi tháng 5"
    # anaphor after (object) or before (subject)
    for seg, off in ((body[m.end:min(hi, m.end + 40)], m.end), (body[lo:m.end], lo)):
        am = _TREATY_ANAPHOR_RE.search(seg)  # (the subject's look-ahead may read the trigger: "Hiệp ước chính thức ...")
        if am and (off == m.end or off + am.end() <= m.start):
            tid = _salient_treaty(ctx, off + am.start(), m.sent)
            if tid:
                return tid, (off + am.start(), off + am.end())
            if off == m.end and am.start() <= 1 and ctx.cues.treaty_action.get(m.cue) in ("withdraw", "suspend"):
                return None, (off + am.start(), off + am.end())  # "pulled the United States out of the agreement"
            if off == lo and am.start() == 0 and lo == m.sent[0] and _DEMONSTRATIVE_END_RE.search(am.group(0)) \
                    and not any(x[2].type == "TREATY" for x in ctx.mentions_in(max(0, m.sent[0] - 400), m.sent[0])):
                # "Hiệp ước này được Mỹ và Philippines ký": a sentence about a treaty the page named by a common noun
                return None, (off + am.start(), off + am.end())
    # "Trung Quốc gia nhập hiệp ước hồi tháng 3/1992": Vietnamese has no article; a bare treaty noun right after the
    # verb, with nothing naming it, is the treaty the page is about ("the treaty")
    bm = _BARE_TREATY_OBJECT_RE.match(body, m.end)
    if bm and bm.end() <= hi:
        tid = _salient_treaty(ctx, m.start, m.sent)
        if tid:
            return tid, (bm.start(1), bm.end(1))
    # "pulled the United States out of it", "rút khỏi nó": a pronoun object, with an agreement named before it
    pm = _PRONOUN_OBJECT_RE.match(body, m.end) if ctx.cues.treaty_action.get(m.cue) in ("withdraw", "suspend") \
        else None
    if pm and _AGREEMENT_RE.search(body, m.sent[0], m.start):
        return None, (pm.start(), pm.end())
    if m.cue in ctx.cues.obligation_cues:  # "Iran stopped observing some of its commitments": the treaty told before
        tid = _salient_treaty(ctx, m.start, m.sent)
        if tid:
            return tid, (m.start, m.end)
    return None


def _declaration(ctx: _Ctx, m: _Mention):
    """The text a declaration cue adopts: a named declaration at the cue ("ra Tuyên bố Washington"), else the
    cue itself when it says the text is joint or signed ("công bố tuyên bố chung", "a declaration signed");
    None for a bare statement ("Bộ Ngoại giao ra tuyên bố ...")."""
    for s, e_, ent in ctx.mentions_in(max(0, m.start - 1), min(m.sent[1], m.end + 30)):
        if ent.type == "TREATY" and s < m.end + 2 and (s >= m.start or e_ > m.start):
            return ent.id, (s, e_)
    if _JOINT_TEXT_RE.search(m.cue):
        return None, (m.start, m.end)
    return None


def _salient_treaty(ctx: _Ctx, pos: int, sent: tuple[int, int]) -> str | None:
    """Nearest treaty earlier in the same sentence, else the first one of the closest earlier sentence."""
    same = [(s, ent) for s, e_, ent in ctx.mentions_in(sent[0], pos) if ent.type == "TREATY"]
    if same:
        return same[-1][1].id
    prev = [(s, e_, ent) for s, e_, ent in ctx.ents if e_ <= sent[0] and ent.type == "TREATY"]
    if not prev:
        return None
    last_sent = ctx.sentence_of(prev[-1][0])
    in_last = [x for x in prev if last_sent[0] <= x[0] < last_sent[1]]
    return in_last[0][2].id


def _opening_actor(ctx: _Ctx, m: _Mention):
    """The country or body a sentence opens with (its subject, at most three words in), for a document whose
    publication is told after it ("The Ministry of Defence will set out ... in a Command Paper, due to be published")."""
    first = ctx.mentions_in(m.sent[0], m.start)
    if first and first[0][2].type in ("COUNTRY", "ORG") and _words_between(ctx.body[m.sent[0]:first[0][0]]) <= 3:
        return first[0][2]
    return None


def _split_partners(ctx: _Ctx, e: _Event) -> list[_Event]:
    """One call or meeting per partner when one party calls or meets, one after another, partners of different
    countries listed after "với"/"with" ("điện đàm với Tổng thống Hàn Quốc ... và Thủ tướng Nhật Bản ...")."""
    c = ctx.cues
    if e.type not in ("call", "talks", "summit") or len(e.countries) < 3 or len(e.mentions) != 1:
        return [e]
    m = e.mentions[0]
    seg = ctx.body[m.clause[0]:m.clause[1]]
    if c.multi_party is not None and c.multi_party.search(seg):
        return [e]
    if e.type != "call" and (c.separate_meetings is None or not c.separate_meetings.search(seg)):
        return [e]
    pm = c.partner_start.match(ctx.body, m.end)
    if pm is None:
        pm = next((x for x in c.partner_start.finditer(ctx.body, m.end, m.clause[1])
                   if _words_between(ctx.body[m.end:x.start()]) <= 3), None)
    if pm is None:
        return [e]
    partners: list[str] = []
    for s_, e_, ent in ctx.mentions_in(pm.end(), m.clause[1]):
        if ent.type not in ("PERSON", "COUNTRY"):
            continue
        cid = ctx.country_of_entity(ent)
        if cid in e.countries and cid not in partners:
            partners.append(cid)
    subject = [x for x in e.countries if x not in partners]
    if len(partners) < 2 or not subject:
        return [e]
    out = []
    for cid in partners:
        people = [p for p in e.people if p in ctx.ent_by_id
                  and ctx.country_of_entity(ctx.ent_by_id[p]) in subject + [cid]]
        out.append(replace(e, countries=subject + [cid], people=people, attrs=dict(e.attrs), mentions=list(e.mentions)))
    return out


def _publication_after_status(ctx: _Ctx, m: _Mention) -> str:
    """The tense of a publication told after its document is its participle's ("published on Friday": held; "due
    to be published": planned), not the main clause's ("France will modernise ... under a review published ...")."""
    if any(m.start <= a and b <= m.end for a, b in ctx.spans_of("status:planned")):
        return "planned"
    return "held"


def _report(ctx: _Ctx, m: _Mention) -> bool:
    """A report needs an official author (a government body or an international organisation: an
    ORG that is not a think tank or a medium in the KB; unknown bodies need a country) and, when the
    trigger is a verb of assessing, a publication date (checked once dates are attached)."""
    body = ctx.body
    author = None
    # "báo cáo ... của Lầu Năm Góc"
    for s, e_, ent in ctx.mentions_in(m.end, min(m.clause[1], m.end + 40)):
        if ent.type == "ORG" and ctx.cues.author_end.search(body[m.end:s]):
            author = ent
            break
    if author is None:
        for s, e_, ent in ctx.mentions_in(m.end, min(m.sent[1], m.end + 90)):
            gap = body[m.end:s]
            if ent.type == "ORG" and not gap.strip() and _NOUN_LEAD_RE.search(body[m.sent[0]:m.start]):
                author = ent  # "Theo báo cáo Lầu Năm Góc công bố ...": the body's report (a noun before it)
                break
            if ent.type == "ORG" and _RELATIVE_RE.search(gap) and _words_between(gap) <= 12:
                author = ent  # "báo cáo thường niên ... mà Bộ Quốc phòng Mỹ công bố hôm 19/10"
                break
            if ent.type in ("PERSON", "COUNTRY", "ORG") and (_RELATIVE_RE.search(gap) or _words_between(gap) > 12
                                                            or ent.type == "ORG"):
                break  # (what the report is about may come before "mà": "báo cáo về sức mạnh quân sự Trung Quốc mà")
    if author is None and _FRONTED_REPORT_RE.search(body[m.sent[0]:m.start]):
        # "Trong báo cáo gửi các nước thành viên, IAEA xác nhận ...", "In its quarterly report, the IAEA said":
        # the subject of the main clause wrote the report
        comma = body.find(",", m.end, m.sent[1])
        if comma > 0:
            for s, e_, ent in ctx.mentions_in(comma, m.sent[1]):
                if ent.type == "ORG" and not ctx.mentions_in(comma, s) or ent.type == "ORG" and all(
                        x[2].type == "ORG" for x in ctx.mentions_in(comma, s)):
                    if _words_between(_TIMEX_GAP_RE.sub(" ", body[comma:s])) <= 12:
                        author = ent
                break
    if author is None:
        possessive = _ITS_END_RE.search(body[max(m.sent[0], m.start - 30):m.start])
        for s, e_, ent in reversed(ctx.mentions_in(m.sent[0], m.start)):
            if ent.type == "ORG":
                if _words_between(body[e_:m.start]) <= 4 or possessive:
                    author = ent
                break
    if author is None and m.cue in ctx.cues.publication_cues:
        # "Trung Quốc hôm thứ Tư đã công bố sách trắng quốc phòng": a government publishing a document
        subj = [x for x in ctx.mentions_in(m.clause[0], m.start) if x[2].type in ("COUNTRY", "ORG", "PERSON")]
        if subj and subj[-1][2].type == "COUNTRY" \
                and _words_between(_TIMEX_GAP_RE.sub(" ", body[subj[-1][1]:m.start])) <= 2:
            author = subj[-1][2]
    if author is None and m.cue in ctx.cues.publication_after_cues:
        author = _opening_actor(ctx, m)  # "Britain will ... under a review ... published on Tuesday"
    if author is None and ctx.last_author is not None and m.start - ctx.last_author[1] < 1500:
        author = ctx.last_author[0]  # "Báo cáo năm ngoái ước tính ...": the body named for the last report
        m.attrs["_needs_date"] = True
    if author is None:
        return False
    kbe = ctx.kb.get(author.id)
    if kbe is not None and kbe.file in ctx.cues.unofficial_kb_files and not (
            m.cue in ctx.cues.publication_cues and kbe.file not in ctx.cues.media_kb_files):
        return False  # a think tank's or a newspaper's estimate is not an official assessment (a yearbook it
        # publishes is)
    if kbe is None and not ctx.country_of_entity(author):
        return False
    m.attrs["author"] = author.id
    if not m.attrs.get("_needs_date"):
        ctx.last_author = (author, m.start)
    return True


def _attach_dates(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """Each date timex goes to the nearest trigger of its clause; each trigger keeps its nearest timex.
    Dates of speech acts ('cho biết hôm 2/11', 'Ngày 23/7, Bộ Ngoại giao Mỹ thông báo') and content
    times ('từ năm 2021 đến năm 2023', 'trước năm 2030') are not event dates (reports excepted)."""
    c = ctx.cues
    body = ctx.body
    by_sent: dict[tuple[int, int], list[_Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    for ts, te, dv, tx in ctx.dates:
        sent = ctx.sentence_of(ts)
        ms = by_sent.get(sent)
        if not ms:
            continue
        pre = body[max(sent[0], ts - 12):ts].lower()
        content = bool(c.content_time_end.search(pre)) and not _CLAUSE_TO_RE.search(pre)
        report_content = content or bool(c.report_content_time_end.search(pre))
        speech = False
        if c.speech_verbs:
            a_hi = min(sent[1], te + 70)
            after = body[te:a_hi]
            # (the exceptions are blanked only where the cue windows show one: the big patterns scan every position)
            blanked = bool(c.speech_exceptions) and ctx.may_hit(te, a_hi, "speech_exc")
            if blanked:
                after = c.speech_exceptions.sub(lambda x: "_" * len(x.group(0)), after)
            # a verb of saying after a contrast or after another date is dated by that other clause or date
            # ("vụ gần nhất vào tháng 9, nhưng tuyên bố ...", "lần gần nhất vào tháng 9, và hồi tháng 11 tuyên bố")
            cm = c.contrastive.search(after) if c.contrastive else None
            cut = min(([cm.start()] if cm else []) + [d[0] - te for d in ctx.dates if te < d[0] < te + len(after)],
                      default=len(after))
            if blanked or not ctx.starts_free(te):
                sv = c.speech_verbs.search(after[:cut])
                sv_at = sv.start() if sv else 0
            else:  # (the same first match, tried at the words that can start a verb of saying)
                sv = ctx.cue_search("speech_verbs", te, te + cut)
                sv_at = sv.start() - te if sv else 0
            seg = ctx.seg_of(ctx.clause_of(sent, ts, keep_speech=True), ts)
            framed = any(seg[0] <= mm.start and mm.end <= ts for mm in ms)  # "sau cuộc điện đàm ... hồi năm ngoái"
            if sv and not framed and not any(te <= mm.start < te + sv_at for mm in ms):
                speech = True
            b_lo = max(sent[0], ts - 20)
            if ctx.starts_free(b_lo):
                last = ctx.cue_last("speech_verbs", b_lo, ts)
                told = body[last.end():ts] if last else ""
            else:
                before = body[b_lo:ts]
                last = _last_match(c.speech_verbs, before)
                told = before[last.end():] if last else ""
            if last and _words_between(told) <= 1:  # "cho biết hôm 2/11"
                speech = True
        best, best_d = None, 1e9
        fronted = not body[sent[0]:ts].strip(" \"“") and body[te:te + 2].startswith(",")
        # "..., năm ngày sau khi Bình Nhưỡng thử ...", "four months after the two sides extended ...": an offset
        # splits the sentence; a day told on one side is not the date of a trigger on the other (the relative
        # dates below date it from that day)
        splits = [rm.end() for ds, de, dv in ctx.duration_values if sent[0] <= ds < sent[1]
                  and _DAYS_RE.match(dv or "") for rm in [_OFFSET_WORD_RE.match(body, de)] if rm]
        for m in ms:
            if any((m.start < sp) != (ts < sp) for sp in splits):
                continue
            is_report = m.type == "report"
            penalty = 0.0
            if speech and not is_report:
                # "Putin said on Tuesday that Moscow was suspending ...": an announced action happens then,
                # and an offer or a wish is made when it is stated ("Năm 2021, Sullivan cho hay ... mong
                # muốn bắt đầu thảo luận"); talks or visits announced on a day are not held that day
                announced = (m.type in ("treaty_action", "incident") and m.status not in ("planned", "proposed")
                             and not (m.type == "incident" and m.nominal and m.ref != "assert")) \
                    or m.status == "stalled" \
                    or (m.type == "treaty_action" and m.status == "planned"
                        and m.attrs.get("action") in ("withdraw", "suspend", "extend"))
                # ("in July China said it was suspending talks"; "Tháng 10/2018, Trump tuyên bố Mỹ sẽ rút khỏi INF": a
                # decision to leave, suspend or extend is taken when it is announced)
                if not (announced or m.status == "proposed"):
                    continue
                penalty = 500.0
            tsp = m.attrs.get("_treaty_span")
            if tsp and tsp[0] <= ts and te <= tsp[1]:
                continue  # "the 2015 nuclear deal": the year of the deal, not of the action
            if content and not (m.type == "treaty_action" and m.attrs.get("action") == "expire"):
                continue
            if is_report and report_content:
                continue
            clause = m.attrs.get("_pred_clause") or ctx.clause_of(sent, m.start, keep_speech=is_report)
            if not (clause[0] <= ts < clause[1]) and not penalty and not fronted:
                continue  # (a date fronted before a comma, "Tháng 6 năm ngoái, ...", dates the whole sentence)
            d = (ts - m.end) if ts >= m.end else (m.start - te) * 1.3
            between = body[m.end:ts] if ts >= m.end else body[te:m.start]
            if ts < m.start and c.topic_marker and c.topic_marker.search(between):
                d += 200.0  # "đã họp khẩn hôm 20/11 về vụ phóng ...": the date of the meeting, not of its topic
            if ts < m.start and _AND_RE.search(body[te:min(m.end, m.start + 4)]):
                d += 200.0  # "withdrawal from the INF Treaty in 2019 and from the Open Skies Treaty last year"
            if ts < m.start and "," in between and body[sent[0]:ts].strip(" \"“") and ts - sent[0] > 12:
                d += 200.0  # "... giữa ông Trump và ông Putin hôm 12/2, tiếp đó là cuộc hội đàm ..."
            if is_report and ts >= m.end and _YEAR_RE.fullmatch(dv or "") and _words_between(between) <= 1:
                d += 200.0  # "công bố niên giám năm 2023", "its 2022 report": the edition, not the publication day
            if ts >= m.end and _OTHER_TIME_RE.search(between):
                continue  # "vụ phóng diễn ra một tuần trước cuộc bầu cử ... ngày 5/11"
            if _year_of_agreement(body, ts, te, dv, m):
                continue  # "to revive the 2015 nuclear deal", "khôi phục thỏa thuận hạt nhân năm 2015"
            bare = not _TIME_PREP_RE.search(body[max(sent[0], ts - 6):ts] + " " + tx.text[:6])
            if (ctx.cue_may_match("purpose_inline", *((m.end, ts) if ts >= m.end else (te, m.start)))
                    and c.purpose_inline.search(between)) or (bare and any(
                    ent.type in ("TREATY", "EVENT_NAME") and e_ <= ts and ts - e_ <= 6 and s_ >= min(m.end, ts)
                    and ent.id != m.attrs.get("treaty")
                    for s_, e_, ent in ctx.mentions_in(min(m.end, ts), ts))):
                continue  # "nhằm khôi phục thỏa thuận hạt nhân năm 2015": the year of the deal, not of the talks
            d += penalty
            if fronted and not m.nominal and not penalty and m.status not in ("planned", "proposed") \
                    and d < m.date_dist:
                # "Tuần trước, ông X đã tới Moskva hội đàm với ...": a date fronted before the comma frames every
                # predicate of the sentence, not only the nearest one
                m.date, m.date_dist = dv, d
            if d < best_d:
                best, best_d = m, d
        if best is not None and best_d < best.date_dist:
            best.date, best.date_dist = dv, best_d
    # "đã chỉ thị ... đàm phán với ... trong những tuần tới", "sẽ họp trong những ngày tới": a future reference
    # in the trigger's own clause, after it, places an undated happening ahead, whatever the tense of the
    # verb that orders or announces it
    for t in ctx.doc.timexes:
        if t.value != "FUTURE_REF":
            continue
        for m in by_sent.get(ctx.sentence_of(t.start), ()):
            if m.status in (None, "held") and not m.date and m.end <= t.start \
                    and (t.start < ctx.seg_of(ctx.clause_of(m.sent, m.start), m.start)[1]
                         or (t.start < ctx.clause_of(m.sent, m.start)[1]
                             and _ENUM_GAP_RE.search(body[m.end:t.start]))):
                m.status = "planned"  # (over the commas of a list: "với Pháp, Đức và Nga trong những tuần tới")


_YEAR_NOUN_RE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _AGREEMENT_RE.pattern, re.IGNORECASE)
_DETERMINER_END_RE = re.compile(r"(?<!\w)(?:the|a|an|its|their|his|her|\w+'s)\s+$", re.IGNORECASE)
_NOUN_YEAR_RE = re.compile(_AGREEMENT_RE.pattern + r"(?:\s+[\w-]+){0,3}?\s+(?:năm\s+)?$", re.IGNORECASE)


def _year_of_agreement(body: str, ts: int, te: int, value: str | None, m: _Mention) -> bool:
    """A bare year that names an agreement, not the time of the happening: between a determiner and its noun
    ("the 2015 nuclear deal"), or after it for a happening that is no step of the agreement itself ("đàm phán khôi phục thỏa thuận
    hạt nhân năm 2015"; "ký hiệp ước năm 1987" may be the signing's year)."""
    if not _YEAR_RE.fullmatch(value or "") or not _YEAR_TEXT_RE.fullmatch(body, ts, te):
        return False
    if _DETERMINER_END_RE.search(body, max(0, ts - 12), ts) and _YEAR_NOUN_RE.match(body, te):
        return True
    return m.type != "treaty_action" and bool(_NOUN_YEAR_RE.search(body, max(0, ts - 60), ts))


_ELABORATION_RE = re.compile(r",\s*(?:khi|lúc|khiến|when|prompting)(?!\w)", re.IGNORECASE)


def _elaborated_dates(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """"hồi tháng 8, khiến Bắc Kinh tổ chức tập trận", "in February, when Kim's sister attended ...": a clause
    that opens with "when" or "prompting" right after a date tells what happened at that time (its own
    undated happenings up to the next break take the date)."""
    for ts, te, dv, _ in ctx.dates:
        em = _ELABORATION_RE.match(ctx.body, te)
        if em is None:
            continue
        stop = _TOPIC_END_RE.search(ctx.body, em.end())
        hi = stop.start() if stop else ctx.sentence_of(ts)[1]
        for m in mentions:
            if em.end() <= m.start < hi and m.date is None and m.status in (None, "held"):
                m.date, m.date_dist = dv, m.start - te + 100


_PREP_OBJECT_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:về|tại|on|over|about|at)\s+(?:(?:một|các|những|the|a|an)\s+)?",
                             re.IGNORECASE)


def _prep_object_dates(ctx: _Ctx, mentions: list[_Mention]) -> None:
    """"được thông qua tại một hội nghị ... vào ngày 7/7/2017", "dự kiến họp kín về vụ phóng vào thứ Sáu": a date told
    after a meeting or a happening that is the place or the topic of an undated verb right before it dates that verb
    too (the nearer noun took it)."""
    for a, b in zip(mentions, mentions[1:]):
        if a.date is not None or b.date is None or a.nominal or not b.nominal or a.blocked or a.clause != b.clause \
                or b.date_dist >= 100 or not _PREP_OBJECT_RE.fullmatch(ctx.body, a.end, b.start):
            continue
        a.date, a.date_dist = b.date, b.date_dist + (b.start - a.end) + 100


def _serial_purpose(ctx: _Ctx, a: _Mention, b: _Mention) -> bool:
    """A verb of motion, its destination, then the meeting the journey is for, with no clause break between
    ("tới Bắc Kinh hội đàm với ...", "sang Washington gặp ...", "flew to Beijing to meet ...")."""
    if a.type != "visit" or a.nominal or a.cue not in ctx.cues.motion_cues or b.type not in ("talks", "summit") \
            or a.clause != b.clause or a.status != b.status or not ctx.cues.visit_purpose:
        return False
    gap = ctx.body[a.end:b.start]
    vp = ctx.cues.visit_purpose.search(ctx.body, a.end, b.end)
    return vp is not None and vp.start() <= b.start < vp.end() + 1 and not _PUNCT_RE.search(gap) \
        and _words_between(gap) <= 6


def _coordinated_dates(ctx: _Ctx, mentions: list[_Mention]) -> list[_Mention]:
    """"fired missiles on May 4 and May 9", "hai vụ phóng vào ngày 31/5 và tháng 8", "các cuộc gặp năm 2000 và
    năm 2007": an incident, or meetings told in the plural, dated by two coordinated dates happened on each of them
    (a visit "trong hai ngày 1/3 và 2/3" is one happening)."""
    out = []
    for m in mentions:
        plural = ctx.may_contain(max(m.sent[0], m.start - 10), m.end, _PLURAL_WORDS) \
            and _PLURAL_HAPPENINGS_RE.search(ctx.body, max(m.sent[0], m.start - 10), m.end) is not None
        if plural and m.type in _BILATERAL and not m.blocked and m.status in (None, "held"):
            pairs = _pairs_between(ctx, m)
            if pairs:
                out += pairs
                continue
        out.append(m)
        if not m.date or m.blocked or m.status not in (None, "held"):
            continue
        if m.type != "incident" and not plural:
            continue
        clause = ctx.clause_of(m.sent, m.start)
        dates = [d for d in ctx.dates if clause[0] <= d[0] < clause[1] and d[0] >= m.end]
        for (ts, te, dv, _), nxt in zip(dates, dates[1:]):
            if dv == m.date and _COORD_DATE_RE.fullmatch(ctx.body, te, nxt[0]) and nxt[2] != dv:
                twin = replace(m, countries=list(m.countries), orgs=list(m.orgs), people=list(m.people),
                               attrs=dict(m.attrs), topic=set(m.topic), date=nxt[2], distinct=True)
                out.append(twin)
                break
    return out


def _pairs_between(ctx: _Ctx, m: _Mention) -> list[_Mention]:
    """"các cuộc gặp thượng đỉnh ..., giữa A và B năm 1990, và giữa C và D năm 1997", "summits between A and B in
    1990 and between C and D in 1997": meetings told in the plural, then one "between" segment with a date of its
    own for each, are one happening per segment with its own pair ([] where the segments do not read so)."""
    hits = list(_BETWEEN_SEG_RE.finditer(ctx.body, m.end, m.sent[1])) \
        if ctx.may_contain(m.end, m.sent[1], _BETWEEN_WORDS) else []
    if len(hits) < 2:
        return []
    out = []
    for h, nh in zip(hits, hits[1:] + [None]):
        hi = nh.start() if nh else m.sent[1]
        dates = [d for d in ctx.dates if h.end() <= d[0] < hi]
        if len(dates) != 1:
            return []
        countries, orgs, people, _ = _participants(ctx, m, (h.end(), dates[0][0]))
        if len(countries) + len(orgs) < 2 and len(people) < 2:
            return []
        out.append(replace(m, countries=countries, orgs=orgs, people=people, attrs=dict(m.attrs), topic=set(m.topic),
                           date=dates[0][2], distinct=True))
    return out


# ---------------------------------------------------------------------------- grouping and coreference


def _ordinal(x) -> str | None:
    return next((mm.attrs["_ordinal"] for mm in x.mentions if mm.attrs.get("_ordinal")), None) \
        if isinstance(x, _Event) else x.attrs.get("_ordinal")


def _background(value: str | None, anchor: date | None) -> bool:
    """A date two or more years before the page's own: a happening told as background."""
    return bool(anchor and value and value[:4].isdigit() and anchor.year - int(value[:4]) >= 2)


def _compatible(e: _Event, m: _Mention, strict_status: bool, anchor: date | None = None) -> bool:
    om = _ordinal(m)  # (the event's rank read only when needed: it looks through the event's mentions)
    if om and om != (oe := _ordinal(e)) and (om != "1" or oe):
        return False  # "lần thứ hai": another happening than one told without that rank, or with another
        # ("the first summit since 2018" may be the one told before without a rank)
    if not om and m.attrs.get("_timeref") and _ordinal(e):
        return False  # "điện đàm lần thứ hai ..., sau cuộc hội đàm hôm 7/12": the earlier one
    if m.type == "treaty_action":
        if e.attrs.get("action") != m.attrs.get("action") or e.attrs.get("treaty") != m.attrs.get("treaty"):
            return False
    if not _dates_compatible(e.date, m.date):
        return False
    if m.ref == "assert" and m.type != "treaty_action" and (_background(e.date, anchor) and not m.date
                                                              or _background(m.date, anchor) and not e.date):
        return False  # "sau các cuộc gặp năm 2000 ..." and an undated meeting told as news: two happenings
    if m.attrs.get("_multi") and not any(x.attrs.get("_multi") for x in e.mentions):
        return False  # a named conference is not the bilateral meeting held at it
    if e.attrs.get("track") and m.attrs.get("track") and e.attrs["track"] != m.attrs["track"]:
        return False
    if m.type == "incident" and m.attrs.get("kind") and e.attrs.get("kind") \
            and _incident_class(m) != _incident_class(e.mentions[0]):
        return False  # a launch is not the nuclear test told before it
    if set(m.countries) - set(e.countries) and m.type != "treaty_action":
        return False
    if m.type == "treaty_action" and m.date and e.date and m.date != e.date:
        return False
    if strict_status and m.status and m.status != (e.status or "held"):
        return False  # an event stated without tense cue happened: "met in Geneva ... agreed to launch a dialogue"
    if strict_status and m.status is None and m.date and e.status not in (None, "held"):
        return False  # a dated statement without tense cue is a past happening
    if _other_happening(e, m):
        return False
    if m.status == "stalled" and e.status == "held" and e.date and not m.date and m.ref != "strong":
        return False  # "các cuộc đàm phán ... vẫn bế tắc" after a dated meeting: another process
    if (m.status == "held" or (m.status is None and e.status == "held")) and e.topic and m.topic \
            and not (e.topic & m.topic):
        return False
    return True


def _new_event(m: _Mention) -> _Event:
    attrs = {k: v for k, v in m.attrs.items() if not k.startswith("_")}
    return _Event(type=m.type, mentions=[m], countries=list(m.countries), orgs=list(m.orgs), people=list(m.people),
                  date=m.date, location=m.location, status=m.status, attrs=attrs, topic=set(m.topic),
                  evidence=m.sent, unknown_people=m.unknown_people, pair=m.pair)


def _add_new(dst: list, src) -> None:
    """Append the items of `src` not yet in `dst`, keeping order (party and people lists)."""
    for x in src:
        if x not in dst:
            dst.append(x)


def _take_details(dst, m: _Mention) -> None:
    """What one more mention of a happening adds to its event or to its sentence group's head: parties,
    people, the most specific compatible date, a place, a status (stalled beats the rest), topic words."""
    _add_new(dst.countries, m.countries)
    _add_new(dst.orgs, m.orgs)
    _add_new(dst.people, m.people)
    dst.pair = dst.pair or m.pair
    if _dates_compatible(dst.date, m.date):
        dst.date = _more_specific(dst.date, m.date)
    dst.location = dst.location or m.location
    if m.status == "stalled" or dst.status is None:
        dst.status = m.status or dst.status
    dst.topic |= m.topic


def _absorb(e: _Event, m: _Mention, full: bool = True) -> None:
    e.mentions.append(m)
    if not full:
        return
    status = e.status
    _take_details(e, m)
    if m.ref == "strong" and m.date is None and e.date and m.status != "stalled":
        e.status = status  # "During that visit Bush pledged to ...": the anaphor's clause tells no new status of it
    e.unknown_people = e.unknown_people or m.unknown_people
    for k, v in m.attrs.items():
        if not k.startswith("_") and k not in e.attrs:
            e.attrs[k] = v


# kinds of incident that may name one happening ("phóng thử tên lửa ..., vụ phóng ..."); other kinds are
# different happenings (a nuclear test, an exercise, a strike on a site)
_LAUNCH_KINDS = {"missile test", "launch"}


def _incident_class(m: _Mention) -> str | None:
    kind = m.attrs.get("kind")
    return "launch" if kind in _LAUNCH_KINDS else kind


def _places(x) -> set:
    """The place of a mention or event with its country (a city's host; two cities of one country stay apart)."""
    ms = [mm for mm in x.mentions if mm.location == x.location] if isinstance(x, _Event) else [x]
    return set().union(*(mm.attrs.get("_place") or {mm.location} for mm in ms)) if ms else {x.location}


def _other_happening(h, m: _Mention) -> bool:
    """What tells a mention apart from an earlier mention or event as another happening: two places ("in Singapore
    ... in Hanoi"), two ranks ("their first summit ..., their second"), or two visits by different travellers."""
    if h.location and m.location and h.location != m.location \
            and not (h.location.startswith("unk:") or m.location.startswith("unk:")) \
            and h.location not in _places(m) and m.location not in _places(h):
        return True
    if _ordinal(h) and _ordinal(m) and _ordinal(h) != _ordinal(m):
        return True
    return h.type == "visit" and not m.nominal and bool(h.people) and bool(m.people) \
        and not set(h.people) & set(m.people)  # (a traveller named as the subject of "thăm", "visited")


def _group_sentence(ms: list[_Mention]) -> list[list[_Mention]]:
    """Mentions of one type in one sentence form one group unless a cue or a conflict separates them."""
    groups: list[list[_Mention]] = []
    for m in ms:
        target = None
        for g in reversed(groups):
            h = g[0]
            if h.type != m.type:
                continue
            if m.distinct and m.ref != "strong":
                break
            if m.attrs.get("_relative") or h.attrs.get("_relative"):
                continue  # "Vụ phóng diễn ra một ngày sau khi Triều Tiên bắn ...": two launches
            if bool(h.attrs.get("_timeref")) != bool(m.attrs.get("_timeref")) and (m.ref == "assert" or h.ref == "assert"):
                continue  # "Sau cuộc hội đàm ở New York, ông Trump tiếp ...": the meeting named is another one
            if m.type == "treaty_action" and (h.attrs.get("action") != m.attrs.get("action")
                                              or h.attrs.get("treaty") != m.attrs.get("treaty")):
                continue
            if m.type == "treaty_action" and m.clause != h.clause:
                continue
            if m.type == "incident" and _incident_class(h) != _incident_class(m):
                continue  # "sáu vụ thử hạt nhân, ... sau khi phóng thử tên lửa": a nuclear test is not a launch
            if m.ref == "strong" and m.attrs.get("_current") and h.status and m.status and h.status != m.status:
                continue  # "trước đây đã thảo luận ..., nhưng các hội đàm lần này sẽ ...": set against it
            if m.ref == "strong":
                target = g  # the nearest earlier mention of the sentence is the antecedent
                break
            if m.nominal and m.clause != h.clause and not (m.part_of or h.part_of):
                continue
            if not _dates_compatible(h.date, m.date):
                continue
            if m.ref == "assert" and m.status and m.status != "stalled" and m.status != (h.status or "held"):
                continue  # "met in Geneva and agreed to launch a dialogue"
            if h.attrs.get("track") and m.attrs.get("track") and h.attrs["track"] != m.attrs["track"]:
                continue
            if set(m.countries) - set(h.countries) and len(m.countries) >= 2 and len(h.countries) >= 2:
                continue
            if _other_happening(h, m):
                continue  # "Yoon thăm Tokyo hồi tháng 3, ... và Kishida thăm đáp lễ Seoul": two visits
            target = g
            break
        if target is not None and m.part_of:
            target = None
        if target is None:
            groups.append([m])
        else:
            target.append(m)
    return groups


def _merge_group(g: list[_Mention]) -> _Mention:
    """Collapse a sentence group into its head mention (status: stalled beats the rest)."""
    head = g[0]
    for m in g[1:]:
        if m.blocked:
            continue
        _take_details(head, m)
        for k, v in m.attrs.items():
            head.attrs.setdefault(k, v)
        head.duration = head.duration or m.duration
        if m.ref == "assert" and head.ref == "weak":
            head.ref = "assert"
        if head.blocked and not m.blocked:
            head.blocked = None
    head.attrs["_extra"] = g[1:]
    return head


def _score(e: _Event, m: _Mention, idx: int, n: int) -> float:
    s = 0.0
    if e.topic and m.topic:
        s += 2.0 if e.topic & m.topic else -1.0
    if m.countries and set(m.countries) <= set(e.countries):
        s += 1.0
    if m.date and e.date and _dates_compatible(e.date, m.date):
        s += 1.0
    if m.attrs.get("track") and e.attrs.get("track") == m.attrs.get("track"):
        s += 1.0
    if m.location and e.location:
        s += 1.5 if m.location == e.location else -1.5
    if any(x.cue == m.cue for x in e.mentions):
        s += 1.0
    s += 0.3 * min(len(e.mentions), 5)
    s += (1.0 if m.ref != "assert" else 0.3) * idx / max(1, n)  # recency
    return s


def _decide(events: list[_Event], m: _Mention, anchor: date | None = None) -> _Event | None:
    """The earlier event a mention refers to, or None for a new one."""
    cands = [e for e in events if e.type == m.type]
    if m.type == "treaty_action":
        cands = [e for e in cands if e.attrs.get("action") == m.attrs.get("action")
                 and e.attrs.get("treaty") == m.attrs.get("treaty")]
        if m.date is None and cands:
            union = set().union(*(set(e.countries) for e in cands))
            if set(m.countries) <= union:
                return cands[0]
    if not cands:
        return None
    n = len(cands)

    def best(ok: list[int]) -> _Event | None:
        """The candidate ranked first (best score, then the latest) among those at indices `ok`."""
        return cands[max(ok, key=lambda i: (_score(cands[i], m, i, n), i))] if ok else None

    if m.ref == "strong":
        return best([i for i, e in enumerate(cands) if _dates_compatible(e.date, m.date)]) \
            or best(list(range(n)))
    if m.distinct or m.part_of:
        return None
    # (compatibility first: most mentions are new happenings, and only the compatible candidates are scored)
    strict = m.ref == "assert"
    if m.status == "proposed":
        found = best([i for i, e in enumerate(cands) if e.status == "proposed"
                      and _compatible(e, m, strict_status=True, anchor=anchor)])
        if found is not None:
            return found
    return best([i for i, e in enumerate(cands) if _compatible(e, m, strict_status=strict, anchor=anchor)])


# ---------------------------------------------------------------------------- main


def _joint_signing_summit(ctx: _Ctx, m: _Mention, e: _Event, events: list[_Event]) -> None:
    """Heads of state or government of two countries signing or adopting a text together met: "Putin và Kim
    ngày 19/6 đã ký Hiệp ước ...", "Tuyên bố Washington mà Biden và Yoon thông qua hôm 26/4" -> also a summit."""
    subj = [x[2] for x in ctx.mentions_in(max(m.clause[0], m.sent[0]), m.start) if x[2].type == "PERSON"]
    leaders = []
    for ent in subj:
        cid = ctx.country_of_entity(ent)
        if ctx.is_leader(ent) and cid and cid not in [c for _, c in leaders]:
            leaders.append((ent.id, cid))
    if len(leaders) < 2:
        return
    anchor = ctx.anchor_date()
    year = e.date[:4] if e.date and e.date[:4].isdigit() else None
    if anchor and year and anchor.year - int(year) > 1:
        return  # a signing told as background ("INF được Reagan và Gorbachev ký năm 1987") is not told as a meeting
    countries = [c for _, c in leaders]
    if any(x.type == "summit" and _dates_compatible(x.date, e.date) and set(countries) <= set(x.countries)
           for x in events):
        return
    events.append(_Event(type="summit", mentions=[m], countries=countries, orgs=[], people=[p for p, _ in leaders],
                         date=e.date, location=e.location, status=e.status, attrs={"_pos": m.start}, topic=set(),
                         evidence=m.sent))


def _context_pair(ctx: _Ctx, events: list[_Event], upto: int, date_: str | None = None) -> list[str]:
    """The pair of countries in context: the last event told with two, unless it is told of another time: more
    than a year before the page's date ("Liên Xô và Triều Tiên từng ký ... năm 1961" is not who "hai nhà lãnh đạo"
    are), or, for a happening of the past itself, more than a year away from its own year."""
    anchor = ctx.anchor_date()
    past = bool(anchor and date_ and date_[:4].isdigit() and anchor.year - int(date_[:4]) > 1)
    for e in reversed(events):
        if e.mentions[0].start < upto and len(e.countries) >= 2 and e.type != "incident":
            # (the two sides of an incident, an invasion or a clash, are no pair of partners)
            if anchor and e.date and e.date[:4].isdigit() and (
                    abs(int(date_[:4]) - int(e.date[:4])) > 1 if past else anchor.year - int(e.date[:4]) > 1):
                continue
            return e.countries[:2]
    return ctx.top_countries[:2]


_DAYS_RE = re.compile(r"^P(\d+|X)([DWM])$")  # (PXD: "vài ngày", a few days; P4M: a month-precision offset)
# the word after a duration that makes it an offset from another happening ("năm ngày sau khi", "a week before")
_OFFSET_WORD_RE = re.compile(r"[^\S\n]+(?:sau khi|trước khi|sau|trước|after|before|later|earlier)(?!\w)", re.IGNORECASE)
_MONTH_RE = re.compile(r"^(\d{4}|XXXX)-\d{2}")
_FULL_DAY_RE = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")


def _shift_day(value: str | None, days: int) -> str | None:
    """A day-precision date moved by a number of days (a year left open stays open)."""
    m = _FULL_DAY_RE.match(value or "")
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) != "XXXX" else 2001  # any common year: only month and day are kept
    try:
        d = date(year, int(m.group(2)), int(m.group(3))) + timedelta(days=days)
    except ValueError:
        return None
    return d.isoformat() if m.group(1) != "XXXX" else "XXXX-" + d.strftime("%m-%d")


def _shift_month(value: str | None, months: int) -> str | None:
    """The month of a date of a known year moved by a number of months ("bốn tháng sau khi ...")."""
    m = _YEAR_MONTH_RE.match(value or "")
    if not m:
        return None
    k = int(m.group(1)) * 12 + int(m.group(2)) - 1 + months
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


_NAMED_AFTER_RE = re.compile(r"[^\S\n]+(?:the[^\S\n]+)?(?!(?:đó|that|this|it)(?!\w))(\w+(?:[^\S\n]+\w+){1,3})[^\S\n]*,")


def _told_day(ctx: _Ctx, pos: int, m: _Mention) -> str | None:
    """The day of a happening named right after a day word ("Ngay sau lễ duyệt binh, ...", "Right after the
    ceremony, ..."), when a sentence before names it again with its day ("sáng nay tổ chức lễ duyệt binh"): that
    happening need not be an event of ours, so the last dated event told before is no anchor for it."""
    nm = _NAMED_AFTER_RE.match(ctx.body, pos, m.start)
    if not nm:
        return None
    at = m.sent[0]
    while (at := ctx.body.rfind(nm.group(1), 0, at)) >= 0:  # the latest mention told with its day
        sent = ctx.sentence_of(at)
        day = next((dv for ts, _, dv, _ in ctx.dates if sent[0] <= ts < sent[1] and _FULL_DAY_RE.match(dv)), None)
        if day:
            return day
    return None


def _relative_date(ctx: _Ctx, m: _Mention, events: list[_Event]) -> str | None:
    """The date of an event told relative to another one in its clause: "Cùng ngày" / "the next day" (the last
    event told with a day), "Hai ngày sau cuộc gặp" / "a week before the summit" (the event named after the
    word, else the last one told with a day), "two days later". A vague span ("Vài ngày sau lễ ký", "a few
    days later") gives the anchor's month only: the day cannot be known."""
    lo, hi = m.sent[0], m.clause[1]  # ("Eight days after the call, ..." lies before the clause of the trigger)
    # a main clause told before "N ngày sau khi <clause>" ("Vụ thử diễn ra ở X, sáu ngày sau khi ..."): the
    # duration may stand in a later clause of the sentence (day words must stand in the trigger's own)
    far = m.sent[1]
    if ctx._relative is None:  # day words ("cùng ngày", "the next day") and durations: the only starts
        days = ("rel:same_day", "rel:next_day", "rel:previous_day")
        ctx._relative = sorted([a for lb in days for a, _ in ctx.spans_of(lb)]
                               + [ds for ds, _, dv in ctx.duration_values if _DAYS_RE.match(dv or "")])
    k = bisect.bisect_left(ctx._relative, lo)
    if not (k < len(ctx._relative) and ctx._relative[k] < far):
        return None
    hits, _ = ctx.window_hits(lo, far)
    if not any(lb.startswith("rel:") for labs, _, _ in hits for lb in labs):
        return None
    a0 = bisect.bisect_left(ctx.tok_starts, lo)
    offset, named, vague, months, approx = None, None, False, False, False
    for labs, i, j in hits:
        k = {"rel:same_day": 0, "rel:next_day": 1, "rel:previous_day": -1}
        found = [k[lb] for lb in labs if lb in k]
        if found and a0 + i < len(ctx.tok_starts) and ctx.tok_starts[a0 + i] < hi:
            offset = found[0]
            if a0 + j - 1 < len(ctx.tok_ends):
                told = _told_day(ctx, ctx.tok_ends[a0 + j - 1], m)
                if told:
                    return _shift_day(told, offset)
            break
    if offset is None:
        for ds, de, dv in ctx.duration_values:
            dm = _DAYS_RE.match(dv or "")
            if not dm or not (lo <= ds and (de <= hi or (m.end <= ds and de <= far))) \
                    or (dm.group(2) == "M" and dm.group(1) == "X"):
                continue
            t = bisect.bisect_left(ctx.tok_starts, de) - a0  # the word right after the duration
            sign = next((1 if "rel:after" in labs else -1 for labs, i, j in hits if i == t
                         and ("rel:after" in labs or "rel:before" in labs)), None)
            if sign is None:
                continue
            if de > hi and not any(i == t and any(lb in labs for lb in ("rel:after", "rel:before"))
                                   and j - i >= 2 for labs, i, j in hits) \
                    and not _AFTER_BEFORE_RE.match(ctx.body[de:de + 8]):
                continue  # (in a later clause only as "sau khi / trước khi / after / before <clause>")
            t0 = bisect.bisect_left(ctx.tok_starts, ds) - a0  # the duration's first word
            approx = any(j == t0 and "rel:approximate" in labs for labs, i, j in hits)
            if approx and dm.group(2) == "M":
                return None  # "chưa đầy hai tháng sau khi ...": no month can be told
            offset = 0 if dm.group(1) == "X" else sign * int(dm.group(1)) * (7 if dm.group(2) == "W" else 1)
            vague = dm.group(1) == "X"
            months = dm.group(2) == "M"
            named = max(j for labs, i, j in hits if i == t and ("rel:after" in labs or "rel:before" in labs))
            named = ctx.tok_ends[a0 + named - 1] if a0 + named - 1 < len(ctx.tok_ends) else None  # (the word's end)
            break
    if offset is None:
        return None
    dated = _MONTH_RE if vague or months else _FULL_DAY_RE  # an anchor told with its month is enough for "vài ngày"

    def shift(value: str | None, days: int) -> str | None:
        if months:
            return _shift_month(value, days)
        if approx:  # "khoảng bảy tuần sau": the month of the day reached, not the day
            return (_shift_day(value, days) or "")[:7] or None
        if vague:
            mm = _MONTH_RE.match(value or "")
            return mm.group(0) if mm and not mm.group(0).startswith("X") else None
        return _shift_day(value, days)
    anchor = None
    if named is not None:  # "sau cuộc gặp": the event one of whose mentions starts right there
        anchor = next((e for e in reversed(events) if any(0 <= x.start - named <= 12 for x in e.mentions)), None)
        if anchor is None and 0 <= m.start - named < 80 and not _PUNCT_RE.search(ctx.body[named:m.start]):
            # "Vụ phóng diễn ra một ngày sau khi Triều Tiên bắn ...": this event is the one named after the word;
            # the event of the main clause, told before, is the other end
            main = [e for e in events if any(lo <= x.start < m.start for x in e.mentions)]
            if not main and len(ctx.body[lo:named].split()) <= 5 and "," in ctx.body[m.end:far] \
                    and not any(lo <= t[0] < named for t in ctx.dates):
                # "Một ngày sau chuyến thăm, Triều Tiên phóng ...": a phrase that opens the sentence; its main clause
                # comes after it, and the happening named in it is the other end (an event told before), not shifted
                return None
            if main:
                return shift(main[-1].date, -offset) if dated.match(main[-1].date or "") else None
            own = [t for t in ctx.dates if lo <= t[0] and t[1] <= named]
            if own:  # "Hội đồng Bảo an họp hôm 21/11 ..., ba ngày sau khi ...": the main clause's own day
                return shift(own[-1][2], -offset) if dated.match(own[-1][2]) else None
            # "Cuộc gặp diễn ra tại Bali, một ngày trước khi hội nghị G20 khai mạc": the main clause names no new
            # event (its subject points back to the one just told): that event, the last one told with a day
            m.attrs["_rel_sub"] = True
        if anchor is None and m.start < named:
            # "Vụ thử diễn ra ..., sáu ngày sau khi Bộ Ngoại giao ngày 3/10 tuyên bố ...": the day told in the
            # clause after the word is the other end
            sub = [t for t in ctx.dates if named <= t[0] and t[1] <= far]
            if sub:
                return shift(sub[0][2], offset) if dated.match(sub[0][2]) else None
            if named > hi:
                return None  # (nothing told there: not the last event of the page either)
    if anchor is None:
        # the last sentence before that tells a dated event; in it, the event told first (its main clause)
        told = [(ctx.sentence_of(x.start), -x.start, e) for e in events if dated.match(e.date or "")
                for x in e.mentions if x.start < m.start]
        anchor = max(told, key=lambda t: (t[0], t[1]))[2] if told else None
    if anchor is not None and dated.match(anchor.date or ""):
        return shift(anchor.date, -offset if m.attrs.get("_rel_sub") else offset)
    if anchor is None:  # no dated event before: the last day named before it
        days = [t for t in ctx.dates if t[1] <= m.start and dated.match(t[2])]
        if days:
            return shift(days[-1][2], -offset if m.attrs.get("_rel_sub") else offset)
    return None


def _host_country(ctx: _Ctx, loc_id: str) -> str | None:
    """Country of a place: its metonymy or affiliation, else the KB's country of the city."""
    loc = ctx.ent_by_id.get(loc_id)
    host = ctx.country_of_entity(loc) if loc is not None else None
    if host is None:
        kbl = ctx.kb.get(loc_id)
        host = (loc.country if loc is not None else None) or (kbl.country if kbl else None)
    return host


def _anchor_date(doc: Document) -> date | None:
    a = document_anchor(doc)  # the timexes' reference: published, else a dateline of the page
    return a.date() if a else None


def _future_in_segment(ctx: _Ctx, m: _Mention) -> bool:
    """A future cue in the trigger's own comma segment ("sẽ công du Mỹ", "will travel to Italy ... to attend the
    summit", "Hội nghị ... sẽ khai mạc"), not in a clause coordinated after it ("..., và hai bên nhất trí ...")."""
    lo, hi = ctx.seg_of(ctx.clause_of(m.sent, m.start), m.start)
    return any(lo <= a and b <= hi for a, b in ctx.spans_of("status:planned"))


def _before_page(value: str | None, anchor: date | None) -> bool:
    """The date lies wholly before the page's day (a day before it, or a month or year that ended before it)."""
    if not value or not anchor or value.startswith("X"):
        return False
    parts = value.split("-")
    if not all(p.isdigit() for p in parts):
        return False
    nums = [int(p) for p in parts]
    ref = [anchor.year, anchor.month, anchor.day][:len(nums)]
    return nums < ref


def _status_from_date(value: str | None, anchor: date | None) -> str | None:
    if not value or not anchor or value.startswith("X"):
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return None
    if y != anchor.year:
        return "held" if y < anchor.year else "planned"
    if len(parts) > 1 and parts[1].isdigit():
        mo = int(parts[1])
        if mo != anchor.month:
            return "held" if mo < anchor.month else "planned"
        if len(parts) > 2 and parts[2].isdigit():
            d = int(parts[2])
            return "held" if d <= anchor.day else "planned"
    return None


def extract_events(doc: Document) -> Document:
    if not doc.body:
        doc.events = []
        return doc
    ctx = _Ctx(doc)
    raw = _find_triggers(ctx)
    # a sentence repeated word for word (photo captions, a lead repeated under the headline) says
    # nothing new: read it once
    seen_text: set[str] = set()
    repeated: set[tuple[int, int]] = set()
    for sent in ctx.sentences:
        t = doc.body[sent[0]:sent[1]].strip()
        if t in seen_text:
            repeated.add(sent)
        seen_text.add(t)
    raw = [m for m in raw if m.sent not in repeated]
    mentions: list[_Mention] = []
    for i, m in enumerate(raw):
        nxt = raw[i + 1].start if i + 1 < len(raw) and raw[i + 1].sent == m.sent else m.sent[1]
        prev = mentions[-1] if mentions and mentions[-1].sent == m.sent else None
        prev_end = prev.end if prev is not None else m.sent[0]  # the last trigger that made a mention
        am = _analyse(ctx, m, nxt, prev_end, prev)
        if am is not None:
            # adjuncts share the tense of their clause: "X sẽ gặp Y trong chuyến thăm" -> planned visit
            if am.status is None and prev is not None and prev.clause == am.clause \
                    and prev.status in ("planned", "held") and not _REL_PRONOUN_RE.search(doc.body[prev.end:am.start]):
                # (not into a relative clause: "sẽ gặp ... để khởi động cơ chế mà hai bên lập ra tại hội nghị ...")
                am.status = prev.status
            mentions.append(am)
    _attach_dates(ctx, mentions)
    _elaborated_dates(ctx, mentions)
    mentions = _coordinated_dates(ctx, mentions)
    _prep_object_dates(ctx, mentions)
    for a, b in zip(mentions, mentions[1:]):
        if b.date is None and a.date and a.clause == b.clause and not b.nominal and not a.blocked \
                and _AND_LINK_RE.fullmatch(ctx.body[a.end:b.start] + " ") \
                and not any(x[0] >= a.end and x[1] <= b.start for x in ctx.dates):
            b.date, b.date_dist = a.date, a.date_dist + 100
            b.countries += [x for x in a.countries if x not in b.countries]
            b.orgs += [x for x in a.orgs if x not in b.orgs]
            b.people += [x for x in a.people if x not in b.people]
        if a.date is None and b.date and b.frame and b.type == "visit" and a.clause == b.clause and not a.nominal \
                and a.type in ("talks", "summit") and a.status == b.status:
            a.date, a.date_dist = b.date, b.date_dist + 100  # "sẽ tiếp đón ông Yoon trong chuyến thăm ... tháng 4"
        if _serial_purpose(ctx, a, b) and (a.date is None) != (b.date is None):
            # "tới Bình Nhưỡng gặp ông Kim vào dịp lễ Phục sinh", "flew to Beijing on Monday to meet Xi": a journey
            # and the meeting it is made for, told as one serial predicate, happen at the one time
            src, dst = (a, b) if a.date else (b, a)
            dst.date, dst.date_dist = src.date, src.date_dist + 100
    # "Lầu Năm Góc ước tính ...": an estimate is a published report only with its date
    mentions = [m for m in mentions if not (m.type == "report" and (m.cue in ctx.cues.report_verbs
                                                                      or m.attrs.get("_needs_date")) and not m.date)]

    # sentence groups
    by_sent: dict[tuple[int, int], list[_Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent, []).append(m)
    heads: list[_Mention] = []
    for sent in sorted(by_sent):
        ms = by_sent[sent]
        # a talks verb inside a frame ("Tại hội nghị thượng đỉnh trên, hai Tổng thống đã thảo luận") is its content
        frames = [m for m in ms if m.frame and m.type in ("summit", "call", "visit")]
        ms = [m for m in ms if not (m.type == "talks" and m.cue in _VERBAL_TALKS and not m.nominal
                                    and any(f.start < m.start for f in frames))]
        groups = _group_sentence(ms)
        # a container ("là một phần của chuyến đi ...") with nothing of its own is the same happening
        for gi, g in enumerate(groups):
            if g[0].part_of and gi > 0:
                own = any(x.duration or (x.status and x.status != groups[gi - 1][0].status) for x in g)
                prev = next((pg for pg in reversed(groups[:gi]) if pg[0].type == g[0].type), None)
                if prev is not None and not own:
                    prev.extend(g)
                    g.clear()
        for g in groups:
            if g:
                heads.append(_merge_group(g))

    events: list[_Event] = []
    anchor = ctx.anchor_date()
    for m in heads:
        if m.type == "talks" and m.cue in ctx.cues.meeting_cues and not m.blocked and (
                (len(m.people) >= 2 and all(ctx.is_leader(ctx.ent_by_id[p]) for p in m.people if p in ctx.ent_by_id))
                or (not m.people and _leader_titles(ctx, *(m.clause if m.frame else m.seg)) >= 2)
                # "Sau khi gặp Tổng thống Ukraine, ông Biden ...": a leader meeting someone named by a leader title
                or (m.people and all(p in ctx.ent_by_id and ctx.is_leader(ctx.ent_by_id[p]) for p in m.people)
                    and len(m.people) + _leader_titles(ctx, *m.seg, skip_people=set(m.people)) >= 2)  # "Tổng thống Pháp đã gặp Chủ tịch Trung Quốc"
                or (ctx.cues.leader_pairs and ctx.text_search("leader_pairs", m.seg[0], min(m.seg[1], m.end + 50))
                    and len([p for p in m.people if p in ctx.ent_by_id and not ctx.is_leader(ctx.ent_by_id[p])]) == 0)
                or _leaders_meet(ctx, m)):
            m.type = "summit"  # "Biden and Putin met in Geneva": heads of state meeting
        if m.type == "talks" and m.cue in ctx.cues.meeting_cues and m.nominal and m.attrs.get("_timeref") \
                and any(x.type == "summit" and x.start < m.start for x in by_sent.get(m.sent, ())):
            m.type = "summit"  # "hội nghị thượng đỉnh thứ ba, sau các cuộc gặp năm 2000 và 2007": earlier summits
        if m.type == "talks" and m.cue in _VERBAL_TALKS and not m.nominal and not m.date and not m.blocked \
                and m.status in (None, "held") and events:
            last = events[-1]
            if last.type in ("summit", "call") and 0 <= m.sent[0] - last.mentions[-1].sent[1] < 5 \
                    and set(m.countries) <= set(last.countries) and (last.status or "held") == "held":
                last.mentions.append(m)  # "... đã gặp nhau tại Tokyo. Hai bên đã thảo luận về ...": what they discussed
                continue
        lead = ctx.body[max(m.clause[0], m.start - 25):m.start]
        if m.type in ("talks", "summit") and m.nominal and not m.date and not m.blocked \
                and not m.attrs.get("_multi") and (ctx.cues.temporal_end.search(lead)
                     or (not m.countries and _POSSESSIVE_RE.search(lead) and (not m.people or any(
                         set(m.people) <= set(x.people) for x in events if x.type in ("talks", "summit"))))):
            last = next((e for e in reversed(events) if e.type in ("talks", "summit")), None)
            if last is not None and (not m.people or set(m.people) <= set(last.people)) \
                    and not _other_happening(last, m):
                last.mentions.append(m)  # (a meeting named with its own people is not the last one)
                continue
        if m.type == "talks" and m.cue in ctx.cues.meeting_cues and not m.blocked and len(m.people) == 1 \
                and m.people[0] in ctx.ent_by_id and ctx.is_leader(ctx.ent_by_id[m.people[0]]):
            # "Putin tới Bình Nhưỡng ... Sau khi hội đàm với nhà lãnh đạo Kim Jong-un": the leader who visits
            # meets the leader he visits
            visit = next((e for e in reversed(events) if e.type == "visit"), None)
            if visit is not None and m.start - visit.mentions[-1].end < 600 and m.people[0] not in visit.people \
                    and any(p in ctx.ent_by_id and ctx.is_leader(ctx.ent_by_id[p]) for p in visit.people) \
                    and _dates_compatible(visit.date, m.date):
                m.type = "summit"
                m.people += [p for p in visit.people if p not in m.people]
                m.countries += [x for x in visit.countries if x not in m.countries]
                m.date = m.date or visit.date
        if m.type in ("talks", "summit") and m.date is None and not m.nominal and not m.blocked and m.people:
            # "Putin tới Bình Nhưỡng hôm 19/6. Sau khi hội đàm với Kim Jong-un, ông Putin ...": the visitor's
            # meeting on that visit
            visit = next((e for e in reversed(events) if e.type == "visit"), None)
            if visit is not None and visit.date and m.start - visit.mentions[-1].end < 600 \
                    and set(m.people) & set(visit.people) and (visit.status or "held") == (m.status or "held"):
                m.date = visit.date
        if m.date is None and not m.blocked:
            m.date = _relative_date(ctx, m, events)
        if m.attrs.get("_current") and m.ref == "strong" and not m.blocked:
            # "lần này": an event of the same status, else a new one (not the earlier one it is set against)
            same = [e for e in events if e.type == m.type and (e.status or "held") == (m.status or "held")
                    and _dates_compatible(e.date, m.date)]
            if not same:
                m.ref = "assert"
            target = same[0] if same else None
        else:
            target = _decide(events, m, anchor)
        if target is None and m.type == "talks" and m.ref != "assert" and not m.blocked \
                and m.cue in ctx.cues.meeting_cues and not m.date:
            m.type = "summit"  # "Ông Putin gọi cuộc gặp là mang tính xây dựng": the summit just told
            target = _decide(events, m, anchor)
            if target is None or not set(m.people) <= set(target.people):
                m.type, target = "talks", None
        if m.type in ("incident", "report") and m.nominal and m.ref != "assert" and not m.blocked:
            last = next((e for e in reversed(events) if e.type == m.type and not (
                m.type == "incident" and m.attrs.get("kind") and e.attrs.get("kind")
                and _incident_class(m) != _incident_class(e.mentions[0]))), None)
            if last is not None and _dates_compatible(last.date, m.date) and (
                    not m.date or not last.date or m.date == last.date or m.ref == "strong"):
                # "Vụ phóng khiến Nhật Bản phát cảnh báo", "Mỹ, Nhật Bản và Hàn Quốc lên án vụ phóng": the same
                # launch; who reacts is no party
                last.mentions.append(m)
                last.date = _more_specific(last.date, m.date)
                continue
        if m.blocked:
            if target is not None and m.ref == "strong":
                _absorb(target, m, full=False)
            continue
        if target is not None:
            _absorb(target, m)
            continue
        if m.ref == "weak" and not m.countries and not m.pair and not (m.type == "summit" and m.orgs and m.date):
            # "kết quả chuyến thăm", "tham dự cuộc đàm phán": a reference, parties unknown (a forum's summit told
            # with its own date, "hội nghị thượng đỉnh G8 ... giữa tháng 5", is a happening of that forum)
            continue
        if m.type in _BILATERAL | {"visit", "incident"} and not (m.countries or m.orgs or m.pair):
            # nobody named: only a stated talk with a status counts, parties from context
            # (a call told with its date, "They last spoke by phone in April", is between the pair in context)
            if not (m.type in ("talks", "summit") and ((m.status and m.ref == "assert")
                                                        or (m.attrs.get("_multi") and (m.status or m.ref == "assert")))
                    or (m.type == "call" and m.ref == "assert" and m.date)):
                continue
        if m.type in ("treaty_action", "incident", "report") and not (m.countries or m.orgs):
            if not (m.type == "treaty_action" and m.attrs.get("action") in ("extend", "expire", "enter_into_force",
                                                                               "sign")):
                continue
        e = _new_event(m)
        e.attrs["_pos"] = m.start
        if e.type in _BILATERAL | {"treaty_action"}:
            # a small collective body whose meetings are meetings of its states (the KB lists its members: Quad,
            # P5, E3): the members the page names are the parties
            for o in e.orgs:
                kbo = ctx.kb.get(o)
                if kbo is not None and kbo.members:
                    _add_new(e.countries, [x for x in kbo.members if x in ctx.ent_by_id])
        if e.type == "visit" and e.location in ctx.ent_by_id:
            loc = ctx.ent_by_id[e.location]
            kbl = ctx.kb.get(e.location)
            host = ctx.country_of_entity(loc) or loc.country or (kbl.country if kbl else None)
            if host and host not in e.countries:
                e.countries.append(host)  # "Austin đến Hà Nội": Viet Nam hosts (cited by the city if unnamed)
        gw = ctx.cues.group_words
        if gw and len(e.countries) < 3 and ctx.cue_may_match("group_words", *m.clause) \
                and gw.search(ctx.body[m.clause[0]:m.clause[1]]):
            group = next((x for x in reversed(events) if len(x.countries) >= 3), None)
            cands = group.countries if group is not None else ctx.top_countries[:3]
            e.countries += [x for x in cands if x not in e.countries]  # "which the three countries signed"
        events.append(e)
        if e.type == "treaty_action" and e.attrs.get("action") == "sign" and not m.blocked:
            _joint_signing_summit(ctx, m, e, events)
        # complete parties from context
        bilateral = _BILATERAL_RE.search(ctx.body[m.start:min(m.clause[1], m.end + 40)])
        multilateral = (bool(e.orgs) and not e.countries and not e.pair) or bool(m.attrs.get("_multi"))
        # a UN body meeting, a named conference: no pair to invent
        if e.type in _BILATERAL and len(e.countries) + len(e.orgs) < 2 and not multilateral \
                or (e.pair and len(e.countries) < 2) \
                or (bilateral and e.type in _BILATERAL and len(e.countries) < 2) \
                or (e.type == "visit" and len(e.countries) < 2 and e.unknown_people) \
                or (e.type == "treaty_action" and not e.countries):
            pair = _context_pair(ctx, events[:-1], m.start, e.date)
            if e.countries and e.countries[0] not in pair and len(pair) == 2 and e.type != "treaty_action":
                pair = [e.countries[0], pair[0]]
            if len(e.countries) == 1 and e.type in _BILATERAL and not e.orgs:
                # "Washington nhiều lần đề nghị đối thoại ..., nhưng Bình Nhưỡng đều từ chối": the other side is
                # named in the sentence before the page's usual pair is taken
                others = [c for c in _participants(ctx, m, m.sent)[0] if c not in e.countries]
                pair = others[:1] + pair
            for cid in pair:
                if len(e.countries) >= 2:
                    break
                if cid not in e.countries:
                    e.countries.append(cid)
            e.completed = True

    for e in events:
        if e.type != "visit" or e.date or not e.people:
            continue
        pos = e.mentions[0].start
        for o in reversed(events):
            if o is e or not o.date or o.type == "visit" or o.mentions[0].start > pos \
                    or pos - o.mentions[0].start > 1200:
                continue
            if set(e.people) & set(o.people) and set(e.countries) <= set(o.countries) \
                    and (o.status or "held") == (e.status or "held"):
                e.date = o.date  # "Đây là chuyến thăm Mỹ đầu tiên của ông Putin": the summit's visit
                break
    events = [x for e in events for x in _split_partners(ctx, e)]
    out = []
    for e in events:
        status = e.status or _status_from_date(e.date, anchor)
        if e.type == "treaty_action" and status == "stalled":
            status = "held"
        if e.type == "report" and status == "planned" and _status_from_date(e.date, anchor) == "held":
            status = "held"  # "báo cáo công bố tháng 10 năm ngoái ... sẽ có": a future in a past report is its content
        elif status == "planned" and e.type != "treaty_action" and _before_page(e.date, anchor) \
                and not _future_in_segment(ctx, e.mentions[0]):
            # "Sullivan đã thăm Bắc Kinh, và hai bên nhất trí sắp xếp ... trong thời gian tới" (late August, the page
            # of September), "after their first summit in June last year": a meeting dated wholly before the page's
            # day is no longer ahead, unless its own verb says so ("sẽ gặp"); a decision to leave a treaty is dated
            # when it is announced, and stays planned
            status = "held"
        if status is None:
            first = e.mentions[0]
            tx = [t for t in ctx.dates if first.sent[0] <= t[0] < first.sent[1]]
            fm = ctx.cues.future_markers
            # (a past marker in the sentence or none: held either way)
            status = "planned" if fm and any(fm.search(ctx.body[max(first.sent[0], t[0] - 8):t[1]]) for t in tx) \
                else "held"
        attrs = {k: v for k, v in e.attrs.items() if not k.startswith("_")}
        if e.type == "talks":
            attrs.setdefault("track", "1")
        if e.people:
            if e.type == "visit":
                host = ctx.country_of_entity(ctx.ent_by_id[e.location]) if e.location in ctx.ent_by_id else None
                if e.location and host is None:
                    kbl = ctx.kb.get(e.location)
                    host = kbl.country if kbl else None
                visitors = [p for p in e.people if p in ctx.ent_by_id
                            and ctx.country_of_entity(ctx.ent_by_id[p]) not in (None, host)]
                attrs.setdefault("visitor", (visitors or e.people)[0])
            attrs["people"] = list(e.people)
        ment = []
        for mm in e.mentions:
            ment.append({"start": mm.start, "end": mm.end})
            for x in mm.attrs.get("_extra", []):
                ment.append({"start": x.start, "end": x.end})
        attrs["mentions"] = ment
        first = e.mentions[0]
        # parties are entities of the document: a country known only from the KB (a person's
        # nationality, a name inside a treaty's name) is not cited
        parts = [p for p in list(e.countries) + [o for o in e.orgs if o not in e.countries] if p in ctx.ent_by_id]
        # a party known only through a person or body (its country is not named in the text) is cited
        # by that person or body: "Xi Jinping and Joe Biden spoke by phone" -> [xi_jinping, joe_biden]
        agents = list(e.people) + ([attrs["author"]] if e.type == "report" and attrs.get("author") else [])
        for p in agents:
            ent = ctx.ent_by_id.get(p)
            cid = ctx.country_of_entity(ent) if ent is not None else None
            if ent is not None and cid is not None and cid not in ctx.ent_by_id and p not in parts \
                    and not any(ctx.body_of_person(ent, mm.start) is not None for mm in ent.mentions):
                parts.append(p)  # (not the head of an international body: the body is the party)
        for cid in e.countries:
            if cid in ctx.ent_by_id or any(ctx.country_of_entity(ctx.ent_by_id[p]) == cid for p in parts
                                           if p in ctx.ent_by_id):
                continue
            # "Hội nghị thượng đỉnh Mỹ - Triều" on a page that names North Korea only through Kim Jong-un
            if e.type == "visit" and e.location in ctx.ent_by_id and _host_country(ctx, e.location) == cid:
                if e.location not in parts:
                    parts.append(e.location)  # "Lavrov đến Bình Nhưỡng" on a page that never names North Korea
                continue
            rep_p = next((x for x in ctx.doc.entities if x.type == "PERSON" and ctx.country_of_entity(x) == cid), None)
            if rep_p is not None:
                parts.append(rep_p.id)
        if not parts and not any(mm.attrs.get("_multi") for mm in e.mentions):
            continue  # (a named conference may have no party: "Hội nghị thượng đỉnh G20 sẽ khai mạc")
        out.append(Event(
            type=e.type, date=e.date, participants=parts,
            location=e.location if e.location in ctx.ent_by_id else None, status=status, attributes=attrs,
            evidence={"start": first.sent[0], "end": first.sent[1]},  # (Spans, validated with the Event: faster
            trigger={"start": first.start, "end": first.end},         # than Event.model_construct)
        ))
    doc.events = out
    return doc
