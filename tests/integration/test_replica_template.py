"""The replica's ``template_switch`` fault: a site moves to a template family its
description's selectors do not know, from a date or an article on.

Unlike tests/integration/test_replica.py these read the switched pages with the crawler's
site descriptions and extractor: the point is that the selectors fail while a
layout-independent extractor still finds what the (changed) truth says.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from parsel import Selector
from test_replica import SITES, control, decode, fetch

from crawler.extract.article import extract
from crawler.sites import site_named
from replica import Replica
from replica.faults import FaultBoard, parse_fault, switch_from
from replica.generator import BEIJING, SWITCHED_FAMILY, page_count
from replica.model import SiteModel
from replica.pages import article_content_type, article_html, encode_page

TODAY = "2026年1月1日 星期四"
FROM = 150  # generated articles from this index on are switched
FIELDS = ("title", "subtitle", "published_at", "author", "editor", "source", "region",
          "category", "tags", "text")


def _models(site: str, n: int = 300) -> tuple[SiteModel, SiteModel]:
    """The same site unswitched and switched from index ``FROM`` on."""
    plain, switched = SiteModel(site, n), SiteModel(site, n)
    switched.switch_template(FROM)
    return plain, switched


def _html(model: SiteModel, i: int, page: int = 1) -> str:
    return article_html(model.article(model.ref(i)), today=TODAY, page=page)


def _selectors(site: str) -> list[str]:
    sel = site_named(site).selectors
    return [*sel.title, *sel.body, *sel.info, *sel.breadcrumb, *sel.editor]


def _container(html: str, paragraph: str) -> tuple[str, str, str]:
    """(tag, class, id) of the element holding the body paragraph that starts
    with ``paragraph``'s first characters."""
    probe = paragraph[:12]
    node = Selector(text=html).xpath(
        f"//*[text()[contains(normalize-space(.), '{probe}')]][not(self::title)]")[0]
    el = node if node.root.tag not in ("p", "br", "strong", "span") else node.xpath("..")[0]
    if el.root.tag in ("p", "strong"):
        el = el.xpath("..")[0]
    return el.root.tag, el.attrib.get("class", ""), el.attrib.get("id", "")


def _first_paragraph(model: SiteModel, i: int) -> str | None:
    a = model.article(model.ref(i))
    text = next((b.text.shown for b in a.blocks if b.kind == "p" and b.text), None)
    return text if text and len(text) > 20 and "?" not in text[:12] else None


@pytest.mark.parametrize("site", SITES)
def test_switched_pages_are_a_family_no_selector_knows(site: str) -> None:
    plain, switched = _models(site)
    old_containers = set()
    for i in range(0, FROM, 3):
        para = _first_paragraph(plain, i)
        if para is not None and page_count(plain.article(plain.ref(i))) == 1:
            old_containers.add(_container(_html(plain, i), para))
    assert len(old_containers) >= 3, old_containers  # several old families seen
    checked = 0
    for i in range(FROM, plain.total):
        a = switched.article(switched.ref(i))
        assert a.family == SWITCHED_FAMILY
        para = _first_paragraph(switched, i)
        if para is None or page_count(a) > 1:
            continue
        html = _html(switched, i)
        page = Selector(text=html)
        assert page.css("div.article-con#zoom") and page.css("div.article-head h1.article-title")
        for css in _selectors(site):
            assert not page.css(css), (site, css)
        new = _container(html, para)
        assert new == ("div", "article-con", "zoom") and new not in old_containers
        assert 'class="article-con"' not in _html(plain, i)
        info = " ".join(page.css("div.article-info ::text").getall())
        assert re.search(r"发布日期：\d{4}/\d\d/\d\d", info)
        assert not re.search(r"\d{1,2}:\d\d", info)  # no time of day
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("site", SITES)
def test_articles_before_the_switch_are_unchanged(site: str) -> None:
    plain, switched = _models(site)
    for i in range(0, FROM, 7):
        assert _html(switched, i) == _html(plain, i)
        assert switched.record(switched.ref(i)) == plain.record(plain.ref(i))
    for seed in switched.seeds:  # the real site's pages as captured stay as they are
        assert switched.record(seed) == plain.record(seed)
        assert switched.article(seed).family != SWITCHED_FAMILY


