"""Metadata: title, publication date, outlet and language on the five seeds (== gold, as score.py
matches them), date forms, outlets from URL / dateline / furniture, language detection."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from armswatch import clean, meta
from armswatch.model import Document
from conftest import GOLD_DIR, SEEDS

pytestmark_seeds = pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")


def _norm(s):  # as score.py: case, diacritics and punctuation folded
    if s is None:
        return ""
    s = unicodedata.normalize("NFD", str(s).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def _alts(v):
    return v if isinstance(v, list) else [v]


@pytestmark_seeds
@pytest.mark.parametrize("stem", [p.stem for p in SEEDS])
def test_seed_metadata_matches_gold(stem, seed_docs):
    gold = json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    doc = seed_docs[stem]
    assert doc.language == gold["language"]
    assert _norm(doc.title) in [_norm(t) for t in _alts(gold["title"])], doc.title
    assert _norm(doc.outlet) in [_norm(o) for o in _alts(gold["outlet"])], doc.outlet
    pubs = [p for p in _alts(gold["published"])]
    assert doc.published in pubs or (doc.published and doc.published[:10] in [str(p)[:10] for p in pubs if p]), \
        doc.published


@pytestmark_seeds
def test_seed_metadata_exact_values(seed_docs):
    by = {k[:3]: d for k, d in seed_docs.items()}
    assert (by["000"].title, by["000"].published, by["000"].outlet) == (None, "2022-11-02", None)
    assert by["003"].published == "2021-07-24T17:18:00+07:00" and by["003"].outlet == "VTV"
    assert by["004"].outlet == "VOA" and by["002"].published is None and by["002"].title is None


@pytest.mark.parametrize("text,iso", [
    ("02/11/2022", "2022-11-02"),
    ("Thứ bảy, ngày 24/07/2021 17:18 GMT+7", "2021-07-24T17:18:00+07:00"),
    ("Quỳnh Chi (T/h)-Thứ bảy, ngày 24/07/2021 17:18 GMT+7", "2021-07-24T17:18:00+07:00"),
    ("24-7-2021", "2021-07-24"),
    ("24.07.2021", "2021-07-24"),
    ("Thứ năm, 14/3/2024, 09:12 (GMT+7)", "2024-03-14T09:12:00+07:00"),
    ("Chủ nhật, 28/7/2024 - 06:00", "2024-07-28"),  # a time without a zone: the date only
    ("17:18 24/07/2021 GMT+07:00", "2021-07-24T17:18:00+07:00"),
    ("ngày 24 tháng 7 năm 2021", "2021-07-24"),
    ("2021-07-24", "2021-07-24"),
    ("2021-07-24T10:18:00Z", "2021-07-24T10:18:00+00:00"),
    ("2021-07-24T17:18:00+0700", "2021-07-24T17:18:00+07:00"),
    ("2023.10.19", "2023-10-19"),
    ("July 24, 2021", "2021-07-24"),
    ("Jul. 24, 2021 5:18 PM EDT", "2021-07-24T17:18:00-04:00"),
    ("Saturday, July 24, 2021 5:18 AM GMT+7", "2021-07-24T05:18:00+07:00"),
    ("24 July 2021", "2021-07-24"),
    ("07/24/2021", "2021-07-24"),  # month first: 24 cannot be a month
])
def test_date_forms(text, iso):
    assert meta.parse_date(text) == iso


@pytest.mark.parametrize("text", ["hôm 2/11", "vào ngày 28/7", "sau 5 năm", "năm 2030", "31/02/2021", "tháng 10/2023",
                                  "", None])
def test_not_a_full_date(text):
    assert meta.parse_date(text) is None


def test_english_pages_read_slashes_month_first():
    assert meta.parse_date("03/04/2024", lang="en") == "2024-03-04"
    assert meta.parse_date("03/04/2024", lang="vi") == "2024-04-03"


PROSE = ("Các quan chức cấp cao Mỹ cho biết hôm 2/11/2022 rằng Trung Quốc không quan tâm đến thảo luận về "
         "các bước giảm thiểu rủi ro hạt nhân, sau Đại hội Đảng ngày 16/10/2022.")


def test_a_date_in_article_prose_is_not_the_publication_date():
    doc = clean.clean(Document(doc_id="t", source="<t>", body=PROSE + "\n" + PROSE.replace("Mỹ", "Nga")))
    assert doc.published is None


def test_container_metadata_is_never_overwritten():
    body = "\n".join(["Tiêu đề của trang này khác với tiêu đề đã cho", "24/07/2021", "VTV.vn - " + PROSE])
    doc = clean.clean(Document(doc_id="t", source="<t>", body=body, title="Tiêu đề đã cho",
                               published="2022-01-05", outlet="vnexpress.net"))
    assert (doc.title, doc.published, doc.outlet) == ("Tiêu đề đã cho", "2022-01-05", "VnExpress")
    bare = clean.clean(Document(doc_id="t", source="<t>", body=body))
    assert (bare.published, bare.outlet) == ("2021-07-24", "VTV")


@pytest.mark.parametrize("url,outlet", [
    ("https://vnexpress.net/my-nga-4300000.html", "VnExpress"),
    ("https://www.voatiengviet.com/a/7000.html", "VOA"),
    ("https://www.rfa.org/vietnamese/news/abc.html", "RFA"),
    ("https://vtv.vn/the-gioi/abc.htm", "VTV"),
    ("https://tuoitre.vn/abc.htm", "Tuổi Trẻ"),
    ("https://thanhnien.vn/abc.htm", "Thanh Niên"),
    ("https://baoquocte.vn/abc.html", "Báo Quốc tế"),
    ("https://www.vietnamplus.vn/abc.vnp", "VietnamPlus"),
    ("https://www.reuters.com/world/asia-pacific/abc/", "Reuters"),
    ("https://example.org/abc", None),
])
def test_outlet_from_url(url, outlet):
    o = meta.outlet_from_url(url)
    assert (o.name if o else None) == outlet


def test_wire_dateline_is_a_source_not_the_outlet():
    doc = clean.clean(Document(doc_id="t", source="<t>", body="WASHINGTON (Reuters) - " + PROSE))
    assert doc.outlet is None and doc.body == PROSE
    doc = clean.clean(Document(doc_id="t", source="<t>", body="(Dân trí) - " + PROSE))
    assert doc.outlet == "Dân trí" and doc.body == PROSE


def test_outlet_from_template_signature_and_brand_lines():
    # a template layout alone (skip link + size switcher) names no outlet: look-alike pages share it
    layout = "\n".join(["Đường dẫn truy cập", PROSE, "XS", "SM", "MD", "LG"])
    assert clean.clean(Document(doc_id="t", source="<t>", body=layout)).outlet is None
    named = "\n".join(["Đường dẫn truy cập", "VOA Tiếng Việt", PROSE, "XS", "SM", "MD", "LG"])
    assert clean.clean(Document(doc_id="t", source="<t>", body=named)).outlet == "VOA"
    # a bare outlet name above the article is its logo line; the same name below it is a credit
    logo = "\n".join(["Dân trí", "Thời sự   Thế giới   Kinh doanh", PROSE])
    assert clean.clean(Document(doc_id="t", source="<t>", body=logo)).outlet == "Dân trí"
    credit = "\n".join([PROSE, "Dân trí"])
    assert clean.clean(Document(doc_id="t", source="<t>", body=credit)).outlet is None
    brand = "\n".join([PROSE, "© 2024 Thanh Niên. Bản quyền thuộc về báo Thanh Niên."])
    assert clean.clean(Document(doc_id="t", source="<t>", body=brand)).outlet == "Thanh Niên"


@pytest.mark.parametrize("text,lang", [
    (PROSE, "vi"),
    ("The United States and China held their first semi-official nuclear arms talks in five years in March, "
     "with Beijing's representatives saying they would not use nuclear weapons over Taiwan.", "en"),
    ("Ngoại trưởng Antony Blinken gặp Bộ trưởng Quốc phòng Lloyd Austin tại Tokyo.", "vi"),
    ("President Nguyễn Xuân Phúc met Secretary Antony Blinken in Hà Nội on Thursday to discuss trade.", "en"),
    ("Viet Nam va Hoa Ky da ky thoa thuan hop tac hat nhan dan su trong nam nay de phat trien nang luong.", "vi"),
])
def test_language(text, lang):
    assert meta.detect_language(text) == lang


def test_unknown_outlet_from_its_copyright_line_named_again_on_the_page():
    from armswatch.meta import outlet_from_copyright

    lines = ["NORTHERN HERALD", "OSLO, March 3 (Northern Herald) — Norway said on Monday ...",
             "© 2025 Northern Herald. All rights reserved."]
    assert outlet_from_copyright([lines[2]], lines).name == "Northern Herald"
    # named only once (a photo agency's notice) or no name at all: no outlet
    assert outlet_from_copyright(["© 2023 Getty Images"], ["© 2023 Getty Images", "Ảnh: Reuters"]) is None
    assert outlet_from_copyright(["© 2025 All rights reserved"], ["© 2025 All rights reserved", "All rights reserved"]) is None


def test_unknown_outlet_from_a_byline_shown_again_as_the_dateline_mark():
    prose = ("OSLO, March 3 (Fjord Post) - Norway's defence minister said on Monday that the country would "
             "buy two more frigates, citing Russian submarine activity in the Barents Sea.")
    page = "\n".join(["By Ingrid Dahl and Per Lunde, Fjord Post", "March 3, 2025 9:00 AM CET", prose])
    assert clean.clean(Document(doc_id="t", source="<t>", body=page)).outlet == "Fjord Post"
    # a wire agency after the authors is the source; a name given only once is not taken
    wire = "\n".join(["By Ingrid Dahl, Reuters", "March 3, 2025 9:00 AM CET", prose.replace(" (Fjord Post)", "")])
    assert clean.clean(Document(doc_id="t", source="<t>", body=wire)).outlet is None
    once = "\n".join(["By Ingrid Dahl, Oslo Desk", "March 3, 2025 9:00 AM CET", prose.replace(" (Fjord Post)", "")])
    assert clean.clean(Document(doc_id="t", source="<t>", body=once)).outlet is None


EN_HEAD = "Norway and Sweden agree to pool air defence purchases over the next decade"
EN_PROSE = ["Norway and Sweden said on Monday they would buy air defence systems together, the first such deal.",
            "The ministers did not give a figure for the purchases."]
VI_HEAD = "Hàn Quốc và Nhật Bản nối lại đối thoại an ninh sau năm năm gián đoạn"
VI_PROSE = ["Bộ Ngoại giao hai nước cho biết các cuộc tham vấn về an ninh sẽ được nối lại trong tháng tới.",
            "Hai bên chưa công bố thành phần phái đoàn."]


@pytest.mark.parametrize("line,iso", [
    ("Published On 3 Mar 2025", "2025-03-03"),
    ("Last updated on March 3, 2025", "2025-03-03"),
    ("Posted on Mar. 3, 2025 at 7:35 a.m. EST", "2025-03-03T07:35:00-05:00"),
    ("First published on Mon 3 Mar 2025 10.15 GMT", "2025-03-03"),
    ("Updated: 3 March 2025, 10:15 GMT", "2025-03-03T10:15:00+00:00"),
])
def test_labelled_english_date_lines_give_the_publication_date(line, iso):
    doc = clean.clean(Document(doc_id="t", source="<t>", body="\n".join([EN_HEAD, line, *EN_PROSE])))
    assert (doc.title, doc.published, doc.body) == (EN_HEAD, iso, "\n".join(EN_PROSE))


@pytest.mark.parametrize("line,iso", [
    ("Cập nhật: 03/03/2025 07:35 GMT+7", "2025-03-03T07:35:00+07:00"),
    ("Cập nhật lúc 07:35 ngày 03/03/2025", "2025-03-03"),
    ("Ngày đăng: 3/3/2025", "2025-03-03"),
    ("Thứ Hai, 3.3.2025 | 07:35 GMT+7", "2025-03-03T07:35:00+07:00"),
    ("T2, 03/03/2025 - 07:35", "2025-03-03"),
    ("2 giờ trước", None),  # a relative widget time names no date: none is made up
])
def test_labelled_and_weekday_vietnamese_date_lines(line, iso):
    doc = clean.clean(Document(doc_id="t", source="<t>", body="\n".join([VI_HEAD, line, *VI_PROSE])))
    assert (doc.title, doc.published, doc.body) == (VI_HEAD, iso, "\n".join(VI_PROSE))


def test_a_sentence_starting_with_a_label_word_is_prose_not_a_date_line():
    line = "Updated estimates published on 3 March 2025 put the combined stockpile at 600 missiles."
    doc = clean.clean(Document(doc_id="t", source="<t>", body="\n".join([EN_HEAD, line, *EN_PROSE])))
    assert doc.published is None and line in doc.body.split("\n")


def _page(*lines):
    return clean.clean(Document(doc_id="t", source="<t>", body="\n".join(lines)))


def test_an_unknown_outlet_from_the_masthead_above_the_navigation_bar():
    nav = "News | Europe | Asia | Defence & Security | Opinion"
    assert _page("Harbour Ledger", nav, EN_HEAD, "March 3, 2025", *EN_PROSE).outlet == "Harbour Ledger"
    # after the template's skip links, in capitals, over a menu set apart by wide gaps
    assert _page("Skip to main content", "HARBOUR LEDGER", "News   Europe   Asia   Opinion", EN_HEAD,
                 *EN_PROSE).outlet == "Harbour Ledger"
    # widget lines between the logo and the menu
    assert _page("Harbour Ledger", "Search", "Sign in", nav, EN_HEAD, *EN_PROSE).outlet == "Harbour Ledger"
    # a known outlet's logo keeps its canonical name
    assert _page("TUOI TRE ONLINE", "Thời sự | Thế giới | Pháp luật | Kinh doanh", VI_HEAD, *VI_PROSE).outlet == "Tuổi Trẻ"


@pytest.mark.parametrize("lines", [
    # a section name over the menu (it is one of the menu's items)
    ["Thế giới", "Thời sự | Thế giới | Kinh doanh | Giải trí", VI_HEAD, *VI_PROSE],
    # a short line not followed by a navigation bar (a section label, a kicker)
    ["Harbour Ledger", EN_HEAD, "March 3, 2025", *EN_PROSE],
    ["Thế giới", "Phân tích", VI_HEAD, *VI_PROSE],
    ["Harbour Ledger", EN_HEAD, "News | Europe | Asia | Opinion", *EN_PROSE],
    # the page opens with the menu, the date or the headline: nobody is named
    ["News | Europe | Asia | Opinion", EN_HEAD, *EN_PROSE],
    ["03/03/2025", "Thời sự | Thế giới | Kinh doanh | Giải trí", VI_HEAD, *VI_PROSE],
    [EN_HEAD, "News | Europe | Asia | Opinion", *EN_PROSE],
    # a wire agency over the menu is a source, never the outlet; a name with digits is no masthead
    ["Reuters", "World | Business | Markets | Tech", EN_HEAD, *EN_PROSE],
    ["Channel 4 Live", "World | Business | Markets | Tech", EN_HEAD, *EN_PROSE],
])
def test_no_masthead_no_outlet_guessed_from_layout(lines):
    assert _page(*lines).outlet is None


def test_masthead_after_a_skip_links_label():
    nav = "World | Business | Asia | Opinion | Video"
    # the label over an accessibility template ("Skip links", "Skip navigation") is template, not the name
    assert _page("Skip links", "Skip to content", "Tidewater Post", "Live", nav, EN_HEAD,
                 *EN_PROSE).outlet == "Tidewater Post"
    assert _page("Skip navigation", "Tidewater Post", nav, EN_HEAD, *EN_PROSE).outlet == "Tidewater Post"
    # a heading that merely starts with "Skip" is no such label, and no outlet is guessed from it
    assert _page("Skip Bayless Returns", nav, EN_HEAD, *EN_PROSE).outlet == "Skip Bayless Returns"
    assert _page("Skip links", nav, EN_HEAD, *EN_PROSE).outlet is None
