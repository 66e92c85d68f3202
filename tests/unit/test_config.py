"""crawler.config: the project's settings validated once, one meaning per value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import project_crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

import crawler.settings as defaults
from crawler import config
from crawler.config import SETTING_NAMES, ProjectSettings, SettingsError, project_settings
from crawler.dedupe import DedupeConfig
from crawler.middlewares import DurableDeltaFetch, FetchGuardMiddleware
from crawler.state.frontier_middleware import FrontierMiddleware
from pipelines.dedupe import DedupePipeline
from pipelines.script import ScriptPipeline
from pipelines.window import DateWindowPipeline

# The settings this module owns: crawler/settings.py's names of these forms.
OWN_PREFIXES = ("DEDUP_", "FRONTIER_", "REFETCH_", "DELTAFETCH_", "BACKOFF_", "HEALTH_",
                "REDIS_", "ARCHIVE_", "SOFT404_", "ARTICLE_")
OWN_NAMES = ("STATE_DIR", "TEXT_SCRIPT", "WINDOW_ENABLED", "FETCH_GUARD_ENABLED",
             "RUN_SUMMARY_ENABLED", "FEED_FSYNC_LINES", "FEED_FSYNC_SECONDS", "GC_GEN0_THRESHOLD")


def cmdline(**values: Any) -> Settings:
    """The project's settings with ``values`` given as ``-s NAME=VALUE`` would."""
    settings = get_project_settings()
    for name, value in values.items():
        settings.set(name, value, priority="cmdline")
    return settings


def error(**values: Any) -> str:
    with pytest.raises(SettingsError) as info:
        project_settings(cmdline(**values))
    return str(info.value)


# --- the measured cases -------------------------------------------------------

def test_rows_zero_is_refused_the_same_way_as_string_and_int() -> None:
    expected = "bad setting DEDUP_ROWS='0': must be >= 1"
    assert error(DEDUP_ROWS="0") == expected  # was: 8 rows (num_perm // bands)
    assert error(DEDUP_ROWS=0) == expected  # was: 4 rows (`or DEFAULT_ROWS`)
    with pytest.raises(SettingsError, match=r"^bad setting DEDUP_ROWS='0': must be >= 1$"):
        DedupeConfig.from_settings({"DEDUP_ROWS": 0})


@pytest.mark.parametrize("seed", ["0", 0])
def test_seed_zero_is_zero(seed: object) -> None:
    assert project_settings(cmdline(DEDUP_SEED=seed)).dedup_seed == 0  # was: 1
    config_ = DedupeConfig.from_settings({"DEDUP_SEED": seed})
    assert config_.seed == 0 and config_.params["seed"] == "0"


