"""Units of crawler.fetch and the decoder: Retry-After, bot checks, failure
reasons, bytes over headers. The same cases against the replica, in real
crawls: tests/reliability/test_server_faults.py."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from helpers import project_crawler
from scrapy import Request
from scrapy.core.downloader import Slot
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from crawler.exceptions import ChallengePage, HostBackedOff, RedirectLoop
from crawler.extract.decode import ExtractionError, decode_body
from crawler.fetch.backoff import HostBackoffMiddleware, challenge_reason, retry_after_seconds
from crawler.fetch.outcomes import failure_reason, is_deferred, is_settled

PAGE = ("<html><head><meta charset=\"gb2312\"><title>太原召开会议_山西新闻网</title></head>"
        "<body><p>今天太原市召开了全市经济工作会议，讨论明年的发展目标。</p></body></html>")


@pytest.mark.parametrize("header", ["koi8-r", "iso-8859-5", "iso-8859-1", "windows-1251"])
def test_a_single_byte_header_charset_loses_to_the_meta_and_gb18030(header: str) -> None:
    text, encoding = decode_body(PAGE.encode("gbk"), f"text/html; charset={header}")
    assert "太原市召开了全市经济工作会议" in text
    assert encoding == "gb18030"


def test_a_page_that_is_not_chinese_in_any_reading_is_mojibake() -> None:
    russian = "<html><body><p>" + "Сегодня в городе прошло совещание. " * 20 + "</p></body></html>"
    with pytest.raises(ExtractionError, match="mojibake"):
        decode_body(russian.encode("koi8-r"), "text/html; charset=koi8-r")


def test_an_ascii_page_is_not_judged_by_its_letters() -> None:
    assert decode_body(b"<html><body>404</body></html>", "text/html; charset=koi8-r")[0]


def test_retry_after_in_seconds_and_as_an_http_date() -> None:
    now = datetime(2026, 12, 2, 3, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(b"10") == 10.0
    assert retry_after_seconds("Wed, 02 Dec 2026 03:01:30 GMT", now) == 90.0
    assert retry_after_seconds("Wed, 02 Dec 2026 02:00:00 GMT", now) == 0.0  # past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def response(status: int, body: bytes = b"<html></html>",
             headers: dict[str, str] | None = None) -> Response:
    return HtmlResponse("http://fissico.com/html/xw/dzyw/1.html", status=status, body=body,
                        headers=headers or {}, request=Request("http://fissico.com/html/xw/dzyw/1.html"))


def test_challenges_are_told_from_plain_errors() -> None:
    page = b"<html><head><title>Just a moment...</title></head><body>_cf_chl_opt</body></html>"
    assert challenge_reason(response(503, page)) == "markers"
    assert challenge_reason(response(403, b"x", {"cf-mitigated": "challenge"})) == \
        "cf-mitigated"
    assert challenge_reason(response(503)) is None  # an overloaded server, retried
    assert challenge_reason(response(200, page)) is None  # an article that quotes one


def middleware(**settings: object) -> HostBackoffMiddleware:
    return HostBackoffMiddleware.from_crawler(
        project_crawler(BACKOFF_CHALLENGE_LIMIT=2, **settings))


def test_a_challenge_is_not_retried_and_enough_of_them_leave_the_host() -> None:
    mw = middleware()
    request = Request("http://fissico.com/html/xw/dzyw/1.html")
    challenge = response(503, b"x", {"cf-mitigated": "challenge"})
    for _ in range(2):
        with pytest.raises(ChallengePage):
            mw.process_response(request, challenge)
    with pytest.raises(HostBackedOff):
        mw.process_request(Request("http://fissico.com/html/xw/dzyw/2.html"))
    mw.process_request(Request("http://www.sxrb.com/GB/1.html"))  # other hosts go on
    assert mw.stats is not None
    assert mw.stats.get_value("backoff/challenge") == 2
    assert mw.stats.get_value("backoff/host_backed_off") == 1


def test_requests_waiting_in_the_slot_of_a_host_it_leaves_fail_at_once() -> None:
    """A request past ``process_request`` waits in the host's download slot for
    the slot's delay, doubled by every bot check (up to BACKOFF_MAX_DELAY):
    when the host is left it fails at once with ``HostBackedOff`` instead of
    going to the host a minute later and holding the run open meanwhile
    (seen in test_a_host_that_keeps_challenging_is_left_alone: 80 s idle)."""
    mw = middleware()
    slot = Slot(concurrency=1, delay=30.0, jitter=0)
    downloader = SimpleNamespace(slots={"fissico.com": slot},
                                 get_slot_key=lambda request: "fissico.com")
    mw.crawler.engine = SimpleNamespace(downloader=downloader)
    waiting: Deferred[Response] = Deferred()
    elsewhere: Deferred[Response] = Deferred()  # another host sharing the slot (per-IP slots)
    slot.queue.append((Request("http://fissico.com/html/xw/dzyw/3.html"), waiting))
    slot.queue.append((Request("http://www.fissico.com/html/xw/dzyw/4.html"), elsewhere))
    failures: list[Failure] = []
    waiting.addErrback(failures.append)
    request = Request("http://fissico.com/html/xw/dzyw/1.html")
    challenge = response(503, b"x", {"cf-mitigated": "challenge"})
    with pytest.raises(ChallengePage):
        mw.process_response(request, challenge)
    assert not failures and len(slot.queue) == 2  # one bot check: the host is kept
    with pytest.raises(ChallengePage):
        mw.process_response(request, challenge)
    assert [f.type for f in failures] == [HostBackedOff]
    assert [r.url for r, _ in slot.queue] == ["http://www.fissico.com/html/xw/dzyw/4.html"]
    assert not elsewhere.called
    assert mw.stats is not None
    assert mw.stats.get_value("backoff/deferred") == 1


def test_a_retry_after_beyond_the_limit_leaves_the_host() -> None:
    mw = middleware(BACKOFF_MAX_RETRY_AFTER=60)
    request = Request("http://fissico.com/html/xw/dzyw/1.html")
    assert mw.process_response(request, response(429, headers={"Retry-After": "30"})).status == 429
    with pytest.raises(HostBackedOff):
        mw.process_response(request, response(429, headers={"Retry-After": "3600"}))


def test_failure_reasons_and_what_they_mean_for_the_frontier() -> None:
    gone = HttpError(response(410), "gone")
    cases = [(gone, "http_410", True, False),
             (HttpError(response(500), "error"), "http_500", False, False),
             (ChallengePage("x"), "challenge", False, True),
             (RedirectLoop("x"), "redirect_loop", True, False),
             (IgnoreRequest("Forbidden by robots.txt"), "robots_forbidden", True, False),
             (DownloadTimeoutError("t"), "timeout", False, False)]
    for exc, reason, settled, deferred in cases:
        assert (failure_reason(exc), is_settled(exc), is_deferred(exc)) == \
            (reason, settled, deferred), exc
