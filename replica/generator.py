"""Deterministic article generator: (site, index, version) -> one article.

Nothing is stored: every article is rebuilt from a ``random.Random`` seeded by
its site and index, so 100,000 articles per site cost nothing until asked for.
An :class:`Article` carries both what the page serves (``served``: script
converted, glosses added, fullwidth punctuation) and the clean record the
crawler is expected to export (``record``), built from the same pieces so they
cannot drift apart.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from importlib import resources
from typing import Any

import opencc

from crawler.replica import phrases as P
from crawler.urls import record_id

BEIJING = timezone(timedelta(hours=8))
RECORD_KEYS = ("id", "url", "site", "title", "subtitle", "published_at", "author", "editor",
               "source", "region", "category", "tags", "text")
# Where the e-mail of a body paragraph goes; replaced by a Cloudflare-obfuscated
# link in HTML and by the plain address in the record.
EMAIL_MARK = "\x00EMAIL\x00"
_FULLWIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？"})


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    return str(_s2t().convert(text)) if text else text


@cache
def gloss_tables() -> dict[str, dict[str, str]]:
    """Per-site character -> toned pinyin, taken from the glosses the seeds show."""
    path = resources.files("crawler.replica").joinpath("seeds.json")
    seeds = json.loads(path.read_text("utf-8"))
    toned = r"[a-zü\u00e0-\u00fc\u0100-\u01dc]+"
    tables: dict[str, dict[str, str]] = {}
    for seed in seeds.values():
        blob = json.dumps(seed, ensure_ascii=False)
        found = dict(re.findall(rf"([\u3400-\u9fff])\(({toned})\)", blob))
        if found:
            tables.setdefault(seed["site"], {}).update(found)
    return tables


def add_glosses(text: str, site: str) -> str:
    """The mirrors' pinyin glosses: every listed character gains ``(pīnyīn)``."""
    table = gloss_tables().get(site, {})
    return "".join(f"{ch}({table[ch]})" if ch in table else ch for ch in text)


def fullwidth(text: str) -> str:
    """Chinese pages print CJK punctuation fullwidth; the seed format folds it back."""
    return text.translate(_FULLWIDTH)


