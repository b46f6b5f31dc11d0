"""Event extraction on sentences written for these tests (not from the seeds).

Each case is a small hand-annotated Document (entities and timexes given, as the earlier
stages would fill them) and the events expected from it: type, the set of country
participants, date, status (and location / attributes where the case is about them).
Negated, hypothetical, generic and opposed mentions must give no event. Participants are entities of
the document: where a party's country is not named in the text, the person or body stands for it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armswatch.extract.event_fixture import annotate
from armswatch.extract.events import extract_events
from armswatch.lexicon import load_lexicon

# entity shorthands: (id, type, surfaces[, affiliation country])
US = ("us", "COUNTRY", ["Mỹ", "Hoa Kỳ", "United States", "Washington"])
CN = ("cn", "COUNTRY", ["Trung Quốc", "China", "Bắc Kinh"])
RU = ("ru", "COUNTRY", ["Nga", "Russia", "Moskva"])
JP = ("jp", "COUNTRY", ["Nhật Bản", "Japan"])
KR = ("kr", "COUNTRY", ["Hàn Quốc", "South Korea", "Seoul"])
KP = ("kp", "COUNTRY", ["Triều Tiên", "North Korea", "Bình Nhưỡng"])
FR = ("fr", "COUNTRY", ["Pháp", "France"])
IN = ("in", "COUNTRY", ["Ấn Độ", "India"])
IR = ("ir", "COUNTRY", ["Iran", "Tehran"])
AU = ("au", "COUNTRY", ["Úc", "Australia"])
VN = ("vn", "COUNTRY", ["Việt Nam", "Vietnam"])
GENEVA = ("geneva", "LOC", ["Geneva", "Geneve"])
DOD = ("dod", "ORG", ["Lầu Năm Góc", "Pentagon"], "us")
NEWSTART = ("newstart", "TREATY", ["Hiệp ước New START", "New START"])


def events_of(text, entities=(), timexes=(), published="2023-12-01"):
    doc = annotate(text, entities, timexes, published=published)
    extract_events(doc)
    return doc.events


def _key(e):
    return (e[0], sorted(e[1]), e[2] or "", e[3])


def core(events):
    return sorted(((e.type, frozenset(e.participants), e.date, e.status) for e in events), key=_key)


def check_case(case, published_default):
    """A case is (text, entities, timexes, expected events[, publication date]): the events found, as `core`."""
    text, entities, timexes, expected, *published = case
    evs = events_of(text, entities, timexes, published=published[0] if published else published_default)
    assert core(evs) == sorted(expected, key=_key)


def ev(type_, parts, date, status):
    return (type_, frozenset(parts), date, status)


CASES = [
    # 1 held talks with people's countries, venue after "tại" is not a party
    ("Ngoại trưởng Mỹ Antony Blinken và người đồng cấp Trung Quốc Vương Nghị đã hội đàm tại Bắc Kinh hôm 18/6.",
     [US, ("cn", "COUNTRY", ["Trung Quốc"]), ("beijing", "LOC", ["Bắc Kinh"]),
      ("blinken", "PERSON", ["Antony Blinken"], "us"), ("wangyi", "PERSON", ["Vương Nghị"], "cn")],
     [("hôm 18/6", "2023-06-18")],
     [ev("talks", {"us", "cn"}, "2023-06-18", "held")]),
    # 2 planned talks, month precision
    ("Nga và Mỹ sẽ tổ chức vòng đàm phán mới về ổn định chiến lược tại Geneva vào tháng 9.",
     [RU, US, GENEVA], [("tháng 9", "2024-09")],
     [ev("talks", {"ru", "us"}, "2024-09", "planned")]),
    # 3 refusal: talks sought by others and refused are proposed (contract: "sought or offered, not agreed"; the
    # gold of four development sets counts them so); "tham gia" without a treaty is no treaty action
    ("Trung Quốc từ chối tham gia các cuộc đàm phán kiểm soát vũ khí ba bên với Mỹ và Nga.",
     [CN, US, RU], [], [ev("talks", {"cn", "us", "ru"}, None, "proposed")]),
    # 4 not yet begun: proposed
    ("Hàn Quốc và Triều Tiên vẫn chưa bắt đầu đối thoại về phi hạt nhân hóa.",
     [KR, KP], [], [ev("talks", {"kr", "kp"}, None, "proposed")]),
    # 5 conditional: no event
    ("Nếu Triều Tiên đồng ý đàm phán, Mỹ sẽ xem xét nới lỏng trừng phạt.", [KP, US], [], []),
    # 6 phone call
    ("Tổng thống Pháp Emmanuel Macron đã điện đàm với Tổng thống Nga Vladimir Putin hôm 3/5.",
     [FR, RU, ("macron", "PERSON", ["Emmanuel Macron"], "fr"), ("putin", "PERSON", ["Vladimir Putin"], "ru")],
     [("hôm 3/5", "2023-05-03")], [ev("call", {"fr", "ru"}, "2023-05-03", "held")]),
    # 7 planned state visit; destination is the location
    ("Thủ tướng Ấn Độ sẽ có chuyến thăm chính thức Nhật Bản vào ngày 12/5.",
     [IN, JP], [("ngày 12/5", "2024-05-12")], [ev("visit", {"in", "jp"}, "2024-05-12", "planned")]),
    # 8 missile test
    ("Triều Tiên đã phóng thử một tên lửa đạn đạo liên lục địa vào ngày 18/12.",
     [KP], [("ngày 18/12", "2023-12-18")], [ev("incident", {"kp"}, "2023-12-18", "held")]),
    # 9 suspension of a treaty ("đình chỉ tham gia" is one action, not suspend + join)
    ("Nga đình chỉ tham gia Hiệp ước New START vào tháng 2/2023.",
     [RU, NEWSTART], [("tháng 2/2023", "2023-02")], [ev("treaty_action", {"ru"}, "2023-02", "held")]),
    # 10 ratification
    ("Thượng viện Mỹ đã phê chuẩn Hiệp ước New START vào năm 2010.",
     [US, NEWSTART], [("năm 2010", "2010")], [ev("treaty_action", {"us"}, "2010", "held")]),
    # 11 negated plan: no summit
    ("Washington và Bắc Kinh không có kế hoạch tổ chức hội nghị thượng đỉnh trong năm nay.",
     [US, CN], [("trong năm nay", "2023")], []),
    # 12 planned summit
    ("Hai nhà lãnh đạo Mỹ và Trung Quốc dự kiến gặp thượng đỉnh bên lề hội nghị APEC vào tháng 11.",
     [US, CN], [("tháng 11", "2023-11")], [ev("summit", {"us", "cn"}, "2023-11", "planned")]),
    # 13 stalled talks; "kể từ tháng 6" is not the date of the talks
    ("Các cuộc đàm phán giữa Mỹ và Iran tại Oman đã bị đình trệ kể từ tháng 6.",
     [US, IR, ("oman", "LOC", ["Oman"])], [("tháng 6", "2023-06")], [ev("talks", {"us", "ir"}, None, "stalled")]),
    # 14 coreference: one event
    ("Ngày 10/1, Mỹ và Nga đã hội đàm tại Geneva. Cuộc hội đàm này kéo dài tám giờ.",
     [US, RU, GENEVA], [("Ngày 10/1", "2022-01-10")], [ev("talks", {"us", "ru"}, "2022-01-10", "held")]),
    # 15 "cũng ... riêng": two happenings
    ("Mỹ và Trung Quốc đã tổ chức đối thoại quân sự hồi tháng 1. "
     "Hai nước cũng sẽ tổ chức các cuộc tham vấn riêng về biến đổi khí hậu.",
     [US, CN], [("hồi tháng 1", "2023-01")],
     [ev("talks", {"us", "cn"}, "2023-01", "held"), ev("talks", {"us", "cn"}, None, "planned")]),
    # 16 Track 2 meeting, one event for "gặp nhau ... cuộc đối thoại"
    ("Các học giả Mỹ và Trung Quốc đã gặp nhau trong một cuộc đối thoại Kênh 2 tại Singapore hồi tháng 5.",
     [US, CN, ("singapore", "LOC", ["Singapore"])], [("hồi tháng 5", "2023-05")],
     [ev("talks", {"us", "cn"}, "2023-05", "held")]),
    # 17 generic statement: no event
    ("Các cuộc đàm phán Kênh 2 thường có sự tham gia của các học giả Mỹ và Trung Quốc.", [US, CN], [], []),
    # 18 published report
    ("Theo báo cáo thường niên của Lầu Năm Góc công bố hôm 19/10, Trung Quốc có hơn 500 đầu đạn hạt nhân.",
     [DOD, CN], [("hôm 19/10", "2023-10-19")], [ev("report", {"dod"}, "2023-10-19", "held")]),
    # 19 offer of dialogue: made when it is stated
    ("Bộ Ngoại giao Nga cho biết hôm 5/3 rằng Moskva sẵn sàng đối thoại với Washington.",
     [("ru_mfa", "ORG", ["Bộ Ngoại giao Nga"], "ru"), RU, US], [("hôm 5/3", "2023-03-05")],
     [ev("talks", {"ru", "us"}, "2023-03-05", "proposed")]),
    # 20 English: held talks
    ("The United States and Russia held talks in Geneva on January 10.",
     [US, RU, GENEVA], [("January 10", "2022-01-10")], [ev("talks", {"us", "ru"}, "2022-01-10", "held")]),
    # 21 English: planned visit
    ("President Joe Biden will visit Vietnam on September 10.",
     [("biden", "PERSON", ["Joe Biden"], "us"), VN], [("September 10", "2023-09-10")],
     [ev("visit", {"biden", "vn"}, "2023-09-10", "planned")]),
    # 22 English refusal: proposed talks (as case 3)
    ("North Korea has refused to hold talks with South Korea.", [KP, KR], [], [ev("talks", {"kp", "kr"}, None, "proposed")]),
    # 23 English withdrawal
    ("Russia withdrew from the Open Skies Treaty in 2021.",
     [RU, ("openskies", "TREATY", ["Open Skies Treaty"])], [("2021", "2021")],
     [ev("treaty_action", {"ru"}, "2021", "held")]),
    # 24 English report
    ("The Pentagon's annual report on China was published on October 19.",
     [DOD, CN], [("October 19", "2023-10-19")], [ev("report", {"dod"}, "2023-10-19", "held")]),
    # 25 English call, people's countries
    ("Xi Jinping and Joe Biden spoke by phone on Tuesday.",
     [("xi", "PERSON", ["Xi Jinping"], "cn"), ("biden", "PERSON", ["Joe Biden"], "us")],
     [("Tuesday", "2023-11-28")], [ev("call", {"xi", "biden"}, "2023-11-28", "held")]),
    # 26 "hai bên" in the next sentence is the same meeting (heads of government meeting: a summit)
    ("Thủ tướng Nhật Bản và Tổng thống Hàn Quốc đã gặp nhau tại Tokyo hôm 16/3. "
     "Hai bên đã thảo luận về hợp tác an ninh.",
     [JP, KR, ("tokyo", "LOC", ["Tokyo"])], [("hôm 16/3", "2023-03-16")],
     [ev("summit", {"jp", "kr"}, "2023-03-16", "held")]),
    # 27 shoot-down: shooter and owner are parties
    ("Ngày 4/2, tiêm kích Mỹ đã bắn hạ một khinh khí cầu của Trung Quốc ngoài khơi bang South Carolina.",
     [US, CN], [("Ngày 4/2", "2023-02-04")], [ev("incident", {"us", "cn"}, "2023-02-04", "held")]),
    # 28 planned expiry
    ("Hiệp ước New START giữa Mỹ và Nga sẽ hết hạn vào tháng 2/2026.",
     [NEWSTART, US, RU], [("tháng 2/2026", "2026-02")], [ev("treaty_action", {"us", "ru"}, "2026-02", "planned")]),
    # 29 "ký sắc lệnh rút ... khỏi": a withdrawal, not a signature; "thử hạt nhân" inside a treaty name
    ("Ông Putin đã ký sắc lệnh rút Nga khỏi Hiệp ước Cấm thử hạt nhân toàn diện.",
     [("putin", "PERSON", ["Putin"], "ru"), RU, ("ctbt", "TREATY", ["Hiệp ước Cấm thử hạt nhân toàn diện"])], [],
     [ev("treaty_action", {"ru"}, None, "held")]),
    # 30 negation of something else: the meeting itself took place
    ("Mỹ và Nga không đạt được thỏa thuận nào tại cuộc họp ở Vienna hôm 7/4.",
     [US, RU, ("vienna", "LOC", ["Vienna"])], [("hôm 7/4", "2023-04-07")],
     [ev("talks", {"us", "ru"}, "2023-04-07", "held")]),
    # 31 planned trip
    ("Tổng thống Hàn Quốc Yoon Suk Yeol sẽ công du Mỹ vào cuối tháng 4.",
     [KR, US, ("yoon", "PERSON", ["Yoon Suk Yeol"], "kr")], [("cuối tháng 4", "2023-04")],
     [ev("visit", {"kr", "us"}, "2023-04", "planned")]),
    # 32 refusal with a wide negation
    ("Bình Nhưỡng sẽ không tham gia bất kỳ cuộc đối thoại nào với Seoul.", [KP, KR], [], []),
    # 33 English schedule
    ("Officials from Japan and South Korea are scheduled to meet in Seoul on March 3.",
     [JP, ("kr", "COUNTRY", ["South Korea"]), ("seoul", "LOC", ["Seoul"])], [("March 3", "2024-03-03")],
     [ev("talks", {"jp", "kr"}, "2024-03-03", "planned")]),
    # 34 English generic
    ("Arms control talks between Washington and Moscow usually take years.", [US, RU], [], []),
    # 35 English stalled
    ("Talks between Washington and Tehran stalled in 2022.", [US, IR], [("2022", "2022")],
     [ev("talks", {"us", "ir"}, "2022", "stalled")]),
    # 36 2+2 format
    ("Ấn Độ và Úc đã tổ chức đối thoại 2+2 lần thứ hai tại New Delhi.",
     [IN, AU, ("new_delhi", "LOC", ["New Delhi"])], [], [ev("talks", {"in", "au"}, None, "held")]),
    # 37 no cue: a past date makes a held summit
    ("Hội nghị thượng đỉnh Mỹ - Trung Quốc tại San Francisco ngày 15/11 tập trung vào quan hệ quân sự.",
     [US, CN, ("sf", "LOC", ["San Francisco"])], [("ngày 15/11", "2023-11-15")],
     [ev("summit", {"us", "cn"}, "2023-11-15", "held")]),
    # 38 an estimate without a publication date is not a report
    ("Lầu Năm Góc ước tính Trung Quốc có khoảng 500 đầu đạn hạt nhân.", [DOD, CN], [], []),
    # 39 a definition is not an event
    ("Các cuộc đàm phán giữa chính phủ với chính phủ được gọi là Kênh 1.", [], [], []),
    # 40 the head of an international body acts for it: participants Iran + IAEA, not his home country
    ("Tổng giám đốc IAEA Rafael Grossi đã hội đàm với Tổng thống Iran Ebrahim Raisi tại Tehran hôm 4/3.",
     [("iaea", "ORG", ["IAEA"]), ("grossi", "PERSON", ["Rafael Grossi"], "ar"), IR,
      ("raisi", "PERSON", ["Ebrahim Raisi"], "ir"), ("tehran", "LOC", ["Tehran"])],
     [("hôm 4/3", "2023-03-04")], [ev("talks", {"ir", "iaea"}, "2023-03-04", "held")]),
    # 41 the cue before a framing "tại cuộc gặp" belongs to the main verb; leaders meeting = summit
    ("Chủ tịch Tập Cận Bình và Tổng thống Joe Biden đã nhất trí nối lại liên lạc quân sự tại cuộc gặp ở "
     "California hồi tháng 11.",
     [("xi", "PERSON", ["Tập Cận Bình"], "cn"), ("biden", "PERSON", ["Joe Biden"], "us"),
      ("california", "LOC", ["California"])], [("hồi tháng 11", "2023-11")],
     [ev("summit", {"xi", "biden"}, "2023-11", "held")]),
    # 42 suspension of a dialogue: stalled; the purpose clause names no party
    ("Bắc Kinh đã đình chỉ đối thoại về kiểm soát vũ khí với Washington vào tháng 7 để phản đối việc Mỹ bán "
     "vũ khí cho Đài Loan.",
     [CN, US, ("tw", "COUNTRY", ["Đài Loan"])], [("tháng 7", "2024-07")],
     [ev("talks", {"cn", "us"}, "2024-07", "stalled")]),
    # 43 de-ratification is a withdrawal; "ký luật" is no signature of the treaty
    ("Ông Putin đã ký luật rút phê chuẩn Hiệp ước Cấm thử hạt nhân toàn diện vào ngày 2/11.",
     [("putin", "PERSON", ["Putin"], "ru"), ("ctbt", "TREATY", ["Hiệp ước Cấm thử hạt nhân toàn diện"])],
     [("ngày 2/11", "2023-11-02")], [ev("treaty_action", {"putin"}, "2023-11-02", "held")]),
    # 44 signed in a year; "never ratified" is no ratification
    ("Mỹ đã ký CTBT năm 1996 nhưng chưa bao giờ phê chuẩn hiệp ước này.",
     [US, ("ctbt", "TREATY", ["CTBT"])], [("năm 1996", "1996")], [ev("treaty_action", {"us"}, "1996", "held")]),
    # 45 English: a meeting and a separate agreed (planned) dialogue
    ("U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva in June 2021 and agreed to "
     "launch a strategic stability dialogue.",
     [("biden", "PERSON", ["Joe Biden"], "us"), ("putin", "PERSON", ["Vladimir Putin"], "ru"), GENEVA,
      ("ru", "COUNTRY", ["Russian"]), ("us", "COUNTRY", ["U.S."])],
     [("June 2021", "2021-06")],
     [ev("summit", {"us", "ru"}, "2021-06", "held"), ev("talks", {"us", "ru"}, None, "planned")]),
    # 46 English: an announced suspension takes the date of the announcement
    ("Russian President Vladimir Putin said on Tuesday that Moscow was suspending its participation in the "
     "New START treaty.",
     [("putin", "PERSON", ["Vladimir Putin"], "ru"), ("ru", "COUNTRY", ["Russian", "Moscow"]),
      ("newstart", "TREATY", ["New START treaty"])], [("on Tuesday", "2023-02-21")],
     [ev("treaty_action", {"ru"}, "2023-02-21", "held")]),
    # 47 a report of results of a visit is no new visit; a future state visit with its destination
    ("Ông Grossi sẽ báo cáo kết quả chuyến thăm lên Hội đồng Thống đốc. Tổng thống Mỹ Joe Biden dự kiến sẽ "
     "tiếp đón Tổng thống Hàn Quốc Yoon trong chuyến thăm cấp nhà nước tới Washington vào tháng 4.",
     [("grossi", "PERSON", ["Grossi"], "ar"), ("us", "COUNTRY", ["Mỹ"]), ("biden", "PERSON", ["Joe Biden"], "us"),
      ("yoon", "PERSON", ["Yoon"], "kr"), ("kr", "COUNTRY", ["Hàn Quốc"]), ("washington_dc", "LOC", ["Washington"])],
     [("tháng 4", "2024-04")],
     [ev("visit", {"us", "kr"}, "2024-04", "planned"), ev("summit", {"us", "kr"}, "2024-04", "planned")]),
    # 48 an analyst's recommendation is no proposal
    ("Ông Daryl Kimball cho rằng Washington nên đề xuất đàm phán với cả Moskva và Bắc Kinh.",
     [("kimball", "PERSON", ["Daryl Kimball"], "us"), US, RU, CN], [], []),
    # 49 a think tank's estimate is not an official report
    ("SIPRI ước tính Trung Quốc có khoảng 500 đầu đạn hạt nhân vào tháng 1/2024.",
     [("sipri", "ORG", ["SIPRI"], "se"), CN], [("tháng 1/2024", "2024-01")], []),
    # 50 the state announcing a treaty action is its actor; the appositive's states are not
    ("Năm 2023, Nga tuyên bố đình chỉ tham gia New START, hiệp ước kiểm soát vũ khí cuối cùng giữa Moskva và "
     "Washington.",
     [RU, US, ("newstart", "TREATY", ["New START"])], [("Năm 2023", "2023")],
     [ev("treaty_action", {"ru"}, "2023", "held")]),
]


@pytest.mark.parametrize("text,entities,timexes,expected", CASES, ids=[f"case{i + 1}" for i in range(len(CASES))])
def test_event_cases(text, entities, timexes, expected):
    assert core(events_of(text, entities, timexes)) == sorted(expected, key=_key)


def test_visitor_is_the_guest():
    text, ents, tx, _ = CASES[46]
    evs = [e for e in events_of(text, ents, tx) if e.type == "visit"]
    assert evs[0].attributes["visitor"] == "yoon" and evs[0].location == "washington_dc"


def test_enough_cases():
    assert len(CASES) >= 30
    assert sum(1 for c in CASES if not c[3]) >= 8  # negated / hypothetical / generic
    assert sum(1 for c in CASES if any(e[3] == "planned" for e in c[3])) >= 6


def test_future_date_without_cue_is_planned():
    text = "Hội nghị thượng đỉnh Mỹ - Trung Quốc tại San Francisco ngày 15/11 tập trung vào quan hệ quân sự."
    evs = events_of(text, [US, CN, ("sf", "LOC", ["San Francisco"])], [("ngày 15/11", "2023-11-15")],
                    published="2023-11-01")
    assert [(e.type, e.status, e.location) for e in evs] == [("summit", "planned", "sf")]


def test_locations_and_attributes():
    evs = events_of("Nga và Mỹ sẽ tổ chức vòng đàm phán mới về ổn định chiến lược tại Geneva vào tháng 9.",
                    [RU, US, GENEVA], [("tháng 9", "2024-09")])
    assert evs[0].location == "geneva"
    assert evs[0].attributes["track"] == "1"
    assert evs[0].attributes["topic"].startswith("ổn định chiến lược")
    evs = events_of("Các học giả Mỹ và Trung Quốc đã gặp nhau trong một cuộc đối thoại Kênh 2 tại Singapore "
                    "hồi tháng 5.",
                    [US, CN, ("singapore", "LOC", ["Singapore"])], [("hồi tháng 5", "2023-05")])
    assert evs[0].attributes["track"] == "2" and evs[0].location == "singapore"
    evs = events_of("Ấn Độ và Úc đã tổ chức đối thoại 2+2 lần thứ hai tại New Delhi.",
                    [IN, AU, ("new_delhi", "LOC", ["New Delhi"])], [])
    assert evs[0].attributes["format"] == "2+2" and evs[0].location == "new_delhi"
    evs = events_of("Ngày 10/1, Mỹ và Nga đã hội đàm tại Geneva. Cuộc hội đàm này kéo dài tám giờ.",
                    [US, RU, GENEVA], [("Ngày 10/1", "2022-01-10")])
    assert len(evs[0].attributes["mentions"]) == 2


def test_treaty_action_attributes():
    evs = events_of("Ông Putin đã ký sắc lệnh rút Nga khỏi Hiệp ước Cấm thử hạt nhân toàn diện.",
                    [("putin", "PERSON", ["Putin"], "ru"), RU,
                     ("ctbt", "TREATY", ["Hiệp ước Cấm thử hạt nhân toàn diện"])], [])
    assert evs[0].attributes["action"] == "withdraw" and evs[0].attributes["treaty"] == "ctbt"
    evs = events_of("Hiệp ước New START giữa Mỹ và Nga sẽ hết hạn vào tháng 2/2026.", [NEWSTART, US, RU],
                    [("tháng 2/2026", "2026-02")])
    assert evs[0].attributes["action"] == "expire"


def test_report_author_and_resumed():
    evs = events_of("Theo báo cáo thường niên của Lầu Năm Góc công bố hôm 19/10, Trung Quốc có hơn 500 đầu đạn "
                    "hạt nhân.",
                    [DOD, CN], [("hôm 19/10", "2023-10-19")])
    assert evs[0].attributes["author"] == "dod"
    evs = events_of("Hoa Kỳ và Nga đã nối lại đàm phán về kiểm soát vũ khí hồi tháng 8.",
                    [("us", "COUNTRY", ["Hoa Kỳ"]), RU], [("hồi tháng 8", "2023-08")])
    assert [(e.type, e.status, e.date) for e in evs] == [("talks", "held", "2023-08")]
    assert evs[0].attributes.get("resumed") is True


def test_evidence_spans_index_the_body():
    text = "Ngày 10/1, Mỹ và Nga đã hội đàm tại Geneva. Cuộc hội đàm này kéo dài tám giờ."
    doc = annotate(text, [US, RU, GENEVA], [("Ngày 10/1", "2022-01-10")], published="2023-12-01")
    extract_events(doc)
    e = doc.events[0]
    assert doc.body[e.evidence.start:e.evidence.end] == "Ngày 10/1, Mỹ và Nga đã hội đàm tại Geneva."
    assert doc.body[e.trigger.start:e.trigger.end] == "hội đàm"


def test_empty_document():
    doc = annotate("", [], [])
    extract_events(doc)
    assert doc.events == []


def test_lexicon_schema():
    import json

    import jsonschema

    from armswatch.lexicon import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "lexicon.events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(load_lexicon("events"), schema)


def test_dates_follow_the_contract():
    """Week and quarter values become partial dates the contract accepts; others become null."""
    import re

    pattern = re.compile(r"^(X{4}|\d{4})(-(XX|\d{2}))?(-(XX|\d{2}))?(/.+)?$")
    text = "Ngoại trưởng Trung Quốc đã có chuyến thăm Mỹ vào cuối tuần trước."
    for value, expected in (("2023-W43-WE", "2023-10"), ("XXXX-WXX-WE", None), ("2023-Q4", "2023")):
        evs = events_of(text, [CN, US], [("cuối tuần trước", value)])
        assert [(e.type, e.date) for e in evs] == [("visit", expected)]
        assert expected is None or pattern.match(expected)


def test_dev_gold_in_isolation():
    """The seeds with gold entities and timexes (bench/bench_events.py): events as in the dev gold."""
    import importlib.util
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    if not (shared / "gold" / "dev").exists():
        pytest.skip("../shared not present")
    spec = importlib.util.spec_from_file_location("bench_events", root / "bench" / "bench_events.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in sorted((shared / "seeds").glob("*.txt")):
            gold = json.loads((shared / "gold" / "dev" / (p.stem + ".json")).read_text(encoding="utf-8"))
            doc = bench.gold_doc(p, gold)
            extract_events(doc)
            f.write(json.dumps(doc.to_contract(), ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(shared / "contract" / "score.py"), f.name, str(shared / "gold" / "dev"),
                          "--json"], capture_output=True, text=True, check=True).stdout
    figures = json.loads(out[:out.rindex("}") + 1])
    assert figures["events"]["f1"] >= 0.9 and figures["events_nodate"]["f1"] >= 0.95


# ---------------------------------------------------------------- generalisation cases (one per general cause)
GR = ("gr", "COUNTRY", ["Hy Lạp", "Greece"])
KIM = ("kim", "PERSON", ["Kim Jong-un", "Kim Jong Un"], "kp")
TRUMP = ("trump", "PERSON", ["Donald Trump", "Trump"], "us")
PUTIN = ("putin", "PERSON", ["Vladimir Putin", "Putin"], "ru")
INF = ("inf", "TREATY", ["Hiệp ước INF", "INF Treaty"])
OST = ("ost", "TREATY", ["Hiệp ước Bầu trời mở", "Open Skies Treaty"])
CTBT = ("ctbt", "TREATY", ["CTBT"])

CASES2 = [
    # g1 the host country of a venue is no party
    ("Tổng thống Mỹ Donald Trump và Chủ tịch Triều Tiên Kim Jong-un đã gặp nhau tại Singapore hôm 12/6.",
     [US, KP, TRUMP, KIM, ("sg", "COUNTRY", ["Singapore"])], [("hôm 12/6", "2018-06-12")],
     [ev("summit", {"us", "kp"}, "2018-06-12", "held")]),
    # g2 "in City, Country": the country after the city is the venue too
    ("President Biden and President Xi met in Bali, Indonesia on Monday.",
     [("biden", "PERSON", ["Biden"], "us"), ("xi", "PERSON", ["Xi"], "cn"), US, CN,
      ("bali", "LOC", ["Bali"]), ("id", "COUNTRY", ["Indonesia"])], [("on Monday", "2022-11-14")],
     [ev("summit", {"biden", "xi"}, "2022-11-14", "held")]),
    # g3 a short pair form names both sides; the side with no entity is cited by its leader
    ("Hội nghị thượng đỉnh Mỹ - Triều lần thứ ba chưa được ấn định. Ông Kim Jong-un cho biết sẵn sàng đối thoại.",
     [US, KIM], [], [ev("summit", {"us", "kim"}, None, "proposed"), ev("talks", {"us", "kim"}, None, "proposed")]),
    # g4 "liên Triều": both Koreas
    ("Căng thẳng giữa Hàn Quốc và Triều Tiên gia tăng. Các cuộc đàm phán liên Triều đã bị đình trệ từ năm 2019.",
     [KP, KR], [("năm 2019", "2019")], [ev("talks", {"kp", "kr"}, "2019", "stalled")]),
    # g5 a condition at the head of the sentence makes the event hypothetical
    ("Trong trường hợp Nga tấn công một đồng minh, Mỹ và Pháp sẽ tham vấn ngay lập tức ở cấp cao nhất.",
     [RU, US, FR], [], []),
    # g6 a test that is only threatened or offered is no incident
    ("Ông Putin tuyên bố Nga sẵn sàng thử hạt nhân nếu Mỹ làm điều đó trước.", [PUTIN, RU, US], [], []),
    # g7 the launching state is the subject, even before a verb of saying; the sea is no party
    ("Triều Tiên xác nhận đã phóng thử tên lửa Hwasong-15 hôm qua, tên lửa rơi xuống vùng biển gần Nhật Bản.",
     [KP, JP, ("hw15", "WEAPON", ["Hwasong-15"])], [("hôm qua", "2023-02-18")],
     [ev("incident", {"kp"}, "2023-02-18", "held")]),
    # g8 "Nhật Bản và Hàn Quốc lên án vụ phóng": the same launch, and who condemns it is no party
    ("Bình Nhưỡng đã phóng hai tên lửa đạn đạo ra biển hôm 9/3. Nhật Bản và Hàn Quốc đã lên án vụ phóng. "
     "Vụ phóng khiến Nhật Bản phát cảnh báo.",
     [KP, JP, KR], [("hôm 9/3", "2023-03-09")], [ev("incident", {"kp"}, "2023-03-09", "held")]),
    # g9 signing a law that withdraws or revokes: the law's action
    ("Ngày 7/6, ông Putin đã ký luật đưa Nga ra khỏi Hiệp ước Bầu trời mở.",
     [PUTIN, RU, OST], [("Ngày 7/6", "2021-06-07")], [ev("treaty_action", {"ru"}, "2021-06-07", "held")]),
    # g10 coordinated withdrawals keep their own dates
    ("Quan hệ xấu đi sau khi Mỹ rút khỏi Hiệp ước INF năm 2019 và khỏi Hiệp ước Bầu trời mở năm 2020.",
     [US, INF, OST], [("năm 2019", "2019"), ("năm 2020", "2020")],
     [ev("treaty_action", {"us"}, "2019", "held"), ev("treaty_action", {"us"}, "2020", "held")]),
    # g11 a date after "trước/before + another noun" dates that other thing
    ("Vụ phóng tên lửa của Triều Tiên diễn ra hôm 3/11, hai ngày trước cuộc bầu cử ngày 5/11.",
     [KP], [("hôm 3/11", "2023-11-03"), ("ngày 5/11", "2023-11-05")],
     [ev("incident", {"kp"}, "2023-11-03", "held")]),
    # g12 a date belongs to the event of its own comma segment
    ("Quan hệ ấm lên từ cuộc điện đàm giữa ông Trump và ông Putin hôm 12/2, tiếp đó là cuộc hội đàm giữa "
     "Mỹ và Nga tại Riyadh ngày 18/2.",
     [TRUMP, PUTIN, US, RU, ("riyadh", "LOC", ["Riyadh"])], [("hôm 12/2", "2023-02-12"), ("ngày 18/2", "2023-02-18")],
     [ev("call", {"us", "ru"}, "2023-02-12", "held"),
      ev("talks", {"us", "ru"}, "2023-02-18", "held")]),
    # g13 the visitor is the subject of the sentence, outside the appositive
    ("Ngoại trưởng Mỹ Antony Blinken, đang có chuyến thăm Hy Lạp, cho biết Washington sẽ phản ứng.",
     [("blinken", "PERSON", ["Antony Blinken"], "us"), US, GR], [],
     [ev("visit", {"us", "gr"}, None, "held")]),
    # g14 "will travel to": a planned visit to the host
    ("Prime Minister Kishida will travel to Washington in January, officials said.",
     [("kishida", "PERSON", ["Kishida"], "jp"), JP, ("us", "COUNTRY", ["Washington"])],
     [("in January", "2024-01")], [ev("visit", {"us", "kishida"}, "2024-01", "planned")]),
    # g15 "the first summit since the meeting in 2018": two summits
    ("Tổng thống Donald Trump và Tổng thống Vladimir Putin đã có cuộc gặp thượng đỉnh đầu tiên kể từ cuộc gặp "
     "giữa hai tổng thống tại Helsinki năm 2018.",
     [TRUMP, PUTIN, US, RU, ("helsinki", "LOC", ["Helsinki"])], [("năm 2018", "2018")],
     [ev("summit", {"trump", "putin"}, None, "held"), ev("summit", {"trump", "putin"}, "2018", "held")]),
    # g16 what is discussed is no party
    ("Ngày 2/5, Mỹ và Trung Quốc đã thảo luận về cuộc xung đột ở Ukraine.",
     [US, CN, ("ua", "COUNTRY", ["Ukraine"])], [("Ngày 2/5", "2023-05-02")],
     [ev("talks", {"us", "cn"}, "2023-05-02", "held")]),
    # g17 a think tank cited as source is no party
    ("Theo SIPRI, đối thoại giữa Mỹ và Nga về kiểm soát vũ khí đã bị đình trệ từ năm 2022.",
     [("sipri", "ORG", ["SIPRI"], "se"), ("se", "COUNTRY", ["Thụy Điển"]), US, RU], [("năm 2022", "2022")],
     [ev("talks", {"us", "ru"}, "2022", "stalled")]),
    # g18 coordinated predicates share subject and date
    ("Tổng giám đốc IAEA Rafael Grossi hôm 4/3 đã tới thăm Tehran và hội đàm với Tổng thống Iran.",
     [("iaea", "ORG", ["IAEA"]), ("grossi", "PERSON", ["Rafael Grossi"]), IR], [("hôm 4/3", "2023-03-04")],
     [ev("visit", {"iaea", "ir"}, "2023-03-04", "held"), ev("talks", {"iaea", "ir"}, "2023-03-04", "held")]),
    # g19 launch sites are no launches
    ("Ảnh vệ tinh cho thấy Trung Quốc đã xây dựng thêm ba bãi phóng tên lửa trong sa mạc.", [CN], [], []),
    # g20 English launch verbs
    ("North Korea launched two short-range ballistic missiles into the sea on Thursday.",
     [("kp", "COUNTRY", ["North Korea"])], [("on Thursday", "2023-09-14")],
     [ev("incident", {"kp"}, "2023-09-14", "held")]),
    # g21 an exchange of diplomatic notes is no talks
    ("Hai bên đã trao đổi công hàm ngoại giao về việc này. Mỹ và Nga xác nhận điều đó.", [US, RU], [], []),
    # g22 military exercises are incidents of the exercising states
    ("Mỹ và Hàn Quốc bắt đầu cuộc tập trận chung quy mô lớn hôm 13/3.", [US, KR], [("hôm 13/3", "2023-03-13")],
     [ev("incident", {"us", "kr"}, "2023-03-13", "held")]),
    # g24 an official travelling to a place is a visit; a warning sent to a country is not
    ("Bộ trưởng Quốc phòng Mỹ Lloyd Austin hôm 5/6 đến Hà Nội. Ông Austin gửi lời cảnh báo tới Trung Quốc. "
     "Việt Nam coi Mỹ là đối tác.",
     [("austin", "PERSON", ["Lloyd Austin", "Austin"], "us"), US, CN, VN, ("hanoi", "LOC", ["Hà Nội"], "vn")],
     [("hôm 5/6", "2023-06-05")], [ev("visit", {"us", "vn"}, "2023-06-05", "held")]),
    # g25 an enumeration of parties runs over its commas
    ("Iran đã hội đàm với đại diện Anh, Pháp và Đức tại Geneva hôm 29/11.",
     [IR, ("gb", "COUNTRY", ["Anh"]), FR, ("de", "COUNTRY", ["Đức"]), GENEVA], [("hôm 29/11", "2023-11-29")],
     [ev("talks", {"ir", "gb", "fr", "de"}, "2023-11-29", "held")]),
    # g26 an agreement named only by a common noun is still signed
    ("Nga chuyển vũ khí sang Belarus theo thỏa thuận mà hai nước ký hồi tháng 5.",
     [RU, ("by", "COUNTRY", ["Belarus"])], [("hồi tháng 5", "2023-05")],
     [ev("treaty_action", {"ru", "by"}, "2023-05", "held")]),
    # g27 the Security Council meeting in emergency: the body is the party
    ("Hội đồng Bảo an Liên Hợp Quốc đã họp khẩn hôm 20/11 về vụ phóng vệ tinh của Triều Tiên.",
     [("unsc", "ORG", ["Hội đồng Bảo an Liên Hợp Quốc"]), KP], [("hôm 20/11", "2023-11-20")],
     [ev("talks", {"unsc"}, "2023-11-20", "held"), ev("incident", {"kp"}, None, "held")]),
    # g28 pulling a country out of a deal named by a common noun; the deal's year is not the action's
    ("Trump pulled the United States out of the 2015 nuclear deal in 2018.",
     [("trump", "PERSON", ["Trump"], "us"), ("us", "COUNTRY", ["United States"])], [("2015", "2015"), ("in 2018", "2018")],
     [ev("treaty_action", {"us"}, "2018", "held")]),
    # g29 a trade deal is no treaty action
    ("Hai nước đã ký thỏa thuận thương mại mới hôm 3/4.", [US, CN], [("hôm 3/4", "2023-04-03")], []),
    # g30 a visiting leader's talks with the leader he visits are a summit
    ("Tổng thống Nga Vladimir Putin hôm 19/6 tới Bình Nhưỡng. Sau khi hội đàm với Chủ tịch Kim Jong-un, "
     "ông Putin rời Triều Tiên.",
     [PUTIN, RU, KP, KIM, ("pyongyang", "LOC", ["Bình Nhưỡng"], "kp")], [("hôm 19/6", "2023-06-19")],
     [ev("visit", {"ru", "kp"}, "2023-06-19", "held"), ev("summit", {"ru", "kp"}, "2023-06-19", "held")]),
    # g31 a wish in a coordinated predicate does not change the meeting that happened
    ("Tổng thống Pháp đã gặp Chủ tịch Trung Quốc tại Bắc Kinh hôm 6/4 và kêu gọi Bắc Kinh làm nhiều hơn.",
     [FR, CN], [("hôm 6/4", "2023-04-06")],
     [ev("summit", {"fr", "cn"}, "2023-04-06", "held")]),
    # g32 "hội kiến" between heads of government is a summit
    ("Thủ tướng Ấn Độ Narendra Modi hội kiến Tổng thống Nga Vladimir Putin tại Moskva hôm 8/7.",
     [("modi", "PERSON", ["Narendra Modi"], "in"), PUTIN, IN, RU, ("moscow", "LOC", ["Moskva"])],
     [("hôm 8/7", "2023-07-08")], [ev("summit", {"in", "ru"}, "2023-07-08", "held")]),
    # g33 "conducted a test of" a missile
    ("Russia said on Wednesday it had conducted a test of its Sarmat intercontinental ballistic missile.",
     [("ru", "COUNTRY", ["Russia"]), ("sarmat", "WEAPON", ["Sarmat"])], [("on Wednesday", "2023-04-19")],
     [ev("incident", {"ru"}, "2023-04-19", "held")]),
    # g23 a meeting on the sidelines of a multilateral summit: only the bilateral meeting
    ("Thủ tướng Nhật Bản Kishida Fumio và Tổng thống Hàn Quốc Yoon Suk Yeol đã hội đàm bên lề hội nghị thượng "
     "đỉnh G7 tại Hiroshima hôm 21/5.",
     [("kishida", "PERSON", ["Kishida Fumio"], "jp"), ("yoon", "PERSON", ["Yoon Suk Yeol"], "kr"), JP, KR,
      ("hiroshima", "LOC", ["Hiroshima"])], [("hôm 21/5", "2023-05-21")],
     [ev("summit", {"jp", "kr"}, "2023-05-21", "held")]),
]


@pytest.mark.parametrize("text,entities,timexes,expected", CASES2, ids=[f"g{i + 1}" for i in range(len(CASES2))])
def test_generalisation_cases(text, entities, timexes, expected):
    assert core(events_of(text, entities, timexes)) == sorted(expected, key=_key)


def test_law_action_and_treaty_status():
    evs = events_of("Tổng thống Nga ngày 2/11 đã ký ban hành luật thu hồi việc phê chuẩn CTBT.",
                    [RU, CTBT], [("ngày 2/11", "2023-11-02")])
    assert [(e.attributes["action"], e.status) for e in evs] == [("withdraw", "held")]
    evs = events_of("Nga tuyên bố đình chỉ việc tham gia Hiệp ước New START hôm 21/2.", [RU, NEWSTART],
                    [("hôm 21/2", "2023-02-21")])
    assert [(e.attributes["action"], e.status) for e in evs] == [("suspend", "held")]


def test_reference_back_to_a_meeting():
    text = ("Tổng thống Mỹ và Tổng thống Nga đã hội đàm tại Geneva hôm 16/6. Sau cuộc hội đàm, hai nhà lãnh đạo "
            "ra tuyên bố chung.")
    evs = events_of(text, [US, RU, GENEVA], [("hôm 16/6", "2021-06-16")])
    assert len(evs) == 1 and evs[0].date == "2021-06-16"


def test_report_named_again_without_author():
    text = ("Bộ Quốc phòng Mỹ công bố báo cáo thường niên hôm 19/10. Báo cáo năm ngoái ước tính Trung Quốc có "
            "hơn 400 đầu đạn.")
    evs = events_of(text, [("dod", "ORG", ["Bộ Quốc phòng Mỹ"], "us"), CN],
                    [("hôm 19/10", "2023-10-19"), ("năm ngoái", "2022")])
    assert sorted((e.type, e.date) for e in evs) == [("report", "2022"), ("report", "2023-10-19")]


# ---------------------------------------------------------------- third round: reports, conferences, strikes
SIPRI = ("sipri", "ORG", ["Viện Nghiên cứu Hòa bình Quốc tế Stockholm", "SIPRI"])
UA = ("ua", "COUNTRY", ["Ukraine"])
CASES3 = [
    # r1 a research institute publishing its yearbook is a report; dated by the day before the verb, not by
    # the edition year after the document noun
    ("Viện Nghiên cứu Hòa bình Quốc tế Stockholm hôm thứ Hai công bố niên giám năm 2024 về các kho vũ khí.",
     [SIPRI], [("hôm thứ Hai", "2024-06-17"), ("năm 2024", "2024")],
     [ev("report", {"sipri"}, "2024-06-17", "held")]),
    # r2 ... but an institute's estimate is still no official report
    ("SIPRI ước tính Ấn Độ có khoảng 170 đầu đạn hạt nhân hồi tháng 1.", [SIPRI, IN], [("hồi tháng 1", "2024-01")], []),
    # r3 a released review: what it says ("will face") is not the tense of its publication
    ("The Pentagon on Friday released its annual Missile Defense Review, which says the United States will face "
     "new threats.",
     [("dod", "ORG", ["Pentagon"], "us"), ("us", "COUNTRY", ["United States"])], [("on Friday", "2023-11-24")],
     [ev("report", {"us"}, "2023-11-24", "held")]),
    # r4 a hyphenated compound is no trigger: "air-launched ... missile" is a weapon, not a launch
    ("The new strategy cancels the air-launched hypersonic missile program of the previous government.",
     [US], [], []),
    # r5 a strike "with a missile" names its actor
    ("Russia hit the port of Odesa with a hypersonic missile on Sunday, Ukrainian officials said.",
     [("ru", "COUNTRY", ["Russia"]), ("odesa", "LOC", ["Odesa"])], [("on Sunday", "2023-11-26")],
     [ev("incident", {"ru"}, "2023-11-26", "held")]),
    # r6 "remains ready to" talks: an offer
    ("Japan remains ready to hold talks with North Korea without preconditions.", [JP, KP], [],
     [ev("talks", {"jp", "kp"}, None, "proposed")]),
    # r7 a named conference opening tomorrow: no party taken from the bilateral meeting before it
    ("Thủ tướng Ấn Độ và Thủ tướng Nhật Bản đã hội đàm hôm nay. Hội nghị thượng đỉnh G7 sẽ khai mạc vào ngày mai.",
     [IN, JP, ("g7_summit", "EVENT_NAME", ["Hội nghị thượng đỉnh G7"])],
     [("hôm nay", "2023-05-19"), ("ngày mai", "2023-05-20")],
     [ev("summit", {"in", "jp"}, "2023-05-19", "held"), ev("summit", set(), "2023-05-20", "planned")]),
    # r8 a review conference that closed: held, with the forum's body and no invented pair
    ("Hội nghị rà soát Công ước Vũ khí sinh học đã bế mạc tại Geneva hôm thứ Sáu mà không có tuyên bố chung.",
     [GENEVA, ("bwc_revcon", "EVENT_NAME", ["Hội nghị rà soát Công ước Vũ khí sinh học"])],
     [("hôm thứ Sáu", "2022-12-16")],
     [ev("talks", set(), "2022-12-16", "held")]),
    # r9 a meeting of a UN body named right after the noun: the body is the party
    ("Cuộc họp của Hội đồng Bảo an sẽ diễn ra vào thứ Hai tuần tới theo đề nghị của Mỹ.",
     [US, ("unsc", "ORG", ["Hội đồng Bảo an"])], [("thứ Hai tuần tới", "2023-12-04")],
     [ev("talks", {"unsc"}, "2023-12-04", "planned")]),
    # r11 an enumeration of parties before the clause's last comma segment
    ("The United States, Japan and South Korea held trilateral talks in Tokyo on Monday.",
     [("us", "COUNTRY", ["United States"]), JP, KR, ("tokyo", "LOC", ["Tokyo"], "jp")], [("on Monday", "2023-11-27")],
     [ev("talks", {"us", "jp", "kr"}, "2023-11-27", "held")]),
    # r12 two leaders signing a joint declaration met; "tuyên bố chung" is a noun, not a verb of saying
    ("Tổng thống Hàn Quốc và Thủ tướng Nhật Bản đã ký một tuyên bố chung tại Seoul hôm 7/5.",
     [KR, JP], [("hôm 7/5", "2023-05-07")], [ev("summit", {"kr", "jp"}, "2023-05-07", "held")]),
    # r13 ... an agency and a government issuing a statement did not hold a summit
    ("IAEA và Iran đã ra tuyên bố chung hôm 4/3.", [("iaea", "ORG", ["IAEA"]), IR], [("hôm 4/3", "2023-03-04")], []),
    # r14 a UN body meets as a body, with no partner
    ("The UN Security Council met on Monday to discuss the launch.", [("unsc", "ORG", ["UN Security Council"])],
     [("on Monday", "2023-11-27")], [ev("talks", {"unsc"}, "2023-11-27", "held")]),
    # r15 an attack "bằng ... tên lửa": a strike by its subject on its target
    ("Iran tấn công Israel bằng hơn 300 tên lửa và máy bay không người lái hôm 13/4.",
     [IR, ("il", "COUNTRY", ["Israel"])], [("hôm 13/4", "2023-04-13")],
     [ev("incident", {"ir", "il"}, "2023-04-13", "held")]),
    # r16 a government publishing a document is its author
    ("Nhật Bản hôm thứ Sáu đã công bố sách trắng quốc phòng thường niên.", [JP], [("hôm thứ Sáu", "2023-07-28")],
     [ev("report", {"jp"}, "2023-07-28", "held")]),
    # r17 a named conference in English, as a noun after an article; "on Saturday" is its date, not its topic
    ("The G20 summit opened in New Delhi on Saturday.",
     [("g20_summit", "EVENT_NAME", ["G20 summit"]), ("delhi", "LOC", ["New Delhi"])], [("on Saturday", "2023-09-09")],
     [ev("summit", set(), "2023-09-09", "held")]),
    # r10 talks "with" a body are bilateral talks, not a forum
    ("Iran đã đàm phán với IAEA tại Tehran hôm 4/3.", [IR, ("iaea", "ORG", ["IAEA"])], [("hôm 4/3", "2023-03-04")],
     [ev("talks", {"ir", "iaea"}, "2023-03-04", "held")]),
]


@pytest.mark.parametrize("text,entities,timexes,expected", CASES3, ids=[f"r{i + 1}" for i in range(len(CASES3))])
def test_third_round_cases(text, entities, timexes, expected):
    assert core(events_of(text, entities, timexes)) == sorted(expected, key=_key)


# ---------------------------------------------------------------- fourth round: relative dates, implied meetings,
# proposals, visits to cities, the parties of this event, habitual and negated events (one case per general cause)
XI = ("xi", "PERSON", ["Tập Cận Bình", "Xi Jinping", "ông Tập"], "cn")
BIDEN = ("biden", "PERSON", ["Joe Biden", "Biden"], "us")
BLINKEN = ("blinken", "PERSON", ["Antony Blinken", "Blinken"], "us")
LAVROV = ("lavrov", "PERSON", ["Sergei Lavrov", "Lavrov"], "ru")
UN = ("un", "ORG", ["Liên Hợp Quốc", "United Nations"])
GB = ("gb", "COUNTRY", ["Anh", "Britain"])
PYONGYANG = ("pyongyang", "LOC", ["Bình Nhưỡng", "Pyongyang"])
CASES4 = [
    # f1 "N ngày sau cuộc gặp": the meeting's date plus N days
    ("Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un đã hội đàm tại Vostochny hôm 13/9. "
     "Hai ngày sau cuộc gặp, Triều Tiên phóng hai tên lửa đạn đạo ra biển.",
     [PUTIN, KIM, RU, KP, ("vostochny", "LOC", ["Vostochny"])], [("hôm 13/9", "2023-09-13"), ("Hai ngày", "P2D")],
     [ev("summit", {"ru", "kp"}, "2023-09-13", "held"), ev("incident", {"kp"}, "2023-09-15", "held")]),
    # f2 "Cùng ngày": the day of the event told just before
    ("Ngày 12/6/2018, Tổng thống Mỹ Donald Trump và Chủ tịch Triều Tiên Kim Jong-un gặp nhau tại Singapore. "
     "Cùng ngày, Ngoại trưởng Mỹ Mike Pompeo điện đàm với Ngoại trưởng Hàn Quốc Kang Kyung-wha.",
     [TRUMP, KIM, US, KP, KR, ("singapore", "LOC", ["Singapore"]), ("pompeo", "PERSON", ["Mike Pompeo"], "us"),
      ("kang", "PERSON", ["Kang Kyung-wha"], "kr")], [("Ngày 12/6/2018", "2018-06-12")],
     [ev("summit", {"us", "kp"}, "2018-06-12", "held"), ev("call", {"us", "kr"}, "2018-06-12", "held")]),
    # f3 "một tuần trước cuộc gặp": the meeting's date minus a week
    ("Tổng thống Joe Biden và Chủ tịch Tập Cận Bình gặp nhau tại Bali ngày 14/11/2022. Một tuần trước cuộc gặp, "
     "Cố vấn An ninh Quốc gia Mỹ Jake Sullivan đã điện đàm với Ngoại trưởng Trung Quốc Vương Nghị.",
     [BIDEN, XI, US, CN, ("bali", "LOC", ["Bali"]), ("sullivan", "PERSON", ["Jake Sullivan"], "us"),
      ("wangyi", "PERSON", ["Vương Nghị"], "cn")], [("ngày 14/11/2022", "2022-11-14"), ("Một tuần", "P1W")],
     [ev("summit", {"us", "cn"}, "2022-11-14", "held"), ev("call", {"us", "cn"}, "2022-11-07", "held")]),
    # f4 "N days after the call" in English; a visit to a city whose country the page does not name cites the city
    ("U.S. Defense Secretary Lloyd Austin held a video call with Chinese Defense Minister Dong Jun on April 16. "
     "Eight days after the call, Secretary of State Antony Blinken arrived in Shanghai.",
     [("austin", "PERSON", ["Lloyd Austin"], "us"), ("dong", "PERSON", ["Dong Jun"], "cn"), BLINKEN,
      ("shanghai", "LOC", ["Shanghai"])], [("on April 16", "2024-04-16"), ("Eight days", "P8D")],
     [ev("call", {"austin", "dong"}, "2024-04-16", "held"), ev("visit", {"blinken", "shanghai"}, "2024-04-24", "held")]),
    # f5 "ngày hôm sau": the next day
    ("Ngoại trưởng Mỹ Antony Blinken hội đàm với Ngoại trưởng Trung Quốc Tần Cương tại Bắc Kinh ngày 18/6/2023. "
     "Ngày hôm sau, ông Blinken hội kiến Chủ tịch Tập Cận Bình.",
     [BLINKEN, XI, US, CN, ("qingang", "PERSON", ["Tần Cương"], "cn"), ("beijing", "LOC", ["Bắc Kinh"])],
     [("ngày 18/6/2023", "2023-06-18")],
     [ev("talks", {"us", "cn"}, "2023-06-18", "held"), ev("talks", {"us", "cn"}, "2023-06-19", "held")]),
    # f6 a weekday on a page with no date: no date the contract can write, still a visit that happened
    ("Hôm thứ Ba, Ngoại trưởng Nga Sergei Lavrov đến Bình Nhưỡng.",
     [LAVROV, RU, PYONGYANG], [("Hôm thứ Ba", "XXXX-WXX-2")], [ev("visit", {"ru", "pyongyang"}, None, "held")], None),
    # f7 "cuộc gặp giữa ông A và ông B": leaders meeting is a summit
    ("Cuộc gặp giữa ông Kim và ông Trump tại Hà Nội kết thúc sớm mà không có thỏa thuận.",
     [("kim_jong_un", "PERSON", ["Kim"], "kp"), ("donald_trump", "PERSON", ["Trump"], "us"),
      ("hanoi", "LOC", ["Hà Nội"])], [],
     [ev("summit", {"kim_jong_un", "donald_trump"}, None, "held")]),
    # f8 "hai nhà lãnh đạo ... gặp nhau": a summit
    ("Hai nhà lãnh đạo Mỹ và Trung Quốc gặp nhau tại San Francisco hôm 15/11.",
     [US, CN, ("sf", "LOC", ["San Francisco"])], [("hôm 15/11", "2023-11-15")],
     [ev("summit", {"us", "cn"}, "2023-11-15", "held")]),
    # f9 leaders meeting on the sidelines of a summit: only their meeting
    ("Ông Putin và ông Tập đã gặp nhau bên lề hội nghị thượng đỉnh SCO tại Samarkand.",
     [("vladimir_putin", "PERSON", ["Putin"], "ru"), ("xi_jinping", "PERSON", ["Tập"], "cn"), ("sco", "ORG", ["SCO"]),
      ("samarkand", "LOC", ["Samarkand"])], [],
     [ev("summit", {"vladimir_putin", "xi_jinping"}, None, "held")]),
    # f10 "đề xuất tổ chức hội đàm": proposed
    ("Hàn Quốc đề xuất tổ chức hội đàm quân sự với Triều Tiên.", [KR, KP], [],
     [ev("talks", {"kr", "kp"}, None, "proposed")]),
    # f11 "kêu gọi nối lại đàm phán": proposed, and the body that calls is no party
    ("Liên Hợp Quốc kêu gọi Mỹ và Iran nối lại đàm phán hạt nhân.", [UN, US, IR], [],
     [ev("talks", {"us", "ir"}, None, "proposed")]),
    # f12 "sẵn sàng đối thoại ... nếu": an offer, the condition comes after it
    ("Triều Tiên tuyên bố sẵn sàng đối thoại với Mỹ nếu Washington từ bỏ chính sách thù địch.", [KP, US], [],
     [ev("talks", {"kp", "us"}, None, "proposed")]),
    # f13 "ready to resume indirect talks"
    ("Iran said it was ready to resume indirect talks with the United States.",
     [("ir", "COUNTRY", ["Iran"]), ("us", "COUNTRY", ["United States"])], [],
     [ev("talks", {"ir", "us"}, None, "proposed")]),
    # f14 a leader proposing a summit with two other countries
    ("Tổng thống Pháp Emmanuel Macron đề nghị tổ chức một hội nghị thượng đỉnh với Nga và Ukraine.",
     [FR, RU, UA, ("macron", "PERSON", ["Emmanuel Macron"], "fr")], [],
     [ev("summit", {"fr", "ru", "ua"}, None, "proposed")]),
    # f15 a refused offer: the talks stay proposed (as case 3)
    ("Triều Tiên bác bỏ lời đề nghị đối thoại của Hàn Quốc.", [KP, KR], [], [ev("talks", {"kp", "kr"}, None, "proposed")]),
    # f16 negated: no talks held
    ("Mỹ và Nga không tổ chức vòng đàm phán ổn định chiến lược nào trong năm 2023.", [US, RU],
     [("năm 2023", "2023")], []),
    # f17 negated plan
    ("Ông Biden cho biết ông không có kế hoạch gặp ông Putin.", [BIDEN, ("putin", "PERSON", ["Putin"], "ru")], [], []),
    # f18 negated, English
    ("The two sides did not hold any talks on arms control last year.", [], [("last year", "2022")], []),
    # f19 hypothetical
    ("Nếu hội nghị thượng đỉnh Mỹ - Triều diễn ra, đây sẽ là lần đầu tiên sau 5 năm.", [US, KP], [], []),
    # f20 habitual over decades: no single happening
    ("Trong nhiều thập kỷ, Mỹ và Nga đã đàm phán các hiệp ước cắt giảm vũ khí.", [US, RU], [], []),
    # f21 "như Mỹ đã làm với Nga": a comparison, not a happening told here
    ("Bắc Kinh không muốn tham gia các cuộc đàm phán cắt giảm vũ khí như Mỹ đã làm với Nga.",
     [("cn", "COUNTRY", ["Bắc Kinh"]), US, RU], [], []),
    # f22 habitual, English
    ("For decades, Washington and Moscow negotiated limits on their arsenals.",
     [("us", "COUNTRY", ["Washington"]), ("ru", "COUNTRY", ["Moscow"])], [], []),
    # f23 a regular schedule ("hai lần mỗi năm") is no single happening
    ("Các quan chức Mỹ và Nhật Bản thường tham vấn về răn đe mở rộng hai lần mỗi năm.", [US, JP],
     [("hai lần mỗi năm", "P6M", "SET")], []),
    # f24 stalled talks
    ("Các cuộc đàm phán hạt nhân giữa Mỹ và Iran tại Vienna đã rơi vào bế tắc.", [US, IR, ("vienna", "LOC", ["Vienna"])],
     [], [ev("talks", {"us", "ir"}, None, "stalled")]),
    # f25 a halted dialogue
    ("Tiến trình đối thoại liên Triều bị đình trệ sau khi Triều Tiên cắt đường dây nóng.", [KP], [],
     [ev("talks", {"kp"}, None, "stalled")]),
    # f26 planned visit to a capital whose country is not named
    ("Ngoại trưởng Mỹ dự kiến sẽ thăm Bắc Kinh vào cuối tuần này.", [US, ("beijing", "LOC", ["Bắc Kinh"])],
     [("cuối tuần này", "2023-W48-WE")], [ev("visit", {"us", "beijing"}, "2023-12", "planned")], "2023-11-28"),
    # f27 planned meeting in English
    ("Japanese and South Korean defense ministers are scheduled to meet in Singapore next month.",
     [("jp", "COUNTRY", ["Japanese"]), ("kr", "COUNTRY", ["South Korean"]), ("singapore", "LOC", ["Singapore"])],
     [("next month", "2024-01")], [ev("talks", {"jp", "kr"}, "2024-01", "planned")], "2023-12-05"),
    # f28 delegations met on a weekday of a dated page
    ("Phái đoàn Mỹ và Triều Tiên đã có cuộc gặp kín tại Stockholm hôm thứ Bảy.",
     [US, KP, ("stockholm", "LOC", ["Stockholm"])], [("hôm thứ Bảy", "2019-10-05")],
     [ev("talks", {"us", "kp"}, "2019-10-05", "held")]),
    # f29 a visit to a city: the traveller's country and the city
    ("Thủ tướng Nhật Bản Fumio Kishida đã đến Kiev hôm 21/3.",
     [JP, ("kishida", "PERSON", ["Fumio Kishida"], "jp"), ("kyiv", "LOC", ["Kiev"])], [("hôm 21/3", "2023-03-21")],
     [ev("visit", {"jp", "kyiv"}, "2023-03-21", "held")]),
    # f30 what is discussed is no party
    ("Trong cuộc hội đàm tại Tokyo, Thủ tướng Nhật Bản và Tổng thống Hàn Quốc đã thảo luận về vụ phóng tên lửa "
     "của Triều Tiên.", [JP, KR, KP, ("tokyo", "LOC", ["Tokyo"])], [],
     [ev("summit", {"jp", "kr"}, None, "held"), ev("incident", {"kp"}, None, "held")]),
    # f31 a country acting in another clause is no party
    ("Mỹ và Nhật Bản đã hội đàm về an ninh, trong khi Trung Quốc tiến hành tập trận gần Đài Loan.",
     [US, JP, CN, ("tw", "LOC", ["Đài Loan"])], [],
     [ev("talks", {"us", "jp"}, None, "held"), ev("incident", {"cn"}, None, "held")]),
    # f32 a news agency cited as source is no party
    ("Theo hãng thông tấn Yonhap của Hàn Quốc, Triều Tiên đã phóng một tên lửa đạn đạo.",
     [KR, KP, ("yonhap", "ORG", ["Yonhap"], "kr")], [], [ev("incident", {"kp"}, None, "held")]),
    # f33 talks held before, and the coming round named "lần này": two events
    ("Năm ngoái, Nhật Bản và Úc đã bàn về hợp tác quốc phòng ở cấp thứ trưởng, còn các cuộc hội đàm lần này sẽ "
     "tập trung vào tên lửa.", [JP, AU], [("Năm ngoái", "2022")],
     [ev("talks", {"jp", "au"}, "2022", "held"), ev("talks", {"jp", "au"}, None, "planned")]),
    # f34 a leader met before a call: the meeting and the call, each with its own parties
    ("Sau khi gặp Tổng thống Ukraine tại Kiev, ông Biden đã điện đàm với Thủ tướng Anh.",
     [("joe_biden", "PERSON", ["Biden"], "us"), UA, GB, ("kyiv", "LOC", ["Kiev"])], [],
     [ev("summit", {"joe_biden", "ua"}, None, "held"), ev("call", {"joe_biden", "gb"}, None, "held")]),
]


@pytest.mark.parametrize("case", CASES4, ids=[f"f{i + 1}" for i in range(len(CASES4))])
def test_fourth_round_cases(case):
    check_case(case, "2024-12-31")  # (a case may carry a page date of its own, or None: an undated page)


# ---------------------------------------------------------------- fifth round (causes first seen on the fresh gold set,
# written here as sentences of our own)
INF_T = ("inf", "TREATY", ["INF", "Hiệp ước INF"])
CASES5 = [
    # h1 two leaders signing together met; a treaty named before "được ... ký" is signed (passive)
    ("Tổng thống Nga Vladimir Putin và Chủ tịch Triều Tiên Kim Jong-un ngày 19/6 đã ký Hiệp ước Đối tác chiến lược "
     "toàn diện.", [("vladimir_putin", "PERSON", ["Vladimir Putin"], "ru"), ("kim_jong_un", "PERSON", ["Kim Jong-un"], "kp"),
                    RU, KP, ("csp", "TREATY", ["Hiệp ước Đối tác chiến lược toàn diện"])], [("ngày 19/6", "2024-06-19")],
     [ev("treaty_action", {"ru", "kp"}, "2024-06-19", "held"), ev("summit", {"ru", "kp"}, "2024-06-19", "held")]),
    # h2 ... but a signing told as background is no meeting told
    ("INF được Tổng thống Mỹ Ronald Reagan và nhà lãnh đạo Liên Xô Mikhail Gorbachev ký tại Washington ngày 8/12/1987.",
     [INF_T, ("ronald_reagan", "PERSON", ["Ronald Reagan"], "us"), ("mikhail_gorbachev", "PERSON", ["Mikhail Gorbachev"], "su"),
      US, ("su", "COUNTRY", ["Liên Xô"]), ("washington_dc", "LOC", ["Washington"])], [("ngày 8/12/1987", "1987-12-08")],
     [ev("treaty_action", {"us", "su"}, "1987-12-08", "held")]),
    # h3 a withdrawal taking effect is not the treaty entering into force
    ("Ngoại trưởng Mỹ ngày 2/8 tuyên bố việc Mỹ rút khỏi Hiệp ước INF có hiệu lực từ hôm nay.",
     [US, INF_T], [("ngày 2/8", "2019-08-02"), ("hôm nay", "2019-08-02")],
     [ev("treaty_action", {"us"}, "2019-08-02", "held")], "2019-08-02"),
    # h4 the other side of an offer is named in the sentence, not taken from the page's usual pair
    ("Mỹ và Nga đã hội đàm tại Geneva. Washington nhiều lần đề nghị đối thoại về phi hạt nhân hóa, nhưng Bình Nhưỡng "
     "đều từ chối.", [("us", "COUNTRY", ["Mỹ", "Washington"]), RU, ("kp", "COUNTRY", ["Bình Nhưỡng"]),
                       GENEVA], [],
     [ev("talks", {"us", "ru"}, None, "held"), ev("talks", {"us", "kp"}, None, "proposed")]),
    # h5 the day a news agency reports a launch is not the day of the launch it refers to
    ("Triều Tiên phóng tên lửa đạn đạo xuyên lục địa hôm 18/11. Hãng thông tấn KCNA hôm 19/11 đưa tin ông Kim "
     "trực tiếp giám sát vụ phóng.", [KP, ("kcna", "ORG", ["KCNA"], "kp"), ("kim_jong_un", "PERSON", ["Kim"], "kp")],
     [("hôm 18/11", "2022-11-18"), ("hôm 19/11", "2022-11-19")],
     [ev("incident", {"kp"}, "2022-11-18", "held")]),
    # h6 "N ngày sau khi <clause>": the clause's launch is dated back from the main one, and is another launch
    ("Triều Tiên phóng tên lửa đạn đạo hôm 18/11. Vụ phóng diễn ra một ngày sau khi Triều Tiên bắn một tên lửa tầm ngắn.",
     [KP], [("hôm 18/11", "2022-11-18"), ("một ngày", "P1D")],
     [ev("incident", {"kp"}, "2022-11-18", "held"), ev("incident", {"kp"}, "2022-11-17", "held")]),
    # h7 an event named as the time after which something happened is past, whatever the main verb says
    ("Đối thoại ổn định chiến lược Nga - Mỹ, được khởi động sau cuộc gặp thượng đỉnh giữa Tổng thống Joe Biden và "
     "Tổng thống Vladimir Putin tại Geneva, đã bị đình trệ.",
     [("joe_biden", "PERSON", ["Joe Biden"], "us"), ("vladimir_putin", "PERSON", ["Vladimir Putin"], "ru"), GENEVA, RU, US],
     [], [ev("talks", {"ru", "us"}, None, "stalled"), ev("summit", {"ru", "us"}, None, "held")]),
    # h8 a host receiving leaders is a summit
    ("Tổng thống Mỹ Joe Biden ngày 18/8 tiếp Tổng thống Hàn Quốc Yoon Suk Yeol và Thủ tướng Nhật Bản Fumio Kishida tại "
     "Camp David.", [("joe_biden", "PERSON", ["Joe Biden"], "us"), ("yoon", "PERSON", ["Yoon Suk Yeol"], "kr"),
                     ("kishida", "PERSON", ["Fumio Kishida"], "jp"), US, KR, JP, ("camp_david", "LOC", ["Camp David"])],
     [("ngày 18/8", "2023-08-18")], [ev("summit", {"us", "kr", "jp"}, "2023-08-18", "held")]),
    # h9 "khi gặp nhau": the subjects before the verb meet; a date fronted before a comma dates the sentence
    ("Tháng 6 năm ngoái, Tổng thống Mỹ Joe Biden và Tổng thống Nga Vladimir Putin tái khẳng định nguyên tắc này khi "
     "gặp nhau tại Geneva.", [("joe_biden", "PERSON", ["Joe Biden"], "us"), ("vladimir_putin", "PERSON", ["Vladimir Putin"], "ru"),
                             US, RU, GENEVA], [("Tháng 6 năm ngoái", "2021-06")],
     [ev("summit", {"us", "ru"}, "2021-06", "held")]),
    # h10 a participle fronted before its treaty; a treaty named by a common noun; a trade deal is still no treaty
    ("Mỹ và Nga đã hoãn cuộc họp về New START. Được ký tại Prague năm 2010, New START giới hạn mỗi bên ở mức 1.550 "
     "đầu đạn. Liên Xô và Triều Tiên từng ký hiệp ước hữu nghị năm 1961. Hai nước đã ký hiệp ước thương mại mới hôm 3/4.",
     [US, RU, NEWSTART, ("prague", "LOC", ["Prague"]), ("su", "COUNTRY", ["Liên Xô"]), KP],
     [("năm 2010", "2010"), ("năm 1961", "1961"), ("hôm 3/4", "2024-04-03")],
     [ev("talks", {"us", "ru"}, None, "stalled"), ev("treaty_action", {"us", "ru"}, "2010", "held"),
      ev("treaty_action", {"su", "kp"}, "1961", "held")]),
    # h11 "thay vì gặp nhau": not a meeting
    ("Ba nhà lãnh đạo tổ chức hội nghị thượng đỉnh riêng tại Camp David thay vì gặp nhau bên lề các diễn đàn đa phương.",
     [US, JP, KR, ("camp_david", "LOC", ["Camp David"])], [], []),
    # h12 the pair in context is not one told as background decades before
    ("Liên Xô và Triều Tiên từng ký hiệp ước hữu nghị năm 1961. Mỹ và Nga đã hội đàm hôm qua. Hai bên sẽ gặp lại vào "
     "tháng sau.", [("su", "COUNTRY", ["Liên Xô"]), KP, US, RU], [("năm 1961", "1961"), ("hôm qua", "2024-12-30"),
                                                                 ("tháng sau", "2025-01")],
     [ev("treaty_action", {"su", "kp"}, "1961", "held"), ev("talks", {"us", "ru"}, "2024-12-30", "held"),
      ev("talks", {"us", "ru"}, "2025-01", "planned")]),
    # h13 an adverbial between a verb of travel and its destination
    ("Biden travels on Sunday to Brazil for the G20 summit.",
     [("joe_biden", "PERSON", ["Biden"], "us"), ("br", "COUNTRY", ["Brazil"]), ("g20", "EVENT_NAME", ["G20 summit"])],
     [("on Sunday", "2024-11-17")],
     [ev("visit", {"joe_biden", "br"}, "2024-11-17", "planned")], "2024-11-16"),
]


@pytest.mark.parametrize("case", CASES5, ids=[f"h{i + 1}" for i in range(len(CASES5))])
def test_fifth_round_cases(case):
    check_case(case, "2024-12-31")


def test_fourth_round_is_enough():
    assert len(CASES4) >= 30
    statuses = [e[3] for c in CASES4 for e in c[3]]
    assert sum(1 for c in CASES4 if not c[3]) >= 6  # negated, refused, hypothetical, habitual
    assert all(statuses.count(s) >= 2 for s in ("planned", "proposed", "stalled", "held"))


def test_attributes_stay_with_their_event():
    """A format or a track belongs to the meeting it is said of, and an anaphor with another track is
    not the meeting just told."""
    evs = events_of("Mỹ và Nhật Bản đã tổ chức đối thoại 2+2 tại Tokyo hôm 28/7. Cùng ngày, Bộ trưởng Quốc phòng "
                    "Mỹ có cuộc họp ba bên với người đồng cấp Nhật Bản và Hàn Quốc.",
                    [US, JP, KR, ("tokyo", "LOC", ["Tokyo"])], [("hôm 28/7", "2024-07-28")])
    got = sorted((len(e.participants), e.attributes.get("format")) for e in evs)
    assert got == [(2, "2+2"), (3, None)]
    text = ("Tháng 3, các học giả Mỹ và Trung Quốc gặp nhau trong một cuộc đối thoại Kênh 2 tại Thượng Hải. "
            "Tháng 11, hai nước tổ chức đàm phán chính thức Kênh 1 tại Washington. "
            "Cuộc đối thoại Kênh 2 này kéo dài hai ngày.")
    evs = events_of(text, [US, CN, ("shanghai", "LOC", ["Thượng Hải"]), ("washington_dc", "LOC", ["Washington"])],
                    [("Tháng 3", "2024-03"), ("Tháng 11", "2023-11")])
    anaphor = text.index("Cuộc đối thoại Kênh 2 này") + len("Cuộc ")
    got = sorted((e.attributes["track"], e.date, any(m["start"] == anaphor for m in e.attributes["mentions"]))
                 for e in evs)
    assert got == [("1", "2023-11", False), ("2", "2024-03", True)]


# ---------------------------------------------------------------- whole articles of our own (tests/data/events)
ARTICLES = Path(__file__).resolve().parent / "data" / "events"


def _party_countries(doc, event) -> set[str]:
    """Participants, plus the country each person or body stands for."""
    from armswatch.kb import load_kb

    kb = load_kb()
    ents = {x.id: x for x in doc.entities}
    out = set()
    for p in event.participants:
        out.add(p)
        ent = ents.get(p)
        if ent is not None and ent.type != "COUNTRY":
            k = kb.get(p)
            c = ent.country or (k.country or k.metonym_of if k else None)  # (a city cited for its country)
            if c:
                out.add(c)
    return out


def _article_result(path):
    from armswatch import pipeline
    from armswatch.ingest import RawDoc

    exp = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    doc = pipeline.process(RawDoc(source=str(path), content=path.read_bytes()))
    got = [(e.type, _party_countries(doc, e), e.date, e.status) for e in doc.events]

    def ok(s, g):
        return s[0] == g["type"] and set(g["participants"]) <= s[1] and s[2] in g["date"]

    used, missed, status_ok = set(), [], 0
    for g in exp["events"]:
        hit = next((i for i, s in enumerate(got) if i not in used and ok(s, g) and s[3] in g["status"]), None)
        if hit is None:
            hit = next((i for i, s in enumerate(got) if i not in used and ok(s, g)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            status_ok += got[hit][3] in g["status"]
    for g in exp.get("optional", []):
        hit = next((i for i, s in enumerate(got) if i not in used and ok(s, g)), None)
        if hit is not None:
            used.add(hit)
    extra = [s for i, s in enumerate(got) if i not in used]
    return len(exp["events"]), missed, extra, status_ok


def test_own_articles_are_enough():
    paths = sorted(ARTICLES.glob("*.txt"))
    assert len(paths) >= 7
    assert sum(1 for p in paths if p.name.startswith("en_")) >= 2


def test_own_articles():
    """Articles written for these tests about other real events (2019-2023): the events we expect, found
    through the whole pipeline (entities and timexes included)."""
    total = found = extra_n = status = 0
    report = []
    for p in sorted(ARTICLES.glob("*.txt")):
        n, missed, extra, status_ok = _article_result(p)
        total += n
        found += n - len(missed)
        extra_n += len(extra)
        status += status_ok
        report += [f"{p.stem}: missed {g}" for g in missed] + [f"{p.stem}: extra {x}" for x in extra]
    recall = found / total
    precision = found / max(1, found + extra_n)
    assert total >= 20
    assert recall >= 0.9 and precision >= 0.9 and status / max(1, found) >= 0.9, "\n".join(report)


def test_ranked_call_and_less_than_a_month():
    """"lần thứ hai" is not the earlier call named after "sau"; "chưa đầy một tháng" (less than a month) is no
    "not yet": the second call happened."""
    text = ("Tuần trước, ông Biden và ông Putin đã điện đàm lần thứ hai trong vòng chưa đầy một tháng, sau cuộc hội "
            "đàm trực tuyến hôm 7/12.")
    evs = events_of(text, [("joe_biden", "PERSON", ["Biden"], "us"), ("vladimir_putin", "PERSON", ["Putin"], "ru")],
                    [("Tuần trước", "2021-W52"), ("một tháng", "P1M"), ("hôm 7/12", "2021-12-07")],
                    published="2022-01-04")
    calls = [(e.date, e.status) for e in evs if e.type == "call"]
    assert ("2021-12", "held") in calls and ("2021-12-07", "proposed") not in calls


# Sixth round (issue #5, recall on unseen articles): joint declarations adopted by states are a treaty action
# (sign), named or told as joint/signed; a bare statement of one ministry is none; a call told with its date but
# with a pronoun for its parties ("They last spoke by phone") is between the pair in context; a strike on
# facilities is an incident whose other side is the country of what is struck.
GB = ("gb", "COUNTRY", ["Anh", "Britain", "United Kingdom"])
DE = ("de", "COUNTRY", ["Đức", "Germany"])
CASES6I = [
    # i1 a named declaration issued by two leaders: the text is adopted, and the leaders met
    ("Ngày 14/3, Thủ tướng Ấn Độ Narendra Modi và Tổng thống Pháp Emmanuel Macron ra Tuyên bố New Delhi về hợp tác "
     "hạt nhân dân sự.", [IN, FR, ("modi", "PERSON", ["Narendra Modi"], "in"), ("macron", "PERSON", ["Emmanuel Macron"], "fr"),
                          ("ndd", "TREATY", ["Tuyên bố New Delhi"])], [("Ngày 14/3", "2024-03-14")],
     [ev("treaty_action", {"in", "fr"}, "2024-03-14", "held"), ev("summit", {"in", "fr"}, "2024-03-14", "held")]),
    # i2 an unnamed joint statement published by two governments
    ("Bộ Ngoại giao Đức và Bộ Ngoại giao Pháp hôm 2/10 công bố tuyên bố chung về kiểm soát vũ khí.",
     [DE, FR], [("hôm 2/10", "2024-10-02")], [ev("treaty_action", {"de", "fr"}, "2024-10-02", "held")]),
    # i3 English: a declaration signed alongside another leader
    ("Prime Minister Narendra Modi ended his trip on Friday with a declaration signed alongside President Emmanuel "
     "Macron in Paris.", [IN, FR, ("modi", "PERSON", ["Narendra Modi"], "in"), ("macron", "PERSON", ["Emmanuel Macron"], "fr"),
                          ("paris", "LOC", ["Paris"])], [("on Friday", "2024-02-16")],
     [ev("treaty_action", {"modi", "macron"}, "2024-02-16", "held")]),  # (countries unnamed: cited by their leaders)
    # i4 negative: a ministry's statement is no adopted text (nor is a bare "tuyên bố" a summit)
    ("Bộ Ngoại giao Nga hôm 5/9 ra tuyên bố phản đối cuộc tập trận của Mỹ và Nhật Bản.",
     [RU, US, JP], [("hôm 5/9", "2024-09-05")], []),
    # i5 negative: a statement of one state, named in English, is not joint
    ("Russia issued a statement on Tuesday criticising the exercise.", [RU], [("on Tuesday", "2024-09-03")], []),
    # i6 a call told with its date and a pronoun: the pair in context
    ("Ấn Độ và Pháp đã hội đàm tại Paris hôm 12/2. Họ đã điện đàm hồi tháng 1.",
     [IN, FR, ("paris", "LOC", ["Paris"])], [("hôm 12/2", "2024-02-12"), ("hồi tháng 1", "2024-01")],
     [ev("talks", {"in", "fr"}, "2024-02-12", "held"), ev("call", {"in", "fr"}, "2024-01", "held")]),
    # i8 a strike on facilities: the attacker and the country of the facilities (named or as the place's host);
    # "Không quân" (air force) and "không kích" (air strike) hold no negation
    ("Không quân Israel hôm 26/10 không kích các cơ sở sản xuất tên lửa của Iran.", [("il", "COUNTRY", ["Israel"]), IR],
     [("hôm 26/10", "2024-10-26")], [ev("incident", {"il", "ir"}, "2024-10-26", "held")]),
    ("Iran phóng hàng trăm tên lửa hôm 13/4. Israel tấn công hai cơ sở quân sự ở Isfahan vào rạng sáng 19/4.",
     [("il", "COUNTRY", ["Israel"]), IR, ("isfahan", "LOC", ["Isfahan"], "ir")],
     [("hôm 13/4", "2024-04-13"), ("rạng sáng 19/4", "2024-04-19")],
     [ev("incident", {"ir"}, "2024-04-13", "held"), ev("incident", {"il", "ir"}, "2024-04-19", "held")]),
    ("Israel struck three air defence sites near Tehran on Saturday.", [("il", "COUNTRY", ["Israel"]), IR],
     [("on Saturday", "2024-10-26")], [ev("incident", {"il", "ir"}, "2024-10-26", "held")]),
    # i9 negatives: a strike that did not happen, a cyberattack on a company is no military strike told
    ("Israel đã không tấn công các cơ sở hạt nhân của Iran trong đợt đáp trả tháng 10.", [("il", "COUNTRY", ["Israel"]), IR],
     [], []),
    ("Nếu Iran làm giàu uranium tới 90%, Israel sẽ tấn công các cơ sở hạt nhân của nước này.",
     [("il", "COUNTRY", ["Israel"]), IR], [], []),
    # i7 negative: a call with no date and nobody named is a reference, not a happening
    ("Ấn Độ và Pháp đã hội đàm tại Paris hôm 12/2. Cuộc điện đàm sau đó được đánh giá tích cực.",
     [IN, FR, ("paris", "LOC", ["Paris"])], [("hôm 12/2", "2024-02-12")],
     [ev("talks", {"in", "fr"}, "2024-02-12", "held")]),
    # d4 a small collective body whose members the KB lists: its summit is one of the members the page names
    ("Thủ tướng Australia sẽ dự hội nghị thượng đỉnh đầu tiên của nhóm Bộ Tứ (Quad) gồm Mỹ, Nhật Bản, Ấn Độ và "
     "Australia vào tháng sau.", [US, JP, IN, AU, ("quad", "ORG", ["Quad", "nhóm Bộ Tứ"])], [("tháng sau", "2024-07")],
     [ev("summit", {"quad", "us", "jp", "in", "au"}, "2024-07", "planned")]),
    # d5 ... members the page does not name are not cited
    ("Ngoại trưởng Nhật Bản sẽ dự cuộc họp của nhóm Quad vào tháng sau.", [JP, ("quad", "ORG", ["Quad"])],
     [("tháng sau", "2024-07")], [ev("talks", {"quad", "jp"}, "2024-07", "planned")]),
    # d6 the country of a venue ("ở Muscat của Oman", "ở Geneva (Thụy Sĩ)") is no party
    ("Đại diện Mỹ và Iran đã đàm phán gián tiếp hôm 3/2 tại một khu nghỉ dưỡng ở Muscat của Oman.",
     [US, IR, ("om", "COUNTRY", ["Oman"]), ("muscat", "LOC", ["Muscat"])], [("hôm 3/2", "2024-02-03")],
     [ev("talks", {"us", "ir"}, "2024-02-03", "held")]),
    ("Mỹ và Nga đã hội đàm hôm 3/2. Hai bên sẽ gặp lại ở Geneva (Thụy Sĩ) vào tháng 3.",
     [US, RU, ("ch", "COUNTRY", ["Thụy Sĩ"]), GENEVA], [("hôm 3/2", "2024-02-03"), ("tháng 3", "2024-03")],
     [ev("talks", {"us", "ru"}, "2024-02-03", "held"), ev("talks", {"us", "ru"}, "2024-03", "planned")]),
    # d7 "engage" with a partner right after it is a talk; "engage in" a thing is not
    ("The United States will engage China on risk reduction in July.", [US, CN], [("in July", "2024-07")],
     [ev("talks", {"us", "cn"}, "2024-07", "planned")]),
    ("Both navies engage in constant patrols near Japan.", [US, CN, JP], [], []),
]


@pytest.mark.parametrize("case", CASES6I, ids=[f"i{i + 1}" for i in range(len(CASES6I))])
def test_sixth_round_incident_cases(case):
    check_case(case, "2024-12-31")


# Session 3 (issue #5, detection and participants; d4-d7 sit in CASES6 above): causes found on the blind / fresh2 / fresh sets, each with
# sentences written for this test (positive and negative).
CASES_DETECT = [
    # d1 a nuclear test and a missile launch told in one sentence are two happenings
    ("Triều Tiên đã tiến hành ba vụ thử hạt nhân trước đây, và hồi tháng 3 lại phóng thử một tên lửa đạn đạo.",
     [KP], [("hồi tháng 3", "2024-03")],
     [ev("incident", {"kp"}, None, "held"), ev("incident", {"kp"}, "2024-03", "held")]),
    # d2 exercises called off are no happening; exercises held are
    ("Tổng thống Mỹ cho biết Washington sẽ tạm dừng các cuộc tập trận chung với Hàn Quốc. Triều Tiên đã tập trận "
     "pháo binh hôm 2/4.", [US, KR, KP], [("hôm 2/4", "2024-04-02")],
     [ev("incident", {"kp"}, "2024-04-02", "held")]),
    # d3 (negative) halted exercises, in English
    ("The Pentagon said it had halted joint exercises with Japan.", [("us", "COUNTRY", ["Pentagon"]), JP], [], []),
]


@pytest.mark.parametrize("case", CASES_DETECT, ids=[f"d{i + 1}" for i in range(len(CASES_DETECT))])
def test_detection_cases(case):
    check_case(case, "2024-06-01")


# Dates and status (issue #5): a future reference in the trigger's own clause places the happening ahead,
# whatever the tense of the verb that orders it; one in another clause does not.
CASES_DATES = [
    # d1 an order given in the past for talks in the coming weeks: the talks are planned
    ("Thủ tướng Nhật Bản đã giao Bộ Ngoại giao đàm phán với Ấn Độ và Pháp trong những tuần tới.",
     [JP, IN, FR], [("trong những tuần tới", "FUTURE_REF")],
     [ev("talks", {"jp", "in", "fr"}, None, "planned")]),
    ("Tokyo has instructed its diplomats to hold talks with India in the coming weeks.",
     [("jp", "COUNTRY", ["Tokyo", "Japan"]), IN], [("in the coming weeks", "FUTURE_REF")],
     [ev("talks", {"jp", "in"}, None, "planned")]),
    # d2 negative: talks held stay held when the future reference belongs to another clause, or comes before
    ("Trong những tuần tới, giá dầu có thể tăng. Nhật Bản và Ấn Độ đã hội đàm tại New Delhi.",
     [JP, IN, ("delhi", "LOC", ["New Delhi"], "in")], [("Trong những tuần tới", "FUTURE_REF")],
     [ev("talks", {"jp", "in"}, None, "held")]),
    ("Nhật Bản và Ấn Độ đã hội đàm tại New Delhi; giá dầu có thể tăng trong những tuần tới.",
     [JP, IN, ("delhi", "LOC", ["New Delhi"], "in")], [("trong những tuần tới", "FUTURE_REF")],
     [ev("talks", {"jp", "in"}, None, "held")]),
]


@pytest.mark.parametrize("case", CASES_DATES, ids=[f"d{i + 1}" for i in range(len(CASES_DATES))])
def test_date_and_status_cases(case):
    check_case(case, "2024-12-31")


# Seventh round (issue #5, detection recall): incidents told by their own verbs, nationality adjectives as parties,
# both sides "between" A and B, treaties named by their year, a fronted "Hiệp ước này được ... ký", a pronoun
# object of a withdrawal. Sentences written for this test (positive and negative).
IL = ("il", "COUNTRY", ["Israel"])
PK = ("pk", "COUNTRY", ["Pakistan"])
G7 = ("g7", "ORG", ["G7", "Nhóm G7"])
PL = ("pl", "COUNTRY", ["Ba Lan", "Poland"])
DE = ("de", "COUNTRY", ["Germany", "Đức"])
UK = ("uk", "COUNTRY", ["Britain", "Anh"])
CASES7 = [
    # e1 a nationality adjective names the attacker and the target
    ("Israel and Iran traded threats for weeks. Israeli strikes on Iranian radar sites on Sunday killed four soldiers.",
     [IL, IR], [("on Sunday", "2024-10-27")], [ev("incident", {"il", "ir"}, "2024-10-27", "held")]),
    # e2 a conflict "giữa A và B": both sides, not a subject told before
    ("Ấn Độ và Pakistan đều có vũ khí hạt nhân. Một cuộc xung đột quân sự ngắn giữa Ấn Độ và Pakistan nổ ra hồi tháng 5.",
     [IN, PK], [("hồi tháng 5", "2024-05")], [ev("incident", {"in", "pk"}, "2024-05", "held")]),
    # e3 an overflight and an incursion ("máy bay không người lái" holds no negation)
    ("Một tên lửa của Triều Tiên hôm 4/10 bay qua không phận Nhật Bản.", [KP, JP], [("hôm 4/10", "2024-10-04")],
     [ev("incident", {"kp", "jp"}, "2024-10-04", "held")]),
    ("Máy bay không người lái của Nga hôm 10/9 xâm nhập không phận Ba Lan.", [RU, PL], [("hôm 10/9", "2024-09-10")],
     [ev("incident", {"ru", "pl"}, "2024-09-10", "held")]),
    # e4 a launch in the passive voice
    ("Tên lửa được phóng từ khu vực Tongchang-ri của Triều Tiên hôm 2/6.", [KP], [("hôm 2/6", "2024-06-02")],
     [ev("incident", {"kp"}, "2024-06-02", "held")]),
    # e5 negatives: a negated incursion, an overflight under a condition
    ("Chưa có máy bay nào của Nga xâm nhập không phận Ba Lan.", [RU, PL], [], []),
    ("Nhật Bản cảnh báo nếu tên lửa của Triều Tiên bay qua lãnh thổ, nước này sẽ bắn hạ.", [JP, KP], [], []),
    # e6 a treaty named by its year was signed (the subject's countries); a treaty without a year is no action
    ("France and Germany have worked together under the Elysee treaty of 1963.", [FR, DE], [],
     [ev("treaty_action", {"fr", "de"}, None, "held")]),
    ("The treaty of friendship between France and Germany remains in force.", [FR, DE], [], []),
    # e7 a fronted demonstrative treaty in the passive, named before by a common noun; no verb, no action
    ("Nhật Bản dựa vào hiệp ước an ninh với Mỹ. Hiệp ước này được hai nước ký năm 1960.", [JP, US],
     [("năm 1960", "1960")], [ev("treaty_action", {"jp", "us"}, "1960", "held")]),
    ("Hiệp ước này rất quan trọng với Mỹ và Nhật Bản.", [US, JP], [], []),
    # e8 withdrawing from "it": an agreement named before in the sentence; without one, nothing
    ("The 2015 accord with Iran collapsed after the United States pulled out of it in 2018.", [US, IR],
     [("in 2018", "2018")], [ev("treaty_action", {"us"}, "2018", "held")]),
    ("Britain pulled out of it before the vote.", [UK], [], []),
]


@pytest.mark.parametrize("case", CASES7, ids=[f"e{i + 1}" for i in range(len(CASES7))])
def test_seventh_round_cases(case):
    check_case(case, "2024-12-31")


def _p(pid, name, country):
    return (pid, "PERSON", [name], country)


CASES8 = [
    # p1 people named with their titles in a list before the verb are all parties (not a source before them)
    ("Thủ tướng Nhật Bản Fumio Kishida, Tổng thống Hàn Quốc Yoon Suk-yeol và Tổng thống Mỹ Joe Biden đã hội đàm tại "
     "Trại David hôm 18/8.",
     [JP, KR, US, _p("kishida", "Fumio Kishida", "jp"), _p("yoon", "Yoon Suk-yeol", "kr"), _p("biden", "Joe Biden", "us")],
     [("hôm 18/8", "2023-08-18")], [ev("summit", {"jp", "kr", "us"}, "2023-08-18", "held")]),
    ("Theo ông Biden, Thủ tướng Nhật Bản Fumio Kishida và Tổng thống Hàn Quốc Yoon Suk-yeol đã hội đàm tại Tokyo hôm 18/8.",
     [JP, KR, US, _p("kishida", "Fumio Kishida", "jp"), _p("yoon", "Yoon Suk-yeol", "kr"), _p("biden", "Joe Biden", "us")],
     [("hôm 18/8", "2023-08-18")], [ev("summit", {"jp", "kr"}, "2023-08-18", "held")]),
    # p2 a meeting in an adjunct of a clause cut after its verb takes the clause's subjects; a clock's city is
    # no party; one speaker at a summit makes no summit of his own
    ("Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi công bố lộ trình mới trong một cuộc điện đàm "
     "tối 3/5 theo giờ Bắc Kinh.",
     [FR, IN, CN, _p("macron", "Emmanuel Macron", "fr"), _p("modi", "Narendra Modi", "in")],
     [("tối 3/5", "2023-05-03")], [ev("call", {"fr", "in"}, "2023-05-03", "held")]),
    ("The leaders of France and India spoke by phone at 9 a.m. Beijing time.", [FR, IN, CN], [],
     [ev("call", {"fr", "in"}, None, "held")]),
    ("Ông Macron phát biểu trong một hội nghị thượng đỉnh tối 3/5.", [FR, _p("macron", "Emmanuel Macron", "fr")],
     [("tối 3/5", "2023-05-03")], []),
    # p7 "bây giờ" (now) before a capital is no clock: the capital is its government, a party
    ("Nga và Trung Quốc đã hội đàm, và bây giờ Washington cũng đã hội đàm với Moskva.", [US, RU, CN], [],
     [ev("talks", {"ru", "cn"}, None, "held"), ev("talks", {"us", "ru"}, None, "held")]),
    ("Bây giờ Washington và Moskva đã ký hiệp ước.", [US, RU], [], [ev("treaty_action", {"us", "ru"}, None, "held")]),
]


@pytest.mark.parametrize("case", CASES8, ids=[f"p{i + 1}" for i in range(len(CASES8))])
def test_eighth_round_party_cases(case):
    check_case(case, "2023-12-01")


# Round 2 of event dates and status (issue #5), own sentences.
DELHI = ("delhi", "LOC", ["New Delhi"], "in")
TOKYO = ("tokyo", "LOC", ["Tokyo"], "jp")
KISHIDA = ("kishida", "PERSON", ["Kishida"], "jp")
MACRON = ("macron", "PERSON", ["Macron"], "fr")
MODI = ("modi", "PERSON", ["Modi"], "in")
CASES_DATES2 = [
    # r1 "vài ngày sau" (a few days after the event told with its day): the month, not a day
    ("Thủ tướng Nhật Bản Kishida thăm New Delhi hôm 12/3. Vài ngày sau, Tổng thống Pháp Macron cũng tới New Delhi.",
     [JP, IN, FR, DELHI, KISHIDA, MACRON], [("hôm 12/3", "2023-03-12"), ("Vài ngày", "PXD")],
     [ev("visit", {"jp", "delhi"}, "2023-03-12", "held"), ev("visit", {"fr", "delhi"}, "2023-03", "held")],
     "2023-04-01"),
    # r2 negative: a few days after nothing dated: no date
    ("Thủ tướng Pháp Macron tới New Delhi vài ngày sau đó.", [FR, IN, DELHI, MACRON], [("vài ngày", "PXD")],
     [ev("visit", {"fr", "delhi"}, None, "held")], "2023-04-01"),
    # r3 "X diễn ra ..., một ngày trước khi Y khai mạc": X is the meeting just told (its subject points back);
    # Y is a day later, and ahead of the publication day: planned
    ("Thủ tướng Nhật Bản Kishida và Thủ tướng Ấn Độ Modi đã hội đàm tại Tokyo hôm 20/5. Cuộc gặp diễn ra tại một "
     "khách sạn, một ngày trước khi hội nghị thượng đỉnh ASEAN khai mạc.",
     [JP, IN, TOKYO, ("asean", "ORG", ["ASEAN"]), KISHIDA, MODI], [("hôm 20/5", "2023-05-20"), ("một ngày", "P1D")],
     [ev("summit", {"jp", "in"}, "2023-05-20", "held"), ev("summit", {"asean"}, "2023-05-21", "planned")],
     "2023-05-20"),
    # r4 the main clause's own day is the other end: "họp hôm 20/5 ..., hai ngày sau khi ..."
    ("Nhật Bản và Ấn Độ đã hội đàm tại Tokyo hôm 20/5, hai ngày sau khi Triều Tiên phóng tên lửa đạn đạo.",
     [JP, IN, KP, TOKYO], [("hôm 20/5", "2023-05-20"), ("hai ngày", "P2D")],
     [ev("talks", {"jp", "in"}, "2023-05-20", "held"), ev("incident", {"kp"}, "2023-05-18", "held")], "2023-06-01"),
    # r5 status words inside a name are no cue ("Kế hoạch Hành động ..." is no plan); the past tense holds
    ("Nhật Bản đã rút khỏi Kế hoạch Hành động Chung về hạt nhân vào năm 2019.",
     [JP, ("jcpoa", "TREATY", ["Kế hoạch Hành động Chung về hạt nhân"])], [("năm 2019", "2019")],
     [ev("treaty_action", {"jp"}, "2019", "held")]),
    # r6 a call by others does not change the actor's status ("bất chấp lời kêu gọi"); a call of one's own does
    ("Nhật Bản đã rút khỏi Hiệp ước New START, bất chấp lời kêu gọi của Pháp.", [JP, FR, NEWSTART], [],
     [ev("treaty_action", {"jp"}, None, "held")]),
    ("Pháp kêu gọi Nhật Bản và Ấn Độ đàm phán về hạt nhân.", [JP, FR, IN], [],
     [ev("talks", {"jp", "in"}, None, "proposed")]),  # (the caller is no party)
    # r7 a visit "theo lời mời của" someone happens: the invitation is its occasion, not its status
    ("Chủ tịch Trung Quốc Tập Cận Bình thăm Nga theo lời mời của Tổng thống Putin.",
     [CN, RU, ("xi", "PERSON", ["Tập Cận Bình"], "cn"), ("putin", "PERSON", ["Putin"], "ru")], [],
     [ev("visit", {"cn", "ru"}, None, "held")]),
    # r8 the verb of a contrasted clause (", còn X ngừng ...") is that clause's own
    ("Ấn Độ tiến hành vụ thử hạt nhân cuối cùng năm 1998, còn Pháp ngừng thử từ năm 1996.", [IN, FR],
     [("năm 1998", "1998"), ("năm 1996", "1996")], [ev("incident", {"in"}, "1998", "held")]),
    # r9 the future tense does not reach into a relative clause: the summit "mà ... lập ra tại" is past
    ("Phái đoàn Nhật Bản và Ấn Độ sẽ gặp nhau tại Tokyo ngày mai để khởi động cơ chế mà hai thủ tướng nhất trí "
     "lập ra tại hội nghị thượng đỉnh giữa Thủ tướng Kishida và Thủ tướng Modi hồi tháng 6.",
     [JP, IN, TOKYO, KISHIDA, MODI], [("ngày mai", "2023-07-28"), ("tháng 6", "2023-06")],
     [ev("summit", {"jp", "in"}, "2023-06", "held"), ev("summit", {"jp", "in"}, "2023-07-28", "planned")],
     "2023-07-27"),
    # r10 a future reference after a list of partners ("với A, B và C trong những tuần tới") still plans the talks
    ("Thủ tướng Nhật Bản cho biết Tokyo đã giao Bộ Ngoại giao đàm phán với Pháp, Úc và Ấn Độ trong những tuần tới.",
     [("jp", "COUNTRY", ["Nhật Bản", "Tokyo"]), FR, AU, IN], [("trong những tuần tới", "FUTURE_REF")],
     [ev("talks", {"jp", "fr", "au", "in"}, None, "planned")]),
    # r11 negative: a future reference in a later clause of its own leaves the talks held
    ("Nhật Bản đã đàm phán với Pháp, còn Úc sẽ hội đàm với Ấn Độ trong những tuần tới.",
     [JP, FR, AU, IN], [("trong những tuần tới", "FUTURE_REF")],
     [ev("talks", {"jp", "fr"}, None, "held"), ev("talks", {"au", "in"}, None, "planned")]),
    ("Nhật Bản và Ấn Độ đã hội đàm về hợp tác, nhằm tạo nền tảng cho thương mại và an ninh trong tương lai.",
     [JP, IN], [("trong tương lai", "FUTURE_REF")], [ev("talks", {"jp", "in"}, None, "held")]),
]


@pytest.mark.parametrize("case", CASES_DATES2, ids=[f"r{i + 1}" for i in range(len(CASES_DATES2))])
def test_date_and_status_cases_round2(case):
    check_case(case, "2024-12-31")


# Round 9 (issue #5, fresh3 analysis): a motion verb is a visit when a purpose follows the destination
# ("tới X gặp/hội đàm/dự ...", "arrived in X to meet ...") or when it is a record ("... đầu tiên đến X"), even
# with its traveller further back in the sentence; a speaker or a non-person subject makes no visit.
HANOI9 = ("hanoi", "LOC", ["Hà Nội"], "vn")
AU9 = ("au", "COUNTRY", ["Úc", "Australia", "Australian"])
IN9 = ("in", "COUNTRY", ["Ấn Độ", "India", "Indian"])
MARLES9 = _p("marles", "Richard Marles", "au")
CASES9 = [
    # q1 an apposition between the traveller and the verb, a meeting after the destination
    ("Bộ trưởng Quốc phòng Úc Richard Marles, người nhậm chức năm ngoái, đã tới New Delhi hội đàm với người đồng cấp "
     "Ấn Độ.", [AU9, IN9, DELHI, MARLES9], [],
     [ev("talks", {"au", "in"}, None, "held"), ev("visit", {"au", "in"}, None, "held")]),
    # q2 the same in English
    ("Australian Defence Minister Richard Marles, who took office last year, arrived in New Delhi to meet Indian "
     "officials.", [AU9, IN9, DELHI, MARLES9], [],
     [ev("talks", {"au", "in"}, None, "held"), ev("visit", {"au", "in"}, None, "held")]),
    # q3 a record visit (a city whose country the page does not name is cited)
    ("Tổng thống Pháp Emmanuel Macron trở thành nguyên thủ Pháp đầu tiên đến Hà Nội sau hai thập kỷ.",
     [FR, VN, HANOI9, _p("macron", "Emmanuel Macron", "fr")], [], [ev("visit", {"fr", "hanoi"}, None, "held")]),
    # q4-q6 negatives: ships sent by a government, a speaker before "cho biết", tourists
    ("Ông Kishida cho biết các tàu chiến Nhật Bản đã tới Ấn Độ.", [JP, IN9, KISHIDA], [], []),
    ("Ông Kishida cho biết các tàu chiến Nhật Bản đã tới Ấn Độ dự cuộc tập trận chung.", [JP, IN9, KISHIDA], [],
     [ev("incident", {"jp", "in"}, None, "held")]),
    ("Theo ông Macron, hàng nghìn du khách Pháp đến Hà Nội mỗi tháng.", [FR, VN, HANOI9, MACRON], [], []),
]


@pytest.mark.parametrize("case", CASES9, ids=[f"q{i + 1}" for i in range(len(CASES9))])
def test_ninth_round_visit_cases(case):
    check_case(case, "2023-12-01")


# Incidents by more of their own words (session 3): a missile "tested", annual or joint exercises, an invasion
# (two sides); and the two sides of an incident are no pair of partners for a later "hai nhà lãnh đạo".
CASES10 = [
    ("North Korea tested two short-range missiles on Thursday.", [KP], [("on Thursday", "2023-11-30")],
     [ev("incident", {"kp"}, "2023-11-30", "held")]),
    ("Nga đưa quân vào Ukraine hồi tháng 2/2022.", [RU, UA], [("hồi tháng 2/2022", "2022-02")],
     [ev("incident", {"ru", "ua"}, "2022-02", "held")]),
    # negatives: a test that was not made; exercises called off
    ("Pyongyang has not tested a long-range missile since the summit.", [KP], [], []),
    ("Seoul said it would suspend the annual joint exercises.", [KR], [], []),
]


@pytest.mark.parametrize("case", CASES10, ids=[f"x{i + 1}" for i in range(len(CASES10))])
def test_incident_words_cases(case):
    check_case(case, "2023-12-01")


# CASES_DATES3: an undated page whose dateline spells the month dates its events and their status; an anaphoric
# "ngày hôm sau" / "the next day" dates what follows from the last day told (own sentences).
CASES_DATES3 = [
    ("Envoys resume talks\n\nPosted On 3 Feb 2019\n\nRussian and American envoys held talks in Geneva on Friday.",
     "talks", "2019-02-01", "held"),
    ("Tin quốc tế\n\nChủ nhật, 9 tháng 6 năm 2024\n\nNga và Mỹ sẽ hội đàm tại Geneva vào ngày 20/6.",
     "talks", "2024-06-20", "planned"),
]


@pytest.mark.parametrize("text,typ,date_,status", CASES_DATES3)
def test_cases_dates3_worded_dateline_dates_events(text, typ, date_, status):
    from armswatch.pipeline import process_text as _pt
    doc = _pt(text, source="x.txt")
    got = [(e.date, e.status) for e in doc.events if e.type == typ]
    assert (date_, status) in got, got


# Reports whose author is not next to the trigger (session 3, round 5): the subject of the main clause after a
# fronted "Trong báo cáo ..., X" / "In its report, X said"; a body after "mà" past what the report is about; a
# body right after a noun "báo cáo" ("Theo báo cáo Lầu Năm Góc công bố ...").
IAEA = ("iaea", "ORG", ["IAEA"])
CASES11 = [
    ("Trong báo cáo gửi Quốc hội hôm 3/5, Lầu Năm Góc cho biết Trung Quốc đã mở rộng hải quân.", [DOD, CN],
     [("hôm 3/5", "2023-05-03")], [ev("report", {"dod"}, "2023-05-03", "held")]),
    ("In its latest report, released on Tuesday, the IAEA said Iran had added new centrifuges.", [IAEA, IR],
     [("on Tuesday", "2023-11-28")], [ev("report", {"iaea"}, "2023-11-28", "held")]),
    ("Bản báo cáo về lực lượng hạt nhân của Nga mà Lầu Năm Góc công bố hôm 2/6 nêu nhiều chi tiết mới.", [DOD, RU],
     [("hôm 2/6", "2023-06-02")], [ev("report", {"dod"}, "2023-06-02", "held")]),
    ("Theo báo cáo Lầu Năm Góc công bố hôm 7/9, Triều Tiên có thêm bệ phóng.", [DOD, KP],
     [("hôm 7/9", "2023-09-07")], [ev("report", {"dod"}, "2023-09-07", "held")]),
    # negatives: the subject after the comma is a country, not a body; the report is someone else's
    ("Trong báo cáo hôm 3/5, Trung Quốc bị cáo buộc mở rộng hải quân.", [CN], [("hôm 3/5", "2023-05-03")], []),
    ("In a report on Tuesday, analysts said Iran had added new centrifuges.", [IR], [("on Tuesday", "2023-11-28")], []),
]


@pytest.mark.parametrize("case", CASES11, ids=[f"r{i + 1}" for i in range(len(CASES11))])
def test_round5_report_treaty_talk_cases(case):
    check_case(case, "2023-12-01")


# Participants round (issue #5), own sentences: a person who holds only posts of an international body acts for
# that body when the page names it; the two Koreas named together ("hai miền", "the two Koreas") are both parties,
# only on a page that names Korea.
IAEA_B = ("iaea", "ORG", ["IAEA", "Cơ quan Năng lượng Nguyên tử Quốc tế"])
GROSSI_KB = ("rafael_grossi", "PERSON", ["Rafael Grossi", "Grossi"], "ar")  # KB roles: IAEA only
BLINKEN_KB = ("antony_blinken", "PERSON", ["Antony Blinken", "Blinken"], "us")  # KB roles: national posts
CASES_PARTIES = [
    ("Hôm 3/5, Grossi đã tới Tehran. IAEA lo ngại về kho urani của Iran.",
     [IAEA_B, IR, GROSSI_KB], [("Hôm 3/5", "2023-05-03")], [ev("visit", {"iaea", "ir"}, "2023-05-03", "held")]),
    ("The IAEA has raised concerns. Grossi visited Tehran on Tuesday.", [IAEA_B, IR, GROSSI_KB],
     [("on Tuesday", "2023-11-28")], [ev("visit", {"iaea", "ir"}, "2023-11-28", "held")]),
    # negatives: the body is not named on the page; a minister of a state acts for his state, not for a body
    ("Grossi visited Tehran on Tuesday.", [IR, GROSSI_KB], [("on Tuesday", "2023-11-28")],
     [ev("visit", {"rafael_grossi", "ir"}, "2023-11-28", "held")]),
    ("The IAEA has raised concerns. Blinken visited Tehran on Tuesday, the United States said.",
     [IAEA_B, IR, BLINKEN_KB, US], [("on Tuesday", "2023-11-28")], [ev("visit", {"us", "ir"}, "2023-11-28", "held")]),
    ("Thỏa thuận quân sự toàn diện từng giúp giảm căng thẳng ở biên giới Hàn Quốc. Thỏa thuận được hai miền ký tại "
     "Bình Nhưỡng năm 2018.", [KR, KP, ("cma", "TREATY", ["Thỏa thuận quân sự toàn diện"])], [("năm 2018", "2018")],
     [ev("treaty_action", {"kp", "kr"}, "2018", "held")]),
    ("Vòng đàm phán giữa hai miền Triều Tiên, Mỹ và Nga diễn ra tại Bắc Kinh hôm 3/5; Hàn Quốc hoan nghênh.",
     [KP, KR, US, RU, ("beijing", "LOC", ["Bắc Kinh"])], [("hôm 3/5", "2023-05-03")],
     [ev("talks", {"kp", "kr", "us", "ru"}, "2023-05-03", "held")]),
    ("North Korea and South Korea are still at war. The two Koreas held talks at the border on Monday.", [KP, KR],
     [("on Monday", "2023-11-27")], [ev("talks", {"kp", "kr"}, "2023-11-27", "held")]),
    # negative: "hai miền" on a page that names no Korea is no Korean pair
    ("Đại biểu hai miền của Việt Nam đã hội đàm tại Huế hôm 3/5.", [VN], [("hôm 3/5", "2023-05-03")],
     [ev("talks", {"vn"}, "2023-05-03", "held")]),
]


@pytest.mark.parametrize("case", CASES_PARTIES, ids=[f"pa{i + 1}" for i in range(len(CASES_PARTIES))])
def test_participants_round_body_and_korean_pair_cases(case):
    check_case(case, "2023-12-01")


# CASES_EVDATES (evdates round): a date fronted before a comma dates every predicate after it (not only the nearest);
# an offset ("ba ngày sau khi", "two weeks after", "bốn tháng sau khi") splits the sentence: a day told on one side
# is not the date of a trigger on the other, which is dated from it; an approximate offset ("khoảng bảy tuần sau")
# gives the month reached, an approximate month offset nothing. Own sentences.
CASES_EVDATES = [
    ("Last week, Japan's deputy foreign minister travelled to Seoul and held talks with South Korean officials.",
     [JP, KR], [("Last week", "2023-11")],
     [ev("talks", {"jp", "kr"}, "2023-11", "held"), ev("visit", {"jp", "kr"}, "2023-11", "held")]),
    ("Hàn Quốc phóng thử tên lửa hôm 12/3, ba ngày sau khi Triều Tiên phóng một tên lửa đạn đạo.", [KR, KP],
     [("hôm 12/3", "2023-03-12"), ("ba ngày", "P3D")],
     [ev("incident", {"kr"}, "2023-03-12", "held"), ev("incident", {"kp"}, "2023-03-09", "held")]),
    ("Triều Tiên phóng tên lửa ra biển, bốn ngày sau khi Bộ Quốc phòng Hàn Quốc hôm 2/5 cảnh báo về khả năng này.",
     [KP, KR], [("bốn ngày", "P4D"), ("hôm 2/5", "2023-05-02")], [ev("incident", {"kp"}, "2023-05-06", "held")]),
    ("Russia tested a new missile on May 10, two weeks after North Korea launched a ballistic missile.", [RU, KP],
     [("on May 10", "2023-05-10"), ("two weeks", "P2W")],
     [ev("incident", {"ru"}, "2023-05-10", "held"), ev("incident", {"kp"}, "2023-04-26", "held")]),
    ("Lãnh đạo Mỹ và Trung Quốc gặp nhau tại Bali hồi tháng 11, ba tháng sau khi Mỹ và Nga gia hạn Hiệp ước New START.",
     [US, CN, RU, NEWSTART], [("hồi tháng 11", "2023-11"), ("ba tháng", "P3M")],
     [ev("summit", {"us", "cn"}, "2023-11", "held"), ev("treaty_action", {"us", "ru"}, "2023-08", "held")]),
    ("Triều Tiên phóng tên lửa hôm 5/4, và khoảng bảy tuần sau, nước này tiến hành một vụ thử hạt nhân.", [KP],
     [("hôm 5/4", "2023-04-05"), ("bảy tuần", "P7W")],
     [ev("incident", {"kp"}, "2023-04-05", "held"), ev("incident", {"kp"}, "2023-05", "held")]),
    # negatives: "chưa đầy ba tháng" tells no month; a fronted date does not date what is only planned
    ("Lãnh đạo Mỹ và Trung Quốc gặp nhau tại Bali hồi tháng 11, chưa đầy ba tháng sau khi Mỹ và Nga gia hạn Hiệp ước "
     "New START.", [US, CN, RU, NEWSTART], [("hồi tháng 11", "2023-11"), ("ba tháng", "P3M")],
     [ev("summit", {"us", "cn"}, "2023-11", "held"), ev("treaty_action", {"us", "ru"}, None, "held")]),
    ("Hôm qua, Nhật Bản và Hàn Quốc đã hội đàm tại Seoul; hai nước sẽ tổ chức tập trận chung vào năm sau.", [JP, KR],
     [("Hôm qua", "2023-11-30"), ("năm sau", "2024")],
     [ev("talks", {"jp", "kr"}, "2023-11-30", "held"), ev("incident", {"jp", "kr"}, "2024", "planned")]),
]


@pytest.mark.parametrize("case", CASES_EVDATES, ids=[f"evd{i + 1}" for i in range(len(CASES_EVDATES))])
def test_evdates_fronted_dates_and_offset_clauses(case):
    check_case(case, "2023-12-01")


# evdates round, part 2: a decision to leave, suspend or extend a treaty is dated by the day it is announced (an
# expiry or a meeting announced for later is not); a plan measured against ("lâu hơn dự kiến", "longer than
# expected") is no plan of the event. Own sentences.
CASES_EVDATES2 = [
    ("Tháng 3/2019, chính phủ Nga tuyên bố sẽ rút khỏi Hiệp ước New START.", [RU, NEWSTART],
     [("Tháng 3/2019", "2019-03")], [ev("treaty_action", {"ru"}, "2019-03", "planned")]),
    ("Cuộc hội đàm giữa Nhật Bản và Hàn Quốc tại Seoul kéo dài lâu hơn dự kiến.", [JP, KR], [],
     [ev("talks", {"jp", "kr"}, None, "held")]),
    ("The talks between Japan and South Korea in Seoul lasted longer than expected.", [JP, KR], [],
     [ev("talks", {"jp", "kr"}, None, "held")]),
    # negatives: talks announced on a day are not held that day; a plan is still a plan
    ("Hôm 2/11, Nga cho biết sẽ hội đàm với Mỹ về vũ khí hạt nhân.", [RU, US], [("Hôm 2/11", "2023-11-02")],
     [ev("talks", {"ru", "us"}, None, "planned")]),
    ("Nhật Bản và Hàn Quốc dự kiến hội đàm tại Seoul.", [JP, KR], [], [ev("talks", {"jp", "kr"}, None, "planned")]),
]


@pytest.mark.parametrize("case", CASES_EVDATES2, ids=[f"evd2_{i + 1}" for i in range(len(CASES_EVDATES2))])
def test_evdates_announced_treaty_decisions_and_measured_plans(case):
    check_case(case, "2023-12-01")


# Recall of whole classes of wordings (session 4): a body deciding on a text is a meeting of that body, with the
# body as its only party (and only with the body as subject); meeting verbs whose parties are their subjects
# ("họp tại", "met in").
UNSC_R = ("unsc", "ORG", ["Hội đồng Bảo an", "Security Council"])
UN_R = ("un", "ORG", ["Liên Hợp Quốc", "United Nations"])
PARIS_R = ("paris", "LOC", ["Paris"])
CASES_RECALL = [
    ("Hội đồng Bảo an Liên Hợp Quốc hôm 5/3 đã nhất trí thông qua một nghị quyết mới về Iran.", [UNSC_R, UN_R, IR],
     [("hôm 5/3", "2023-03-05")], [ev("talks", {"unsc"}, "2023-03-05", "held")]),
    ("The Security Council voted 13-0 on Tuesday, with two abstentions, to renew the sanctions on Iran.",
     [UNSC_R, IR], [("on Tuesday", "2023-11-28")], [ev("talks", {"unsc"}, "2023-11-28", "held")]),
    ("A draft written by France was passed as a resolution by the Security Council.", [UNSC_R, FR], [], []),
    # negatives: states (not a body) adopting a text, voters, a state voting
    ("Nga và Mỹ đã thông qua nghị quyết về hợp tác nghề cá.", [RU, US], [], []),
    ("Cử tri Iran bỏ phiếu bầu tổng thống hôm thứ Sáu.", [IR], [], []),
    ("Russia voted against the draft on Friday.", [RU], [], []),
    ("Thượng viện Nga hôm 9/11 bỏ phiếu ủng hộ dự luật.", [RU, ("ru_senate", "ORG", ["Thượng viện Nga"], "ru")],
     [("hôm 9/11", "2023-11-09")], []),
    # the subjects of an intransitive meeting verb are its parties
    ("Ngoại trưởng Pháp và Ấn Độ họp tại Paris hôm 2/5.", [FR, IN, PARIS_R], [("hôm 2/5", "2023-05-02")],
     [ev("talks", {"fr", "in"}, "2023-05-02", "held")]),
    ("The foreign ministers of France and India met in Paris on Tuesday.", [FR, IN, PARIS_R],
     [("on Tuesday", "2023-11-28")], [ev("talks", {"fr", "in"}, "2023-11-28", "held")]),
    # negative: a club meeting in a city has no party
    ("Câu lạc bộ sách họp tại Paris mỗi tháng.", [PARIS_R], [], []),
    # a treaty's obligations suspended: the treaty told before; a withdrawal with its object between
    ("Iran ký Hiệp ước New START năm 2010. Hôm 3/6, Iran ngừng tuân thủ một số cam kết.", [IR, NEWSTART],
     [("năm 2010", "2010"), ("Hôm 3/6", "2023-06-03")],
     [ev("treaty_action", {"ir"}, "2010", "held"), ev("treaty_action", {"ir"}, "2023-06-03", "held")]),
    ("Russia joined New START in 2011. In June, Russia stopped observing some of its commitments.", [RU, NEWSTART],
     [("in 2011", "2011"), ("In June", "2023-06")],
     [ev("treaty_action", {"ru"}, "2011", "held"), ev("treaty_action", {"ru"}, "2023-06", "held")]),
    ("The deal frayed when Russia withdrew its forces from it in May.", [RU], [("in May", "2023-05")],
     [ev("treaty_action", {"ru"}, "2023-05", "held")]),
    # negatives: commitments with no treaty on the page; a war that ended; forces withdrawn from a town
    ("Công ty ngừng thực hiện một số cam kết với khách hàng.", [], [], []),
    ("Chiến tranh chấm dứt năm 1953.", [], [("năm 1953", "1953")], []),
    ("Russia withdrew its troops from Kherson in November.", [RU, ("kherson", "LOC", ["Kherson"])],
     [("in November", "2023-11")], []),
    # a traveller expected or due in a place; a call told with "spoke with ... by telephone"
    ("Japan's Foreign Minister Taro Kono is due in France on Friday.", [JP, FR, ("kono", "PERSON", ["Taro Kono"], "jp")],
     [("on Friday", "2023-12-01")], [ev("visit", {"jp", "fr"}, "2023-12-01", "planned")], "2023-11-28"),
    ("Rain is expected in Paris on Friday.", [FR, PARIS_R], [("on Friday", "2023-12-01")], [], "2023-11-28"),
    ("India's Prime Minister Narendra Modi spoke with France's President Emmanuel Macron by telephone on Tuesday.",
     [IN, FR, ("modi", "PERSON", ["Narendra Modi"], "in"), ("macron", "PERSON", ["Emmanuel Macron"], "fr")],
     [("on Tuesday", "2023-11-28")], [ev("call", {"in", "fr"}, "2023-11-28", "held")]),
    ("Bộ trưởng Quốc phòng Úc Richard Marles dự kiến tới Ấn Độ vào ngày 4/12.",
     [AU, IN, ("marles", "PERSON", ["Richard Marles"], "au")], [("vào ngày 4/12", "2023-12-04")],
     [ev("visit", {"au", "in"}, "2023-12-04", "planned")]),
]


@pytest.mark.parametrize("case", CASES_RECALL, ids=[f"rc{i + 1}" for i in range(len(CASES_RECALL))])
def test_recall_round_trigger_classes(case):
    check_case(case, "2023-12-01")


# ---- merging and type choice, round 2 (issue #5): what tells two happenings apart (two places, two ranks, two
# travellers, a background date), what makes a meeting a summit (a leader subject meeting a leader; a plural
# leader word with a country or an international body); the legitimate merges and ministers' talks stay.
SEOUL = ("seoul", "LOC", ["Seoul"], "kr")
HANOI = ("hanoi", "LOC", ["Hà Nội", "Hanoi"], "vn")
SINGAPORE = ("singapore", "LOC", ["Singapore"])
MOON = ("moon", "PERSON", ["Moon Jae-in"], "kr")
NATO_B = ("nato", "ORG", ["NATO"])
CASES_MERGE2 = [
    # two travellers to two places in one sentence: two visits
    ("Tổng thống Hàn Quốc Moon Jae-in thăm Tokyo hồi tháng 3, và Thủ tướng Nhật Bản Kishida thăm Seoul hồi tháng 5.",
     [KR, JP, MOON, KISHIDA, TOKYO, SEOUL], [("hồi tháng 3", "2023-03"), ("hồi tháng 5", "2023-05")],
     [ev("visit", {"kr", "jp"}, "2023-03", "held"), ev("visit", {"jp", "kr"}, "2023-05", "held")]),
    # ranks: the second summit is not the first one, told before without a date
    ("Donald Trump and Kim Jong Un held their first summit in Singapore. Trump and Kim held their second summit "
     "in Hanoi.", [US, KP, TRUMP, KIM, SINGAPORE, HANOI], [],
     [ev("summit", {"trump", "kim"}, None, "held"), ev("summit", {"trump", "kim"}, None, "held")]),
    # a meeting told as background (2000) does not take the undated meeting told as news
    ("Tổng thống Hàn Quốc Kim Dae-jung đã gặp Chủ tịch Triều Tiên Kim Jong-il tại Bình Nhưỡng năm 2000. Đặc phái "
     "viên Hàn Quốc Chung đã gặp ông Kim Jong-un tại Bình Nhưỡng.", [KR, KP, KIM, PYONGYANG,
     ("chung", "PERSON", ["Chung"], "kr"), ("kdj", "PERSON", ["Kim Dae-jung"], "kr"),
     ("kji", "PERSON", ["Kim Jong-il"], "kp")],
     [("năm 2000", "2000")],
     [ev("summit", {"kr", "kp"}, "2000", "held"), ev("talks", {"kr", "kp"}, None, "held")]),
    # negatives: the legitimate merges. A talk in the lead and again later is one event; a visit to a city and
    # "the first visit to <its country>" are one visit
    ("Ngoại trưởng Mỹ Blinken đã hội đàm với Ngoại trưởng Nga Lavrov tại Geneva hôm 5/3. Hai bên bàn về Ukraine. "
     "Cuộc hội đàm tại Geneva kéo dài hai giờ.", [US, RU, BLINKEN, LAVROV, GENEVA], [("hôm 5/3", "2023-03-05")],
     [ev("talks", {"us", "ru"}, "2023-03-05", "held")]),
    ("Tổng thống Nga Putin tới Bình Nhưỡng hôm 19/6. Đây là chuyến thăm Triều Tiên đầu tiên của ông Putin sau "
     "24 năm.", [RU, KP, PUTIN, PYONGYANG], [("hôm 19/6", "2023-06-19")],
     [ev("visit", {"ru", "kp"}, "2023-06-19", "held")]),
    # a leader as the subject meeting a leader of another country: a summit
    ("Chủ tịch Triều Tiên Kim Jong-un hôm 3/5 đã hội đàm với Tổng thống Nga Vladimir Putin tại Moskva.",
     [KP, RU, KIM, PUTIN, ("moscow", "LOC", ["Moskva"], "ru")], [("hôm 3/5", "2023-05-03")],
     [ev("summit", {"kp", "ru"}, "2023-05-03", "held")]),
    # plural leader words with countries or an international body
    ("NATO leaders met in Washington on Tuesday.", [NATO_B, US], [("on Tuesday", "2023-11-28")],
     [ev("summit", {"nato"}, "2023-11-28", "held")]),
    # negatives: ministers meet (talks), a minister sent to a leader (talks), a country's body's leaders (talks)
    ("Ngoại trưởng Mỹ Blinken đã gặp Ngoại trưởng Nga Lavrov tại Geneva hôm 5/3.", [US, RU, BLINKEN, LAVROV, GENEVA],
     [("hôm 5/3", "2023-03-05")], [ev("talks", {"us", "ru"}, "2023-03-05", "held")]),
    ("Tổng thống Mỹ Joe Biden cho biết Ngoại trưởng Blinken đã gặp Chủ tịch Trung Quốc Tập Cận Bình hôm 5/3.",
     [US, CN, BIDEN, BLINKEN, XI], [("hôm 5/3", "2023-03-05")], [ev("talks", {"us", "cn"}, "2023-03-05", "held")]),
    ("Pentagon leaders held talks with Japan and Australia in Tokyo on Tuesday.", [DOD, JP, AU, TOKYO],
     [("on Tuesday", "2023-11-28")], [ev("talks", {"jp", "au"}, "2023-11-28", "held")]),
]


@pytest.mark.parametrize("case", CASES_MERGE2, ids=[f"mg{i + 1}" for i in range(len(CASES_MERGE2))])
def test_merge_round2_happenings_apart_and_summit_by_leaders(case):
    check_case(case, "2023-12-01")


def test_merge_round2_plural_leader_word_makes_a_summit():
    # "lãnh đạo <country>, ...": heads of state or government met; every country of the list is a party,
    # the first one right after the head noun too
    evs = events_of("Tuần trước, lãnh đạo Nhật Bản, Úc và Ấn Độ đã gặp nhau tại Tokyo hôm 3/5.", [IN, JP, AU, TOKYO],
                    [("hôm 3/5", "2023-05-03")], published="2023-12-01")
    assert [e.type for e in evs] == ["summit"] and {"jp", "au", "in"} <= set(evs[0].participants)
    evs = events_of("Tuần trước, các quan chức Nhật Bản, Úc và Ấn Độ đã gặp nhau tại Tokyo hôm 3/5.",
                    [IN, JP, AU, TOKYO], [("hôm 3/5", "2023-05-03")], published="2023-12-01")
    assert [e.type for e in evs] == ["talks"]  # officials: talks
    evs = events_of("The foreign ministers of Japan, India and Australia met in Tokyo on Friday.",
                    [IN, JP, AU, TOKYO], [("on Friday", "2023-12-01")], published="2023-12-01")
    assert [e.type for e in evs] == ["talks"] and {"jp", "au", "in"} <= set(evs[0].participants)


# Status round 2 (session 4): a future told after a verb of saying or deciding ("said ... would", "agreed that
# ... would") is a reported plan, not a hypothesis. Own sentences, negatives included.
CASES_EVSTATUS2 = [
    ("A Kremlin spokesman said on Monday that Russia would withdraw from New START.", [RU, NEWSTART],
     [("on Monday", "2023-11-27")], [ev("treaty_action", {"ru"}, "2023-11-27", "planned")]),
    ("Japan and India agreed that their foreign ministers would hold talks in Tokyo next month.", [JP, IN],
     [("next month", "2024-01")], [ev("talks", {"jp", "in"}, "2024-01", "planned")]),
    ("Người phát ngôn Điện Kremlin hôm thứ Hai tuyên bố Nga sẽ rút khỏi Hiệp ước New START.", [RU, NEWSTART],
     [("hôm thứ Hai", "2023-11-27")], [ev("treaty_action", {"ru"}, "2023-11-27", "planned")]),
    # negatives: "would" with no verb of saying, a condition, another modal
    ("Russia would withdraw from New START only under pressure.", [RU, NEWSTART], [], []),
    ("Japan would hold talks with India if China agreed.", [JP, IN, CN], [], []),
    ("Analysts say Japan could hold talks with India soon.", [JP, IN], [], []),
    # refused talks are proposed talks (English and Vietnamese); a refusal of other things blocks as before
    ("India has repeatedly rejected calls from Japan to join trilateral talks with Australia.", [IN, JP, AU], [],
     [ev("talks", {"in", "jp", "au"}, None, "proposed")]),
    ("Ấn Độ nhiều lần khước từ đề nghị đối thoại của Nhật Bản.", [IN, JP], [], [ev("talks", {"in", "jp"}, None, "proposed")]),
    ("Japan refused to sign New START.", [JP, NEWSTART], [], []),
    # a quantifier over all meetings before the trigger names no happening ("bất cứ lúc nào" after it says nothing)
    ("Ấn Độ từ chối mọi cuộc đàm phán với Nhật Bản.", [IN, JP], [], []),
    ("The Indian minister repeated the phrase at every meeting with Japan.", [IN, JP], [], []),
    # an invitation (the verb "mời") proposes a visit
    ("Thủ tướng Ấn Độ mời Thủ tướng Nhật Bản thăm New Delhi.", [IN, JP, ("delhi", "LOC", ["New Delhi"])], [],
     [ev("visit", {"jp", "in"}, None, "proposed")]),
]


@pytest.mark.parametrize("case", CASES_EVSTATUS2, ids=[f"evs2_{i + 1}" for i in range(len(CASES_EVSTATUS2))])
def test_evstatus2_reported_futures_refusals_and_status(case):
    check_case(case, "2023-12-01")


# Recall round on unseen-style text (session 5): incidents worded as troops entering a country, an exercise
# held, a ship seized; a withdrawal told with "leave"/"rời khỏi" and a treaty named by a common noun; the
# partner after "với"/"with" is no actor of a one-sided treaty action. Own sentences, negatives included.
RU_EN = ("ru", "COUNTRY", ["Russia", "Nga"])
UK_EN = ("uk", "COUNTRY", ["United Kingdom", "Britain"])
GEORGIA = ("ge", "COUNTRY", ["Georgia"])
PUTIN_RU = ("putin", "PERSON", ["Vladimir Putin", "Putin"], "ru")
CASES_RECALL5 = [
    # troops entering another country: both sides (the demonym names the invader)
    ("Russian tanks rolled into Georgia on Friday. Russia called it peacekeeping.", [RU_EN, GEORGIA],
     [("on Friday", "2023-12-01")], [ev("incident", {"ru", "ge"}, "2023-12-01", "held")]),
    # an exercise held, with adjectives between the verb and the noun
    ("India's navy held a large-scale exercise on Tuesday.", [IN], [("on Tuesday", "2023-11-28")],
     [ev("incident", {"in"}, "2023-11-28", "held")]),
    # a ship seized: the seizing state and the ship's state
    ("British forces seized an Iranian cargo ship near Oman on Monday. Britain and Iran traded protests.",
     [UK_EN, IR], [("on Monday", "2023-11-27")], [ev("incident", {"uk", "ir"}, "2023-11-27", "held")]),
    # negatives: water poured into a dam; a meeting held; a police seizure with no state party
    ("Floodwater poured into the valley on Friday.", [], [("on Friday", "2023-12-01")], []),
    ("Customs officers seized a fishing vessel on Monday.", [], [("on Monday", "2023-11-27")], []),
    # a withdrawal: "leave" + a treaty by a common noun with modifiers; "rời khỏi"; the "with" partner is no actor
    ("India said on Monday it would leave a decades-old arms treaty with France.", [IN, FR],
     [("on Monday", "2023-11-27")], [ev("treaty_action", {"in"}, "2023-11-27", "planned")]),
    ("Hôm 3/5, Nga tuyên bố rời khỏi hiệp ước với Nhật Bản.", [RU, JP], [("Hôm 3/5", "2023-05-03")],
     [ev("treaty_action", {"ru"}, "2023-05-03", "held")]),
    ("Tổng thống Nga Vladimir Putin hôm 3/5 tuyên bố đình chỉ tham gia Hiệp ước New START với Mỹ.",
     [RU, US, PUTIN_RU, NEWSTART], [("hôm 3/5", "2023-05-03")],
     [ev("treaty_action", {"ru"}, "2023-05-03", "held")]),
    # signing stays two-sided with its partner
    ("Hôm 3/5, Nga ký hiệp ước với Nhật Bản.", [RU, JP], [("Hôm 3/5", "2023-05-03")],
     [ev("treaty_action", {"ru", "jp"}, "2023-05-03", "held")]),
    # negatives: leaving a trade pact, a room, a right reserved; "left" as an adjective
    ("India said it would leave the trade pact with France.", [IN, FR], [], []),
    ("The French minister will leave the room before India speaks.", [IN, FR], [], []),
    ("Nga tuyên bố có quyền rút khỏi hiệp ước nếu Mỹ triển khai tên lửa.", [RU, US], [], []),
    ("What is left of the treaty between India and France?", [IN, FR], [], []),
    # an incident dated by two coordinated dates: one happening on each day
    ("Iran test-fired ballistic missiles on March 3 and March 9.", [IR],
     [("on March 3", "2023-03-03"), ("March 9", "2023-03-09")],
     [ev("incident", {"ir"}, "2023-03-03", "held"), ev("incident", {"ir"}, "2023-03-09", "held")]),
    ("Ấn Độ đã có hai vụ thử tên lửa vào ngày 4/2 và tháng 7.", [IN], [("vào ngày 4/2", "2023-02-04"), ("tháng 7", "2023-07")],
     [ev("incident", {"in"}, "2023-02-04", "held"), ev("incident", {"in"}, "2023-07", "held")]),
    # meetings told in the plural with two coordinated dates: one meeting on each
    ("India and France held meetings in Paris in 2019 and 2021.", [IN, FR], [("in 2019", "2019"), ("2021", "2021")],
     [ev("talks", {"in", "fr"}, "2019", "held"), ev("talks", {"in", "fr"}, "2021", "held")]),
    ("Ấn Độ và Pháp đã có các cuộc gặp năm 2019 và năm 2021.", [IN, FR], [("năm 2019", "2019"), ("năm 2021", "2021")],
     [ev("talks", {"in", "fr"}, "2019", "held"), ev("talks", {"in", "fr"}, "2021", "held")]),
    ("India and France held a meeting in Paris on March 1 and March 2.", [IN, FR],
     [("on March 1", "2023-03-01"), ("March 2", "2023-03-02")], [ev("talks", {"in", "fr"}, "2023-03-01", "held")]),
    # negatives: a visit over two days is one visit; two dates of two clauses stay with their own verbs
    ("Thủ tướng Ấn Độ thăm Pháp trong hai ngày 1/3 và 2/3.", [IN, FR], [("1/3", "2023-03-01"), ("2/3", "2023-03-02")],
     [ev("visit", {"in", "fr"}, "2023-03-01", "held")]),
    ("Iran test-fired a missile on March 3 and India protested on March 4.", [IR, IN],
     [("on March 3", "2023-03-03"), ("on March 4", "2023-03-04")], [ev("incident", {"ir"}, "2023-03-03", "held")]),
    # missiles shot at a place are a strike: the place's country ("a base in Iran", a city of it) is the other side
    ("Israel fired three missiles at an air base in Iran on Monday.", [("il", "COUNTRY", ["Israel"]), IR],
     [("on Monday", "2023-11-27")], [ev("incident", {"il", "ir"}, "2023-11-27", "held")]),
    ("Hôm thứ Hai, Ấn Độ đã bắn 4 tên lửa vào một căn cứ ở Lahore. Pakistan phản đối.", [IN, ("pk", "COUNTRY", ["Pakistan"]),
     ("lahore", "LOC", ["Lahore"], "pk")], [("Hôm thứ Hai", "2023-11-27")],
     [ev("incident", {"in", "pk"}, "2023-11-27", "held")]),
    # negatives: missiles launched into the sea are a launch by one side; a country named as a speaker is no target
    ("North Korea fired two ballistic missiles into the sea on Monday.", [KP], [("on Monday", "2023-11-27")],
     [ev("incident", {"kp"}, "2023-11-27", "held")]),
    ("Triều Tiên phóng hai tên lửa vào vùng biển phía đông hôm thứ Hai.", [KP], [("hôm thứ Hai", "2023-11-27")],
     [ev("incident", {"kp"}, "2023-11-27", "held")]),
    # a subject's participle set off by commas (over a clause break of its own): the predicate after it gives the
    # status ("since" times stay no date of the talks, as in case 13)
    ("Direct talks between India and France, brokered by Japan in Tokyo since May 2021, have stalled since March.",
     [IN, FR, JP], [("May 2021", "2021-05"), ("March", "2023-03")],
     [ev("talks", {"in", "fr"}, None, "stalled")]),
    ("Các cuộc đàm phán giữa Ấn Độ và Pháp, do Nhật Bản làm trung gian, đã bế tắc.", [IN, FR, JP], [],
     [ev("talks", {"in", "fr"}, None, "stalled")]),
    # the predicate after the parenthetical dates the talks too; a parenthetical with no halt after it
    ("Talks between India and France, hosted by Japan in Tokyo, ended on Friday.", [IN, FR, JP, TOKYO],
     [("on Friday", "2023-12-01")], [ev("talks", {"in", "fr"}, "2023-12-01", "held")]),
    ("Talks between India and France, mediated by Japan since 2021, were held in Tokyo on Friday.", [IN, FR, JP, TOKYO],
     [("2021", "2021"), ("on Friday", "2023-12-01")], [ev("talks", {"in", "fr"}, "2023-12-01", "held")]),
    # a body the KB does not know, after tại/at, is the venue (an institute, a university), not a party
    ("India and France held talks at the Rosewood Institute on Tuesday.", [IN, FR, ("unk:org:ri", "ORG",
     ["Rosewood Institute"])], [("on Tuesday", "2023-11-28")], [ev("talks", {"in", "fr"}, "2023-11-28", "held")]),
    # negative: the same body after "with" is a party
    ("India held talks with the Rosewood Institute on Tuesday.", [IN, ("unk:org:ri", "ORG", ["Rosewood Institute"])],
     [("on Tuesday", "2023-11-28")], [ev("talks", {"in", "unk:org:ri"}, "2023-11-28", "held")]),
    # a traveller who leaves one place for another ("rời Paris đến Tokyo") visits the second
    ("Ngày mai, Thủ tướng Ấn Độ Modi sẽ rời Paris đến Tokyo. Nhật Bản chào đón ông.", [IN, FR, JP, TOKYO, ("paris", "LOC", ["Paris"], "fr"),
     ("modi", "PERSON", ["Modi"], "in")], [("Ngày mai", "2023-12-02")],
     [ev("visit", {"in", "jp"}, "2023-12-02", "planned")]),
    # negative: another subject goes to the place
    ("Thủ tướng Ấn Độ Modi rời Paris sau khi tàu đến Tokyo.", [IN, FR, JP, TOKYO, ("paris", "LOC", ["Paris"], "fr"),
     ("modi", "PERSON", ["Modi"], "in")], [], []),
    # negative: a country after a lowercase noun is a party ("tại cuộc gặp với Việt Nam")
    ("Tổng thống Ấn Độ phát biểu tại cuộc gặp với Việt Nam hôm 3/5.", [IN, VN], [("hôm 3/5", "2023-05-03")],
     [ev("talks", {"in", "vn"}, "2023-05-03", "held")]),
]


@pytest.mark.parametrize("case", CASES_RECALL5, ids=[f"rc5_{i + 1}" for i in range(len(CASES_RECALL5))])
def test_recall5_incident_wordings_one_sided_withdrawals_dates_and_venues(case):
    check_case(case, "2023-12-01")


def test_recall5_named_building_is_a_venue():
    # "tại Dinh Tổng thống Việt Nam": a named building of a country is where the leaders met; the country is no
    # party, and "hai nhà lãnh đạo" are the pair told before
    evs = events_of("Tổng thống Ấn Độ và Tổng thống Pháp hội đàm hôm 3/5. Hai nhà lãnh đạo đã có cuộc gặp riêng tại "
                    "Dinh Tổng thống Việt Nam.", [IN, FR, VN], [("hôm 3/5", "2023-05-03")])
    assert evs and all(set(e.participants) == {"in", "fr"} for e in evs)


PK = ("pk", "COUNTRY", ["Pakistan"])
G7 = ("g7", "ORG", ["G7", "Nhóm G7"])
CASES_RECALL6 = [
    # a nuclear test told as the devices set off
    ("Ngày 12/4, Ấn Độ cho nổ hai thiết bị dưới lòng đất.", [IN], [("Ngày 12/4", "2023-04-12")],
     [ev("incident", {"in"}, "2023-04-12", "held")]),
    ("Pakistan detonated three nuclear devices on Tuesday.", [PK], [("on Tuesday", "2023-11-28")],
     [ev("incident", {"pk"}, "2023-11-28", "held")]),
    # negatives: a bomb squad setting off a suspicious device is no test
    ("Cảnh sát Ấn Độ đã kích nổ một thiết bị khả nghi hôm 3/5.", [IN], [("hôm 3/5", "2023-05-03")], []),
    ("Pakistani police detonated a suspicious device on Tuesday.", [PK], [("on Tuesday", "2023-11-28")], []),
    # a treaty fronted before its signers: "X do A và B ký" (signed by), "thỏa thuận ... mà A và B ký"
    ("Hiệp ước New START do Tổng thống Mỹ và Tổng thống Nga ký tại Geneva vào tháng 3/2011.", [US, RU, NEWSTART, GENEVA],
     [("tháng 3/2011", "2011-03")], [ev("treaty_action", {"us", "ru"}, "2011-03", "held")]),
    ("Ấn Độ tuân thủ thỏa thuận quân sự mà Ấn Độ và Pháp ký hồi tháng 2.", [IN, FR], [("tháng 2", "2023-02")],
     [ev("treaty_action", {"in", "fr"}, "2023-02", "held")]),
    ("Các cam kết nằm trong tuyên bố chung Paris mà Ấn Độ và Pháp ký hôm 3/5.", [IN, FR], [("hôm 3/5", "2023-05-03")],
     [ev("treaty_action", {"in", "fr"}, "2023-05-03", "held")]),
    # negative: "do" meaning "because" after a treaty starts no relative clause of signing
    ("Hiệp ước New START suy yếu, do Nga và Mỹ không ký văn kiện mới nào.", [US, RU, NEWSTART], [], []),
    # a clause with no subject of its own after a verb of saying is the speaker's: the speaker is a party (his
    # country is not named here, so he stands for it)
    ("Ông Trump nhiều lần nói muốn đàm phán với Nga và Trung Quốc.", [US, RU, CN,
     ("trump", "PERSON", ["Trump"], "us")], [], [ev("talks", {"trump", "ru", "cn"}, None, "proposed")]),
    # negative: a clause with its own subject keeps it (the speaker only reports)
    ("Mỹ cho biết Nga muốn đàm phán với Trung Quốc.", [US, RU, CN], [],
     [ev("talks", {"ru", "cn"}, None, "proposed")]),
    # a go-between is no party: "mediated by X", "do X làm trung gian"
    ("India and France held three rounds of talks mediated by Japan in 2022.", [IN, FR, JP], [("in 2022", "2022")],
     [ev("talks", {"in", "fr"}, "2022", "held")]),
    ("Ấn Độ và Pháp đã có ba vòng đàm phán do Nhật Bản làm trung gian vào năm 2022.", [IN, FR, JP],
     [("vào năm 2022", "2022")], [ev("talks", {"in", "fr"}, "2022", "held")]),
    # negatives: names after the go-between's clause are parties again; a partner after "with" is a party
    ("Talks mediated by Japan and held between India and France began in 2022.", [IN, FR, JP], [("in 2022", "2022")],
     [ev("talks", {"in", "fr"}, "2022", "held")]),
    ("India held talks with Japan in 2022.", [IN, JP], [("in 2022", "2022")], [ev("talks", {"in", "jp"}, "2022", "held")]),
    # an English demonstrative after a preposition names the happening told before ("during that visit"); what its
    # own clause says ("pledged to ...") is no new status of it
    ("India's prime minister visited France on Monday. During that visit India pledged to buy 26 jets from France.", [IN, FR],
     [("on Monday", "2023-11-27")], [ev("visit", {"in", "fr"}, "2023-11-27", "held")]),
    # a forum's summit told with its own date is a happening of that forum, even with no verb asserting it
    ("Hội nghị thượng đỉnh G7 tại Tokyo hồi tháng 5 cũng đã ra cảnh báo.", [G7, TOKYO],
     [("hồi tháng 5", "2023-05")], [ev("summit", {"g7"}, "2023-05", "held")]),
    # negative: a dateless reference to it ("kết quả hội nghị thượng đỉnh G7") is none
    ("Các chuyên gia đánh giá cao kết quả hội nghị thượng đỉnh G7.", [G7], [], []),
    # meetings told in the plural, then one "between" segment with its own date each: one happening per segment
    ("Tokyo từng chứng kiến các cuộc hội đàm giữa Ấn Độ và Pháp năm 2019, và giữa Nga và Trung Quốc năm 2021.",
     [TOKYO, IN, FR, RU, CN], [("năm 2019", "2019"), ("năm 2021", "2021")],
     [ev("talks", {"in", "fr"}, "2019", "held"), ev("talks", {"ru", "cn"}, "2021", "held")]),
    # negative: one "between" segment is one happening
    ("Tokyo từng chứng kiến các cuộc hội đàm giữa Ấn Độ và Pháp năm 2019.", [TOKYO, IN, FR], [("năm 2019", "2019")],
     [ev("talks", {"in", "fr"}, "2019", "held")]),
    # an agreement or a joint text named by a common noun after a signing verb is a treaty action
    ("Ấn Độ và Pháp đã ký một thỏa thuận quân sự tại Tokyo hôm 3/5.", [IN, FR, TOKYO], [("hôm 3/5", "2023-05-03")],
     [ev("treaty_action", {"in", "fr"}, "2023-05-03", "held")]),
    ("India and France signed an interim deal on Tuesday.", [IN, FR], [("on Tuesday", "2023-11-28")],
     [ev("treaty_action", {"in", "fr"}, "2023-11-28", "held")]),
    # negatives: a trade or energy deal is none
    ("Ấn Độ và Pháp đã ký thỏa thuận thương mại hôm 3/5.", [IN, FR], [("hôm 3/5", "2023-05-03")], []),
    ("India and France signed a gas deal on Tuesday.", [IN, FR], [("on Tuesday", "2023-11-28")], []),
    # an invitation accepted makes the visit agreed (planned); one only made is a proposal
    # (Japan is not named: the city stands for it)
    ("Thủ tướng Ấn Độ Modi đã nhận lời mời thăm Tokyo.", [IN, JP, TOKYO, ("modi", "PERSON", ["Modi"], "in")], [],
     [ev("visit", {"in", "tokyo"}, None, "planned")]),
    ("India's prime minister accepted an invitation to visit Tokyo.", [IN, JP, TOKYO], [],
     [ev("visit", {"in", "tokyo"}, None, "planned")]),
    ("Nhật Bản đã mời Thủ tướng Ấn Độ thăm Tokyo.", [IN, JP, TOKYO], [], [ev("visit", {"in", "jp"}, None, "proposed")]),
    # talks that failed took place all the same: a predicate of failure is a status of its own
    # (a stated talk with a status counts though its parties come from context)
    ("India signed a new treaty with France on Monday. Officials said that months of talks on amending it had failed "
     "to produce a deal.", [IN, FR], [("on Monday", "2023-11-27")],
     [ev("treaty_action", {"in", "fr"}, "2023-11-27", "held"), ev("talks", {"in", "fr"}, None, "held")]),
    # negative: a failure word with no meeting is no event
    ("India's missile programme failed to produce results.", [IN], [], []),
    # negative: "that" as a complementizer starts no anaphor; the talks it introduces are their own
    ("India's prime minister visited France on Monday. Japan said that a visit to Tokyo will follow in May.",
     [IN, FR, JP, TOKYO], [("on Monday", "2023-11-27"), ("in May", "2024-05")],
     [ev("visit", {"in", "fr"}, "2023-11-27", "held"), ev("visit", {"jp"}, "2024-05", "planned")]),
]


@pytest.mark.parametrize("case", CASES_RECALL6, ids=[f"rc6_{i + 1}" for i in range(len(CASES_RECALL6))])
def test_recall6_detonations_signings_speakers_go_betweens_demonstratives_forums(case):
    check_case(case, "2023-12-01")


# ---------------------------------------------------------------------------- speed rewrites keep their results
# (the events stage reads the page through faster forms of its look-ups: each must give what the plain form gives)

_SPEED_TEXTS = [
    "Ngoại trưởng Mỹ - Trung gặp nhau tại Bali, còn C++ và tên lửa sea-launched thì không; đàm phán kênh 2 (track two).",
    "The Chinese-made drones, the U.S. delegation and Russian forces met a non-Russian team — and the Japanese.",
    "\u201cChúng tôi sẽ đàm phán\u201d, ông nói: hội đàm -không- bắt đầu – vẫn chưa diễn ra ở Hà Nội.",
    "x-Chinese Chinese. Chinese,Russian .Russian North Korean troops",
]


def test_page_tokens_have_their_offsets():
    from armswatch.extract.event_cues import TOKEN_RE
    from armswatch.extract.events import _Ctx

    for text in _SPEED_TEXTS:
        ctx = _Ctx(annotate(text, [US, CN], []))
        spans = [m.span() for m in TOKEN_RE.finditer(text.lower())]
        assert ctx.words == [text.lower()[a:b] for a, b in spans]
        assert list(zip(ctx.tok_starts, ctx.tok_ends)) == spans
    ctx = _Ctx(annotate(_SPEED_TEXTS[0], [US, CN], []))
    assert "c" in ctx.words and "c++" not in ctx.words  # a '+' with no word after it is no part of a token
    assert ctx.words[:3] == ["ngoại", "trưởng", "mỹ"] and ctx.tok_starts[:3] == [0, 6, 13]


def test_demonym_pattern_finds_what_the_lexicon_pattern_finds():
    from armswatch.extract.event_cues import demonyms
    from armswatch.lexicon import demonyms as lexicon_demonyms

    fast, names = demonyms()
    plain, plain_names = lexicon_demonyms()
    assert names == plain_names
    found = []
    for text in _SPEED_TEXTS:
        spans = [m.span() for m in fast.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)]
        found += [text[a:b] for a, b in spans]
    assert "Chinese" in found and "Russian" in found  # found at a start, after a space, a comma
    # not glued to a word, a dot or a hyphen ("x-Chinese", ".Russian", "Chinese-made", "non-Russian")
    assert found.count("Chinese") == 3 and found.count("Russian") == 3


def test_noun_phrase_end_pattern_reads_as_its_plain_form():
    import re

    from armswatch.extract.event_cues import cues

    np_end = cues().np_end
    verbs = np_end.pattern[np_end.pattern.index("(?<=\\s)(?:") + len("(?<=\\s)(?:"):-len(")\\s)")]
    plain = re.compile(r"[,.;:]|\s(?:" + verbs + r")\s", re.IGNORECASE)
    for text in _SPEED_TEXTS + [" cuộc gặp thượng đỉnh sẽ diễn ra vào tháng tới ", " talks that were held "]:
        padded = " " + text + " "
        assert [m.span() for m in np_end.finditer(padded)] == [m.span() for m in plain.finditer(padded)]
    assert np_end.split(" cuộc gặp thượng đỉnh sẽ diễn ra ", maxsplit=1)[0] == " cuộc gặp thượng đỉnh"
    assert np_end.split(" cuộc gặp thượng đỉnh Mỹ ", maxsplit=1) == [" cuộc gặp thượng đỉnh Mỹ "]  # no verb: no end


def test_cue_hits_between_offsets():
    from armswatch.extract.events import _Ctx

    text = "Hai bên gặp tại Geneva, không phải ở Bern, và sẽ họp lại tại Oslo."
    ctx = _Ctx(annotate(text, [US, RU], []))
    labels = ("loc_stop", "loc_prep")
    every = [(ctx.tok_starts[i], labs) for labs, i, _ in ctx.hits if any(lb in labs for lb in labels)]
    assert [text[p:p + 3] for p, _ in every].count("tại") == 2
    for lo, hi in ((0, len(text)), (12, 40), (20, 21), (40, 12)):
        assert ctx.hits_between(lo, hi, labels) == [(p, labs) for p, labs in every if lo <= p < hi]


# ---------------------------------------------------------------- events round 3: dating from a happening told before
MODI = ("modi", "PERSON", ["Modi"], "in")
MACRON = ("macron", "PERSON", ["Macron"], "fr")
CASES_EV3 = [
    # "Ngay sau <happening>": the day that happening was told with, not the last dated event (a visit told between)
    ("Ấn Độ hôm 5/3 tổ chức lễ khánh thành cảng Mumbai. Thủ tướng Nhật Bản đã thăm Pháp hôm 2/3. "
     "Ngay sau lễ khánh thành, ông Modi hội đàm với Tổng thống Pháp Macron.",
     [IN, FR, JP, MODI, MACRON], [("hôm 5/3", "2023-03-05"), ("hôm 2/3", "2023-03-02")],
     [ev("visit", {"jp", "fr"}, "2023-03-02", "held"), ev("talks", {"in", "fr"}, "2023-03-05", "held")]),
    ("India held an opening ceremony for the Mumbai port on March 5. Japan's prime minister visited France on "
     "March 2. "
     "Right after the opening ceremony, Modi held talks with Macron.",
     [IN, FR, JP, MODI, MACRON], [("on March 5", "2023-03-05"), ("on March 2", "2023-03-02")],
     [ev("visit", {"jp", "fr"}, "2023-03-02", "held"), ev("talks", {"in", "fr"}, "2023-03-05", "held")]),
    # "Trước đó một ngày": the day before the event told just before
    ("Ông Modi hội đàm với Tổng thống Pháp Macron hôm 5/3. Trước đó một ngày, ông Modi đã điện đàm với Thủ tướng "
     "Nhật Bản.", [IN, FR, JP, MODI, MACRON], [("hôm 5/3", "2023-03-05")],
     [ev("talks", {"modi", "fr"}, "2023-03-05", "held"), ev("call", {"modi", "jp"}, "2023-03-04", "held")]),
    # "Ngay sau đó" names no happening: the day of the event told just before
    ("Ông Modi hội đàm với Tổng thống Pháp Macron hôm 5/3. Ngay sau đó, ông Modi điện đàm với Thủ tướng Nhật Bản.",
     [IN, FR, JP, MODI, MACRON], [("hôm 5/3", "2023-03-05")],
     [ev("talks", {"modi", "fr"}, "2023-03-05", "held"), ev("call", {"modi", "jp"}, "2023-03-05", "held")]),
    # negative: a happening named but never told with its day leaves the event told before as the anchor
    ("Ông Modi hội đàm với Tổng thống Pháp Macron hôm 5/3. Ngay sau lễ khánh thành, ông Modi điện đàm với Thủ "
     "tướng Nhật Bản.", [IN, FR, JP, MODI, MACRON], [("hôm 5/3", "2023-03-05")],
     [ev("talks", {"modi", "fr"}, "2023-03-05", "held"), ev("call", {"modi", "jp"}, "2023-03-05", "held")]),
]


UN_CHARTER = ("uncharter", "TREATY", ["Hiến chương Liên Hợp Quốc", "UN Charter"])
NPT_T = ("npt", "TREATY", ["NPT"])
CASES_EV3 += [
    # a treaty named as the legal basis of an act ("theo", "under") is not acted on
    ("Nghị quyết do Pháp soạn thảo đã được thông qua theo Chương VII Hiến chương Liên Hợp Quốc hôm 5/3.",
     [FR, UN_CHARTER], [("hôm 5/3", "2023-03-05")], []),
    ("The resolution drafted by France was adopted under the UN Charter on March 5.",
     [FR, UN_CHARTER], [("on March 5", "2023-03-05")], []),
    # negatives: the treaty acted on stands before the legal basis, and keeps its action
    ("Ấn Độ đã phê chuẩn NPT hôm 5/3 theo Hiến chương Liên Hợp Quốc.", [IN, UN_CHARTER, NPT_T],
     [("hôm 5/3", "2023-03-05")], [ev("treaty_action", {"in"}, "2023-03-05", "held")]),
    ("India withdrew from the NPT under its Article X on March 5.", [IN, NPT_T], [("on March 5", "2023-03-05")],
     [ev("treaty_action", {"in"}, "2023-03-05", "held")]),
]


@pytest.mark.parametrize("case", CASES_EV3, ids=[f"ev3_{i + 1}" for i in range(len(CASES_EV3))])
def test_ev3_dates_from_a_happening_told_before(case):
    check_case(case, "2023-12-01")


def test_ev3_the_two_leaders_as_subject_meet_in_a_summit():
    """'Hai nhà lãnh đạo' / 'The two leaders' as the subject of a meeting make it a summit, though a later clause
    names someone who is no leader (a spouse hosting the dinner); two ministers still hold talks."""
    people = [IN, FR, ("modi", "PERSON", ["Modi"], "in"), ("macron", "PERSON", ["Macron"], "fr"),
              ("brigitte", "PERSON", ["Brigitte Macron"], "fr"), ("jaishankar", "PERSON", ["Jaishankar"], "in"),
              ("paris", "LOC", ["Paris"])]
    vi = [("hôm 3/5", "2023-05-03"), ("hôm 4/5", "2023-05-04")]
    en = [("on May 3", "2023-05-03"), ("on May 4", "2023-05-04")]

    def meeting_types(text, timexes):
        return [(e.type, e.date) for e in events_of(text, people, timexes) if e.type != "visit"]
    assert meeting_types("Thủ tướng Ấn Độ Modi tới Paris hôm 3/5. Hai nhà lãnh đạo hội đàm tại Điện Élysée hôm 4/5, "
                         "sau đó ông Macron và phu nhân Brigitte Macron chủ trì quốc yến.", vi) \
        == [("summit", "2023-05-04")]
    assert meeting_types("Indian Prime Minister Modi arrived in Paris on May 3. The two leaders held talks at the "
                         "Elysee Palace on May 4, then Macron and his wife Brigitte Macron hosted a state dinner.", en) \
        == [("summit", "2023-05-04")]
    assert meeting_types("Thủ tướng Ấn Độ Modi tới Paris hôm 3/5. Hai ngoại trưởng hội đàm tại Điện Élysée hôm 4/5, "
                         "sau đó ông Jaishankar và phu nhân Brigitte Macron chủ trì quốc yến.", vi) \
        == [("talks", "2023-05-04")]


KIM_P = ("kim", "PERSON", ["Kim Jong Un", "ông Kim"], "kp")
MOON_P = ("moon", "PERSON", ["Moon Jae-in", "ông Moon"], "kr")
SEOUL = ("seoul", "LOC", ["Seoul"])
CASES_PRONOUN = [
    # a pronoun subject is the person the sentence before is about (the speaker outside the quote)
    ('"Chúng tôi đã nhất trí", ông Kim nói trong cuộc họp báo chung. Ông cũng nhận lời mời thăm Seoul.',
     [KP, KR, KIM_P, SEOUL], [], [ev("visit", {"kim", "kr"}, None, "planned")]),
    ("North Korean leader Kim Jong Un spoke at the ceremony. He also accepted an invitation to visit Seoul.",
     [KP, KR, KIM_P, SEOUL], [], [ev("visit", {"kim", "kr"}, None, "planned")]),
    # negatives: "Ông Moon" is a name, not a pronoun; a pronoun opening a new paragraph has no antecedent here
    ("Ông Kim phát biểu tại buổi lễ. Ông Moon cũng nhận lời mời thăm Seoul.", [KP, KR, KIM_P, MOON_P, SEOUL], [],
     [ev("visit", {"kr"}, None, "planned")]),
    ("Ông Kim phát biểu tại buổi lễ.\nÔng cũng nhận lời mời thăm Seoul.", [KP, KR, KIM_P, SEOUL], [],
     [ev("visit", {"kr"}, None, "planned")]),
]


@pytest.mark.parametrize("case", CASES_PRONOUN, ids=[f"pron_{i + 1}" for i in range(len(CASES_PRONOUN))])
def test_ev3_pronoun_subject_is_the_person_told_before(case):
    check_case(case, "2023-12-01")


G20_SUMMIT = ("g20_summit", "EVENT_NAME", ["hội nghị thượng đỉnh G20", "G20 summit"])
G20_ORG = ("g20", "ORG", ["G20"])
MODI_P = ("modi", "PERSON", ["Narendra Modi", "Modi"], "in")
FORUM_PAGE = [IN, G20_SUMMIT, G20_ORG, MODI_P, ("rome", "LOC", ["Rome"]), ("italy", "COUNTRY", ["Italy"])]
CASES_ATTEND = [
    # who attends a named conference is a party of it; the attendee's verb gives its status and date
    ("Thủ tướng Ấn Độ Narendra Modi, người vừa dự hội nghị thượng đỉnh G20 ở Rome hôm 30/10, không tới Glasgow.",
     FORUM_PAGE, [("hôm 30/10", "2021-10-30")], [ev("summit", {"in"}, "2021-10-30", "held")]),
    ("Indian Prime Minister Narendra Modi will travel to Italy in October to attend the G20 summit in Rome.",
     FORUM_PAGE, [("in October", "2021-10")],
     [ev("summit", {"modi"}, "2021-10", "planned"), ev("visit", {"modi", "italy"}, "2021-10", "planned")]),
    # negatives: the conference told alone is the forum's; one only spoken about has no attendee
    ("Hội nghị thượng đỉnh G20 diễn ra ở Rome hôm 30/10.", FORUM_PAGE, [("hôm 30/10", "2021-10-30")],
     [ev("summit", {"g20"}, "2021-10-30", "held")]),
    ("Thủ tướng Ấn Độ Narendra Modi phát biểu về hội nghị thượng đỉnh G20 ở Rome hôm 30/10.", FORUM_PAGE,
     [("hôm 30/10", "2021-10-30")], []),
]


@pytest.mark.parametrize("case", CASES_ATTEND, ids=[f"attend_{i + 1}" for i in range(len(CASES_ATTEND))])
def test_ev3_who_attends_a_conference_is_its_party(case):
    check_case(case, "2021-12-01")


# ev4: the Vietnamese treaty-action vocabulary beyond the verbs first listed: stop applying ("ngừng áp dụng"),
# tear up ("xé bỏ"), and a treaty's validity extended, lost, ended or entered into ("... hiệu lực")
CASES_EV4_TREATY_VI = [
    ("Iran ngừng áp dụng Hiệp ước New START từ ngày 3/4.", [IR, NEWSTART], [("ngày 3/4", "2023-04-03")],
     "suspend"),
    ("Tổng thống Mỹ tuyên bố xé bỏ Hiệp ước New START hôm 9/10.", [US, NEWSTART], [("hôm 9/10", "2023-10-09")],
     "withdraw"),
    ("Mỹ và Nga đã kéo dài hiệu lực của Hiệp ước New START thêm năm năm vào tháng 2.", [US, RU, NEWSTART],
     [("tháng 2", "2023-02")], "extend"),
    ("Hiệp ước New START giữa Mỹ và Nga mất hiệu lực vào tháng 2/2026.", [US, RU, NEWSTART],
     [("tháng 2/2026", "2026-02")], "expire"),
    ("Hiệp ước New START giữa Mỹ và Nga chính thức đi vào hiệu lực hôm 5/2/2011.", [US, RU, NEWSTART],
     [("hôm 5/2/2011", "2011-02-05")], "enter_into_force"),
]


@pytest.mark.parametrize("case", CASES_EV4_TREATY_VI, ids=[f"ev4_vi_{i + 1}" for i in range(len(CASES_EV4_TREATY_VI))])
def test_ev4_vietnamese_treaty_action_vocabulary(case):
    text, entities, timexes, action = case
    evs = [e for e in events_of(text, entities, timexes) if e.type == "treaty_action"]
    assert [e.attributes.get("action") for e in evs] == [action]
    assert evs[0].date == timexes[0][1]


@pytest.mark.parametrize("text", [
    # negatives: the same words about rules or prices that are no treaty, and a verb negated
    "Iran ngừng áp dụng mức giá xăng mới từ ngày 3/4.",
    "Mỹ chưa bao giờ xé bỏ Hiệp ước New START.",
])
def test_ev4_vietnamese_treaty_vocabulary_negatives(text):
    evs = events_of(text, [IR, US, NEWSTART], [("ngày 3/4", "2023-04-03")])
    assert [e for e in evs if e.type == "treaty_action"] == []


# ev5: a verb of saying that follows a date makes it the date of a speech act only inside the date's own clause:
# after a contrast ("nhưng", "but") or after another date the verb is dated by that clause or that date
CASES_EV5_SPEECH_SCOPE = [
    ("Ấn Độ đã tiến hành ba vụ thử tên lửa, vụ gần nhất vào tháng 6, nhưng tuyên bố sẽ không thử thêm.",
     [IN], [("tháng 6", "2023-06")], "2023-06"),
    ("India has launched three missiles, the latest in June, but said it would launch no more.",
     [IN], [("June", "2023-06")], "2023-06"),
    ("Ấn Độ đã tiến hành ba vụ thử tên lửa, lần gần nhất vào tháng 6, và hồi tháng 8 tuyên bố ngừng thử.",
     [IN], [("tháng 6", "2023-06"), ("hồi tháng 8", "2023-08")], "2023-06"),
]


@pytest.mark.parametrize("case", CASES_EV5_SPEECH_SCOPE, ids=[f"ev5_speech_{i + 1}" for i in range(len(CASES_EV5_SPEECH_SCOPE))])
def test_ev5_speech_verb_dates_only_its_own_clause(case):
    text, entities, timexes, date = case
    held = [e for e in events_of(text, entities, timexes) if e.type == "incident" and e.status == "held"]
    assert held and held[0].date == date


def test_ev5_speech_verb_right_after_a_date_still_dates_the_statement_not_the_talks():
    # negative: with no contrast between, "ngày 5/6 cho biết" dates the statement; the talks it announces are later
    evs = events_of("Ấn Độ ngày 5/6 cho biết sẽ tổ chức hội đàm với Pháp.", [IN, FR], [("ngày 5/6", "2023-06-05")])
    assert [(e.type, e.date) for e in evs if e.type == "talks"] == [("talks", None)]


# ev5: a journey and the meeting it is made for, told as one serial predicate ("tới X gặp Y", "flew to X to meet Y"),
# share the one date told for either
LAVROV = ("lavrov", "PERSON", ["Sergei Lavrov", "Lavrov"], "ru")
WANG = ("wang_yi", "PERSON", ["Vương Nghị", "Wang Yi"], "cn")


@pytest.mark.parametrize("text,timexes,date", [
    ("Ngoại trưởng Nga Sergei Lavrov đã bí mật tới Bắc Kinh gặp Ngoại trưởng Vương Nghị vào dịp Tết Trung thu.",
     [("dịp Tết Trung thu", "2023-09-29")], "2023-09-29"),
    ("Ngoại trưởng Nga Sergei Lavrov hôm 4/9 đã tới Bắc Kinh hội đàm với Ngoại trưởng Vương Nghị.",
     [("hôm 4/9", "2023-09-04")], "2023-09-04"),
])
def test_ev5_journey_and_its_meeting_share_a_date(text, timexes, date):
    evs = events_of(text, [RU, CN, LAVROV, WANG], timexes)
    assert sorted((e.type, e.date) for e in evs) == [("talks", date), ("visit", date)]


def test_ev5_a_meeting_in_another_clause_keeps_its_own_date():
    # negative: after a comma the meeting is a predicate of its own; the journey's date does not pass to it
    evs = events_of("Ngoại trưởng Nga Sergei Lavrov hôm 4/9 đã tới Bắc Kinh, và hai tuần sau đó gặp Vương Nghị tại "
                    "Moskva.", [RU, CN, LAVROV, WANG], [("hôm 4/9", "2023-09-04")])
    assert ("talks", "2023-09-04") not in [(e.type, e.date) for e in evs]


# ev5: a meeting fronted before the main clause ("Sau hội đàm ..., hai nhà lãnh đạo ký ...") has that clause's subject
# as its parties: the two leaders make it a summit
@pytest.mark.parametrize("text", [
    "Sau hội đàm tại Điện Kremlin hôm 4/9, hai nhà lãnh đạo Nga và Trung Quốc ký một tuyên bố chung.",
    "After talks in Moscow on September 4, the two leaders signed a joint statement on Russia and China.",
])
def test_ev5_fronted_meeting_of_the_two_leaders_is_a_summit(text):
    evs = events_of(text, [RU, CN], [("hôm 4/9", "2023-09-04"), ("September 4", "2023-09-04")])
    assert [(e.type, e.date) for e in evs if e.type in ("talks", "summit")] == [("summit", "2023-09-04")]


def test_ev5_fronted_meeting_of_ministers_is_no_summit():
    evs = events_of("Sau hội đàm tại Điện Kremlin hôm 4/9, ngoại trưởng Nga và Trung Quốc ký một tuyên bố chung.",
                    [RU, CN], [("hôm 4/9", "2023-09-04")])
    assert [e for e in evs if e.type == "summit"] == []


# ev5: a bare year that names an agreement ("the 2015 nuclear deal", "thỏa thuận hạt nhân năm 2015") is not the date of
# talks about it; the year of a treaty a party signs or leaves may still be the year of that step
@pytest.mark.parametrize("text,timexes,date", [
    ("Talks between Washington and Tehran to revive the 2015 nuclear deal resumed in Vienna in 2022.",
     [("2015", "2015"), ("2022", "2022")], "2022"),
    ("Negotiators from the United States and Iran met over the 2015 nuclear deal.", [("2015", "2015")], None),
    ("Mỹ và Iran đã đàm phán về thỏa thuận hạt nhân năm 2015.", [("năm 2015", "2015")], None),
    ("Mỹ và Iran đã đàm phán hồi năm 2022 về thỏa thuận hạt nhân năm 2015.",
     [("hồi năm 2022", "2022"), ("năm 2015", "2015")], "2022"),
])
def test_ev5_year_of_an_agreement_does_not_date_talks_about_it(text, timexes, date):
    evs = events_of(text, [US, IR], timexes)
    assert [(e.type, e.date) for e in evs] == [("talks", date)]


def test_ev5_year_after_a_step_of_the_treaty_still_dates_it():
    # negatives: "rút khỏi Hiệp ước ... năm 2019 và khỏi ..." and "withdrew ... in 2019" are the years of the step
    evs = events_of("Mỹ rút khỏi Hiệp ước New START năm 2019 và khỏi Hiệp ước Bầu trời mở năm 2020.",
                    [US, NEWSTART], [("năm 2019", "2019"), ("năm 2020", "2020")])
    assert evs and evs[0].type == "treaty_action" and evs[0].date == "2019"
    evs = events_of("The United States withdrew from the treaty in 2019.", [US], [("2019", "2019")])
    assert [(e.type, e.date) for e in evs] == [("treaty_action", "2019")]


# ev5: a clause opened by "khi"/"when" or "khiến"/"prompting" right after a date tells what happened at that time
@pytest.mark.parametrize("text,timexes,expected", [
    ("Căng thẳng leo thang từ tháng 8, khiến Triều Tiên phóng tên lửa đạn đạo.", [("tháng 8", "2023-08")],
     [ev("incident", {"kp"}, "2023-08", "held")]),
    ("Căng thẳng leo thang từ tháng 8, khi Triều Tiên phóng tên lửa đạn đạo.", [("tháng 8", "2023-08")],
     [ev("incident", {"kp"}, "2023-08", "held")]),
    ("Tensions rose in August, when North Korea launched a ballistic missile.", [("August", "2023-08")],
     [ev("incident", {"kp"}, "2023-08", "held")]),
    # negatives: no date before the clause; a plan told in it is not placed at the date
    ("Căng thẳng leo thang, khiến Triều Tiên phóng tên lửa đạn đạo.", [], [ev("incident", {"kp"}, None, "held")]),
    ("Căng thẳng leo thang từ tháng 8, khi Triều Tiên tuyên bố sẽ phóng tên lửa đạn đạo.", [("tháng 8", "2023-08")],
     [ev("incident", {"kp"}, None, "planned")]),
])
def test_ev5_when_clause_after_a_date_is_dated_by_it(text, timexes, expected):
    assert core(events_of(text, [US, KP], timexes)) == sorted(expected, key=_key)


# ev5: the pair in context for a step of the past is the last pair told at about its own time
def test_ev5_context_pair_of_a_past_step_is_the_pair_of_its_time():
    text = ("Năm 2022, Mỹ và Trung Quốc hội đàm tại Bali. Năm 1993, Mỹ và Triều Tiên đàm phán tại Geneva. "
            "Năm {}, hai bên ký một thỏa thuận khung.")
    tx = [("Năm 2022", "2022"), ("Năm 1993", "1993")]
    evs = events_of(text.format(1994), [US, CN, KP], tx + [("Năm 1994", "1994")])
    assert [set(e.participants) for e in evs if e.type == "treaty_action"] == [{"us", "kp"}]
    # negative: a step of the page's own time keeps the last pair of the present
    evs = events_of(text.format(2023), [US, CN, KP], tx + [("Năm 2023", "2023")])
    assert [set(e.participants) for e in evs if e.type == "treaty_action"] == [{"us", "cn"}]


# ev6: a meeting or an exercise that is the subject of its sentence is halted by a halting verb past its long noun
# phrase, a relative clause or a participle (the sentence's main predicate)
@pytest.mark.parametrize("text,status", [
    ("Cuộc đối thoại mà Mỹ và Trung Quốc khởi động sau cuộc gặp ở Geneva cũng rơi vào bế tắc.", "stalled"),
    ("Các cuộc đàm phán giữa Mỹ và Trung Quốc về kiểm soát vũ khí hạt nhân và an ninh không gian đã bị đình trệ.",
     "stalled"),
    ("Negotiations between the United States and China on a hotline, launched after the Geneva summit, have stalled.",
     "stalled"),
    ("Talks between the United States and China on a hotline, which both sides had welcomed, collapsed.", "stalled"),
    # negatives: a halting word after a preposition of time is an earlier state; a meeting after a preposition or
    # after a cue is not the subject
    ("Cuộc đàm phán đầu tiên giữa Mỹ và Trung Quốc sau nhiều tháng bế tắc đã kết thúc tại Geneva.", "held"),
    ("The first talks between the United States and China after months of stalled contacts ended in Geneva.", "held"),
])
def test_ev6_subject_meeting_halted_by_the_main_verb(text, status):
    evs = events_of(text, [US, CN, GENEVA], [])
    assert [(e.type, e.status) for e in evs if e.type == "talks"] == [("talks", status)]


def test_ev6_a_meeting_after_a_preposition_is_no_subject_of_the_halting_verb():
    evs = events_of("Tại cuộc họp ở Geneva, Mỹ và Trung Quốc đã hội đàm và cho biết quan hệ bị đình trệ từ lâu.",
                    [US, CN, GENEVA], [])
    assert "stalled" not in [e.status for e in evs]


# ev6: the latest round of a process is a happening of its own, not the process told before it
def test_ev6_latest_round_is_not_the_process():
    text = ("Đối thoại giữa Mỹ và Trung Quốc về kiểm soát vũ khí đã rơi vào bế tắc. "
            "Vòng đàm phán gần nhất giữa Mỹ và Trung Quốc diễn ra tại Geneva hôm 10/9.")
    evs = events_of(text, [US, CN, GENEVA], [("hôm 10/9", "2023-09-10")])
    assert sorted((e.date or "", e.status) for e in evs) == [("", "stalled"), ("2023-09-10", "held")]
    # negative: without "gần nhất" the dated round is told of the same talks
    evs = events_of(text.replace(" gần nhất", " này"), [US, CN, GENEVA], [("hôm 10/9", "2023-09-10")])
    assert len(evs) == 1


# qevents (session 6): a document's publication told with a long name between the verb and the document, or with
# the document first and its publication after it; the author is then the actor the sentence opens with.
CASES_QEV_REPORT = [
    ("France on Friday released the long-awaited first public edition of the national Strategic Review.",
     [FR], [("on Friday", "2023-11-24")],
     [ev("report", {"fr"}, "2023-11-24", "held")]),
    ("France will modernise its air-launched deterrent under a defence review published on Friday.",
     [FR], [("on Friday", "2023-11-24")],
     [ev("report", {"fr"}, "2023-11-24", "held")]),
    # negative: a review that nobody publishes in the sentence is no report
    ("France will modernise its air-launched deterrent after a defence review.", [FR], [], []),
]


@pytest.mark.parametrize("case", CASES_QEV_REPORT, ids=[f"q{i + 1}" for i in range(len(CASES_QEV_REPORT))])
def test_qev_publication_told_around_the_document(case):
    check_case(case, "2023-12-01")


def test_qev_publication_due_is_planned():
    evs = events_of("The Defence Ministry will set out the changes in a separate Command Paper, due to be published "
                    "next Monday.", [("mod", "ORG", ["Defence Ministry"], "fr")], [("next Monday", "2023-12-04")])
    assert core(evs) == [ev("report", {"mod"}, "2023-12-04", "planned")]


# qevents: an international body the KB knows (no country of its own) is not affiliated to a country named right
# before one of its mentions ("hồ sơ hạt nhân Iran ra Hội đồng Bảo an" names what it discusses): its meeting is its own.
def test_qev_international_body_takes_no_country_from_a_neighbouring_name():
    unsc = ("unsc", "ORG", ["Hội đồng Bảo an", "Security Council"])
    text = ("Các nước phương Tây đã đưa hồ sơ hạt nhân Iran ra Hội đồng Bảo an. "
            "Ngày 3/2, Hội đồng Bảo an đã nhóm họp khẩn cấp tại New York.")
    evs = events_of(text, [IR, unsc, ("nyc", "LOC", ["New York"])], [("Ngày 3/2", "2023-02-03")])
    assert core(evs) == [ev("talks", {"unsc"}, "2023-02-03", "held")]


# qevents: Vietnamese has no article, so a bare treaty noun right after a treaty verb ("gia nhập hiệp ước", "phê chuẩn
# văn bản này") is the treaty the page is about.
NPT_Q = ("npt", "TREATY", ["Hiệp ước Không phổ biến Vũ khí Hạt nhân", "NPT"])


@pytest.mark.parametrize("text,date_", [
    ("NPT có 190 thành viên. Ấn Độ chưa bao giờ ký. Việt Nam gia nhập hiệp ước hồi tháng 2/1982.", "1982-02"),
    ("NPT có 190 thành viên. Sau nhiều năm tranh luận, Việt Nam đã phê chuẩn văn bản này từ năm 1982.", "1982"),
])
def test_qev_bare_treaty_object_is_the_page_treaty(text, date_):
    evs = events_of(text, [NPT_Q, VN, IN], [("tháng 2/1982", "1982-02"), ("năm 1982", "1982")])
    got = [(e.type, e.participants, e.date, e.attributes.get("treaty")) for e in evs if e.type == "treaty_action"]
    assert got == [("treaty_action", ["vn"], date_, "npt")]


def test_qev_a_treaty_noun_with_its_own_name_is_not_bare():
    evs = events_of("NPT có 190 thành viên. Việt Nam gia nhập hiệp ước cấm vũ khí sinh học hồi tháng 2/1982.",
                    [NPT_Q, VN], [("tháng 2/1982", "1982-02")])
    assert [e.attributes.get("treaty") for e in evs if e.type == "treaty_action"] != ["npt"]


# qevents: a report published before the page's date is held, whatever future its content tells ("sẽ có").
def test_qev_past_report_with_a_projection_is_held():
    text = ("Bộ Quốc phòng Mỹ, trong báo cáo thường niên công bố tháng 11 năm ngoái, dự báo Nga sẽ triển khai "
            "thêm tên lửa vào năm 2030.")
    evs = events_of(text, [("dod", "ORG", ["Bộ Quốc phòng Mỹ"], "us"), RU],
                    [("tháng 11 năm ngoái", "2022-11"), ("năm 2030", "2030")])
    assert [(e.type, e.date, e.status) for e in evs if e.type == "report"] == [("report", "2022-11", "held")]


# qevents: "khi đó là" ("the then president") opens no clause, so a date after it still dates the meeting.
def test_qev_then_title_opens_no_clause():
    text = ("Quan hệ hai nước lạnh đi kể từ khi cuộc gặp thượng đỉnh giữa ông Kim và Tổng thống Hàn Quốc khi đó là "
            "Moon Jae-in tại Bàn Môn Điếm tháng 4/2018 kết thúc.")
    evs = events_of(text, [KP, KR, ("moon", "PERSON", ["Moon Jae-in"], "kr"), ("kim", "PERSON", ["ông Kim"], "kp"),
                           ("pmj", "LOC", ["Bàn Môn Điếm"])], [("tháng 4/2018", "2018-04")])
    assert [(e.type, e.date) for e in evs if e.type == "summit"] == [("summit", "2018-04")]


# qevents: a counted span of decades ("ending three decades of ...") is a measure, not a habitual frame
def test_qev_counted_decades_are_no_habit():
    text = "France will cut its arsenal, ending three decades of growth, under a defence review published on Friday."
    evs = events_of(text, [FR], [("on Friday", "2023-11-24")])
    assert core(evs) == [ev("report", {"fr"}, "2023-11-24", "held")]
    # negative: "for decades" still frames a habit
    evs = events_of("For decades, France and Japan held talks on nuclear safety.", [FR, JP], [])
    assert evs == []


# qevents: an event dated wholly before the page's day is held, whatever future word its sentence holds
@pytest.mark.parametrize("text,timexes,type_", [
    ("Đầu tháng 8, Ngoại trưởng Mỹ đã thăm Bắc Kinh, và hai bên nhất trí sắp xếp một cuộc gặp trong thời gian tới.",
     [("Đầu tháng 8", "2023-08")], "visit"),
    ("The Japanese prime minister spoke with the Chinese premier by telephone on Monday, and the two agreed to "
     "look for ways to resume talks by October.", [("on Monday", "2023-09-11")], "call"),
])
def test_qev_dated_before_the_page_is_held(text, timexes, type_):
    evs = events_of(text, [US, CN, JP, ("fm", "PERSON", ["Ngoại trưởng Mỹ"], "us"),
                           ("pm", "PERSON", ["The Japanese prime minister"], "jp"),
                           ("li", "PERSON", ["the Chinese premier"], "cn")], timexes, published="2023-09-15")
    dated = [(e.type, e.status) for e in evs if e.date == timexes[0][1]]
    assert dated == [(type_, "held")]


def test_qev_planned_for_a_later_day_stays_planned():
    evs = events_of("Mỹ và Trung Quốc sẽ hội đàm tại Geneva vào tháng 10.", [US, CN, GENEVA],
                    [("tháng 10", "2023-10")], published="2023-09-15")
    assert [(e.type, e.status) for e in evs] == [("talks", "planned")]


# qevents: one party calling partners of different countries, or meeting them one after another ("separate"), holds
# one call or meeting per partner; a call that names a multi-party format stays one.
ABE_Q = ("abe", "PERSON", ["Shinzo Abe"], "jp")
MODI_Q = ("modi", "PERSON", ["Narendra Modi"], "in")
ALB_Q = ("alb", "PERSON", ["Anthony Albanese"], "au")
DUP_Q = ("dupont", "PERSON", ["Jean Dupont"], "fr")


def test_qev_call_with_two_leaders_is_two_calls():
    text = ("Ngày 5/3, Ngoại trưởng Pháp Jean Dupont đã điện đàm với Thủ tướng Nhật Bản Shinzo Abe và Thủ tướng Ấn Độ "
            "Narendra Modi về an ninh hàng hải.")
    ents = [FR, JP, IN, ABE_Q, MODI_Q, DUP_Q]
    evs = events_of(text, ents, [("Ngày 5/3", "2023-03-05")])
    assert core(evs) == sorted([ev("call", {"fr", "jp"}, "2023-03-05", "held"),
                                ev("call", {"fr", "in"}, "2023-03-05", "held")], key=_key)
    # negative: a call in a named multi-party format is one call
    evs = events_of(text.replace("điện đàm với", "điện đàm ba bên với"), ents, [("Ngày 5/3", "2023-03-05")])
    assert [sorted(e.participants) for e in evs if e.type == "call"] == [["fr", "in", "jp"]]


def test_qev_separate_meetings_with_two_leaders():
    text = ("On Monday the President of France, Jean Dupont, held separate talks with India's Narendra Modi and with "
            "Australia's Anthony Albanese.")
    ents = [FR, IN, AU, MODI_Q, ALB_Q, DUP_Q]
    evs = events_of(text, ents, [("On Monday", "2023-03-13")])
    assert sorted(sorted(e.participants) for e in evs) == [["au", "fr"], ["fr", "in"]]
    # negative: without "separate" they met together
    evs = events_of(text.replace("separate ", ""), ents, [("On Monday", "2023-03-13")])
    assert len(evs) == 1


# qdates round: a date told after a meeting or happening that is the place ("tại", "at") or the topic ("về", "on")
# of an undated verb right before it dates that verb too (own sentences)
UNSC_T = ("unsc", "ORG", ["Hội đồng Bảo an", "Security Council"])


@pytest.mark.parametrize("text,timex,typ,date_", [
    ("Hiệp ước New START được Mỹ và Nga ký tại một hội nghị ở Geneva vào ngày 4/6.", ("vào ngày 4/6", "2023-06-04"),
     "treaty_action", "2023-06-04"),
    ("Triều Tiên phóng tên lửa hôm 1/12. Hội đồng Bảo an dự kiến họp khẩn về vụ phóng vào sáng thứ Hai.",
     ("sáng thứ Hai", "2023-12-04"), "talks", "2023-12-04"),
    # negative: the noun is the object of a verb of another clause (after "nhưng"); the meeting keeps no date
    ("Triều Tiên phóng tên lửa hôm 1/12. Hội đồng Bảo an dự kiến họp khẩn nhưng Nhật Bản lên án vụ phóng vào sáng "
     "thứ Hai.", ("sáng thứ Hai", "2023-12-04"), "talks", None),
])
def test_qdates_date_of_a_place_or_topic_noun_dates_its_verb(text, timex, typ, date_):
    evs = events_of(text, [US, RU, KP, GENEVA, UNSC_T, NEWSTART], [timex, ("hôm 1/12", "2023-12-01")])
    assert date_ in [e.date for e in evs if e.type == typ], [(e.type, e.date) for e in evs]


def test_pattern_word_lists_are_plain_words_checked_by_the_schema():
    """The word lists events.py builds its phrase patterns from (predicate_stops, agreement_nouns ...) are data: the
    schema accepts plain words only (no regex syntax, no bare YAML boolean such as on), and the patterns use them."""
    import copy

    import jsonschema

    from armswatch.extract import events as ev
    from armswatch.lexicon import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "lexicon.events.schema.json").read_text(encoding="utf-8"))
    lex = load_lexicon("events")
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(lex))
    for key, bad in (("predicate_stops", "khi|nếu"), ("forum_gap_words", True), ("agreement_nouns", "deal.*")):
        broken = copy.deepcopy(lex)
        broken[key] = broken[key] + [bad]
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken)), (key, bad)
        missing = {k: v for k, v in lex.items() if k != key}
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(missing)), key  # (required)
    assert "on" in lex["forum_gap_words"] and ev._FORUM_GAP_RE.search("đàm phán on Iran")
    assert ev._PREDICATE_STOP_RE.search("..., tuy nhiên Iran") and "tuy" in ev._PREDICATE_STOP_FIRSTS
    assert ev._COMMON_TREATY_RE.match(" một thỏa thuận tạm thời") and not ev._COMMON_TREATY_RE.match(" thỏa thuận thương mại")


# nodate round: relative dates on pages with no date (own sentences)
STOCKHOLM = ("stockholm", "LOC", ["Stockholm"])


def _nodate_events(text, ents, timexes):
    return sorted(((e.type, e.date) for e in events_of(text, ents, timexes, published=None)), key=str)


def test_nodate_fronted_relative_phrase_names_the_anchor():
    # "Chỉ hai ngày trước vòng đàm phán, ...": the talks named in a phrase that opens the sentence are the talks told
    # before (5/10), not talks shifted from an earlier day; the main clause after the comma is the shifted one
    text = ("Nga và Mỹ hội đàm tại Geneva hôm 30/6. Mỹ và Triều Tiên hôm 5/10 đàm phán tại Stockholm. Chỉ hai ngày "
            "trước vòng đàm phán, Triều Tiên đã phóng thử một tên lửa.")
    ents = [RU, US, KP, GENEVA, STOCKHOLM]
    tx = [("hôm 30/6", "XXXX-06-30"), ("hôm 5/10", "XXXX-10-05"), ("hai ngày", "P2D")]
    assert _nodate_events(text, ents, tx) == [("incident", "XXXX-10-03"), ("talks", "XXXX-06-30"),
                                              ("talks", "XXXX-10-05")]
    # negative: the phrase after a main clause ("..., hai ngày trước vòng đàm phán") keeps the main clause's day
    text2 = ("Mỹ và Triều Tiên hôm 5/10 đàm phán tại Stockholm. Triều Tiên đã phóng thử một tên lửa hôm 3/10, hai "
             "ngày trước vòng đàm phán.")
    got = _nodate_events(text2, ents, [("hôm 5/10", "XXXX-10-05"), ("hôm 3/10", "XXXX-10-03"), ("hai ngày", "P2D")])
    assert ("incident", "XXXX-10-03") in got and ("talks", "XXXX-10-05") in got, got


def test_candidate_word_search_equals_the_pattern():
    """The cue patterns read at the page words that can start a cue (_Ctx.cue_search / cue_finditer / cue_last /
    text_search, _names_leader) give what the patterns give scanning every position, over every window of a page
    with cut words at both ends, words glued by '+', capitals, and a cue right at a window's start."""
    import re as _re

    from armswatch.extract.events import _Ctx, _last_match, _names_leader
    from armswatch.pipeline import process_text

    text = ("Tổng thống Mỹ Joe Biden cho biết hôm 2/11 rằng hai nhà lãnh đạo sẽ gặp nhau tại Hà Nội. "
            "Thủ tướng Nhật Bản nói+thêm: President Xi and Prime Minister Kishida met in Tokyo; the two leaders "
            "said at the summit that NATO leaders would meet ở Brussels. Phó Tổng thống Mỹ tuyên bố ở+đây, rồi nói "
            "chuyện với báo chí về bản tuyên bố chung.")
    ctx = _Ctx(process_text(text))
    c, body = ctx.cues, ctx.body
    checked = 0
    for name in ("leader_titles", "leader_groups", "leader_pairs", "speech_verbs", "location_prep", "topic_stop"):
        pat = getattr(c, name)
        assert c.cue_firsts.get(name) is not None  # (else the helpers read the whole pattern: nothing tested)
        for lo in range(0, len(body), 7):
            for hi in range(lo + 1, min(len(body), lo + 90) + 1, 5):
                want = [mt.span() for mt in pat.finditer(body, lo, hi)]
                assert [mt.span() for mt in ctx.cue_finditer(name, lo, hi)] == want, (name, lo, hi)
                last = ctx.cue_last(name, lo, hi)
                assert (last.span() if last else None) == (want[-1] if want else None), (name, lo, hi)
                first = ctx.cue_search(name, lo, hi)
                assert (first.span() if first else None) == (want[0] if want else None), (name, lo, hi)
                assert ctx.text_search(name, lo, hi) == bool(pat.search(body[lo:hi])), (name, lo, hi)
                if ctx.starts_free(lo):
                    sliced = _last_match(pat, body[lo:hi])
                    assert (last.end() - lo if last else None) == (sliced.end() if sliced else None)
                checked += bool(want)
    assert checked > 50  # (the windows do hold cues)
    for lo in range(0, len(body) - 30):
        assert ctx._leader_before(lo, lo + 30) == _names_leader.__wrapped__(body[lo:lo + 30]), lo
    assert _names_leader("Tổng thống Pháp") and not _names_leader("Phó Tổng thống Pháp")
    # the cue windows never miss a speech exception the pattern finds (may_hit is False only where none can be)
    exc, found = c.speech_exceptions, 0
    for lo in range(0, len(body), 3):
        for hi in range(lo + 1, min(len(body), lo + 70) + 1, 4):
            if exc.search(body[lo:hi]):
                found += 1
                assert ctx.may_hit(lo, hi, "speech_exc"), (lo, hi)
    assert found > 20
    assert _re.search(r"\+", body)  # (the page does glue words)


