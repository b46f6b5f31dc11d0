"""The temporal tagger: normalization of single expressions (vi + en), spans in running text,
false friends that are not time expressions, year choice from tense cues, and recall of the
dev-gold timexes on the seeds through the whole pipeline."""
from __future__ import annotations

import json
import unicodedata
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armswatch.extract.timex import (document_anchor, extract_timexes, find_timexes, infer_anchor, normalize,
                                     to_partial_date)
from armswatch.pipeline import process_text

from conftest import GOLD_DIR, SEEDS

A22 = datetime(2022, 11, 2)            # seed 000's publication date
A21 = datetime(2021, 7, 24, 17, 18)    # seed 003's
A24 = datetime(2024, 7, 24)

# (text, anchor, type, value): value may be a tuple of accepted alternatives
VI_CASES = [
    ("hôm 2/11", A22, "DATE", "2022-11-02"),
    ("ngày 23/7", A21, "DATE", "2021-07-23"),
    ("Ngày 23/7", None, "DATE", "XXXX-07-23"),
    ("vào ngày 28/7", A21, "DATE", "2021-07-28"),
    ("hồi tháng 3", A24, "DATE", "2024-03"),
    ("hồi tháng 3", None, "DATE", "XXXX-03"),
    ("tháng 10/2023", None, "DATE", "2023-10"),
    ("tháng 11 năm 2023", A22, "DATE", "2023-11"),
    ("hồi tháng trước", A22, "DATE", "2022-10"),
    ("tháng trước", None, "DATE", "XXXX-XX"),
    ("hồi năm ngoái", A22, "DATE", "2021"),
    ("năm nay", A22, "DATE", "2022"),
    ("năm tới", A22, "DATE", "2023"),
    ("cuối tuần trước", datetime(2023, 10, 31), "DATE", "2023-W43-WE"),
    ("cuối tuần trước", None, "DATE", "XXXX-WXX-WE"),
    ("tuần tới", A22, "DATE", "2022-W45"),
    ("tuần trước", A22, "DATE", "2022-W43"),
    ("hôm qua", A22, "DATE", "2022-11-01"),
    ("hôm nay", A22, "DATE", "2022-11-02"),
    ("ngày mai", A21, "DATE", "2021-07-25"),
    ("trong những ngày tới", None, "DATE", "FUTURE_REF"),
    ("trong những tháng gần đây", None, "DATE", "PAST_REF"),
    ("những năm qua", None, "DATE", "PAST_REF"),
    ("trước năm 2030", A22, "DATE", "2030"),
    ("Năm 2021", None, "DATE", "2021"),
    ("năm 1951", None, "DATE", "1951"),
    ("hồi năm 2020", A21, "DATE", "2020"),
    ("đến 2030.", None, "DATE", "2030"),
    ("60 năm", A22, "DURATION", "P60Y"),
    ("cách đây 60 năm", A22, "DATE", "1962"),
    ("cách đây 60 năm", None, "DURATION", "P60Y"),
    ("2 thập niên", None, "DURATION", ("P2DE", "P20Y")),
    ("hai thập kỷ", None, "DURATION", "P2DE"),
    ("hàng chục năm", None, "DURATION", ("PXDE", "PXY")),
    ("trong nhiều thập kỷ tới", None, "DURATION", ("PXDE", "FUTURE_REF")),
    ("trong thập kỷ qua", None, "DURATION", "P1DE"),
    ("2 ngày", None, "DURATION", "P2D"),
    ("sau 5 năm", None, "DURATION", "P5Y"),
    ("mười năm", None, "DURATION", "P10Y"),
    ("hai mươi năm", None, "DURATION", "P20Y"),
    ("năm năm", None, "DURATION", "P5Y"),
    ("nửa thế kỷ", None, "DURATION", "P50Y"),
    ("1,5 năm", None, "DURATION", "P18M"),
    ("vài ngày", None, "DURATION", "PXD"),
    ("hàng tháng trời", None, "DURATION", "PXM"),
    ("trong 5 năm tới", None, "DURATION", "P5Y"),
    ("khoảng 86 phút", None, "DURATION", "PT86M"),
    ("2 tiếng", None, "DURATION", "PT2H"),
    ("Một tuần sau", A22, "DURATION", "P1W"),
    ("3 ngày trước", A22, "DATE", "2022-10-30"),
    ("tuần sau nữa", A22, "DATE", "2022-W46"),          # the week after next
    ("năm sau nữa", A22, "DATE", "2024"),
    ("Hai năm trước,", A22, "DATE", "2020"),
    ("2 tuần nữa", A22, "DATE", "2022-W46"),
    ("3 phút trước", A21, "DURATION", "PT3M"),          # minutes/hours before the moment of speaking
    ("bốn giờ trước", A22, "DURATION", "PT4H"),
    ("đầu tháng 6/2021", None, "DATE", "2021-06"),
    ("hồi đầu tháng 2", A21, "DATE", "2021-02"),
    ("giữa tháng 6", A21, "DATE", "2021-06"),
    ("cuối tháng này", A21, "DATE", "2021-07"),
    ("vào tháng 3/2025", None, "DATE", "2025-03"),
    ("tháng 12 năm ngoái", A24, "DATE", "2023-12"),
    ("ngày 5/2 năm nay", datetime(2021, 2, 4), "DATE", "2021-02-05"),
    ("ngày 2 tháng 11 năm 2022", None, "DATE", "2022-11-02"),
    ("Thứ bảy, ngày 24/07/2021", None, "DATE", "2021-07-24"),
    ("02/11/2022", None, "DATE", "2022-11-02"),
    ("24-7-2021", None, "DATE", "2021-07-24"),
    ("2021-07-24", None, "DATE", "2021-07-24"),
    ("17:18 GMT+7", A21, "TIME", "2021-07-24T17:18+07:00"),
    ("lúc 9 giờ sáng", A22, "TIME", "2022-11-02T09:00"),
    ("lúc 14h30", None, "TIME", "T14:30"),
    ("buổi sáng", None, "TIME", "TMO"),
    ("sáng nay", A22, "TIME", "2022-11-02TMO"),
    ("tối qua", A22, "TIME", "2022-11-01TEV"),
    ("tháng Mười Hai", A22, "DATE", "2022-12"),
    ("tháng Giêng", None, "DATE", "XXXX-01"),
    ("hôm thứ Hai", A22, "DATE", "2022-10-31"),
    ("vào thứ Sáu tuần tới", A22, "DATE", "2022-11-11"),
    ("thế kỷ 21", None, "DATE", "20"),
    ("thế kỷ XX", None, "DATE", "19"),
    ("thập niên 1990", None, "DATE", "199"),
    ("những năm 90", None, "DATE", "199"),
    ("quý 3/2023", None, "DATE", "2023-Q3"),
    ("mùa hè năm 2023", None, "DATE", "2023-SU"),
    ("mùa thu tới", datetime(2023, 11, 7), "DATE", "2024-FA"),
    ("năm tài khóa 2024", None, "DATE", "2024"),
    ("hàng năm", None, "SET", "P1Y"),
    ("mỗi tuần", None, "SET", "P1W"),
    ("hiện nay", None, "DATE", "PRESENT_REF"),
    ("Hiện tại", None, "DATE", "PRESENT_REF"),
    ("Giờ đây", None, "DATE", "PRESENT_REF"),
    ("lâu nay", None, "DATE", "PAST_REF"),
    ("trước đây", None, "DATE", "PAST_REF"),
    ("Trước đó", None, "DATE", "PAST_REF"),
    ("kể từ đó", None, "DATE", "PAST_REF"),
    ("trong tương lai", None, "DATE", "FUTURE_REF"),
    ("thời gian tới", None, "DATE", "FUTURE_REF"),
]

