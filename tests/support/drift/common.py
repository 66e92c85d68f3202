"""What every drift-corpus generator shares: the seed-format folding of
expected strings, the record builder and the fixture writer.

The rules are those of tests/fixtures/drift/README.md and SEED_FORMAT.md; they
are written here once, independently of the crawler's own code, so that the
expected records do not inherit the crawler's assumptions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
DRIFT_DIR = ROOT / "tests" / "fixtures" / "drift"
SITES = ("shanxidayuan", "fissico", "sxnews")
RECORD_KEYS = ("id", "url", "site", "title", "subtitle", "published_at", "author", "editor",
               "source", "region", "category", "tags", "text")
CHARSETS = ("utf-8", "gbk", "gb18030", "big5")
PUBLISHED = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}\+08:00)?")
SERVED = re.compile(r"http://(?:www\.shanxidayuan\.com|(?:www\.)?fissico\.com|"
                    r"(?:[a-z0-9-]+\.)*sxrb\.com)/\S+")

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_SPACES = {0x00A0: " ", 0x3000: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x09: " "}
_ZERO_WIDTH = {0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}


def fold(text: str) -> str:
    """One line as the seed format keeps it: fullwidth ASCII forms to ASCII,
    odd spaces to spaces, runs of spaces to one, trimmed."""
    text = text.translate({**_FULLWIDTH, **_SPACES, **_ZERO_WIDTH})
    return re.sub(r" {2,}", " ", text).strip()


_WEEK = "一二三四五六日"


def today_widget(y: int, m: int, d: int) -> str:
    """A top bar's date of the day the page was served: 2025年6月2日 星期一."""
    return f"{y}年{m}月{d}日 星期{_WEEK[dt.date(y, m, d).weekday()]}"


@cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified to Traditional (OpenCC s2t), as the Traditional copies serve it."""
    return str(_s2t().convert(text))

def parse_body(block: str) -> list[list[str]]:
    """Body lines: ``## subhead``, ``@img file | caption | credit``, ``* item``, else a
    paragraph; a line starting with ``~`` continues the line before it."""
    out: list[list[str]] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if line.startswith("~"):
            out[-1][-1] += line[1:]
        elif line.startswith("## "):
            out.append(["h", line[3:]])
        elif line.startswith("@img "):
            parts = [p.strip() for p in line[5:].split("|")] + ["", ""]
            out.append(["img", *parts[:3]])
        elif line.startswith("* "):
            out.append(["li", line[2:]])
        elif line:
            out.append(["p", line])
    return out


def body_paragraphs(body: list[list[str]]) -> list[str]:
    return [("• " + b[1]) if b[0] == "li" else b[1] for b in body if b[0] != "img"]


def record_id(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def record(*, url: str, site: str, title: str, paragraphs: list[str],
           subtitle: list[str] | None = None, published_at: str | None = None,
           author: str | None = None, editor: str | None = None, source: str | None = None,
           region: str | None = None, category: list[str] | None = None,
           tags: list[str] | None = None) -> dict[str, Any]:
    """The expected record; ``text`` is built from title, subtitle lines and
    paragraphs, every piece folded. Pass the strings as the page prints them
    (fullwidth punctuation and all): folding happens here."""
    if site not in SITES:
        raise ValueError(f"unknown site {site!r}")
    subs = [fold(s) for s in subtitle or [] if fold(s)]
    paras = [fold(p) for p in paragraphs if fold(p)]
    head = fold(title)
    return {
        "id": record_id(url), "url": url, "site": site, "title": head,
        "subtitle": "\n".join(subs) or None, "published_at": published_at,
        "author": fold(author) if author else None, "editor": fold(editor) if editor else None,
        "source": fold(source) if source else None, "region": fold(region) if region else None,
        "category": [fold(c) for c in category or []], "tags": [fold(t) for t in tags or []],
        "text": "\n\n".join([head, *subs, *paras]),
    }


@dataclass
class Fixture:
    family: str
    number: int  # NN in the file name, unique within the family
    served_url: str
    html: str
    charset: str
    expected: dict[str, Any]
    content_type: str = "text/html"
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return f"{self.number:02d}_{self.expected['site']}"

    def check(self) -> None:
        if self.charset not in CHARSETS:
            raise ValueError(f"{self.family}/{self.stem}: charset {self.charset!r}")
        if list(self.expected) != list(RECORD_KEYS):
            raise ValueError(f"{self.family}/{self.stem}: record keys out of order")
        published = self.expected["published_at"]
        if published is not None and not PUBLISHED.fullmatch(published):
            raise ValueError(f"{self.family}/{self.stem}: published_at {published!r}")
        if not SERVED.fullmatch(self.served_url):
            raise ValueError(f"{self.family}/{self.stem}: served_url {self.served_url!r}")
        self.html.encode(self.charset)  # strict: a character the charset lacks is an error


def write(fixtures: list[Fixture]) -> list[Path]:
    """Write each fixture's page bytes and JSON, and remove the files of the
    same families that no fixture names any more; returns the paths written."""
    written: list[Path] = []
    stems: set[tuple[str, str]] = set()
    for fx in fixtures:
        fx.check()
        if (fx.family, fx.stem) in stems:
            raise ValueError(f"duplicate fixture {fx.family}/{fx.stem}")
        stems.add((fx.family, fx.stem))
        folder = DRIFT_DIR / fx.family
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / f"{fx.stem}.html"
        page.write_bytes(fx.html.encode(fx.charset))
        meta = {"served_url": fx.served_url, "family": fx.family, "charset": fx.charset,
                "content_type": fx.content_type, "note": fx.note, **fx.extra,
                "expected": fx.expected}
        (folder / f"{fx.stem}.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written += [page, folder / f"{fx.stem}.json"]
    for family in {fx.family for fx in fixtures}:
        for stale in (DRIFT_DIR / family).glob("*.*"):
            if stale not in written and stale.suffix in {".html", ".json"}:
                stale.unlink()
    return written
