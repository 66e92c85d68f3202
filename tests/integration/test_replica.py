"""The site replicas: seed pages, proxy behaviour, URL schemes, BIG5 copies, template
families, ground truth, listings, generator, mutations and faults.

These tests use only the replica's own pieces (its visible-text renderer in
``replica.visible``), never the crawler's extraction or cleaning: the replica is
evidence the crawler did not shape.
"""

from __future__ import annotations

import ast
import collections
import gzip
import http.client
import itertools
import json
import re
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import GOLDEN_DIR, ROOT, SEEDS_DIR

from replica import Replica
from replica.generator import (
    BEIJING,
    TEXT_KINDS,
    page_count,
    page_of,
    page_url,
    record_id,
    seed_data,
    to_traditional,
)
from replica.model import SXNEWS_GB_HOSTS, SiteModel
from replica.pages import article_html, big5_page, encode_page, today_label
from replica.server import Handler
from replica.visible import charset_of, fold, page_lines, page_text

SITES = ("shanxidayuan", "fissico", "sxnews")
SEED_URLS = {name: seed["url"] for name, seed in seed_data().items()}
FAMILIES = {
    "shanxidayuan": {"theme0", "theme1", "theme2", "dede", "pboot", "phpcms"},
    "fissico": {"kbcmw_a", "kbcmw_b", "dede_default", "dede_table"},
    "sxnews": {"pd2023", "pd2019", "photo", "special", "sxxww"},
}
# A pinyin gloss, or gloss debris (the character lost to "?").
GLOSS = re.compile(r"[(?][a-zü\u00e0-\u00fc\u0100-\u01dc]+\)")
ARTICLE_URL = {
    "shanxidayuan": re.compile(r"^http://www\.shanxidayuan\.com/gsyl/[a-z]+/\d+\.html$"),
    "fissico": re.compile(r"^http://fissico\.com/html/[a-z]+/[a-z]+/\d+\.html$"),
    "sxnews": re.compile(
        r"^http://(?:(?:news|xz|yc|photo|special)\.sxrb\.com/GB/(?:\d+/){1,3}\d+\.html"
        r"|(?:www|news|sz)\.sxrb\.com/sxxww/(?:[a-z]+/){2,4}\d{7}\.shtml)$"),
}