EN_CASES = [
    ("on July 28", A21, "DATE", "2021-07-28"),
    ("July 28, 2021", None, "DATE", "2021-07-28"),
    ("28 July 2021", None, "DATE", "2021-07-28"),
    ("Sept. 11, 2001", None, "DATE", "2001-09-11"),
    ("Oct. 30", None, "DATE", "XXXX-10-30"),
    ("in March 2024", None, "DATE", "2024-03"),
    ("December 2023", None, "DATE", "2023-12"),
    ("in March", A24, "DATE", "2024-03"),
    ("in May", A24, "DATE", "2024-05"),
    ("last month", A24, "DATE", "2024-06"),
    ("next week", A24, "DATE", "2024-W31"),
    ("last year", A24, "DATE", "2023"),
    ("earlier this year", A24, "DATE", "2024"),
    ("yesterday", A24, "DATE", "2024-07-23"),
    ("tomorrow", A24, "DATE", "2024-07-25"),
    ("by 2030", None, "DATE", "2030"),
    ("since 2019", None, "DATE", "2019"),
    ("mid-2023", None, "DATE", "2023"),
    ("the end of 2025", None, "DATE", "2025"),
    ("the 1990s", None, "DATE", "199"),
    ("the 21st century", None, "DATE", "20"),
    ("in the third quarter of 2023", None, "DATE", "2023-Q3"),
    ("2021-07-24", None, "DATE", "2021-07-24"),
    ("Saturday", A24, "DATE", "2024-07-20"),
    ("next Monday", A24, "DATE", "2024-07-29"),
    ("Saturday", None, "DATE", "XXXX-WXX-6"),
    ("five years ago", A24, "DATE", "2019"),
    ("the turn of the decade", A24, "DATE", "202"),
    ("by year's end", A24, "DATE", "2024"),
    ("three hours ago", A24, "DURATION", "PT3H"),        # hours before the moment of speaking: counted
    ("two decades", None, "DURATION", "P2DE"),
    ("a decade", None, "DURATION", "P1DE"),
    ("for decades", None, "DURATION", "PXDE"),
    ("over the past five years", None, "DURATION", "P5Y"),
    ("the past decade", None, "DURATION", "P1DE"),
    ("a 60-year-old treaty", None, "DURATION", "P60Y"),
    ("half a century", None, "DURATION", "P50Y"),
    ("two days later", None, "DURATION", "P2D"),
    ("in recent months", None, "DATE", "PAST_REF"),
    ("in the coming days", None, "DATE", "FUTURE_REF"),
    ("currently", None, "DATE", "PRESENT_REF"),
    ("in the future", None, "DATE", "FUTURE_REF"),
    ("17:18 GMT", A24, "TIME", "2024-07-24T17:18Z"),
    ("5 p.m.", None, "TIME", "T17:00"),
    ("this morning", A24, "TIME", "2024-07-24TMO"),
    ("spring 2024", None, "DATE", "2024-SP"),
    ("last winter", datetime(2023, 11, 7), "DATE", "2022-WI"),
    ("every year", None, "SET", "P1Y"),
    ("annually", None, "SET", "P1Y"),
]


def _ok(got, typ, value):
    accepted = value if isinstance(value, tuple) else (value,)
    return got is not None and got[1] in accepted and got[0] == typ


@pytest.mark.parametrize("text,anchor,typ,value", VI_CASES, ids=[c[0] for c in VI_CASES])
def test_normalize_vi(text, anchor, typ, value):
    got = normalize(text, anchor, "vi")
    assert _ok(got, typ, value), got


@pytest.mark.parametrize("text,anchor,typ,value", EN_CASES, ids=[c[0] for c in EN_CASES])
def test_normalize_en(text, anchor, typ, value):
    got = normalize(text, anchor, "en")
    assert _ok(got, typ, value), got


