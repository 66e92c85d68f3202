"""The site replicas: seed pages, proxy behaviour, listings, generator, faults."""

from __future__ import annotations

import gzip
import http.client
import itertools
import json
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import GOLDEN_DIR, SEEDS_DIR
from w3lib.encoding import html_to_unicode

from crawler.extract.render import render_text
from crawler.replica import Replica
from crawler.replica.generator import seed_data
from crawler.replica.model import SiteModel
from crawler.replica.pages import article_html, encode_page
from crawler.textnorm import GLOSS_RE, fold_line
from crawler.urls import record_id

SITES = ("shanxidayuan", "fissico", "sxnews")
SEED_URLS = {name: seed["url"] for name, seed in seed_data().items()}


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


def listing_urls(replica: Replica, first: str) -> tuple[list[str], list[str]]:
    """Follow 下一页 from a listing's first page: (article URLs, listing URLs)."""
    import re

    found: list[str] = []
    visited: list[str] = []
    url: str | None = first
    while url:
        visited.append(url)
        status, headers, body = fetch(replica, url)
        assert status == 200, url
        html = html_to_unicode(headers.get("content-type"), body)[1]
        found += re.findall(r'<li><a href="([^"]+)"', html)
        nxt = re.search(r'<a href="([^"]+)">下一页</a>', html)
        url = nxt.group(1) if nxt else None
        assert len(visited) < 1000
    return found, visited


# --- seed pages -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SEED_URLS))
def test_seed_page_renders_to_the_seed(replica_session: Replica, name: str) -> None:
    status, _headers, body = fetch(replica_session, SEED_URLS[name])
    assert status == 200
    want = lines((SEEDS_DIR / f"{name}.txt").read_text("utf-8"))
    assert lines(render_text(body)) == want


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
    site = golden["site"]
    assert record in replica_session.truth(site)


def test_seed_002_through_proxy_like_curl(replica_session: Replica) -> None:
    status, _, body = fetch(replica_session, "http://www.shanxidayuan.com/gsyl/lzyl/10077.html")
    assert status == 200
    assert "韦韬主持召开市疫情防控工作领导小组第139次会议" in body.decode("utf-8")


# --- proxy ---------------------------------------------------------------------------


def test_other_hosts_get_502_and_binding_is_loopback_only(replica_session: Replica) -> None:
    for url in ("http://example.com/", "http://127.0.0.1/", "http://sxrb.com.evil.com/",
                "https://fissico.com/"):
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
    assert time.monotonic() - start < 5


def test_robots_home_and_404(replica_session: Replica) -> None:
    for host in ("http://www.shanxidayuan.com", "http://fissico.com", "http://www.sxrb.com"):
        status, _, body = fetch(replica_session, host + "/robots.txt")
        assert status == 200 and b"Disallow" in body
        assert fetch(replica_session, host + "/")[0] == 200
    assert fetch(replica_session, "http://www.shanxidayuan.com/gsyl/lzyl/1.html")[0] == 404
    assert fetch(replica_session, "http://fissico.com/html/xw/dzyw/12.html")[0] == 404
    assert fetch(replica_session, "http://www.sxrb.com/sxxww/xwpd/gcdt/77.shtml")[0] == 404


def test_news_sxrb_alias(replica_session: Replica) -> None:
    url = SEED_URLS["000_3d8e36136f418278"].replace("www.sxrb.com", "news.sxrb.com")
    assert fetch(replica_session, url)[0] == 200


# --- listings -------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_listings_cover_every_article_exactly_once(replica_session: Replica, site: str) -> None:
    model = replica_session.model(site)
    seen: list[str] = []
    for column in model.spec.columns:
        first = model.spec.listing_format.format(column=column)
        found, visited = listing_urls(replica_session, first)
        seen += found
        if len(visited) > 1:  # the site's own pagination form
            second = visited[1]
            assert {"shanxidayuan": "list_2.html", "fissico": "?page=2",
                    "sxnews": "index_2.shtml"}[site] in second
    assert sorted(seen) == sorted(replica_session.urls(site))
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("site", SITES)
def test_listings_are_newest_first_with_dates(replica_session: Replica, site: str) -> None:
    import re

    model = replica_session.model(site)
    for column in model.spec.columns:
        _status, headers, body = fetch(replica_session,
                                      model.spec.listing_format.format(column=column))
        html = html_to_unicode(headers.get("content-type"), body)[1]
        dates = re.findall(r'<span class="date">([^<]+)</span>', html)
        assert len(dates) == 20
        assert dates == sorted(dates, reverse=True)
        assert "下一页" in html and ">2</a>" in html


# --- generator -----------------------------------------------------------------------------


