"""The report as one self-contained HTML page: inline CSS, the plot as an inline
base64 PNG (matplotlib, Agg), no script and no external URL, so it opens
offline. Every piece of record content goes through ``html.escape``; a record
is linked only when its URL is http(s).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from html import escape
from urllib.parse import urlsplit

from crawler.report.stats import (
    COVERAGE_FIELDS,
    UNDATED,
    Corpus,
    SiteStats,
    TextSize,
    gaps,
)

MAX_PROBLEMS_SHOWN = 100
CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:1150px;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
td.low{background:#fde2e2}td.mid{background:#fff4d6}
.note{color:#555;font-size:.92em}img{max-width:100%}code{background:#f3f3f3;padding:0 .2em}
pre{background:#fafafa;border:1px solid #ddd;padding:.5em;white-space:pre-wrap}
"""


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def link(size: TextSize) -> str:
    """The title, linked to its URL when that is http(s); both escaped."""
    title = escape(size.title or "(no title)")
    url = size.url or ""
    if urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{escape(url, quote=True)}">{title}</a>'
    return f"{title} <span class=note>(no http(s) URL)</span>"


def plot_per_day(corpus: Corpus) -> str:
    """Articles per day, one panel per site on a shared time axis, as an ``<img>``
    with the PNG inline; empty when no record is dated."""
    days = corpus.days()
    if not days:
        return "<p>No record has a <code>published_at</code>: nothing to plot.</p>"
    # Imported here: Scrapy imports every command module on each run.
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    sites = [(n, s) for n, s in corpus.ordered_sites() if set(s.per_day) - {UNDATED}]
    fig = Figure(figsize=(11, 0.6 + 1.7 * len(sites)), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)  # the Agg canvas, whatever the default backend
    axes = fig.subplots(len(sites), 1, sharex=True, squeeze=False)[:, 0]
    first = dt.date.fromisoformat(days[0]) - dt.timedelta(days=1)
    last = dt.date.fromisoformat(days[-1]) + dt.timedelta(days=1)
    for ax, (name, stats) in zip(axes, sites, strict=True):
        dated = sorted((dt.date.fromisoformat(d), n) for d, n in stats.per_day.items()
                       if d != UNDATED)
        ax.bar([d for d, _ in dated], [n for _, n in dated], width=1.0, color="#3b6ea8")
        ax.set_title(f"{name}: {sum(n for _, n in dated)} dated record(s)", loc="left",
                     fontsize=10)
        ax.set_ylabel("per day", fontsize=9)
        ax.set_xlim(first, last)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
        ax.grid(axis="y", alpha=0.3)
    locator = mdates.AutoDateLocator()
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f'<img alt="articles per day per site" src="data:image/png;base64,{data}">')