# Not time expressions (false friends from the seeds and the corpus).
VI_NEGATIVE = [
    "Kênh 2", "Track Two", "những cuộc đàm phán 2+2 lịch sử", "hội nghị G7", "đại dịch COVID-19",
    "1.000 đầu đạn", "hơn 20%", "tên lửa Hwasong-18", "năm người", "thắng lợi", "Lầu Năm Góc cho biết",
    "thực hiện", "thể hiện sự minh bạch", "xuất hiện", "sự hiện diện tên lửa", "ngày càng tăng",
    "lần thứ hai", "Thứ hai, Trung Quốc không muốn", "những năm tháng ấy", "2/3 số đại biểu", "tỷ số 2:1",
    "đầu đạn hạt nhân", "máy bay F-35", "hệ thống S-400", "từ đó giúp giảm căng thẳng", "hai tiếng nổ lớn",
    "tàu tuần tra", "nhằm hiện đại hóa quân đội", "năm cường quốc hạt nhân", "Mùa xuân Ả Rập",
]
EN_NEGATIVE = [
    "May I ask", "2000 warheads", "Track Two", "the G7 summit", "COVID-19", "1,000 warheads",
    "more than 20%", "a second round", "one of them", "a quarter of the world's", "the march of history",
    "2+2 talks", "Jan Smith said", "the Arab Spring", "Spring Offensive", "at Mar-a-Lago",
]


@pytest.mark.parametrize("text", VI_NEGATIVE)
def test_not_a_timex_vi(text):
    assert find_timexes(text, A22, "vi") == []


@pytest.mark.parametrize("text", EN_NEGATIVE)
def test_not_a_timex_en(text):
    assert find_timexes(text, A24, "en") == []


def test_spans_in_running_text():
    text = ("Lầu Năm Góc ước tính kho vũ khí hạt nhân của Bắc Kinh đã tăng hơn 20% từ năm 2021 đến năm 2023, "
            "họ nói vào tháng 10/2023 rằng Trung Quốc có thể sở hữu 1.000 đầu đạn trước năm 2030.")
    got = [(t.text, t.value) for t in find_timexes(text, None)]
    assert got == [("năm 2021", "2021"), ("năm 2023", "2023"), ("tháng 10/2023", "2023-10"), ("năm 2030", "2030")]


def test_dateline_time_and_date_are_separate():
    text = "Quỳnh Chi (T/h)-Thứ bảy, ngày 24/07/2021 17:18 GMT+7"
    got = [(t.text, t.type, t.value) for t in find_timexes(text, None)]
    assert got == [("Thứ bảy, ngày 24/07/2021", "DATE", "2021-07-24"),
                   ("17:18 GMT+7", "TIME", "2021-07-24T17:18+07:00")]


def test_hien_only_as_adverb():
    text = "Hiện Bộ Ngoại giao Mỹ chưa bình luận. Mỹ hiện có khoảng 5.200 vũ khí, nhưng sự hiện diện đó..."
    got = [(t.text, t.value) for t in find_timexes(text, None)]
    assert got == [("Hiện", "PRESENT_REF"), ("hiện", "PRESENT_REF")]


def test_n_units_before_a_noun_is_a_duration_not_ago():
    got = [(t.text, t.value) for t in find_timexes("chưa đầy hai tuần trước cuộc gặp dự kiến", A22)]
    assert got == [("hai tuần", "P2W")]


@pytest.mark.parametrize("sentence,anchor,value", [
    # a strong past cue moves a month after the anchor to the year before
    ("Ông Putin đã ký luật hồi tháng 12.", datetime(2023, 2, 22), "2022-12"),
    # no cue: a month far ahead of the anchor is last year's
    ("Tháng 11, Moskva hoãn vòng đàm phán.", datetime(2023, 2, 22), "2022-11"),
    # a future cue moves a month before the anchor to the next year
    ("Hai bên sẽ gặp lại vào tháng 2.", datetime(2023, 11, 7), "2024-02"),
    ("Hai bên sẽ gặp lại vào tháng 12.", datetime(2023, 11, 7), "2023-12"),
    ("Cuộc gặp dự kiến vào ngày 28/7.", A21, "2021-07-28"),
    ("Bộ Ngoại giao Mỹ thông báo hôm 16/6.", A21, "2021-06-16"),
    ("tháng 3 tới", A22, "2023-03"),
])
def test_year_choice_from_tense(sentence, anchor, value):
    got = [t.value for t in find_timexes(sentence, anchor) if t.type == "DATE"]
    assert got == [value]


def test_infer_anchor_from_dateline():
    assert infer_anchor(["02/11/2022", "Bất chấp bài học ..."]) == datetime(2022, 11, 2)
    assert infer_anchor(["Quỳnh Chi (T/h)-Thứ bảy, ngày 24/07/2021 17:18 GMT+7"]) == datetime(2021, 7, 24)
    long_sentence = "Hiệp ước ký ngày 8/12/1987 giữa Mỹ và Liên Xô đã cấm toàn bộ tên lửa tầm trung và tầm ngắn phóng từ mặt đất của hai nước."
    assert infer_anchor([long_sentence]) is None


def test_infer_anchor_from_dateline_opening_the_lead():
    lead = ("Hà Nội, ngày 15/3/2024 - Theo Reuters, Triều Tiên hôm thứ Năm (14/3) đã phóng một loạt "
            "tên lửa đạn đạo tầm ngắn ra biển.")
    assert infer_anchor([lead]) == datetime(2024, 3, 15)
    got = [(t.text, t.value) for t in find_timexes(lead, infer_anchor([lead]))]
    assert got == [("ngày 15/3/2024", "2024-03-15"), ("thứ Năm (14/3)", "2024-03-14")]


