"""Deterministic article generator: (site, index, version) -> one article.

Nothing is stored: every article is rebuilt from ``random.Random`` streams
seeded by its site and index, so 100,000 articles per site cost nothing until
asked for.

An :class:`Article` is a set of *pieces*: the headline, deck lines, body blocks
(paragraphs, subheads, bylines, list items, images with captions and credits,
ads, page-split markers), breadcrumb, labelled fields, related lists. Every
text piece is a :class:`Txt` that holds both its clean form (what the record
keeps: script as served, ASCII punctuation, no glosses) and its shown form
(fullwidth punctuation, pinyin glosses, gloss debris). The page renderers in
``pages`` only ever print ``.shown``; :func:`record_of` builds the expected
record only from ``.clean`` of the same pieces, following the drift corpus'
rules (tests/fixtures/drift/README.md): title, deck lines, then the body's text
blocks; never captions, credits, related titles, chrome or the date widget.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import opencc

from replica import phrases as P

BEIJING = timezone(timedelta(hours=8))
RECORD_KEYS = ("id", "url", "site", "title", "subtitle", "published_at", "author", "editor",
               "source", "region", "category", "tags", "text")
# Where the e-mail of a body paragraph goes; replaced by a Cloudflare-obfuscated
# link in HTML and by the plain address in the record.
EMAIL_MARK = "\x00EMAIL\x00"
# The seeds' pages were written with this table (kept so their HTML stays as it was).
_FULLWIDTH_SEED = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})
_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？",
                            "(": "（", ")": "）"})
TEXT_KINDS = frozenset({"p", "sub", "byline", "item"})


def record_id(url: str) -> str:
    """A record's id: the first 16 hex digits of SHA-256 of its canonical URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=8192)
def _s2t_cached(text: str) -> str:
    return str(_s2t().convert(text))


def to_traditional(text: str) -> str:
    if not text:
        return text
    if len(text) <= 80:  # headlines, crumbs, labels: the same ones again and again
        return _s2t_cached(text)
    return str(_s2t().convert(text))


def to_traditional_many(texts: list[str]) -> list[str]:
    """Several texts in one OpenCC call (paragraphs hold no newline)."""
    if not texts:
        return []
    out = str(_s2t().convert("\n".join(texts))).split("\n")
    assert len(out) == len(texts)
    return out


def fullwidth(text: str) -> str:
    """Chinese pages print CJK punctuation fullwidth; the seed format folds it back."""
    return text.translate(_FULLWIDTH)


def fullwidth_seed(text: str) -> str:
    return text.translate(_FULLWIDTH_SEED)


@cache
def seed_data() -> dict[str, dict[str, Any]]:
    path = resources.files("replica").joinpath("seeds.json")
    data: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return data


@cache
def gloss_tables() -> dict[str, dict[str, str]]:
    """Per-site character -> toned pinyin: the glosses the seeds show (plus a few
    more of the same kind for fissico.com)."""
    toned = r"[a-zü\u00e0-\u00fc\u0100-\u01dc]+"
    tables: dict[str, dict[str, str]] = {}
    for seed in seed_data().values():
        blob = json.dumps(seed, ensure_ascii=False)
        found = dict(re.findall(rf"([\u3400-\u9fff])\(({toned})\)", blob))
        if found:
            tables.setdefault(seed["site"], {}).update(found)
    tables.setdefault("fissico", {}).update(
        {k: v for k, v in P.EXTRA_GLOSSES.items() if k not in tables["fissico"]})
    return tables


@lru_cache(maxsize=256)
def _gloss_map(site: str, keep: frozenset[str] | None) -> dict[int, str]:
    table = gloss_tables().get(site, {})
    return {ord(ch): f"{ch}({py})" for ch, py in table.items() if keep is None or ch in keep}


def add_glosses(text: str, site: str, keep: frozenset[str] | None = None) -> str:
    """The mirrors' pinyin glosses: listed characters (or those in ``keep``) gain ``(pīnyīn)``."""
    return text.translate(_gloss_map(site, keep))


