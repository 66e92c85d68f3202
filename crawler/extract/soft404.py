"""Error pages served as pages ("soft 404s"): a deleted article that answers
200 with a CMS's 系统提示 box, a server's error page or the site's own
"page not found" page in its chrome.

Two independent signals, both on the parsed page:

- **Rules** (``crawler.extract.rules``: ``ERROR_PHRASES`` per CMS family and
  ``ERROR_TITLE``): the page's title, headings or non-chrome text say it is
  an error page, *and* the page holds almost no prose. The second condition
  is what keeps a real article that quotes "页面不存在" from ever being taken
  for one.
- **Learned**: the fingerprint of what the site itself answers for a URL that
  certainly does not exist (``crawler.state.errorpages`` fetches one per site
  and run). A page with the same fingerprint is that error page, whatever it
  says.
"""

from __future__ import annotations

import hashlib
import re

from crawler.extract import rules as X
from crawler.extract.decode import ExtractionError
from crawler.extract.dom import PageDom
from crawler.textnorm import fold_line

# An error page's message is a sentence or two: this much prose (the
# extractor's prose weight, about one per CJK character of sentence text
# outside links) outside the page's chrome at most. Measured: the replica's
# eight error page styles hold 0 to 36; the least an article page holds is
# 110 in the drift corpus and 60.4 in the real saved pages (a Toutiao page);
# only listings hold less. Below the limit a page still needs an error title
# or phrase, which no article page here has (tests/unit/test_soft404.py).
ERROR_MAX_PROSE = 60.0
# What varies between two answers of one error page: the URL or id echoed
# back, a time or counter. Left out of the fingerprint.
VOLATILE = re.compile(r"[A-Za-z]+://\S+|[\d\s]+")
TITLE_SEP = re.compile(r"\s*(?:[_|\-–—]|::)\s*")


class ErrorPage(ExtractionError):
    """A page that says the article does not exist: ``how`` is the signal
    (``phrase:<family>``, ``title``, ``learned``)."""

    def __init__(self, how: str) -> None:
        super().__init__("soft_404")
        self.how = how


def _outside_chrome(page: PageDom) -> list[int]:
    return [n for n, line in enumerate(page.lines) if not line.kind]


def _titles(page: PageDom) -> list[str]:
    """The <title>'s parts (the site's name is one of them) and the headings."""
    out = [part for part in TITLE_SEP.split(page.title_tag) if part]
    for heading in page.root.iter("h1", "h2"):
        text = fold_line(" ".join(heading.itertext()))
        if text:
            out.append(text)
    return out


def error_page_how(page: PageDom) -> str | None:
    """How the rules tell that ``page`` is an error page, or ``None``."""
    kept = _outside_chrome(page)
    if sum(page.prose[n] for n in kept) > ERROR_MAX_PROSE:
        return None
    titles = _titles(page)
    if any(X.ERROR_TITLE.match(title) for title in titles):
        return "title"
    text = "\n".join([*titles, *(page.lines[n].text for n in kept)])
    for family, phrase in X.ERROR_FAMILIES.items():
        if phrase.search(text):
            return f"phrase:{family}"
    return None


def page_fingerprint(page: PageDom) -> str:
    """What one error page looks like whichever missing URL it answers: its
    title and its text outside the chrome (all of it if that is empty), with
    URLs, digits and spacing left out."""
    kept = _outside_chrome(page) or range(len(page.lines))
    text = "\n".join([page.title_tag, *(page.lines[n].text for n in kept)])
    return hashlib.sha1(VOLATILE.sub("", text).encode("utf-8")).hexdigest()[:20]


def check_page(page: PageDom, learned: frozenset[str] = frozenset()) -> None:
    """Raise :class:`ErrorPage` when ``page`` is an error page."""
    if learned and page_fingerprint(page) in learned:
        raise ErrorPage("learned")
    how = error_page_how(page)
    if how is not None:
        raise ErrorPage(how)
