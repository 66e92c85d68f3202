"""Run history and the template-change alarm.

Every run keeps its stats in ``STATE_DIR/runs/<spider>/<UTC time>.json``
(``crawler.runs``); among them the layout counters of each site
(``layout/<site>/…``, ``crawler.extract.layout``). This module reads them back
as *profiles* and judges a run against the site's own history:

- **Which runs compare.** Runs of the same kind only (``run_kind``): a
  ``nightly`` run (an incremental crawl that met articles exported before)
  against earlier nightly runs. An ``initial`` crawl (nothing exported before:
  the whole of the site's listings, every template era at once), a
  ``backfill`` (``since``/``until``/``ids``: the templates of its era) and a
  ``refetch`` (pages of any age) are profiled but judged against nothing:
  their template mix is their range's, not the site's of today, and
  comparing an era with today's pages would raise the alarm on every backfill.
- **The baseline** of a site: its last ``HEALTH_TEMPLATE_HISTORY`` nightly runs
  that raised no alarm for it, pooled, back to the latest run that accepted
  a layout (``HEALTH_TEMPLATE_ACCEPT``, or the run after
  ``HEALTH_TEMPLATE_CONFIRM_RUNS`` alarmed runs in a row, which is judged
  against those runs instead: the new layout has become the normal). Fewer
  than ``HEALTH_TEMPLATE_MIN_PAGES`` pages pooled: not judged.
- **A shift**: a share of the pages (body found by the site's selectors,
  headline found, each field's coverage, headline-only records, extraction
  errors, short texts, a template shape the baseline shows on at most 5 % of
  its pages) moving in the bad direction by at least
  ``HEALTH_TEMPLATE_MIN_SHIFT`` with a one-sided Fisher exact p-value at most
  ``HEALTH_TEMPLATE_P``. The test knows both sample sizes, so a nightly
  run of 20 articles is judged as fairly as one of 2,000: 20 pages without a
  date against a usual 97 % is a shift (p below 1e-19), 8 of 20 with an author
  against a usual 60 % is not (p 0.06).

The verdict goes into the run's stats before they are written:
``layout/alarm/<site>`` (the one line), ``layout/baseline/<site>`` (runs and
pages it was judged against, or why not), ``layout/accepted/<site>``,
``run/kind``; ``crawler.health`` turns an alarm into an exit status.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from crawler.extract.layout import FIELD_NAMES, PREFIX, bucket_middle

logger = logging.getLogger(__name__)

ALARM = "layout/alarm/"
ACCEPTED = "layout/accepted/"
BASELINE = "layout/baseline/"
RUN_KIND = "run/kind"
NOT_JUDGED = "not judged"  # how a verdict's basis starts when the run was not judged
JUDGE_ERROR = "layout/judge_error"  # the alarm itself raised (a bug): the run fails
RUN_FILE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(?:-\d+)?\.json$")
SHORT_TEXT = 0.5  # a text shorter than half the baseline's median is "short"
SHAPE_MIN_SHARE = 0.2  # a template shape on fewer of the run's pages is not named
# A shape the baseline shows on more of its pages is one of the site's known
# templates: a run with more of it has another mix of eras (a nightly run holds
# only today's), not a new template.
SHAPE_KNOWN_SHARE = 0.05


# --- profiles ----------------------------------------------------------------------------


@dataclass
class SiteProfile:
    """One site's layout counters in one run (or pooled over runs)."""

    site: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return self.counts.get("pages", 0)

    @property
    def tried(self) -> int:
        """Pages that became records plus pages whose extraction raised."""
        return self.pages + self.counts.get("error", 0)

    def share(self, key: str) -> float:
        return self.counts.get(key, 0) / self.pages if self.pages else 0.0

    def with_prefix(self, prefix: str) -> dict[str, int]:
        return {k.removeprefix(prefix): v for k, v in self.counts.items()
                if k.startswith(prefix)}

    def median_length(self) -> float | None:
        buckets = sorted((int(k), v) for k, v in self.with_prefix("length/").items())
        total = sum(v for _, v in buckets)
        if not total:
            return None
        seen = 0
        for bucket, count in buckets:
            seen += count
            if seen * 2 >= total:
                return bucket_middle(bucket)
        return None  # pragma: no cover

    def shorter_than(self, chars: float) -> int:
        return sum(v for k, v in self.with_prefix("length/").items()
                   if bucket_middle(int(k)) < chars)

    def add(self, other: SiteProfile) -> None:
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value