def cf_encode(email: str, key: int) -> str:
    """Cloudflare's ``data-cfemail``: a key byte, then each byte XORed with it."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in email.encode("utf-8"))


# --- Pieces -------------------------------------------------------------------------


@dataclass(frozen=True)
class Txt:
    """One piece of text: ``clean`` as the record keeps it, ``shown`` as the page prints it."""

    clean: str
    shown: str


@dataclass(frozen=True)
class Block:
    """One block of an article body.

    ``kind``: ``p`` paragraph, ``sub`` bold subhead, ``byline`` (a byline line at
    the top), ``item`` (a list item), ``image`` (``text`` is its caption, may be
    ``None``; ``credit`` its photo credit), ``ad``, ``split`` (an empty page-split
    marker) or ``video`` (a player, no text). Only the first four are article text.
    """

    kind: str
    text: Txt | None = None
    credit: Txt | None = None
    src: str = ""
    email: str | None = None  # the address behind EMAIL_MARK in ``text``


@dataclass(frozen=True)
class Link:
    """Another article as a page links to it (title in Simplified, as generated)."""

    title: str
    url: str
    when: datetime
    shown_title: str | None = None  # the linked page's own headline (prev/next links)


@dataclass(frozen=True)
class Nav:
    prev: Link | None = None
    next: Link | None = None
    related: tuple[Link, ...] = ()  # same column, older
    hot: tuple[Link, ...] = ()  # the site, older


@dataclass
class Article:
    """One article: its pieces, how it is rendered (``family``/``variant``) and its record."""

    site: str
    column: str
    num: int
    url: str
    published: datetime
    family: str
    variant: int
    key: str  # "gen:<index>" or "seed:<name>"; names the article in faults/mutations
    title: Txt
    kicker: tuple[Txt, ...] = ()  # 引题 above the headline
    subs: tuple[Txt, ...] = ()  # 副题 lines below it
    blocks: tuple[Block, ...] = ()
    crumbs: tuple[Txt, ...] = ()  # breadcrumb below the site's own name
    author: Txt | None = None
    editor: Txt | None = None
    source: Txt | None = None
    region: Txt | None = None
    tags: tuple[Txt, ...] = ()
    published_at: str | None = None
    related: tuple[tuple[Txt, str, str], ...] = ()  # (title, url, date label)
    hot: tuple[tuple[Txt, str, str], ...] = ()
    prev: tuple[Txt, str] | None = None
    next: tuple[Txt, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=dict)

    @property
    def captions(self) -> list[str]:
        """Caption and credit texts (clean) of the body's images: never record text."""
        out = []
        for b in self.blocks:
            if b.kind == "image":
                out += [t.clean for t in (b.text, b.credit) if t is not None]
        return out

    @property
    def link_titles(self) -> list[str]:
        """Titles (clean) of the other articles the page links to."""
        titles = [t.clean for t, _u, _d in (*self.related, *self.hot)]
        titles += [x[0].clean for x in (self.prev, self.next) if x is not None and x[0].clean]
        return titles


def block_line(b: Block) -> str:
    assert b.text is not None
    text = b.text.clean.replace(EMAIL_MARK, b.email or "")
    return f"• {text}" if b.kind == "item" else text


def _norm(text: str) -> str:
    return " ".join(text.replace("\u3000", " ").replace("\xa0", " ").split())


def make_record(**fields: Any) -> dict[str, Any]:
    rec = {k: fields.get(k) for k in RECORD_KEYS}
    rec["category"] = list(fields.get("category") or [])
    rec["tags"] = list(fields.get("tags") or [])
    rec["id"] = record_id(fields["url"])
    return rec


def record_of(a: Article) -> dict[str, Any]:
    """The expected clean record, from the article's pieces only."""
    deck = [_norm(t.clean) for t in (*a.kicker, *a.subs)]
    body = [_norm(block_line(b)) for b in a.blocks if b.kind in TEXT_KINDS and b.text]
    body = [line for line in body if line]

    def val(t: Txt | None) -> str | None:
        return _norm(t.clean) if t is not None else None

    return make_record(
        url=a.url, site=a.site, title=_norm(a.title.clean), subtitle="\n".join(deck) or None,
        published_at=a.published_at, author=val(a.author), editor=val(a.editor),
        source=val(a.source), region=val(a.region), category=[_norm(c.clean) for c in a.crumbs],
        tags=[_norm(t.clean) for t in a.tags], text="\n\n".join([_norm(a.title.clean), *deck,
                                                                   *body]))


# --- Text ---------------------------------------------------------------------------


def _name(rng: random.Random) -> str:
    return rng.choice(P.SURNAMES) + "".join(rng.choice(P.GIVEN_CHARS)
                                            for _ in range(rng.choice((1, 2, 2))))


def _context(rng: random.Random, index: int, when: datetime) -> dict[str, str]:
    series_no = index // 40 % len(P.SERIES)
    return {
        "leader": _name(rng), "title": rng.choice(P.LEADER_TITLES), "org": rng.choice(P.ORGS),
        "meeting": rng.choice(P.MEETINGS), "topic": rng.choice(P.TOPICS),
        "city": rng.choice(P.CITIES), "action": rng.choice(P.ACTIONS),
        "object": rng.choice(P.OBJECTS), "goal_short": rng.choice(P.GOALS_SHORT),
        # Follow-up articles: consecutive indices share a numbered meeting series.
        "series": f"第{index // 400 + 1 + index % 40}次{P.SERIES[series_no]}",
        "md": f"{when.month}月{when.day}日", "year": str(when.year),
    }


def _sentence(rng: random.Random, ctx: dict[str, str]) -> str:
    kind = rng.random()
    if kind < 0.18:
        return rng.choice(P.FIGURE_SENTENCES).format(
            n=rng.randint(3, 9800), p=rng.randint(12, 99), year=ctx["year"])
    opener = rng.choice(P.OPENERS).format(leader=ctx["leader"])
    parts = [f"{rng.choice(P.CONNECTORS)}{rng.choice(P.ACTIONS)}{rng.choice(P.OBJECTS)}"
             for _ in range(rng.randint(1, 3))]
    topic = rng.choice((ctx["topic"], rng.choice(P.TOPICS)))
    return (f"{opener},{rng.choice(P.ACTIONS)}{topic},{','.join(parts)},"
            f"{rng.choice(P.GOALS)}。")