@pytest.mark.parametrize(("name", "value", "problem"), [
    ("DEDUP_THRESHOLD", "abc", "must be a number"),
    ("DEDUP_THRESHOLD", "0", "must be in (0, 1]"),
    ("DEDUP_THRESHOLD", "1.5", "must be in (0, 1]"),
    ("DEDUP_THRESHOLD", "nan", "must be in (0, 1]"),
    ("DEDUP_BANDS", "-1", "must be >= 1"),
    ("DEDUP_BANDS", "1.5", "must be an integer"),
    ("DEDUP_MODE", "foo", "must be one of drop, mark"),
    ("DEDUP_BACKEND", "mongo", "must be one of sqlite, redis"),
    ("FRONTIER_MAX_TRIES", "0", "must be >= 1"),
    ("ARTICLE_MAX_PAGES", "0", "must be >= 1"),
    ("HEALTH_MAX_ERROR_SHARE", "0", "must be in (0, 1]"),
    ("TEXT_SCRIPT", "xx", "must be one of keep, hans, hant"),
    ("DEDUP_SEED", "-1", "must be >= 0"),
    ("DEDUP_SEED", str(2**64), f"must be <= {2**64 - 1}"),
    ("DEDUP_COMMIT_EVERY", "0", "must be >= 1"),
    ("DEDUP_OFFLINE_COMMIT_EVERY", "", "must be an integer"),
    ("DEDUP_ENABLED", "yes", "must be True/False, true/false or 1/0"),
    ("WINDOW_ENABLED", 2, "must be True/False, true/false or 1/0"),
    ("DELTAFETCH_RESET", "TRUE", "must be True/False, true/false or 1/0"),
    ("DEDUP_REDIS_URL", "http://localhost:6379", "must be a redis://, rediss://, unix:// URL"),
    ("STATE_DIR", "", "must be a non-empty path"),
    # Kept from the hand-written coercers (crawler.config's pydantic types since):
    ("DEDUP_ROWS", "1.0", "must be an integer"),  # pydantic's lax int takes it
    ("DEDUP_ROWS", "1_000", "must be an integer"),  # int() takes it
    ("DEDUP_ROWS", 4.0, "must be an integer"),
    ("DEDUP_ROWS", True, "must be an integer, not a boolean"),
    ("DEDUP_THRESHOLD", True, "must be a number, not a boolean"),
    ("DEDUP_THRESHOLD", "inf", "must be in (0, 1]"),
    ("BACKOFF_MAX_DELAY", "0", "must be a number > 0"),
    ("BACKOFF_MAX_DELAY", "inf", "must be a number > 0"),
    ("BACKOFF_MAX_DELAY", "nan", "must be a number > 0"),
    ("BACKOFF_MAX_DELAY", "abc", "must be a number"),
    ("DEDUP_ENABLED", "on", "must be True/False, true/false or 1/0"),
    ("DEDUP_ENABLED", 1.0, "must be True/False, true/false or 1/0"),
    ("DEDUP_MODE", 1, "must be one of drop, mark"),
    ("HEALTH_TEMPLATE_CHANGE", "never", "must be one of fail, warn, off"),
    ("DEDUP_REDIS_PREFIX", 3, "must be a string"),
    ("REDIS_URL", "http://localhost:6379", "must be a redis://, rediss://, unix:// URL"),
    ("REDIS_URL", 6379, "must be a redis://, rediss://, unix:// URL"),
    ("ARCHIVE_DIR", "  ", "must be a non-empty path"),
    ("GC_GEN0_THRESHOLD", "-1", "must be >= 0"),
])
def test_a_bad_value_is_one_line_naming_the_setting(name: str, value: object,
                                                    problem: str) -> None:
    message = error(**{name: value})
    assert message == f"bad setting {name}={str(value)!r}: {problem}"
    assert "\n" not in message


def test_a_multi_line_value_still_makes_one_line() -> None:
    assert "\n" not in error(DEDUP_MODE="drop\nmark")


def test_the_defaults_of_crawler_settings_validate_as_they_are() -> None:
    own = project_settings(get_project_settings())
    for name in SETTING_NAMES:
        value = getattr(own, name.lower())
        expected = getattr(defaults, name)
        assert (str(value) if isinstance(value, Path) else value) == expected, name


def test_every_own_setting_of_crawler_settings_is_in_the_model_and_back() -> None:
    own = {n for n in dir(defaults) if n.startswith(OWN_PREFIXES) or n in OWN_NAMES}
    assert own == set(SETTING_NAMES)
    # No defaults in the model: crawler/settings.py is the one place.
    assert all(f.is_required() for f in ProjectSettings.model_fields.values())


def test_bands_times_rows_must_fit_in_the_permutations() -> None:
    assert project_settings(cmdline(DEDUP_BANDS=32)).dedup_bands == 32  # 32 x 4 = 128: fits
    # The message names the setting that was given, not one left at its default.
    assert error(DEDUP_BANDS="40") == ("bad setting DEDUP_BANDS='40': DEDUP_BANDS x DEDUP_ROWS"
                                       " = 40 x 4 = 160 must be <= DEDUP_NUM_PERM (128)")
    assert error(DEDUP_NUM_PERM="32").startswith("bad setting DEDUP_NUM_PERM='32': ")
    assert error(DEDUP_ROWS="9").startswith("bad setting DEDUP_ROWS='9': ")
    assert project_settings(cmdline(DEDUP_NUM_PERM="64", DEDUP_ROWS="4")).dedup_num_perm == 64