def cf_encode(email: str, key: int) -> str:
    """Cloudflare's ``data-cfemail``: a key byte, then each byte XORed with it."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in email.encode("utf-8"))


@dataclass
class Article:
    """One article as served (``served``) and as expected clean (``record``)."""

    site: str
    column: str
    num: int
    url: str
    published: datetime
    variant: int
    served: dict[str, Any]
    record: dict[str, Any]
    key: str = ""  # "gen:<index>" or "seed:<name>"; names the article in faults/mutations
    extra: dict[str, Any] = field(default_factory=dict)


def make_record(**fields: Any) -> dict[str, Any]:
    rec = {k: fields.get(k) for k in RECORD_KEYS}
    rec["category"] = list(fields.get("category") or [])
    rec["tags"] = list(fields.get("tags") or [])
    rec["id"] = record_id(fields["url"])
    return rec


# --- Text --------------------------------------------------------------------------


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


def make_paragraphs(rng: random.Random, ctx: dict[str, str]) -> list[str]:
    """10-40 sentences in 3-10 paragraphs, led by a who-met-when sentence."""
    lead = (f"{ctx['md']},{ctx['org']}召开{ctx['meeting']},传达学习{rng.choice(P.DOCS)},"
            f"研究部署{ctx['topic']}等工作。{ctx['title']}{ctx['leader']}主持会议并讲话。")
    sentences = [_sentence(rng, ctx) for _ in range(rng.randint(9, 38))]
    paras = [lead]
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


# --- Per-site articles -------------------------------------------------------------


def _title_rng(site: str, index: int) -> random.Random:
    # Titles have their own stream so a neighbour's title (prev/next links) is cheap.
    return random.Random(f"{site}:{index}:title")


def _ctx(site: str, index: int, when: datetime) -> tuple[random.Random, dict[str, str], str]:
    ctx = _context(random.Random(f"{site}:{index}:ctx"), index, when)
    title = make_title(_title_rng(site, index), ctx)
    return random.Random(f"{site}:{index}:body"), ctx, title


def neighbour_title(site: str, index: int, when: datetime) -> str:
    _, _, title = _ctx(site, index, when)
    mirror = site == "sxnews" and index % 5 == 3
    return to_traditional(title) if site == "fissico" or mirror else title


def build_shanxidayuan(index: int, column: str, num: int, url: str, when: datetime,
                       updates: list[str]) -> Article:
    rng, ctx, title = _ctx("shanxidayuan", index, when)
    paras = make_paragraphs(rng, ctx) + updates
    region = P.SXDY_COLUMNS[column] if rng.random() < 0.9 else rng.choice(
        tuple(P.SXDY_COLUMNS.values()))
    tags = rng.sample(P.TAGS, 3)
    author = rng.choice(P.SXDY_AUTHORS)
    email = None
    if index % 6 == 1:  # some bodies carry a real (obfuscated) contact address
        email = f"{rng.choice(P.SXDY_MAIL_USERS)}{index % 97}@{rng.choice(P.SXDY_MAIL_DOMAINS)}"
        paras[-1] = paras[-1] + "如有线索,请发送邮件至" + EMAIL_MARK + "。"
    served = {
        "header": P.SXDY_HEADERS[index % 2], "title": fullwidth(title), "author": author,
        "region": region, "datetime": when.strftime("%Y-%m-%d %H:%M:%S"), "comments": "0",
        "tags": tags, "paragraphs": [fullwidth(p) for p in paras], "email": email,
        "qr": index % 3 != 0, "footer_email": index % 4 == 2,
    }
    body = [p.replace(EMAIL_MARK, email or "") for p in paras]
    record = make_record(url=url, site="shanxidayuan", title=title,
                         published_at=when.isoformat(), author=author, region=region,
                         tags=tags, text="\n\n".join([title, *body]))
    return Article("shanxidayuan", column, num, url, when, index % 3, served, record,
                   key=f"gen:{index}")


def build_fissico(index: int, column: str, num: int, url: str, when: datetime,
                  updates: list[str], prev: tuple[str, str] | None,
                  nxt: tuple[str, str] | None) -> Article:
    rng, ctx, title_s = _ctx("fissico", index, when)
    paras_s = make_paragraphs(rng, ctx)
    if rng.random() < 0.6:
        paras_s.insert(0, f"{rng.choice(P.FISSICO_REPORTER_ORGS)} {_name(rng)}")
    source_s = rng.choice(P.FISSICO_SOURCES)
    title = to_traditional(title_s)
    paras = [to_traditional(p) for p in paras_s] + [to_traditional(u) for u in updates]
    source = to_traditional(source_s)
    crumbs = [to_traditional(x) for x in ("康巴传媒网", "新闻", P.FISSICO_COLUMNS[column])]
    served = {
        "crumbs": [add_glosses(c, "fissico") for c in crumbs],
        "title": add_glosses(fullwidth(title), "fissico"),
        "source": add_glosses(source, "fissico"),
        "date": when.strftime("%Y年%m月%d日"),
        "paragraphs": [add_glosses(fullwidth(p), "fissico") for p in paras],
        "prev": prev and (add_glosses(fullwidth(prev[0]), "fissico"), prev[1]),
        "next": nxt and (add_glosses(fullwidth(nxt[0]), "fissico"), nxt[1]),
    }
    record = make_record(url=url, site="fissico", title=title,
                         published_at=when.date().isoformat(), source=source,
                         category=crumbs[1:], text="\n\n".join([title, *paras]))
    return Article("fissico", column, num, url, when, index % 2, served, record,
                   key=f"gen:{index}")


def build_sxnews(index: int, column: str, num: int, url: str, when: datetime,
                 updates: list[str]) -> Article:
    rng, ctx, title_s = _ctx("sxnews", index, when)
    paras_s = make_paragraphs(rng, ctx) + updates
    subs_s = [rng.choice(P.SUBTITLES).format(**ctx) for _ in range(rng.choice((0, 0, 0, 1, 2)))]
    subs_s = list(dict.fromkeys(subs_s))
    source_s, editor_s = rng.choice(P.SXNEWS_SOURCES), rng.choice(P.SXNEWS_EDITORS)
    mirror = index % 5 == 3  # a spam mirror's copy: Traditional, glossed, spam lines
    conv = to_traditional if mirror else (lambda s: s)
    title, subs, paras = conv(title_s), [conv(s) for s in subs_s], [conv(p) for p in paras_s]
    source, editor = conv(source_s), conv(editor_s)
    crumbs = [conv(x) for x in P.SXNEWS_CHANNELS[column]]

    def show(s: str) -> str:
        return add_glosses(fullwidth(s), "sxnews") if mirror else fullwidth(s)

    served = {
        "mirror": mirror, "spam": P.SPAM_LINES[index % len(P.SPAM_LINES)] if mirror else None,
        "title": show(title), "subtitles": [show(s) for s in subs],
        "time": when.strftime("%Y年%m月%d日%H:%M"), "source": source,
        "crumbs": [add_glosses(c, "sxnews") if mirror else c for c in crumbs],
        "paragraphs": [show(p) for p in paras], "editor": editor,
    }
    record = make_record(url=url, site="sxnews", title=title, subtitle="\n".join(subs) or None,
                         published_at=when.replace(second=0).isoformat(), editor=editor,
                         source=source, category=crumbs,
                         text="\n\n".join([title, *subs, *paras]))
    return Article("sxnews", column, num, url, when, index % 2, served, record,
                   key=f"gen:{index}")


# --- Seeds -------------------------------------------------------------------------


@cache
def seed_data() -> dict[str, dict[str, Any]]:
    path = resources.files("crawler.replica").joinpath("seeds.json")
    data: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return data


def seed_when(seed: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(seed["golden"]["published_at"]).replace(tzinfo=BEIJING) \
        if "T" not in seed["golden"]["published_at"] \
        else datetime.fromisoformat(seed["golden"]["published_at"])


def build_seed(name: str, updates: list[str], prev: tuple[str, str] | None = None,
               nxt: tuple[str, str] | None = None) -> Article:
    """A seed page: served pieces as the seed shows them, record = the golden one."""
    seed = seed_data()[name]
    site, url = seed["site"], seed["url"]
    served = {k: v for k, v in seed.items() if k not in ("golden", "url", "site", "column")}
    record = dict(seed["golden"])
    record["url"], record["id"] = url, record_id(url)
    if site == "shanxidayuan":
        served["paragraphs"] = [fullwidth(p) for p in seed["paragraphs"]]
        served["title"] = fullwidth(seed["title"])
        served.update(email=None, tags=seed["tags"])
    if site == "fissico":
        base = url.rsplit("/", 1)[0]
        num0 = int(url.rsplit("/", 1)[1].split(".")[0])
        # The seed's own link texts, pointing at its real neighbours when given
        # (as ``(url, "")``), else at the ids next to its own.
        served["prev"] = (seed["prev"], prev[0] if prev else f"{base}/{num0 - 1}.html")
        served["next"] = (seed["next"], nxt[0] if nxt else f"{base}/{num0 + 1}.html")
    if site == "sxnews":
        served["crumbs"] = seed["crumbs"].split(">>")[1:]
        served["editor"] = seed["editor_line"].strip("()").split(":", 1)[1]
    if updates:
        conv = [to_traditional(u) if site == "fissico" or seed.get("mirror") else u
                for u in updates]
        served["paragraphs"] = served["paragraphs"] + [
            add_glosses(fullwidth(u), site) if site == "fissico" or seed.get("mirror")
            else fullwidth(u) for u in conv]
        record["text"] = "\n\n".join([record["text"], *conv])
    when = seed_when(seed)
    num = int(url.rsplit("/", 1)[1].split(".")[0])
    return Article(site, seed["column"], num, url, when, 0, served, record, key=f"seed:{name}")