def make_title(rng: random.Random, ctx: dict[str, str]) -> str:
    # Topics may end in 工作 and forms may add one; a title says it once.
    return rng.choice(P.TITLE_FORMS).format(**ctx).replace("工作工作", "工作")


def _lead(rng: random.Random, ctx: dict[str, str]) -> str:
    return (f"{ctx['md']},{ctx['org']}召开{ctx['meeting']},传达学习{rng.choice(P.DOCS)},"
            f"研究部署{ctx['topic']}等工作。{ctx['title']}{ctx['leader']}主持会议并讲话。")


def make_paragraphs(rng: random.Random, ctx: dict[str, str]) -> list[str]:
    """10-40 sentences in 3-10 paragraphs, led by a who-met-when sentence."""
    paras = [_lead(rng, ctx)]
    sentences = [_sentence(rng, ctx) for _ in range(rng.randint(9, 38))]
    while sentences:
        take = rng.randint(1, 5)
        paras.append("".join(sentences[:take]))
        sentences = sentences[take:]
    paras.append(rng.choice(P.CLOSINGS))
    return paras


def update_paragraph(key: str, version: int) -> str:
    """The paragraph a changed article gains at each version (re-fetch tests)."""
    rng = random.Random(f"update:{key}:{version}")
    return (f"更新:据最新消息,第{version}次修订补充,{rng.choice(P.ACTIONS)}{rng.choice(P.TOPICS)},"
            f"{rng.choice(P.GOALS)}({rng.randint(100, 999)})。")


def _title_rng(site: str, index: int) -> random.Random:
    # Titles have their own stream so a neighbour's title (links, listings) is cheap.
    return random.Random(f"{site}:{index}:title")


def _ctx(site: str, index: int, when: datetime) -> tuple[random.Random, dict[str, str], str]:
    ctx = _context(random.Random(f"{site}:{index}:ctx"), index, when)
    title = make_title(_title_rng(site, index), ctx)
    return random.Random(f"{site}:{index}:body"), ctx, title


@lru_cache(maxsize=65536)
def plain_title(site: str, index: int, when: datetime) -> str:
    """A generated article's headline in Simplified (before any script conversion)."""
    return _ctx(site, index, when)[2]


def summary(site: str, index: int, when: datetime) -> str:
    """A listing's summary of an article: the start of its lead paragraph."""
    rng, ctx, _ = _ctx(site, index, when)
    lead = _lead(rng, ctx)
    return lead[:48] + "……" if len(lead) > 48 else lead


# --- Decorations: images, subheads, lists, links ----------------------------------------

Shower = Callable[[str], str]


def _txt(clean: str, show: Shower) -> Txt:
    return Txt(clean, show(clean))


def _image_src(rng: random.Random, when: datetime, num: int) -> str:
    d = rng.choice(P.IMAGE_DIRS).format(y=when.year, md=when.strftime("%m%d"),
                                        ym=when.strftime("%Y%m"), ymd=when.strftime("%Y%m%d"))
    return f"{d}{when.strftime('%Y%m%d')}{num % 100000:05d}{rng.randint(10, 99)}.jpg"


def _caption(rng: random.Random, ctx: dict[str, str]) -> str:
    return rng.choice(P.CAPTIONS).format(
        md=ctx["md"], city=rng.choice(P.CITIES), place=rng.choice(P.CAPTION_PLACES),
        scene=rng.choice(P.CAPTION_SCENES), leader=ctx["leader"], topic=ctx["topic"])


def image_block(rng: random.Random, ctx: dict[str, str], when: datetime, num: int,
                show: Shower, conv: Callable[[str], str], caption: bool = True) -> Block:
    cap = _txt(conv(_caption(rng, ctx)), show) if caption else None
    credit = None
    if rng.random() < 0.6:
        credit = _txt(conv(rng.choice(P.CREDITS).format(a=_name(rng))), show)
    return Block("image", cap, credit, _image_src(rng, when, num))


def _subhead(rng: random.Random, ctx: dict[str, str], n: int, form: str) -> str:
    return form.format(
        n=P.SUBHEAD_NUMERALS[n % len(P.SUBHEAD_NUMERALS)], action=rng.choice(P.ACTIONS),
        object=rng.choice(P.OBJECTS), topic=rng.choice(P.TOPICS), goal_short=ctx["goal_short"])


