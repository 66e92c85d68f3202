"""The replica server: an HTTP forward proxy on 127.0.0.1 for the three sites,
plus a control API, and :class:`Replica` to run it in-process.

Proxy requests carry an absolute URI (``GET http://fissico.com/... HTTP/1.1``),
which is what Scrapy and curl send to an ``http_proxy``. Those for one of the
sites' hosts get the site's page; every other host gets 502. Requests with a
plain path are addressed to the server itself: ``/_replica/...`` is the control
and ground-truth API (a site host in ``Host:`` is also served, for direct use).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import random
import re
import threading
import time
import traceback
from collections.abc import Iterable
from datetime import datetime
from email.utils import formatdate, parsedate_to_datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from replica import errors, pages
from replica import generator as G
from replica.faults import FaultBoard, number
from replica.model import HOST_SITE, SPECS, SXNEWS_GB_HOSTS, Ref, SiteModel
from replica.templates import CHALLENGE_PAGE

BIND_HOST = "127.0.0.1"  # never another interface: this is a test double of the web
CHUNK = 1 << 20


@cache
def gzip_bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        zeros = b"\0" * CHUNK
        for _ in range(size // CHUNK):
            gz.write(zeros)
    return buf.getvalue()


class ReplicaState:
    """Everything the handler threads share."""

    def __init__(self, articles: int, base: int | None = None) -> None:
        self.sites = {name: SiteModel(name, articles, base) for name in SPECS}
        self.faults = FaultBoard()
        self.requests = 0
        self.hits: list[tuple[float, str]] = []  # (time.monotonic(), absolute URL) of each request
        self.lock = threading.Lock()

    def set_fault(self, name: str, url: str | None = None, site: str = "*",
                  rate: float = 1.0, **params: Any) -> None:
        self.faults.set(name, url=url, site=site, rate=rate, **params)
        self._sync_templates()

    def clear_faults(self, url: str | None = None) -> None:
        self.faults.clear(url)
        self._sync_templates()

    def _sync_templates(self) -> None:
        # The template switch changes pages and truth alike, so the models
        # (which build both) hold it; the board is where it is set.
        for name, model in self.sites.items():
            model.switch_template(self.faults.template_from(name))

    def model_for_url(self, url: str) -> SiteModel | None:
        site = HOST_SITE.get(urlsplit(url).hostname or "")
        return self.sites.get(site) if site else None

    def ref_for_url(self, url: str) -> tuple[SiteModel, Ref] | None:
        model = self.model_for_url(url)
        ref = model.ref_for_url(url) if model else None
        return (model, ref) if model and ref else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a crawl makes thousands of requests
    # Without TCP_NODELAY a keep-alive response waits ~40 ms for the client's delayed
    # ACK; the ``slow`` fault is the only delay the replica means to add.
    disable_nagle_algorithm = True
    server_version = "nginx"
    sys_version = ""

    def version_string(self) -> str:
        return "nginx"
    state: ReplicaState  # set on the subclass the server is built with

    def log_message(self, format: str, *args: Any) -> None:
        pass  # thousands of requests per test; the control API reports what matters

    # --- plumbing -------------------------------------------------------------

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: Iterable[tuple[str, str]] = (), length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _json(self, data: Any, status: int = 200) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"),
                   "application/json; charset=utf-8")

    def _body_json(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return {}
        try:
            data = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return {}
        return data if isinstance(data, dict) else {}

    def do_CONNECT(self) -> None:
        self._send(502, b"replica: CONNECT (https) is not served\n", "text/plain")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        self._guarded(post=True)

    def handle(self) -> None:
        # A client killed between requests (the kill tests) is not a replica error.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def do_GET(self) -> None:
        self._guarded(post=False)

    def _guarded(self, post: bool) -> None:
        try:
            self._dispatch(post)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away mid-answer
        except Exception as exc:
            # A bug in the replica must show as a 500 the tests can see, not as a
            # dropped connection that looks like a network fault.
            traceback.print_exc()
            self._send(500, f"replica error: {exc!r}\n".encode(), "text/plain")

    def _dispatch(self, post: bool) -> None:
        target = self.path
        with self.state.lock:
            self.state.requests += 1
            self.state.hits.append((time.monotonic(), target))
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            host = (parts.hostname or "").lower()
            if parts.scheme != "http" or host not in HOST_SITE:
                self._send(502, f"replica: no route to {host or '?'}\n".encode(), "text/plain")
                return
            self._site(HOST_SITE[host], host, parts.path or "/", parts.query)
            return
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        if host in HOST_SITE:
            parts = urlsplit(target)
            self._site(HOST_SITE[host], host, parts.path or "/", parts.query)
        elif target.startswith("/_replica/"):
            self._control(post)
        else:
            self._send(404, b"replica: use me as an http_proxy, or /_replica/...\n",
                       "text/plain")

    # --- the sites ------------------------------------------------------------

    def _site(self, site: str, host: str, path: str, query: str) -> None:
        model = self.state.sites[site]
        host = model.canonical_host(host)
        url = f"http://{host}{path}" + (f"?{query}" if query else "")
        bare_url = f"http://{host}{path}"
        route = model.route(host, path) if path != "/robots.txt" else None
        ref = route.ref if route is not None and route.kind == "article" else None
        fault = self.state.faults.pick(url, site, ref is not None) or (
            self.state.faults.pick(bare_url, site, ref is not None) if query else None)
        if fault is not None and self._fault(fault, site, url, bare_url, model, ref,
                                             route is not None and route.big5,
                                             route.page if route is not None else 1):
            return
        if path == "/robots.txt":
            self._send(200, pages.ROBOTS[site].encode(), "text/plain")
            return
        if route is None:
            section = re.fullmatch(r"/html/([a-z]+)/(?:index\.html)?", path)
            found = pages.section_html(model, section[1]) if site == "fissico" and section \
                else None
            if found is not None:
                self._page(site, found)
            elif not self._missing(site, host, model):
                self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>")
            return
        if ref is not None:
            self._article(model, ref, big5=route.big5, page=route.page)
            return
        gb = site == "sxnews" and host in SXNEWS_GB_HOSTS
        if route.kind == "home":
            html: str | None = pages.home_html(model, host)
        else:
            assert route.column is not None
            html = pages.listing_html(model, route.column.key, route.page)
        if html is None:
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>")
        elif route.big5:
            self._send(200, pages.big5_page(html, f"http://{host}{route.gb_path}"),
                       pages.BIG5_CONTENT_TYPE)
        else:
            self._page(site, html, "gb" if gb else None)

    def _page(self, site: str, html: str, family: str | None = None) -> None:
        self._send(200, pages.encode_page(site, html), pages.content_type(site, family))

    def _article_body(self, model: SiteModel, ref: Ref, big5: bool,
                      page: int = 1) -> tuple[bytes, str]:
        article = model.article(ref)
        html = pages.article_html(article, page=page)
        if big5:
            return pages.big5_page(html, G.page_url(article, page)), pages.BIG5_CONTENT_TYPE
        return pages.encode_page(model.name, html), pages.article_content_type(article)

    def _article(self, model: SiteModel, ref: Ref, charset: str | None = None,
                 big5: bool = False, page: int = 1) -> None:
        status = model.deleted.get(ref.url)
        if status:
            self._send(status, f"<html><body><h1>{status}</h1></body></html>".encode())
            return
        body, ctype = self._article_body(model, ref, big5, page)
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        modified = model.last_modified(ref)
        validators = [("ETag", etag), ("Last-Modified", formatdate(modified, usegmt=True)),
                      ("Cache-Control", "max-age=600")]
        if self._not_modified(etag, modified):
            self.send_response(304)
            for name, value in validators:
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if charset:
            ctype = f"text/html; charset={charset}"
        self._send(200, body, ctype, validators)

    def _not_modified(self, etag: str, modified: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return int(modified) <= parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _fault(self, fault: Any, site: str, url: str, bare_url: str, model: SiteModel,
               ref: Ref | None, big5: bool = False, page: int = 1) -> bool:
        """Apply a fault; ``True`` when the response has been sent."""
        p, name = fault.params, fault.name
        if name == "slow":
            time.sleep(float(p["delay"]))
            return False
        if name in ("error", "ratelimit"):
            self._send(int(p["status"]), f"<html><body>{p['status']}</body></html>".encode(),
                       headers=[("Retry-After", str(p["retry_after"]))])
            return True
        if name == "challenge":
            self._send(int(p["status"]), CHALLENGE_PAGE.encode(), headers=[
                ("Server", "cloudflare"), ("CF-RAY", "7a1b2c3d4e5f6789-HKG"),
                ("cf-mitigated", "challenge")])
            return True
        if name == "gone":
            self._send(int(p["status"]), b"<html><body>Gone</body></html>")
            return True
        if name == "soft_404":
            self._error_page(str(p["style"]), site, model)
            return True
        if name == "redirect":
            to = str(p["to"])
            self._send(int(p["status"]), b"", headers=[
                ("Location", self._redirect_target(to, site, url, model, ref))])
            return True
        if name == "redirect_loop":
            target = bare_url if url != bare_url else bare_url + "?r=1"
            self._send(302, b"", headers=[("Location", target)])
            return True
        if name == "redirect_offsite":
            self._send(302, b"", headers=[("Location", str(p["location"]))])
            return True
        if name == "empty":
            self._send(200, b"")
            return True
        if name == "binary":
            self._send(200, random.Random(url).randbytes(int(p["size"])))
            return True
        if name == "gzip_bomb":
            self._send(200, gzip_bomb(int(p["size"])), headers=[("Content-Encoding", "gzip")])
            return True
        if name == "oversize":
            size = int(p["size"])
            self._send(200, b"", length=size)
            if self.command != "HEAD":
                head = b"<html><body><p>" + b"x" * (CHUNK - 15)
                self.wfile.write(head)
                sent, filler = len(head), b" " * CHUNK
                while sent < size:
                    chunk = filler[: min(CHUNK, size - sent)]
                    self.wfile.write(chunk)
                    sent += len(chunk)
            return True
        if ref is None:
            return False
        if name == "flaky_text":
            model.change(ref.url)
            return False
        if name == "wrong_charset":
            self._article(model, ref, charset=str(p["charset"]), big5=big5, page=page)
            return True
        if name == "truncate":
            body, ctype = self._article_body(model, ref, big5, page)
            cut = body[: int(len(body) * float(p["fraction"]))]
            self._send(200, b"", ctype, length=len(body))
            if self.command != "HEAD":
                self.wfile.write(cut)
            self.close_connection = True  # the client sees the connection end short
            return True
        return False

    def _error_page(self, style: str, site: str, model: SiteModel) -> None:
        nav = {model.page_url(key, 1): pages.column_name(model, key)
               for key in list(model.columns)[:8]}
        self._send(200, errors.error_page(style, site, nav).encode("utf-8"))

    def _missing(self, site: str, host: str, model: SiteModel) -> bool:
        """A URL that names no page, answered as the site's ``missing`` fault
        says; ``False`` when it is a plain 404."""
        style = self.state.faults.missing.get(site) or self.state.faults.missing.get("*")
        if style is None or style == "404":
            return False
        if style == "home":
            self._send(302, b"", headers=[("Location", f"http://{host}/")])
        else:
            self._error_page(style, site, model)
        return True

    @staticmethod
    def _redirect_target(to: str, site: str, url: str, model: SiteModel,
                         ref: Ref | None) -> str:
        host = urlsplit(url).netloc
        if to == "home":
            return f"http://{host}/"
        if to == "listing" and ref is not None:
            return model.page_url(ref.column, 1)
        if to == "search":
            return f"http://{host}/search.php?q=" + urlsplit(url).path.rsplit("/", 1)[-1]
        return to  # an absolute URL: the article's new address

    # --- control API ------------------------------------------------------------

    def _control(self, post: bool) -> None:
        parts = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if post:
            q.update({k: str(v) if not isinstance(v, str) else v
                      for k, v in self._body_json().items()})
        action = parts.path[len("/_replica/"):].strip("/")
        site = q.get("site", "")
        state = self.state
        try:
            if action == "info":
                self._json({s: {"articles": sum(1 for _ in m.refs()) if m.n <= 5000 else None,
                                "generated": m.total, "base": m.n, "grown": m.grown,
                                "columns": list(m.spec.columns),
                                "seeds": [r.url for r in m.seeds], **m.info}
                            for s, m in state.sites.items()} | {"requests": state.requests})
            elif action in ("truth", "urls") and not post:
                model = state.sites[site]
                if action == "urls":
                    out = "".join(r.url + "\n" for r in model.refs()).encode()
                    self._send(200, out, "text/plain; charset=utf-8")
                else:
                    out = "".join(json.dumps(rec, ensure_ascii=False) + "\n"
                                  for rec in model.truth()).encode("utf-8")
                    self._send(200, out, "application/x-ndjson; charset=utf-8")
            elif action == "grow" and post:
                self._json({"urls": state.sites[site].grow(int(q.get("n", "10")))})
            elif action == "mutate" and post:
                found = state.ref_for_url(q["url"])
                if found is None:
                    self._json({"error": "no such article"}, 404)
                    return
                model, ref = found
                if q.get("action", "change") == "delete":
                    model.delete(ref.url, int(q.get("status", "404")))
                    self._json({"url": ref.url, "deleted": int(q.get("status", "404"))})
                else:
                    version = model.change(ref.url)
                    self._json({"url": ref.url, "version": version,
                                "record": model.record(ref)})
            elif action == "faults":
                if post:
                    name = q.pop("name", "")
                    url = q.pop("url", None) or None
                    if name == "clear":
                        state.clear_faults(url)
                    else:
                        rate = float(q.pop("rate", "1"))
                        fsite = q.pop("site", "*")
                        params = {k: number(v) for k, v in q.items()}
                        state.set_fault(name, url=url, site=fsite, rate=rate, **params)
                self._json(state.faults.describe())
            else:
                self._json({"error": f"unknown control request {action!r}"}, 404)
        except (KeyError, ValueError) as exc:
            self._json({"error": f"{exc.__class__.__name__}: {exc}"}, 400)


class ReplicaServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class Replica:
    """The three sites in-process: ``Replica(articles=500).start()``; ``.port``;
    point ``http_proxy`` at ``.proxy_url``; ``.stop()`` (or use ``with``).

    ``base`` (default ``articles``) fixes the sites' layout; the articles past
    it are grown ones, as :meth:`grow` adds them, so ``Replica(articles=N,
    base=B)`` for a rising N is one site growing (see ``replica.model``)."""

    def __init__(self, articles: int = 200, port: int = 0, base: int | None = None) -> None:
        self.state = ReplicaState(articles, base)
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ReplicaServer((BIND_HOST, port), handler)
        self.thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def proxy_url(self) -> str:
        return f"http://{BIND_HOST}:{self.port}"

    def start(self) -> Replica:
        self.thread = threading.Thread(target=self.server.serve_forever, name="replica",
                                       kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()
        return self

    def serve_forever(self) -> None:
        self.server.serve_forever()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        if self.thread:
            self.thread.join(timeout=5)

    def __enter__(self) -> Replica:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- ground truth and mutations ----------------------------------------------

    def model(self, site: str) -> SiteModel:
        return self.state.sites[site]

    def truth(self, site: str) -> list[dict[str, Any]]:
        """Every live article's expected clean record."""
        return list(self.model(site).truth())

    def urls(self, site: str) -> list[str]:
        return [r.url for r in self.model(site).refs()]

    def record(self, url: str) -> dict[str, Any] | None:
        found = self.state.ref_for_url(url)
        if found is None or found[1].url in found[0].deleted:
            return None
        return found[0].record(found[1])

    def grow(self, site: str, n: int = 10) -> list[str]:
        """``n`` new articles, newest of the site; returns their URLs."""
        return self.model(site).grow(n)

    def change(self, url: str) -> dict[str, Any]:
        """Change an article's text (a paragraph is added); returns the new record."""
        found = self.state.ref_for_url(url)
        if found is None:
            raise KeyError(url)
        found[0].change(found[1].url)
        return found[0].record(found[1])

    def delete(self, url: str, status: int = 404) -> None:
        found = self.state.ref_for_url(url)
        if found is None:
            raise KeyError(url)
        found[0].delete(found[1].url, status)

    def fault(self, name: str, url: str | None = None, site: str = "*", rate: float = 1.0,
              **params: Any) -> None:
        """Switch a fault on for one URL, or for all (or ``rate`` of) article pages
        (``template_switch``'s ``from`` is a keyword: see :meth:`switch_template`)."""
        self.state.set_fault(name, url=url, site=site, rate=rate, **params)

    def switch_template(self, site: str = "*", since: str | datetime | int = 0) -> None:
        """The ``template_switch`` fault: ``site``'s generated articles from
        ``since`` on (a date/time, or an index: ``model(site).total`` is the
        next one grown) in a new template family, their truth with them."""
        params: dict[str, Any] = {"from": since}
        self.fault("template_switch", site=site, **params)

    def clear_faults(self, url: str | None = None) -> None:
        self.state.clear_faults(url)

    @property
    def requests(self) -> int:
        return self.state.requests

    def hits(self, host: str | None = None) -> list[tuple[float, str]]:
        """``(time.monotonic(), URL)`` of every request so far (of ``host`` only)."""
        with self.state.lock:
            hits = list(self.state.hits)
        return [h for h in hits if host is None or urlsplit(h[1]).hostname == host]