@pytest.mark.parametrize("text,expected", [
    ("ngày 26-28/10", [("ngày 26", "2023-10-26"), ("28/10", "2023-10-28")]),
    ("từ ngày 26/10 đến 28/10", [("ngày 26/10", "2023-10-26"), ("28/10", "2023-10-28")]),
    ("ngày 28 và 29/7", [("ngày 28", "2023-07-28"), ("29/7", "2023-07-29")]),
    ("từ ngày 30/12/2023 đến ngày 2/1/2024", [("ngày 30/12/2023", "2023-12-30"), ("ngày 2/1/2024", "2024-01-02")]),
    ("giai đoạn 2021-2025, Nga", [("2021", "2021"), ("2025", "2025")]),
    ("từ năm 2021 đến năm 2023", [("năm 2021", "2021"), ("năm 2023", "2023")]),
])
def test_ranges_are_two_dates(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, datetime(2023, 11, 1))] == expected


def test_anaphoric_same_day_is_left_out():
    # "cùng ngày" refers to an event's day, not to the last date written: resolving it by position
    # was wrong on held-out text ("cùng ngày" after an expiry date), so it is not tagged
    text = "Hiệp ước có hiệu lực đến ngày 5/2/2026. Trong một tuyên bố cùng ngày, ông Blinken nói."
    assert [t.text for t in find_timexes(text, datetime(2021, 2, 4))] == ["ngày 5/2/2026"]


def test_clock_takes_the_date_next_to_it():
    got = [(t.text, t.value) for t in find_timexes("vào lúc 17h ngày 30/10, hai bên", datetime(2023, 11, 1))]
    assert got == [("17h", "2023-10-30T17:00"), ("ngày 30/10", "2023-10-30")]


def test_extract_timexes_uses_published_and_keeps_offsets():
    doc = process_text("Các quan chức Mỹ cho biết hôm 2/11, sau khi ông Tập hồi tháng trước báo hiệu điều đó.",
                       published="2022-11-02")
    assert document_anchor(doc) == datetime(2022, 11, 2)
    extract_timexes(doc)
    assert [(t.text, t.value) for t in doc.timexes] == [("hôm 2/11", "2022-11-02"), ("hồi tháng trước", "2022-10")]
    for t in doc.timexes:
        assert doc.body[t.start:t.end] == t.text


def test_english_article_sentence():
    text = ("U.S. and Russian officials met in Geneva on Wednesday, a month after the June 16 summit. "
            "The treaty, extended in February for five years, now runs until Feb. 5, 2026.")
    got = [(t.text, t.value) for t in find_timexes(text, datetime(2021, 7, 28), "en")]
    assert ("on Wednesday", "2021-07-28") in got
    assert ("June 16", "2021-06-16") in got
    assert ("February", "2021-02") in got
    assert ("five years", "P5Y") in got
    assert ("Feb. 5, 2026", "2026-02-05") in got


@pytest.mark.parametrize("value,partial", [
    ("2022-11-02", "2022-11-02"), ("2023-10", "2023-10"), ("2030", "2030"), ("XXXX-10-30", "XXXX-10-30"),
    ("2021-07-24T17:18+07:00", "2021-07-24"), ("2022-11-02TMO", "2022-11-02"), ("2023-W43-WE", "2023-10"),
    ("2022-W44", "2022-11"), ("2023-Q3", "2023"), ("XXXX-WXX-WE", None), ("P60Y", None), ("PAST_REF", None),
    ("199", None), ("TMO", None), ("XXXX", None), ("T17:18", None),
])
def test_to_partial_date(value, partial):
    assert to_partial_date(value) == partial


_FUZZ_WORDS = ("hôm ngày tháng năm tuần thập niên kỷ thế quý giờ phút hồi đầu cuối giữa trước sau tới qua nay "
               "ngoái hiện lâu trong những các nhiều hàng chục trăm hai mười mươi lăm một thứ Hai Bảy "
               "cách đây nữa vào lúc sáng tối GMT+7 2/11 24/07/2021 17:18 2030 1.000 60 5 ( ) , . - / : "
               "on in last next May March Oct. Saturday ago years decades the of 1990s").split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FUZZ_WORDS), max_size=25), st.sampled_from(["vi", "en"]),
       st.sampled_from([None, A22, A21]))
def test_fuzz_never_crashes_and_spans_are_consistent(words, lang, anchor):
    text = " ".join(words)
    found = find_timexes(text, anchor, lang)
    last = -1
    for t in found:
        assert text[t.start:t.end] == t.text and t.start >= last and t.end > t.start
        last = t.end


# ---------------------------------------------------------------- dev gold through the pipeline

def _norm(s):
    import re
    s = unicodedata.normalize("NFD", str(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def _match(sys_t, gold_t):
    if sys_t.value not in [str(v) for v in gold_t["value"]]:
        return False
    a, b = _norm(sys_t.text), _norm(gold_t["text"])
    return bool(a and b and (a in b or b in a))


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
def test_seed_gold_timex_recall(seed_docs):
    tp = fn = fp = 0
    for stem, doc in seed_docs.items():
        gold = json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))["timexes"]
        used = set()
        matched_sys = set()
        for gi, g in sorted(enumerate(gold), key=lambda x: bool(x[1].get("optional"))):
            for si, t in enumerate(doc.timexes):
                if si not in matched_sys and _match(t, g):
                    matched_sys.add(si)
                    used.add(gi)
                    break
        req = [i for i, g in enumerate(gold) if not g.get("optional")]
        tp += sum(1 for i in req if i in used)
        fn += sum(1 for i in req if i not in used)
        fp += len(doc.timexes) - len(matched_sys)
    recall = tp / (tp + fn)
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"seed timexes: P={precision:.3f} R={recall:.3f} (tp={tp} fp={fp} fn={fn})")
    assert recall >= 0.9


def test_timex_and_numbers_lexicons_match_their_schemas():
    from armswatch.lexicon import SCHEMA_DIR, validate_all

    assert (SCHEMA_DIR / "lexicon.timex.schema.json").exists()
    assert (SCHEMA_DIR / "lexicon.numbers.schema.json").exists()
    assert [e for e in validate_all() if e.startswith(("timex.yaml", "numbers.yaml"))] == []