def profiles(stats: Mapping[str, Any]) -> dict[str, SiteProfile]:
    """The layout profile of each site a run's stats count."""
    out: dict[str, SiteProfile] = {}
    for key, value in stats.items():
        if not key.startswith(PREFIX) or not isinstance(value, int | float) \
                or isinstance(value, bool):
            continue
        site, _, rest = key.removeprefix(PREFIX).partition("/")
        if not rest or site in ("alarm", "accepted", "baseline"):
            continue
        out.setdefault(site, SiteProfile(site)).counts[rest] = int(value)
    return out


# --- run history ---------------------------------------------------------------------------


def run_kind(stats: Mapping[str, Any], spider: str,
             earlier: Sequence[Run] | None = None) -> str:
    """``nightly``, ``initial``, ``backfill`` or ``refetch``: see the module's
    doc. ``earlier`` (the spider's saved runs): a crawl is ``initial`` until one
    has finished; the runs completing a first crawl that was killed, stopped or
    cut by ``max_items`` read the rest of its listings (older templates), and
    are no nightly run."""
    if stats.get(RUN_KIND):
        return str(stats[RUN_KIND])
    if spider == "refetch":
        return "refetch"
    if stats.get("crawl/backfill"):
        return "backfill"
    if not stats.get("deltafetch/known_at_start"):
        return "initial"
    if earlier is not None and not any(
            run.kind in ("initial", "nightly") and run.stats.get("finish_reason") == "finished"
            for run in earlier):
        return "initial"
    return "nightly"


@dataclass
class Run:
    path: Path
    spider: str
    stats: dict[str, Any]

    @property
    def kind(self) -> str:
        return run_kind(self.stats, self.spider)

    @property
    def started(self) -> str:
        """``2026-12-05 03:00`` (UTC), from the stats' start time or the file name."""
        value = str(self.stats.get("start_time") or "")
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            stem = self.path.stem.split("Z")[0]
            try:
                when = dt.datetime.strptime(stem, "%Y-%m-%dT%H-%M-%S")
            except ValueError:
                return self.path.stem
        return when.strftime("%Y-%m-%d %H:%M")

    def alarm(self, site: str) -> str | None:
        value = self.stats.get(ALARM + site)
        return str(value) if value else None

    def accepted(self, site: str) -> bool:
        return bool(self.stats.get(ACCEPTED + site))

    def profiles(self) -> dict[str, SiteProfile]:
        """The run's profiles, read from its stats once (a run is judged
        against, and shown, many times)."""
        return self._profiles

    @cached_property
    def _profiles(self) -> dict[str, SiteProfile]:
        return profiles(self.stats)


def load_runs(folder: Path, spider: str | None = None) -> tuple[list[Run], list[str]]:
    """The runs saved in ``folder`` (one spider's, or ``folder/<spider>/`` for
    every spider when ``spider`` is None), oldest first, and one line per file
    that could not be read (the rest are still used)."""
    runs: list[Run] = []
    problems: list[str] = []
    folders = [(folder, spider)] if spider is not None else [
        (sub, sub.name) for sub in sorted(folder.iterdir())
        if sub.is_dir() and not sub.is_symlink()] if folder.is_dir() else []
    for where, name in folders:
        if not where.is_dir():
            continue
        for path in sorted(where.iterdir()):
            if not RUN_FILE.match(path.name):
                continue
            if path.is_symlink() or not path.is_file():
                problems.append(f"{path}: not a regular file, skipped")
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                problems.append(f"{path}: unreadable run stats ({exc}), skipped")
                continue
            if not isinstance(data, dict):
                problems.append(f"{path}: not a JSON object, skipped")
                continue
            runs.append(Run(path, str(name), data))
    return runs, problems


