"""Clean stage: on every seed, every article paragraph is kept (in order, whole) and every furniture
line is dropped; the same on synthetic pages with other sites' furniture (generalisation)."""
from __future__ import annotations

from pathlib import Path

import pytest

from armswatch import clean
from armswatch.ingest import RawDoc, to_document
from armswatch.lexicon import validate_all
from armswatch.model import Document
from conftest import SEEDS, seed_path

DATA = Path(__file__).parent / "data" / "ingest"


def cleaned(path: Path) -> Document:
    doc = to_document(RawDoc(source=str(path), content=path.read_bytes()))
    return clean.clean(doc)


# The start of every article paragraph, in order (written from reading the pages). Each must open
# one body line, and the body must have exactly these lines.
KEPT = {
    "000": ["Bất chấp bài học về cuộc khủng hoảng", "Lầu Năm Góc cho biết Trung Quốc đang tiến hành",
            "Nhưng Bắc Kinh lâu nay vẫn chống đối", "Alexandra Bell, phó trợ lý ngoại trưởng Mỹ",
            "“Bước đầu tiên, chúng tôi thực sự muốn", "“Chúng tôi chưa tiến tới mức đó",
            "“Giờ đây chúng ta đang kỷ niệm 60 năm", "Cố vấn An ninh Quốc gia Mỹ Jake Sullivan",
            "Nhưng ông Tập đã báo hiệu tại Đại hội Đảng", "Ông Richard Johnson, phó trợ lý Bộ trưởng",
            "Ông Johnson nói thêm rằng nếu Bắc Kinh"],
    "001": ["Hoa Kỳ và Trung Quốc đã nối lại cuộc đàm phán bán chính thức về vũ khí hạt nhân hồi tháng 3, lần đầu",
            "Các đại diện của Trung Quốc đưa ra những lời trấn an", "Học giả David Santoro, người tổ chức",
            "Những người tham gia vào các cuộc đàm phán Kênh 2", "Phái đoàn của Washington gồm một vài đại biểu",
            "Bắc Kinh cử một phái đoàn gồm các học giả", "Một phát ngôn viên của Bộ Ngoại giao Mỹ",
            "Người phát ngôn nói rằng những cuộc thảo luận", "Các thành viên của phái đoàn Trung Quốc",
            "Các cuộc thảo luận không chính thức giữa hai cường quốc", "Hai nước đã nhanh chóng nối lại",
            "Lầu Năm Góc ước tính kho vũ khí hạt nhân", "Cuộc đàm phán Kênh 2 này là một phần",
            "Sau đại dịch COVID-19", "Ông Santoro, người điều hành tổ chức nghiên cứu Diễn đàn Thái Bình Dương"],
    "002": ["Theo Tạp chí Phố Wall (WSJ)", "Các cuộc đàm phán sẽ do ông Mallory Stewart",
            "Hiện Bộ Ngoại giao Mỹ và Đại sứ quán", "Năm 2021, Cố vấn An ninh Quốc gia",
            "Tuy nhiên, vào thời điểm đó, Nhà Trắng", "Kể từ đó, các quan chức Mỹ",
            "Theo một báo cáo tháng 10 của Lầu Năm Góc", "Về phần mình, Bắc Kinh luôn lập luận",
            "Theo một quan chức cấp cao của chính quyền", "Các cam kết ngoại giao trong những tháng gần đây",
            "Ông Daryl Kimball, Giám đốc điều hành"],
    "003": ["Ngày 23/7, Bộ Ngoại giao Mỹ thông báo", "Cuộc đàm phán về kiểm soát vũ khí hạt nhân nói trên",
            "Thông báo của Bộ Ngoại giao Mỹ khẳng định", "Tham gia cuộc đàm phán lần này",
            "Trước đó, trong cuộc gặp thượng đỉnh vào ngày 16/6", "Vào đầu tháng 6/2021, Tổng thống Putin",
            "Tại hội nghị thượng đỉnh trên", "Đối với hai cường quốc sở hữu hơn 90%"],
    "004": ["Các bộ trưởng ngoại giao và quốc phòng", "Mặc dù trước đây, hai nước đã thảo luận",
            "Hồi tháng 4, Washington và Tokyo", "“Trước những mối đe dọa ngày càng tăng",
            "\"Các cam kết trong hiệp ước an ninh", "Ngoại trưởng Hoa Kỳ Antony Blinken",
            "Bộ trưởng Quốc phòng Mỹ Lloyd Austin", "Các cuộc hội đàm về an ninh với Nhật Bản",
            "Đại sứ Mỹ tại Nhật Bản Rahm Emanuel", "“Thông qua việc chuyển đổi cơ cấu chỉ huy",
            "Cuộc hội đàm diễn ra trong bối cảnh", "Nhật Bản cung cấp căn cứ để Mỹ"],
}

