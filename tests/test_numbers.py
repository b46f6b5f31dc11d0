"""The number parser: Vietnamese and English digits and number words, vague quantities,
percentages; finding numbers in running text without reading dates, times and names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armswatch.extract.numbers import find_numbers, parse_number, parse_number_ex

# (text, lang, value)
PARSE_CASES = [
    ("1.000", "vi", 1000), ("5.200", "vi", 5200), ("54.000", "vi", 54000), ("12.121", "vi", 12121),
    ("1.000.000", "vi", 1_000_000), ("1,5", "vi", 1.5), ("1.000,5", "vi", 1000.5), ("500", "vi", 500),
    ("20%", "vi", 20), ("20 phần trăm", "vi", 20), ("1,5 triệu", "vi", 1_500_000), ("3 tỷ", "vi", 3e9),
    ("54 nghìn", "vi", 54000), ("2,5 tỉ", "vi", 2.5e9),
    ("hai", "vi", 2), ("mười", "vi", 10), ("mười lăm", "vi", 15), ("hai mươi", "vi", 20),
    ("hai mươi lăm", "vi", 25), ("hai mươi mốt", "vi", 21), ("bốn mươi tư", "vi", 44), ("năm mươi", "vi", 50),
    ("một trăm", "vi", 100), ("một trăm linh năm", "vi", 105), ("hai trăm", "vi", 200),
    ("một nghìn", "vi", 1000), ("một ngàn", "vi", 1000), ("hai nghìn năm trăm", "vi", 2500),
    ("hai trăm nghìn", "vi", 200_000), ("một triệu hai trăm nghìn", "vi", 1_200_000),
    ("một nghìn tỷ", "vi", 1e12), ("hai triệu rưỡi", "vi", 2_500_000), ("một trăm rưỡi", "vi", 150),
    ("hai chục", "vi", 20), ("năm", "vi", 5),
    ("hàng chục", "vi", 10), ("hàng trăm", "vi", 100), ("hàng nghìn", "vi", 1000),
    ("hàng chục nghìn", "vi", 10_000), ("vài", "vi", 3), ("vài nghìn", "vi", 3000),
    ("1,500", "en", 1500), ("1.5", "en", 1.5), ("1,000,000", "en", 1_000_000), ("1.2 million", "en", 1.2e6),
    ("two thousand", "en", 2000), ("twenty-five", "en", 25), ("one hundred and five", "en", 105),
    ("five hundred thousand", "en", 500_000), ("a million", "en", 1e6), ("a dozen", "en", 12),
    ("dozens", "en", 12), ("hundreds", "en", 100), ("several hundred", "en", 300), ("20 percent", "en", 20),
    ("3 billion", "en", 3e9), ("hơn 20%", "vi", 20), ("khoảng 5.200", "vi", 5200), ("more than 1,000", "en", 1000),
]


@pytest.mark.parametrize("text,lang,value", PARSE_CASES, ids=[f"{c[1]}:{c[0]}" for c in PARSE_CASES])
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


@pytest.mark.parametrize("text,lang", [("hàng trăm", "vi"), ("vài", "vi"), ("dozens", "en"), ("several hundred", "en"),
                                       ("hàng chục nghìn", "vi")])
def test_vague_quantities_are_approximate(text, lang):
    assert parse_number_ex(text, lang)[1] is True


@pytest.mark.parametrize("text,lang", [("1.000", "vi"), ("hai mươi lăm", "vi"), ("1,500", "en")])
def test_exact_quantities_are_not_approximate(text, lang):
    assert parse_number_ex(text, lang)[1] is False


@pytest.mark.parametrize("text", ["", "abc", "2+2", "2/11", "17:18", "hai nghìn năm", "G7"])
def test_not_numbers(text):
    assert parse_number(text) is None


def test_find_numbers_seed_sentences():
    text = ("Trung Quốc hiện có hơn 500 đầu đạn hạt nhân đang hoạt động và có thể sẽ có hơn 1.000 đầu đạn "
            "vào năm 2030. Mỹ hiện có khoảng 5.200 vũ khí hạt nhân, tăng hơn 20% từ năm 2021 đến năm 2023.")
    got = [(m.text, m.value, m.is_year, m.is_percent) for m in find_numbers(text)]
    assert got == [("500", 500, False, False), ("1.000", 1000, False, False), ("2030", 2030, True, False),
                   ("5.200", 5200, False, False), ("20%", 20, False, True), ("2021", 2021, True, False),
                   ("2023", 2023, True, False)]
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


def test_find_numbers_skips_dates_times_names():
    text = ("Các cuộc đàm phán 2+2 diễn ra hôm 2/11 và ngày 24/07/2021 lúc 17:18 GMT+7; hội nghị G7, "
            "đại dịch COVID-19, tên lửa Hwasong-18, máy bay F-35, ngày 2021-07-24.")
    assert find_numbers(text) == []


def test_find_numbers_words_and_vague():
    text = "với 54.000 binh sĩ Mỹ, hàng trăm máy bay, hai tàu sân bay, một vài đại biểu, 1,5 triệu USD, lần thứ hai"
    got = [(m.text, m.value, m.approximate) for m in find_numbers(text)]
    assert got == [("54.000", 54000, False), ("hàng trăm", 100, True), ("hai", 2, False),
                   ("một vài", 3, True), ("1,5 triệu", 1_500_000, False)]


def test_find_numbers_years_are_not_read_as_units():
    # "hai mươi năm" is twenty years, not 25; "hàng chục năm" is tens of years
    got = [(m.text, m.value) for m in find_numbers("trong hai mươi năm và hàng chục năm qua")]
    assert got == [("hai mươi", 20), ("hàng chục", 10)]


def test_find_numbers_english():
    text = "dozens of missiles, two thousand troops, 1,500 warheads, a million people, by 2030, 1.2 million, 20 percent"
    got = [(m.text, m.value, m.approximate, m.is_year, m.is_percent) for m in find_numbers(text, "en")]
    assert got == [("dozens", 12, True, False, False), ("two thousand", 2000, False, False, False),
                   ("1,500", 1500, False, False, False), ("a million", 1e6, False, False, False),
                   ("2030", 2030, False, True, False), ("1.2 million", 1.2e6, False, False, False),
                   ("20 percent", 20, False, False, True)]


_FUZZ = ("hai mươi lăm năm một trăm nghìn triệu tỷ rưỡi hàng chục vài 1.000 5.200 1,5 20% 2+2 2/11 17:18 "
         "G7 COVID-19 thứ dozens two thousand a million 1,500 1.2 percent phần trăm - , . ( )").split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FUZZ), max_size=20), st.sampled_from(["vi", "en"]))
def test_fuzz_find_numbers_spans(words, lang):
    text = " ".join(words)
    last = -1
    for m in find_numbers(text, lang):
        assert text[m.start:m.end] == m.text and m.start >= last and m.end > m.start
        last = m.end


@pytest.mark.parametrize("text,lang,expected", [
    ("Ba Lan sẵn sàng tiếp nhận 1.000 binh sĩ.", "vi", [1000.0]),  # Poland, not 3
    ("Mỹ đưa quân tới Ba Lan và ba nước Baltic.", "vi", [3.0]),
    ("Ba nước đã ký tuyên bố chung.", "vi", [3.0]),  # a sentence-initial number word is still a number
    ("The Five Eyes partners sent three ships.", "en", [3.0]),
])
def test_capitalised_number_word_opening_a_name_is_no_quantity(text, lang, expected):
    assert [n.value for n in find_numbers(text, lang)] == expected


@pytest.mark.parametrize("text, lang, expected", [
    # a measurement symbol written against the digits is read as with a space
    ("Quả đạn bay xa hơn 3.200km rồi rơi xuống biển.", "vi", [3200.0]),
    ("Mẫu vật nặng 2,5kg và dài 40cm.", "vi", [2.5, 40.0]),
    ("a yield of 15kt, like the Hiroshima bomb", "en", [15.0]),
    ("a 1,250km journey and 7.5MW of power", "en", [1250.0, 7.5]),
    # other letters against the digits are names, and a symbol that goes on is no symbol
    ("Su-57, F-35A, B61-12, A380, H2O, 5G, 3D, COVID-19, Hwasong-17, 2nd, 17h18, 4km2, 9kgx", "en", []),
    ("the B61-12 bomb and 12 more", "en", [12.0]),
    ("giai đoạn 2019-2021, từ 10-15 đầu đạn", "vi", [2019.0, 2021.0, 10.0, 15.0]),
])
def test_find_numbers_unit_symbol_glued_to_the_digits(text, lang, expected):
    assert [n.value for n in find_numbers(text, lang)] == expected