def test_toi_after_a_date_is_next_unless_a_place_follows():
    from armswatch.pipeline import process_text

    d = process_text("Ông Lavrov hôm 19/6 tới Bắc Kinh. Vòng đàm phán tiếp theo dự kiến vào ngày 5/3 tới.",
                     published="2024-06-20")
    assert [(t.text, t.value) for t in d.timexes] == [("hôm 19/6", "2024-06-19"), ("ngày 5/3", "2025-03-05")]


@pytest.mark.parametrize("sentence,value", [
    # the news present of a schedule points a weekday forward ...
    ("Biden travels on Sunday to Brazil for the G20 summit.", "2024-11-17"),
    ("The delegation heads on Monday to Geneva.", "2024-11-18"),
    # ... a past verb or no verb of schedule, back
    ("Biden met Xi on Saturday in Lima.", "2024-11-16"),
    ("The talks ended on Thursday.", "2024-11-14"),
])
def test_weekday_direction_from_the_verb(sentence, value):
    got = [t.value for t in find_timexes(sentence, datetime(2024, 11, 16), "en") if t.type == "DATE"]
    assert got == [value]


@pytest.mark.parametrize("sentence,value", [
    # the past verb that governs the date makes a month after the page's date last year's, across commas
    ("Biden and Xi last met in Woodside, California, in November.", "2023-11"),
    ("The two ministers spoke by phone on December 3.", "2023-12-03"),
    # a verb of saying is no such verb, and a future word after the past verb governs the date instead
    ("The ministry said the two leaders would meet in November.", "2024-11"),
    ("Blinken visited Beijing in June and will return in November.", "2024-11"),
    # before the page's date, nothing moves
    ("Sullivan met Wang Yi in April.", "2024-04"),
])
def test_english_past_verb_dates_last_year(sentence, value):
    """English marks the past on the verb: a bare month or day told with "met", "visited" ... that falls after
    the page's date (30 August 2024) happened the year before."""
    got = [t.value for t in find_timexes(sentence, datetime(2024, 8, 30), "en") if t.type == "DATE"]
    assert got[-1] == value


@pytest.mark.parametrize("sentence,value", [
    # a month with a relative year is one date: the year told, not the year chosen for a bare month
    ("The parliament ratified the accord in February last year.", ["2023-02"]),
    ("The two sides agreed to meet again in January next year.", ["2025-01"]),
    ("The agency will open a second site in March this year, it said in a report.", ["2024-03"]),
    # a relative year alone stays a year; a month with a year number keeps the number
    ("The agency opened a second site last year.", ["2023"]),
    ("The parliament ratified the accord in October 2019, last year's vote aside.", ["2019-10"]),
])
def test_english_month_with_relative_year(sentence, value):
    got = [t.value for t in find_timexes(sentence, datetime(2024, 8, 30), "en") if t.type == "DATE"]
    assert got[:len(value)] == value


@pytest.mark.parametrize("sentence,lang,value", [
    # "exactly N years/months ago" is an anniversary: the page's day, N years or months back
    ("Đúng hai năm trước, hai ngoại trưởng đã gặp nhau tại Hà Nội.", "vi", "2022-08-30"),
    ("Tròn ba tháng trước, Quốc hội đã thông qua đạo luật.", "vi", "2024-05-30"),
    ("The accord was signed exactly a year ago.", "en", "2023-08-30"),
    # without the word, "N years ago" stays at its unit's precision
    ("Hai năm trước, hai ngoại trưởng đã gặp nhau tại Hà Nội.", "vi", "2022"),
    ("The accord was signed a year ago.", "en", "2023"),
])
def test_exactly_n_units_ago_is_a_day(sentence, lang, value):
    got = [t.value for t in find_timexes(sentence, datetime(2024, 8, 30), lang) if t.type == "DATE"]
    assert got == [value]


def test_infer_anchor_from_a_worded_dateline():
    # a dateline whose month is a word, in both languages, with a few words of furniture around it
    assert infer_anchor(["Bản tin quốc tế", "Posted On 3 Feb 2019"]) == datetime(2019, 2, 3)
    assert infer_anchor(["Last updated: March 14, 2023 09:30 GMT"]) == datetime(2023, 3, 14)
    assert infer_anchor(["Chủ nhật, 9 tháng 6 năm 2024"]) == datetime(2024, 6, 9)
    # negatives: a title or a sentence that tells of a dated happening is no dateline
    assert infer_anchor(["Moscow and Washington signed the pact on April 8, 2010 in Prague"]) is None
    assert infer_anchor(["Hai nước đã ký hiệp ước ngày 8 tháng 4 năm 2010 tại Praha"]) is None
    assert infer_anchor(["Published in the spring"]) is None


def test_undated_page_takes_its_worded_dateline_as_anchor():
    text = ("Envoys leave the monitoring pact\n\nPosted On 3 Feb 2019\n\n"
            "The two envoys met on Friday and agreed to talk again in March.")
    doc = extract_timexes(process_text(text, source="x.txt"))
    assert document_anchor(doc) == datetime(2019, 2, 3)
    assert ("on Friday", "2019-02-01") in [(t.text, t.value) for t in doc.timexes]