def _table(head: list[str], rows: list[list[str]]) -> str:
    """A table; cells are HTML already (escape before), a cell starting with
    ``\\0n`` is a number (right-aligned), ``\\0low``/``\\0mid`` a shaded one."""
    def cell(value: str) -> str:
        if value.startswith("\0"):
            cls, _, value = value[1:].partition("\0")
            return f'<td class="{cls}">{value}</td>'
        return f"<td>{value}</td>"
    out = ["<table><tr>", *(f"<th>{escape(h)}</th>" for h in head), "</tr>"]
    out += ["<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in rows]
    return "".join(out) + "</table>"


def num(value: int | str) -> str:
    return f"\0n\0{value}"


def share(part: int, whole: int, shade: bool = False) -> str:
    """``66.7% (2/3)``; with ``shade``, marked below 50% (and below 90%)."""
    ratio = part / whole if whole else 1.0
    cls = "n" if not shade else "n low" if ratio < 0.5 else "n mid" if ratio < 0.9 else "n"
    return f"\0{cls}\0{pct(part, whole)} ({part}/{whole})"


def section_summary(corpus: Corpus) -> str:
    rows = []
    for name, s in corpus.ordered_sites():
        dated = sorted(d for d in s.per_day if d != UNDATED)
        rows.append([escape(name), num(s.records), num(len(dated)),
                     dated[0] if dated else "–", dated[-1] if dated else "–",
                     num(s.per_day.get(UNDATED, 0))])
    return _table(["site", "records", "days with articles", "first day", "last day",
                   "undated"], rows)


def section_days(corpus: Corpus) -> str:
    sites = corpus.ordered_sites()
    gap_rows = [[escape(name), g.first, g.last, num(g.days)]
                for name, s in sites for g in gaps(s.per_day, limit=3)]
    out = [plot_per_day(corpus), "<h3>Longest gaps (days with no article)</h3>"]
    out.append(_table(["site", "from", "to", "days"], gap_rows) if gap_rows
               else "<p>No gaps: every site has articles on every day of its span.</p>")
    day_rows = [[d, *(num(s.per_day.get(d, 0)) for _, s in sites)] for d in corpus.days()]
    out.append("<details><summary>Articles per day (table)</summary>"
               + _table(["day", *(n for n, _ in sites)], day_rows) + "</details>")
    return "".join(out)


def section_coverage(corpus: Corpus) -> str:
    sites = corpus.ordered_sites()
    rows = [[f"<code>{name}</code>",
             *(share(s.filled[name], s.records, shade=True) for _, s in sites)]
            for name in COVERAGE_FIELDS]
    return ("<p class=note>Share of records whose field is a non-blank string or a "
            "non-empty list (field names as in SEED_FORMAT.md).</p>"
            + _table(["field", *(n for n, _ in sites)], rows))


def section_quality(corpus: Corpus) -> str:
    sites = corpus.ordered_sites()
    def row(label: str, count: str) -> list[str]:
        return [label, *(share(getattr(s, count), s.records) for _, s in sites)]
    def script(kind: str) -> list[str]:
        return [f"{kind}", *(share(s.scripts[kind], s.records) for _, s in sites)]
    rows = [row("<code>duplicate_of</code> set", "marked_duplicates"),
            row("exact-duplicate text (an earlier record has the same text)",
                "exact_duplicates"),
            row("repeated id (an earlier record has the same id)", "repeated_ids"),
            script("traditional"), script("simplified"), script("undetermined"),
            row("headline only (text is just title/subtitle)", "headline_only")]
    marked = sum(s.marked_duplicates for _, s in sites)
    note = ("" if marked else
            "<p class=note>No record carries <code>duplicate_of</code>: crawls drop "
            "duplicates by default (<code>DEDUP_MODE=drop</code>); it is set by "
            "<code>-s DEDUP_MODE=mark</code> and by re-fetches.</p>")
    return (_table(["measure", *(n for n, _ in sites)], rows) + note
            + "<p class=note>Script: per record, the title and text (up to 20,000 "
            "characters); characters OpenCC's <code>t2s</code> changes count as Traditional, "
            "those <code>s2t</code> changes as Simplified, the majority decides.</p>"
            "<p class=note><b>Extraction fallback:</b> records carry no marker of it "
            "(no such field in the seed format), so it cannot be counted here. A crawl "
            "counts it in its stats as <code>extract/fallback</code> (the site's own "
            "selectors did not hold; density alone found the body) — see the crawl's log. "
            "The headline-only row above is the symptom the records do show.</p>")


def _extremes_rows(name: str, s: SiteStats) -> list[list[str]]:
    rows = []
    for label, picks in (("shortest", s.shortest()), ("longest", s.longest())):
        for size in picks:
            rows.append([escape(name), label, num(size.length), link(size),
                         f"<span class=note>{escape(size.where)}</span>"])
    return rows


def section_extremes(corpus: Corpus) -> str:
    rows = [r for name, s in corpus.ordered_sites() for r in _extremes_rows(name, s)]
    return _table(["site", "", "characters", "title", "record"], rows)


def section_problems(corpus: Corpus) -> str:
    if not corpus.problems:
        return "<p>None: every input line was a record.</p>"
    shown = corpus.problems[:MAX_PROBLEMS_SHOWN]
    more = len(corpus.problems) - len(shown)
    return (f"<p>{len(corpus.problems)} bad input(s), skipped"
            + (f" ({more} more not shown)" if more else "") + ":</p><pre>"
            + "\n".join(escape(p) for p in shown) + "</pre>")


def render(corpus: Corpus, generated: str) -> str:
    """The whole page."""
    body = [f"<h1>Corpus report</h1><p>{corpus.records} record(s) from "
            f"{len(corpus.files)} file(s), {len(corpus.problems)} bad input(s); "
            f"generated {escape(generated)}.</p>"]
    if corpus.records:
        for key, title, part in (
                ("sites", "Sites", section_summary), ("days", "Articles per day", section_days),
                ("coverage", "Field coverage", section_coverage),
                ("quality", "Duplicates, script, extraction", section_quality),
                ("extremes", "Shortest and longest texts", section_extremes)):
            body.append(f'<section id="{key}"><h2>{title}</h2>{part(corpus)}</section>')
    else:
        body.append("<p>No records.</p>")
    body.append(f'<section id="problems"><h2>Bad input</h2>{section_problems(corpus)}</section>')
    body.append('<section id="inputs"><h2>Input files</h2><ul>'
                + "".join(f"<li>{escape(f)}</li>" for f in corpus.files) + "</ul></section>")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f"<title>Corpus report</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")