# --- the comparison ------------------------------------------------------------------------


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_less(k: int, n: int, big_k: int, big_n: int) -> float:
    """One-sided Fisher exact p-value that the run's share k/n is lower than
    the baseline's K/N by chance: P(X <= k), X hypergeometric with K+k
    successes among N+n, n drawn."""
    total, hits = big_n + n, big_k + k
    lo, hi = max(0, n - (total - hits)), min(n, hits)
    if k < lo:
        return 0.0
    log_all = _log_comb(total, n)
    p = sum(math.exp(_log_comb(hits, x) + _log_comb(total - hits, n - x) - log_all)
            for x in range(lo, min(k, hi) + 1))
    return min(1.0, p)


def fisher_more(k: int, n: int, big_k: int, big_n: int) -> float:
    """The same for a share higher than the baseline's."""
    return fisher_less(n - k, n, big_n - big_k, big_n)


@dataclass(frozen=True)
class Shift:
    what: str  # "date coverage", "body container div.article-con"
    before: float  # the baseline's share
    after: float  # the run's share
    p: float
    new: bool = False  # a template shape the baseline never showed

    def describe(self) -> str:
        if self.new:
            return f"new {self.what} on {self.after:.0%} of pages"
        return f"{self.what} {self.before:.0%} → {self.after:.0%}"


@dataclass(frozen=True)
class Measure:
    what: str
    count: str  # the counter, or a computed one: "selector", "error", "short"
    worse: str  # "lower" | "higher"


MEASURES: tuple[Measure, ...] = (
    Measure("body by the site's selectors", "body/selector", "lower"),
    Measure("headline found", "title/found", "lower"),
    *(Measure(f"{'time of day' if name == 'time' else name} coverage", f"field/{name}", "lower")
      for name in FIELD_NAMES),
    Measure("headline-only records", "headline_only", "higher"),
    Measure("extraction errors", "error", "higher"),
    Measure("short texts", "short", "higher"),
)
SHAPE_LABELS = {"body": "body container", "info": "info line"}
KIND_PHRASES = {"initial": "an initial crawl", "backfill": "a backfill", "refetch": "a re-fetch"}


@dataclass(frozen=True)
class Limits:
    min_shift: float = 0.25
    p: float = 0.001
    min_pages: int = 20


def _counts(profile: SiteProfile, measure: Measure, short_below: float | None
            ) -> tuple[int, int]:
    if measure.count == "error":
        return profile.counts.get("error", 0), profile.tried
    if measure.count == "short":
        return (profile.shorter_than(short_below) if short_below else 0), profile.pages
    return profile.counts.get(measure.count, 0), profile.pages


def compare(run: SiteProfile, baseline: SiteProfile, limits: Limits) -> list[Shift]:
    """The shifts of ``run`` against ``baseline`` (both one site's)."""
    shifts: list[Shift] = []
    median = baseline.median_length()
    short_below = median * SHORT_TEXT if median else None
    for measure in MEASURES:
        k, n = _counts(run, measure, short_below)
        big_k, big_n = _counts(baseline, measure, short_below)
        if not n or not big_n:
            continue
        before, after = big_k / big_n, k / n
        if measure.worse == "lower":
            if before - after < limits.min_shift:
                continue
            p = fisher_less(k, n, big_k, big_n)
        else:
            if after - before < limits.min_shift:
                continue
            p = fisher_more(k, n, big_k, big_n)
        if p <= limits.p:
            shifts.append(Shift(measure.what, before, after, p))
    for kind, label in SHAPE_LABELS.items():
        prefix = f"shape/{kind}/"
        mine, theirs = run.with_prefix(prefix), baseline.with_prefix(prefix)
        for shape, k in sorted(mine.items(), key=lambda kv: -kv[1]):
            big_k = theirs.get(shape, 0)
            before, after = big_k / baseline.pages, k / run.pages
            if shape == "none" or after < SHAPE_MIN_SHARE or before > SHAPE_KNOWN_SHARE \
                    or after - before < limits.min_shift:
                continue
            p = fisher_more(k, run.pages, big_k, baseline.pages)
            if p <= limits.p:
                shifts.append(Shift(f"{label} {shape}", before, after, p, new=big_k == 0))
    return shifts


