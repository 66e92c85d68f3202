"""The install: every module imports, the extraction anchors work, and the locks
pin the whole dependency tree (so a fresh ``pip install -r`` with an old pip
cannot leave a package out, as pip 23.2.1 did with lxml's ``html_clean`` extra)."""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass

import pytest
from conftest import ROOT
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

LOCKS = ("requirements.txt", "requirements-dev.txt")
PACKAGES = ("crawler", "spiders", "pipelines", "replica")
PARAGRAPH = ("三月十二日上午，太原市在汾河公园举行春季义务植树活动，市民和志愿者共计两千余人参加，"
             "种下各类苗木一万余株，为城市增添了新的绿色。")
HTML = (f"<html><head><title>太原市举行春季植树活动</title></head><body><nav>首页 | 新闻</nav>"
        f"<article><h1>太原市举行春季植树活动</h1><p>{PARAGRAPH}</p></article>"
        "<footer>版权所有</footer></body></html>")


# --- (1) every module of the project imports ----------------------------------

def project_modules() -> list[str]:
    names: list[str] = []

    def fail(name: str) -> None:
        raise ImportError(f"cannot import package {name}")

    for top in PACKAGES:
        package = importlib.import_module(top)
        names.append(top)
        names += [m.name for m in pkgutil.walk_packages(package.__path__, f"{top}.",
                                                        onerror=fail)]
    return names


def test_every_project_module_imports() -> None:
    names = project_modules()
    assert {"crawler.config", "crawler.commands.dedupe", "pipelines.dedupe"} <= set(names)
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # an optional import path failing is what this catches
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    assert failed == []


# --- (2) the anchors of bench/extraction.py work -------------------------------

def test_trafilatura_and_gne_extract_a_chinese_paragraph() -> None:
    import gne
    import trafilatura

    text = trafilatura.extract(HTML)
    assert text is not None and PARAGRAPH in text
    assert PARAGRAPH in gne.GeneralNewsExtractor().extract(HTML)["content"]


# --- (3) the locks --------------------------------------------------------------

@dataclass(frozen=True)
class Pin:
    name: str  # canonical
    version: str
    extras: frozenset[str]
    applies: bool  # its marker holds in this environment


def lock_lines(name: str) -> list[str]:
    return (ROOT / name).read_text("utf-8").splitlines()


def parse_lock(lines: Iterable[str]) -> tuple[list[Pin], list[str]]:
    """The pins of a lock's lines, and a problem per line that is not an exact pin
    (a range, a bare name, a URL, an include: a lock must stand on its own)."""
    pins: list[Pin] = []
    problems: list[str] = []
    for raw in lines:
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-"):
            problems.append(f"{line}: an option or include, not a pin")
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement as exc:
            problems.append(f"{line}: {exc}")
            continue
        specs = list(req.specifier)
        if req.url or len(specs) != 1 or specs[0].operator != "==" or "*" in specs[0].version:
            problems.append(f"{line}: not pinned with ==")
            continue
        applies = req.marker is None or req.marker.evaluate({"extra": ""})
        pins.append(Pin(canonicalize_name(req.name), specs[0].version,
                        frozenset(canonicalize_name(e) for e in req.extras), applies))
    return pins, problems


def missing_pins(lines: Iterable[str]) -> list[str]:
    """Distributions that a pinned distribution requires here (markers and the
    extras asked for, by the lock or by a requirement, evaluated) but the lock
    does not pin: what an install from the lock alone would leave out."""
    pins, _ = parse_lock(lines)
    pinned = {p.name for p in pins if p.applies}
    todo = [(p.name, p.extras) for p in pins if p.applies]
    done: set[tuple[str, frozenset[str]]] = set()
    missing: list[str] = []
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        done.add((name, extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            missing.append(f"{name}: pinned but not installed here")
            continue
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is not None and not any(
                    req.marker.evaluate({"extra": e}) for e in ("", *extras)):
                continue
            dep = canonicalize_name(req.name)
            if dep not in pinned:
                missing.append(f"{dep} (required by {name}"
                               f"{'[' + ','.join(sorted(extras)) + ']' if extras else ''})")
                continue
            todo.append((dep, frozenset(canonicalize_name(e) for e in req.extras)))
    return sorted(set(missing))


@pytest.mark.parametrize("lock", LOCKS)
def test_every_line_of_the_lock_is_an_exact_pin(lock: str) -> None:
    pins, problems = parse_lock(lock_lines(lock))
    assert problems == []
    assert len(pins) > 40  # the whole tree, not the direct dependencies


@pytest.mark.parametrize("lock", LOCKS)
def test_the_lock_pins_every_dependency_of_what_it_pins(lock: str) -> None:
    assert missing_pins(lock_lines(lock)) == []


def test_installed_versions_are_the_pinned_ones() -> None:
    pins, _ = parse_lock(lock_lines("requirements-dev.txt"))
    wrong = []
    for pin in pins:
        if not pin.applies:
            continue
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != pin.version:
            wrong.append(f"{pin.name}: {installed}, lock {pin.version}")
    assert wrong == []


def test_the_dev_lock_holds_the_runtime_lock_at_the_same_versions() -> None:
    runtime, _ = parse_lock(lock_lines("requirements.txt"))
    dev, _ = parse_lock(lock_lines("requirements-dev.txt"))
    dev_versions = {(p.name, p.version) for p in dev}
    assert [p for p in runtime if (p.name, p.version) not in dev_versions] == []
    assert {"trafilatura", "gne", "pytest", "ruff", "mypy", "lxml-html-clean"} <= \
        {p.name for p in dev}


def test_the_checks_fail_on_a_doctored_lock() -> None:
    lines = lock_lines("requirements-dev.txt")
    # A transitive pin deleted: the extra lxml[html-clean] (via justext) and a
    # plain dependency (pydantic's pydantic-core) are reported.
    doctored = [x for x in lines
                if not x.startswith(("lxml-html-clean==", "pydantic-core=="))]
    missing = missing_pins(doctored)
    assert any(m.startswith("lxml-html-clean (required by lxml[html-clean]") for m in missing)
    assert any(m.startswith("pydantic-core (required by pydantic") for m in missing)
    # Ranges, bare names and includes are not pins.
    _, problems = parse_lock([*lines, "scrapy>=2.19", "tqdm", "-r requirements.txt",
                              "lxml==6.*"])
    assert len(problems) == 4
