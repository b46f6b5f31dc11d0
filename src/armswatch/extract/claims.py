"""Quantitative claims about arsenals and forces.

For every number of the number parser (`numbers.find_numbers`) that is not a date or a duration
(not inside a timex) and is not a year:

- measure: the unit noun right after it (`1.000 đầu đạn`, `54.000 binh sĩ`, `hàng trăm máy bay`,
  `100 B61 nuclear bombs`; lexicon `claims.units`; a glued symbol `6.000km` as `6.000 km`; a head noun alone,
  `số máy ly tâm ... 19.000 máy`, as the cue named before it in the sentence: `short_heads`); or, with no noun of its own, the arsenal noun
  before it (`số đầu đạn của Trung Quốc đã vượt quá 500`) or the noun of the previous number of
  the sentence (`500 đầu đạn ... và có thể sẽ có hơn 1.000 vào năm 2030`). A projection cue in its
  clause (`hướng tới sở hữu`, `có thể sẽ có`, `will have`) or a future deadline after it
  (`trước năm 2030`) turns warheads into `nuclear_warheads_projected`. A percentage is a growth
  (`kho vũ khí hạt nhân ... tăng hơn 20%`, negative for `giảm`) or a share (`90% số vũ khí hạt nhân
  của thế giới`) or a cut (`cắt giảm 89% lượng dầu`, `cutting its stockpile by 98 percent`: `other`,
  lexicon `percent_cuts`) or a level (`nâng mức làm giàu lên 60%`, `tariffs of 60%`: `other`). Anything else
  (`hai đại biểu`, `2 ngày`, `Kênh 2`, `nghị quyết 1695`, `70% người dân`) is not a claim. Casualty counts are
  claims (`khoảng 140.000 người thiệt mạng`, `killing 80 people`: `other`, unit "people killed"; lexicon
  `casualties`) about whose people they are: the noun's nationality (`12 tù binh Mỹ`), else the place or country
  of the count's clause (where it happened or who caused it, as the annotators of tests/fresh3 mark it), else
  the article's main country; launches, drops and losses (`phóng 2 tên lửa`, `phá hủy 846 tên lửa`) and changes
  (`tăng gần 134 kg so với`) are `other` claims on what was counted.
- qualifier: the words right before the number (`hơn`, `khoảng`, `ít nhất`, `lên tới`, `dưới`), or
  `approx` for a vague quantity (`hàng trăm`).
- subject: the nationality after the noun (`binh sĩ Mỹ`), the possessor of the arsenal
  (`kho vũ khí hạt nhân của Bắc Kinh`), a joint subject (`hai cường quốc`: the main country of the
  document so far), else the nearest country (then organisation) before the number that is not the
  source, a comparison (`so với`) or a place (`ở`, `tại`).
- source: the object of `theo` or the subject of a verb of saying / estimating in the sentence
  (attribution.py); null when the article asserts it itself.
- time / target_time: from the timexes of the sentence (`doc.timexes`, the normalizer's values):
  the target is the date after the number of a projection; the growth period is
  `từ năm 2021 đến năm 2023` -> `2021/2023`; the as-of time is the date right after the number in
  its clause (`500 đầu đạn vào tháng 1/2024`), else the nearest other date of the sentence
  (`báo cáo tháng 10` -> `2023-10`); `hiện` gives the publication year when there is one. Only
  contract partial dates are used (weeks, durations and PRESENT_REF are not dates).

Beyond the number-before-noun pattern (each a lexicon list in claims.yaml, so no rule names an article):
- lists and ranges share the unit of their last number ("Mỹ 3.708, Nga 4.380 và Trung Quốc 600 đầu đạn",
  "tăng từ 410 lên khoảng 500 đầu đạn"); a comparison pair or "lần lượt" gives each country its number
  ("vượt Pakistan, với 172 so với 170"); a country right before the number is its subject;
- a world total ("trên thế giới", "của 9 quốc gia sở hữu vũ khí hạt nhân", "the global inventory") has
  subject null; a share of the world belongs to the country;
- skipped: treaty ceilings (`limits`: "giới hạn ... ở mức 1.550"), differences ("nhiều hơn 60 đầu đạn so
  với", "60 more warheads than");
- a capacity ("đủ vật liệu phân hạch để chế tạo tới 90 đầu đạn") is a projection; "may have assembled"
  is not;
- weapon / flight parameters (`parameters`: "bay khoảng 86 phút", "đạt độ cao hơn 7.000 km") are `other`
  claims about the country whose weapon it is (the WEAPON entity's country);
- names inside the source phrase ("Bộ trưởng Quốc phòng Nhật Bản X cho biết") are not subjects; a
  statement date ("said on Wednesday") or a comparison base ("so với năm 2023") is not an as-of time;
- document level: "Trong đó ..." continues the previous claim (source, time, subject); an article that
  opens on a publication ("SIPRI công bố niên giám") gives its author to unattributed figures, dated like
  the author's first dated figure; "báo cáo năm ngoái" refers to the last author named; in "từ A lên B
  trong vòng một năm" A is dated one period before B.

Found on fresh articles (tests/data/claims_quotes), each a lexicon list in claims.yaml:
- "X and Y, which each deploy 1,700" / "mỗi nước": one claim per country (`each`);
- "of which some 120 are ...", "9,614 were in ...": a bare number after a copula keeps the previous unit;
- "số binh sĩ Mỹ ... giảm từ khoảng 36.000 xuống còn 24.000": troop-count nouns (`troop_counts`);
- "quân đội nước này", "the country's": the last country named (`anaphoric_country`); an appositive
  ("France, Britain's closest neighbour, has 290") is not the subject; an ORG subject of a count stands
  for its country;
- enriched uranium in kg (`units`, `materials` + `mass_after`); a threshold ("42 kg ... đủ để chế tạo một
  quả bom") is not a stock unless a verb of possession precedes it (`threshold_after`, `possession`);
- rates ("100 warheads a year", `rate_after`), increments ("thêm 2.000 binh sĩ", `increment_before`; "110 more",
  "40 more jets" with no comparison after) and differences from a country ("nhiều hơn Pakistan 2 đầu đạn") are not
  sizes; rates and increments are `other` claims ("additional troops"), differences none;
- "90% of all nuclear weapons" (`share.all`); flight parameters with no named weapon belong to the
  country that launched (subject of the last launch verb), not to the speaker's country;
- "Theo số liệu này": the source and the "tính đến" / "as of" date (`as_of`) of the sentence before;
  another projection's deadline ("700 vào năm 2027 và 1.000 ...") is not a number's as-of date.

Found on tests/fresh (independent annotators): a weapon or a person heading the clause stands for its
country; a destination ("sang Nga", "to Russia") is no subject; "each" covers the countries coordinated
right before it; a classifier alone ("2.692 chiếc") leaves the noun out; a flight parameter after a later
launch belongs to the launcher; "khoảng A kg ... và B kg": the qualifier covers B; a date in an aside
(", who takes office on Jan. 20,") or a comparison base ("so với ba tháng trước") does not date the figure.

Found on tests/fresh2-4 (mechanisms, each with sentences of our own in tests/test_claims.py):
- a clause naming no subject takes the country of the sentence before only when it points back at it (an anaphor,
  `subject_anaphora`, or a demonstrative after the noun, `anaphora_after`) or opens on the figure; a clause that
  names or counts something else first does not ("... said 23 of the 32 allies would meet the target of 2%");
- a purpose clause after a level ("to be used in a weapon") marks a threshold (`threshold_after`);
- "in the low 200s" (numbers.py, `round_plurals`); "5,550 for the US and 5,580 for Russia" (`subject_after`);
- a distance with no parameter cue ("missing by about 24 miles") is an `other` claim unless it places something,
  is a threshold or bounds a class of ranges (`distances`); a company stating its own figure is its subject.

Claim details under the split-half protocol (tuned on fresh3, fresh4, blind; each with sentences of our own):
- a comparative of size before a figure qualifies it ("nặng hơn 200 tấn", "heavier than", "nhẹ hơn": `qualifiers`);
  only "maximum" after a parameter noun ("độ cao tối đa") names the parameter instead;
- sources: a verb of saying inside a relative aside (", which says ...,") does not source the main clause; who
  detected, recorded or counted a figure (`finder_verbs`) sources it; so does the owner of an estimate or report
  heading its clause ("a U.S. intelligence estimate put", "báo cáo thường niên của X"); a gapped conjunct
  ("Russia declared 1,458 and the United States 1,389") speaks for its own figure; a place's authorities named by
  their noun ("chính quyền thành phố", `local_government`) stand for the place;
- an "as of" date closing a list of figures dates them all.

Speed: the number parser runs only in small windows around unit nouns, percent signs and arsenal
nouns; cue phrases are matched through a first-word index (attribution.PhraseMatcher); the cues read at the
end of the text before a number ("khoảng", "tăng") first try their last words on its last token
(attribution.TailPattern); the subject of a verb of saying is read once per verb (`memoize_subjects`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..kb import load_kb
from ..lexicon import load_lexicon
from ..model import Claim, Document, Span, Timex
from .attribution import (Attributor, PhraseMatcher, TailPattern, _is_media, compile_phrases, last_words, phrase_regex,
                          tail_phrases)
from .numbers import find_numbers, number_word_pattern, unglue_units


@dataclass(frozen=True)
class ClaimLex:
    unit: PhraseMatcher
    unit_info: dict  # folded cue -> (measure, unit)
    not_unit: re.Pattern
    short_head: PhraseMatcher  # a unit cue's head noun standing for the cue named earlier ("19.000 máy")
    between: re.Pattern
    qual_tail: TailPattern
    qual_kind: dict  # lower phrase -> qualifier
    qual_noun_tail: TailPattern  # "tốc độ" (speed): a noun ending in a qualifier word ("độ", about)
    projection: re.Pattern
    present: re.Pattern
    target_prep_year: re.Pattern
    target_prep_tail: TailPattern
    growth_up_tail: TailPattern
    growth_down_tail: TailPattern
    arsenal: re.Pattern
    nuclear: re.Pattern
    world: re.Pattern
    incident_tail: TailPattern
    not_subject_tail: TailPattern
    joint: re.Pattern
    government: re.Pattern  # "the administration", "chính phủ": the article's country
    range_gap: re.Pattern
    since_tail: TailPattern
    possessive_after: re.Pattern
    subject_after: re.Pattern  # " for the ": a figure's country after it ("5,550 for the US")
    service_between: re.Pattern  # "quân đội", "navy": a country's service between the noun and the country
    possessive_en: re.Pattern
    not_after: PhraseMatcher
    designator_tail: TailPattern  # "nghị quyết", "Resolution" right before a number: a name, not a count
    lead_cue: re.Pattern  # "thời gian đột phá", "breakout time": a duration after it is a lead time
    lead_cue_m: PhraseMatcher  # the same phrases, for the scan of the whole body
    lead_unit: re.Pattern  # "tháng", "months": the duration word right after the number
    lead_label: dict  # duration word -> unit label
    population_before: TailPattern  # "home to", "dân số": people counted are a place's inhabitants
    population_after: re.Pattern  # "sinh sống", "living"
    people_unit: str  # the unit of the casualty-only people nouns ("người", "people"): a claim only with a casualty word
    casualty_after: re.Pattern  # "could die", "đã thiệt mạng" after the noun (group 1: the casualty word)
    casualty_before: TailPattern  # "killing", "làm thiệt mạng" right before the number (group 1)
    casualty_label: dict  # folded casualty word -> "killed" / "wounded" / "casualties"
    arsenal_counts: PhraseMatcher
    candidate: PhraseMatcher
    capacity: re.Pattern
    limits: PhraseMatcher
    params: tuple  # ((cue TailPattern, after pattern, unit), ...)
    distance: PhraseMatcher  # "km", "miles": a distance measured with no parameter cue
    distance_unit: dict  # folded unit word -> unit text
    distance_after: re.Pattern  # the unit word right after the number
    distance_places: re.Pattern  # "north of", "away": after the unit, the distance places something
    distance_places_before: re.Pattern  # "cách Seoul": before the number in its clause
    param_cue: PhraseMatcher
    diff_before_tail: TailPattern
    diff_after_number: re.Pattern
    diff_comparison: re.Pattern
    world_subject: re.Pattern
    continuation: re.Pattern
    list_link: re.Pattern
    pair_link: re.Pattern
    respectively: re.Pattern
    incident_filler_tail: TailPattern
    demonyms: dict  # "chinese" -> canonical English country name
    demonym_rx: re.Pattern | None
    demonym_head: re.Pattern  # "Russian [nuclear] stockpile": the noun a nationality adjective possesses
    share_all: re.Pattern
    share_total: re.Pattern  # "88% of the total": a share of a stock named before the percentage
    share_partitive: re.Pattern  # ", of which Russia holds 88%": a share of the stock counted before the clause
    rate_after: re.Pattern
    rate_period: dict  # folded rate phrase -> "per year" / "per month" / "per day"
    of_test: frozenset  # units of a nuclear test or a launch (yield, magnitude): the tester is the subject
    previous_from: re.Pattern  # "from", "up from": a previous value follows
    previous_from_tail: TailPattern
    previous_earlier: re.Pattern  # "a year earlier": how long before the figure the previous value was
    previous_earlier_dur: dict  # folded phrase -> "P1Y"
    of_body: frozenset  # units counting the members of a body (member states, allies): the body is the subject
    unit_before: TailPattern | None  # "$40 billion", "magnitude 6.3": a unit written before the number
    unit_before_words: PhraseMatcher  # the word cues among them, anywhere (where to run the number parser)
    unit_before_info: dict  # folded cue -> unit
    percent_after: PhraseMatcher  # "2% GDP", "2% of economic output": a share of the economy
    percent_after_unit: dict  # folded cue -> unit
    troop_counts: PhraseMatcher
    each: re.Pattern
    each_m: PhraseMatcher  # the same phrases, for the scan of the whole body
    anaphoric_country: re.Pattern
    subject_anaphor: re.Pattern  # "it", "its", "họ": a clause that points back at the sentence before
    anaphor_after: re.Pattern  # "12 sĩ quan trên,": a counted noun named in the sentence before
    as_of_tail: TailPattern
    launch_verb: re.Pattern
    passive_launch: TailPattern  # "được", "if" right before a launch verb: no launcher named
    passive_loss: re.Pattern  # "bị bắn hạ", "were intercepted" right after the noun: lost by who launched
    partitive: re.Pattern  # "of the", "trong số" between two numbers: the second is the whole
    payload: TailPattern  # "có thể mang", "can carry": warheads a missile carries, not an arsenal
    carrier: re.Pattern  # the nouns of a carrier of warheads ("tên lửa", "missile")
    region_anaphora: dict  # "the north" -> "north": the country of the document whose name starts with it
    region_rx: re.Pattern
    state_noun: PhraseMatcher  # "quốc gia", "countries": a count of states
    state_verb: re.Pattern  # "đã phê chuẩn", "have ratified": what the counted states did to a treaty
    state_verb_label: dict  # folded verb -> unit ("ratifying states")
    nuclear_armed: re.Pattern  # "sở hữu vũ khí hạt nhân", "nuclear-armed": the states counted are the world's armed ones
    percent_cue: PhraseMatcher  # nouns of a level measured in percent ("làm giàu", "tariffs")
    percent_unit: dict  # folded cue -> unit
    dated_noun_tail: TailPattern  # an agreement noun right before "năm 2015": the year names it
    more_word: PhraseMatcher  # "more", "additional" (difference.after_number): a window before them
    percent_cut: PhraseMatcher  # verbs of cutting a quantity by a percentage ("cắt giảm", "cutting ... by")
    percent_cut_unit: str
    classifier: re.Pattern  # "chiếc", "quả" right after a number: a classifier whose noun may be left out
    incident_label: dict  # folded incident verb -> what its count counts ("launched", "destroyed")
    increment_tail: TailPattern
    threshold_after: re.Pattern
    possession: re.Pattern
    material: PhraseMatcher
    material_unit: dict  # folded cue -> unit
    mass_after: re.Pattern
    finder_verb: re.Pattern  # "phát hiện", "found": an organisation before one is the finder, not the owner
    local_government: re.Pattern  # "chính quyền thành phố": the place named before it
    composition: re.Pattern  # "gồm", "consists of": a count of what a weapon system is made of
    weapon_noun: re.Pattern  # "radar", "missile": the class noun of a weapon system
    weapon_anaphor: tuple[re.Pattern, ...]  # "radar này", "this missile": a weapon noun pointing back
    material_anaphor: re.Pattern  # "the stock", "kho dự trữ này": the material of the sentence before
    material_anaphor_m: PhraseMatcher  # the same phrases, for the scan of the whole body
    range_opener_tail: TailPattern  # "từ", "between" right before the first number of a range
    range_link: re.Pattern  # "đến", "and", "-" between the two numbers of a range (the whole gap)
    range_bare_link: re.Pattern  # "-", "to": a range link needing no opener ("45-55", "10 to 20")


_PEOPLE = "people"


def _key(s: str) -> str:
    return " ".join(s.lower().split())


def _before_alt(d: dict) -> str:
    """Alternation of the `units_before` cues: words on word boundaries, signs ("$", "€") as they are."""
    cues = sorted({c for u in d.get("units_before") or [] for c in u["cues"]}, key=len, reverse=True)
    return "|".join(("(?<!\\w)" if c[0].isalnum() else "") + r"\s*".join(map(re.escape, c.split()))
                    + (r"(?!\w)" if c[-1].isalnum() else "") for c in cues)


def _link_rx(links) -> re.Pattern:
    """The whole gap between the two numbers of a range: one of `links` with spaces around it; a word link ("đến",
    "and") stands as a whole word, a mark ("-", "–") anywhere."""
    alts = (rf"(?<!\w){re.escape(x)}(?!\w)" if x[0].isalpha() else re.escape(x) for x in links or ["\x00"])
    return re.compile(r"\s*(?:" + "|".join(alts) + r")\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def claim_lex() -> ClaimLex:
    d = load_lexicon("claims")
    unit_info = {}
    for u in d["units"]:
        for c in u["cues"]:
            unit_info.setdefault(_key(c), (u["measure"], u.get("unit")))
    cas = d.get("casualties") or {}
    for c in cas.get("people") or []:  # counted only with a casualty word (see `one`)
        unit_info.setdefault(_key(c), ("other", _PEOPLE))
    cas_after = [c for cs in (cas.get("after") or {}).values() for c in cs]
    cas_before = [c for cs in (cas.get("before") or {}).values() for c in cs]
    quals = d["qualifiers"]
    qual_kind = {}
    for kind in ("at_least", "less_than", "more_than", "approx", "up_to"):  # longer phrases first win anyway
        for q in quals[kind]:
            qual_kind.setdefault(_key(q), kind)
    nuclear_cues = [c for u in d["units"] if u["measure"] == "nuclear_warheads" for c in u["cues"]]
    diff = d.get("difference") or {}
    dist = d.get("distances") or {}
    # nationality adjectives ("Chinese warheads"), shared with the entities stage's title cues
    dem = (load_lexicon("person_cues") or {}).get("demonyms") or {}
    return ClaimLex(
        unit=PhraseMatcher(list(unit_info)),
        unit_info=unit_info,
        not_unit=compile_phrases(d.get("not_units") or ["\x00"]),
        short_head=PhraseMatcher(d.get("short_heads") or []),
        between=compile_phrases(d.get("between") or ["\x00"]),
        qual_tail=tail_phrases(list(qual_kind), "("),
        qual_kind=qual_kind,
        qual_noun_tail=tail_phrases(d.get("qualifier_nouns"), r"(?<!\w)(?:"),
        projection=compile_phrases(d["projection"]),
        present=re.compile(r"(?<!\w)(?:hiện|hiện nay|hiện tại|currently|now|today)(?!\w)", re.IGNORECASE),
        target_prep_year=re.compile("(?:" + phrase_regex(d["target_preps"]) + r")\s+\d{4}", re.IGNORECASE),
        target_prep_tail=tail_phrases(d["target_preps"] + ["vào", "trước", "đến", "tới"]),
        growth_up_tail=TailPattern("(?:" + phrase_regex(d["growth"]["up"]) + r")(?:\s+(?:by|thêm|khoảng|hơn))?\s*$",
                                   last_words(d["growth"]["up"] + ["by", "thêm", "khoảng", "hơn"])),
        growth_down_tail=TailPattern("(?:" + phrase_regex(d["growth"]["down"]) + r")(?:\s+(?:by|thêm|khoảng|hơn|đi))?\s*$",
                                     last_words(d["growth"]["down"] + ["by", "thêm", "khoảng", "hơn", "đi"])),
        arsenal=compile_phrases(d["arsenal"]),
        nuclear=compile_phrases(nuclear_cues + d["arsenal"]),
        world=compile_phrases(d["share"]["world"]),
        incident_tail=tail_phrases(d.get("incident_verbs")),
        not_subject_tail=tail_phrases((d.get("not_subject_markers") or []) + ["ở", "tại", "in", "at"]),
        joint=compile_phrases(d.get("joint_subjects") or ["\x00"]),
        government=compile_phrases(d.get("government_subjects") or ["\x00"]),
        range_gap=re.compile(r"^\s*(?:đến|tới|cho đến|cho tới|–|-|—|to|and|through|until)\s*$", re.IGNORECASE),
        since_tail=tail_phrases(["kể từ", "từ", "since", "from"], r"(?<!\w)(?:"),
        service_between=re.compile(r"\s*(?:(?:" + phrase_regex(d.get("service_between") or ["\x00"]) + r")\s+)+",
                                   re.IGNORECASE),
        possessive_after=re.compile(r"^\s*(?:hạt nhân\s+)?(?:của|of)\s+$", re.IGNORECASE),
        subject_after=re.compile(r"\s*(?:" + phrase_regex(d.get("subject_after") or ["\x00"]) + r")\s+(?:the\s+)?",
                                 re.IGNORECASE),
        possessive_en=re.compile(r"^\s*(?:'s|’s)\s*$"),
        not_after=PhraseMatcher(d.get("not_after") or []),
        designator_tail=tail_phrases(d.get("designators"), r"(?<!\w)(?:"),
        people_unit=_PEOPLE,
        population_before=tail_phrases((d.get("population") or {}).get("before"), r"(?<!\w)(?:"),
        population_after=re.compile(r"\s*(?:" + phrase_regex((d.get("population") or {}).get("after") or ["\x00"])
                                    + r")(?!\w)", re.IGNORECASE),
        lead_cue=compile_phrases((d.get("lead_times") or {}).get("cues") or ["\x00"]),
        lead_cue_m=PhraseMatcher((d.get("lead_times") or {}).get("cues") or []),
        lead_unit=re.compile(r"\s*(" + phrase_regex([w for ws in ((d.get("lead_times") or {}).get("units") or {}).values()
                                                      for w in ws] or ["\x00"]) + ")", re.IGNORECASE),
        lead_label={_key(w): lab for lab, ws in ((d.get("lead_times") or {}).get("units") or {}).items() for w in ws},
        casualty_after=re.compile(r"\s*(?:(?:" + phrase_regex(cas.get("gap") or ["\x00"]) + r")\s+)*("
                                  + phrase_regex(cas_after or ["\x00"]) + r")(?!\w)", re.IGNORECASE),
        casualty_before=tail_phrases(cas_before, r"(?<!\w)("),
        casualty_label={**{_key(c): lab for lab, cs in (cas.get("before") or {}).items() for c in cs},
                        **{_key(c): lab for lab, cs in (cas.get("after") or {}).items() for c in cs}},
        arsenal_counts=PhraseMatcher(d.get("arsenal_counts") or []),
        candidate=PhraseMatcher(list(unit_info) + ["phần trăm", "percent", "per cent"]),
        capacity=compile_phrases(d.get("capacity") or ["\x00"]),
        limits=PhraseMatcher(d.get("limits") or []),
        params=tuple((tail_phrases(p["cues"]),
                      re.compile(r"\s*(?:" + phrase_regex(p["after"]) + ")", re.IGNORECASE), p["unit"])
                     for p in d.get("parameters") or []),
        distance=PhraseMatcher(list(dist.get("units") or {})),
        distance_unit={_key(k): v for k, v in (dist.get("units") or {}).items()},
        distance_after=re.compile(r"\s*(?:" + phrase_regex(list(dist.get("units") or {"\x00": ""})) + ")", re.IGNORECASE),
        distance_places=re.compile(r"\s*(?:" + phrase_regex(dist.get("not_after") or ["\x00"]) + ")", re.IGNORECASE),
        distance_places_before=compile_phrases(dist.get("not_before") or ["\x00"]),
        param_cue=PhraseMatcher([c for p in d.get("parameters") or [] for c in p["cues"]]),
        diff_before_tail=tail_phrases(diff.get("before")),
        diff_after_number=re.compile(r"\s*(?:" + phrase_regex(diff.get("after_number") or ["\x00"]) + ")",
                                     re.IGNORECASE),
        diff_comparison=re.compile(r"^[^,;.]{0,25}?(?:" + phrase_regex(diff.get("comparison") or ["\x00"]) + ")",
                                   re.IGNORECASE),
        world_subject=compile_phrases(d.get("world_subject") or ["\x00"]),
        continuation=re.compile(r"^\W*(?:" + phrase_regex(d.get("continuation") or ["\x00"]) + r")(?!\w)",
                                re.IGNORECASE),
        list_link=re.compile(r"^[\s,]*(?:(?:" + phrase_regex(d.get("list_links") or ["\x00"]) + r")[\s,]*)?$",
                             re.IGNORECASE),
        pair_link=re.compile(r"^\s*,?\s*(?:" + phrase_regex(d.get("pair_links") or ["\x00"]) + r")\s*$",
                             re.IGNORECASE),
        respectively=compile_phrases(d.get("respectively") or ["\x00"]),
        incident_filler_tail=tail_phrases(d.get("incident_fillers"), r"(?:\s*(?:", "))+"),
        share_partitive=re.compile(r"(?<!\w)(?:" + phrase_regex(d["share"].get("partitive") or ["\x00"])
                                   + r")(?!\w)[^,;]*$", re.IGNORECASE),
        share_total=re.compile(r"^\s*(?:" + phrase_regex(d["share"].get("total") or ["\x00"]) + r")(?!\w)",
                               re.IGNORECASE),
        demonyms={k.lower(): v for k, v in dem.items()},
        demonym_head=re.compile(r"\s+(?:nuclear\s+|strategic\s+|military\s+|total\s+|warhead\s+)*(?:"
                                + phrase_regex(d.get("demonym_heads") or ["\x00"]) + r")(?!\w)", re.IGNORECASE),
        demonym_rx=re.compile("(?:" + "|".join(re.escape(x) for x in sorted(dem, key=len, reverse=True))
                              + r")(?![\w-])", re.IGNORECASE) if dem else None,
        share_all=re.compile(r"^\s*(?:" + phrase_regex(d["share"].get("all") or ["\x00"]) + r")\s+(?:các\s+|the\s+)?"
                             + "(?:" + phrase_regex(nuclear_cues + d["arsenal"]) + r")(?!\w)", re.IGNORECASE),
        rate_after=re.compile(r"\s*(?:" + phrase_regex([c for cs in (d.get("rate_after") or {}).values() for c in cs]
                                                        or ["\x00"]) + r")(?!\w)", re.IGNORECASE),
        rate_period={_key(c): per for per, cs in (d.get("rate_after") or {}).items() for c in cs},
        of_test=frozenset(u.get("unit") for u in d["units"] if u.get("of_test")),
        previous_from=re.compile(phrase_regex(d.get("previous_from") or ["\x00"]) + r"\s+", re.IGNORECASE),
        previous_from_tail=tail_phrases(d.get("previous_from")),
        previous_earlier=re.compile(r"\s*(?:" + phrase_regex([c for cs in (d.get("previous_earlier") or {}).values()
                                                               for c in cs] or ["\x00"]) + ")", re.IGNORECASE),
        previous_earlier_dur={_key(c): dur for dur, cs in (d.get("previous_earlier") or {}).items() for c in cs},
        of_body=frozenset(u.get("unit") for u in d["units"] if u.get("of_body")),
        unit_before=TailPattern("(?:" + _before_alt(d) + r")\s*$", [c.split()[-1] for u in d["units_before"] for c in u["cues"]])
        if d.get("units_before") else None,
        unit_before_words=PhraseMatcher([c for u in d.get("units_before") or [] for c in u["cues"] if c[0].isalnum()]),
        unit_before_info={"".join(c.lower().split()): u["unit"] for u in d.get("units_before") or [] for c in u["cues"]},
        percent_after=PhraseMatcher([c for u in d.get("percent_after") or [] for c in u["cues"]]),
        percent_after_unit={_key(c): u["unit"] for u in d.get("percent_after") or [] for c in u["cues"]},
        troop_counts=PhraseMatcher(d.get("troop_counts") or []),
        each=compile_phrases(d.get("each") or ["\x00"]),
        each_m=PhraseMatcher(d.get("each") or []),
        anaphoric_country=compile_phrases(d.get("anaphoric_country") or ["\x00"]),
        subject_anaphor=compile_phrases((d.get("anaphoric_country") or []) + (d.get("subject_anaphora") or ["\x00"])),
        anaphor_after=re.compile(r"\s*(?:" + phrase_regex(d.get("anaphora_after") or ["\x00"]) + r")\s*(?:[,.;:!?]|$)",
                                 re.IGNORECASE),
        launch_verb=compile_phrases(d.get("incident_verbs") or ["\x00"]),
        passive_loss=re.compile(r"\s*(?:đã\s+|had\s+|have\s+)?(?:" + phrase_regex(d.get("passive_loss_after") or ["\x00"])
                                + r")(?!\w)", re.IGNORECASE),
        partitive=re.compile(r"\s*(?:" + phrase_regex(d.get("partitive_of") or ["\x00"]) + r")\s*", re.IGNORECASE),
        passive_launch=tail_phrases(d.get("passive_launch"), r"(?<!\w)(?:"),
        payload=tail_phrases(d.get("payload_verbs"), r"(?<!\w)(?:"),
        carrier=compile_phrases(d.get("carriers") or ["\x00"]),
        state_noun=PhraseMatcher((d.get("state_counts") or {}).get("nouns") or []),
        state_verb=re.compile(r"\s*(?:(?:" + phrase_regex(["đã", "đều", "cũng", "have", "had", "has", "already", "now"])
                              + r")\s+)*(" + phrase_regex([v for vs in ((d.get("state_counts") or {}).get("verbs") or {}).values()
                                                           for v in vs] or ["\x00"]) + ")", re.IGNORECASE),
        state_verb_label={_key(v): lab for lab, vs in ((d.get("state_counts") or {}).get("verbs") or {}).items() for v in vs},
        nuclear_armed=re.compile(r"^\s*(?:[\w-]+\s+){0,4}?(?:" + phrase_regex((d.get("state_counts") or {}).get("nuclear_armed")
                                                                        or ["\x00"]) + ")", re.IGNORECASE),
        region_anaphora={_key(k): v.lower() for k, v in (d.get("region_anaphora") or {}).items()},
        region_rx=re.compile(phrase_regex(list(d.get("region_anaphora") or {"\x00": ""})) + r"(?:'s|’s)"),
        percent_cue=PhraseMatcher([c for u in d.get("percent_units") or [] for c in u["cues"]]),
        percent_unit={_key(c): u["unit"] for u in d.get("percent_units") or [] for c in u["cues"]},
        dated_noun_tail=TailPattern(r"(?<!\w)(?:" + phrase_regex(d.get("dated_nouns") or ["\x00"]) + r")\s+$",
                                    last_words(d.get("dated_nouns") or ["\x00"])),
        more_word=PhraseMatcher(diff.get("after_number") or ["\x00"]),
        percent_cut=PhraseMatcher((d.get("percent_cuts") or {}).get("cues") or ["\x00"]),
        percent_cut_unit=(d.get("percent_cuts") or {}).get("unit") or "% reduction",
        classifier=re.compile(r"\s*(?:" + phrase_regex(d.get("classifiers") or ["\x00"]) + ")", re.IGNORECASE),
        incident_label={_key(c): label for label, cues in (d.get("incident_labels") or {}).items() for c in cues},
        increment_tail=tail_phrases(d.get("increment_before"), r"(?<!\w)(?:"),
        threshold_after=compile_phrases(d.get("threshold_after") or ["\x00"]),
        possession=compile_phrases(d.get("possession") or ["\x00"]),
        material=PhraseMatcher([c for m in d.get("materials") or [] for c in m["cues"]]),
        material_unit={_key(c): m["unit"] for m in d.get("materials") or [] for c in m["cues"]},
        finder_verb=compile_phrases(d.get("finder_verbs") or ["\x00"]),
        local_government=compile_phrases(d.get("local_government") or ["\x00"]),
        composition=compile_phrases(d.get("composition_verbs") or ["\x00"]),
        weapon_noun=compile_phrases(d.get("weapon_nouns") or ["\x00"]),
        weapon_anaphor=(re.compile(r"(?P<noun>" + phrase_regex(d.get("weapon_nouns") or ["\x00"])
                                   + r")\s+(?:này|đó|ấy)(?!\w)", re.IGNORECASE),
                        re.compile(r"(?<!\w)(?:this|that|the)\s+(?P<noun>" + phrase_regex(d.get("weapon_nouns") or ["\x00"])
                                   + r")(?!\w)(?!\s+[A-Z0-9])")),
        material_anaphor=compile_phrases(d.get("material_anaphora") or ["\x00"]),
        material_anaphor_m=PhraseMatcher(d.get("material_anaphora") or []),
        mass_after=re.compile(r"\s*(?:" + phrase_regex(d.get("mass_after") or ["\x00"]) + r")(?!\w)", re.IGNORECASE),
        as_of_tail=TailPattern("(?:" + phrase_regex(d.get("as_of") or ["\x00"]) + r")(?:\s+(?:ngày|hết))?\s*$",
                               last_words((d.get("as_of") or ["\x00"]) + ["ngày", "hết"])),
        range_opener_tail=tail_phrases((d.get("ranges") or {}).get("openers")),
        range_link=_link_rx((d.get("ranges") or {}).get("links")),
        range_bare_link=_link_rx((d.get("ranges") or {}).get("bare_links")),
    )


class _Num(NamedTuple):  # a tuple: built for every number the parser finds, cheaply
    start: int
    end: int
    text: str
    value: float
    approximate: bool
    is_percent: bool
    is_year: bool


@lru_cache(maxsize=4)
def _maybe_number(lang: str) -> re.Pattern:
    """A digit or a number word: windows without one are not given to the parser."""
    return re.compile(r"\d|(?<!\w)" + number_word_pattern(lang) + r"(?!\w)", re.IGNORECASE)


def _numbers(doc: Document, windows: list[tuple[int, int]]) -> list[_Num]:
    """The number parser's matches in the given windows of the body."""
    out = {}
    lang = doc.language or "vi"
    maybe = _maybe_number(lang)
    for ws, we in windows:
        if not maybe.search(doc.body, ws, we):
            continue
        for m in find_numbers(doc.body[ws:we], lang):
            if m.value is None:
                continue
            n = _Num(ws + m.start, ws + m.end, m.text, float(m.value), bool(m.approximate), bool(m.is_percent),
                     bool(m.is_year))
            if n.start not in out or n.end > out[n.start].end:
                out[n.start] = n
    return [out[k] for k in sorted(out)]