@pytest.mark.parametrize("sentence,lang,value", [
    # the tense of a reported clause after "that" / "rằng" is not the tense of the date's own verb
    ("The envoy said in March that the monitors would return.", "en", "2024-03"),
    ("Đặc phái viên cho biết hồi tháng 3 rằng các thanh sát viên sẽ quay lại.", "vi", "2024-03"),
    # ... but a future word before the break still counts
    ("The envoys will meet in March, but no agenda is set.", "en", "2025-03"),
    # the news present of a scheduled transition or deadline is a future
    ("The new chancellor, who takes office on January 14, backs the accord.", "en", "2025-01-14"),
    ("The moratorium expires on February 2 unless both sides extend it.", "en", "2025-02-02"),
    # "last" / "next" with a bare month: the latest one before the page's month, the first after it
    ("The two ministers last met in Oslo last November.", "en", "2023-11"),
    ("The two ministers met in Oslo last July.", "en", "2024-07"),
    ("The two ministers will meet in Oslo next November.", "en", "2025-11"),
    ("The two ministers will meet in Oslo next December.", "en", "2024-12"),
    # negative: no cue, a past month of this year stays this year
    ("The two ministers met in Oslo in January.", "en", "2024-01"),
])
def test_year_choice_reported_clauses_schedules_and_strict_months(sentence, lang, value):
    got = [t.value for t in find_timexes(sentence, datetime(2024, 11, 20), lang) if t.type == "DATE"]
    assert got[-1] == value


@pytest.mark.parametrize("text,lang,expected", [
    ("Hai bên gặp nhau hôm 14/5 tại Oslo. Ngày hôm sau, phái đoàn Nga rời đi.", "vi",
     [("hôm 14/5", "2024-05-14"), ("Ngày hôm sau", "2024-05-15")]),
    ("The envoys met in Oslo on May 14. The following day, the Russian team left.", "en",
     [("May 14", "2024-05-14"), ("The following day", "2024-05-15")]),
    ("Công ước được thông qua năm 1993, đến tháng 4 cùng năm thì mở ký; cuối năm đó có 130 nước ký.", "vi",
     [("năm 1993", "1993"), ("tháng 4 cùng năm", "1993-04"), ("cuối năm đó", "1993")]),
    ("The convention was adopted in 1993 and opened for signature in April of that year.", "en",
     [("1993", "1993"), ("in April of that year", "1993-04")]),
    # negatives: with no date told before, an anaphor is left out; "cùng ngày" stays untagged
    ("Ngày hôm sau, phái đoàn Nga rời đi.", "vi", []),
    ("That year was hard for the treaty.", "en", []),
])
def test_anaphoric_dates_take_the_last_date_told(text, lang, expected):
    assert [(t.text, t.value) for t in find_timexes(text, datetime(2024, 8, 30), lang)] == expected


# evdates round: a month with its year after a dot or a dash, "năm" (five) before a day or week unit told as an
# offset, a capitalised weekday after "ngày", and "đầu tuần" (early this week); negatives keep the false friends out
@pytest.mark.parametrize("text,expected", [
    ("Lần thử gần nhất của họ diễn ra vào tháng 11.2016, tại một bãi thử ở phía bắc.", [("tháng 11.2016", "2016-11")]),
    ("Hai bên ký bản ghi nhớ hồi tháng 4-2015 ở Hà Nội.", [("hồi tháng 4-2015", "2015-04")]),
    ("Đoàn thanh sát trở lại năm ngày sau khi lệnh cấm được dỡ bỏ.", [("năm ngày", "P5D")]),
    ("Hai ngoại trưởng gặp nhau vào ngày thứ Ba tại Oslo.", [("thứ Ba", "2024-08-27")]),
    ("Hồi đầu tuần, phía Nga đã gửi công hàm phản đối.", [("Hồi đầu tuần", "2024-W35")]),
    # negatives: the second day of a meeting, "năm tháng" (years and months), a month range, "năm" before a date
    ("Sang ngày thứ hai của hội nghị, các phái đoàn vẫn bất đồng.", []),
    ("Qua bao năm tháng, hiệp ước vẫn đứng vững.", []),
    ("Cuộc tập trận kéo dài từ tháng 5-6 ở vùng biển phía nam.", [("tháng 5", "2024-05")]),
])
def test_evdates_month_dot_year_five_days_capital_weekday(text, expected):
    got = [(t.text, t.value) for t in find_timexes(text, datetime(2024, 8, 30), "vi")]
    assert got == expected


@pytest.mark.parametrize("sentence,expected", [
    # the press writes a month's year after a dot or a hyphen as well as a slash
    ("Hai nước nối lại đối thoại vào tháng 5.2014 tại Geneva.", [("tháng 5.2014", "2014-05")]),
    ("Nhóm công tác đã ngừng họp từ tháng 11-2019.", [("tháng 11-2019", "2019-11")]),
    # negatives: a month range and a month before a stray number keep their old reading
    ("Cuộc tập trận kéo dài tháng 3-5 năm nay.", [("tháng 3", "2023-03"), ("năm nay", "2023")]),
    ("Tháng 7 có 12.500 binh sĩ tham gia.", [("Tháng 7", "2023-07")]),
])
def test_month_year_with_dot_or_hyphen(sentence, expected):
    assert [(t.text, t.value) for t in find_timexes(sentence, datetime(2023, 11, 1))] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a part of day before a dotted day.month, and a range whose last day is dotted
    ("Chiều 14.10, phái đoàn hai bên gặp nhau.", [("14.10", "2023-10-14")]),
    ("Hội nghị diễn ra ngày 9 và 10.6 tại Vienna.", [("ngày 9", "2023-06-09"), ("10.6", "2023-06-10")]),
    # negative: a decimal number after a part of day is not a date
    ("Sáng nay giá dầu tăng 2,5%.", [("Sáng nay", "2023-11-01TMO")]),
])
def test_dotted_day_month_after_a_cue_or_in_a_range(sentence, expected):
    assert [(t.text, t.value) for t in find_timexes(sentence, datetime(2023, 11, 1))] == expected


@pytest.mark.parametrize("text,value", [
    ("kéo dài 2,5 giờ", "PT2H30M"),
    ("chỉ 1,5 phút", "PT1M30S"),
    ("1,5 năm", "P18M"),      # a calendar unit still moves down whole
    ("nửa giờ", "PT30M"),
])
def test_fractional_clock_durations_are_whole_plus_rest(text, value):
    assert [t.value for t in find_timexes(text, datetime(2023, 11, 1)) if t.type == "DURATION"] == [value]


