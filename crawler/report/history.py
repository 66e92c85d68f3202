"""The run history ``scrapy report`` shows: every run's layout profile per site.

Each crawl saves its stats in ``STATE_DIR/runs/<spider>/<UTC time>.json``
(``crawler.runs``), with the layout counters of each site it met
(``layout/<site>/…``, ``crawler.extract.layout``) and the template-change
alarm's verdict (``crawler.state.history``). This module reads a runs folder
back and lays it out per site, oldest run first: a site's rows come from every
spider that met it (its own spider, ``refetch``…). Nothing is judged here: the
alarm and acceptance shown are the ones the run itself recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crawler.report.stats import SITE_ORDER
from crawler.state.history import RUN_FILE, Run, SiteProfile, load_runs

RUNS_SHOWN = 30  # the newest runs shown per site by default (--runs-shown)


@dataclass(frozen=True)
class SiteRun:
    """One run's profile of one site."""

    run: Run
    profile: SiteProfile

    @property
    def alarm(self) -> str | None:
        return self.run.alarm(self.profile.site)

    @property
    def accepted(self) -> str | None:
        value = self.run.stats.get(f"layout/accepted/{self.profile.site}")
        return str(value) if value else None

    @property
    def baseline(self) -> str | None:
        value = self.run.stats.get(f"layout/baseline/{self.profile.site}")
        return str(value) if value else None


@dataclass
class History:
    """The runs of a runs folder, per site."""

    folder: str
    found: bool  # the folder exists
    runs: list[Run] = field(default_factory=list)  # oldest first
    problems: list[str] = field(default_factory=list)  # "file: reason", one per skipped file
    shown: int = RUNS_SHOWN

    @property
    def without_layout(self) -> int:
        """Runs that count no site's layout (saved before profiles were kept)."""
        return sum(1 for run in self.runs if not run.profiles())

    def sites(self) -> list[tuple[str, list[SiteRun]]]:
        """Each site's runs, oldest first, all of them (``shown`` is the
        renderer's cut), sites in the README's order then by name."""
        per_site: dict[str, list[SiteRun]] = {}
        for run in self.runs:
            for site, profile in run.profiles().items():
                if profile.tried:
                    per_site.setdefault(site, []).append(SiteRun(run, profile))

        def key(name: str) -> tuple[int, str]:
            return (SITE_ORDER.index(name) if name in SITE_ORDER else len(SITE_ORDER), name)
        return [(site, per_site[site]) for site in sorted(per_site, key=key)]


def _order(run: Run) -> tuple[str, str, str]:
    return (run.started, run.path.name, run.spider)


def read_history(folder: Path, shown: int = RUNS_SHOWN) -> History:
    """The runs in ``folder``: a runs folder (one subfolder per spider,
    ``STATE_DIR/runs``) or one spider's folder (``STATE_DIR/runs/sxnews``, its
    files named as ``crawler.runs`` names them), or both at once. A file that
    cannot be read is one line in ``problems``; the rest are still read."""
    history = History(str(folder), folder.is_dir(), shown=shown)
    if not history.found:
        return history
    runs, problems = load_runs(folder)  # folder/<spider>/*.json
    if any(RUN_FILE.match(p.name) for p in folder.iterdir()):  # folder/*.json
        mine, more = load_runs(folder, folder.resolve().name)
        runs += mine
        problems += more
    history.runs = sorted(runs, key=_order)
    history.problems = problems
    return history