# Furniture (and title/date/caption) lines of each page, with the reason family we expect.
DROPPED = {
    "000": [("02/11/2022", "date")],
    "001": [("Đường dẫn truy cập", "lex"), ("Reuters: Mỹ, TQ đã đàm phán hạt nhân", "title"),
            ("Hoa Kỳ và Trung Quốc đã nối lại cuộc đàm phán bán chính thức về vũ khí hạt nhân hồi tháng 3.", "caption"),
            ("Hoa Kỳ và Trung Quốc đã nối lại cuộc đàm phán bán chính thức về vũ khí hạt nhân hồi tháng 3.",
             "duplicate"),
            ("Diễn đàn", "lex"), ("Tin Vắn Thế Giới", ""), ("XS", "size"), ("SM", "size"), ("MD", "size"),
            ("LG", "size")],
    "002": [],
    "003": [("Mỹ - Nga dự kiến sẽ đàm phán", "title"), ("Quỳnh Chi (T/h)-Thứ bảy", "date"),
            ("Tổng thống Mỹ Joe Biden và Tổng thống Nga Vladimir Putin tại Hội nghị", "caption"),
            ("VTV.vn -", "dateline"), ("Nga - Mỹ nối lại đàm phán giải trừ vũ khí hạt nhân Nga - Mỹ", "teaser"),
            ("VTV.vn - Các quan chức Nga và Mỹ sẽ tiến hành", "teaser"), ("* Mời quý độc giả", "lex"),
            ("Cùng chuyên mục", "lex"), ("TIN MỚI", "lex"), ("X", "size"), ("ĐANG PHÁT", "lex"),
            ("Bản tin thời tiết chào buổi sáng 3 phút trước", "pattern")],
    "004": [("Đường dẫn truy cập", "lex"), ("Mỹ, Nhật Bản sẽ hội đàm an ninh cấp cao", "title"),
            ("Quốc kỳ hai nước Mỹ, Nhật.", "caption"), ("Quốc kỳ hai nước Mỹ, Nhật.", "duplicate"),
            ("Diễn đàn", "lex"), ("VOA Express", ""), ("XS", "size"), ("SM", "size"), ("MD", "size"), ("LG", "size")],
}


def _check(doc: Document, kept: list[str], dropped: list[tuple[str, str]]) -> None:
    lines = doc.body.split("\n")
    assert len(lines) == len(kept), "\n".join(ln[:60] for ln in lines)
    for ln, start in zip(lines, kept):
        assert ln.startswith(start), (ln[:80], start)
        assert ln == ln.strip() and ln
    assert len(doc.removed) == len(dropped), [(r.text[:40], r.reason) for r in doc.removed]
    for r, (text, reason) in zip(doc.removed, dropped):
        assert r.text.startswith(text), (r.text, text)
        assert reason in r.reason, (r.text, r.reason, reason)
        # nothing dropped comes back as a body line (the caption's text may open the lead paragraph)
        assert r.text not in lines


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
@pytest.mark.parametrize("prefix", sorted(KEPT))
def test_seed_keeps_every_article_line_and_drops_all_furniture(prefix):
    path = seed_path(prefix)
    doc = cleaned(path)
    _check(doc, KEPT[prefix], DROPPED[prefix])
    # every sentence of the article survives whole: each article line of the raw page is in the body,
    # as a line (or, for the one dateline paragraph, as the line without its "VTV.vn - " prefix)
    raw_lines = [" ".join(ln.split()) for ln in path.read_text(encoding="utf-8").split("\n")]
    body_lines = doc.body.split("\n")
    for k in KEPT[prefix]:
        src = [ln for ln in raw_lines if ln.startswith(k) or ln.startswith("VTV.vn - " + k)]
        assert src, k
        assert src[-1].removeprefix("VTV.vn - ") in body_lines


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
def test_caption_printed_twice_never_appears_twice():
    doc = cleaned(seed_path("001"))
    assert doc.body.count("vũ khí hạt nhân hồi tháng 3.\n") == 0
    assert doc.body.count("hồi tháng 3, lần đầu tiên sau 5 năm") == 1