@pytest.mark.parametrize("sentence,expected", [
    # a possessive before a year used as a modifier makes it a year, as "the" does
    ("Tehran said it would scale back its 2015 pledge.", [("2015", "2015")]),
    ("Washington and Moscow abandoned their 1987 treaty.", [("1987", "1987")]),
    # negatives: a measure or a count after the number
    ("The missile has a 1800 km range, like its 1500 km cousin.", []),
    ("The base houses its 1200 troops.", []),
])
def test_english_year_after_a_possessive_not_before_a_unit(sentence, expected):
    assert [(t.text, t.value) for t in find_timexes(sentence, datetime(2023, 11, 1), "en")] == expected


# Session 5: sentences of our own for mechanisms met on the development sets
def _found(sentence, anchor, lang):
    return [(t.text, t.value) for t in find_timexes(sentence, anchor, lang)]


@pytest.mark.parametrize("sentence,anchor,lang,expected", [
    # "hiện có" after a noun is "existing"; before a figure it is "currently has"
    ("Bình Nhưỡng hứa từ bỏ các chương trình tên lửa hiện có, đổi lại viện trợ.", A22, "vi", []),
    ("Họ muốn kiểm kê mọi kho vũ khí hiện có của Nga.", A22, "vi", []),
    ("Pháp hiện có khoảng 290 đầu đạn.", A22, "vi", [("hiện", "PRESENT_REF")]),
    # a year or a span of years alone in brackets
    ("Cuộc chiến tranh vùng Vịnh (1990 - 1991) đã kết thúc.", A22, "vi", [("1990", "1990"), ("1991", "1991")]),
    ("Hiệp ước START I (1991) hết hạn năm 2009.", A22, "vi", [("1991", "1991"), ("năm 2009", "2009")]),
    ("Có (12) thành viên và 1990 binh sĩ.", A22, "vi", []),
    # eight days / months are durations unless the number is a day of the month
    ("Sau tám ngày thương lượng, hai bên ký kết.", A22, "vi", [("tám ngày", "P8D")]),
    ("Phái đoàn ở lại Geneva tám tháng.", A22, "vi", [("tám tháng", "P8M")]),
    ("Lễ kỷ niệm rơi vào mùng tám tháng ba.", A22, "vi", []),
    # a day written with a month name after "tháng"
    ("Ông đến Hà Nội ngày 19 tháng Tám năm 2021.", A22, "vi", [("ngày 19 tháng Tám năm 2021", "2021-08-19")]),
    # a range of dotted day.month dates
    ("Hội nghị diễn ra hôm 29.8 - 2.9 tại Moskva.", datetime(2022, 9, 5), "vi",
     [("hôm 29.8", "2022-08-29"), ("2.9", "2022-09-02")]),
    # "that one-year period" is a duration, not "that year"
    ("Năm 2020 hai bên gia hạn. Hết thời hạn hai năm đó, họ sẽ đàm phán lại.", A22, "vi",
     [("Năm 2020", "2020"), ("hai năm", "P2Y")]),
    # names with a time word inside
    ("Los Angeles sẽ đăng cai Thế vận hội Mùa hè 2028.", A22, "vi", []),
    ("The Arab Spring began in Tunisia.", A22, "en", []),
    ("They met in the spring of 2019.", A22, "en", [("spring of 2019", "2019-SP")]),
])
def test_session5_mechanisms(sentence, anchor, lang, expected):
    assert _found(sentence, anchor, lang) == expected


def test_clock_takes_the_day_named_after_it():
    # Friday 3 March 2023: "8pm ... on Wednesday" is 1 March; "(01:00 GMT on Thursday)" is 2 March
    got = _found("The deadline passed at 8pm Washington time on Wednesday (01:00 GMT on Thursday), officials said.",
                 datetime(2023, 3, 3), "en")
    assert ("8pm", "2023-03-01T20:00") in got and ("01:00 GMT", "2023-03-02T01:00Z") in got


@pytest.mark.parametrize("sentence,value", [
    ("Both sides must cut deployed launchers to 700 by Thursday.", "2023-03-09"),   # a deadline: the coming one
    ("The talks ended on Thursday.", "2023-03-02"),
    ("A round was scheduled for December 1 but never happened.", "2022-12-01"),     # a past plan
    ("The next round is scheduled for December 1.", "2023-12-01"),
])
def test_deadlines_and_past_plans(sentence, value):
    got = [v for _, v in _found(sentence, datetime(2023, 3, 3), "en")]
    assert got == [value]


# feasts as dates: Easter by the computus, fixed feasts with a written or relative year, else the tense's year;
# negatives: a lower-case "phục sinh" is a revival, and with no anchor and no year Easter cannot be placed
@pytest.mark.parametrize("text,lang,anchor,expected", [
    ("Giáo hoàng đọc thông điệp nhân lễ Phục sinh tại Rome.", "vi", datetime(2019, 5, 2),
     [("lễ Phục sinh", "2019-04-21")]),
    ("Dịp Giáng sinh năm ngoái, hai nhà lãnh đạo trao đổi thư.", "vi", datetime(2024, 3, 1),
     [("Dịp Giáng sinh năm ngoái", "2023-12-25")]),
    ("The envoys hope to close the file before Christmas 2025.", "en", datetime(2024, 3, 1),
     [("Christmas 2025", "2025-12-25")]),
    ("The ceasefire held over Easter Sunday.", "en", datetime(2000, 6, 1), [("Easter Sunday", "2000-04-23")]),
    ("Hiệp ước cần một sự phục sinh về chính trị.", "vi", datetime(2024, 3, 1), []),
    ("The ceasefire held over Easter.", "en", None, []),
])
def test_feasts_are_dates(text, lang, anchor, expected):
    assert [(t.text, t.value) for t in find_timexes(text, anchor, lang)] == expected


