"""Fault switches: per article URL or global, off by default.

A fault is a name and parameters. ``FaultBoard.pick(url)`` returns the fault to
apply to one request: a per-URL switch first, then a global one (which only
touches article pages, and with ``rate`` < 1 only a stable subset of them).
"Burst" faults (``error``, ``ratelimit``, ``challenge``) fail the first
``times`` requests of each URL and then let it through, as a server under
load or a bot check would.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any

# name -> default parameters
FAULTS: dict[str, dict[str, Any]] = {
    "slow": {"delay": 2.0},  # sleep before answering
    "error": {"status": 503, "times": 2, "retry_after": 1},  # 5xx burst
    "ratelimit": {"status": 429, "times": 2, "retry_after": 1},  # 429 burst, Retry-After
    "truncate": {"fraction": 0.5},  # Content-Length promises more than is sent
    "wrong_charset": {"charset": "iso-8859-1"},  # header names the wrong charset
    "redirect_loop": {},  # 302 -> same URL with ?r=1 -> back: never ends
    "redirect_offsite": {"location": "http://evil.example.com/landing.html"},
    "oversize": {"size": 17 * 1024 * 1024},  # more than DOWNLOAD_MAXSIZE (16 MiB)
    "gzip_bomb": {"size": 256 * 1024 * 1024},  # tiny gzip body, huge when inflated
    "binary": {"size": 4096},  # random bytes served as text/html
    "empty": {},  # 200 with no body
    "challenge": {"status": 503, "times": 1_000_000},  # Cloudflare "Just a moment..."
    "flaky_text": {},  # the article's text changes on every visit
    "gone": {"status": 410},  # like delete(), but as a switch
    # A deleted article as real CMSs answer it (replica.errors): an error page
    # sent with 200 in the style of a CMS family or of the site itself ...
    "soft_404": {"style": "dedecms"},
    # ... or a redirect: to the site's home, the article's listing, a search
    # page, or (``to`` an article URL) the article's new address.
    "redirect": {"to": "home", "status": 302},
    # For the whole site (``site=``): what a URL that names no page answers:
    # an error page style, ``home`` (a redirect there) or ``404`` (the default).
    "missing": {"style": "site"},
}
BURSTS = frozenset({"error", "ratelimit", "challenge"})


@dataclass
class Fault:
    name: str
    params: dict[str, Any]
    rate: float = 1.0


@dataclass
class FaultBoard:
    per_url: dict[str, Fault] = field(default_factory=dict)
    global_: dict[str, Fault] = field(default_factory=dict)  # site ("*" = all) -> fault
    missing: dict[str, str] = field(default_factory=dict)  # site -> how a missing page answers
    hits: dict[tuple[str, str], int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def make(name: str, rate: float = 1.0, **params: Any) -> Fault:
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(FAULTS))}")
        return Fault(name, {**FAULTS[name], **params}, rate)

    def set(self, name: str, url: str | None = None, site: str = "*", rate: float = 1.0,
            **params: Any) -> None:
        fault = self.make(name, rate, **params)
        with self.lock:
            if name == "missing":
                self.missing[site] = str(fault.params["style"])
            elif url:
                self.per_url[url] = fault
            else:
                self.global_[site] = fault

    def clear(self, url: str | None = None) -> None:
        with self.lock:
            if url:
                self.per_url.pop(url, None)
            else:
                self.per_url.clear()
                self.global_.clear()
                self.missing.clear()
            self.hits.clear()

    def pick(self, url: str, site: str, is_article: bool) -> Fault | None:
        with self.lock:
            fault = self.per_url.get(url)
            if fault is None and is_article:
                fault = self.global_.get(site) or self.global_.get("*")
                if fault is not None and fault.rate < 1.0:
                    bucket = int(hashlib.sha1(url.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
                    if bucket >= fault.rate:
                        return None
            if fault is None:
                return None
            if fault.name in BURSTS:
                key = (fault.name, url)
                seen = self.hits.get(key, 0)
                self.hits[key] = seen + 1
                if seen >= int(fault.params["times"]):
                    return None
            return fault

    def describe(self) -> dict[str, Any]:
        with self.lock:
            return {
                "per_url": {u: {"name": f.name, **f.params} for u, f in self.per_url.items()},
                "global": {s: {"name": f.name, "rate": f.rate, **f.params}
                           for s, f in self.global_.items()},
                "missing": dict(self.missing),
            }