SYNTHETIC = {
    "vnexpress_like.txt": (
        ["Triều Tiên phóng ít nhất một tên lửa đạn đạo", "\"Quân đội chúng tôi đã tăng cường giám sát",
         "Bộ Quốc phòng Nhật Bản cho biết", "Vụ phóng diễn ra khi Mỹ và Hàn Quốc",
         "Triều Tiên đã tiến hành hàng chục vụ thử"],
        [("Thế giới", ""), ("Quân sự", ""), ("Thứ năm, 14/3/2024", "date"), ("Triều Tiên phóng tên lửa", "title"),
         ("Một vụ phóng tên lửa của Triều Tiên năm 2022. Ảnh: KCNA", "caption"),
         ("Thanh Tâm (Theo Reuters, Yonhap)", "byline"), ("Xem thêm:", "lex"), ("Chia sẻ", "lex"),
         ("Bình luận", "lex"), ("Tin liên quan", "lex"), ("Mỹ, Hàn, Nhật tập trận chung", ""),
         ("Hàn Quốc triển khai thêm", ""), ("2 giờ trước", "pattern"), ("Đọc nhiều", "lex")],
        {"title": "Triều Tiên phóng tên lửa đạn đạo ra biển Nhật Bản", "published": "2024-03-14T09:12:00+07:00",
         "outlet": None, "language": "vi"},
    ),
    "rfa_like.txt": (
        ["Báo cáo thường niên của Bộ Quốc phòng Mỹ", "Theo báo cáo, Bắc Kinh có thể sở hữu",
         "Một quan chức quốc phòng Mỹ nói với các phóng viên", "Trung Quốc bác bỏ báo cáo",
         "Bộ Ngoại giao Trung Quốc nói báo cáo này", "Bắc Kinh lâu nay cho rằng"],
        [("Skip to main content", "lex"), ("Tìm kiếm", "lex"), ("Trang chủ", "lex"), ("Việt Nam", ""),
         ("Thế giới", ""), ("Mỹ nói Trung Quốc mở rộng kho vũ khí", "title"), ("Bởi RFA Tiếng Việt", "byline"),
         ("2023.10.19", "date"), ("Ảnh minh họa:", "lex"), ("Bình luận", "lex"), ("Gửi bình luận", "lex"),
         ("Copyright ©", "lex"), ("Share", "lex"), ("Email", "lex"), ("Print", "lex")],
        {"title": "Mỹ nói Trung Quốc mở rộng kho vũ khí hạt nhân nhanh hơn dự kiến", "published": "2023-10-19",
         "outlet": "RFA", "language": "vi"},
    ),
    "dantri_like.txt": (
        ["Tổng thống Nga Vladimir Putin ngày 21/2 tuyên bố", "Phát biểu trong thông điệp liên bang",
         "Ngoại trưởng Mỹ Antony Blinken gọi quyết định", "New START được ký năm 2010"],
        [("Thế giới", ""), ("Nga tuyên bố đình chỉ", "title"), ("(Dân trí) -", "dateline"),
         ("Tổng thống Putin đọc thông điệp liên bang ngày 21/2 (Ảnh: Reuters).", "caption"), ("Minh Phương", ""),
         ("Theo Reuters", "byline"), ("Chia sẻ bài viết", ""), ("Tin liên quan", "lex"),
         ("Mỹ kêu gọi Nga quay lại", ""), ("Nga thử tên lửa đạn đạo", ""), ("Thứ Ba, 21/02/2023 - 19:30", "date")],
        {"title": "Nga tuyên bố đình chỉ tham gia Hiệp ước New START", "published": "2023-02-21",
         "outlet": "Dân trí", "language": "vi"},
    ),
    "baoquocte_like.txt": (
        ["Hãng thông tấn trung ương Triều Tiên (KCNA) ngày 13/4", "Theo KCNA, vụ phóng được",
         "Hàn Quốc và Nhật Bản đã lên án", "Đây là lần đầu tiên Triều Tiên thử nghiệm"],
        [("Trang chủ » Thế giới", "breadcrumb"), ("Triều Tiên tuyên bố thử thành công", "title"),
         ("TGVN.", "dateline"), ("Vụ phóng tên lửa Hwasong-18", "caption"), ("Vụ phóng tên lửa Hwasong-18", "duplicate"),
         ("Thu Trang", ""), ("Bài viết liên quan", "lex"), ("TIN MỚI NHẤT", "lex"), ("Tags:", "lex"),
         ("Bình luận (0)", ""), ("14/04/2023 07:45", "date")],
        {"title": "Triều Tiên tuyên bố thử thành công tên lửa Hwasong-18", "published": "2023-04-14",
         "outlet": "Báo Quốc tế", "language": "vi"},
    ),
    "english_like.txt": (
        ["The United States and Japan will discuss extended deterrence",
         "Washington has about 54,000 troops stationed in Japan", "\"We are going to talk about",
         "The talks come as the allies upgrade"],
        [("Skip to content", "lex"), ("World", ""), ("Asia Pacific", ""), ("U.S. and Japan to hold first", "title"),
         ("By Jane Doe", "byline"), ("July 24, 2024 5:18 AM GMT+7", "date"), ("TOKYO (Reuters) -", "dateline"),
         ("Reporting by Jane Doe", "byline"), ("Our Standards:", ""), ("Read more", "lex"),
         ("Related stories", "lex"), ("Share this article", "lex"), ("Advertisement", "lex")],
        {"title": "U.S. and Japan to hold first talks on extended nuclear deterrence",
         "published": "2024-07-24T05:18:00+07:00", "outlet": None, "language": "en"},
    ),
}


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_synthetic_pages_generalise(name):
    kept, dropped, meta = SYNTHETIC[name]
    doc = cleaned(DATA / name)
    _check(doc, kept, dropped)
    for k, v in meta.items():
        assert getattr(doc, k) == v, (k, getattr(doc, k))


