"""The project deployed to a real scrapyd: an egg built by ``scrapyd-deploy``,
a job scheduled through the HTTP API, its items read back from ``items_dir``.

scrapyd runs in a virtualenv of its own (scrapyd, scrapyd-client and the
project's locked runtime requirements, no project checkout on its path), built
once and cached under the temp directory, so only the egg can be imported. It
listens on 127.0.0.1 and crawls through the session's replica (``http_proxy``
in its environment); nothing else is ever addressed. The deploy runs from a
copy of the packaging inputs, so the checkout gets no ``build/`` or egg-info.
Skipped with the reason when that virtualenv cannot be built (no PyPI).
"""

from __future__ import annotations

import configparser
import fcntl
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

# pytest -n: one scrapyd and one deploy for the module, on one worker.
pytestmark = pytest.mark.xdist_group("scrapyd")

# Verified together with requirements.txt on Python 3.11: scrapyd 1.6 imports
# pkg_resources (gone from setuptools 81), scrapyd-deploy builds the egg with
# this setuptools and uberegg.
SCRAPYD_PINS = ("scrapyd==1.6.0", "scrapyd-client==2.0.3", "uberegg==0.1.1",
                "setuptools==80.9.0")
# What the egg is built from (pyproject.toml names README.md and requirements.in).
PACKAGING = ("pyproject.toml", "setup.py", "scrapy.cfg", "README.md", "requirements.in")
# The checkout's packages, all copied: the egg must hold the product's and not
# the test doubles (the replica and testkit run from a checkout only).
PRODUCT = ("crawler", "spiders", "pipelines")
PACKAGES = (*PRODUCT, "replica", "testkit")
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "CONCURRENT_REQUESTS": "16"}
JOB_TIMEOUT = 120.0
PROXY_VARS = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
              "ALL_PROXY", "no_proxy", "NO_PROXY")
# Nothing of the test's own environment may point scrapyd at the checkout or a state.
SCRUBBED = (*PROXY_VARS, "PYTHONPATH", "CRAWLER_STATE_DIR", "XDG_DATA_HOME",
            "SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT", "SCRAPYD_EGG_VERSION", "VIRTUAL_ENV")

# urllib without any proxy from the environment: only 127.0.0.1 is addressed.
_local = urllib.request.build_opener(urllib.request.ProxyHandler({}))


# --- the scrapyd virtualenv, cached across sessions ----------------------------

def _venv_key() -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\n{sys.base_prefix}".encode())
    digest.update("\n".join(SCRAPYD_PINS).encode())
    digest.update((ROOT / "requirements.txt").read_bytes())
    return digest.hexdigest()[:16]


