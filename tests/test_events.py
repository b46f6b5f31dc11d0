"""Event extraction on sentences written for these tests (not from the seeds).

Each case is a small hand-annotated Document (entities and timexes given, as the earlier
stages would fill them) and the events expected from it: type, the set of country
participants, date, status (and location / attributes where the case is about them).
Negated, hypothetical, generic and opposed mentions must give no event. Participants are entities of
the document: where a party's country is not named in the text, the person or body stands for it.
"""
from __future__ import annotations

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
    # 3 refusal: no event (and "tham gia" without a treaty is no treaty action)
    ("Trung Quốc từ chối tham gia các cuộc đàm phán kiểm soát vũ khí ba bên với Mỹ và Nga.",
     [CN, US, RU], [], []),
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
    # 22 English refusal: no event
    ("North Korea has refused to hold talks with South Korea.", [KP, KR], [], []),
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
    # 26 "hai bên" in the next sentence is the same meeting
    ("Thủ tướng Nhật Bản và Tổng thống Hàn Quốc đã gặp nhau tại Tokyo hôm 16/3. "
     "Hai bên đã thảo luận về hợp tác an ninh.",
     [JP, KR, ("tokyo", "LOC", ["Tokyo"])], [("hôm 16/3", "2023-03-16")],
     [ev("talks", {"jp", "kr"}, "2023-03-16", "held")]),
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
     [ev("visit", {"us", "kr"}, "2024-04", "planned")]),
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
    evs = events_of(text, ents, tx)
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