def _doc(text: str, **kw) -> Document:
    return clean.clean(Document(doc_id="t", source="<t>", body=text, **kw))


PROSE = [
    "Bộ Ngoại giao Mỹ cho biết hai nước sẽ nối lại các cuộc tham vấn về kiểm soát vũ khí trong tháng tới.",
    "Theo các quan chức, vòng đàm phán đầu tiên dự kiến diễn ra tại Geneva và kéo dài hai ngày.",
    "Hai bên chưa công bố thành phần phái đoàn.",
]


def test_short_subheading_inside_the_article_is_kept():
    doc = _doc("\n".join([PROSE[0], "Căng thẳng leo thang", PROSE[1], PROSE[2]]))
    assert doc.body.split("\n")[1] == "Căng thẳng leo thang"
    assert doc.removed == [] and doc.title is None


def test_headline_with_question_mark_becomes_title():
    doc = _doc("\n".join(["Vì sao Trung Quốc không muốn đàm phán hạt nhân với Mỹ?", "", *PROSE]))
    assert doc.title == "Vì sao Trung Quốc không muốn đàm phán hạt nhân với Mỹ?"
    assert doc.body == "\n".join(PROSE)


def test_headline_containing_a_date_is_a_title_not_a_date_line():
    doc = _doc("\n".join(["Mỹ và Nga đàm phán vũ khí hạt nhân ngày 28/7/2021", *PROSE]))
    assert doc.title == "Mỹ và Nga đàm phán vũ khí hạt nhân ngày 28/7/2021"
    assert doc.published is None