def alarm_line(site: str, since: str, shifts: Iterable[Shift]) -> str:
    """``sxnews: template change suspected since 2026-12-05 03:00: date
    coverage 97% → 12%, new body container div.article-con on 64% of pages``"""
    return (f"{site}: template change suspected since {since} UTC: "
            + ", ".join(s.describe() for s in shifts))


@dataclass
class Verdict:
    site: str
    alarm: str | None  # the alarm's line
    baseline: str  # what the run was judged against, or why not
    accepted: str | None = None  # why this run's layout is the new normal


def judge(current: Mapping[str, Any], spider: str, history: list[Run], *,
          runs: int, limits: Limits, accept: bool, confirm_runs: int,
          started: str) -> list[Verdict]:
    """The verdict on each site of ``current`` (a run's stats) against
    ``history`` (the spider's earlier runs, oldest first)."""
    kind = run_kind(current, spider, history)
    verdicts = []
    for site, profile in sorted(profiles(current).items()):
        if not profile.tried:
            continue
        if accept:
            verdicts.append(Verdict(site, None, f"{NOT_JUDGED}: accepted",
                                    "HEALTH_TEMPLATE_ACCEPT"))
            continue
        if kind != "nightly":
            verdicts.append(Verdict(site, None, f"{NOT_JUDGED}: {KIND_PHRASES.get(kind, kind)}"))
            continue
        verdicts.append(_judge_site(site, profile, [r for r in history if r.kind == kind],
                                    runs=runs, limits=limits, confirm_runs=confirm_runs,
                                    started=started))
    return verdicts


def _judge_site(site: str, profile: SiteProfile, history: list[Run], *, runs: int,
                limits: Limits, confirm_runs: int, started: str) -> Verdict:
    mine = [r for r in history if (p := r.profiles().get(site)) is not None and p.tried]
    streak: list[Run] = []
    for run in reversed(mine):  # the latest runs alarmed for the site, in a row
        if run.alarm(site) is None or run.accepted(site):
            break
        streak.append(run)
    accepted = None
    if confirm_runs and len(streak) >= confirm_runs:
        # The change persisted: its runs are the new normal.
        chosen = streak[:confirm_runs]
        accepted = f"after {len(chosen)} runs in a row with the alarm"
    else:
        chosen = []
        for run in reversed(mine):
            if run.alarm(site) is None or run.accepted(site):
                chosen.append(run)
            if run.accepted(site) or len(chosen) >= runs:
                break
    pooled = SiteProfile(site)
    for run in chosen:
        pooled.add(run.profiles()[site])
    if pooled.pages < limits.min_pages:
        return Verdict(site, None, f"{NOT_JUDGED}: {pooled.pages} pages in {len(chosen)} "
                                   f"earlier nightly runs (fewer than {limits.min_pages})",
                       accepted)
    basis = f"{len(chosen)} run{'s' if len(chosen) != 1 else ''}, {pooled.pages} pages"
    shifts = compare(profile, pooled, limits)
    if not shifts:
        return Verdict(site, None, basis, accepted)
    since = streak[-1].started if streak and accepted is None else started
    return Verdict(site, alarm_line(site, since, shifts), basis)


def record_verdicts(stats: Any, verdicts: Iterable[Verdict], kind: str) -> None:
    """The verdicts into a run's stats (a StatsCollector) before they are written."""
    stats.set_value(RUN_KIND, kind)
    for v in verdicts:
        stats.set_value(BASELINE + v.site, v.baseline)
        if v.alarm:
            stats.set_value(ALARM + v.site, v.alarm)
        if v.accepted:
            stats.set_value(ACCEPTED + v.site, v.accepted)