@pytest.mark.parametrize("site", SITES)
def test_truth_of_switched_articles_is_what_the_new_page_shows(site: str) -> None:
    plain, switched = _models(site)
    for i in range(FROM, plain.total):
        old, new = plain.record(plain.ref(i)), switched.record(switched.ref(i))
        assert new["published_at"] == plain.ref(i).when.date().isoformat()
        assert (new["editor"], new["region"], new["tags"]) == (None, None, [])
        for key in ("id", "url", "site", "title", "subtitle", "author", "source", "category",
                    "text"):
            assert new[key] == old[key], key
    truth = list(switched.truth())
    assert truth[:FROM] == list(plain.truth())[:FROM]
    # fissico already printed a date alone and no editor, region or tags: its
    # records survive the switch, only its pages change
    assert (truth == list(plain.truth())) == (site == "fissico")


@pytest.mark.parametrize("site", SITES)
def test_extractor_finds_the_switched_records_by_density(site: str) -> None:
    """No selector finds the body, density does: every field equals the
    switched truth, text included."""
    _plain, switched = _models(site)
    seen = 0
    for i in range(FROM, switched.total, 2):
        ref = switched.ref(i)
        a = switched.article(ref)
        if page_count(a) > 1:
            continue
        body = encode_page(site, article_html(a, today=TODAY))
        ex = extract(body, ref.url, content_type=article_content_type(a))
        truth = switched.record(ref)
        assert {k: ex.record[k] for k in FIELDS} == {k: truth[k] for k in FIELDS}, ref.url
        assert ex.counters["body/selector"] == 0
        seen += 1
    assert seen > 50


def test_switch_at_run_time_through_the_control_api(replica: Replica) -> None:
    model = replica.model("sxnews")
    gb = [r for r in model.refs() if "/GB/" in r.url and r.key.startswith("gen:")]
    early, late = gb[10], gb[-5]
    since = late.when.replace(second=0).isoformat()
    before_late = replica.record(late.url)
    _s, headers, body = fetch(replica, late.url)
    stamp = headers["last-modified"]
    status, answer = control(replica, "/_replica/faults", "POST",
                             {"name": "template_switch", "site": "sxnews", "from": since})
    assert status == 200 and json.loads(answer)["templates"]["sxnews"]["from"] == since
    _s, headers, body = fetch(replica, late.url)
    html = decode(headers, body)
    assert 'class="article-con"' in html and 'id="rwb_zw"' not in html
    assert headers["content-type"] == "text/html; charset=GB2312"
    status, _h, _b = fetch(replica, late.url, headers={"If-Modified-Since": stamp})
    assert status == 200  # the switch changed the page: no 304 for an earlier copy
    _s, _h, big5 = fetch(replica, late.url.replace("/GB/", "/BIG5/"))
    assert b"article-con" in big5 and b"charset=big5" in big5
    _s, headers, body = fetch(replica, early.url)
    assert 'class="article-con"' not in decode(headers, body)  # older than the switch
    record = replica.record(late.url)
    assert record is not None and before_late is not None
    assert record["published_at"] == late.when.date().isoformat() and record["editor"] is None
    served = {r["url"]: r for r in replica.truth("sxnews")}
    assert served[late.url] == record and served[early.url] == replica.record(early.url)
    # other sites are untouched
    other = replica.urls("fissico")[-1]
    assert b"article-con" not in fetch(replica, other)[2]
    # switched back
    assert control(replica, "/_replica/faults", "POST", {"name": "clear"})[0] == 200
    assert replica.record(late.url) == before_late
    assert b'class="article-con"' not in fetch(replica, late.url)[2]