def test_container_title_is_kept_and_its_copy_leaves_the_body():
    doc = _doc("\n".join(["Tiêu đề từ trang", *PROSE, "Một dòng khác không phải tiêu đề"]), title="Tiêu đề từ trang")
    assert doc.title == "Tiêu đề từ trang"
    assert doc.body.split("\n")[0] == PROSE[0]


def test_teaser_block_and_widget_lines_generic():
    teaser = "Iran nối lại đàm phán hạt nhân với châu Âu"
    text = "\n".join(["TTO - " + PROSE[0], *PROSE[1:], f"{teaser} {teaser}",
                      "TTO - Các nhà đàm phán Iran và châu Âu sẽ gặp nhau tại Vienna vào tuần tới để bàn về chương trình hạt nhân.",
                      "15 phút trước", "1.234 bình luận", "XEM NHIỀU NHẤT"])
    doc = _doc(text)
    assert doc.body == "\n".join(PROSE)
    assert doc.outlet == "Tuổi Trẻ"
    reasons = [r.reason for r in doc.removed]
    assert reasons[:3] == ["dateline", "teaser", "teaser"]
    assert all(r.score >= 1.0 for r in doc.removed[1:])


def test_removed_lines_have_reason_and_score():
    doc = cleaned(seed_path("003")) if SEEDS else _doc("TIN MỚI\n" + PROSE[0])
    for r in doc.removed:
        assert r.reason and isinstance(r.score, float)


def test_lexicons_validate_against_their_schemas():
    assert validate_all() == []


def test_explain_gives_features():
    rows = clean.explain("Đường dẫn truy cập\n" + "\n".join(PROSE))
    score, kind, line, feats = rows[0]
    assert line == "Đường dẫn truy cập" and "lex_exact" in feats and score >= 1.0
    assert all(r[0] < 1.0 for r in rows[1:])


def test_headline_printed_twice_is_the_title_once():
    head = "Mỹ và Trung Quốc nối lại tham vấn kiểm soát vũ khí"
    doc = _doc("\n".join([head, head, *PROSE]))
    assert doc.title == head and doc.body == "\n".join(PROSE)
    assert [r.reason for r in doc.removed] == ["title", "duplicate"]


def test_long_paragraph_printed_twice_is_not_a_caption():
    lead = ("Mỹ và Trung Quốc sẽ nối lại tham vấn về kiểm soát vũ khí hạt nhân trong những ngày tới, theo Bộ "
            "Ngoại giao Trung Quốc. Các cuộc tham vấn do quan chức cấp cao hai nước chủ trì.")
    doc = _doc("\n".join([lead, lead, *PROSE]))
    assert doc.body == "\n".join([lead, lead, *PROSE]) and doc.removed == []


def test_title_case_subheading_inside_article_is_kept():
    doc = _doc("\n".join([PROSE[0], "China's Nuclear Buildup", PROSE[1]]))
    assert doc.body.split("\n")[1] == "China's Nuclear Buildup"


def test_flattened_menu_bar_is_not_the_title():
    head = "Triều Tiên phóng tên lửa đạn đạo ra biển Nhật Bản"
    doc = _doc("\n".join(["Thời sự Thế giới Kinh doanh Giải trí Thể thao", head, *PROSE]))
    assert doc.title == head and doc.body == "\n".join(PROSE)


@pytest.mark.parametrize("nav", [
    "Trang chủ | Tin tức | Thế giới | Kinh tế | Thể thao | Video | Podcast",
    "Thời sự  Thế giới  Quân sự  Phân tích  Người Việt 4 phương",
    "Home • World • Politics • Business • Opinion",
])
def test_navigation_bar_is_neither_title_nor_body(nav):
    page = ("Chuyển đến nội dung chính\n\n" + nav + "\n\nNga và Mỹ nối lại tham vấn về ổn định chiến lược tại Geneva\n\n"
            "Các nhà ngoại giao Nga và Mỹ đã gặp nhau tại Geneva hôm thứ Hai để bàn về kiểm soát vũ khí, "
            "lần đầu tiên sau nhiều tháng gián đoạn.\n\nHai bên dự kiến sẽ gặp lại vào tháng tới.\n")
    d = _doc(page)
    assert d.title == "Nga và Mỹ nối lại tham vấn về ổn định chiến lược tại Geneva"
    assert nav.split()[0] not in d.body.split("\n")[0] and "Chuyển đến" not in d.body