def decorate(rng: random.Random, ctx: dict[str, str], when: datetime, num: int,
             paras: list[Block], show: Shower, conv: Callable[[str], str], *,
             images: float = 0.5, subheads: float = 0.25, items: float = 0.0,
             ads: float = 0.0, split: float = 0.0) -> list[Block]:
    """Body paragraphs plus, by chance, images, subheads, a list, an ad, a split marker."""
    out = list(paras)
    if len(out) > 3 and rng.random() < subheads:  # numbered alike, never after the last
        form = rng.choice(P.SUBHEADS)
        spots = sorted(rng.sample(range(1, len(out) - 1), min(3, len(out) - 2)))
        for n, at in enumerate(spots):
            out.insert(at + n, Block("sub", _txt(conv(_subhead(rng, ctx, n, form)), show)))
    if len(out) > 2 and rng.random() < items:
        at = rng.randrange(1, len(out))
        picked = list(dict.fromkeys(
            rng.choice(P.LIST_ITEMS).format(action=rng.choice(P.ACTIONS),
                                            object=rng.choice(P.OBJECTS),
                                            topic=rng.choice(P.TOPICS))
            for _ in range(rng.randint(2, 4))))
        out[at:at] = [Block("item", _txt(conv(x), show)) for x in picked]
    if rng.random() < images:
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            out.insert(rng.randrange(0, len(out) + 1),
                       image_block(rng, ctx, when, num, show, conv))
    if len(out) > 3 and rng.random() < ads:
        out.insert(rng.randrange(2, len(out)), Block("ad"))
    if len(out) > 4 and rng.random() < split:
        out.insert(rng.randrange(2, len(out) - 1), Block("split"))
    return out


def _links(links: tuple[Link, ...], show: Shower, conv: Callable[[str], str],
           avoid: str, fmt: str = "%Y-%m-%d") -> tuple[tuple[Txt, str, str], ...]:
    """Related-list entries; titles already in the article's text are left out."""
    out = []
    for link in links:
        title = conv(link.title)
        if title and title not in avoid:
            out.append((_txt(title, show), link.url, link.when.strftime(fmt)))
    return tuple(out)


def finish(a: Article, nav: Nav, show: Shower, conv: Callable[[str], str],
           fmt: str = "%Y-%m-%d") -> Article:
    """Attach related lists (never titles the article's own text holds) and the record."""
    a.record = record_of(a)
    a.related = _links(nav.related, show, conv, a.record["text"], fmt)
    a.hot = _links(nav.hot, show, conv, a.record["text"], fmt)
    for side in ("prev", "next"):
        link: Link | None = getattr(nav, side)
        if link is not None:
            setattr(a, side, (_txt(conv(link.title), show), link.url))
    return a


# --- Articles split over several pages -------------------------------------------------

# Share of articles a CMS splits over pages ({dede:pagebreak/}, the People's Daily
# page split), and of photo.sxrb.com stories that are galleries of one photo per
# page. Drawn from an rng of their own, so every other article stays as it was.
MULTIPAGE_SHARE, GALLERY_SHARE = 0.04, 0.35
MAX_PAGES = 6
# How later pages are named beside ``<num>.html``: DedeCMS ``<num>_2.html``, the
# People's Daily CMS ``<num>-2.html``.
PAGE_SEP = {"fissico": "_", "sxnews": "-"}


def _pages_rng(site: str, index: int) -> random.Random:
    return random.Random(f"{site}:{index}:pages")


def _more_paragraphs(rng: random.Random, ctx: dict[str, str], pages: int,
                     paras: list[str]) -> list[str]:
    """Paragraphs enough for ``pages`` pages of three or more each."""
    out = list(paras)
    while len(out) < 3 * pages + 1:
        out[-1:-1] = make_paragraphs(rng, ctx)[1:-1]  # the closing stays last
    return out