def test_after_next_needs_no_count_before_it():
    # "tuần sau nữa" is the week after next; with a count before it, "hai tháng sau nữa" stays a duration
    assert [(t.text, t.value) for t in find_timexes("Tuần sau nữa hai bên họp lại.", A22, "vi")] == \
        [("Tuần sau nữa", "2022-W46")]
    assert [(t.text, t.value) for t in find_timexes("Hai tháng sau nữa, đoàn thanh sát trở lại.", A22, "vi")] == \
        [("Hai tháng", "P2M")]


def test_a_plan_for_the_pages_own_weekday_is_that_day():
    fri = datetime(2024, 5, 17)  # a Friday
    got = [(t.text, t.value) for t in find_timexes("Hội đồng Bảo an dự kiến họp khẩn vào tối thứ Sáu.", fri, "vi")]
    assert got == [("thứ Sáu", "2024-05-17")]
    got = [(t.text, t.value) for t in find_timexes("The council will meet on Friday.", fri, "en")]
    assert got == [("on Friday", "2024-05-17")]
    # negative: "next Friday" is a week on; another weekday still goes forward
    assert [t.value for t in find_timexes("The council will meet next Friday.", fri, "en")] == ["2024-05-24"]
    assert [t.value for t in find_timexes("The council will meet on Tuesday.", fri, "en")] == ["2024-05-21"]


@pytest.mark.parametrize("sentence,value", [
    ("The assembly voted to call a session, to be held on Monday.", "2024-05-20"),  # a passive plan: ahead
    # negatives: a plan told in the past, and "to be" after the date in another clause
    ("The session, which was to be held on Monday, was cancelled.", "2024-05-13"),
    ("He said on Monday the talks had to be delayed.", "2024-05-13"),
])
def test_to_be_done_on_a_weekday_is_ahead(sentence, value):
    assert [t.value for t in find_timexes(sentence, datetime(2024, 5, 17), "en")] == [value]


def test_weekday_with_part_of_day_is_one_expression():
    # own sentences: the part of the day after a weekday belongs to it
    got = [(t.text, t.value) for t in find_timexes("Officials met on Tuesday evening and again Friday morning.",
                                                 datetime(2030, 6, 8), "en")]
    assert got == [("on Tuesday evening", "2030-06-04TEV"), ("Friday morning", "2030-06-07TMO")]


def test_weekday_fixes_the_year_of_a_day_and_month():
    # 23 May 2031 is a Friday, 23 May 2030 a Thursday: whatever the tense words suggest ("held" reads as a past
    # verb), "Friday 23 May" on a page of 18 May 2031 is 2031
    got = [(t.text, t.value) for t in find_timexes("The second session will be held on Friday 23 May, an aide added.",
                                                 datetime(2031, 5, 18), "en")]
    assert got == [("Friday 23 May", "2031-05-23")]
    got = [(t.text, t.value) for t in find_timexes("Phiên thứ hai sẽ khai mạc vào thứ Sáu (23/5), một trợ lý cho biết.",
                                                 datetime(2031, 5, 18), "vi")]
    assert got == [("thứ Sáu (23/5)", "2031-05-23")]


def test_clock_time_takes_the_story_day():
    # a clock time with no date on its line takes the last day the story named, when that day is one of the few
    # before the page's date; a day long before leaves it on the page's date
    text = "Trận động đất xảy ra hôm thứ Ba.\nThiết bị ghi nhận chấn động lúc 7 giờ 15 phút sáng giờ địa phương."
    got = {t.text: t.value for t in find_timexes(text, datetime(2030, 6, 6), "vi")}
    assert got["7 giờ 15 phút sáng"] == "2030-06-04T07:15"
    text = "The pact was signed on 2 March 2030.\nSirens sounded at 7:15 a.m. across the city."
    got = {t.text: t.value for t in find_timexes(text, datetime(2030, 6, 6), "en")}
    assert got["7:15 a.m."] == "2030-06-06T07:15"


def test_and_a_half_units():
    # own sentences: "N and a half" units in both languages, and "rưỡi" in a clock time is half past
    got = {t.text: t.value for t in find_timexes("The delegations talked for nearly three and a half hours.",
                                                 datetime(2030, 6, 8), "en")}
    assert got == {"three and a half hours": "PT3H30M"}
    got = {t.text: t.value for t in find_timexes("Cuộc họp kéo dài hai tiếng rưỡi, sau một năm rưỡi bế tắc.",
                                                 datetime(2030, 6, 8), "vi")}
    assert got == {"hai tiếng rưỡi": "PT2H30M", "một năm rưỡi": "P18M"}
    got = {t.text: t.value for t in find_timexes("Phái đoàn đến lúc 4 giờ rưỡi chiều.", datetime(2030, 6, 8), "vi")}
    assert got == {"4 giờ rưỡi chiều": "2030-06-08T16:30"}


# --- the lexicon alternations are tries (speed): the same matches as the flat longest-first alternation,
# case-insensitively, including words that differ only in case (no trie at such a node)
from armswatch.extract.timex import _FLAGS, _alt  # noqa: E402

_ALT_WORDS = ["năm", "năm nay", "năm ngoái", "Năm", "tháng", "tháng tới", "th", "May", "may", "mai"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALT_WORDS + [" ", "  ", "\n", "x", "NĂM", "Tháng "]), max_size=10))
def test_alt_trie_matches_like_the_flat_alternation(parts):
    import re

    text = "".join(parts)
    flat = "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(set(_ALT_WORDS), key=len, reverse=True))
    a = re.compile(rf"(?<!\w)(?:{flat})(?!\w)", _FLAGS)
    b = re.compile(_alt(_ALT_WORDS, boundary=True), _FLAGS)
    assert [m.span() for m in b.finditer(text)] == [m.span() for m in a.finditer(text)], text