def test_list_inside_the_article_is_not_a_navigation_bar():
    d = _doc("Nga nói chuyện với Mỹ\n\nHai bên đã thảo luận ba chủ đề: vũ khí chiến lược, tên lửa tầm trung "
               "và không gian.\n\nPhái đoàn gồm các quan chức ngoại giao | quốc phòng | tình báo, theo Moskva.\n")
    assert "quốc phòng | tình báo" in d.body


def test_a_nav_bar_with_abbreviated_items_is_no_headline():
    page = "\n".join(["Home | Europe | U.K. | Asia | Markets",
                      "Norway orders two frigates as Russian submarine patrols grow",
                      "Norway's defence ministry said on Monday that it had ordered two frigates, citing Russian "
                      "submarine activity in the Barents Sea over the past year."])
    doc = clean.clean(Document(doc_id="t", source="<t>", body=page))
    assert doc.title == "Norway orders two frigates as Russian submarine patrols grow"
    assert "U.K." not in doc.body


def test_skip_links_in_either_wording_are_no_headline():
    page = "\n".join(["Chuyển tới nội dung chính", "Chuyển tới điều hướng chính",
                      "Na Uy đặt mua hai khinh hạm vì tàu ngầm Nga hoạt động dày đặc",
                      "Bộ Quốc phòng Na Uy hôm thứ Hai cho biết đã đặt mua hai khinh hạm mới, viện dẫn hoạt động "
                      "của tàu ngầm Nga ở biển Barents trong năm qua."])
    doc = clean.clean(Document(doc_id="t", source="<t>", body=page))
    assert doc.title == "Na Uy đặt mua hai khinh hạm vì tàu ngầm Nga hoạt động dày đặc"
    assert "Chuyển tới" not in doc.body


@pytest.mark.parametrize("nav", [
    "Thời sự | Quốc phòng - An ninh | Kinh tế - Xã hội | Giáo dục | Văn hóa",
    "Tin tức  Chính trị - Ngoại giao  Khoa học - Công nghệ  Thể thao  Video",
    "News | Science & Tech | Middle East - Africa | Opinion | Video",
])
def test_a_nav_bar_with_hyphenated_items_is_no_headline(nav):
    head = "Hàn Quốc và Nhật Bản nối lại đối thoại an ninh sau năm năm gián đoạn"
    doc = _doc("\n".join(["Báo Bình Minh", nav, "Thế giới > Quốc phòng", head, *PROSE]))
    assert doc.title == head and doc.body == "\n".join(PROSE)


@pytest.mark.parametrize("skip", ["Đi đến trang tìm kiếm", "Chuyển ngay đến nội dung chính",
                                  "Chuyển ngay tới mục điều hướng chính", "Quay lại trang chủ",
                                  "Bỏ qua để đến nội dung chính", "Jump to navigation", "Go to the homepage",
                                  "Back to top"])
def test_skip_and_back_links_of_any_wording_are_no_headline(skip):
    head = "Hàn Quốc và Nhật Bản nối lại đối thoại an ninh sau năm năm gián đoạn"
    doc = _doc("\n".join([skip, head, "12/03/2024", *PROSE]))
    assert doc.title == head and skip not in doc.body and doc.body == "\n".join(PROSE)


def test_a_page_without_a_headline_gets_no_menu_item_or_skip_link_as_title():
    doc = _doc("\n".join(["Chuyển ngay đến nội dung chính", "Quay lại trang chính",
                          "Thời sự | Quốc phòng - An ninh | Kinh tế - Xã hội | Giáo dục", "12/03/2024", *PROSE]))
    assert doc.title is None and doc.body == "\n".join(PROSE)


def test_short_lines_that_merely_start_like_a_skip_link_stay_in_the_article():
    # subheadings and prose that begin with a verb of moving are not page links
    lines = [PROSE[0], "Trở lại mục tiêu ban đầu", PROSE[1], "Back to the drawing board", PROSE[2]]
    assert _doc("\n".join(lines)).body == "\n".join(lines)