_DATED = re.compile(r"^(?:\d{4}|XXXX-\d\d)")  # a calendar date, possibly with an unknown year
_WINDOW = 40  # characters before a unit noun where its number may stand
_PCT_WORDS = {"phần trăm", "percent", "per cent"}
# words that may follow a bare arsenal count ("... vượt quá 500 vào năm 2023", "... at 600 in 2023")
_PCT = re.compile("%")
_MONEY_SIGN = re.compile("[$€£]")
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,8}-?\d+[A-Za-z]?(?![\w-])")  # B61, DF-41, F-35A, Hwasong-18: a model name
# an English adjective by its suffix between a number and its noun ("1,000 deliverable warheads",
# "300 non-strategic weapons", "50 retired bombs"): morphology, so no closed word list is needed
# and a hyphenated compound ("two short-range ballistic missiles", "12 nuclear-capable jets")
_EN_ADJ = re.compile(r"(?:non-)?[a-z]{2,}(?:able|ible|ed|al|ive|ary|ic|ing)(?![\w-])|[a-z]{2,}-[a-z]{2,}(?![\w-])")


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# "the world's largest military with some 2 million": a ranking among the world's, then the country's own number
_CLAUSE_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_OPENING_WORDS = 6  # words before a figure that still open its clause ("The estimate is up from the 500")
_RANKING = re.compile(r"(?<!\w)(?:\w{3,}est|most|biggest|lớn nhất|nhiều nhất|nhất|with|với|có)(?!\w)", re.IGNORECASE)
_MIN_MEMBERS = 5  # fewer members (or signatory states) are parties named, not a membership counted
_PLACES = ("LOC",)  # a place of a casualty count stands for its country
# a comma or semicolon and a coordinator: an independent clause with a subject of its own starts
_NEW_CLAUSE = re.compile(r"(?:;|,\s*(?:and|but|while|whereas|và|nhưng|song|còn|trong khi))\s", re.IGNORECASE)
_COUNTS = {"nuclear_warheads", "nuclear_warheads_projected", "troops", "other"}
_AFTER_BARE = {"", "vào", "trong", "tính", "kể", "trước", "tới", "đến", "và", "in", "by", "as", "and", "since",
               "so", "versus", "vs", "compared", "against", "are", "were", "was", "is", "remain", "remained",
               "xuống", "lên", "to", "would", "will", "could", "may", "might", "had", "have", "has"}