def test_place_role_read_once_equals_the_patterns_for_each_scope_start():
    """_Ctx.place_role (memoised per mention and scope start) gives, for every place mention and every scope start
    before it, what the venue, clock and venue-chain patterns give read from that start: a preposition cut off by the
    scope start makes no venue."""
    from armswatch.extract.events import _ZONE_AFTER_RE, _ZONE_BEFORE_RE, _Ctx, _venue_chain
    from armswatch.pipeline import process_text

    text = ("Hai bên hội đàm tại Hà Nội hôm 2/11, lúc 9 giờ sáng theo giờ Washington. Họ gặp nhau ở Nusa Dua, "
            "trên đảo Bali của Indonesia, rồi Mỹ và Nga ký thỏa thuận tại Dinh Tổng thống Phần Lan.")
    ctx = _Ctx(process_text(text))
    body, lp = ctx.body, ctx.cues.location_prep
    places = [(s, e) for s, e, ent in ctx.ents if ent.type in ("LOC", "COUNTRY")]
    assert len(places) >= 5
    roles = set()
    for s, e in places:
        for lo in range(max(0, s - 100), s + 1):
            want = ("venue" if lp.search(body[max(lo, s - 8):s]) else
                    "clock" if _ZONE_BEFORE_RE.search(body, max(lo, s - 12), s) or _ZONE_AFTER_RE.match(body, e) else
                    "venue_chain" if _venue_chain(ctx, lo, s) else None)
            assert ctx.place_role(s, e, lo) == want, (body[s:e], lo)
            roles.add(want)
    assert roles == {"venue", "clock", "venue_chain", None}  # (each kind is read, and cut off by a late start)


def test_demonym_gate_keeps_every_demonym():
    """A page is scanned for demonyms only when one of its words is the first word of one (event_cues.demonym_firsts):
    each demonym of the lexicon, written in a page (also glued by '+'), gives the mentions the ungated scan gives."""
    from armswatch.extract.event_cues import demonym_firsts
    from armswatch.extract.events import _Ctx, _demonym_mentions
    from armswatch.pipeline import process_text

    firsts = demonym_firsts()
    forms = load_lexicon("person_cues")["demonyms"]
    assert firsts and forms
    found = 0
    for dem in forms:
        for text in (f"Hôm 2/11, {dem} forces held drills near China, Russia and the United States.",
                     f"Hôm 2/11, lực+{dem} forces held drills near China, Russia and the United States."):
            doc = process_text(text)
            ctx = _Ctx(doc)
            # (no mentions taken yet: every demonym of a country of the page is read)
            want = _demonym_mentions(doc, [], set(firsts))  # (a page with every first word: never gated)
            assert _demonym_mentions(doc, [], set(ctx.words)) == want, text
            found += bool(want)
    assert found >= 5  # (demonyms of countries the pages name are read)