def _build_venv(venv: Path) -> str | None:
    """Create ``venv`` with scrapyd and the runtime requirements; None, or why not."""
    shutil.rmtree(venv, ignore_errors=True)
    log = venv.with_suffix(".log")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True,
                       capture_output=True, timeout=120)
        with log.open("w") as fh:
            proc = subprocess.run(
                [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-input",
                 "--disable-pip-version-check", "--progress-bar", "off",
                 "-r", str(ROOT / "requirements.txt"), *SCRAPYD_PINS],
                stdout=fh, stderr=subprocess.STDOUT, timeout=900, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"could not create the scrapyd virtualenv: {exc}"
    if proc.returncode != 0:
        lines = [ln for ln in log.read_text(errors="replace").splitlines()
                 if ln.strip() and not ln.startswith("WARNING: Location")]
        return (f"pip could not install scrapyd and requirements.txt (no network?), "
                f"exit {proc.returncode}: {' | '.join(lines[-3:])} (full log: {log})")
    return None


@pytest.fixture(scope="session")
def scrapyd_venv() -> Path:
    """A virtualenv with scrapyd, scrapyd-client and requirements.txt (cached)."""
    venv = Path(tempfile.gettempdir()) / f"regional-news-crawler-scrapyd-{_venv_key()}"
    stamp = venv / ".complete"
    with venv.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one builder at a time; the others wait and reuse
        if not stamp.exists():
            why = _build_venv(venv)
            if why:
                pytest.skip(why)
            stamp.write_text(" ".join(SCRAPYD_PINS) + "\n")
    return venv


# --- a scrapyd on 127.0.0.1 with the project deployed ---------------------------

@dataclass
class Scrapyd:
    url: str
    root: Path  # scrapyd's working directory: scrapyd.conf, eggs/, logs/, items/, dbs/
    xdg: Path  # XDG_DATA_HOME of scrapyd (and so of its jobs)
    output: Path  # scrapyd's own log (its stdout and the jobs' stderr)
    deploy: str  # what scrapyd-deploy printed

    def get(self, endpoint: str, **params: str) -> dict[str, Any]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with _local.open(f"{self.url}{endpoint}{query}", timeout=10) as resp:
            data: dict[str, Any] = json.load(resp)
        return data

    def post(self, endpoint: str, fields: list[tuple[str, str]]) -> dict[str, Any]:
        body = urllib.parse.urlencode(fields).encode()
        with _local.open(f"{self.url}{endpoint}", data=body, timeout=10) as resp:
            data: dict[str, Any] = json.load(resp)
        return data

    def schedule(self, spider: str, **settings: str) -> str:
        fields = [("project", "crawler"), ("spider", spider),
                  *(("setting", f"{k}={v}") for k, v in settings.items())]
        answer = self.post("schedule.json", fields)
        assert answer["status"] == "ok", answer
        return str(answer["jobid"])

    def wait(self, job: str, timeout: float = JOB_TIMEOUT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for entry in self.get("listjobs.json", project="crawler")["finished"]:
                if entry["id"] == job:
                    return dict(entry)
            time.sleep(0.25)
        raise AssertionError(f"job {job} not finished after {timeout:.0f} s:\n"
                             f"{self.output.read_text(errors='replace')[-3000:]}")

    def job_file(self, kind: str, spider: str, job: str) -> Path:
        ext = {"logs": "log", "items": "jl"}[kind]
        return self.root / kind / "crawler" / spider / f"{job}.{ext}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _packaging_copy(dest: Path, url: str) -> None:
    """The egg's inputs copied to ``dest``; its scrapy.cfg deploys to ``url``."""
    dest.mkdir()
    for name in PACKAGING:
        shutil.copy2(ROOT / name, dest / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, dest / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "scrapy.cfg")
    assert cfg.get("deploy", "project") == "crawler"
    cfg.set("deploy", "url", url)
    with (dest / "scrapy.cfg").open("w") as fh:
        cfg.write(fh)


def _checkout_listing() -> set[str]:
    return {p.name for p in ROOT.iterdir()}


@pytest.fixture(scope="module")
def scrapyd(scrapyd_venv: Path, replica_session: Any,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    base = tmp_path_factory.mktemp("scrapyd")
    root, home, xdg = base / "scrapyd", base / "home", base / "xdg"
    for path in (root, home, xdg):
        path.mkdir()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    (root / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {root / 'eggs'}\n"
        f"logs_dir = {root / 'logs'}\n"
        f"items_dir = {root / 'items'}\n"
        f"dbs_dir = {root / 'dbs'}\n"
        "poll_interval = 0.2\n"
        "max_proc = 2\n")
    clean = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    # HOME keeps a ~/.scrapyd.conf out; the jobs' default STATE_DIR is under XDG_DATA_HOME.
    env = {**clean, "HOME": str(home), "XDG_DATA_HOME": str(xdg),
           "http_proxy": replica_session.proxy_url, "https_proxy": replica_session.proxy_url}
    output = base / "scrapyd.out"
    bin_dir = scrapyd_venv / "bin"
    with output.open("wb") as out:
        proc = subprocess.Popen([str(bin_dir / "scrapyd")], cwd=root, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        daemon = Scrapyd(url, root, xdg, output, "")
        deadline = time.monotonic() + 30
        while True:
            try:
                daemon.get("daemonstatus.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"scrapyd did not start:\n{output.read_text(errors='replace')}") from None
                time.sleep(0.1)
        before = _checkout_listing()
        src = base / "src"
        _packaging_copy(src, url)
        deploy = subprocess.run(
            [str(bin_dir / "scrapyd-deploy"), "-p", "crawler", "--version", "test"],
            cwd=src, env={**clean, "HOME": str(home)}, capture_output=True, text=True,
            timeout=120, check=False)
        daemon.deploy = deploy.stdout + deploy.stderr
        assert deploy.returncode == 0, daemon.deploy
        assert _checkout_listing() == before, "scrapyd-deploy wrote into the checkout"
        yield daemon
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # scrapyd and any job it still runs
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


# --- the tests -------------------------------------------------------------------

def test_deploy_lists_the_spiders(scrapyd: Scrapyd) -> None:
    assert '"status": "ok"' in scrapyd.deploy and '"spiders": 4' in scrapyd.deploy, \
        scrapyd.deploy
    spiders = scrapyd.get("listspiders.json", project="crawler")["spiders"]
    assert set(spiders) == {"shanxidayuan", "fissico", "sxnews", "refetch"}


def test_the_egg_holds_the_product_and_no_test_double(scrapyd: Scrapyd) -> None:
    egg = scrapyd.root / "eggs" / "crawler" / "test.egg"
    with zipfile.ZipFile(egg) as zf:
        names = set(zf.namelist())
        entry_points = zf.read("EGG-INFO/entry_points.txt").decode()
    for package in PRODUCT:
        assert f"{package}/__init__.py" in names
    wanted = {"crawler/settings.py", "crawler/sites/__init__.py", "crawler/commands/replica.py",
              "spiders/shanxidayuan.py", "pipelines/dedupe.py"}
    assert wanted <= names
    assert not any(n.startswith(("tests/", "bench/", "replica/", "testkit/")) for n in names)
    assert "[scrapy]" in entry_points and "settings = crawler.settings" in entry_points


def _egg_settings(scrapyd_venv: Path, egg: Path, env: dict[str, str]) -> dict[str, Any]:
    """STATE_DIR as the egg's settings module gives it, and whether the replica
    can be imported beside the egg (it must not: the egg does without it)."""
    code = ("import importlib.util as u, json, sys; sys.path.insert(0, sys.argv[1]); "
            "import crawler.settings as s; "
            "print(json.dumps({'state': s.STATE_DIR, 'file': s.__file__, "
            "'replica': u.find_spec('replica') is not None}))")
    base = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    proc = subprocess.run([str(scrapyd_venv / "bin" / "python"), "-c", code, str(egg)],
                          env={**base, **env}, cwd=egg.parent, capture_output=True, text=True,
                          timeout=60, check=True)
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_state_dir_of_the_egg_is_outside_it(scrapyd: Scrapyd, scrapyd_venv: Path,
                                            tmp_path: Path) -> None:
    egg = scrapyd.root / "eggs" / "crawler" / "test.egg"
    given = _egg_settings(scrapyd_venv, egg, {"CRAWLER_STATE_DIR": str(tmp_path / "given"),
                                              "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert given["state"] == str(tmp_path / "given")
    assert ".egg/crawler/settings.py" in given["file"]  # it really is the zipped module
    assert given["replica"] is False  # the crawl below runs without it
    xdg = _egg_settings(scrapyd_venv, egg, {"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert xdg["state"] == str(tmp_path / "xdg" / "regional-news-crawler" / "state")
    home = _egg_settings(scrapyd_venv, egg, {"HOME": str(tmp_path / "home")})
    assert home["state"] == str(tmp_path / "home" / ".local" / "share" /
                                "regional-news-crawler" / "state")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def test_scheduled_crawl_exports_every_article_once(scrapyd: Scrapyd,
                                                    replica_session: Any) -> None:
    truth = replica_session.truth("shanxidayuan")
    job = scrapyd.schedule("shanxidayuan", **FAST)
    scrapyd.wait(job)
    log = scrapyd.job_file("logs", "shanxidayuan", job).read_text("utf-8", errors="replace")
    daemon_log = scrapyd.output.read_text(errors="replace")
    assert "Traceback" not in log and "NotADirectoryError" not in log, log[-3000:]
    assert "Traceback" not in daemon_log, daemon_log[-3000:]
    assert f"Process finished: project='crawler' spider='shanxidayuan' job='{job}'" \
        in daemon_log, daemon_log[-3000:]
    records = _records(scrapyd.job_file("items", "shanxidayuan", job))
    assert len(records) == len(truth), log[-3000:]
    assert {r["url"] for r in records} == {r["url"] for r in truth}
    assert all(r["site"] and r["text"] and r["id"] for r in records)
    # The state went to the default outside the egg: XDG_DATA_HOME of scrapyd
    # (below via-local-proxy/, as the replica is a proxy on this machine).
    state = scrapyd.xdg / "regional-news-crawler" / "state"
    assert list(state.rglob("deltafetch/shanxidayuan.sqlite")), sorted(state.rglob("*"))
    assert not (scrapyd.root / ".state").exists()

    # A second job finds that state: nothing is new, an empty items file.
    again = scrapyd.schedule("shanxidayuan", **FAST)
    scrapyd.wait(again)
    assert _records(scrapyd.job_file("items", "shanxidayuan", again)) == []
    second_log = scrapyd.job_file("logs", "shanxidayuan", again).read_text("utf-8")
    assert "Traceback" not in second_log, second_log[-3000:]
    assert "Process died" not in scrapyd.output.read_text(errors="replace")