@pytest.mark.parametrize("site", SITES)
def test_generator_is_deterministic_and_scales(site: str) -> None:
    big = SiteModel(site, 100_000)
    again = SiteModel(site, 100_000)
    start = time.monotonic()
    for i in (0, 1, 49_999, 99_998, 99_999):
        ref = big.ref(i)
        assert big.article(ref).record == again.article(again.ref(i)).record
        found = big.find(urlsplit(ref.url).path)
        assert found is not None and found.key == f"gen:{i}"
    assert time.monotonic() - start < 5
    refs = [big.ref(i) for i in range(0, 100_000, 997)]
    assert all(a.when <= b.when for a, b in itertools.pairwise(refs))
    assert refs[-1].when.year - refs[0].when.year >= 5  # spread over years
    assert len({r.url for r in refs}) == len(refs)
    texts = [big.article(big.ref(i)).record["text"] for i in range(40)]
    assert len(set(texts)) == 40
    sizes = [len(t) for t in texts]
    assert min(sizes) > 200 and max(sizes) > 1000


def test_site_specific_records() -> None:
    fissico = SiteModel("fissico", 500)
    rec = fissico.article(fissico.ref(7)).record
    assert len(rec["published_at"]) == 10 and rec["category"][0] == "新聞"
    served = fissico.article(fissico.ref(7)).served
    assert GLOSS_RE.search(served["paragraphs"][1]) and not GLOSS_RE.search(rec["text"])
    sx = SiteModel("sxnews", 500)
    mirrors = [sx.article(sx.ref(i)) for i in range(3, 40, 5)]
    assert all(a.served["mirror"] and a.served["spam"] for a in mirrors)
    assert any(a.record["subtitle"] for a in (sx.article(sx.ref(i)) for i in range(40)))
    sxdy = SiteModel("shanxidayuan", 500)
    with_mail = sxdy.article(sxdy.ref(1))
    assert with_mail.served["email"] and with_mail.served["email"] in with_mail.record["text"]
    html = article_html(with_mail)
    assert "[email&#160;protected]" in html
    assert with_mail.served["email"] in render_text(html, decode_emails=True)
    assert with_mail.served["email"] not in render_text(html)


@pytest.mark.parametrize("site", SITES)
def test_generated_pages_show_the_truth(site: str) -> None:
    """Every template variant shows the record's text lines (plus, at most, 广告)."""
    model = SiteModel(site, 300)
    variants = set()
    for i in range(12):
        article = model.article(model.ref(i))
        variants.add(article.variant)
        html = encode_page(site, article_html(article))
        shown = lines(render_text(html, decode_emails=True))
        shown = [GLOSS_RE.sub("", line) for line in shown]
        for line in lines(article.record["text"]):
            assert fold_line(line) in shown, (i, line)
        # ads inside the content show as nothing or as a lone 广告 line
        assert all(x == "广告" for x in shown if "广告" in x)
    assert len(variants) >= 2


def test_gbk_page_decodes_with_its_meta_charset(replica_session: Replica) -> None:
    url = replica_session.urls("sxnews")[4]
    _status, headers, body = fetch(replica_session, url)
    assert "charset" not in headers["content-type"]
    assert b'content="text/html; charset=gb2312"' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    encoding, text = html_to_unicode(headers["content-type"], body)
    assert encoding in ("gb18030", "gbk", "gb2312") and "\ufffd" not in text
    title = replica_session.record(url)["title"]  # type: ignore[index]
    assert title.split(":")[0] in fold_line(text)


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
    found, _ = listing_urls(replica, "http://www.shanxidayuan.com/gsyl/lzyl/")
    assert sorted(found) == sorted(u for u in after if "/lzyl/" in u)

    changed = new[0]
    old_text = after[changed]["text"]
    record = replica.change(changed)
    assert record["text"] != old_text and record["text"].startswith(old_text)
    _, _, body = fetch(replica, changed)
    assert record["text"].split("\n\n")[-1] in render_text(body)

    gone = SEED_URLS["003_772341e518206225"]
    replica.delete(gone, status=410)
    assert fetch(replica, gone)[0] == 410
    assert gone not in {r["url"] for r in replica.truth("shanxidayuan")}
    found, _ = listing_urls(replica, "http://www.shanxidayuan.com/gsyl/changzhi/")
    assert gone not in found
    assert sorted(found) == sorted(u for u in replica.urls("shanxidayuan") if "/changzhi/" in u)


def test_control_api(replica: Replica) -> None:
    status, body = control(replica, "/_replica/truth?site=fissico")
    records = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    assert status == 200 and len(records) == len(replica.urls("fissico"))
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
    assert "\ufffd" in html_to_unicode(headers["content-type"], body)[1]


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
    first = render_text(fetch(replica, url)[2])
    second = render_text(fetch(replica, url)[2])
    assert first != second
    assert replica.record(url)["text"].split("\n\n")[-1] in GLOSS_RE.sub("", second)  # type: ignore[index]