def _breaks(blocks: list[Block], pages: int) -> tuple[int, ...]:
    """Where pages 2… start: before a paragraph that follows a paragraph (never
    inside a list or between a subhead and its text), spread evenly."""
    spots = [i for i in range(2, len(blocks)) if blocks[i].kind == "p"
             and blocks[i - 1].kind == "p"]
    pages = min(pages, len(spots) + 1)
    if pages < 2:
        return ()
    return tuple(sorted({spots[len(spots) * k // pages] for k in range(1, pages)}))


def page_count(a: Article) -> int:
    return len(a.extra.get("breaks", ())) + 1


def page_url(a: Article, n: int) -> str:
    """The URL of page ``n`` (1: the article's own)."""
    if n <= 1:
        return a.url
    stem, dot, ext = a.url.rpartition(".")
    return f"{stem}{PAGE_SEP.get(a.site, '_')}{n}{dot}{ext}"


def page_of(a: Article, n: int) -> Article:
    """Page ``n`` of an article: its share of the blocks, the pager in
    ``extra["pager"]`` (this page, every page's URL); the same article when it
    has one page."""
    total = page_count(a)
    if total == 1:
        return a
    bounds = (0, *a.extra["breaks"], len(a.blocks))
    return replace(a, blocks=a.blocks[bounds[n - 1]:bounds[n]],
                   extra={**a.extra, "pager": (n, tuple(page_url(a, k)
                                                        for k in range(1, total + 1)))})


# --- Per-site articles ----------------------------------------------------------------


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    r, acc = rng.random() * sum(weights.values()), 0.0
    for name, w in weights.items():
        acc += w
        if r < acc:
            return name
    return next(reversed(weights))


SXDY_FAMILIES = {"theme0": 0.22, "theme1": 0.18, "theme2": 0.15, "dede": 0.17, "pboot": 0.15,
                 "phpcms": 0.13}


def build_shanxidayuan(index: int, column: str, num: int, url: str, when: datetime,
                       updates: list[str], nav: Nav) -> Article:
    rng, ctx, title = _ctx("shanxidayuan", index, when)
    deco = random.Random(f"shanxidayuan:{index}:deco")
    family = _pick(random.Random(f"shanxidayuan:{index}:family"), SXDY_FAMILIES)
    show, same = fullwidth, (lambda s: s)
    paras = make_paragraphs(rng, ctx) + updates
    region = P.SXDY_COLUMNS[column] if rng.random() < 0.9 else rng.choice(
        tuple(P.SXDY_COLUMNS.values()))
    tags = rng.sample(P.TAGS, 3)
    author = rng.choice(P.SXDY_AUTHORS)
    email = None
    if index % 6 == 1:  # some bodies carry a real (obfuscated) contact address
        email = f"{rng.choice(P.SXDY_MAIL_USERS)}{index % 97}@{rng.choice(P.SXDY_MAIL_DOMAINS)}"
        paras[-1] = paras[-1] + "如有线索,请发送邮件至" + EMAIL_MARK + "。"
    blocks = [Block("p", _txt(p, show), email=email if EMAIL_MARK in p else None) for p in paras]
    blocks = decorate(deco, ctx, when, num, blocks, show, same, images=0.4,
                      subheads=0.15 if family not in ("theme0", "theme1") else 0.0,
                      items=0.2 if family in ("pboot", "dede") else 0.0, ads=0.25)
    a = Article("shanxidayuan", column, num, url, when, family,
                int(family[-1]) if family.startswith("theme") else 0, f"gen:{index}",
                _txt(title, show), blocks=tuple(blocks))
    a.extra = {"header": P.SXDY_HEADERS[index % 2], "comments": "0", "qr": index % 3 != 0,
               "footer_email": index % 4 == 2, "tid": 1 + sorted(P.SXDY_COLUMNS).index(column)}
    a.tags = tuple(_txt(t, same) for t in tags)
    if family.startswith("theme"):  # the meta line: author region datetime comments tags
        a.author, a.region = _txt(author, same), _txt(region, same)
        a.published_at = when.isoformat()
    elif family == "dede":  # labelled 时间 (minutes) 来源 作者; breadcrumb; 关键词
        a.author, a.source = _txt(author, same), _txt(deco.choice(P.SXDY_SOURCES), show)
        a.published_at = when.replace(second=0).isoformat()
        a.crumbs = (_txt(P.SXDY_SECTION, same), _txt(P.SXDY_COLUMNS[column], same))
    elif family == "pboot":  # Bootstrap page: 作者 地区 时间 labels; breadcrumb; 标签
        a.author, a.region = _txt(author, same), _txt(region, same)
        a.published_at = when.isoformat()
        a.crumbs = (_txt(P.SXDY_COLUMNS[column], same),)
    else:  # phpcms: the date (and 来源) inside the <h1>; 相关热词 are the tags
        a.source = _txt(deco.choice(P.SXDY_SOURCES), show)
        a.published_at = when.isoformat()
        a.crumbs = (_txt(P.SXDY_SECTION, same), _txt(P.SXDY_COLUMNS[column], same))
    return finish(a, nav, show, same)


FISSICO_FAMILIES = {"kbcmw_a": 0.35, "kbcmw_b": 0.25, "dede_default": 0.22, "dede_table": 0.18}


def _fissico_shower(index: int) -> tuple[Shower, frozenset[str] | None]:
    """fissico.com's glosses: most pages gloss every listed character, some fewer."""
    rng = random.Random(f"fissico:{index}:gloss")
    keep: frozenset[str] | None = None
    if rng.random() < 0.3:
        chars = sorted(gloss_tables()["fissico"])
        keep = frozenset(rng.sample(chars, max(1, len(chars) * 2 // 5)))

    def show(text: str) -> str:
        return add_glosses(fullwidth(text), "fissico", keep)

    return show, keep


def _debris(text: str, rng: random.Random, show: Shower,
            keep: frozenset[str] | None) -> Txt | None:
    """A paragraph with gloss debris: a glossed character (or two) lost to ``?``,
    leaving ``?pīnyīn)`` (``日?qǐng)?bào)``). The character is gone from the page, so
    the clean text has neither the debris nor the character."""
    table = gloss_tables()["fissico"]
    spots = [i for i, ch in enumerate(text) if ch in table and (keep is None or ch in keep)]
    if not spots:
        return None
    at = rng.choice(spots)
    span = 2 if at + 1 < len(text) and text[at + 1] in table and rng.random() < 0.5 else 1
    debris = "".join(f"?{table[ch]})" for ch in text[at:at + span])
    return Txt(text[:at] + text[at + span:], show(text[:at]) + debris + show(text[at + span:]))


def build_fissico(index: int, column: str, num: int, url: str, when: datetime,
                  updates: list[str], nav: Nav) -> Article:
    rng, ctx, title_s = _ctx("fissico", index, when)
    deco = random.Random(f"fissico:{index}:deco")
    family = _pick(random.Random(f"fissico:{index}:family"), FISSICO_FAMILIES)
    show, keep = _fissico_shower(index)
    conv = to_traditional
    paras_s = make_paragraphs(rng, ctx)
    prng = _pages_rng("fissico", index)
    pages = prng.randint(2, MAX_PAGES) if prng.random() < MULTIPAGE_SHARE else 1
    if pages > 1:  # a long article DedeCMS splits with {dede:pagebreak/}
        paras_s = _more_paragraphs(prng, ctx, pages, paras_s)
    if deco.random() < 0.5:  # 本网讯 opens the first paragraph
        paras_s[0] = f"本网讯(记者 {_name(deco)})" + paras_s[0]
    if deco.random() < 0.3:  # a reporter credit ends the last paragraph
        paras_s[-1] += f"(记者 {_name(deco)})"
    blocks = [Block("p", _txt(p, show)) for p in to_traditional_many([*paras_s, *updates])]
    blocks = decorate(deco, ctx, when, num, blocks, show, conv, images=0.35, subheads=0.2,
                      ads=0.2 if family != "kbcmw_b" else 0.0)
    top: list[Block] = []
    if deco.random() < 0.25:  # deck lines between the date line and the body
        top.append(Block("p", _txt(conv(deco.choice(P.FISSICO_DECKS).format(**ctx)), show)))
    if deco.random() < 0.25:  # a photo with its caption
        top.append(image_block(deco, ctx, when, num, show, conv))
    if rng.random() < 0.6:  # byline (the seed's "康巴傳媒記者 張濤")
        top.append(Block("byline", _txt(conv(deco.choice(P.FISSICO_BYLINES).format(
            a=_name(deco), b=_name(deco))), show)))
    blocks = top + blocks
    if deco.random() < 0.2:  # gloss debris in one paragraph
        spots = [i for i, b in enumerate(blocks) if b.kind == "p"]
        i = deco.choice(spots)
        text = blocks[i].text
        broken = _debris(text.clean, deco, show, keep) if text else None
        if broken is not None:
            blocks[i] = Block("p", broken)
    section, name, _w = P.FISSICO_COLUMNS[column]
    crumbs = tuple(_txt(conv(x), show) for x in (section, name))
    # The record names the publication; the page may print it as 《甘孜日报》.
    publication = conv(deco.choice(P.FISSICO_PUBLICATIONS))
    a = Article("fissico", column, num, url, when, family, 0, f"gen:{index}",
                _txt(conv(title_s), show), blocks=tuple(blocks), crumbs=crumbs,
                source=Txt(publication.removeprefix("《").removesuffix("》"),
                           show(publication)),
                published_at=when.date().isoformat())
    a.extra = {"site_name": Txt(conv("康巴传媒网"), show(conv("康巴传媒网"))),
               "addr": family == "kbcmw_a" and deco.random() < 0.3,
               "hits": deco.randint(20, 5000)}
    if pages > 1:
        a.extra["breaks"] = _breaks(blocks, pages)
    return finish(a, nav, show, conv)


def _sxnews_gb_family(rng: random.Random, year: int, forced: str) -> str:
    if forced:
        return forced
    share_2023 = 0.1 if year <= 2021 else 0.5 if year == 2022 else 0.9
    return "pd2023" if rng.random() < share_2023 else "pd2019"


def _statement(year: int, rng: random.Random) -> tuple[str, ...]:
    from replica import templates as T

    papers = [p for y, p in T.SXNEWS_STATEMENT_PAPERS if y <= year][-1]
    paras = [x.format(papers=papers) for x in T.SXNEWS_STATEMENT]
    return tuple(paras[:3] if rng.random() < 0.4 else paras)


def build_sxnews(index: int, column: str, num: int, url: str, when: datetime,
                 updates: list[str], nav: Nav, crumbs_s: tuple[str, ...],
                 scheme: str, forced: str = "") -> Article:
    rng, ctx, title_s = _ctx("sxnews", index, when)
    deco = random.Random(f"sxnews:{index}:deco")
    if scheme == "sxxww":
        return _build_sxxww(index, column, num, url, when, updates, nav, crumbs_s, rng, deco,
                            ctx, title_s)
    family = _sxnews_gb_family(random.Random(f"sxnews:{index}:family"), when.year, forced)
    show, same = fullwidth, (lambda s: s)
    paras_s = make_paragraphs(rng, ctx)
    prng = _pages_rng("sxnews", index)
    pages = prng.randint(2, MAX_PAGES) if prng.random() < (
        GALLERY_SHARE if family == "photo" else MULTIPAGE_SHARE if family in (
            "pd2023", "pd2019") else 0.0) else 1
    if pages > 1 and family != "photo":  # the CMS's page split of a long article
        paras_s = _more_paragraphs(prng, ctx, pages, paras_s)
    breaks: tuple[int, ...] = ()
    if deco.random() < 0.5:
        paras_s[0] = deco.choice(P.SXNEWS_LEADS).format(a=_name(deco), b=_name(deco)) + paras_s[0]
    kicker: list[str] = []
    subs: list[str] = []
    if family in ("pd2019", "special") and deco.random() < 0.3:
        kicker.append(deco.choice(P.SUBTITLES).format(**ctx))
    if family != "photo":
        subs = [deco.choice(P.SUBTITLES).format(**ctx) for _ in range(deco.choice((0, 0, 0, 1, 2)))]
    subs = [s for s in dict.fromkeys(subs) if s not in kicker]
    blocks: list[Block]
    if family == "photo":  # a photo story: a short text, then the pictures
        intro = [Block("p", _txt(p, show)) for p in paras_s[:deco.choice((1, 1, 2))]]
        pics = [image_block(deco, ctx, when, num, show, same)
                for _ in range(deco.randint(3, 6))]
        blocks = intro + pics if deco.random() < 0.5 else pics[:1] + intro + pics[1:]
        if deco.random() < 0.4:  # an ad among the pictures
            blocks.insert(deco.randrange(1, len(blocks) + 1), Block("ad"))
        if pages > 1:  # a gallery: one photo and its caption a page, the text (if any) first
            pics = pics[:pages] + [image_block(deco, ctx, when, num, show, same)
                                   for _ in range(pages - len(pics))]
            intro = intro if prng.random() < 0.5 else []
            blocks = [pics[0], *intro, *pics[1:]]
            breaks = tuple(range(1 + len(intro), len(blocks)))
        blocks += [Block("p", _txt(u, show)) for u in updates]
    elif family != "special" and deco.random() < 0.05:  # a video item: no text body
        blocks = [Block("video", src=f"/mediafile/{when:%Y%m%d}/{num}.mp4")]
        blocks += [Block("p", _txt(u, show)) for u in updates]
    else:
        body = [Block("p", _txt(p, show)) for p in paras_s]
        if deco.random() < 0.5:  # the reporter credit closes the text
            body.append(Block("p", _txt(deco.choice(P.SXNEWS_CREDITS).format(
                a=_name(deco), b=_name(deco)), show)))
        body += [Block("p", _txt(u, show)) for u in updates]
        blocks = decorate(deco, ctx, when, num, body, show, same, images=0.45, subheads=0.3,
                          items=0.15 if family == "pd2023" else 0.0, ads=0.3, split=0.2)
        if pages > 1:
            breaks = _breaks(blocks, pages)
        if family == "special":  # topic pages: image file names under the pictures
            blocks = [Block("image", Txt(b.src.rsplit("/", 1)[1], b.src.rsplit("/", 1)[1]),
                            b.credit, b.src) if b.kind == "image" else b for b in blocks]
    editors = deco.sample(P.SXNEWS_EDITORS, deco.choice((1, 1, 1, 2)))
    a = Article("sxnews", column, num, url, when, family, deco.randrange(2), f"gen:{index}",
                _txt(title_s, show), kicker=tuple(_txt(k, show) for k in kicker),
                subs=tuple(_txt(s, show) for s in subs), blocks=tuple(blocks),
                crumbs=tuple(_txt(c, same) for c in crumbs_s),
                editor=_txt("、".join(editors), show),
                source=_txt(deco.choice(P.SXNEWS_SOURCES), show),
                published_at=None if family == "special" else when.replace(second=0).isoformat())
    if family == "photo":
        a.tags = tuple(_txt(t, same) for t in deco.sample(P.GALLERY_TAGS, deco.randint(2, 4)))
    if family == "pd2019" and deco.random() < 0.4:  # the paper's own headline
        orig = make_title(random.Random(f"sxnews:{index}:orig"), ctx)
        if orig != title_s:
            a.extra["original_title"] = _txt(orig, show)
    a.extra.update(statement=tuple(_txt(x, show) for x in _statement(when.year, deco)),
                   source_in_script=deco.random() < 0.3, comments=deco.randint(0, 30))
    if breaks:
        a.extra["breaks"] = breaks
    return finish(a, nav, show, same)


def _build_sxxww(index: int, column: str, num: int, url: str, when: datetime,
                 updates: list[str], nav: Nav, crumbs_s: tuple[str, ...], rng: random.Random,
                 deco: random.Random, ctx: dict[str, str], title_s: str) -> Article:
    """The old sxxww template (2017 - mid 2019), as the original site or a spam mirror's copy."""
    paras_s = make_paragraphs(rng, ctx) + updates
    subs_s = [rng.choice(P.SUBTITLES).format(**ctx) for _ in range(rng.choice((0, 0, 0, 1, 2)))]
    subs_s = list(dict.fromkeys(subs_s))
    source_s, editor_s = rng.choice(P.SXNEWS_SOURCES), rng.choice(P.SXNEWS_EDITORS)
    mirror = index % 5 == 3  # a spam mirror's copy: Traditional, glossed, spam lines
    variant = index % 2

    def conv(s: str) -> str:
        return to_traditional(s) if mirror else s

    def show(s: str) -> str:
        return add_glosses(fullwidth(s), "sxnews") if mirror else fullwidth(s)

    def crumb_show(s: str) -> str:
        return add_glosses(s, "sxnews") if mirror else s

    paras = to_traditional_many(paras_s) if mirror else paras_s
    blocks = [Block("p", _txt(p, show)) for p in paras]
    blocks = decorate(deco, ctx, when, num, blocks, show, conv, images=0.4, subheads=0.0,
                      ads=0.2 if variant == 0 else 0.0)
    a = Article("sxnews", column, num, url, when, "sxxww", variant, f"gen:{index}",
                _txt(conv(title_s), show), subs=tuple(_txt(conv(s), show) for s in subs_s),
                blocks=tuple(blocks), crumbs=tuple(_txt(conv(c), crumb_show) for c in crumbs_s),
                editor=Txt(conv(editor_s), conv(editor_s)),
                source=Txt(conv(source_s), conv(source_s)),
                published_at=when.replace(second=0).isoformat())
    spaced = not mirror and deco.random() < 0.5  # `YYYY年MM月DD日 HH:MM` on some originals
    a.extra = {"mirror": mirror, "spam": P.SPAM_LINES[index % len(P.SPAM_LINES)] if mirror
               else None,
               "time": when.strftime("%Y年%m月%d日 %H:%M" if spaced else "%Y年%m月%d日%H:%M"),
               "fullwidth_labels": not mirror}
    return finish(a, nav, show, conv)


# --- The template switch ------------------------------------------------------------------

# The family a template switch renders articles in (``pages.switched_page``): a
# media-convergence (融媒体) platform's article page none of the sites used.
SWITCHED_FAMILY = "rongmei"


def switched(a: Article) -> Article:
    """A generated article as the new template (the ``template_switch`` fault)
    shows it: the same pieces, another page, and the record of that page.

    The new info line is ``发布日期：YYYY/MM/DD　来源：…　作者：…`` (the date only;
    来源 and 作者 when the article has them), the breadcrumb stays, and there is
    no editor line, tag list or region slot. So against the article's old
    record: ``published_at`` is the date alone (also on pages that printed
    none, special.sxrb.com's), ``editor`` and ``region`` are ``None``, ``tags``
    empty; title, subtitle, text, author, source and category are unchanged.
    """
    day = a.published.date().isoformat()
    record = {**a.record, "published_at": day, "editor": None, "region": None,
              "category": list(a.record["category"]), "tags": []}
    return replace(a, family=SWITCHED_FAMILY, variant=0, published_at=day, editor=None,
                   region=None, tags=(), record=record)


# --- Seeds ------------------------------------------------------------------------------


def seed_when(seed: dict[str, Any]) -> datetime:
    when = datetime.fromisoformat(seed["golden"]["published_at"])
    return when if when.tzinfo else when.replace(tzinfo=BEIJING)


SEED_FAMILIES = {"shanxidayuan": "theme0", "fissico": "kbcmw_a", "sxnews": "sxxww"}


def build_seed(name: str, column: str, updates: list[str], prev: str | None = None,
               nxt: str | None = None) -> Article:
    """A seed page: its pieces as the seed shows them; its record is the golden one.

    ``prev``/``nxt``: the URLs of its generated neighbours (fissico's 上一篇/下一篇
    keep the seed's own link texts).
    """
    seed = seed_data()[name]
    site, url = seed["site"], seed["url"]
    golden = seed["golden"]
    record = dict(golden)
    record["url"], record["id"] = url, record_id(url)
    when = seed_when(seed)
    num = int(url.rsplit("/", 1)[1].split(".")[0])
    glossed = site == "fissico" or bool(seed.get("mirror"))
    paras = [Txt(p, fullwidth_seed(p) if site == "shanxidayuan" else p)
             for p in seed["paragraphs"]]
    for u in updates:
        u = to_traditional(u) if glossed else u
        paras.append(Txt(u, add_glosses(fullwidth_seed(u), site) if glossed
                         else fullwidth_seed(u)))
        record["text"] = "\n\n".join([record["text"], u])
    a = Article(site, column, num, url, when, SEED_FAMILIES[site], 0, f"seed:{name}",
                Txt(golden["title"], fullwidth_seed(seed["title"]) if site == "shanxidayuan"
                    else seed["title"]),
                blocks=tuple(Block("p", t) for t in paras), record=record,
                published_at=golden["published_at"])
    if site == "shanxidayuan":
        a.author, a.region = Txt(seed["author"], seed["author"]), Txt(seed["region"],
                                                                      seed["region"])
        a.tags = tuple(Txt(t, t) for t in seed["tags"])
        a.extra = {"header": seed["header"], "comments": seed["comments"], "qr": seed["qr"],
                   "footer_email": seed["footer_email"]}
    elif site == "fissico":
        crumbs = [Txt(c, c) for c in seed["crumbs"]]
        a.crumbs = tuple(crumbs[1:])
        a.source = Txt(golden["source"], seed["source"])
        base = url.rsplit("/", 1)[0]
        a.prev = (Txt(seed["prev"], seed["prev"]), prev or f"{base}/{num - 1}.html")
        a.next = (Txt(seed["next"], seed["next"]), nxt or f"{base}/{num + 1}.html")
        a.extra = {"site_name": crumbs[0], "addr": True, "date": seed["date"]}
    else:
        a.subs = tuple(Txt(x, x) for x in seed["subtitles"])
        a.crumbs = tuple(Txt(c, c) for c in seed["crumbs"].split(">>")[1:])
        editor = seed["editor_line"].strip("()").split(":", 1)[1]
        a.editor, a.source = Txt(editor, editor), Txt(seed["source"], seed["source"])
        a.extra = {"mirror": bool(seed.get("mirror")), "spam": seed.get("spam"),
                   "time": seed["time"], "fullwidth_labels": False}
    return a
