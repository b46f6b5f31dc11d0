"""The curated knowledge base: schema, integrity of names and links, coverage, look-up and CLI."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pytest

from armswatch.kb import KB_DIR, load_kb, validate_kb

TYPES = ("PERSON", "COUNTRY", "ORG", "LOC", "TREATY", "EVENT_NAME", "WEAPON")
NUCLEAR_ARMED = ("us", "ru", "cn", "gb", "fr", "in", "pk", "il", "kp")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _key(name: str) -> str:
    """Duplicate key: case-folded, accent-sensitive (Mỹ and My differ; Mỹ and MỸ do not)."""
    return unicodedata.normalize("NFC", name).casefold().strip()


def test_schema_and_cross_references_are_sound():
    errors = validate_kb()
    assert errors == [], "\n".join(errors)


def test_counts_per_type(kb, capsys):
    counts = Counter(e.type for e in kb.entries.values())
    with capsys.disabled():
        print("\nKB entries per type:", dict(sorted(counts.items())), "total", len(kb))
    assert set(counts) <= set(TYPES)
    assert len(kb) >= 400
    minimum = {"PERSON": 150, "COUNTRY": 40, "ORG": 120, "LOC": 80, "TREATY": 30, "EVENT_NAME": 30, "WEAPON": 40}
    for t, n in minimum.items():
        assert counts[t] >= n, f"only {counts[t]} {t} entries"


def test_no_alias_points_to_two_entries_without_disambiguation(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in kb.entries.values():
        for n in e.all_names():
            owners[_key(n)].add(e.id)
    clashes = []
    for name, ids in owners.items():
        if len(ids) > 1 and not all(kb[i].disambiguation for i in ids):
            clashes.append(f"{name!r}: {sorted(ids)}")
    assert not clashes, "names shared without a disambiguation note:\n" + "\n".join(clashes)


def test_accent_stripped_names_are_unambiguous_or_noted(kb):
    """Some pages lose their diacritics; a folded name shared by two entries needs a note on both."""
    from armswatch.nlp import fold

    owners: dict[str, set[str]] = defaultdict(set)
    for e in kb.entries.values():
        for n in e.all_names():
            owners[fold(n)].add(e.id)
    clashes = [f"{k!r}: {sorted(v)}" for k, v in owners.items()
               if len(v) > 1 and not all(kb[i].disambiguation for i in v)]
    assert not clashes, "\n".join(clashes)


def test_qids_are_well_formed_and_unique(kb):
    seen: dict[str, str] = {}
    for e in kb.entries.values():
        if e.wikidata is None:
            continue
        assert re.fullmatch(r"Q[1-9][0-9]*", e.wikidata), (e.id, e.wikidata)
        assert e.wikidata not in seen, f"{e.wikidata} on both {seen[e.wikidata]} and {e.id}"
        seen[e.wikidata] = e.id
    # the QIDs the brief fixes
    fixed = {"us": "Q30", "cn": "Q148", "ru": "Q159", "jp": "Q17", "su": "Q15180", "tw": "Q865",
             "kp": "Q423", "kr": "Q884", "xi_jinping": "Q15031", "joe_biden": "Q6279",
             "vladimir_putin": "Q7747", "donald_trump": "Q22686", "dod": "Q11209", "state": "Q789915",
             "ccp": "Q17427", "cuban_missile_crisis": "Q128160", "covid19": "Q81068910",
             "washington_dc": "Q61", "san_francisco": "Q62", "geneva": "Q71", "ch": "Q39",
             "shanghai": "Q8686", "hawaii": "Q782", "asia": "Q48", "cu": "Q241"}
    for kb_id, qid in fixed.items():
        assert kb[kb_id].wikidata == qid, kb_id


def test_links_point_to_entries_of_the_right_type(kb):
    for e in kb.entries.values():
        if e.metonym_of:
            assert e.type == "LOC", f"{e.id}: only places are metonyms"
            assert kb[e.metonym_of].type in ("COUNTRY", "ORG"), e.id
        if e.country:
            assert kb[e.country].type == "COUNTRY", f"{e.id}: country {e.country}"
        if e.parent:
            assert e.parent in kb, e.id
            assert e.parent != e.id
        for role in e.roles:
            if role.get("org"):
                assert role["org"] in kb, f"{e.id}: role org {role['org']!r} is not a KB id"


def test_names_are_clean_nfc_and_new_style_tones(kb):
    old_style = re.compile(r"(?<![qQ])(?:o[àáảãạ]|u[ỳýỷỹỵ])(?![\w])", re.IGNORECASE)
    for e in kb.entries.values():
        for n in e.all_names() + list(e.short):
            assert n == unicodedata.normalize("NFC", n), f"{e.id}: {n!r} is not NFC"
            assert n == n.strip() and "  " not in n, f"{e.id}: stray spaces in {n!r}"
        # canonical Vietnamese names and titles use new-style tone placement (hòa, thủy);
        # old-style spellings (hoà, thuỷ) are kept only as aliases, because the press still uses them
        texts = [e.name_vi or ""] + [r.get("title_vi") or "" for r in e.roles]
        for t in texts:
            assert not old_style.search(t), f"{e.id}: old-style tone in {t!r}"


def test_cased_and_short_forms_belong_to_the_entry(kb):
    for e in kb.entries.values():
        names = e.all_names()
        for c in e.cased:
            assert c in names, f"{e.id}: cased {c!r} is not one of its names"
        words = {w for n in names for w in re.findall(r"[\w'’.-]+", n)}
        for s in e.short:
            # a short form is a word of a full name (Bell, Tập) or a listed shortening
            assert all(w in words for w in s.split()) or s in names or e.type != "PERSON", (e.id, s)


TITLE_PREFIXES = ("tổng thống ", "thủ tướng ", "ngoại trưởng ", "bộ trưởng ", "chủ tịch ", "thứ trưởng ",
                  "người phát ngôn ", "ông ", "bà ", "president ", "secretary ", "minister ", "mr ", "mrs ", "ms ")


def test_person_names_are_names_not_titles(kb):
    """`Ngoại trưởng`, `Tổng thống`, `ông`/`bà` are cues in the text, never part of a KB name."""
    for e in kb.entries.values():
        if e.type != "PERSON":
            continue
        for n in e.all_names() + list(e.short):
            assert not n.casefold().startswith(TITLE_PREFIXES), f"{e.id}: {n!r} starts with a title"


# short forms are matched after a full mention; these words occur capitalised at sentence starts
# or inside other names (He said; Cố vấn; Ban Thường vụ; quan hệ Mỹ-Hàn) and would be false mentions
UNSAFE_SHORTS = {"he", "she", "it", "in", "on", "an", "as", "us", "me", "we", "ban", "hàn", "cố", "lại", "thường",
                 "tiêu", "cảnh", "phó", "anh", "nam", "đảng", "hà"}


def test_short_forms_are_not_common_words(kb):
    for e in kb.entries.values():
        for s in e.short:
            assert s.casefold() not in UNSAFE_SHORTS, f"{e.id}: short form {s!r} is a common word"


def test_people_have_gender_and_well_formed_roles(kb):
    for e in kb.entries.values():
        if e.type != "PERSON":
            assert not e.roles and not e.gender, e.id
            continue
        assert e.gender in ("m", "f"), f"{e.id}: gender"
        assert e.country is None or e.country in kb
        for r in e.roles:
            assert r.get("title"), e.id
            s, t = r.get("start"), r.get("end")
            if isinstance(s, int) and isinstance(t, int):
                assert 1900 < s <= t <= 2026, (e.id, r)


def test_nuclear_armed_states_have_capital_metonyms(kb):
    metonyms = defaultdict(list)
    for e in kb.entries.values():
        if e.metonym_of:
            metonyms[e.metonym_of].append(e.id)
    for c in NUCLEAR_ARMED:
        assert kb[c].type == "COUNTRY"
        assert metonyms[c], f"no capital/seat of government stands for {c}"
    for place, actor in {"washington_dc": "us", "white_house": "us", "beijing": "cn", "zhongnanhai": "cn",
                         "moscow": "ru", "kremlin": "ru", "pyongyang": "kp", "tokyo": "jp", "seoul": "kr",
                         "blue_house": "kr", "london": "gb", "paris": "fr", "new_delhi": "in",
                         "islamabad": "pk", "jerusalem": "il", "tehran": "ir", "kyiv": "ua"}.items():
        assert kb[place].metonym_of == actor, place
    # Lầu Năm Góc is the Department of Defense itself, not a place standing for it
    assert "Lầu Năm Góc" in kb["dod"].aliases and kb["dod"].type == "ORG"


def test_states_in_the_brief_are_present(kb):
    for c in ("us", "cn", "ru", "gb", "fr", "in", "pk", "il", "kp", "jp", "kr", "ir", "ua", "tw", "de",
              "au", "by", "sa", "tr", "cu", "ch", "at", "se", "fi", "pl", "vn", "ph", "su"):
        assert kb[c].type == "COUNTRY", c
        assert kb[c].name_vi, c


CORE = [
    # (query as a reader would type it, expected id)
    ("tap can binh", "xi_jinping"), ("Tập Cận Bình", "xi_jinping"), ("Vương Nghị", "wang_yi"),
    ("Mao Ninh", "mao_ning"), ("Tôn Hiểu Ba", "sun_xiaobo"), ("Alexandra Bell", "alexandra_bell"),
    ("Wendy Sherman", "wendy_sherman"), ("Bonnie Jenkins", "bonnie_jenkins"), ("Jake Sullivan", "jake_sullivan"),
    ("Lầu Năm Góc", "dod"), ("Bộ Ngoại giao Mỹ", "state"), ("Bộ Quốc phòng Bắc Kinh", "cn_mnd"),
    ("Quân Giải phóng Nhân dân Trung Quốc", "pla"), ("Hội đồng Đại Tây Dương", "atlantic_council"),
    ("Liên đoàn các nhà khoa học Mỹ", "fas"), ("Hiệp hội Kiểm soát Vũ khí", "aca"),
    ("Diễn đàn Thái Bình Dương", "pacific_forum"), ("Tạp chí Phố Wall", "wsj"), ("Tân Hoa Xã", "xinhua"),
    ("Hiệp ước New START", "new_start"), ("Hiệp ước Bầu trời mở", "open_skies"),
    ("Hiệp ước các lực lượng hạt nhân tầm trung", "inf"), ("khủng hoảng tên lửa Cuba", "cuban_missile_crisis"),
    ("Liên Xô", "su"), ("Hoa Kỳ", "us"), ("Triều Tiên", "kp"), ("Đài Loan", "tw"), ("Thượng Hải", "shanghai"),
    ("Giơ-ne-vơ", "geneva"), ("Cơ quan Năng lượng Nguyên tử Quốc tế", "iaea"), ("Đông Phong-41", "df41"),
    ("liên minh Mỹ-Nhật", "us_japan_alliance"), ("Lực lượng Phòng vệ Nhật Bản", "jsdf"),
    ("Ấn Độ Dương-Thái Bình Dương", "indo_pacific"), ("Daniel Kritenbrink", "daniel_kritenbrink"),
    ("Rahm Emanuel", "rahm_emanuel"), ("Kim Jong-un", "kim_jong_un"), ("Bình Nhưỡng", "pyongyang"),
    ("Điện Kremlin", "kremlin"), ("Nhà Trắng", "white_house"), ("Hội đồng Bảo an", "unsc"),
    ("Sergei Ryabkov", "sergei_ryabkov"), ("Fumio Kishida", "fumio_kishida"), ("Yoon Suk-yeol", "yoon_suk_yeol"),
    ("Yoon Suk Yeol", "yoon_suk_yeol"), ("Kim Jong Un", "kim_jong_un"), ("Moskva", "moscow"), ("Moscow", "moscow"),
    ("Hiệp ước START mới", "new_start"), ("Kế hoạch Hành động chung toàn diện", "jcpoa"), ("TPNW", "tpnw"),
    ("Đối thoại Shangri-La", "shangri_la_dialogue"), ("xung đột Nga-Ukraine", "russia_ukraine_war"),
    ("Hwasong-17", "hwasong_17"), ("Lý Cường", "li_qiang"), ("Ngụy Phượng Hòa", "wei_fenghe"),
    ("Uông Văn Bân", "wang_wenbin"), ("Hoa Xuân Oánh", "hua_chunying"), ("Tạ Phong", "xie_feng"),
    ("Choe Son Hui", "choe_son_hui"), ("Viện Nghiên cứu Hòa bình Quốc tế Stockholm", "sipri"),
    ("Thời báo Hoàn cầu", "global_times"), ("Hãng tin Reuters", "reuters"), ("Bàn Môn Điếm", "panmunjom"),
]


@pytest.mark.parametrize("query,expected", CORE)
def test_core_names_resolve_by_search(kb, query, expected):
    assert expected in kb, expected
    hits = kb.search(query, limit=3)
    assert hits and hits[0][0].id == expected, (query, [(e.id, s) for e, s in hits])


def test_exact_names_resolve_to_one_entry(kb):
    """Every core name as written is a full name of exactly the expected entry."""
    index = defaultdict(set)
    for e in kb.entries.values():
        for n in e.all_names():
            index[_key(n)].add(e.id)
    for query, expected in CORE:
        if query.islower():
            continue  # folded queries are for fuzzy search only
        assert index[_key(query)] == {expected}, (query, index[_key(query)])


def test_short_forms_of_core_people(kb):
    assert "Tập" in kb["xi_jinping"].short
    assert "Bell" in kb["alexandra_bell"].short
    assert "Sullivan" in kb["jake_sullivan"].short
    assert kb["mao_ning"].gender == "f" and kb["xi_jinping"].gender == "m"
    sherman = [r for r in kb["wendy_sherman"].roles if r.get("org") == "state"]
    assert any(r.get("start") == 2021 and r.get("end") == 2023 for r in sherman)


def test_files_are_lists_of_entries(kb):
    per_file = Counter(e.file for e in kb.entries.values())  # load_kb() parsed every file as a list
    for must in ("countries.yaml", "places.yaml", "people.yaml", "orgs.yaml", "treaties.yaml",
                 "events.yaml", "weapons.yaml", "media.yaml"):
        assert per_file[must] > 0, must
    assert set(per_file) == {p.name for p in KB_DIR.glob("*.yaml")}


def test_cli_kb_search_and_show():
    from typer.testing import CliRunner

    from armswatch.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["kb", "search", "tap can binh"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Xi Jinping" in res.output and "xi_jinping" in res.output
    res = runner.invoke(app, ["kb", "show", "us"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "United States" in res.output and "Q30" in res.output and "Hoa Kỳ" in res.output
    res = runner.invoke(app, ["kb", "show", "no_such_entry"], env={"COLUMNS": "200"})
    assert res.exit_code != 0


# ---------------------------------------------------------------- places grown systematically (issue #3)

UN_MEMBERS = """af al dz ad ao ag ar am au at az bs bh bd bb by be bz bj bt bo ba bw br bn bg bf bi cv kh cm ca cf td
cl cn co km cg cd cr ci hr cu cy cz dk dj dm do ec eg sv gq er ee sz et fj fi fr ga gm ge de gh gr gd gt gn gw gy ht hn
hu is in id ir iq ie il it jm jp jo kz ke ki kw kg la lv lb ls lr ly li lt lu mg mw my mv ml mt mh mr mu mx fm md mc mn
me ma mz mm na nr np nl nz ni ne ng kp mk no om pk pw pa pg py pe ph pl pt qa kr ro ru rw kn lc vc ws sm st sa sn rs sc
sl sg sk si sb so za ss es lk sd sr se ch sy tj tz th tl tg to tt tn tr tm tv ug ua ae gb us uy uz vu ve vn ye zm
zw""".split()
CITY_STATES = {"mc", "sg"}  # the country entry is the city


def test_every_un_member_has_a_country_entry_and_a_place_in_it(kb):
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    places_in = defaultdict(list)
    for e in kb.entries.values():
        if e.type == "LOC" and e.country:
            places_in[e.country].append(e.id)
    for c in UN_MEMBERS:
        assert c in kb and kb[c].type == "COUNTRY" and kb[c].name_vi, c
        assert places_in[c] or c in CITY_STATES, f"no capital or other place of {c}"


def test_capital_metonyms_stand_for_their_own_country(kb):
    """A seat of government stands for the country it lies in (Brussels, seat of the EU, excepted)."""
    for e in kb.entries.values():
        if e.metonym_of and kb[e.metonym_of].type == "COUNTRY" and e.country:
            assert e.metonym_of == e.country, e.id
    # capitals the press uses for the government, and venues it does not
    assert kb["kabul"].metonym_of == "af" and kb["baku"].metonym_of == "az" and kb["bangkok"].metonym_of == "th"
    for venue in ("lima", "astana", "geneva", "northwood", "woodside_ca", "sochi", "davos"):
        assert kb[venue].metonym_of is None, venue


NEW_PLACES = {  # id -> (type, country)
    "prague": ("LOC", "cz"), "vientiane": ("LOC", "la"), "ulaanbaatar": ("LOC", "mn"), "astana": ("LOC", "kz"),
    "woodside_ca": ("LOC", "us"), "california": ("LOC", "us"), "northwood": ("LOC", "gb"), "sochi": ("LOC", "ru"),
    "hokkaido": ("LOC", "jp"), "nusa_dua": ("LOC", "id"), "vostochny": ("LOC", "ru"), "buchel": ("LOC", "de"),
    "is": ("COUNTRY", None), "ma": ("COUNTRY", None), "cd": ("COUNTRY", None),
}


@pytest.mark.parametrize("kb_id", sorted(NEW_PLACES))
def test_new_places_load_with_their_country(kb, kb_id):
    etype, country = NEW_PLACES[kb_id]
    assert kb[kb_id].type == etype and kb[kb_id].name_vi
    assert kb[kb_id].country == country


# sentences of our own: (text, language, {surface: (entity id, entity type, country)})
LINKED = [
    ("Ngoại trưởng Mỹ đến Viêng Chăn dự hội nghị ASEAN, sau đó bay tới Ulan Bato.", "vi",
     {"Viêng Chăn": ("vientiane", "LOC", "la"), "Ulan Bato": ("ulaanbaatar", "LOC", "mn")}),
    ("Hai nhà lãnh đạo gặp nhau tại điền trang Filoli ở Woodside, bang California.", "vi",
     {"Woodside": ("woodside_ca", "LOC", "us"), "bang California": ("california", "LOC", "us")}),
    ("The next round will be held in Astana, officials said, and Prague offered to host a later one.", "en",
     {"Astana": ("astana", "LOC", "kz"), "Prague": ("cz", "COUNTRY", "cz")}),
    ("Baku cho biết sẵn sàng ký hiệp ước hòa bình với Yerevan tại Abu Dhabi.", "vi",
     {"Baku": ("az", "COUNTRY", "az"), "Yerevan": ("am", "COUNTRY", "am"), "Abu Dhabi": ("abu_dhabi", "LOC", "ae")}),
    ("Ông Kim Jong-un gặp ông Putin tại sân bay vũ trụ Vostochny ở vùng Viễn Đông Nga.", "vi",
     {"sân bay vũ trụ Vostochny": ("vostochny", "LOC", "ru"), "vùng Viễn Đông Nga": ("russian_far_east", "LOC", "ru")}),
    ("Biden and Xi met in Lima, where the APEC leaders gathered, a year after Woodside.", "en",
     {"Lima": ("lima", "LOC", "pe"), "Woodside": ("woodside_ca", "LOC", "us")}),
    ("Macron and Starmer signed the declaration at Northwood; US bombs are stored at Büchel.", "en",
     {"Northwood": ("northwood", "LOC", "gb"), "Büchel": ("buchel", "LOC", "de")}),
]


@pytest.mark.parametrize("text,lang,expected", LINKED, ids=[t[:30] for t, _, _ in LINKED])
def test_new_places_link_in_sentences_with_the_right_country(text, lang, expected):
    from armswatch.extract.entities import recognise

    got = {m.text: (e.id, e.type, e.country) for e in recognise(text, lang) for m in e.mentions}
    for surface, want in expected.items():
        assert got.get(surface) == want, (surface, got)


def test_new_aliases_are_not_common_words(kb):
    """Words of ordinary English or Vietnamese text must not be a place name on their own."""
    names = {_key(n) for e in kb.entries.values() if e.type in ("LOC", "COUNTRY") for n in e.all_names()}
    for word in ("nice", "mobile", "reading", "bath", "victoria", "island", "male", "santiago", "georgetown",
                 "sơn", "hà", "sát", "nam", "kitô", "ki-tô"):
        assert word not in names, word


@pytest.mark.parametrize("text,name,etype", [
    ("Đoàn xe rời căn cứ ở bang Bắc Carolina sáng nay.", "North Carolina", "LOC"),
    ("Nhà máy đóng tàu ở Thâm Quyến đã hoàn thành đơn hàng.", "Shenzhen", "LOC"),
    ("Belarus và Nga là thành viên của Nhà nước Liên minh từ năm 1999.", "Union State", "ORG"),
    ("Hội đồng Thống đốc IAEA sẽ họp vào tháng tới.", "IAEA Board of Governors", "ORG"),
    ("Nhóm G8 khi đó vẫn còn Nga.", "G8", "ORG"),
    ("Cục Khảo sát Địa chất Mỹ ghi nhận một dư chấn.", "United States Geological Survey", "ORG"),
    ("Ông trả lời phỏng vấn đài France Info sáng thứ Ba.", "France Info", "ORG"),
    ("Historians date the end of the cold war to 1991.", "Cold War", "EVENT_NAME"),
    ("Giá dầu tăng vọt sau khi xung đột ở Ukraine kéo dài.", "Russo-Ukrainian War", "EVENT_NAME"),
])
def test_kb_covers_classes_of_names(text, name, etype):
    from armswatch.extract.entities import recognise

    got = {e.name: e.type for e in recognise(text, "en" if text.startswith("Historians") else "vi")}
    assert got.get(name) == etype, got


def test_json_cached_yaml_copy(tmp_path, monkeypatch):
    """Parsed YAML comes back from its JSON copy as it was parsed; a changed file is parsed again; data
    JSON cannot carry (a date, an integer key) is parsed every time, never cached."""
    from armswatch.kb import json_cached, load_yaml

    monkeypatch.setenv("ARMSWATCH_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "words.yaml"
    src.write_text("vi:\n  cues: [đã, sẽ]\n  weight: 1.5\n  strict: true\nen: {cues: [did], weight: 2}\n", encoding="utf-8")
    calls = []

    def parse():
        calls.append(1)
        return load_yaml(src.read_text(encoding="utf-8"))

    first = json_cached("lexicon-words", [src], parse)
    again = json_cached("lexicon-words", [src], parse)
    assert first == again == {"vi": {"cues": ["đã", "sẽ"], "weight": 1.5, "strict": True},
                              "en": {"cues": ["did"], "weight": 2}}
    assert type(again["en"]["weight"]) is int and again["vi"]["strict"] is True
    assert len(calls) == 1  # the second came from the copy
    src.write_text("vi: {cues: [từng]}\n", encoding="utf-8")
    assert json_cached("lexicon-words", [src], parse) == {"vi": {"cues": ["từng"]}} and len(calls) == 2
    for text in ("since: 2021-07-24\n", "1: một\n2: hai\n"):
        src.write_text(text, encoding="utf-8")
        n = len(calls)
        assert json_cached("lexicon-words", [src], parse) == json_cached("lexicon-words", [src], parse) == \
            load_yaml(text)
        assert len(calls) == n + 2  # not cached
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()) == ["lexicon", "lexicon"]


def test_yaml_key_written_twice_is_an_error_and_no_data_file_has_one():
    # plain YAML keeps the second of two equal keys and silently drops the first list (events.yaml once had two
    # leader_pairs); the loader refuses it, and every KB and lexicon file loads under that rule
    from armswatch.kb import DATA, load_yaml

    assert load_yaml("a: [x]\nb: [y]\n") == {"a": ["x"], "b": ["y"]}
    with pytest.raises(ValueError, match="duplicate key 'a' at line 3"):
        load_yaml("a: [x]\nb: [y]\na: [z]\n")
    files = sorted(DATA.glob("**/*.yaml"))
    assert len(files) > 10
    for path in files:
        load_yaml(path.read_text(encoding="utf-8"))
