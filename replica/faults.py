"""Fault switches: per article URL or global, off by default.

A fault is a name and parameters. ``FaultBoard.pick(url)`` returns the fault to
apply to one request: a per-URL switch first, then a global one (which only
touches article pages, and with ``rate`` < 1 only a stable subset of them).
"Burst" faults (``error``, ``ratelimit``, ``challenge``) fail the first
``times`` requests of each URL and then let it through, as a server under
load or a bot check would.

Two faults are states of a whole site (``site=``, default every site) rather
than answers to one request: ``missing`` (what a URL that names no page
answers) and ``template_switch``, a site moving to a new template. From its
``from`` on, the site's generated articles are rendered in a template family
none of the site descriptions' selectors knows (``pages.switched_page``:
``div.article-con`` body, ``h1.article-title`` headline, info line
``发布日期：YYYY/MM/DD　来源：…　作者：…`` with no time of day) and their truth
changes with them (``generator.switched``: ``published_at`` the date alone,
no editor, region or tags). ``from`` is either a date/time (ISO 8601,
Beijing time when it names no offset: ``2026-01-01`` or ``2026-01-01T08:00``),
switching every generated article dated at or after it (grown ones included;
fissico dates are days), or a generated article's index (an int: 0 the oldest,
``SiteModel.total`` the next one grown, so ``from=total`` switches exactly the
articles grown from then on). Default ``0``: the whole site. Seeds keep their
pages. Setting it again moves ``from``; ``clear`` switches back.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

BEIJING = timezone(timedelta(hours=8))

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
    # For the whole site (``site=``): a new template family from ``from`` on
    # (a date/time or an article index; see the module's docstring).
    "template_switch": {"from": 0},
}
BURSTS = frozenset({"error", "ratelimit", "challenge"})


@dataclass
class Fault:
    name: str
    params: dict[str, Any]
    rate: float = 1.0


def switch_from(value: Any) -> datetime | int:
    """``template_switch``'s ``from``: an article index (an int, or a string of
    digits) or an aware date/time (ISO 8601; Beijing time when it has no offset)."""
    if isinstance(value, bool):
        raise ValueError(f"template_switch: from={value!r} is neither a date nor an index")
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        index = int(value)
        if index < 0:
            raise ValueError(f"template_switch: from={value!r}: an index is >= 0")
        return index
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"template_switch: from={value!r} is neither an ISO date/time "
                             "nor an article index") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)


@dataclass
class FaultBoard:
    per_url: dict[str, Fault] = field(default_factory=dict)
    global_: dict[str, Fault] = field(default_factory=dict)  # site ("*" = all) -> fault
    missing: dict[str, str] = field(default_factory=dict)  # site -> how a missing page answers
    templates: dict[str, datetime | int] = field(default_factory=dict)  # site -> switch's from
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
        if name == "template_switch" and (url or rate != 1.0):
            raise ValueError("template_switch is the state of a whole site (site=), not of "
                             "a URL or a share of pages")
        since = switch_from(fault.params["from"]) if name == "template_switch" else 0
        with self.lock:
            if name == "missing":
                self.missing[site] = str(fault.params["style"])
            elif name == "template_switch":
                self.templates[site] = since
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
                self.templates.clear()
            self.hits.clear()

    def template_from(self, site: str) -> datetime | int | None:
        """Where the template switch starts on ``site`` (``None``: not switched)."""
        with self.lock:
            return self.templates.get(site, self.templates.get("*"))

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
                "templates": {s: {"name": "template_switch", "from": v if isinstance(v, int)
                                  else v.isoformat()} for s, v in self.templates.items()},
            }


def parse_fault(spec: str) -> tuple[str, float, dict[str, Any]]:
    """``NAME[@RATE][:k=v,...]`` -> (name, rate, params). Values that read as
    numbers are numbers; the first ``:`` ends the name, so a value may hold
    more (``template_switch:site=sxnews,from=2026-01-02T08:00``)."""
    head, colon, rest = spec.partition(":")
    name, _, rate = head.partition("@")
    params: dict[str, Any] = {}
    for item in rest.split(",") if colon else ():
        key, eq, value = item.partition("=")
        if not eq or not key.strip():
            raise ValueError(f"{item!r} is not key=value")
        params[key.strip()] = number(value.strip())
    try:
        share = float(rate or 1)
    except ValueError:
        raise ValueError(f"rate {rate!r} is not a number") from None
    return name.strip(), share, params


def number(value: str) -> Any:
    """A parameter's value: an int or a float when it reads as one, else the text."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value