@pytest.mark.parametrize(("raw", "parsed"), [
    ("1", True), ("0", False), ("true", True), ("False", False), (True, True), (0, False),
    (" True ", True),
])
def test_booleans_parse_as_scrapy_documents_them(raw: object, parsed: bool) -> None:
    assert project_settings(cmdline(DEDUP_ENABLED=raw)).dedup_enabled is parsed


def test_strings_from_s_mean_what_python_values_mean() -> None:
    own = project_settings(cmdline(DEDUP_ROWS=" 2 ", DEDUP_THRESHOLD="1", DEDUP_MODE="MARK",
                                   DEDUP_SQLITE_PATH="", STATE_DIR="/tmp/s"))
    assert (own.dedup_rows, own.dedup_threshold, own.dedup_mode) == (2, 1.0, "mark")
    assert own.dedup_sqlite_path is None and own.state_dir == Path("/tmp/s")
    assert project_settings(cmdline(DEDUP_SQLITE_PATH="x.db")).dedup_sqlite_path == Path("x.db")


def test_empty_means_unset_and_surrounding_spaces_are_dropped_where_they_are_today(
        tmp_path: Path) -> None:
    own = project_settings(cmdline(REDIS_URL=" REDIS://h:6379/1 ", ARCHIVE_DIR="",
                                   DEDUP_SEED=" -0 ", HEALTH_TEMPLATE_P=" 1e-3 ",
                                   STATE_DIR=tmp_path, DEDUP_ENABLED=" False "))
    assert (own.redis_url, own.archive_dir, own.dedup_seed) == ("REDIS://h:6379/1", None, 0)
    assert (own.health_template_p, own.state_dir, own.dedup_enabled) == (0.001, tmp_path, False)
    assert project_settings(cmdline(REDIS_URL="")).redis_url is None
    assert project_settings(cmdline(STATE_DIR=" s ")).state_dir == Path(" s ")  # as given


@pytest.mark.parametrize(("raw", "url"), [
    (None, None), ("", None), (" ", None), (6379, None), ("http://h", None),
    (" redis://h/0 ", "redis://h/0"), ("unix:///run/redis.sock", "unix:///run/redis.sock"),
])
def test_the_distributed_switch_reads_redis_url_by_the_same_rule(raw: object,
                                                                 url: str | None) -> None:
    assert config.redis_url(raw) == url


def test_validated_once_per_settings_object_and_again_when_it_changes() -> None:
    settings = cmdline()
    first = project_settings(settings)
    assert project_settings(settings) is first
    assert project_settings(settings.frozencopy()) == first  # another object, same values
    settings.set("DEDUP_SQLITE_PATH", "other.db", priority="cmdline")  # as scrapy dedupe does
    assert project_settings(settings).dedup_sqlite_path == Path("other.db")
    settings.set("DEDUP_ROWS", "0", priority="cmdline")
    with pytest.raises(SettingsError):
        project_settings(settings)


def test_a_name_missing_everywhere_is_a_programming_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(config._defaults, "DEDUP_ROWS")
    with pytest.raises(LookupError, match="DEDUP_ROWS"):
        project_settings(Settings())


# --- components built through Scrapy's test helper read the validated values ---

def built(tmp_path: Path, **values: Any) -> Any:
    return get_crawler(settings_dict={"STATE_DIR": str(tmp_path / "state"), **values})