def fetch(replica: Replica, url: str, method: str = "GET", headers: dict[str, str] | None = None,
          timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """One request through the replica as an HTTP proxy (absolute URI)."""
    conn = http.client.HTTPConnection("127.0.0.1", replica.port, timeout=timeout)
    try:
        conn.request(method, url, headers=headers or {})
        resp = conn.getresponse()
        try:
            body = resp.read()
        except http.client.IncompleteRead as exc:
            body = exc.partial
            resp.headers["X-Test-Incomplete"] = "1"
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


def control(replica: Replica, path: str, method: str = "GET",
            body: dict[str, Any] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", replica.port, timeout=10)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data,
                     headers={"Content-Type": "application/json"} if data else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.split()]


def shown_lines(page: bytes | str, ctype: str | None = None) -> list[str]:
    """A page's visible lines with glosses (and gloss debris) taken out."""
    return [" ".join(GLOSS.sub("", line).split())
            for line in page_lines(page, ctype, decode_emails=True)]


def decode(headers: dict[str, str], body: bytes) -> str:
    return body.decode(charset_of(body, headers.get("content-type")))


def links(base: str, html: str) -> list[tuple[str, str]]:
    """(absolute href, anchor text) of every link."""
    out = []
    for href, text in re.findall(r'<a [^>]*?href="([^"]+)"[^>]*>(.*?)</a>', html, re.S):
        out.append((urljoin(base, href), re.sub(r"<[^>]+>", "", text)))
    return out


def listing_urls(replica: Replica, site: str, first: str) -> tuple[list[str], list[str]]:
    """Follow 下一页 from a listing's first page: (article URLs in order, listing URLs)."""
    model = replica.model(site)
    found: list[str] = []
    visited: list[str] = []
    url: str | None = first
    while url:
        visited.append(url)
        status, headers, body = fetch(replica, url)
        assert status == 200, url
        html = decode(headers, body)
        nxt = None
        for href, text in links(url, html):
            if text == "下一页":
                nxt = href
            elif model.ref_for_url(href) is not None and href not in found:
                found.append(href)
        url = nxt
        assert len(visited) < 1000
    return found, visited


def gen_articles(site: str, n: int = 300) -> tuple[SiteModel, list[Any]]:
    model = SiteModel(site, n)
    return model, [model.article(model.ref(i)) for i in range(model.total)]


# --- the package ----------------------------------------------------------------------


def test_replica_imports_nothing_from_the_crawler() -> None:
    for path in sorted((ROOT / "replica").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n == "crawler" or n.startswith("crawler.") for n in names), path
    assert not (ROOT / "crawler" / "replica").exists()


def test_nagle_is_off_on_the_handler() -> None:
    assert Handler.disable_nagle_algorithm is True


# --- seed pages -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_URLS))
def test_seed_page_renders_to_the_seed(replica_session: Replica, name: str) -> None:
    status, headers, body = fetch(replica_session, SEED_URLS[name])
    assert status == 200
    want = lines((SEEDS_DIR / f"{name}.txt").read_text("utf-8"))
    assert lines(page_text(body, headers.get("content-type"))) == want


@pytest.mark.parametrize("name", sorted(SEED_URLS))
def test_seed_truth_is_the_golden_record(replica_session: Replica, name: str) -> None:
    golden = json.loads((GOLDEN_DIR / f"{name}.json").read_text("utf-8"))
    url = SEED_URLS[name]
    record = replica_session.record(url)
    assert record is not None
    assert record["id"] == record_id(url) and record["url"] == url
    for key, value in golden.items():
        if key not in ("id", "url"):
            assert record[key] == value, key
    assert record in replica_session.truth(golden["site"])


def test_seed_002_through_proxy_like_curl(replica_session: Replica) -> None:
    status, _, body = fetch(replica_session, "http://www.shanxidayuan.com/gsyl/lzyl/10077.html")
    assert status == 200
    assert "韦韬主持召开市疫情防控工作领导小组第139次会议" in body.decode("utf-8")


def test_seeds_keep_their_urls_and_layouts() -> None:
    assert SEED_URLS == {
        "000_3d8e36136f418278": "http://www.sxrb.com/sxxww/xwpd/gcdt/7950120.shtml",
        "001_f10ca46bc84d34c9": "http://fissico.com/html/xw/dzyw/58159.html",
        "002_72c21c55ea8088ed": "http://www.shanxidayuan.com/gsyl/lzyl/10077.html",
        "003_772341e518206225": "http://www.shanxidayuan.com/gsyl/changzhi/389.html",
        "004_ea09ca26db808697": "http://www.shanxidayuan.com/gsyl/xinzhou/3697.html",
    }
    families = {}
    for site in SITES:
        model = SiteModel(site, 50)
        families |= {r.url: model.article(r).family for r in model.seeds}
    assert families == {SEED_URLS["000_3d8e36136f418278"]: "sxxww",
                        SEED_URLS["001_f10ca46bc84d34c9"]: "kbcmw_a",
                        **{SEED_URLS[n]: "theme0" for n in SEED_URLS if n[:3] in ("002", "003",
                                                                                  "004")}}


# --- proxy ---------------------------------------------------------------------------


def test_other_hosts_get_502_and_binding_is_loopback_only(replica_session: Replica) -> None:
    for url in ("http://example.com/", "http://127.0.0.1/", "http://sxrb.com.evil.com/",
                "https://fissico.com/", "http://epaper.sxrb.com/", "http://kbcmw.com/"):
        assert fetch(replica_session, url)[0] == 502, url
    assert replica_session.server.server_address[0] == "127.0.0.1"
    # Not reachable on another local address, if the machine has one.
    try:
        other = socket.gethostbyname(socket.gethostname())
    except OSError:
        other = "127.0.0.1"
    if not other.startswith("127."):
        with pytest.raises(OSError):
            socket.create_connection((other, replica_session.port), timeout=1).close()


def test_keep_alive_serves_many_requests_on_one_connection(replica_session: Replica) -> None:
    urls = replica_session.urls("sxnews")[:30]
    conn = http.client.HTTPConnection("127.0.0.1", replica_session.port, timeout=10)
    start = time.monotonic()
    for url in urls:
        conn.request("GET", url)
        resp = conn.getresponse()
        assert resp.status == 200 and resp.read()
    conn.close()
    # no delayed-ACK wait (~40 ms a response) with Nagle's algorithm off
    assert time.monotonic() - start < 2


def test_robots_homes_and_404(replica_session: Replica) -> None:
    homes = ["http://www.shanxidayuan.com/", "http://fissico.com/", "http://www.sxrb.com/",
             "http://sz.sxrb.com/", *(f"http://{h}/GB/index.html" for h in SXNEWS_GB_HOSTS),
             *(f"http://{h}/" for h in SXNEWS_GB_HOSTS)]
    for home in homes:
        status, _, body = fetch(replica_session, urljoin(home, "/robots.txt"))
        assert status == 200 and b"Disallow" in body
        assert fetch(replica_session, home)[0] == 200, home
    for url in ("http://www.shanxidayuan.com/gsyl/lzyl/1.html",
                "http://fissico.com/html/xw/dzyw/12.html",
                "http://www.sxrb.com/sxxww/xwpd/gcdt/77.shtml",
                "http://www.sxrb.com/GB/index.html", "http://news.sxrb.com/GB/314064/1.html",
                "http://news.sxrb.com/GB/999999/index.html", "http://fissico.com/html/qq/",
                "http://www.shanxidayuan.com/nothing.html"):
        assert fetch(replica_session, url)[0] == 404, url


def test_old_scheme_answers_on_www_and_news(replica_session: Replica) -> None:
    url = SEED_URLS["000_3d8e36136f418278"].replace("www.sxrb.com", "news.sxrb.com")
    assert fetch(replica_session, url)[0] == 200
    record = replica_session.record(url)
    assert record is not None and record["url"] == SEED_URLS["000_3d8e36136f418278"]


# --- URL schemes and ids --------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_every_article_url_is_in_the_sites_scheme(replica_session: Replica, site: str) -> None:
    urls = replica_session.urls(site)
    assert all(ARTICLE_URL[site].match(u) for u in urls), [
        u for u in urls if not ARTICLE_URL[site].match(u)][:3]
    for record in replica_session.truth(site):
        assert record["id"] == record_id(record["url"])
        assert "/BIG5/" not in record["url"]


def test_sxnews_schemes_hosts_nodes_and_ids(replica_session: Replica) -> None:
    model = replica_session.model("sxnews")
    gb, old = [], []
    for ref in model.refs():
        parts = urlsplit(ref.url)
        (gb if "/GB/" in parts.path else old).append((ref, parts))
    hosts = {p.hostname for _r, p in gb}
    assert {"news.sxrb.com", "xz.sxrb.com", "yc.sxrb.com", "photo.sxrb.com"} <= hosts
    depths = {p.path.count("/") - 2 for _r, p in gb}  # nodes between /GB/ and the id
    assert depths == {1, 2, 3}
    old_depths = {p.path.count("/") - 2 for _r, p in old}  # directories under /sxxww/
    assert {2, 3, 4} <= old_depths
    assert {p.hostname for _r, p in old} == {"www.sxrb.com", "news.sxrb.com", "sz.sxrb.com"}
    assert any(p.path.startswith("/sxxww/dspd/szpd/bwch/") for _r, p in old)
    # current ids: 9.4 - 10.3 million, rising with date across hosts; old: 7 digits
    gen_gb = sorted((r for r, _p in gb if r.key.startswith("gen:")), key=lambda r: r.when)
    assert gen_gb[0].num >= 9_400_000 and 10_000_000 < gen_gb[-1].num < 10_400_000
    assert [r.num for r in gen_gb] == sorted(r.num for r in gen_gb)
    assert all(1_000_000 <= r.num < 10_000_000 for r, _p in old)
    # the old era ends mid 2019, the current one starts there
    assert max(r.when for r, _p in old if r.key.startswith("gen:")) < datetime(
        2019, 7, 1, tzinfo=BEIJING) <= gen_gb[0].when


def test_fissico_ids_are_one_sequence_across_columns(replica_session: Replica) -> None:
    model = replica_session.model("fissico")
    refs = sorted((r for r in model.refs() if r.key.startswith("gen:")), key=lambda r: r.num)
    nums = [r.num for r in refs]
    seed_num = 58159
    assert nums == [n for n in range(nums[0], nums[-1] + 1) if n != seed_num]
    assert [r.when for r in refs] == sorted(r.when for r in refs)  # rising with date
    columns = {r.column for r in refs}
    assert {"xw/dzyw", "xw/jjgz", "xw/gxdt", "ly/kbmj", "ly/jpxl", "ly/lyzx", "zx/lyzx"} <= columns
    # each id lives in exactly one column: the others 404
    for ref in refs[:: len(refs) // 12]:
        for column in columns:
            url = f"http://fissico.com/html/{column}/{ref.num}.html"
            want = 200 if column == ref.column else 404
            assert fetch(replica_session, url)[0] == want, url


def test_shanxidayuan_ids_run_per_column(replica_session: Replica) -> None:
    model = replica_session.model("shanxidayuan")
    by_column: dict[str, list[int]] = collections.defaultdict(list)
    for ref in model.refs():
        if ref.key.startswith("gen:"):
            by_column[ref.column].append(ref.num)
    seeds = {r.num for r in model.seeds}
    for nums in by_column.values():
        nums.sort()
        assert [n for n in range(nums[0], nums[-1] + 1) if n not in seeds] == nums


@pytest.mark.parametrize("site", SITES)
def test_articles_serve_and_near_misses_404(replica_session: Replica, site: str) -> None:
    model = replica_session.model(site)
    refs = [r for r in model.refs() if r.key.startswith("gen:")]
    for ref in refs[:: max(1, len(refs) // 15)]:
        assert fetch(replica_session, ref.url)[0] == 200, ref.url
        base, _, leaf = ref.url.rpartition("/")
        num, ext = leaf.split(".")
        other_ext = "html" if ext == "shtml" else "shtml"
        for miss in (f"{base}/0{num}.{ext}", f"{base}/{num}.{other_ext}",
                     f"{base}/{num}/", f"{base}x/{num}.{ext}"):
            assert fetch(replica_session, miss)[0] == 404, miss
        if "/GB/" in ref.url:  # a GB article is on its own host only
            host = urlsplit(ref.url).hostname
            other = next(h for h in SXNEWS_GB_HOSTS if h != host)
            assert fetch(replica_session, ref.url.replace(host or "", other))[0] == 404
            assert fetch(replica_session, ref.url.replace(host or "", "www.sxrb.com"))[0] == 404


# --- articles split over several pages --------------------------------------------------------

HREFS = re.compile(r"""href=["']([^"'#]+)["']""")


def _paged(model: SiteModel, n: int = 2000) -> list[Any]:
    return [a for a in (model.article(model.ref(i)) for i in range(min(n, model.total)))
            if page_count(a) > 1]


@pytest.mark.parametrize("site", ["fissico", "sxnews"])
def test_multipage_articles_in_both_cms_styles(site: str) -> None:
    model = SiteModel(site, 2000)
    paged = _paged(model)
    text = [a for a in paged if a.family != "photo"]
    # A few per cent of articles, 2-6 pages, in every family that splits them.
    assert 0.01 * model.total <= len(text) <= 0.08 * model.total, len(text)
    assert {page_count(a) for a in text} == {2, 3, 4, 5, 6}
    want = {"fissico": {"kbcmw_a", "kbcmw_b", "dede_default", "dede_table"},
            "sxnews": {"pd2023", "pd2019"}}[site]
    assert {a.family for a in text} == want
    pager = {"fissico": r'<ul class="pagelist">', "sxnews": r'<div class="zdfy clearfix"><'}[site]
    for a in text[:12]:
        n = page_count(a)
        urls = [page_url(a, k) for k in range(1, n + 1)]
        assert urls[1] == a.url.replace(".html", "_2.html" if site == "fissico" else "-2.html")
        seen: list[str] = []
        for k in range(1, n + 1):
            html = article_html(a, page=k)
            assert re.search(pager, html), (a.url, k)
            linked = {urljoin(urls[k - 1], h) for h in HREFS.findall(html)}
            assert set(urls) - {urls[k - 1]} <= linked, (a.url, k)  # the pager names every page
            lines = set(shown_lines(encode_page(site, html)))
            mine = [b.text.clean for b in page_of(a, k).blocks if b.kind == "p" and b.text]
            assert mine and all(fold(p) in lines for p in mine), (a.url, k)
            assert not set(map(fold, mine)) & set(seen), (a.url, k)  # no paragraph twice
            seen += map(fold, mine)
        # The truth is one record: every page's text in order.
        body = [b.text.clean for b in a.blocks if b.kind in TEXT_KINDS and b.text]
        assert a.record["url"] == a.url and a.record["text"].endswith(body[-1])


def test_photo_galleries_are_one_photo_a_page_and_headline_only_truth() -> None:
    model = SiteModel("sxnews", 2000)
    galleries = [a for a in _paged(model) if a.family == "photo"]
    assert len(galleries) >= 20
    bare = [a for a in galleries if not any(b.kind in TEXT_KINDS for b in a.blocks)]
    assert len(bare) >= 5
    for a in galleries:
        pages = [page_of(a, k) for k in range(1, page_count(a) + 1)]
        assert all(sum(b.kind == "image" for b in p.blocks) == 1 for p in pages), a.url
    for a in bare:  # captions are not text: the record is the headline
        deck = [a.record["subtitle"]] if a.record["subtitle"] else []
        assert a.record["text"] == "\n\n".join([a.record["title"], *deck]), a.url


def test_pages_serve_in_the_sites_naming_only(replica_session: Replica) -> None:
    for site in ("fissico", "sxnews"):
        model = replica_session.model(site)
        a = _paged(model)[0]
        n = page_count(a)
        for k in range(2, n + 1):
            status, _h, body = fetch(replica_session, page_url(a, k))
            assert status == 200 and body == encode_page(site, article_html(a, page=k))
        sep, other = ("_", "-") if site == "fissico" else ("-", "_")
        stem = a.url.rsplit(".", 1)[0]
        for miss in (f"{stem}{sep}{n + 1}.html", f"{stem}{other}2.html", f"{stem}{sep}1.html",
                     f"{stem}{sep}02.html"):
            assert fetch(replica_session, miss)[0] == 404, miss
        assert not any(u.rsplit("/", 1)[1].count(sep) for u in replica_session.urls(site)
                       if "/html/" in u or "/GB/" in u)  # the truth names first pages only
        if site == "sxnews":  # a page's Traditional copy
            big5 = page_url(a, 2).replace("/GB/", "/BIG5/")
            assert fetch(replica_session, big5)[0] == 200


# --- BIG5 copies ---------------------------------------------------------------------------


def _gb_refs(model: SiteModel) -> list[Any]:
    out: dict[str, Any] = {}
    for i in range(model.total):
        ref = model.ref(i)
        if "/GB/" in ref.url:
            out.setdefault(model.article(ref).family, ref)
    return list(out.values())


def test_big5_copies_mirror_gb_articles(replica_session: Replica) -> None:
    model = replica_session.model("sxnews")
    refs = _gb_refs(model)
    assert {model.article(r).family for r in refs} == {"pd2023", "pd2019", "photo", "special"}
    for ref in refs:
        big5 = ref.url.replace("/GB/", "/BIG5/")
        status, headers, gb_body = fetch(replica_session, ref.url)
        assert status == 200 and headers["content-type"] == "text/html; charset=GB2312"
        gb_html = decode(headers, gb_body)
        assert f'href="{big5}">繁體</a>' in gb_html  # each GB page links its copy
        status, headers, body = fetch(replica_session, big5)
        assert status == 200 and headers["content-type"] == "text/html; charset=big5"
        html = body.decode("big5")  # strict: every character big5 lacks is an NCR
        assert "charset=big5" in html and "GB2312" not in html
        assert f'href="{ref.url}">簡體</a>' in html
        shown = set(shown_lines(body, headers["content-type"]))
        record = replica_session.record(big5)
        assert record == replica_session.record(ref.url) and record is not None
        assert record["url"] == ref.url  # one article, named by its GB URL
        for line in record["text"].split("\n\n"):
            assert fold(to_traditional(line)) in shown, line
        # the copy's links to GB pages of the site are BIG5 links too
        hrefs = [h for h, _t in links(big5, html) if urlsplit(h).hostname in SXNEWS_GB_HOSTS]
        assert hrefs and all("/GB/" not in h for h in hrefs if not h.startswith(ref.url))
    truth_urls = {r["url"] for r in replica_session.truth("sxnews")}
    assert not any("/BIG5/" in u for u in truth_urls)


def test_big5_copies_of_listings_and_homes(replica_session: Replica) -> None:
    for gb in ("http://news.sxrb.com/GB/index.html", "http://xz.sxrb.com/GB/index.html",
               "http://news.sxrb.com/GB/314064/index.html",
               "http://photo.sxrb.com/GB/321700/index.html",
               "http://special.sxrb.com/GB/318641/318818/318882/index.html"):
        status, headers, body = fetch(replica_session, gb)
        assert status == 200, gb
        status, bheaders, bbody = fetch(replica_session, gb.replace("/GB/", "/BIG5/"))
        assert status == 200 and bheaders["content-type"].endswith("big5")
        gb_lines = [fold(to_traditional(x)) for x in page_lines(body, headers["content-type"])]
        big5_lines = page_lines(bbody, bheaders["content-type"])
        assert len(gb_lines) == len(big5_lines)
        same = sum(a == b for a, b in zip(gb_lines, big5_lines, strict=True))
        assert same >= len(gb_lines) - 2  # all but the 繁體/简体 switch
    for url in ("http://www.sxrb.com/BIG5/index.html", "http://news.sxrb.com/BIG5/",
                "http://news.sxrb.com/BIG5/314064/1.html",
                "http://news.sxrb.com/BIG5/sxxww/xwpd/sxyw/index.shtml"):
        assert fetch(replica_session, url)[0] == 404, url


def test_big5_encoding_uses_character_references() -> None:
    body = big5_page('<meta content="text/html;charset=GB2312"><p>中国𠀋</p>',
                     "http://news.sxrb.com/GB/1/2.html")
    assert b"&#131083;" in body and b"charset=big5" in body
    assert page_text(body) == "中國𠀋"


# --- template families -----------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_each_family_is_drawn(site: str) -> None:
    _model, articles = gen_articles(site, 300)
    counts = collections.Counter(a.family for a in articles)
    assert set(counts) == FAMILIES[site], counts
    assert min(counts.values()) >= 5


def _first(site: str, family: str, n: int = 300, cond: Any = None) -> Any:
    model = SiteModel(site, n)
    for i in range(model.total):
        a = model.article(model.ref(i))
        if a.family == family and (cond is None or cond(a)):
            return a
    raise AssertionError(f"no {family} article")


def test_pd2023_template() -> None:
    a = _first("sxnews", "pd2023", cond=lambda a: a.subs and any(
        b.kind == "image" for b in a.blocks))
    today = "2031年7月4日 星期五"
    html = article_html(a, today=today)
    r = a.record
    assert f'<div class="jz">{a.title.shown}</div>' in html
    assert '<div id="rwb_zw"' in html and '<span id="rwb_navpath">' in html
    left1 = re.search(r'<div class="left1">(.*?)</div>', html)
    assert left1 and left1[1].startswith(a.published.strftime("%Y年%m月%d日%H:%M&nbsp;"))
    assert "来源：" in left1[1] and a.source.shown in left1[1]
    navpath = re.search(r'<span id="rwb_navpath">(.*?)</span>', html)
    assert navpath
    texts = re.findall(r">([^<]+)</a>", navpath[1])
    assert texts[0] == "山西新闻网" and texts[1:] == r["category"]
    assert f'<div class="editer clearfix">(责编：{r["editor"]})</div>' in html
    shown = page_lines(encode_page("sxnews", html), "text/html; charset=GB2312")
    assert shown[:2] == ["主流媒体 山西门户", today]  # slogan, then the date widget
    assert "分享到:" in " ".join(shown) and "推荐阅读" in shown and "网站声明" in shown
    assert today not in r["text"]
    assert '<div align="center"><img' in html and '<font color="#000080">' in html


def test_pd2023_source_inside_a_script_string() -> None:
    a = _first("sxnews", "pd2023", cond=lambda a: a.extra["source_in_script"])
    html = article_html(a)
    assert f"document.write('<a href=\"http://www.sxrb.com/\" target=\"_blank\">" \
           f"{a.source.shown}</a>')" in html
    assert a.record["source"] == a.source.clean


def test_pd2019_template() -> None:
    a = _first("sxnews", "pd2019", cond=lambda a: a.kicker and a.subs and
               "original_title" in a.extra)
    html = article_html(a)
    r = a.record
    assert '<h3 class="pre">' in html and '<h4 class="sub">' in html
    assert '<div class="title_o">' in html and "原标题：" in html
    assert "原标题" not in r["text"] and a.extra["original_title"].clean not in r["text"]
    # kicker first, then the subtitle lines; the text starts with the title
    assert r["subtitle"] == "\n".join([*(k.clean for k in a.kicker), *(s.clean for s in a.subs)])
    assert r["text"].startswith("\n\n".join([r["title"], *r["subtitle"].split("\n")]) + "\n\n")
    assert '<div class="box_con" id="p_content">' in html and "(责编：" in html
    assert 'id="today"' in html


def test_photo_and_special_templates() -> None:
    a = _first("sxnews", "photo")
    html = article_html(a)
    assert a.url.startswith("http://photo.sxrb.com/GB/")
    shown = page_lines(encode_page("sxnews", html))
    tag_line = next(x for x in shown if x.startswith("标签:"))
    assert tag_line.split(":", 1)[1].split() == a.record["tags"] and a.record["tags"]
    assert any(x.startswith("版权声明:视觉志稿件") for x in shown)
    assert sum(b.kind == "image" for b in a.blocks) >= 3
    s = _first("sxnews", "special", 600, lambda a: any(b.kind == "image" for b in a.blocks))
    html = article_html(s)
    assert s.url.startswith("http://special.sxrb.com/GB/318641/318818/318882/")
    assert "时 间 / 分 享 评 论" in page_text(html)
    assert s.record["published_at"] is None and "publishdate" not in html
    assert any(re.fullmatch(r"\d+\.jpg", x) for x in page_lines(html))  # file names as text


def test_video_items_have_no_text_body() -> None:
    model = SiteModel("sxnews", 3000)
    videos = [a for a in (model.article(model.ref(i)) for i in range(model.total))
              if any(b.kind == "video" for b in a.blocks)]
    assert videos
    for a in videos:
        assert a.record["text"] == "\n\n".join([a.record["title"], *(
            (a.record["subtitle"] or "").split("\n") if a.record["subtitle"] else [])])


def test_sxxww_template_original_and_mirror() -> None:
    model, articles = gen_articles("sxnews", 300)
    old = [a for a in articles if a.family == "sxxww"]
    mirrors = [a for a in old if a.extra["mirror"]]
    originals = [a for a in old if not a.extra["mirror"]]
    assert mirrors and originals
    for a in old:
        html = article_html(a)
        assert '<p class="art_tit">' in html and '<h3 class="art_info">' in html
        assert '<div class="art_txt">' in html
    m = mirrors[0]
    assert m.extra["spam"] and m.record["title"] == to_traditional(
        model.title_of(model.ref(int(m.key[4:]))))
    assert GLOSS.search(article_html(m)) and not GLOSS.search(m.record["text"])
    assert any("时间：" in article_html(a) for a in originals)  # fullwidth labels
    spaced = {bool(re.search(r"\d日 \d", a.extra["time"])) for a in originals}
    assert spaced == {True, False}


def test_fissico_templates_share_the_date_line() -> None:
    _model, articles = gen_articles("fissico", 300)
    for a in articles:
        html = article_html(a)
        line = f"{a.source.shown}&nbsp;&nbsp;&nbsp;&nbsp;{a.published:%Y年%m月%d日}"
        assert line in html, a.family
        assert a.record["source"] == a.source.clean and a.record["published_at"] == \
            a.published.date().isoformat()
        assert a.record["category"] == [c.clean for c in a.crumbs]
    sources = {a.record["source"] for a in articles}
    assert {"甘孜日報", "新華網", "本站原創", "川報觀察", "本網訊"} <= sources
    # A publication printed in 《》 is named without them (tests/fixtures/drift/README.md).
    assert "《甘孜日報》" in {a.source.shown for a in articles} and \
        not any("《" in s for s in sources)
    # 本网讯 opens the first paragraph of many articles, bylines stand above the body
    firsts = [next(b for b in a.blocks if b.kind == "p").text.clean for a in articles]
    assert sum(f.startswith("本網訊(記者 ") for f in firsts) > 50
    bylines = [b.text.clean for a in articles for b in a.blocks if b.kind == "byline"]
    assert any(x.startswith("■ 記者 ") and x.endswith("文/圖") for x in bylines)
    assert all(b.text.clean in a.record["text"].split("\n\n") for a in articles
               for b in a.blocks if b.kind == "byline")
    # dede_default and dede_table markup
    dd = next(a for a in articles if a.family == "dede_default")
    assert '<div class="viewbox">' in article_html(dd) and "/plus/count.php" in article_html(dd)
    dt = next(a for a in articles if a.family == "dede_table")
    assert '<td class="art_content" id="fontzoom">' in article_html(dt)


def test_fissico_glosses_vary_and_debris_leaves_the_record_clean() -> None:
    _model, articles = gen_articles("fissico", 300)
    density = []
    debris = 0
    for a in articles:
        shown = " ".join(b.text.shown for b in a.blocks if b.kind == "p" and b.text)
        density.append(len(re.findall(r"\([a-zü\u00e0-\u00fc\u0100-\u01dc]+\)", shown)) /
                       max(1, len(shown)))
        broken = re.findall(r"(?<![\u3400-\u9fff])\?[a-zü\u00e0-\u00fc\u0100-\u01dc]+\)", shown)
        if broken:
            debris += 1
        assert not GLOSS.search(a.record["text"]) and "?" not in a.record["text"]
    assert debris >= 10
    density.sort()
    assert density[len(density) // 10] < density[-len(density) // 10] / 2  # some far fewer


def test_shanxidayuan_templates() -> None:
    model, articles = gen_articles("shanxidayuan", 300)
    by = {f: [a for a in articles if a.family == f] for f in FAMILIES["shanxidayuan"]}
    for a in by["theme0"] + by["theme1"] + by["theme2"]:
        assert a.record["author"] and a.record["region"] and a.record["category"] == []
    d = by["dede"][0]
    html = article_html(d)
    assert '<h1 class="logo">' in html and f"<h2>{d.title.shown}</h2>" in html
    assert d.record["published_at"].endswith(":00+08:00") and d.record["region"] is None
    assert d.record["category"] == ["各市要闻", model.columns[d.column].name]
    assert "作者:" in page_text(html) and "关键词:" in page_text(html)
    p = by["pboot"][0]
    text = page_text(article_html(p))
    assert f"地区:{p.record['region']}" in text and f"作者:{p.record['author']}" in text
    assert f"时间:{p.published:%Y-%m-%d %H:%M:%S}" in text
    assert "标签:" + " ".join(p.record["tags"]) in text
    h = by["phpcms"][0]
    html = article_html(h)
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert h1 and h1[1].startswith(h.title.shown) and h.published.strftime("%Y-%m-%d") in h1[1]
    assert h.record["title"] == h.title.clean and h.record["source"]


AD_MARKUP = re.compile(r'class="(?:ad-inline|gg|adbox)"')


@pytest.mark.parametrize("site", SITES)
def test_every_family_varies_in_related_lists_images_ads_and_share_bars(site: str) -> None:
    _model, articles = gen_articles(site, 600)
    by_family: dict[str, list[Any]] = collections.defaultdict(list)
    for a in articles:
        by_family[a.family].append(a)
    for family, group in by_family.items():
        htmls = [article_html(a) for a in group[:60]]
        related = [a for a in group if a.related]
        assert len(related) > len(group) * 0.7, family
        assert len({len(a.related) for a in related}) >= 2, family
        for a, html in zip(group, htmls, strict=False):  # related titles come with dates
            for title, _url, date in a.related:
                assert title.shown in html and date in html
        assert any(a.captions for a in group), family
        assert any(b.credit for a in group for b in a.blocks if b.kind == "image"), family
        assert any(AD_MARKUP.search(h) for h in htmls), family
        # (special.sxrb.com's share bar is the bare 分 享 label of its info line)
        assert all("分享到" in h or (family == "special" and "分 享" in h) for h in htmls), family


def test_gb_pages_show_the_day_they_are_served(replica_session: Replica) -> None:
    model = replica_session.model("sxnews")
    ref = next(r for r in (model.ref(i) for i in range(model.total)) if "/GB/" in r.url)
    _s, headers, body = fetch(replica_session, ref.url)
    today = today_label()
    assert today == today_label(datetime.now(BEIJING))
    shown = page_lines(body, headers["content-type"])
    assert any(today in x for x in shown)
    assert ref.when.strftime("%Y年%-m月%-d日") not in today  # never the publication date
    _s, _h, old_body = fetch(replica_session, SEED_URLS["000_3d8e36136f418278"])
    assert today not in page_text(old_body)


# --- ground truth follows the drift README's rules ------------------------------------------


FOLDED = re.compile("[\uff01-\uff5e\u3000\u00a0]")


@pytest.mark.parametrize("site", SITES)
def test_truth_follows_the_rules(site: str) -> None:
    model, articles = gen_articles(site, 300)
    today = today_label()
    for a in articles + [model.article(r) for r in model.seeds]:
        r = a.record
        assert list(r) == ["id", "url", "site", "title", "subtitle", "published_at", "author",
                           "editor", "source", "region", "category", "tags", "text"]
        assert r["id"] == record_id(r["url"]) and r["site"] == site
        if a.key.startswith("seed:"):
            continue
        # every page of an article split over several
        htmls = [article_html(a, today=today, page=n) for n in range(1, page_count(a) + 1)]
        shown = {line for html in htmls for line in shown_lines(encode_page(site, html))}
        paras = r["text"].split("\n\n")
        assert all(p and p == p.strip() and "  " not in p for p in paras)
        assert not FOLDED.search(r["text"] + r["title"] + (r["subtitle"] or ""))
        assert not GLOSS.search(r["text"])
        # title, deck lines, then body text blocks in page order
        deck = r["subtitle"].split("\n") if r["subtitle"] else []
        body = [("• " if b.kind == "item" else "") + b.text.clean.replace(
            "\x00EMAIL\x00", b.email or "") for b in a.blocks if b.kind in TEXT_KINDS]
        assert paras == [r["title"], *deck, *body]
        for line in paras:  # every truth paragraph is visible on the page
            assert fold(line) in shown, (a.family, line)
        for other in a.captions + a.link_titles:  # never a caption or another headline
            assert other not in r["text"], (a.family, other)
        assert today not in r["text"]
        page = " ".join(shown)
        for key in ("editor", "author", "region"):
            assert r[key] is None or r[key] in page, key
        assert r["source"] is None or r["source"] in page or a.extra.get("source_in_script")
        if r["published_at"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+08:00)?", r["published_at"])
        assert not {"浏览文章", "瀏覽文章", "正文", "当前位置"} & set(r["category"])


def test_truth_api_is_the_records(replica_session: Replica) -> None:
    for site in SITES:
        status, body = control(replica_session, f"/_replica/truth?site={site}")
        records = [json.loads(x) for x in body.decode("utf-8").splitlines()]
        assert status == 200 and records == replica_session.truth(site)
        model = replica_session.model(site)
        assert records == [model.article(r).record for r in model.refs()]


# --- listings ---------------------------------------------------------------------------------

PAGE_FORM = {"sxdy": r"/list_2\.html$", "kbcmw": r"/list_\d+_2\.html$",
             "sxxww": r"/index_2\.shtml$", "gb": r"/index2\.html$"}


@pytest.mark.parametrize("site", SITES)
def test_listings_cover_every_article_exactly_once(replica_session: Replica, site: str) -> None:
    model = replica_session.model(site)
    seen: list[str] = []
    for key, col in model.columns.items():
        found, visited = listing_urls(replica_session, site, model.page_url(key, 1))
        assert all(model.ref_for_url(u).column == key for u in found)  # type: ignore[union-attr]
        when = [model.ref_for_url(u).when for u in found]  # type: ignore[union-attr]
        assert when == sorted(when, reverse=True)  # newest first
        seen += found
        if len(visited) > 1:  # the site's own pagination form
            assert re.search(PAGE_FORM[col.scheme], visited[1]), visited[1]
            assert len(found) > model.spec.page_size
    assert sorted(seen) == sorted(replica_session.urls(site))
    assert len(seen) == len(set(seen))


def test_listing_markup_per_scheme(replica_session: Replica) -> None:
    _s, h, body = fetch(replica_session, "http://news.sxrb.com/GB/314061/index.html")
    html = decode(h, body)
    items = re.findall(r'<li><h3><a href="([^"]+)"[^>]*>[^<]+</a></h3><p>[^<]+</p>'
                       r'<div class="tail">(\d{4}年\d\d月\d\d日\d\d:\d\d)</div></li>', html)
    assert len(items) == 20 and 'class="mod_bd"' in html and ">繁體</a>" in html
    _s, h, body = fetch(replica_session, "http://www.sxrb.com/sxxww/xwpd/gcdt/index.shtml")
    assert re.search(r'<ul class="list"><li><a href="[^"]+"[^>]*>[^<]+</a> <span class="date">',
                     decode(h, body))
    _s, h, body = fetch(replica_session, "http://fissico.com/html/xw/dzyw/")
    html = decode(h, body)
    assert '<ul class="e2">' in html and 'href="list_11_2.html">下一页' in html
    assert re.search(r'<li><a href="/html/xw/dzyw/\d+\.html" class="title">', html)
    assert fetch(replica_session, "http://fissico.com/html/xw/dzyw/list_11_1.html")[0] == 200
    assert fetch(replica_session, "http://fissico.com/html/xw/dzyw/list_12_2.html")[0] == 404
    assert fetch(replica_session, "http://fissico.com/html/xw/")[0] == 200  # section page
    assert fetch(replica_session, "http://news.sxrb.com/GB/314061/index1.html")[0] == 404
    assert fetch(replica_session, "http://news.sxrb.com/GB/314061/index99.html")[0] == 404
    assert fetch(replica_session, "http://www.shanxidayuan.com/gsyl/lzyl/list_99.html")[0] == 404


@pytest.mark.parametrize("site", SITES)
def test_homes_and_listings_reach_every_article(replica_session: Replica, site: str) -> None:
    """A crawl of home and listing pages (never articles, never BIG5) finds every article."""
    model = replica_session.model(site)
    start = {"shanxidayuan": "http://www.shanxidayuan.com/", "fissico": "http://fissico.com/",
             "sxnews": "http://www.sxrb.com/"}[site]
    queue, seen, articles = [start], {start}, set()
    while queue:
        url = queue.pop()
        status, headers, body = fetch(replica_session, url)
        assert status == 200, url
        for href, _text in links(url, decode(headers, body)):
            parts = urlsplit(href)
            if parts.hostname not in model.spec.hosts or "/BIG5/" in parts.path:
                continue
            if model.ref_for_url(href) is not None:
                articles.add(model.ref_for_url(href).url)  # type: ignore[union-attr]
            elif href not in seen and model.route(parts.hostname or "", parts.path) is not None:
                seen.add(href)
                queue.append(href)
    assert articles == set(replica_session.urls(site))


# --- generator ------------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_generator_is_deterministic_and_scales(site: str) -> None:
    big = SiteModel(site, 100_000)
    again = SiteModel(site, 100_000)
    start = time.monotonic()
    for i in (0, 1, 49_999, 99_998, 99_999):
        ref = big.ref(i)
        assert big.article(ref).record == again.article(again.ref(i)).record
        found = big.ref_for_url(ref.url)
        assert found is not None and found.key == f"gen:{i}"
    assert time.monotonic() - start < 5
    refs = [big.ref(i) for i in range(0, 100_000, 997)]
    assert all(a.when <= b.when for a, b in itertools.pairwise(refs))
    assert refs[-1].when.year - refs[0].when.year >= 5  # spread over years
    assert len({r.url for r in refs}) == len(refs)
    texts = [big.article(big.ref(i)).record["text"] for i in range(40)]
    assert len(set(texts)) == 40
    sizes = [len(t) for t in texts]
    assert min(sizes) > 30 and max(sizes) > 1000


def test_site_specific_records() -> None:
    fissico = SiteModel("fissico", 500)
    rec = fissico.article(fissico.ref(7)).record
    assert len(rec["published_at"]) == 10 and rec["category"][0] in ("新聞", "旅遊", "資訊", "文化")
    sxdy = SiteModel("shanxidayuan", 500)
    with_mail = sxdy.article(sxdy.ref(1))
    email = next(b.email for b in with_mail.blocks if b.email)
    assert email and email in with_mail.record["text"]
    html = article_html(with_mail)
    assert "[email&#160;protected]" in html
    assert email in page_text(html, decode_emails=True)
    assert email not in page_text(html)


def test_gbk_pages_decode_with_their_charset(replica_session: Replica) -> None:
    model = replica_session.model("sxnews")
    old = next(r for r in model.refs() if "/sxxww/" in r.url and r.key.startswith("gen:"))
    gb = next(r for r in model.refs() if "/GB/" in r.url)
    for ref, header in ((old, "text/html"), (gb, "text/html; charset=GB2312")):
        _status, headers, body = fetch(replica_session, ref.url)
        assert headers["content-type"] == header
        assert re.search(rb"charset=gb2312", body, re.I)
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        text = body.decode("gb18030")
        title = replica_session.record(ref.url)["title"]  # type: ignore[index]
        assert fold(title.split(":")[0]) in fold(text)


# --- conditional requests, growth and mutation ----------------------------------------------


def test_conditional_requests_get_304(replica: Replica) -> None:
    url = replica.urls("fissico")[10]
    status, headers, _ = fetch(replica, url)
    assert status == 200 and headers["etag"] and headers["last-modified"]
    assert fetch(replica, url, headers={"If-None-Match": headers["etag"]})[0] == 304
    assert fetch(replica, url, headers={"If-Modified-Since": headers["last-modified"]})[0] == 304
    replica.change(url)
    status, new_headers, _ = fetch(replica, url, headers={"If-None-Match": headers["etag"]})
    assert status == 200 and new_headers["etag"] != headers["etag"]


def test_grow_change_delete_update_the_truth(replica: Replica) -> None:
    before = {r["url"]: r for r in replica.truth("shanxidayuan")}
    new = replica.grow("shanxidayuan", 10)
    after = {r["url"]: r for r in replica.truth("shanxidayuan")}
    assert set(after) - set(before) == set(new) and len(new) == 10
    newest = max(before.values(), key=lambda r: r["published_at"])["published_at"]
    assert all(after[u]["published_at"] > newest for u in new)
    # the new ones head the listings
    found, _ = listing_urls(replica, "shanxidayuan", "http://www.shanxidayuan.com/gsyl/lzyl/")
    assert sorted(found) == sorted(u for u in after if "/lzyl/" in u)
    assert found[0] in new

    changed = new[0]
    old_text = after[changed]["text"]
    record = replica.change(changed)
    assert record["text"] != old_text and record["text"].startswith(old_text)
    _, headers, body = fetch(replica, changed)
    assert fold(record["text"].split("\n\n")[-1]) in page_text(body, headers["content-type"])

    gone = SEED_URLS["003_772341e518206225"]
    replica.delete(gone, status=410)
    assert fetch(replica, gone)[0] == 410
    assert gone not in {r["url"] for r in replica.truth("shanxidayuan")}
    found, _ = listing_urls(replica, "shanxidayuan", "http://www.shanxidayuan.com/gsyl/changzhi/")
    assert gone not in found
    assert sorted(found) == sorted(u for u in replica.urls("shanxidayuan") if "/changzhi/" in u)


def test_grow_adds_the_newest_on_the_current_schemes(replica: Replica) -> None:
    old_max = max(r.num for r in replica.model("fissico").refs())
    new = replica.grow("fissico", 12)
    nums = sorted(int(u.rsplit("/", 1)[1].split(".")[0]) for u in new)
    assert nums == list(range(old_max + 1, old_max + 13))  # the one sequence goes on
    before = {r["url"] for r in replica.truth("sxnews")}
    new = replica.grow("sxnews", 8)
    assert all("/GB/" in u for u in new) and not set(new) & before
    for url in new:
        assert fetch(replica, url)[0] == 200
        assert fetch(replica, url.replace("/GB/", "/BIG5/"))[0] == 200
        record = replica.record(url)
        assert record is not None and record["url"] == url
    host = urlsplit(new[-1]).hostname
    _s, headers, body = fetch(replica, f"http://{host}/GB/index.html")
    assert new[-1] in decode(headers, body) or host == "special.sxrb.com"


def test_delete_removes_the_big5_copy_too(replica: Replica) -> None:
    url = next(u for u in replica.urls("sxnews") if "/GB/" in u)
    replica.delete(url, 404)
    assert fetch(replica, url)[0] == 404
    assert fetch(replica, url.replace("/GB/", "/BIG5/"))[0] == 404
    assert replica.record(url) is None


def test_control_api(replica: Replica) -> None:
    status, body = control(replica, "/_replica/truth?site=fissico")
    records = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    assert status == 200 and len(records) == len(replica.urls("fissico"))
    status, body = control(replica, "/_replica/info")
    info = json.loads(body)
    assert status == 200 and info["sxnews"]["hosts"] and len(info["sxnews"]["eras"]) == 2
    status, body = control(replica, "/_replica/grow?site=fissico&n=3", "POST")
    urls = json.loads(body)["urls"]
    assert len(urls) == 3 and set(urls) <= set(replica.urls("fissico"))
    status, body = control(replica, "/_replica/mutate", "POST",
                           {"url": urls[0], "action": "delete", "status": 404})
    assert status == 200 and fetch(replica, urls[0])[0] == 404
    status, body = control(replica, "/_replica/mutate", "POST", {"url": urls[1]})
    assert status == 200 and json.loads(body)["version"] == 1
    status, _ = control(replica, "/_replica/faults", "POST",
                        {"name": "error", "url": urls[2], "times": 1})
    assert status == 200 and fetch(replica, urls[2])[0] == 503
    assert fetch(replica, urls[2])[0] == 200
    control(replica, "/_replica/faults", "POST", {"name": "clear"})
    assert control(replica, "/_replica/nonsense")[0] == 404


# --- faults --------------------------------------------------------------------------------


def test_faults_are_off_by_default(replica_session: Replica) -> None:
    for site in SITES:
        for url in replica_session.urls(site)[:5]:
            assert fetch(replica_session, url)[0] == 200


def test_fault_bursts_with_retry_after(replica: Replica) -> None:
    url = replica.urls("sxnews")[5]
    replica.fault("error", url=url, status=500, times=2, retry_after=3)
    assert [fetch(replica, url)[0] for _ in range(3)] == [500, 500, 200]
    replica.fault("ratelimit", url=url, times=1, retry_after=7)
    status, headers, _ = fetch(replica, url)
    assert status == 429 and headers["retry-after"] == "7"
    assert fetch(replica, url)[0] == 200


def test_global_fault_with_rate_touches_only_articles(replica: Replica) -> None:
    replica.fault("error", site="fissico", rate=0.5, times=1)
    urls = replica.urls("fissico")[:60]
    statuses = [fetch(replica, u)[0] for u in urls]
    assert 5 < statuses.count(503) < 55
    assert fetch(replica, "http://fissico.com/robots.txt")[0] == 200
    assert fetch(replica, "http://fissico.com/html/xw/dzyw/")[0] == 200
    replica.clear_faults()
    assert all(fetch(replica, u)[0] == 200 for u in urls[:10])


def test_global_fault_hits_big5_articles(replica: Replica) -> None:
    replica.fault("gone", site="sxnews")
    url = next(u for u in replica.urls("sxnews") if "/GB/" in u)
    assert fetch(replica, url.replace("/GB/", "/BIG5/"))[0] == 410
    assert fetch(replica, "http://news.sxrb.com/BIG5/index.html")[0] == 200


def test_fault_slow(replica: Replica) -> None:
    url = replica.urls("fissico")[1]
    replica.fault("slow", url=url, delay=0.5)
    start = time.monotonic()
    assert fetch(replica, url)[0] == 200
    assert time.monotonic() - start >= 0.5


def test_fault_truncate(replica: Replica) -> None:
    url = replica.urls("shanxidayuan")[2]
    replica.fault("truncate", url=url)
    status, headers, body = fetch(replica, url)
    assert status == 200 and headers.get("x-test-incomplete") == "1"
    assert len(body) < int(headers["content-length"])


def test_fault_wrong_charset(replica: Replica) -> None:
    url = replica.urls("sxnews")[2]
    replica.fault("wrong_charset", url=url, charset="utf-8")
    _status, headers, body = fetch(replica, url)
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "\ufffd" in body.decode("utf-8", "replace")


def test_fault_redirects(replica: Replica) -> None:
    url = replica.urls("fissico")[3]
    replica.fault("redirect_loop", url=url)
    status, headers, _ = fetch(replica, url)
    assert status == 302 and headers["location"] == url + "?r=1"
    status, headers, _ = fetch(replica, headers["location"])
    assert status == 302 and headers["location"] == url
    other = replica.urls("fissico")[4]
    replica.fault("redirect_offsite", url=other)
    status, headers, _ = fetch(replica, other)
    assert status == 302 and urlsplit(headers["location"]).hostname == "evil.example.com"


def test_fault_oversize_and_gzip_bomb(replica: Replica) -> None:
    url = replica.urls("sxnews")[6]
    replica.fault("oversize", url=url)
    status, headers, body = fetch(replica, url, timeout=30)
    assert status == 200 and len(body) > 16 * 1024 * 1024
    other = replica.urls("sxnews")[7]
    replica.fault("gzip_bomb", url=other, size=64 * 1024 * 1024)
    status, headers, body = fetch(replica, other)
    assert headers["content-encoding"] == "gzip" and len(body) < 1024 * 1024
    assert len(gzip.decompress(body)) == 64 * 1024 * 1024


def test_fault_binary_and_empty(replica: Replica) -> None:
    url, other = replica.urls("shanxidayuan")[8:10]
    replica.fault("binary", url=url)
    status, _, body = fetch(replica, url)
    assert status == 200 and len(body) == 4096
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    replica.fault("empty", url=other)
    status, headers, body = fetch(replica, other)
    assert status == 200 and body == b"" and headers["content-length"] == "0"


def test_fault_challenge_and_gone(replica: Replica) -> None:
    url, other = replica.urls("shanxidayuan")[10:12]
    replica.fault("challenge", url=url, status=403)
    status, headers, body = fetch(replica, url)
    assert status == 403 and b"Just a moment..." in body and headers["server"] == "cloudflare"
    replica.fault("gone", url=other)
    assert fetch(replica, other)[0] == 410


def test_fault_flaky_text_changes_every_visit(replica: Replica) -> None:
    url = replica.urls("fissico")[12]
    replica.fault("flaky_text", url=url)
    first = page_text(fetch(replica, url)[2])
    second = page_text(fetch(replica, url)[2])
    assert first != second
    last = replica.record(url)["text"].split("\n\n")[-1]  # type: ignore[index]
    assert fold(last) in GLOSS.sub("", second)


def test_replica_command_imports_the_replica_lazily() -> None:
    source = Path(ROOT / "crawler" / "commands" / "replica.py").read_text("utf-8")
    tree = ast.parse(source)
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not any(isinstance(n, ast.ImportFrom) and (n.module or "").startswith("replica")
                   for n in top)
    assert "from replica import Replica" in source