# "may have assembled", "could have built": after a projection cue ending in "have", a past participle
# makes it a guess about the past, not a projection (no cue ends in "have" in Vietnamese)
_PAST_MODAL = re.compile(r"(?<=have)\s+(?:\w+ed|built|made|grown|had|been|got|gotten|amassed|kept|held|stockpiled)\b",
                         re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,:;–—-]*(?:(?:và|and|or|hoặc|lên|lên mức|đến|tới|to|so với|versus|vs\.?|compared with|"
                       r"có|with|từ|from|of the|of|out of|trong số)[\s,:–—-]*)*$", re.IGNORECASE)


_ASIDE = re.compile(r"\s*(?:who|which|where|when|người|vốn)(?!\w)", re.IGNORECASE)  # ", who takes office on Jan. 20,"
# between an owner and its document noun: "'s", adjectives or nouns ("U.S. intelligence estimate", "the
# Pentagon's annual report"); after the noun: "của", "by", "of" and a few words ("báo cáo thường niên của SIPRI")
_NOUN_MODIFIER_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s+")
_OWNER_AFTER = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+(?:của|by|of|from)\s+(?:the\s+)?", re.IGNORECASE)
_GAPPED = re.compile(r"\d[^\d]*(?<!\w)(?:and|và|while|còn)\s+(?:the\s+)?$", re.IGNORECASE)  # "1,458 ... and the "
_AND = re.compile(r"(?<!\w)(?:và|and)(?!\w)", re.IGNORECASE)
_COORD_GAP = re.compile(r"^\s*(?:(?:,|và|and|cùng|the)\s*)*$", re.IGNORECASE)  # "Nga và Mỹ", "Russia and the United States"
_COUNTED_CUE = re.compile(r"\d\s+(?:[^\W\d_]+\s+)?$")  # a number (and a classifier) right before a unit cue
_FROM_TAIL = TailPattern(r"(?<!\w)(?:từ|from)\s*$", ["từ", "from"])


# the upper end of a range ("between 500 and 5,500 km", "từ 500 đến 5.500 km") bounds a class of weapons, not a
# distance measured
_RANGE_END = TailPattern(r"(?<!\w)(?:between|from|từ)\s+[\d.,]+\s*(?:km\s*)?(?:and|to|đến|tới|-|–)\s*$",
                         ["and", "to", "đến", "tới", "-", "–"])
_CALENDAR_NOUN = re.compile(r"(?:năm|tháng|ngày|tuần|years?|months?|days?|weeks?)(?!\w)", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*(?:of\s+|của\s+)?[^\W\d_]")  # a noun after a percentage: a share of something else
_SINGLE_DURATION = re.compile(r"(?<!\w)(một|a|an|one)(?=\s+(?:tháng|tuần|năm|months?|weeks?|years?)(?!\w))",
                              re.IGNORECASE)
_OF_POSSESSOR = re.compile(r"\s*(?:percent|per cent)?\s*of\s+(?:all\s+)?", re.IGNORECASE)  # "95 percent of "
_SHARE_OF_VI = re.compile(r"\s*(?:phần trăm)?\s*(?:số\s+|số lượng\s+|tổng số\s+)?", re.IGNORECASE)  # "90% số "
_RANGE_QUAL = TailPattern(r"(?:khoảng|chừng|gần|hơn|about|around|some|nearly|roughly|approximately)\s*$",
                          ["khoảng", "chừng", "gần", "hơn", "about", "around", "some", "nearly", "roughly", "approximately"])


def prev_is_range(body: str, n) -> bool:
    """Is the number the start of a range ("tăng từ 410 lên 500", "giảm từ khoảng 36.000 xuống")?"""
    left = body[max(0, n.start - 30):n.start]
    left = _RANGE_QUAL.sub("", left)
    return bool(_FROM_TAIL.search(left[-8:]))


# a date after one of these is a comparison base or a starting point, not the time of the figure
# a determiner right before a year: the year is an adjective of the noun after it ("its 2015 deal")
_DETERMINER_TAIL = TailPattern(r"(?:(?<!\w)(?:the|its|their|his|her|this|that|a|an)|\w['’]s)\s+$",
                               ["the", "its", "their", "his", "her", "this", "that", "a", "an", "'s", "’s"])
_BASE_TAIL = TailPattern(r"(?<!\w)(?:so với|kể từ|từ|since|from|compared with|compared to|than)\s*$",
                         ["với", "từ", "since", "from", "with", "to", "than"])
_SIGN_TAIL = TailPattern(r"\s*(?:[A-Z]{1,2}|U\.S\.)?\s*[$€£]\s*$", ["$", "€", "£"], 0)  # "US$ " before a number


def _shift(value: str, duration: str) -> str | None:
    """`value` (a partial date "2024-01" / "2024") moved back by a duration "P1Y" / "P6M", or None."""
    m = re.fullmatch(r"P(\d+)([YM])", duration or "")
    d = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
    if not m or not d:
        return None
    k = int(m.group(1))
    y, mo = int(d.group(1)), d.group(2)
    if m.group(2) == "Y":
        return f"{y - k}" + (f"-{mo}" if mo else "")
    if mo is None:
        return None
    total = y * 12 + int(mo) - 1 - k
    return f"{total // 12}-{total % 12 + 1:02d}"


_PARTIAL = re.compile(r"(X{4}|\d{4})(-(XX|\d{2}))?(-(XX|\d{2}))?")  # the contract's partial_date


def _dv(t: Timex) -> str | None:
    """The timex value as a contract partial date ("2023-10", "XXXX-10", "2021/2023"), or None when it
    is not a calendar date (durations, PRESENT_REF, weeks, an unknown year and month)."""
    return _partial_date(t.type, t.value, t.text) if t.type in ("DATE", "TIME") and t.value else None


@lru_cache(maxsize=1024)  # asked for every date of a sentence, for every figure of it
def _partial_date(typ: str, value: str, text: str) -> str | None:
    if re.fullmatch(r"\d{3}", value) and re.search(r"\b(?:end|cuối)\b", text, re.IGNORECASE):
        return value + "9"  # the end of a decade (TIMEX3 mod=END): its last year
    parts = [p.split("T")[0] for p in value.split("/")]
    if len(parts) > 2 or not all(_PARTIAL.fullmatch(p) and _DATED.match(p) for p in parts):
        return None
    return "/".join(parts)


def _is_dated(t: Timex) -> bool:
    return _dv(t) is not None


def _is_company(entity_id: str) -> bool:
    e = load_kb().get(entity_id)
    return bool(e and e.company)


_YEAR_ONLY = re.compile(r"\d{4}")
_WORD_NEXT = re.compile(r" +[^\W\d_]")  # a word after blanks


def _year(v: str | None) -> int | None:
    m = _YEAR_ONLY.match(v or "")
    return int(m.group()) if m else None


class _ClaimExtractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.body = doc.body
        # the unit matchers read "6.000km" as "6.000 km" (a blank for the number's last digit: same offsets)
        self.unit_body = unglue_units(doc.body)
        self.lex = claim_lex()
        self.att = Attributor(doc)
        self.att.memoize_subjects()  # nothing here changes the speakers or quotes a subject is read from
        self.timexes = sorted(doc.timexes, key=lambda t: t.start)
        self._timex_starts = [t.start for t in self.timexes]
        self.pub_year = _year(doc.published)
        self.quote_masks = [(q.start - 1, q.end + 1) for q in doc.quotes]
        self.country_by_name = {e.name.lower(): e.id for e in doc.entities if e.type == "COUNTRY"}
        self.has_weapon = any(e.type == "WEAPON" for e in doc.entities)  # else no weapon anaphor to resolve
        self.demonym_rx = self.lex.demonym_rx
        self.meta: dict[int, dict] = {}  # id(claim) -> how it was read (for the document-level passes)
        self._stmt: dict[int, bool] = {}  # timex start -> is it a statement date
        self._noun_dates: dict[int, bool] = {}  # id(timex) -> does it name a thing (`_noun_date`)
        self.prev_kind: dict[bool, tuple] = {}

    # ---------------------------------------------------------------- pieces
    def in_timex(self, n: _Num) -> bool:
        return any(t.start < n.end and n.start < t.end for t in self.timexes)

    def unit_after(self, n: _Num, limit: int):
        """(measure, unit, cue end, country id between number and noun) of the noun after the number."""
        body, lex = self.body, self.lex
        pos = n.end
        nationality = None
        weapon = None  # the weapon named right before `pos` ("six ATACMS"): what is counted when no noun follows
        for _ in range(3):
            while pos < limit and body[pos] == " ":
                pos += 1
            m = lex.unit.match(self.unit_body, pos, limit)
            if m:
                bad = lex.not_unit.match(self.unit_body, pos, limit)
                if bad and bad.end() > m.end():
                    return None
                measure, unit = lex.unit_info[_key(m.group())]
                return measure, unit, m.end(), nationality
            me = self.att.mention_at(pos)
            if me and me[1].type == "COUNTRY":  # "54,000 U.S. troops"
                nationality = me[1].id
                pos = me[0].end
                continue
            if me and me[1].type == "WEAPON":  # "100 B61 nuclear bombs"
                # a class name ending on its noun ("three Virginia-class submarines" as one name)
                inner = [u for u in lex.unit.finditer(self.unit_body, me[0].start, me[0].end) if u.end() == me[0].end]
                if inner:
                    measure, unit = lex.unit_info[_key(inner[-1].group())]
                    return measure, unit, me[0].end, nationality
                pos, weapon = me[0].end, me
                continue
            dm = self.demonym_rx.match(body, pos, limit) if self.demonym_rx else None
            if dm and body[pos].isupper():  # "1,000 Chinese warheads"
                cid = self.country_by_name.get(self.lex.demonyms[dm.group().lower()].lower())
                nationality = cid or nationality
                pos = dm.end()
                continue
            m = (lex.between.match(body, pos, limit) or _DESIGNATION.match(body, pos, limit)
                 or _EN_ADJ.match(body, pos, limit))
            if m:
                pos, weapon = m.end(), None
                continue
            break
        if weapon is not None:
            # "Ukraine fired six ATACMS at ...", "12 Storm Shadows": the weapon itself is what is counted
            return "other", body[weapon[0].start:weapon[0].end], weapon[0].end, nationality
        return None

    def param_after(self, n: _Num, sent: Span):
        """(unit, end) of a weapon / flight parameter read around the number ("bay khoảng 86 phút",
        "đạt độ cao hơn 7.000 km"), or None."""
        left = self._strip_qual(self.body[max(sent.start, n.start - 40):n.start])
        for cue, after, unit in self.lex.params:
            if cue.search(left):
                m = after.match(self.unit_body, n.end, sent.end)
                if m:
                    return unit, m.end()
        return None

    def _single_durations(self, sent: Span) -> list[_Num]:
        """"ít nhất một năm", "at least a year": the article before a duration word is the number 1, which the
        number parser leaves to the article (alone "một", "a" are no quantity)."""
        return [_Num(m.start(), m.end(1), m.group(1), 1.0, False, False, False)
                for m in _SINGLE_DURATION.finditer(self.body, sent.start, sent.end)
                if self.lead_time(_Num(m.start(), m.end(1), m.group(1), 1.0, False, False, False), sent)]

    def lead_time(self, n: _Num, sent: Span):
        """(unit, end) of a lead time: a duration word after the number with a lead-time cue earlier in the
        sentence ("thời gian đột phá ... từ 2-3 tháng", "breakout time from two months to a year"), or None."""
        m = self.lex.lead_unit.match(self.body, n.end, sent.end)
        if m is None or not self.lex.lead_cue.search(self.body, max(sent.start, n.start - 200), n.start):
            return None
        return self.lex.lead_label[_key(m.group(1))], m.end()

    def _distance(self, n: _Num, floor: int, right_end: int):
        """(unit, end) of a distance with no parameter cue ("missing by about 24 miles", "to 500km"), or None
        when the distance places something ("50 km north of", "cách Seoul 50 km")."""
        lex = self.lex
        m = lex.distance_after.match(self.unit_body, n.end, right_end)
        if m is None or lex.distance_places.match(self.unit_body, m.end()):
            return None
        clause = max(floor, self.body.rfind(",", floor, n.start) + 1)
        if lex.distance_places_before.search(self.body, clause, n.start) \
                or _RANGE_END.search(self.body, max(0, n.start - 40), n.start):  # across `floor`: "từ 500 đến"
            return None
        return lex.distance_unit[_key(m.group().strip())], m.end()

    def qualifier(self, n: _Num, floor: int) -> str:
        left = self.body[max(floor, n.start - 30):n.start]
        # "roughly $3 billion", "hơn Mach 20": the qualifier stands before the unit written before the number
        sign = _SIGN_TAIL.search(left) or (
            self.lex.unit_before.search(left) if self.lex.unit_before is not None else None)
        if sign:
            left = left[:sign.start()]
            floor = n.start  # the parameter-noun check below reads the body up to the number
        m = self.lex.qual_tail.search(left)
        if m and not self.lex.qual_noun_tail.search(left):
            # "hướng tới 1.000": the qualifier is the tail of a projection cue, not "up to"
            proj = [p for p in self.lex.projection.finditer(left) if p.end() == m.end(1)]
            # "độ cao tối đa 6.648,4 km": the tail of a parameter noun ("maximum altitude"), not "up to"; a
            # comparative or an approximator after the parameter word ("nặng hơn 200 tấn") still qualifies
            kind = self.lex.qual_kind[_key(m.group(1))]
            a = max(floor, n.start - 30)
            param = kind == "up_to" and [p for p in self.lex.param_cue.finditer(self.body, a, n.start)
                                         if p.end() == a + m.end(1) and p.start() < a + m.start(1)]
            if not any(p.start() < m.start(1) for p in proj) and not param:
                return kind
        return "approx" if n.approximate else "exact"

    def _world_stock_before(self, sent: Span) -> bool:
        """Does this sentence or the one before name the world's nuclear stock (a world word and a nuclear
        noun)?"""
        prev = self.att.sentence_before(sent.start)
        a = prev.start if prev is not None else sent.start
        text = self.body[a:sent.end]
        return bool(self.lex.world.search(text) or self.lex.world_subject.search(text)) \
            and bool(self.lex.nuclear.search(text))

    def _demonym_possessor(self, n: _Num, sent: Span) -> str | None:
        body, lex = self.body, self.lex
        if self.demonym_rx is None:
            return None
        floor = max(sent.start, n.start - 80)
        cut = max(body.rfind(",", floor, n.start), body.rfind(";", floor, n.start))
        floor = max(floor, cut + 1)
        last = None
        for dm in self.demonym_rx.finditer(body, floor, n.start):
            if body[dm.start()].isupper():
                last = dm
        if last is None or not lex.demonym_head.match(body, last.end(), n.start):
            return None
        if any(e.type == "COUNTRY" for _, e in self.att.mentions_in(last.end(), n.start)):
            return None
        return self.country_by_name.get(lex.demonyms[last.group().lower()].lower())

    def _possessor_before(self, n: _Num, sent: Span) -> str | None:
        body, lex, att = self.body, self.lex, self.att
        floor = max(sent.start, n.start - 60, body.rfind(",", sent.start, n.start) + 1)
        k = max(body.rfind("'s", floor, n.start), body.rfind("’s", floor, n.start))
        if k < 0:
            return None
        gap = body[k + 2:n.start]
        # right before the number (a qualifier, a currency sign between) or before a stock noun and a preposition
        if not (re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}?[$€£]?\s*", lex.qual_tail.sub("", gap))
                or (lex.arsenal.match(gap.strip()) and len(gap.split()) <= 6)):
            return None
        r = None
        for r0 in lex.region_rx.finditer(body, floor, k + 2):
            r = r0
        if r is not None and r.end() == k + 2:
            word = lex.region_anaphora.get(_key(r.group()[:-2]))
            for e in att.entities.values():
                if e.type == "COUNTRY" and e.name.lower().startswith(word + " "):
                    return e.id
            return None
        me = [(m, e) for m, e in att.mentions_in(floor, k + 1) if m.end == k]
        if me and me[-1][1].type in ("COUNTRY", "ORG"):
            st = self._state(me[-1][1])
            if st in att.entities and att.entities[st].type == "COUNTRY":
                return st
        return None

    def subject(self, n: _Num, sent: Span, cue_end: int, nationality: str | None, exclude: set,
                src: str | None, about_arsenal: bool) -> str | None:
        """The subject id; `self.how` is set to "local" (read in the clause), "world" (a world total) or
        "fallback" (taken from the context)."""
        self.how = "local"
        body, att, lex = self.body, self.att, self.lex
        if nationality:
            return nationality
        # a world total: "số đầu đạn trên thế giới", "của 9 quốc gia sở hữu vũ khí hạt nhân", "the world's"
        share = n.is_percent and not about_arsenal  # a share of the world's arsenal belongs to a country
        if about_arsenal:
            last = None
            for a in lex.arsenal.finditer(body, sent.start, n.start):
                last = a
            cue_end = last.end() if last is not None and cue_end == n.end else cue_end
            # "The global inventory of nuclear weapons stood at 12,100", "the world's arsenal"
            for a in lex.arsenal_counts.finditer(body, max(sent.start, n.start - 120), n.start):
                if lex.world_subject.search(a.group()):  # "global inventory"
                    self.how = "world"
                    return None
                w = lex.world_subject.search(body, max(sent.start, a.start() - 20), a.start())
                if w and not att.mentions_in(w.end(), a.start()) and re.match(r"^[\s\w'’-]*$", body[w.end():a.start()]):
                    self.how = "world"
                    return None
        w = None if share else lex.world_subject.search(body, cue_end, min(sent.end, cue_end + 45))
        if w and not att.mentions_in(cue_end, w.start()) \
                and re.match(r"^\s*(?:hạt nhân\s+)?(?:của|trên|in|of|on|across)?\s*(?:the\s+|các\s+|\d+\s+)?$",
                             body[cue_end:w.start()], re.IGNORECASE):
            self.how = "world"
            return None
        # "the world's total inventory of 12,241 warheads": the world possessing the stock the number counts,
        # a few words before it (no comma, no name in between)
        w = None
        if not share:
            for w0 in lex.world_subject.finditer(body, max(sent.start, n.start - 80), n.start):
                w = w0
        if w and re.match(r"^[\s\w'’-]*$", body[w.end():n.start]) and "world" in w.group().lower() \
                and len(body[w.end():n.start].split()) <= 8 and not att.mentions_in(w.end(), n.start) \
                and not _RANKING.search(body, w.end(), n.start):
            self.how = "world"
            return None
        # an English possessor a few words before the number ("the North's arsenal at up to 60", "Iran's roughly
        # $3 billion", "China's 600 warheads"): a country (or the body of one) or "the North" (the document's
        # country named "North ...")
        pos_sub = self._possessor_before(n, sent)
        if pos_sub:
            return pos_sub
        # nationality / possessor right after the noun: "binh sĩ Mỹ", "đầu đạn của Trung Quốc"
        after = att.mentions_in(cue_end, min(sent.end, cue_end + 40))
        if after:
            m, e = after[0]
            gap = body[cue_end:m.start]
            if e.type == "COUNTRY" and (not gap.strip() or lex.possessive_after.match(gap)
                                        or lex.service_between.fullmatch(gap)
                                        or (lex.subject_after.fullmatch(gap) and self._country_after(cue_end, sent.end))):
                return e.id  # "12 sĩ quan tình báo quân đội Nga": the service of a country names it
            if e.type == "ORG" and e.country and e.country in att.entities and not _is_company(e.id) \
                    and lex.service_between.match(body, m.start, m.end) and (
                        not gap.strip() or lex.service_between.fullmatch(gap)):
                return e.country  # "... sĩ quan tình báo quân đội Nga" with the army named as a body
        # a country right before the number in a list: "Mỹ 3.708, Nga 4.380", "Russia: 5,580", "Ấn Độ với 172"
        before = att.mentions_in(max(sent.start, n.start - 40), n.start)
        if before and before[-1][1].type == "COUNTRY" and (before[-1][0].start, before[-1][0].end) not in exclude \
                and lex.list_link.match(self._strip_qual(body[before[-1][0].end:n.start])):
            return before[-1][1].id
        # growth or bare count: the possessor of the arsenal ("kho vũ khí hạt nhân của Bắc Kinh đã tăng",
        # "China's arsenal grew")
        arsenals = list(lex.arsenal.finditer(body, sent.start, n.start)) if about_arsenal else []
        for a in arsenals[-1:]:
            after = att.mentions_in(a.end(), min(sent.end, a.end() + 40))
            if after and lex.possessive_after.match(body[a.end():after[0][0].start]):
                return self._state(after[0][1])
            before = att.mentions_in(max(sent.start, a.start() - 40), a.start())
            if before and lex.possessive_en.match(body[before[-1][0].end:a.start()].replace("nuclear", "")):
                return self._state(before[-1][1])
        # a nationality adjective heading the clause's possessor ("the Russian stockpile stands at 5,580",
        # "the American inventory is estimated at 5,044"): the last capitalised demonym before the number
        # in the clause, then a stock noun, with no country named in between
        dsub = self._demonym_possessor(n, sent)
        if dsub:
            return dsub
        left = body[sent.start:n.start]
        if lex.joint.search(left):
            return self.main_country(n.start)
        # "quân đội nước này có 500.000 quân nhân", "the country's arsenal": the last country named
        an = None
        for a in lex.anaphoric_country.finditer(body, max(sent.start, n.start - 60), n.start):
            an = a
        if an is not None and not [1 for m, e in att.mentions_in(an.end(), n.start) if e.type == "COUNTRY"]:
            for m, e in reversed(att.mentions_in(0, an.start())):
                st = self._state(e)
                if st in att.entities and att.entities[st].type == "COUNTRY":
                    return st
        ana = self._weapon_anaphor(n, sent)
        if ana:
            return ana
        ments = att.mentions_in(sent.start, n.start)
        # an appositive set off by commas after a name ("France, Britain's closest neighbour, has 290") is
        # not the subject
        appos = {(m.start, m.end) for (m0, e0), (m, e) in zip(ments, ments[1:])
                 if e0.type == "COUNTRY" and re.fullmatch(r"\s*,\s*", body[m0.end:m.start])
                 and "," in body[m.end:n.start]}
        cands = [(m, e) for m, e in ments
                 if (m.start, m.end) not in exclude and (m.start, m.end) not in appos
                 and e.type in ("COUNTRY", "ORG", "WEAPON", "PERSON")
                 and not lex.not_subject_tail.search(body[max(sent.start, m.start - 20):m.start])]
        # "Mỗi khẩu đội THAAD của Mỹ gồm sáu bệ phóng", "each Patriot battery consists of eight launchers": the
        # parts of one system belong to the system named before the composition verb, whoever makes or owns it
        weapons = [(m, e) for m, e in cands if e.type == "WEAPON"]
        if weapons:
            comp = None
            for comp in lex.composition.finditer(body, weapons[0][0].end, n.start):
                pass
            weapons = [e for m, e in weapons if comp is not None and m.end <= comp.start()]
            if weapons:
                return weapons[-1].id
        for types in (("COUNTRY",), ("ORG",), ("WEAPON",)):
            found = [(m, e) for m, e in cands if e.type in types]
            if types == ("WEAPON",):
                # "Các máy bay B-2 đã thả 14 quả bom", "Tàu ngầm lớp Ohio mang tới 20 tên lửa": the weapon's country
                found = [(m, e) for m, e in found if e.country in att.entities]
                if found:
                    return found[-1][1].country
            if types == ("ORG",):
                # the researchers who found or reported the number ("các nhà nghiên cứu thuộc Trung tâm ... đã
                # phát hiện khoảng 120 hầm phóng") are its source, not its subject, unless they stand for a state
                found = [(m, e) for m, e in found if not (self._state(e) == e.id and (
                    e.id == src or att.verbs_in(m.end, n.start) or lex.finder_verb.search(body, m.end, n.start)))]
            if found:
                return self._state(found[-1][1])
        # "Nga tuyên bố có 1.500 đầu đạn": a country asserting its own numbers; so does a company ("Boeing said it
        # would invest $2 billion"), which speaks for no state
        se = att.entities.get(src) if src else None
        if se is not None and (se.type == "COUNTRY" or (se.type == "ORG" and _is_company(se.id))):
            return se.id
        # "Trump ... has promised tariffs of 60%": a person acting in the clause stands for their country
        persons = [e for m, e in cands if e.type == "PERSON" and e.country in att.entities]
        if persons:
            return persons[-1].country
        if lex.government.search(body, sent.start, n.start):
            return self.home_country(n.start)  # "The administration has asked for $8.3 billion"
        self.how = "fallback"
        if not self._continues(n, sent, cue_end, exclude):
            return None
        # "họ", "nước này": the country the previous sentence is about
        prev = att.sentence_before(sent.start)
        if prev:
            for m, e in att.mentions_in(prev.start, prev.end):
                if e.type == "COUNTRY" and not att.is_object(m, prev.start):
                    return e.id
        return None

    def _weapon_anaphor(self, n: _Num, sent: Span) -> str | None:
        """"radar này có thể quan sát tới 2.000 km", "the missile flew 950 km": a demonstrative weapon noun, the
        last thing named before the number, stands for the last weapon named with that noun before it."""
        body, att = self.body, self.att
        if not self.has_weapon:
            return None
        last = None
        for rx in self.lex.weapon_anaphor:
            for a in rx.finditer(body, sent.start, n.start):
                last = a if last is None or a.start() > last.start() else last
        if last is None or att.mentions_in(last.start(), n.start):
            return None
        noun = r"(?<!\w)" + r"\s+".join(map(re.escape, last.group("noun").split())) + r"(?!\w)"
        # the noun heads the name: before it, maybe with modifiers ("tên lửa đạn đạo xuyên lục địa Sarmat"), or after it
        before = re.compile(noun + r"(?:\s+(?!(?:and|of|or|with|và|của|hoặc|với|từ)\s)(?:[^\W\d]+|\([^()]{1,12}\))){0,6}\s+$",
                            re.IGNORECASE)
        after = re.compile(r"\s+" + noun, re.IGNORECASE)
        named, seen = {}, {}  # weapons named with the noun (last position), and how often each was mentioned
        for m, e in att.mentions_in(0, last.start()):
            if e.type != "WEAPON":
                continue
            seen[e.id] = seen.get(e.id, 0) + 1
            if re.search(noun, m.text, re.IGNORECASE) or before.search(body[max(0, m.start - 60):m.start]) \
                    or after.match(body, m.end):
                named[e.id] = m.start
        # the article's main weapon of that kind (the most mentioned), not an older one named in passing
        return max(named, key=lambda k: (seen[k], named[k])) if named else None

    def _continues(self, n: _Num, sent: Span, cue_end: int, exclude: set) -> bool:
        """Does the number's clause go on about the sentence before? Only then may the subject come from
        there: an anaphor before the number ("Its stockpile stood at", "họ có"), or a clause with no subject of
        its own that opens on the figure ("Làm giàu 60% là", "Grossi said more than 40 cameras would"), or a counted
        noun marked as the one named before ("thẩm vấn 12 sĩ quan trên, với điều kiện"). A clause
        that names someone else or counts something else first ("... said 23 of the 32 allies would meet the
        target of spending 2%") is not about the previous sentence's country."""
        body, att = self.body, self.att
        if self.lex.subject_anaphor.search(body, sent.start, n.start) \
                or (cue_end > n.end and self.lex.anaphor_after.match(body, cue_end, sent.end)):
            return True
        # who says or found the figure ("Grossi said", "các nhà nghiên cứu thuộc X đã phát hiện") is no subject:
        # the clause starts after that verb
        start = sent.start
        for vs, ve in att.verbs_in(sent.start, n.start, self.quote_masks):
            start = ve
        for f in self.lex.finder_verb.finditer(body, start, n.start):
            start = f.end()
        if any((m.start, m.end) not in exclude for m, e in att.mentions_in(start, n.start)):
            return False
        left = self._strip_qual(body[start:n.start])
        return not re.search(r"\d", left) and len(_CLAUSE_WORDS.findall(left)) <= _OPENING_WORDS

    def body_of(self, n: _Num, sent: Span, cue_end: int) -> str | None:
        """The body whose members are counted ("191 quốc gia thành viên của NPT", "NATO's 32 allies", "23 of
        the 32 allies" in an article on NATO): the organisation or treaty right after the noun, else the last
        one named before the number that is no state's body (an alliance, an international organisation, a
        treaty), else none. A country is never a body of members."""
        att, body = self.att, self.body

        def is_body(e) -> bool:
            return e.type in ("ORG", "TREATY") and not (e.country and e.country in att.entities)

        after = att.mentions_in(cue_end, min(sent.end, cue_end + 40))
        if after and is_body(after[0][1]) and re.fullmatch(r"\s*(?:(?:của|of|in|trong)\s+(?:the\s+)?)?",
                                                           body[cue_end:after[0][0].start], re.IGNORECASE):
            return after[0][1].id
        counts: dict[str, int] = {}
        for m, e in att.mentions_in(0, n.start):
            if is_body(e):
                counts[e.id] = counts.get(e.id, 0) + 1
                counts[e.id] += 0  # ties: the later mention wins (dict order is first mention)
        if not counts:
            return None
        last = {e.id: m.start for m, e in att.mentions_in(0, n.start) if e.id in counts}
        return max(counts, key=lambda k: (counts[k], last[k]))

    def _state(self, e) -> str:
        """Arsenals and forces belong to states: an organisation with a country stands for it."""
        if e.type == "ORG" and e.country and e.country in self.att.entities and not _is_company(e.id):
            return e.country  # a company is not its state: Boeing's aircraft sales are Boeing's
        return e.id

    def home_country(self, pos: int) -> str | None:
        """The country whose government a bare "the administration" / "chính phủ" is: the state of the subject
        the article opens on ("President George W. Bush on Thursday notified Russia ..."), else the main country."""
        sents, att = self.doc.sentences, self.att
        for m, e in att.mentions_in(sents[0].start, sents[0].end) if sents else ():
            outlet = _is_media(e.id) or e.id.startswith("unk:media:")  # the dateline's agency
            if e.type in ("ORG", "COUNTRY", "PERSON") and not outlet and not att.is_object(m, sents[0].start):
                state = e.country if e.type == "PERSON" else self._state(e)
                if state in att.entities and att.entities[state].type == "COUNTRY":
                    return state
                break
        return self.main_country(pos)

    def main_country(self, pos: int) -> str | None:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m, e in self.att.mentions_in(0, pos):
            if e.type == "COUNTRY":
                counts[e.id] = counts.get(e.id, 0) + 1
                first.setdefault(e.id, m.start)
        if not counts:
            return None
        return max(counts, key=lambda k: (counts[k], -first[k]))

    def source(self, n: _Num, sent: Span) -> tuple[str | None, set]:
        """(source id, spans of the source phrase's mentions to keep out of the subject)."""
        att, body = self.att, self.body
        att.anaphor_from = None
        masks = self.quote_masks + self._asides(sent.start, n.start)
        src = att.source_before(n.start, sent.start, masks)
        self.anaphor_from = att.anaphor_from
        if src is None:
            # who detected, recorded or counted the figure asserts it ("USGS ghi nhận một chấn động 4,2 độ richter",
            # "the agency detected 12 launches")
            finders = list(self.lex.finder_verb.finditer(body, sent.start, n.start))
            if finders:
                src = att.subject_of(finders[-1].start(), sent.start)
        if src is None:
            src = self._document_owner(n, sent)
        if src is None:
            # "..., Lầu Năm Góc cho biết." / "..., theo Lầu Năm Góc."
            for vs, ve in att.verbs_in(n.end, sent.end, self.quote_masks):
                floor = body.rfind(",", n.end, vs)
                src = att.subject_of(vs, floor + 1 if floor >= 0 else n.end)
                if src:
                    break
            if src is None:
                for ps, pe in att.preps_in(n.end, sent.end, self.quote_masks):
                    src = att.np_after(pe, sent.end)
                    if src:
                        break
        exclude = set()
        if src:
            for m, e in att.mentions_in(sent.start, sent.end):
                if e.id == src:
                    exclude.add((m.start, m.end))
            # a source phrase "theo X" / "X cho biết" also hides what is nested in it
            # the gapped conjunct's name is its figure's subject as well as its speaker
            src = self._gapped_speaker(n, sent, src, masks) or src
        else:  # the place whose authorities speak may well be what the figure is about: no exclusion
            src = self._local_authority(sent)
        return src, exclude

    def _gapped_speaker(self, n: _Num, sent: Span, src: str, masks) -> str | None:
        """The subject of a gapped conjunct ("Russia declared 1,458 warheads and the United States 1,389", "Nga
        công bố 1.458 và Mỹ 1.389"): the verb of saying is shared, so its subject there is the name right before
        the figure, not the first conjunct's (the verb's object is the first figure: no name between them)."""
        att = self.att
        verbs = att.verbs_in(sent.start, n.start, masks)
        if not verbs or att.subject_of(verbs[-1][0], sent.start) != src:
            return None
        names = att.mentions_in(verbs[-1][1], n.start)
        if len(names) != 1:  # "X estimates that Russia has 5,977 and the US 5,428": the gap is "has", not the verb
            return None
        m, e = names[-1]
        if e.id != src and e.type in ("COUNTRY", "ORG") and _GAPPED.search(self.body, verbs[-1][1], m.start) \
                and not self.body[m.end:n.start].strip(" ,"):
            return e.id
        return None

    def _local_authority(self, sent: Span) -> str | None:
        """"..., theo ước tính của chính quyền thành phố", "city officials said": the authorities of the place
        named before them in the sentence (none named: no source)."""
        m = self.lex.local_government.search(self.body, sent.start, sent.end)
        if m is None:
            return None
        places = [e for mm, e in self.att.mentions_in(sent.start, m.start()) if e.type == "LOC"]
        return places[-1].id if places else None

    def _document_owner(self, n: _Num, sent: Span) -> str | None:
        """Whose estimate or report states the figure when that document heads its clause with no verb of saying:
        "A U.S. intelligence estimate put the arsenal at up to 60", "The Pentagon's annual report puts ...",
        "Báo cáo thường niên của SIPRI cho thấy ...", "a report by the FAS counted ...": the entity
        modifying the noun, before it ("U.S. intelligence estimate", "the Pentagon's report") or after it
        ("của", "by", "of")."""
        body, att = self.body, self.att
        nouns = list(self.att.lex.source_noun.finditer(body, sent.start, n.start))
        if not nouns:
            return None
        m = nouns[-1]
        # English puts the owner before the noun; Vietnamese after it (a name before "ước tính" is its subject)
        before = [e for mm, e in att.mentions_in(max(sent.start, m.start() - 30), m.start())
                  if self.doc.language == "en" and _NOUN_MODIFIER_GAP.fullmatch(body, mm.end, m.start())]
        if before:
            return before[-1].id
        after = _OWNER_AFTER.match(body, m.end(), n.start)
        if after:
            hit = att.mention_at(after.end())
            if hit is not None:
                return hit[1].id
        return None

    def _asides(self, start: int, end: int) -> list[tuple[int, int]]:
        """Relative clauses set off by commas that close before `end` ("Iran, which says its programme is
        peaceful, enriched ..."): a verb of saying inside one speaks for the aside, not for the main clause."""
        body, out = self.body, []
        for m in re.finditer(",", body[start:end]):
            a = start + m.start()
            if _ASIDE.match(body, a + 1):
                b = body.find(",", a + 1, end)
                if b > 0:
                    out.append((a, b))
        return out

    def times(self, n: _Num, sent: Span, right_end: int, projected: bool, floor: int | None = None):
        """(target timex, as-of timex, "hiện"/present?) from the sentence's timexes."""
        # a date inside an aside ("Trump, who takes office on Jan. 20, has promised") dates the aside only
        tx = [t for t in self.timexes if sent.start <= t.start and t.end <= sent.end and not self._in_aside(t, sent, n)
              and not self._noun_date(t)]
        target = None
        for t in tx:  # a date after the number, in its clause ("so với ba tháng trước" is a comparison base)
            if t.start >= n.end and t.end <= right_end and _is_dated(t) \
                    and not _BASE_TAIL.search(self.body, max(sent.start, t.start - 15), t.start):
                target = t
                break
        if target is None and projected:  # "Đến năm 2030, Trung Quốc sẽ có ..."
            for t in tx:
                if t.end <= n.start and _is_dated(t) and self._target_prep(t, sent.start):
                    target = t
        as_of = None
        best = None
        for t in tx:
            # a date later than the number's clause belongs to the next number ("... và 1.000 vào năm 2030")
            if t is target or not _is_dated(t) or t.start >= right_end:
                continue
            # the day something was said ("the Pentagon said on Wednesday", "cho biết hôm 2/11") dates the
            # statement, not the figure: used (as a year) only when nothing else dates it
            if _BASE_TAIL.search(self.body, max(sent.start, t.start - 15), t.start):
                continue
            if self._target_prep(t, sent.start) and (projected or (
                    floor is not None and floor > sent.start and floor <= t.start < n.start
                    and self.pub_year and (_year(_dv(t)) or 0) > self.pub_year)):
                continue  # a deadline, or a previous number's ("700 vào năm 2027 và 1.000 vào năm 2030")
            d = abs(t.start - n.start) + (10_000 if self._statement_date(t, sent) else 0)
            if best is None or d < best:
                as_of, best = t, d
        if (as_of is None or best >= 10_000) and not projected:
            shared = self._shared_as_of(n, tx, right_end)
            if shared is not None:
                as_of, best = shared, 0
        if as_of is None and getattr(self, "anaphor_from", None) is not None:
            # "Theo số liệu này, Mỹ có 659 ...": the date the figures were given as of, in the sentence the
            # source refers back to ("... số liệu ... tính đến ngày 1/9/2022")
            a = self.anaphor_from
            for t in self.timexes:
                if a.start <= t.start < a.end and _is_dated(t) and self._as_of(t, a.start):
                    as_of, best = t, 0
                    break
        self.weak_time = as_of is None or best >= 10_000  # no date the figure is stated to be valid for
        if as_of is not None and best >= 10_000:
            y = _year(_dv(as_of))
            as_of = Timex(start=as_of.start, end=as_of.end, text=as_of.text, type="DATE", value=str(y)) if y else None
        present = any(t.value == "PRESENT_REF" for t in tx) or bool(
            self.lex.present.search(self.body[sent.start:n.start]))
        return target, as_of, present

    def _shared_as_of(self, n: _Num, tx: list[Timex], right_end: int) -> Timex | None:
        """An "as of" date closing a list of figures ("Russia declared 1,458 warheads and the United States
        1,389 as of last September", "Nga có 1.458 và Mỹ 1.389 đầu đạn tính đến tháng 9"): it dates every
        figure of the list, not only the last, when only figures and names stand between (no verb, no date)."""
        for t in tx:
            if t.start < right_end or not _is_dated(t) or not self._as_of(t, n.end):
                continue
            gap = self.body[n.end:t.start]
            if not re.search(r"\d", gap) or re.search(r"[;.:!?]\s", gap) or len(gap.split()) > 15 \
                    or self.att.verbs_in(n.end, t.start) or self.lex.finder_verb.search(self.body, n.end, t.start):
                return None
            return t
        return None

    def _noun_date(self, t: Timex) -> bool:
        """Does the date name a thing rather than date a figure: a year used as an adjective between a
        determiner and its noun ("its 2015 nuclear deal", "the 1987 treaty") or after an agreement noun
        ("thỏa thuận hạt nhân năm 2015", lexicon `dated_nouns`)? (Once per timex: asked for every figure.)"""
        hit = self._noun_dates.get(id(t))
        if hit is None:
            body = self.body
            if _YEAR_ONLY.fullmatch(t.text):
                hit = bool(_DETERMINER_TAIL.search(body, max(0, t.start - 12), t.start)) \
                    and bool(_WORD_NEXT.match(body, t.end, t.end + 3))
            else:
                hit = bool(self.lex.dated_noun_tail.search(body, max(0, t.start - 40), t.start)) \
                    and t.text.lower().startswith("năm")
            self._noun_dates[id(t)] = hit
        return hit

    def _in_aside(self, t: Timex, sent: Span, n: _Num) -> bool:
        """Is the timex inside a relative clause set off by commas that closes before the number?"""
        body = self.body
        a = body.rfind(",", sent.start, t.start)
        b = body.find(",", t.end, n.start) if t.end < n.start else -1
        return a >= 0 and b >= 0 and bool(_ASIDE.match(body, a + 1, t.start))

    def _as_of(self, t: Timex, floor: int) -> bool:
        """Is the timex introduced by "tính đến" / "as of"?"""
        return bool(self.lex.as_of_tail.search(self.body[max(floor, t.start - 20):t.start]))

    def _statement_date(self, t: Timex, sent: Span) -> bool:
        """Is the timex the date of a verb of saying right before it ("said on Wednesday", "công bố hôm 19/10")?"""
        hit = self._stmt.get(t.start)
        if hit is None and self._as_of(t, sent.start):
            hit = self._stmt[t.start] = False  # "cho biết tính đến ngày 17/5": the figures' date
        if hit is None:
            verbs = self.att.verbs_in(max(sent.start, t.start - 30), t.start)
            hit = self._stmt[t.start] = bool(verbs) and len(self.body[verbs[-1][1]:t.start].split()) <= 2
        return hit

    def growth_period(self, n: _Num, sent: Span) -> str | None:
        tx = [t for t in self.timexes if sent.start <= t.start and t.end <= sent.end and _is_dated(t)]
        for t in tx:
            if "/" in _dv(t):
                return _dv(t)
        for a, b in zip(tx, tx[1:]):
            if self.lex.range_gap.match(self.body[a.end:b.start]):
                return f"{_dv(a)}/{_dv(b)}"
        for t in tx:
            if self.lex.since_tail.search(self.body[max(sent.start, t.start - 10):t.start]) \
                    or _BASE_TAIL.search(self.body, max(sent.start, t.start - 15), t.start):
                return f"{_dv(t)}/{self.pub_year}" if self.pub_year and str(self.pub_year) != _dv(t) else _dv(t)
        return _dv(tx[0]) if len(tx) == 1 else None

    # ---------------------------------------------------------------- main
    def run(self) -> list[Claim]:
        body, lex = self.body, self.lex
        sentences = self.doc.sentences or self.doc.paragraphs or ([Span(start=0, end=len(body))] if body else [])
        claims: list[Claim] = []
        seen = set()
        undated: dict = {}  # (claim key without time, source) -> the first claim with it
        # a claim's number stands right before a unit noun or a percent sign (or after an arsenal noun or a
        # parameter cue): the number parser runs only in small windows there
        hits = [(h.start(), h.end(), _key(h.group()) in _PCT_WORDS) for h in lex.candidate.finditer(self.unit_body)]
        hits += [(i.start(), i.end(), True) for i in _PCT.finditer(body)]
        hits += [(i.start(), i.start(), True) for i in lex.state_noun.finditer(body)]
        # "$40 billion", "magnitude 6.3": the number follows the cue
        hits += [(i.start(), min(len(body), i.end() + 30), True) for i in lex.unit_before_words.finditer(body)]
        hits += [(i.start(), min(len(body), i.end() + 30), True) for i in _MONEY_SIGN.finditer(body)]
        # "roughly 110 more near Hami": an increment whose noun is left out stands before "more"
        hits += [(i.start(), i.start(), True) for i in lex.more_word.finditer(body)]
        hits += [(i.start(), i.end(), False) for i in lex.distance.finditer(self.unit_body)]
        # "six ATACMS", "three Virginia-class submarines": a weapon's name may be what a number counts
        hits += [(m.start, m.start, False) for m, e in self.att.mentions_in(0, len(body)) if e.type == "WEAPON"]
        hits.sort()
        ars = [h.end() for h in lex.arsenal_counts.finditer(body)]
        ars += [h.end() for h in lex.troop_counts.finditer(body)]
        ars += [h.end() for h in lex.material.finditer(body)]
        ars += [h.end() for h in lex.material_anaphor_m.finditer(body)]
        ars += [h.end() for h in lex.each_m.finditer(body)]
        ars.sort()
        pars = [(h.start(), h.end()) for h in lex.param_cue.finditer(body)]
        pars += [(h.start(), h.end() + 150) for h in lex.lead_cue_m.finditer(body)]
        hit_starts = [h[0] for h in hits]
        for sent in sentences:
            windows = []
            i = bisect.bisect_left(hit_starts, sent.start)
            while i < len(hits) and hits[i][0] < sent.end:
                hs, he, pct = hits[i]
                windows.append(self._window(sent, hs, he if pct else hs))
                if not pct:  # an elliptical second number after the noun: "500 warheads and ... over 1,000"
                    windows.append((he, min(sent.end, he + 80)))
                i += 1
            for ae in ars:
                if sent.start <= ae < sent.end:
                    windows.append((ae, min(sent.end, ae + 120)))
            for ps, pe in pars:
                if sent.start <= ps < sent.end:
                    windows.append((ps, min(sent.end, pe + 50)))
            if not windows:
                continue
            # a previous value after a figure: "..., up from three in 2014"
            for f in lex.previous_from.finditer(body, windows[0][0], sent.end):
                windows.append((f.end(), min(sent.end, f.end() + 25)))
            windows = _merge(windows)
            sent_nums = _numbers(self.doc, windows)
            if pars and lex.lead_cue.search(body, sent.start, sent.end):
                sent_nums = sorted(sent_nums + self._single_durations(sent), key=lambda x: x.start)
            # numbers inside a timex are dates or durations, except a flight time ("bay khoảng 86 phút") or a lead
            # time ("thời gian đột phá ... 2-3 tháng")
            kept = [n for n in sent_nums if not n.is_year and (not self.in_timex(n) or self.param_after(n, sent)
                                                                or self.lead_time(n, sent))]
            if not kept:
                continue
            lim = lex.limits.search(body, sent.start, sent.end)
            pairs = self._pair_subjects(kept, sent)
            cont = bool(lex.continuation.match(body[sent.start:sent.end]))
            floor = sent.start
            prev = None  # (claim, number end) of the previous claim of the sentence
            self.prev_kind = {}  # is percent -> (claim, number end): the last claim of the sentence of that kind
            last_same: dict = {}  # (measure, unit) -> (claim, number end): the last claim of the sentence with it
            by_start = {}
            limited_end = None  # end of the last number read as a ceiling
            for i, n in enumerate(kept):
                # a ceiling set by a treaty: the numbers a few words after the cue and those coordinated with
                # them ("giới hạn mỗi bên ở mức 1.550 đầu đạn ... và 700 tên lửa"), not a later clause
                if lim is not None and lim.end() <= n.start and ";" not in body[lim.end():n.start] \
                        and not lex.percent_cut.search(body, lim.end(), n.start) and (
                        len(body[lim.end():n.start].split()) <= 8
                        or (limited_end is not None and len(body[limited_end:n.start].split()) <= 8
                            and not re.search(r"[,;]\s*(?:nhưng|song|trong khi|while|but)\b", body[limited_end:n.start]))):
                    floor = limited_end = n.end
                    continue
                # "23 of the 32 allies": the whole a part is taken from is no count of its own
                if i and lex.partitive.fullmatch(body, kept[i - 1].end, n.start):
                    floor = n.end
                    continue
                right_end = kept[i + 1].start if i + 1 < len(kept) else sent.end
                left = body[floor:n.start]
                self.shared_from = None
                claim = self.one(n, sent, floor, right_end, left, prev, kept, i, pairs)
                floor = n.end
                if claim is None:
                    continue
                if i and kept[i - 1].start in by_start and self._range_upper(kept[i - 1], n, sent):
                    continue  # "từ 10 đến 20 kiloton": one claim, given by the first number
                by_start[n.start] = claim
                self.meta[id(claim)] = {"cont": cont, "how": self.how, "sent": sent, "range_to": self.shared_from,
                                        "weak_time": getattr(self, "weak_time", False)}
                same = last_same.get((claim.measure, claim.unit))
                if same is not None and same[0].qualifier == "approx" and claim.qualifier == "exact" \
                        and not n.approximate and self._coordinated(same[1], n.start):
                    claim.qualifier = "approx"  # "khoảng 17,7 kg ... và 113,8 kg": "khoảng" covers both
                last_same[(claim.measure, claim.unit)] = (claim, n.end)
                prev = (claim, n.end)
                self.prev_kind[n.is_percent] = prev
                for other in self._each(n, sent, claim):  # "Nga và Mỹ, which each deploy 1,700": one per country
                    k2 = (other.subject, other.measure, other.value, other.qualifier, other.time, other.unit)
                    if k2 not in seen:
                        seen.add(k2)
                        self.meta[id(other)] = dict(self.meta[id(claim)])
                        claims.append(other)
                key = (claim.subject, claim.measure, claim.value, claim.qualifier, claim.time, claim.target_time,
                       claim.unit)
                if key in seen:
                    continue
                seen.add(key)
                # a repeat of a figure with the same source where one of the two has no date is one claim (the
                # standfirst or a later sentence restating it): the dated one keeps the date
                rep = key[:4] + key[5:] + (claim.source,)
                first = undated.get(rep)
                if first is not None and (first.time is None or claim.time is None):
                    first.time = first.time or claim.time
                    continue
                undated.setdefault(rep, claim)
                claims.append(claim)
            for c in list(by_start.values()):
                m = self.meta[id(c)]
                m["range_to"] = by_start.get(m["range_to"]) if m["range_to"] is not None else None
        self._document_pass(claims)
        kept_claims = []
        for c in claims:
            if c.subject is None and c.measure == "other" and self.meta.get(id(c), {}).get("how") != "world" \
                    and c.unit not in self.lex.of_body:  # members of no body named: a total of its own
                # a count of tests or launches with no launcher named is the document's main country's ("sau
                # hai vụ phóng thất bại"); any other quantity with no one it is about is no claim ("2% of
                # economic output" as a target)
                if c.unit and any(c.unit.startswith(u) for u in self.lex.of_test if u):
                    c.subject = self.main_country(c.evidence.start)
                sent = self.meta.get(id(c), {}).get("sent")
                if c.subject is None and sent and self.lex.carrier.search(self.body[sent.start:sent.end]):
                    c.subject = self.weapon_owner(sent.start)  # "tên lửa này nặng hơn 200 tấn": the missile's
                if c.subject is None and sent:
                    c.subject = self._clause_head(sent, c)
                if c.subject is None and not (sent and self.lex.joint.search(self.body[sent.start:sent.end])):
                    continue  # "hai bên đã tiêu hủy 2.600 tên lửa": named, if not resolved
            kept_claims.append(c)
        return kept_claims

    def _clause_head(self, sent: Span, c: Claim) -> str | None:
        """Whom an `other` figure naming no country is about: the entity the sentence opens on when it is not a
        country or the source ("Nhà máy điện Zaporizhzhia có ... tổng công suất 6.000 MW", "Samsung sẽ đầu tư 17 tỉ
        USD"), else the state of a person who states it about a programme he speaks for ("Prime Minister X said the
        programme would cost A$368 billion")."""
        body = self.body
        ms = self.att.mentions_in(sent.start, sent.end)
        if ms:
            m, e = ms[0]
            opens = len(_CLAUSE_WORDS.findall(body, sent.start, m.start)) <= 1  # "The", "Nhà máy" is the name
            if opens and e.type in ("ORG", "LOC", "FACILITY") and e.id != c.source and not _is_media(e.id):
                return e.id if e.type != "ORG" or _is_company(e.id) else self._state(e)
        src = self.att.entities.get(c.source) if c.source else None
        if src is not None and src.type == "PERSON" and src.country in self.att.entities:
            return src.country
        return None

    def _range_upper(self, a: _Num, b: _Num, sent: Span) -> bool:
        """Is `b` the upper end of a range opened by `a` ("từ 10 đến 20", "between 20 and 30", "45-55", "10 to 20")
        rather than a second figure or a change ("tăng từ 410 lên 500", "rose from 410 to 500")?"""
        body, lex = self.body, self.lex
        gap = body[a.end:b.start]
        link = lex.range_link.match(gap)
        if link is None or self._strip_qual(gap[link.end():]).strip():  # "đến khoảng": a qualifier may follow
            return False
        left = self._strip_qual(body[max(sent.start, a.start - 60):a.start])
        opener = lex.range_opener_tail.search(left)
        if opener is None and not lex.range_bare_link.fullmatch(link.group()):
            return False
        before = left[:opener.start()] if opener else left
        return not (lex.growth_up_tail.search(before) or lex.growth_down_tail.search(before))

    def _coordinated(self, a: int, b: int) -> bool:
        """Do two numbers of one measure stand in one coordination, the second with no subject, verb or
        qualifier of its own ("khoảng 17,7 kg uranium ... và 113,8 kg")?"""
        gap = self.body[a:b]
        return bool(_AND.search(gap)) and len(gap.split()) <= 12 and not self.att.mentions_in(a, b) \
            and not self.att.verbs_in(a, b) and not self.lex.qual_tail.search(gap)

    def _document_pass(self, claims: list[Claim]) -> None:
        """What a claim's own sentence does not say, from the article around it:
        - a sentence opening on "Trong đó" / "Of these" details the previous figure: its source, time and
          (when it names none) subject;
        - an article that opens on a publication ("SIPRI công bố niên giám ...") attributes its unattributed
          figures to the author, as of the date of the author's first figure dated as valid at a date (not by
          the day of a statement or the publication year);
        - "tăng từ 410 lên khoảng 500 đầu đạn trong vòng một năm": the first number is one period earlier."""
        lead = self.att.lead_author()
        prev = None
        first_time: dict[str, str] = {}
        for c in claims:
            m = self.meta.get(id(c), {})
            inherited = False
            if m.get("cont") and prev is not None:
                if c.source is None:
                    c.source, inherited = prev.source, True
                if c.time is None and c.measure != "nuclear_warheads_change_pct":
                    c.time = prev.time
                if m.get("how") == "fallback" or (c.subject is None and m.get("how") != "world"):
                    c.subject = prev.subject
            if c.source is None and lead:
                c.source, inherited = lead, True
            if inherited and c.time is None and c.measure != "nuclear_warheads_change_pct" \
                    and c.source in first_time:
                c.time = first_time[c.source]
            # the author's date is that of its first figure stated to be valid at a date ("as of January 2025"),
            # not a statement day or the publication year
            if c.source and c.time and c.source not in first_time and c.measure != "nuclear_warheads_change_pct" \
                    and not m.get("weak_time"):
                first_time[c.source] = c.time
            prev = c
        for c in claims:
            m = self.meta.get(id(c), {})
            b = m.get("range_to")
            if b is None or not b.time or (c.time not in (None, b.time)):
                continue
            sent = m["sent"]
            for t in self.timexes:
                if sent.start <= t.start < sent.end and t.type == "DURATION":
                    shifted = _shift(b.time, t.value)
                    if shifted:
                        c.time = shifted
                        break

    def _pair_subjects(self, kept: list[_Num], sent: Span) -> dict[int, str]:
        """Subjects given by position: "Ấn Độ vượt Pakistan ..., với 172 so với 170" (a comparison: the
        first number is the first country's), "Nga và Mỹ lần lượt có 4.380 và 3.708 đầu đạn" (in order)."""
        body, lex, att = self.body, self.lex, self.att
        out: dict[int, str] = {}

        def countries(a: int, b: int) -> list[str]:
            seen: list[str] = []
            for m, e in att.mentions_in(a, b):
                if e.type == "COUNTRY" and e.id not in seen:
                    seen.append(e.id)
            return seen

        for a, b in zip(kept, kept[1:]):
            if lex.pair_link.match(body[a.end:b.start]):
                cs = countries(sent.start, a.start)
                if len(cs) >= 2:
                    out[a.start], out[b.start] = cs[-2], cs[-1]
        r = lex.respectively.search(body, sent.start, sent.end)
        if r:
            cs = countries(sent.start, r.start())
            nums = [n for n in kept if n.start >= r.end()]
            if len(cs) >= 2 and len(nums) >= len(cs):
                for c, n in zip(cs, nums):
                    out[n.start] = c
        return out

    def _head_unit(self, n: _Num, sent: Span, limit: int):
        """The unit of a cue named earlier in the sentence whose head noun alone follows the number ("giảm số
        máy ly tâm từ khoảng 19.000 máy": centrifuges), or a bare classifier standing for the last cue named
        before it in the sentence ("số máy ly tâm ..., từ khoảng 19.000 chiếc xuống còn 6.104 chiếc"), as
        `unit_after` gives it, or None."""
        pos = n.end
        while pos < limit and self.body[pos] == " ":
            pos += 1
        h = self.lex.short_head.match(self.unit_body, pos, limit)
        if h is not None:
            head = _key(h.group()) + " "
            named = [m for m in self.lex.unit.finditer(self.unit_body, sent.start, n.start)
                     if _key(m.group()).startswith(head)]
        elif (h := self.lex.classifier.match(self.body, n.end, limit)) is not None and self._bare(n, limit, True):
            named = list(self.lex.unit.finditer(self.unit_body, sent.start, n.start))
            if named and _COUNTED_CUE.search(self.body, max(sent.start, named[-1].start() - 20), named[-1].start()):
                return None  # "30 máy bay ... và Anh 12 chiếc": the noun of a figure, left out (`elided`)
        else:
            return None
        if not named:
            return None
        measure, unit = self.lex.unit_info[_key(named[-1].group())]
        return measure, unit, h.end(), None

    def _shared_unit(self, kept: list[_Num], i: int, sent: Span):
        """The unit noun of a later number of the same list or range ("từ 410 lên khoảng 500 đầu đạn",
        "Mỹ 3.708, Nga 4.380 và Trung Quốc 500 đầu đạn"): (measure, unit, number start) or None."""
        body = self.body
        for j in range(i + 1, min(len(kept), i + 7)):
            gap = body[kept[j - 1].end:kept[j].start]
            for m, _ in reversed(self.att.mentions_in(kept[j - 1].end, kept[j].start)):
                gap = gap[:m.start - kept[j - 1].end] + gap[m.end - kept[j - 1].end:]
            if not _LIST_GAP.match(self._strip_qual(gap)):
                return None
            right_end = kept[j + 1].start if j + 1 < len(kept) else sent.end
            u = self.unit_after(kept[j], right_end)
            if u is not None:
                return u[0], u[1], kept[j].start
        return None

    def _each(self, n: _Num, sent: Span, claim: Claim) -> list[Claim]:
        """Claims for the other countries of "X và Y mỗi nước có 1.550", "X and Y, which each deploy 1,700"."""
        body = self.body
        e = self.lex.each.search(body, max(sent.start, n.start - 40), n.start)
        if e is None or claim.subject is None:
            return []
        # the countries coordinated right before "each" ("Russia and the United States each hold"), not those
        # of an earlier clause
        ids: list[str] = []
        end = e.start()
        for m, ent in reversed(self.att.mentions_in(sent.start, e.start())):
            if ent.type != "COUNTRY":
                continue
            gap = body[m.end:end]
            if (_COORD_GAP.match(gap) is None) if ids else len(gap.split()) > 3:
                break
            if ent.id not in ids:
                ids.append(ent.id)
            end = m.start
        if len(ids) < 2 or claim.subject not in ids:
            return []
        return [claim.model_copy(update={"subject": c}) for c in ids if c != claim.subject]

    def launcher_before(self, pos: int) -> str | None:
        """The country that is the subject of the last launch verb before `pos` ("Triều Tiên đã phóng ...")."""
        body = self.body
        launches = self._launch_verbs(pos)
        last = launches[-1] if launches else None
        if last is None or re.search(r"(?<!\w)(?:được|bị|was|were|been)\s*$", body[max(0, last.start() - 8):last.start()],
                                     re.IGNORECASE):
            return None  # "tên lửa được phóng từ Bình Nhưỡng": a passive names no launcher before it
        sent = self.doc.sentence_of(last.start())
        floor = sent.start if sent else max(0, last.start() - 200)
        for m, e in reversed(self.att.mentions_in(floor, last.start())):
            if e.type == "COUNTRY" and not self.lex.not_subject_tail.search(body[max(floor, m.start - 20):m.start]):
                return e.id
        return None

    def _launch_verbs(self, pos: int) -> list:
        """The launch verbs in the 1500 characters before `pos`, but for a conditional one ("nếu được phóng theo
        quỹ đạo thông thường", "if launched on a standard trajectory": the country before it is an analyst's, not
        the tester) and the tail of a parameter noun ("tầm bắn", range, is no firing)."""
        body, lex = self.body, self.lex
        return [v for v in lex.launch_verb.finditer(body, max(0, pos - 1500), pos)
                if not lex.passive_launch.search(body, max(0, v.start() - 12), v.start())
                and not any(p.start() < v.start() and p.end() >= v.end()
                            for p in lex.param_cue.finditer(body, max(0, v.start() - 20), v.end()))]

    def _last_launch(self, pos: int) -> int:
        launches = self._launch_verbs(pos)
        return launches[-1].start() if launches else -1

    def _last_weapon(self, pos: int) -> int:
        for m, e in reversed(self.att.mentions_in(0, pos)):
            if e.type == "WEAPON" and e.country and e.country in self.att.entities:
                return m.start
        return -1

    def weapon_owner(self, pos: int) -> str | None:
        """The country of the weapon named last before `pos` (a flight time is the missile's)."""
        for m, e in reversed(self.att.mentions_in(0, pos)):
            if e.type == "WEAPON" and e.country and e.country in self.att.entities:
                return e.country
        return None

    def _window(self, sent: Span, cue: int, end: int) -> tuple[int, int]:
        """Up to ~5 words before a unit noun / percent sign, cut at a word start."""
        ws = max(sent.start, cue - _WINDOW)
        if ws > sent.start:
            sp = self.body.find(" ", ws, cue)
            ws = sp + 1 if sp >= 0 else ws
        return ws, end

    def one(self, n: _Num, sent: Span, floor: int, right_end: int, left: str, prev=None, kept=(), i=0,
            pairs=None) -> Claim | None:
        body, lex = self.body, self.lex
        left = left[-100:]  # every cue read from the left stands within a few words of the number
        lq = self._strip_qual(left)  # the left context without the qualifier right before the number
        self.how = "local"
        lq0 = lex.incident_filler_tail.sub("", lq)
        # "phóng 2 tên lửa", "phá hủy tổng cộng 2.692 tên lửa": an event count, not an arsenal (an `other` claim
        # on what was launched or destroyed); "tầm bắn" (range) is a parameter cue, not the verb "bắn"
        change = None  # "increase" / "decrease": the number is a change in a count
        event = lex.incident_tail.search(lq0)
        if event and any(cue.search(lq0) for cue, _, _ in lex.params):
            event = None
        if event and n.is_percent:
            return None
        if lex.designator_tail.search(left):
            return None  # "nghị quyết 1695", "Article 6": a name, not a count
        if n.approximate and not any(ch.isdigit() for ch in n.text):
            return None  # "hàng chục tên lửa", "dozens of missiles": a vague quantity states no figure
        measure, unit, cue_end, nationality = None, None, n.end, None
        casualty, noun_end = None, n.end
        resident = False  # the people counted live in a place named before the number
        elided = None  # the previous claim whose noun this number leaves out
        previous = None  # a previous value of that claim ("from 410 a year earlier"): the match of its period
        value = n.value
        about_arsenal = False  # the number is about an arsenal named before it (growth, bare count)
        state_count = None  # "treaty" / "world": a count of states and whose they are
        param = False
        if n.is_percent:
            after = body[n.end:min(sent.end, n.end + 80)]
            nuc = lex.nuclear.search(after)
            up, down = lex.growth_up_tail.search(lq), lex.growth_down_tail.search(lq)
            # "90% số vũ khí hạt nhân của thế giới", "90 percent of the world's nuclear warheads"
            if nuc and (lex.world.search(after, nuc.end(), min(len(after), nuc.end() + 40))
                        or lex.world.search(after, 0, nuc.start())
                        # "90% of all nuclear weapons", "90% tổng số vũ khí hạt nhân" (not "... của Nga")
                        or (lex.share_all.match(after) and not any(
                            e.type == "COUNTRY" for _, e in self.att.mentions_in(n.end + nuc.end(),
                                                                               min(sent.end, n.end + nuc.end() + 15))))):
                measure = "share_of_world_nuclear_weapons_pct"
            elif lex.share_total.match(after) and self._world_stock_before(sent):
                # "account for about 88% of the total" after "the world's nine nuclear-armed states possess
                # roughly 12,100 warheads": the total is the world's stock named just before
                measure = "share_of_world_nuclear_weapons_pct"
            elif not _WORD_AFTER.match(after) and lex.share_partitive.search(left) and self._world_stock_before(sent):
                # "thế giới có khoảng 13.000 vũ khí hạt nhân, trong đó Mỹ và Nga nắm giữ hơn 90%": the bare
                # percentage (no noun of its own after it) of the world stock counted before the partitive
                measure = "share_of_world_nuclear_weapons_pct"
            elif (pa := lex.percent_after.match(body, n.end + len(after) - len(after.lstrip()),
                                                min(sent.end, n.end + 40))) is not None:
                # "nâng ngân sách quốc phòng lên 2% GDP", "2% of economic output": a share of the economy
                measure, unit = "other", lex.percent_after_unit[_key(pa.group())]
            elif (up or down) and self._arsenal_near(n, sent, lq, up or down):
                measure, about_arsenal = "nuclear_warheads_change_pct", True
                value = -value if down and not up else value
            elif self._percent_cut(n, floor):
                # "cắt giảm khoảng 89% lượng dầu được phép nhập", "cutting its stockpile by about 98 percent"
                measure, unit = "other", lex.percent_cut_unit
                nationality = self._owner_after(n, sent)  # "cắt giảm 89% lượng dầu mà Triều Tiên được nhập"
            elif (fs := self._force_share(n, sent)) is not None:
                # "95 percent of China's ground-based missiles", "90% số tên lửa của Triều Tiên": a share of a
                # country's weapons (an `other` claim about that country)
                measure, unit, nationality = "other", fs[0], fs[1]
            elif (pu := self._percent_unit(n, floor)) is not None:
                # "nâng mức làm giàu lên 60%", "tariffs of 60%": a level measured in percent
                measure, unit = "other", pu
            else:
                return None
        else:
            u = self.unit_after(n, right_end) or self._head_unit(n, sent, right_end)
            pa = self.param_after(n, sent) if u is None else None
            lead = self.lead_time(n, sent) if u is None and pa is None else None
            shared = self._shared_unit(list(kept), i, sent) if u is None and pa is None and kept else None
            if u is not None:
                measure, unit, cue_end, nationality = u
                noun_end = cue_end
                cas = self._casualty(lq, cue_end, right_end)
                if cas is not None:  # "khoảng 140.000 người thiệt mạng", "killing 80 civilians": a casualty count
                    casualty, cue_end = cas
                    unit = f"{unit or measure} {casualty}"
                    measure = "other"
                elif unit == lex.people_unit and (lex.population_before.search(lq)
                                                  or lex.population_after.match(body, cue_end, right_end)):
                    unit, resident = "inhabitants", True  # "Guam, home to 160,000 people": a place's population
                elif unit == lex.people_unit:
                    return None  # "3 người phát ngôn": people counted for no casualty or population
                if measure == "nuclear_warheads" and lex.payload.search(lq) \
                        and self._carrier_before(n, floor):
                    # "Sarmat có thể mang khoảng 10 đầu đạn", "the missile can carry up to 10 warheads": what one
                    # missile carries, not the size of an arsenal
                    measure, unit = "other", "nuclear warheads per missile"
                    param = True  # what a missile carries belongs to the missile's country, like its range
                if lex.not_after.search(body, cue_end, min(right_end, cue_end + 30)):
                    return None  # "2 binh sĩ thiệt mạng": casualties, not a force
                pe = lex.previous_earlier.match(body, cue_end, right_end)  # "410 a year earlier": no rate
                if pe is None and (r := lex.rate_after.match(body, cue_end, right_end)) is not None:
                    # "100 new warheads a year": a rate, not a size (an `other` claim on the count per period)
                    rate = lex.rate_period[_key(r.group())]
                    unit = f"{unit or ('nuclear weapons' if measure.startswith('nuclear') else measure)} {rate}"
                    measure, cue_end = "other", r.end()
                    pe = lex.previous_earlier.match(body, cue_end, right_end)
                pk = self.prev_kind.get(n.is_percent)
                if pe is not None and pk is not None and (pk[0].measure, pk[0].unit) == (measure, unit):
                    # "khoảng 500 đầu đạn ..., tăng từ 410 đầu đạn một năm trước đó": the same count one period before
                    elided, previous = pk[0], pe
                if lex.threshold_after.search(body, cue_end, min(sent.end, cue_end + 50)):
                    clause = max(floor, body.rfind(",", floor, n.start) + 1)
                    if not lex.possession.search(body, clause, n.start):
                        return None  # "42 kg ... đủ để chế tạo một quả bom": a threshold, not a stock
            elif pa is not None:
                measure, unit, cue_end, param = "other", pa[0], pa[1], True
            elif lead is not None:
                measure, unit, cue_end = "other", lead[0], lead[1]
            elif (di := self._distance(n, floor, right_end)) is not None:
                measure, unit, cue_end = "other", di[0], di[1]
            elif (ub := self._unit_before(n, floor)) is not None:
                measure, unit = "other", ub  # "$40 billion", "a magnitude 6.3 earthquake"
            elif shared is not None:
                measure, unit = shared[0], shared[1]
                self.shared_from = shared[2]
            elif self._count_after_arsenal(n, sent.start, right_end):
                # "số đầu đạn của Trung Quốc đã vượt quá 500", "với 172 so với 170"
                measure, about_arsenal = "nuclear_warheads", True
            elif (mu := self._mass_of_material(n, sent.start, right_end)) is not None:
                # "Tổng kho urani làm giàu của Iran ước tính khoảng 9.247,6 kg"
                measure, unit, cue_end = "other", mu[0], mu[1]
            elif (tc := self._count_after_troops(n, sent.start, right_end)) is not None:
                # "số binh sĩ Mỹ tại Đức sẽ giảm từ khoảng 36.000 xuống còn 24.000"
                measure, nationality = "troops", tc or None
            elif (sc := self._state_count(n, right_end)) is not None:
                # "51 quốc gia đã phê chuẩn", "Hiệp ước được 122 quốc gia thông qua", "nine nuclear-armed states"
                measure, unit, state_count = "other", sc[0], sc[1]
            elif (pk := self.prev_kind.get(n.is_percent)) is not None \
                    and lex.previous_from_tail.search(lq) \
                    and len(body[pk[1]:n.start].split()) <= 25 and (
                        self._bare(n, right_end) or lex.previous_earlier.match(body, n.end, right_end)):
                # "grew to about 500 warheads in January, from 410 a year earlier": the same thing before (the
                # last figure of the sentence of the same kind: a count is no previous value of a percentage)
                measure, unit, elided = pk[0].measure, pk[0].unit, pk[0]
                previous = lex.previous_earlier.match(body, n.end, right_end) or True
            elif prev is not None and prev[0].measure in _COUNTS and (
                    self._bare(n, right_end, classifier=True) or self._more_after(n, right_end)) \
                    and (len(body[prev[1]:n.start].split()) <= 20
                         or lex.each.search(body, max(floor, n.start - 40), n.start)):
                # the noun is left out: "500 đầu đạn ... và có thể sẽ có hơn 1.000 vào năm 2030", "tổng cộng
                # 2.692 chiếc", "..., which estimates that Russia and the United States each hold more than 5,000"
                measure = "nuclear_warheads" if prev[0].measure.startswith("nuclear") else prev[0].measure
                unit = prev[0].unit
                elided = prev[0]
            else:
                return None
            # "tăng gần 134 kg so với ba tháng trước", "grew by 60 warheads": a change, not a size (an `other` claim
            # on the change; "tăng lên 500", "tăng từ 410 lên 500" and "increased to 600" are sizes)
            up1, down1 = lex.growth_up_tail.search(lq), lex.growth_down_tail.search(lq)
            if (up1 or down1) and not prev_is_range(body, n):
                change = "increase" if up1 else "decrease"
            # "triển khai thêm 2.000 binh sĩ", "an additional 2,000 troops", "110 more near Hami": an increment, not
            # a size (an `other` claim on what is added)
            if lex.increment_tail.search(lq) or (
                    change is None and self._more_after(n, right_end)):
                change = "additional"
            # "nhiều hơn Pakistan 2 đầu đạn": a difference from a country named right before the number
            near = self.att.mentions_in(max(floor, n.start - 40), n.start)
            if near and near[-1][1].type == "COUNTRY" and not body[near[-1][0].end:n.start].strip() \
                    and lex.diff_before_tail.search(body, max(floor, near[-1][0].start - 20), near[-1][0].start):
                return None
            # "nhiều hơn 60 đầu đạn so với tháng 1 năm ngoái", "60 more warheads than": a difference
            if (lex.diff_before_tail.search(body, max(floor, n.start - 20), n.start)
                    or lex.diff_after_number.match(body, n.end, right_end)) \
                    and lex.diff_comparison.match(body[cue_end:right_end]):
                return None
        src, exclude = self.source(n, sent)
        if previous is not None:
            subject, src = elided.subject, src or elided.source
            self.how = "local"
        elif pairs and n.start in pairs:
            subject = pairs[n.start]
            self.how = "local"
        elif (param or unit in lex.of_test) and (self.weapon_owner(n.start) or self.launcher_before(n.start)):
            # a flight parameter belongs to the weapon's country, else to who launched it; a launch told after
            # the last weapon named ("Bắc Triều Tiên phóng hai tên lửa ... mỗi tên lửa bay khoảng 550 km" after a
            # US submarine) is about another missile
            subject = self.weapon_owner(n.start)
            if subject is None or self._last_launch(n.start) > self._last_weapon(n.start):
                subject = self.launcher_before(n.start) or subject
            self.how = "local"
        elif unit in lex.of_test and not param:
            # a yield or a magnitude with no launch verb near: the country of its clause, unless that country
            # measured it (a verb of estimating or finding follows it: "Các quan chức Mỹ ước tính sức công phá
            # dưới 1 kiloton"); then the tester is the country the article is about
            subject = self.subject(n, sent, cue_end, nationality, exclude, src, about_arsenal)
            last = [m for m, e in self.att.mentions_in(sent.start, n.start) if self._state(e) == subject]
            if subject is None or (last and (self.att.verbs_in(last[-1].end, n.start)
                                             or lex.finder_verb.search(body, last[-1].end, n.start))):
                subject, self.how = self.main_country(n.start), "local"
        elif state_count is not None:
            if state_count == "world":
                subject, self.how = None, "world"
            elif value < _MIN_MEMBERS:
                return None  # "hai nước ký tại Geneva": the parties named, no count of signatories
            else:
                subject, self.how = self._treaty_of(n, sent), "local"
                if subject is None:
                    return None  # states that signed something the article does not name
        elif lex.passive_loss.match(body, cue_end):
            # "Ukraine bắn 6 tên lửa ... 5 tên lửa bị bắn hạ": lost by who fired them, not by who reports it
            subject = self.launcher_before(n.start)
            if subject is None:
                return None
            self.how = "local"
        elif resident:
            subject = self._place_before(n, sent)
            if subject is None:
                return None  # inhabitants of no place named
        elif casualty is not None:
            subject = self._casualty_subject(n, sent, noun_end, nationality, exclude) \
                or self.subject(n, sent, cue_end, nationality, exclude, src, about_arsenal)
        elif unit in lex.of_body:
            if value < _MIN_MEMBERS:
                return None
            subject = self.body_of(n, sent, cue_end)
            self.how = "local"
        else:
            subject = self.subject(n, sent, cue_end, nationality, exclude, src, about_arsenal)
            if subject in self.att.entities and measure in _COUNTS:  # "Lực lượng Mỹ tại Hàn Quốc có 28.500 quân"
                subject = self._state(self.att.entities[subject])
            if elided is not None and self.how == "fallback":
                # "Of the world's 12,241 warheads, about 9,614 were ...": a number that leaves out the noun of
                # the previous claim and names no subject in its clause is about the same whole
                subject = elided.subject
                self.how = self.meta.get(id(elided), {}).get("how", "local")
        qualifier = self.qualifier(n, floor)
        # projection: a cue in the clause before the number, not overridden by "hiện"
        proj = None
        clause = max(floor, body.rfind(",", floor, n.start) + 1, body.rfind(";", floor, n.start) + 1)
        for p in lex.projection.finditer(body, clause, n.start):
            proj = p
        projected = proj is not None and not lex.present.search(body, proj.end(), n.start) \
            and not _PAST_MODAL.match(body, proj.end())  # "may have assembled about 50": a past guess
        # a potential, not a stockpile: "đủ vật liệu phân hạch để chế tạo tới 90 đầu đạn"
        projected = projected or bool(lex.capacity.search(body, max(floor, clause - 60), n.start))
        target, as_of, present = self.times(n, sent, right_end, projected, floor)
        if measure == "nuclear_warheads" and not projected and target is not None:
            # "1.000 đầu đạn trước năm 2030": a deadline after the number in the future is a projection
            ty, ref = _year(_dv(target)), _year(_dv(as_of)) if as_of else self.pub_year
            if ty and ref and ty > ref and self._target_prep(target, sent.start):
                projected = True
        if measure == "nuclear_warheads" and projected:
            measure = "nuclear_warheads_projected"
        time = target_time = None
        if measure == "nuclear_warheads_change_pct":
            time = self.growth_period(n, sent)
        else:
            if measure == "nuclear_warheads_projected" and target is not None:
                target_time = _dv(target)
            elif target is not None:  # the date right after the number, in its clause: "500 vào năm 2023"
                as_of = target
                # "..., the institute said on Monday": the day of a statement, not a date the figure is valid for
                self.weak_time = self._statement_date(target, sent)
            if as_of is not None:
                time = _dv(as_of)
            elif present and self.pub_year:
                time = str(self.pub_year)
        if previous is not None:
            # its own date ("up from three in 2014"), else the figure's time moved back ("a year earlier"), else none
            own = target if target is not None and target.start >= n.end else None
            if own is not None:
                time = _dv(own)
            elif previous is not True:
                time = _shift(elided.time, lex.previous_earlier_dur[_key(previous.group().strip())])
            else:
                time = None
            if measure == "nuclear_warheads_projected":
                measure, target_time = "nuclear_warheads", None
        if change is not None:
            noun = unit or ('nuclear weapons' if measure.startswith('nuclear') else measure)
            unit = f"additional {noun}" if change == "additional" else f"{change} in {noun}"
            measure = "other"
        elif event is not None and measure != "nuclear_warheads_change_pct":
            label = lex.incident_label.get(_key(event.group()), "used")
            unit = f"{unit or ('nuclear weapons' if measure.startswith('nuclear') else measure)} {label}"
            measure = "other"
        if unit is None and measure == "other":
            unit = "items"
        return Claim(subject=subject, measure=measure, value=value, qualifier=qualifier, time=time,
                     target_time=target_time, source=src, unit=unit if measure == "other" else None,
                     evidence=Span(start=sent.start, end=sent.end))

    def _casualty(self, lq: str, noun_end: int, right_end: int) -> tuple[str, int] | None:
        """(label, end) of a casualty count: a casualty word a few words after the noun, past its nationality
        ("12 tù binh Mỹ thiệt mạng", "150 people could die"), or a killing verb right before the number
        ("killing 80 people"); None for any other count. `lq`: the text before the number, qualifier stripped."""
        lex, pos = self.lex, noun_end
        me = self.att.mention_at(pos + len(self.body[pos:right_end]) - len(self.body[pos:right_end].lstrip()))
        if me and me[1].type == "COUNTRY" and me[0].end <= right_end:  # "tù binh Mỹ thiệt mạng"
            pos = me[0].end
        m = lex.casualty_after.match(self.body, pos, right_end)
        if m:
            return lex.casualty_label[_key(m.group(1))], m.end()
        b = lex.casualty_before.search(lq)
        if b:
            return lex.casualty_label[_key(b.group(1))], noun_end
        return None

    def _place_before(self, n: _Num, sent: Span) -> str | None:
        """The place (or country) named last before the number in its sentence, or None."""
        for m, e in reversed(self.att.mentions_in(sent.start, n.start)):
            if e.type in ("COUNTRY",) + _PLACES:
                return e.id
        return None

    def _casualty_subject(self, n: _Num, sent: Span, noun_end: int, nationality: str | None,
                          exclude: set) -> str | None:
        """Whose people a casualty count counts: the nationality of the noun ("12 tù binh Mỹ"), else the place
        or country named last before the count in its sentence (where it happened or who caused it:
        "quả bom ném xuống Hiroshima đã khiến khoảng 140.000 người thiệt mạng" -> Japan); None if none."""
        if nationality:
            return nationality
        att = self.att
        after = att.mentions_in(noun_end, min(sent.end, noun_end + 30))
        if after and after[0][1].type == "COUNTRY" and not self.body[noun_end:after[0][0].start].strip():
            return after[0][1].id
        # within the number's clause: an independent clause joined before it ("Iran shot down a US drone, and
        # Trump said ... 150 people could die") is about something else
        floor = sent.start
        for c in _NEW_CLAUSE.finditer(self.body, sent.start, n.start):
            floor = c.end()
        for m, e in reversed(att.mentions_in(floor, n.start)):
            if (m.start, m.end) in exclude:
                continue
            if e.type == "COUNTRY":
                return e.id
            if e.type in _PLACES and e.country in att.entities and att.entities[e.country].type == "COUNTRY":
                return e.country
        return self.main_country(n.start)  # the country the article is about so far

    def _state_count(self, n: _Num, right_end: int):
        """(unit, "treaty" | "world") of a count of states: a state noun right after the number and a treaty verb
        after it ("51 quốc gia đã phê chuẩn", "86 countries have signed"), or the states that possess nuclear
        weapons ("chín quốc gia được cho là sở hữu vũ khí hạt nhân", "nine nuclear-armed states"), else None."""
        body, lex = self.body, self.lex
        pos = n.end
        a = re.match(r"\s*(?:nuclear-armed\s+)?", body[pos:right_end])
        armed_adj = "nuclear-armed" in a.group().lower()
        m = lex.state_noun.match(body, pos + a.end(), right_end)
        if m is None or n.is_percent or n.value < 2:
            return None
        if armed_adj or lex.nuclear_armed.match(body[m.end():right_end]):
            return "nuclear-armed states", "world"
        v = lex.state_verb.match(body, m.end(), right_end)
        if v is not None:
            return lex.state_verb_label[_key(v.group(1))], "treaty"
        return None

    def _treaty_of(self, n: _Num, sent: Span) -> str | None:
        """The treaty the counted states acted on: the last named in the sentence, else the most named before."""
        ms = [e for _, e in self.att.mentions_in(sent.start, sent.end) if e.type == "TREATY"]
        if ms:
            return ms[-1].id
        counts: dict[str, int] = {}
        for _, e in self.att.mentions_in(0, n.start):
            if e.type == "TREATY":
                counts[e.id] = counts.get(e.id, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _carrier_before(self, n: _Num, floor: int) -> bool:
        """Is the subject of the number's clause a weapon (a WEAPON name or a missile / bomber noun)?"""
        clause = max(floor, self.body.rfind(",", floor, n.start) + 1, self.body.rfind(";", floor, n.start) + 1)
        if any(e.type == "WEAPON" for _, e in self.att.mentions_in(clause, n.start)):
            return True
        return bool(self.lex.carrier.search(self.body, clause, n.start))

    def _unit_before(self, n: _Num, floor: int) -> str | None:
        """The unit written right before the number ("$40 billion", "US$ 5 million", "magnitude 6.3"), or None."""
        if self.lex.unit_before is None:
            return None
        m = self.lex.unit_before.search(self.body, max(floor, n.start - 12), n.start)
        return self.lex.unit_before_info.get("".join(m.group().lower().split())) if m else None

    def _force_share(self, n: _Num, sent: Span) -> tuple[str, str] | None:
        """(unit, country id) of a percentage of a country's weapons: "N% of <country>'s ... <weapon noun>"
        or "N% (số) <weapon noun> ... của <country>", the noun within a few words; else None."""
        body, att, lex = self.body, self.att, self.lex
        end = min(sent.end, n.end + 60)
        m = _OF_POSSESSOR.match(body, n.end, end)
        if m is not None:  # English: "of China's ... missiles"
            me = att.mention_at(m.end())
            if me and me[1].type == "COUNTRY" and (pos := re.match(r"['’]s\s", body[me[0].end:me[0].end + 3])):
                w = lex.weapon_noun.search(body, me[0].end + pos.end(), min(end, me[0].end + pos.end() + 40))
                if w and len(body[me[0].end:w.start()].split()) <= 4:
                    return f"% of {w.group().lower()}", self._state(me[1])
            return None
        m = _SHARE_OF_VI.match(body, n.end, end)
        if m is not None:  # Vietnamese: "90% (số) tên lửa ... của Trung Quốc"
            w = lex.weapon_noun.match(body, m.end(), end)
            if w is None:
                return None
            for me, e in att.mentions_in(w.end(), end):
                gap = body[w.end():me.start]
                if e.type == "COUNTRY" and re.search(r"(?<!\w)của\s+$", gap) and len(gap.split()) <= 6:
                    return f"% of {w.group().lower()}", self._state(e)
                break
        return None

    def _percent_unit(self, n: _Num, floor: int) -> str | None:
        """The unit of a percentage whose measure noun stands a few words before it in its clause ("uranium
        được làm giàu tới 60%", "tariffs of 60%"), or None."""
        body = self.body
        a = max(floor, body.rfind(",", floor, n.start) + 1, n.start - 40)
        last = self._cue_before(self.lex.percent_cue, n, a, 4)
        if last is None:
            return None
        # "408,6 kg urani làm giàu ở mức 60%", "uranium enriched to 60% purity": the level of a stock is a claim
        # of its own; the level of a threshold ("42 kg urani làm giàu 60% đủ để chế tạo một quả bom") is not
        if self.lex.threshold_after.search(body, n.end, min(len(body), n.end + 50)) \
                and not self.lex.possession.search(body, a, n.start):
            return None
        return self.lex.percent_unit[_key(last.group())]

    def _cue_before(self, matcher, n: _Num, start: int, max_words: int) -> re.Match | None:
        """The last cue of `matcher` between `start` and the number, at most `max_words` words before it."""
        last = None
        for c in matcher.finditer(self.body, start, n.start):
            last = c
        return last if last is not None and len(self.body[last.end():n.start].split()) <= max_words else None

    def _owner_after(self, n: _Num, sent: Span) -> str | None:
        """The country named in the object after a percentage, before the next comma ("cắt giảm 89% lượng dầu
        mà Triều Tiên được phép nhập": whose quantity is cut), or None."""
        end = self.body.find(",", n.end, sent.end)
        for _, e in self.att.mentions_in(n.end, min(sent.end if end < 0 else end, n.end + 60)):
            if e.type == "COUNTRY":
                return e.id
        return None

    def _percent_cut(self, n: _Num, floor: int) -> bool:
        """Is the percentage how much something is cut ("cắt giảm khoảng 89% lượng dầu", "cutting its stockpile
        by about 98 percent")? A verb of cutting stands a few words before it in its clause."""
        a = max(floor, self.body.rfind(",", floor, n.start) + 1, n.start - 60)
        return self._cue_before(self.lex.percent_cut, n, a, 5) is not None

    def _arsenal_near(self, n: _Num, sent: Span, lq: str, verb: re.Match) -> bool:
        """Is the growth about an arsenal? "kho vũ khí hạt nhân của X đã tăng 20%" (the arsenal noun within
        a few words before the verb) or "tăng 20% số đầu đạn" (right after the percentage)."""
        lex = self.lex
        last = None
        for a in lex.arsenal.finditer(lq):
            last = a
        if last is not None and len(lq[last.end():verb.start()].split()) <= 8 and ";" not in lq[last.end():]:
            return True
        a = lex.arsenal.search(self.body, n.end, min(sent.end, n.end + 30))
        return bool(a and len(self.body[n.end:a.start()].split()) <= 2)

    def _count_after_arsenal(self, n: _Num, floor: int, right_end: int) -> bool:
        """A bare number closing a clause about an arsenal: "số đầu đạn của Trung Quốc đã vượt quá 500."."""
        body = self.body
        last = None
        for a in self.lex.arsenal_counts.finditer(body, floor, n.start):
            last = a
        if last is None or len(body[last.end():n.start].split()) > 14 or ";" in body[last.end():n.start]:
            return False
        # another counted noun in between owns the number ("số đầu đạn của 9 quốc gia ... là 12.121" is fine,
        # "số đầu đạn ... 300 hầm phóng ... 50" is not)
        if self.lex.candidate.search(body, last.end(), n.start) and not self.lex.arsenal.search(body, last.end(), n.start):
            return False
        return self._bare(n, right_end)

    def _mass_of_material(self, n: _Num, floor: int, right_end: int):
        """(unit, end of the mass word) of "<material> ... 9.247,6 kg", or None."""
        m = self.lex.mass_after.match(self.unit_body, n.end, right_end)
        if m is None:
            return None
        last = None
        for a in self.lex.material.finditer(self.body, max(floor, n.start - 100), n.start):
            last = a
        if last is None:
            last = self._material_by_anaphor(n, floor)
            if last is not None:
                return self.lex.material_unit.get(_key(last.group()), "kg"), m.end()
        if last is None or ";" in self.body[last.end():n.start]:
            return None
        return self.lex.material_unit.get(_key(last.group()), "kg"), m.end()

    def _material_by_anaphor(self, n: _Num, floor: int):
        """"The report estimated the stock at 128.3 kg" after a sentence about Iran's stockpile of enriched
        uranium: a stock anaphor in the clause takes the material named in the sentence before (the material
        match, or None)."""
        body = self.body
        if not self.lex.material_anaphor.search(body, max(floor, n.start - 60), n.start):
            return None
        sent = self.doc.sentence_of(n.start)
        prev = self.att.sentence_before(sent.start) if sent else None
        if prev is None:
            return None
        last = None
        for a in self.lex.material.finditer(body, prev.start, prev.end):
            last = a
        return last

    def _count_after_troops(self, n: _Num, floor: int, right_end: int) -> str | None:
        """A bare number after a troop-count noun in its clause: "" or the nationality right after the noun
        ("số binh sĩ Mỹ"); None when the number is not such a count."""
        body = self.body
        last = None
        for a in self.lex.troop_counts.finditer(body, floor, n.start):
            last = a
        if last is None or len(body[last.end():n.start].split()) > 14 or ";" in body[last.end():n.start]:
            return None
        if self.lex.candidate.search(body, last.end(), n.start) or not self._bare(n, right_end):
            return None
        me = self.att.mention_at(last.end() + 1) or self.att.mention_at(last.end())
        if me and me[1].type == "COUNTRY" and not body[last.end():me[0].start].strip():
            return me[1].id
        return ""

    def _bare(self, n: _Num, right_end: int, classifier: bool = False) -> bool:
        """Is the number not followed by a noun of its own ("... 500.", "... 500 vào năm 2023")? With
        `classifier`, a classifier alone after it ("tổng cộng 2.692 chiếc.") leaves the noun out too."""
        end = n.end
        if classifier:
            c = self.lex.classifier.match(self.body, n.end, right_end)
            end = c.end() if c else end
        nxt = re.match(r"\s*([^\W\d_]+|[^\w\s]|$)", self.body[end:right_end + 1])
        word = (nxt.group(1) if nxt else "").lower()
        return word in _AFTER_BARE or (word != "" and not word[0].isalnum() and word not in "%/-+") \
            or self._country_after(end, right_end) or (nxt is not None and self._timex_at(end + nxt.start(1)))

    def _timex_at(self, pos: int) -> bool:
        """Does a time expression start at `pos` ("... was 350 four years ago", "... 350 last year")? One opening
        on a calendar noun counts the number ("hai năm 2016 và 2017": two years) and is no time of the figure."""
        i = bisect.bisect_left(self._timex_starts, pos)
        return i < len(self._timex_starts) and self._timex_starts[i] == pos and not _CALENDAR_NOUN.match(self.body, pos)

    def _country_after(self, end: int, right_end: int) -> bool:
        """Does a country follow as whose the figure is ("... 5,550 for the US and 5,580 for Russia")?"""
        m = self.lex.subject_after.match(self.body, end, right_end)
        if m is None:
            return False
        after = self.att.mentions_in(m.end(), right_end)
        return bool(after) and after[0][0].start == m.end() and after[0][1].type == "COUNTRY" \
            and not re.match(r"['’]s\b", self.body[after[0][0].end:after[0][0].end + 3])  # "for Russia's help"

    def _more_after(self, n: _Num, right_end: int) -> bool:
        """Is the number followed by "more" / "additional" with no comparison after it ("roughly 110 more near
        Hami", "deploy 40 more warheads")? An increment ("100 more than a year earlier" is a difference)."""
        return self.lex.diff_after_number.match(self.body, n.end, right_end) is not None \
            and not self.lex.diff_comparison.match(self.body[n.end:right_end])

    def _strip_qual(self, left: str) -> str:
        m = self.lex.qual_tail.search(left, max(0, len(left) - 40))
        return (left[:m.start()] if m else left).rstrip()

    def _target_prep(self, t: Timex, floor: int) -> bool:
        """Is the timex introduced by a target preposition ("trước năm 2030", "by 2030")?"""
        # "trước năm 2030" inside or before the timex, or a preposition right before any date
        # expression ("vào cuối thập niên này", "by the end of the decade")
        return bool(self.lex.target_prep_year.search(self.body[max(floor, t.start - 15):t.end])
                    or self.lex.target_prep_tail.search(self.body[max(floor, t.start - 15):t.start]))


def extract_claims(doc: Document) -> Document:
    doc.claims = _ClaimExtractor(doc).run() if doc.body else []
    return doc
