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

from crawler.extract.layout import FIELD_NAMES
from crawler.report.history import History, SiteRun
from crawler.report.stats import (
    COVERAGE_FIELDS,
    UNDATED,
    Corpus,
    SiteStats,
    TextSize,
    gaps,
)
from crawler.state.history import MEASURES, SHAPE_LABELS

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
section#history{position:relative;left:50%;transform:translateX(-50%);
width:min(100vw - 2em,1500px)}
table.history{font-size:.8em;line-height:1.3}table.history th,table.history td{padding:.15em .35em}
table.history th{vertical-align:bottom}table.history td.run{white-space:nowrap}
table.history td.shape{font-family:monospace;font-size:.95em;white-space:nowrap}
table.history td.verdict{min-width:12em}
tr.alarm td{background:#fde2e2}tr.accepted td{background:#e2f3df}
tr.alarm-line td{background:#fde2e2;color:#8a1111;border-top:0;font-weight:600}
td.moved{color:#b00000;font-weight:700}.mark{font-weight:700}
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
    return problem_list(corpus.problems, "bad input(s), skipped")


def problem_list(problems: list[str], what: str) -> str:
    """``N <what>:`` and the first MAX_PROBLEMS_SHOWN lines, escaped."""
    shown = problems[:MAX_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    return (f"<p>{len(problems)} {what}"
            + (f" ({more} more not shown)" if more else "") + ":</p><pre>"
            + "\n".join(escape(p) for p in shown) + "</pre>")

# --- the run history ----------------------------------------------------------------------

SHAPES_SHOWN = 2  # template shapes named per cell (the most frequent)
HISTORY_FIELDS = {name: "time of day" if name == "time" else name for name in FIELD_NAMES}
# The counter behind a column -> the alarm's words for it (crawler.state.history).
MEASURE_WORDS = {m.count: m.what for m in MEASURES}


def whole_pct(part: int, whole: int) -> str:
    """``97%``; never ``100%`` unless all, nor ``0%`` unless none."""
    if not whole:
        return "–"
    value = round(100 * part / whole)
    if part < whole:
        value = min(value, 99)
    if part > 0:
        value = max(value, 1)
    return f"{value}%"


def _cell(text: str, cls: str = "", title: str = "") -> str:
    """A ``<td>``; ``text`` is HTML already, ``title`` plain text."""
    attrs = (f' class="{cls}"' if cls else "") + (
        f' title="{escape(title, quote=True)}"' if title else "")
    return f"<td{attrs}>{text}</td>"


def _rounded(chars: float | None) -> str:
    """A median length read back from buckets (within 10 %): two significant digits."""
    if chars is None:
        return "–"
    value = round(chars, -max(0, len(str(round(chars))) - 2))
    return f"{value:,.0f}"


def _shapes(profile_shapes: dict[str, int], pages: int) -> str:
    ranked = sorted(profile_shapes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return "–"
    lines = [f"{escape(shape)} {whole_pct(n, pages)}" for shape, n in ranked[:SHAPES_SHOWN]]
    more = len(ranked) - SHAPES_SHOWN
    if more > 0:
        lines.append(f"<span class=note>+{more} more</span>")
    return "<br>".join(lines)


def _history_row(row: SiteRun, site: str) -> str:
    """The ``<tr>`` of one run (and its alarm's line under it)."""
    run, p = row.run, row.profile
    alarm = row.alarm or ""

    def moved(words: str) -> str:
        return "n moved" if words and words in alarm else "n"

    def share_cell(key: str) -> str:
        k = p.counts.get(key, 0)
        return _cell(whole_pct(k, p.pages), moved(MEASURE_WORDS.get(key, "")),
                     f"{k} of {p.pages} pages")

    when = escape(run.started)
    if run.spider != site:
        when += f"<br><span class=note>{escape(run.spider)}</span>"
    errors = p.counts.get("error", 0)
    pages = str(p.pages) + (f"<br>+{errors} raised" if errors else "")
    cells = [_cell(when, "run", str(run.path)), _cell(escape(run.kind)),
             _cell(pages, moved(MEASURE_WORDS["error"]) if errors else "n",
                   f"{p.pages} records; {errors} pages whose extraction raised")]
    cells += [share_cell(f"field/{name}") for name in FIELD_NAMES]
    cells += [share_cell("body/selector"), share_cell("body/density"),
              share_cell("title/found"), share_cell("headline_only")]
    cells.append(_cell(_rounded(p.median_length()), moved(MEASURE_WORDS["short"])))
    for kind, label in SHAPE_LABELS.items():
        cls = "shape moved" if f"{label} " in alarm else "shape"
        cells.append(_cell(_shapes(p.with_prefix(f"shape/{kind}/"), p.pages), cls))
    if row.alarm:
        verdict, cls = "<span class=mark>alarm</span>", "alarm"
    elif row.accepted:
        verdict, cls = (f"<span class=mark>accepted</span><br><span class=note>"
                        f"{escape(row.accepted)}</span>"), "accepted"
    else:
        verdict, cls = f"<span class=note>{escape(row.baseline or '–')}</span>", ""
    if row.alarm and row.baseline:
        verdict += f"<br><span class=note>vs {escape(row.baseline)}</span>"
    cells.append(_cell(verdict, "verdict"))
    out = f'<tr{f" class={cls}" if cls else ""}>{"".join(cells)}</tr>'
    if row.alarm:
        out += (f'<tr class=alarm-line><td colspan="{len(cells)}">⚠ '
                f"{escape(row.alarm)}</td></tr>")
    return out


HISTORY_HEAD = ["run (UTC)", "kind", "pages", *HISTORY_FIELDS.values(),
                "body by selectors", "body by density", "headline found", "headline only",
                "median chars", "body container", "info line", "verdict"]


def section_history(history: History) -> str:
    """Per site, a table of its runs (the newest ``history.shown``, oldest first)."""
    out = []
    spiders = len({run.spider for run in history.runs})
    out.append(f"<p class=note>From <code>{escape(history.folder)}</code>: "
               f"{len(history.runs)} run(s) of {spiders} spider(s), "
               f"{len(history.problems)} unreadable file(s). Shares are of the run's "
               "pages that became records; the alarm and acceptance are the run's own "
               "verdict (docs/report.md).</p>")
    if history.problems:
        out.append(problem_list(history.problems, "run file(s) skipped"))
    sites = history.sites()
    if not sites:
        why = ("does not exist" if not history.found else
               "holds no run stats" if not history.runs else
               "holds no run that counted a site's layout")
        out.insert(0, f"<p><b>No runs yet</b>: <code>{escape(history.folder)}</code> "
                      f"{why}.</p>")
        return "".join(out)
    if history.without_layout:
        out.append(f"<p class=note>{history.without_layout} run(s) count no site's layout "
                   "(saved before layout profiles were kept, or nothing was extracted) "
                   "and are not shown.</p>")
    head = "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in HISTORY_HEAD) + "</tr>"
    for index, (site, rows) in enumerate(sites):
        shown = rows[-history.shown:] if history.shown else rows
        alarms = sum(1 for r in shown if r.alarm)
        count = (f"all {len(rows)} run(s)" if len(shown) == len(rows)
                 else f"the newest {len(shown)} of {len(rows)} runs")
        out.append(f'<h3 id="history-{index}">{escape(site)}</h3>'
                   f"<p class=note>{count}, oldest first; {alarms} with an alarm, "
                   f"{sum(1 for r in shown if r.accepted)} accepted as the new normal.</p>")
        body = "".join(_history_row(r, site) for r in shown)
        out.append(f'<table class=history data-site="{escape(site, quote=True)}">'
                   f"{head}{body}</table>")
    return "".join(out)


def render(corpus: Corpus, generated: str, history: History | None = None) -> str:
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
    elif corpus.files or history is None:
        body.append("<p>No records.</p>")
    else:
        body.append("<p>No JSONL input given: the run history only.</p>")
    if history is not None:
        body.append(f'<section id="history"><h2>Run history</h2>'
                    f"{section_history(history)}</section>")
    body.append(f'<section id="problems"><h2>Bad input</h2>{section_problems(corpus)}</section>')
    body.append('<section id="inputs"><h2>Input files</h2><ul>'
                + "".join(f"<li>{escape(f)}</li>" for f in corpus.files) + "</ul></section>")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f"<title>Corpus report</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")