def test_dedupe_pipeline_reads_the_validated_values(tmp_path: Path) -> None:
    pipe = DedupePipeline.from_crawler(built(tmp_path, DEDUP_ROWS="2", DEDUP_SEED="0",
                                             DEDUP_MODE="mark", DEDUP_THRESHOLD="0.6"))
    c = pipe.config
    assert (c.rows, c.band_rows, c.seed, c.mode, c.threshold) == (2, 2, 0, "mark", 0.6)
    assert (c.bands, c.num_perm, c.same_id_is_duplicate) == (16, 128, False)  # settings.py's
    with pytest.raises(NotConfigured):
        DedupePipeline.from_crawler(built(tmp_path, DEDUP_ENABLED="0"))
    with pytest.raises(SettingsError, match=r"^bad setting DEDUP_ROWS='0'"):
        DedupePipeline.from_crawler(built(tmp_path, DEDUP_ROWS=0))


def test_frontier_middleware_reads_the_validated_values(tmp_path: Path) -> None:
    assert FrontierMiddleware.from_crawler(built(tmp_path, FRONTIER_MAX_TRIES="3")).max_tries == 3
    # Off, it stays in the chain: the facts the spider yields still stop there.
    assert FrontierMiddleware.from_crawler(built(tmp_path, FRONTIER_ENABLED="false")).enabled \
        is False
    with pytest.raises(SettingsError, match=r"^bad setting FRONTIER_MAX_TRIES='0': must be >= 1$"):
        FrontierMiddleware.from_crawler(built(tmp_path, FRONTIER_MAX_TRIES="0"))


def test_script_and_window_pipelines_read_the_validated_values(tmp_path: Path) -> None:
    assert ScriptPipeline.from_crawler(built(tmp_path, TEXT_SCRIPT="HANS")).script == "hans"
    with pytest.raises(NotConfigured):
        ScriptPipeline.from_crawler(built(tmp_path))  # keep (settings.py)
    with pytest.raises(SettingsError, match=r"^bad setting TEXT_SCRIPT='xx'"):
        ScriptPipeline.from_crawler(built(tmp_path, TEXT_SCRIPT="xx"))
    assert isinstance(DateWindowPipeline.from_crawler(built(tmp_path, WINDOW_ENABLED="1")),
                      DateWindowPipeline)
    with pytest.raises(NotConfigured):
        DateWindowPipeline.from_crawler(built(tmp_path, WINDOW_ENABLED="0"))


def test_middlewares_read_the_validated_values(tmp_path: Path) -> None:
    assert isinstance(FetchGuardMiddleware.from_crawler(built(tmp_path)), FetchGuardMiddleware)
    with pytest.raises(NotConfigured):
        FetchGuardMiddleware.from_crawler(built(tmp_path, FETCH_GUARD_ENABLED="False"))
    assert DurableDeltaFetch.from_crawler(built(tmp_path, DELTAFETCH_RESET="1")).reset is True
    assert DurableDeltaFetch.from_crawler(built(tmp_path, DELTAFETCH_RESET="0")).reset is False
    with pytest.raises(NotConfigured):
        DurableDeltaFetch.from_crawler(built(tmp_path, DELTAFETCH_ENABLED=0))


def test_offline_dedupe_reads_the_validated_commit_interval(tmp_path: Path) -> None:
    import io

    from crawler.commands.dedupe import run_dedupe

    settings = {"STATE_DIR": str(tmp_path), "DEDUP_OFFLINE_COMMIT_EVERY": "0"}
    (tmp_path / "in.jsonl").write_text("", "utf-8")
    with pytest.raises(SettingsError, match=r"^bad setting DEDUP_OFFLINE_COMMIT_EVERY='0'"):
        run_dedupe([tmp_path / "in.jsonl"], io.StringIO(), settings, progress=False)


def test_every_crawl_checks_its_settings_first(tmp_path: Path) -> None:
    """SettingsCheck (EXTENSIONS) fails the crawler's set-up, before the engine."""
    with pytest.raises(SettingsError, match=r"^bad setting DEDUP_ROWS='0': must be >= 1$"):
        project_crawler(STATE_DIR=str(tmp_path), DEDUP_ROWS="0")
    assert project_crawler(STATE_DIR=str(tmp_path)).settings.frozen
