"""The cleaning core: golden seeds, new bodies per site, glosses, spam, guards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, GOLDEN_DIR, SEEDS_DIR

from crawler.cleaning.page import clean_document, detect_site
from crawler.cleaning.spam import is_keyword_spam, is_place_list, spam_kind
from crawler.textnorm import fold_width, strip_glosses

CLEAN = FIXTURES / "clean"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt"))
FIELDS = ("url", "site", "title", "subtitle", "published_at", "author", "editor",
          "source", "region", "category", "tags", "text")


def record(page: str, site: str | None = None, script: str = "keep") -> dict[str, object]:
    result = clean_document(page, site, script=script)
    return {"site": result.site, **result.fields, "text": result.text}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_reproduces_golden(seed: Path) -> None:
    golden = json.loads((GOLDEN_DIR / seed.with_suffix(".json").name).read_text("utf-8"))
    got = record(seed.read_text("utf-8"))
    assert {k: got[k] for k in FIELDS} == {k: golden[k] for k in FIELDS}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_with_other_whitespace_cleans_the_same(seed: Path) -> None:
    # The spider renders HTML itself: spacing differs, the lines do not.
    page = seed.read_text("utf-8")
    respaced = "\n\n\n".join(
        "\u3000" + line.replace(" ", "\u00a0  ") + "\t" for line in page.splitlines()
    )
    assert record(respaced) == record(page)


@pytest.mark.parametrize(
    "name", sorted(p.name[: -len(".txt")] for p in CLEAN.glob("*.txt")
                   if "chrome" not in p.name and "debris" not in p.name)
)
def test_new_bodies_per_site(name: str) -> None:
    expected = json.loads((CLEAN / f"{name}.expected.json").read_text("utf-8"))
    assert record((CLEAN / f"{name}.txt").read_text("utf-8")) == expected


def test_sxnews_simplified_original_without_glosses() -> None:
    got = record((CLEAN / "sxnews_hans.txt").read_text("utf-8"))
    assert got["site"] == "sxnews"
    assert got["editor"] == "李明" and got["source"] == "山西晚报"
    assert got["category"] == ["新闻频道", "山西新闻"]
    assert got["published_at"] == "2021-07-15T09:30:00+08:00"
    assert got["subtitle"] == "沿线五县(市、区)群众出行更便捷"


def test_fissico_date_only() -> None:
    got = record((CLEAN / "fissico_new.txt").read_text("utf-8"))
    assert got["published_at"] == "2021-11-03"
    assert got["source"] == "本網訊"
    assert got["url"] == "http://fissico.com/html/xw/shms/60321.html"


def test_shanxidayuan_ad_and_emails() -> None:
    got = record((CLEAN / "shanxidayuan_new.txt").read_text("utf-8"))
    text = str(got["text"])
    assert "广告" not in text.split("\n")
    assert "info@example.com" in text  # an address in the body is content
    assert "webmaster@example.com" not in text  # the decoded footer address is chrome
    assert got["tags"] == ["丰收节", "农业", "乡村振兴"] and got["region"] == "晋中"


def test_cloudflare_placeholder_and_decoded_footer_both_go() -> None:
    page = (SEEDS_DIR / "003_772341e518206225.txt").read_text("utf-8")
    decoded = page.replace("[email\u00a0protected]", "editor@shanxidayuan.com")
    assert record(decoded)["text"] == record(page)["text"]


# --- glosses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("發(fā)展", "發展"),
        ("本報訊(記者楊文)作戰(zhàn)", "本報訊(記者楊文)作戰"),
        ("各縣(市、區(qū))設分會場", "各縣(市、區)設分會場"),
        ("新聞(含圖片)發(fā)布", "新聞(含圖片)發布"),
        ("GDP(gdp)增長", "GDP(gdp)增長"),
        ("內容(neì róng)", "內容(neì róng)"),  # two syllables with a space: not one gloss
        ("擴(kuò)散（zhàn）", "擴散"),
    ],
)
def test_glosses_next_to_real_parentheses(raw: str, clean: str) -> None:
    assert strip_glosses(fold_width(raw))[0] == clean


def test_neutral_tone_gloss_only_on_glossed_pages() -> None:
    assert strip_glosses("我們(men)")[0] == "我們(men)"
    assert strip_glosses("發(fā)展(zhǎn)學(xué)生們(men)")[0] == "發展學生們"


# --- spam ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "久久Av秘 无码一区二区,亚洲欧美一区二区三区在饯,伊人久久波多结衣人妻系列,亚洲一区 国产精品",
        "山西新闻 太原旅游,国产精品久久,日韩欧美在线观看,人妻无码专区",  # real words inside
        "國產精品久久久久,日韓欧美一区二区在线观看",  # Traditional
    ],
)
def test_keyword_spam_with_real_words_goes(line: str) -> None:
    assert spam_kind(line) == "keywords"


def test_place_list_goes() -> None:
    assert is_place_list("胶州市| 神农架林区| 曲麻莱县| 乐东| 昌江| 海原县| 晴隆县")


@pytest.mark.parametrize(
    "line",
    [
        "据介绍,列车沿途停靠太原|阳曲|忻州三站,沿线群众出行更加便捷。",
        "清徐县、阳曲县、娄烦县和古交市的群众参加了活动。",
        "警方破获一起传播淫秽视频案,涉案网站以“无码”“国产精品”“人妻”等关键词引流。",
        "午夜时分,日韩游客抵达太原。",
        "得分|太原队|大同队|晋中队|长治队|运城队 比分见下表",
    ],
)
def test_body_lines_with_places_pipes_or_words_stay(line: str) -> None:
    assert spam_kind(line) is None
    assert not is_keyword_spam(line)


def test_body_mentioning_copyright_or_this_article_stays() -> None:
    got = record((CLEAN / "sxnews_hans.txt").read_text("utf-8"))
    sentence = "本文所述票价为试运营期间价格,铁路部门表示将依法保护乘客权益,相关版权问题另行说明。"
    assert sentence in str(got["text"])
    page = (SEEDS_DIR / "002_72c21c55ea8088ed.txt").read_text("utf-8").replace(
        "  会议以电视电话会议形式召开",
        "  本文地址变更一事已通报。版权声明一事另行处理。\n\n  会议以电视电话会议形式召开",
    )
    assert "本文地址变更一事已通报。版权声明一事另行处理。" in str(record(page)["text"])


# --- site, guards, script, empties -----------------------------------------


def test_site_detection_and_unknown() -> None:
    seeds = {p.name[:3]: p.read_text("utf-8") for p in SEED_FILES}
    assert [detect_site(seeds[k]) for k in ("000", "001", "002")] == [
        "sxnews", "fissico", "shanxidayuan"]
    result = clean_document((CLEAN / "generic.txt").read_text("utf-8"))
    assert result.site is None and result.counters["unknown_site"] == 1
    assert result.fields["title"] == "山西省发布秋季森林防火通告"


def test_forced_site_on_generic_extractor_text() -> None:
    # Text from trafilatura has no chrome anchors: first line headline, rest body.
    page = (CLEAN / "generic.txt").read_text("utf-8")
    result = clean_document(page, "shanxidayuan")
    assert result.site == "shanxidayuan"
    assert result.text == record(page)["text"]


def test_false_stop_label_is_reverted() -> None:
    # A body line that looks like the 版权声明 label, right under the meta line.
    page = (SEEDS_DIR / "002_72c21c55ea8088ed.txt").read_text("utf-8").replace(
        "  10月6日", "版权声明\n\n  10月6日", 1
    )
    result = clean_document(page)
    assert result.counters["guard_reverted"] >= 1
    assert "10月6日,省委常委" in result.text


def test_rule_deleting_most_of_the_body_is_reverted() -> None:
    body = "\n\n".join(["分享到: 微信"] * 3)
    result = clean_document(f"某县召开会议\n\n{body}\n\n短句。")
    assert result.counters["guard_reverted"] == 1
    assert "分享到: 微信" in result.text


def test_text_script_conversion() -> None:
    page = (SEEDS_DIR / "001_f10ca46bc84d34c9.txt").read_text("utf-8")
    hans = record(page, script="hans")
    assert hans["title"] == "刘成鸣:扎实做好疫情防控工作,全力阻止疫情扩散蔓延"
    assert hans["category"] == ["新闻", "党政要闻"] and hans["source"] == "本网讯"
    assert "劉" not in str(hans["text"])
    hant = record((SEEDS_DIR / "002_72c21c55ea8088ed.txt").read_text("utf-8"), script="hant")
    assert str(hant["title"]).startswith("韋韜主持召開")
    with pytest.raises(ValueError):
        clean_document(page, script="latin")


def test_chrome_only_and_empty_pages_are_empty() -> None:
    assert clean_document((CLEAN / "chrome_only.txt").read_text("utf-8")).empty
    assert clean_document("").empty
    assert clean_document("\n \u3000\n▽▽\n").empty


def test_output_text_shape() -> None:
    for seed in SEED_FILES:
        text = clean_document(seed.read_text("utf-8")).text
        assert "\n\n\n" not in text and "  " not in text and "\u00a0" not in text
        assert all(p == p.strip() and p for p in text.split("\n\n"))


def test_unrecognised_spam_above_the_masthead_is_not_the_headline() -> None:
    page = (SEEDS_DIR / "000_3d8e36136f418278.txt").read_text("utf-8")
    first = page.split("\n", 1)[0]
    got = record(page.replace(first, "某某新型推广词 另一种写法 第三种写法"))
    assert got["title"] == "樓陽生主持召開省委第四次專題會議暨省疫情防控工作領導小組會議并講話強調"
    seed_001 = (SEEDS_DIR / "001_f10ca46bc84d34c9.txt").read_text("utf-8")
    nav = record("首页 新闻 图片 视频\n\n" + seed_001)
    assert str(nav["title"]).startswith("劉成鳴:")



def test_gloss_debris_goes_and_the_rest_stays() -> None:
    """A gloss broken by a bad re-encoding (``日?qǐng)?bào)``) and an entity whose
    ``&`` became ``?``: the debris goes; the character the breakage ate is lost
    (``甘孜日``), which the record shows rather than hides."""
    page = (CLEAN / "fissico_debris.txt").read_text("utf-8")
    got = record(page)
    assert got["site"] == "fissico" and got["title"] == "州委召開常委會議"
    assert got["published_at"] == "2020-01-29" and got["source"] == "甘孜日"
    assert "?" not in str(got["text"]) and "qǐng" not in str(got["text"])
    assert "精神·研究部署" in str(got["text"])


def test_date_widget_and_repeated_headline_never_make_the_title() -> None:
    widget = record((CLEAN / "sxnews_gb_widget.txt").read_text("utf-8"))
    assert widget["title"] == "太原地铁2号线客流突破新高"
    assert "星期" not in str(widget["text"]) and "网站声明" not in str(widget["text"])
    twice = record((CLEAN / "sxnews_render_twice.txt").read_text("utf-8"))
    assert str(twice["text"]).count("太原新建改建公厕200座") == 1
    assert "独家授权" not in str(twice["text"]) and twice["site"] == "sxnews"
