"""The extractor, one signal at a time, on small pages built to mislead it."""

from __future__ import annotations

import pytest

from crawler.extract import ExtractionError, extract, extract_article

URL = "http://www.shanxidayuan.com/gsyl/lzyl/12031.html"
P1 = "会议指出,当前全市经济运行总体平稳,重点项目建设加快推进,要坚定信心、真抓实干。"
P2 = "会议要求,各级各部门要压紧压实责任,确保各项任务落地见效,以优异成绩迎接检查验收。"
P3 = "会议还研究了其他事项。市政府有关部门负责同志参加会议,各县区设分会场同步收看。"
BODY = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
TITLE = "全市经济运行调度会召开"


def page(body: str, head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def paragraphs(record: dict[str, object]) -> list[str]:
    return str(record["text"]).split("\n\n")


def test_title_is_never_nav_login_logo_or_column() -> None:
    html = page(
        "<div class='top'><a href='/login'>登录</a> | <a href='/reg'>注册</a></div>"
        "<h1 class='logo'>山西大院资讯网</h1>"
        "<ul class='menu'><li><a href='/'>首页</a></li><li><a href='/ty'>太原</a></li></ul>"
        "<div class='place'>当前位置:<a href='/'>首页</a> &gt; "
        "<a href='/gsyl/lzyl/'>太原新闻</a></div>"
        "<h2>太原新闻</h2>"
        f"<div class='art'><h3>{TITLE}</h3><div class='info'>2023-04-05 09:30 来源:太原日报</div>"
        f"{BODY}</div>",
        head="<title>山西大院资讯网</title>")
    record = extract_article(html, URL)
    assert record["title"] == TITLE
    assert record["category"] == ["太原新闻"]
    assert record["source"] == "太原日报"
    assert paragraphs(record) == [TITLE, P1, P2, P3]


def test_title_from_title_tag_agreement_beats_a_bigger_heading() -> None:
    html = page(f"<h1>专题报道</h1><div><h4>{TITLE}</h4><span>2023-04-05</span>{BODY}</div>"
                "<div class='related'><h2>相关新闻</h2><ul><li><a href='/a.html'>"
                "全市经济运行调度会召开前的准备工作</a> 2023-04-01</li></ul></div>",
                head=f"<title>{TITLE}_太原_山西大院资讯网</title>")
    assert extract_article(html, URL)["title"] == TITLE


def test_demo_title_tag_is_not_the_headline() -> None:
    html = page(f"<div class='container'><h2>{TITLE}</h2><p class='meta'>发布时间:2023-04-05</p>"
                f"{BODY}</div>",
                head="<title>PbootCMS - 永久开源免费的PHP企业网站开发建设管理系统</title>")
    assert extract_article(html, URL)["title"] == TITLE


def test_date_skips_widget_related_dates_and_impossible_dates() -> None:
    html = page(
        "<div class='topbar'>2025年6月2日 星期一</div>"
        f"<h1>{TITLE}</h1><div class='info'>发布时间:2021-02-31 来源:本站</div>{BODY}"
        "<ul class='list'><li><a href='/b.html'>另一条新闻标题很像标题</a><span>2023-01-09</span>"
        "</li></ul>")
    assert extract_article(html, URL)["published_at"] is None
    good = html.replace("2021-02-31", "2022年10月08日10:10")
    assert extract_article(good, URL)["published_at"] == "2022-10-08T10:10:00+08:00"


@pytest.mark.parametrize(("printed", "meta", "want"), [
    ("2022-10-08 10:10:06", None, "2022-10-08T10:10:06+08:00"),
    ("2022年10月08日 10:10", None, "2022-10-08T10:10:00+08:00"),
    ("2022/10/08", None, "2022-10-08"),
    ("时间:2022-10-08", "2022-10-08T02:10:00Z", "2022-10-08T10:10:00+08:00"),
    ("", "2022-10-08T10:10:06+08:00", "2022-10-08T10:10:06+08:00"),
])
def test_date_forms(printed: str, meta: str | None, want: str) -> None:
    head = f"<meta property='article:published_time' content='{meta}'>" if meta else ""
    html = page(f"<h1>{TITLE}</h1><div class='info'>{printed}</div>{BODY}", head=head)
    assert extract_article(html, URL)["published_at"] == want


def test_xinhua_split_date_and_phpcms_date_inside_h1() -> None:
    xinhua = page(f"<div class='head-line'><h1><span class='title'>{TITLE}</span></h1></div>"
                  "<div class='header-time'><span class='year'><em>2023</em></span>"
                  "<span class='day'><em>04</em>/<em>05</em></span>"
                  f"<span class='time'>09:30:12</span></div><div id='detail'>{BODY}</div>")
    assert extract_article(xinhua, URL)["published_at"] == "2023-04-05T09:30:12+08:00"
    phpcms = page(f"<div id='Article'><h1>{TITLE}<br /><span>2022-03-04 10:21:08&nbsp;&nbsp;"
                  "来源:新华网&nbsp;&nbsp;评论:<a href='#'>0</a></span></h1>"
                  f"<div class='content'>{BODY}</div></div>")
    record = extract_article(phpcms, URL)
    assert record["title"] == TITLE and record["source"] == "新华网"
    assert record["published_at"] == "2022-03-04T10:21:08+08:00"


def test_body_leaves_out_captions_credits_share_related_and_comments() -> None:
    html = page(
        f"<h1>{TITLE}</h1><div class='content'><p>{P1}</p>"
        "<p align='center'><img src='/a.jpg'></p><p align='center'>会议现场。(记者 王敏 摄)</p>"
        "<figure><img src='/b.jpg'><figcaption>与会人员认真听取汇报</figcaption></figure>"
        f"<p>{P2}</p><div class='share'>分享到:微信 微博</div><p>{P3}</p>"
        "<p>(责任编辑:李娜)</p></div>"
        "<div class='related'><h3>相关阅读</h3><ul><li><a href='/c.html'>"
        "全市召开一季度经济运行分析会,研究部署下一步工作</a></li></ul></div>"
        "<div id='comments'><p>网友甲:这个会议开得好,希望各项措施尽快落实,让老百姓得实惠。</p>"
        "<p>网友乙:支持!经济要发展,民生要改善,期待更多好消息传来。</p></div>")
    record = extract_article(html, URL)
    assert paragraphs(record) == [TITLE, P1, P2, P3]
    assert record["editor"] == "李娜"


def test_br_body_in_a_table_cell_beside_a_nav_cell() -> None:
    nav = "".join(f"<a href='/c{i}'>栏目{i}</a><br>" for i in range(12))
    html = page(f"<table><tr><td class='leftnav'>{nav}</td><td id='article'><b>{TITLE}</b><br>"
                f"　　{P1}<br><br>　　{P2}<br>　　{P3}</td></tr></table>")
    assert paragraphs(extract_article(html, URL)) == [TITLE, P1, P2, P3]


def test_script_written_source_and_repeated_headline() -> None:
    html = page(f"<div class='jz'>{TITLE}</div><div class='left1'>2023年05月12日08:41&nbsp;&nbsp;"
                "来源:<script>var s='山西日报';document.write(s);</script></div>"
                f"<div id='rwb_zw'><p>{TITLE}</p>{BODY}</div>")
    record = extract_article(html, "http://news.sxrb.com/GB/314064/10012345.html")
    assert record["source"] == "山西日报"
    assert record["published_at"] == "2023-05-12T08:41:00+08:00"
    assert paragraphs(record) == [TITLE, P1, P2, P3]


def test_labels_tags_subtitle_and_breadcrumb() -> None:
    html = page(
        "<div class='crumbs'><a href='/'>山西大院资讯网</a> &gt;&gt; <a href='/x'>民生</a>"
        " &gt;&gt; 正文</div>"
        f"<div class='title'><h1>{TITLE}</h1><h2>一季度全市地区生产总值同比增长5.2%</h2></div>"
        "<div class='info'>作者:张三 编辑:李四 来源:太原日报 地区:太原 "
        "浏览次数:<span>12</span></div>"
        f"{BODY}<div class='tags'>标签:<a href='/t/1'>经济</a> <a href='/t/2'>调度</a></div>")
    record = extract_article(html, URL)
    assert (record["author"], record["editor"], record["source"], record["region"]) == \
        ("张三", "李四", "太原日报", "太原")
    assert record["subtitle"] == "一季度全市地区生产总值同比增长5.2%"
    assert record["category"] == ["民生"] and record["tags"] == ["经济", "调度"]
    assert paragraphs(record)[:2] == [TITLE, "一季度全市地区生产总值同比增长5.2%"]


def test_glossed_mirror_page_and_big5_bytes() -> None:
    glossed = page("<h1>州委召(zhào)開(kāi)常委會(huì)議</h1><p>2020年01月29日</p>"
                   "<p>會(huì)議(yì)指出,要堅決打贏疫情防控阻擊戰(zhàn),確保人民群眾生命安全。</p>"
                   "<p>會議要求,各地要(yào)加強值班值守,嚴格落實各項防控措施,不得麻痹大意。</p>")
    record = extract_article(glossed, "http://fissico.com/html/xw/dzyw/58200.html")
    assert record["title"] == "州委召開常委會議"
    assert "(" not in record["text"]
    sentence = "會議指出,要堅決打贏疫情防控阻擊戰,確保生命安全。"
    big5 = page(f"<h1>州委召開常委會議</h1><p>{sentence * 3}</p>"
                ).replace("utf-8", "big5").encode("big5")
    record = extract_article(big5, "http://yc.sxrb.com/BIG5/318641/10054321.html")
    assert record["title"] == "州委召開常委會議"
    assert record["url"] == "http://yc.sxrb.com/GB/318641/10054321.html"


def test_site_selectors_confirm_the_body() -> None:
    html = page(f"<div class='jz'>{TITLE}</div><div id='rwb_zw'>{BODY}</div>")
    found = extract(html, "http://news.sxrb.com/GB/314064/10012345.html")
    assert found.counters["body/selector"] == 1 and not found.counters["fallback"]
    moved = html.replace("rwb_zw", "article-text")
    found = extract(moved, "http://news.sxrb.com/GB/314064/10012345.html")
    assert found.counters["body/density"] == 1 and found.counters["fallback"] == 1
    assert paragraphs(found.record) == [TITLE, P1, P2, P3]


def test_a_rule_that_would_delete_most_of_the_text_is_reverted() -> None:
    # The whole article sits in a container whose class reads as chrome.
    html = page(f"<div class='sidebar-layout'><h1>{TITLE}</h1>{BODY}</div>"
                "<div class='footer'>版权所有 山西大院资讯网</div>")
    found = extract(html, URL)
    assert paragraphs(found.record) == [TITLE, P1, P2, P3]
    assert found.counters["guard_reverted"] >= 1


@pytest.mark.parametrize("html", [
    b"", b"   ", page("<p>短。</p>"),
    page("<ul>" + "".join(f"<li><a href='/{i}.html'>新闻标题第{i}条</a></li>" for i in range(30))
         + "</ul>"),
])
def test_no_article(html: str | bytes) -> None:
    with pytest.raises(ExtractionError):
        extract_article(html, URL)


def test_a_writer_credit_on_its_own_line_is_the_author() -> None:
    sentence = "会议强调,要完整准确全面贯彻落实党中央决策部署,认真学习进一步优化防控工作的措施。"
    body = "".join(f"<p>第{i}段。{sentence}</p>" for i in range(5))
    page = (f"<html><head><title>标题在此_某网</title></head><body><h1>标题在此</h1>"
            f"<div>2005-06-14 03:25</div><p>文/眉间尺</p>{body}</body></html>")
    record = extract_article(page.encode(), "http://example.cn/a/1.html")
    assert record["author"] == "眉间尺"
    # "原文:" in a sentence names no writer.
    prose = page.replace("<p>文/眉间尺</p>", "<p>原文:这是一段引用的话,没有作者。</p>")
    assert extract_article(prose.encode(), "http://example.cn/a/1.html")["author"] is None


def test_a_photo_page_whose_only_text_is_its_figure_caption_is_headline_only() -> None:
    # A gallery page of a template no site description knows: the caption is
    # all of its text, and still a caption (the guard does not give it back).
    caption = "1月29日,康定景区里,群众在服务窗口办理业务。"
    html = page(f"<div class='article-head'><h1>{TITLE}</h1>"
                "<div class='article-info'>发布日期:2026/01/29 来源:山西日报</div></div>"
                "<div class='article-con' id='zoom'><figure><img src='/a.jpg'>"
                f"<figcaption class='figure-caption'>{caption}</figcaption></figure></div>")
    found = extract(html, "http://photo.sxrb.com/GB/321700/10467497.html")
    assert found.record["text"] == TITLE and found.counters["no_body"] == 1
    # The same caption among paragraphs: the paragraphs are the text.
    html = html.replace("</figure>", f"</figure>{BODY}")
    found = extract(html, "http://photo.sxrb.com/GB/321700/10467497.html")
    assert paragraphs(found.record) == [TITLE, P1, P2, P3]