def test_switch_from_the_next_grown_article(replica: Replica) -> None:
    """``from`` as an index: ``total`` switches exactly what is grown from then on."""
    model = replica.model("shanxidayuan")
    before = replica.truth("shanxidayuan")
    replica.switch_template("shanxidayuan", since=model.total)
    assert replica.truth("shanxidayuan") == before
    new = replica.grow("shanxidayuan", 4)
    for url in new:
        _s, headers, body = fetch(replica, url)
        assert 'class="article-con"' in decode(headers, body)
        record = replica.record(url)
        assert record is not None and len(record["published_at"]) == 10
    after = {r["url"]: r for r in replica.truth("shanxidayuan")}
    assert all(after[r["url"]] == r for r in before)


def test_switched_multipage_article_serves_every_page(replica: Replica) -> None:
    model = replica.model("fissico")
    ref = next(r for r in model.refs()
               if r.key.startswith("gen:") and page_count(model.article(r)) > 1)
    replica.fault("template_switch", site="fissico", **{"from": int(ref.key[4:])})
    first = fetch(replica, ref.url)[2].decode("utf-8")
    second = fetch(replica, ref.url.replace(".html", "_2.html"))[2].decode("utf-8")
    assert 'class="article-con"' in first and 'class="article-con"' in second
    assert "pagelist" in first and "pagelist" in second  # the CMS's pager stays


def test_bad_switches_are_refused(replica: Replica) -> None:
    status, answer = control(replica, "/_replica/faults", "POST",
                             {"name": "template_switch", "site": "sxnews", "from": "soon"})
    assert status == 400 and b"template_switch" in answer
    with pytest.raises(ValueError):
        replica.fault("template_switch", url=replica.urls("sxnews")[0])
    with pytest.raises(ValueError):
        replica.fault("template_switch", site="sxnews", rate=0.5)
    assert replica.model("sxnews").template_from is None


def test_switch_from_forms() -> None:
    assert switch_from(0) == 0 and switch_from("42") == 42
    assert switch_from("2026-01-02") == datetime(2026, 1, 2, tzinfo=BEIJING)
    assert switch_from("2026-01-02T08:30") == datetime(2026, 1, 2, 8, 30, tzinfo=BEIJING)
    assert switch_from("2026-01-02T00:30+00:00").astimezone(BEIJING).hour == 8
    for bad in ("-1", "next week", True):
        with pytest.raises(ValueError):
            switch_from(bad)
    board = FaultBoard()
    board.set("template_switch", site="fissico", **{"from": "2026-01-02"})
    board.set("error", site="fissico")  # a fault beside the switch
    assert board.template_from("fissico") == datetime(2026, 1, 2, tzinfo=BEIJING)
    assert board.template_from("sxnews") is None
    board.clear()
    assert board.template_from("fissico") is None


def test_fault_specs_of_the_command_line() -> None:
    assert parse_fault("error@0.05") == ("error", 0.05, {})
    assert parse_fault("template_switch:site=sxnews,from=2026-01-02T08:00") == (
        "template_switch", 1.0, {"site": "sxnews", "from": "2026-01-02T08:00"})
    assert parse_fault("template_switch:from=350") == ("template_switch", 1.0, {"from": 350})
    assert parse_fault("slow@0.5:delay=0.1") == ("slow", 0.5, {"delay": 0.1})
    for bad in ("error@often", "slow:delay"):
        with pytest.raises(ValueError):
            parse_fault(bad)


def test_switch_by_date_reaches_grown_articles() -> None:
    model = SiteModel("sxnews", 130, base=100)
    moment = model.ref(115).when
    model.switch_template(moment)
    assert [model.is_switched(model.ref(i)) for i in range(110, 130)] == [
        i >= 115 for i in range(110, 130)]
    model.grow(5)
    assert all(model.is_switched(model.ref(i)) for i in range(130, 135))
