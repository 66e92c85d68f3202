"""The project's own settings, validated once, with one meaning per value.

``project_settings(settings)`` reads every setting the project defines for
itself (``STATE_DIR``, ``FETCH_GUARD_ENABLED``, ``FRONTIER_*``, ``ARTICLE_*``, ``DELTAFETCH_*``,
``WINDOW_ENABLED``, ``REFETCH_CONDITIONAL``, ``SOFT404_PROBE``, ``ARCHIVE_*``,
``TEXT_SCRIPT``, ``DEDUP_*``, ``BACKOFF_*``, ``RUN_SUMMARY_ENABLED``, ``HEALTH_*``,
``REDIS_*``) from a Scrapy ``Settings`` object and returns them typed and checked, or raises
``SettingsError`` with one line: ``bad setting DEDUP_ROWS='0': must be >= 1``.

Why strict parsing: ``-s NAME=VALUE`` gives strings, ``settings.py`` gives
Python values, and the two must mean the same thing. ``"0"`` and ``0`` are both
zero (never "unset, use the default"), booleans are only ``True``/``False``,
``true``/``false`` and ``1``/``0`` (as Scrapy's ``getbool`` documents, without
its "any other integer is True"), and a value out of range is refused here,
before any request, instead of failing later inside a component.

The defaults live in ``crawler/settings.py`` only: this module declares no
default values. A name missing from the ``Settings`` object (one built by
``scrapy.utils.test.get_crawler`` or a plain dict of overrides) is read from
``crawler/settings.py``; a name missing there too is a programming error
(``LookupError``), never silently defaulted.

``SettingsCheck`` (in ``EXTENSIONS``) validates every crawl's settings before the
engine is created, so a bad value stops the run before any request.
"""

from __future__ import annotations

import math
import os
import re
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, NoReturn, Self
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings

import crawler.settings as _defaults
from crawler.cleaning.script import SCRIPTS

DEDUP_MODES = ("drop", "mark")
TEMPLATE_CHANGE_MODES = ("fail", "warn", "off")
DEDUP_BACKENDS = ("sqlite", "redis")
REDIS_SCHEMES = ("redis", "rediss", "unix")
SEED_MAX = 2**64 - 1  # rensa takes the MinHash seed as an unsigned 64-bit integer


class SettingsError(ValueError):
    """A bad value of one of the project's settings; the message is one line."""

    def __init__(self, name: str, value: Any, problem: str) -> None:
        self.name, self.value, self.problem = name, value, problem
        super().__init__(f"bad setting {name}={_show(value)}: {problem}")


def _show(value: Any) -> str:
    # str() first, so that -s DEDUP_ROWS=0 and DEDUP_ROWS = 0 read the same: '0'.
    text = str(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return repr(text)


def _fail(problem: str, setting: str | None = None) -> NoReturn:
    # A PydanticCustomError keeps the message as written (no "Value error, " prefix).
    ctx = {"problem": problem} if setting is None else {"problem": problem, "setting": setting}
    raise PydanticCustomError("bad_setting", "{problem}", ctx)


# --- Parsers: each accepts the Python value settings.py uses and the string -s gives.

_INT = re.compile(r"[+-]?\d+")
_TRUE, _FALSE = ("True", "true", "1"), ("False", "false", "0")


def _int(value: Any) -> int:
    if isinstance(value, bool):  # bool is an int subclass; True is no count
        _fail("must be an integer, not a boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INT.fullmatch(value.strip()):
        return int(value)
    _fail("must be an integer")


def _int_in(lo: int, hi: int | None = None) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        n = _int(value)
        if n < lo:
            _fail(f"must be >= {lo}")
        if hi is not None and n > hi:
            _fail(f"must be <= {hi}")
        return n

    return parse


def _float(value: Any) -> float:
    if isinstance(value, bool):
        _fail("must be a number, not a boolean")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    _fail("must be a number")


def _positive_float(value: Any) -> float:
    x = _float(value)
    if math.isnan(x) or math.isinf(x) or x <= 0.0:
        _fail("must be a number > 0")
    return x


def _fraction(value: Any) -> float:
    x = _float(value)
    if math.isnan(x) or not 0.0 < x <= 1.0:
        _fail("must be in (0, 1]")
    return x


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    _fail("must be True/False, true/false or 1/0")


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = value.strip().lower() if isinstance(value, str) else None
        if text not in options:
            _fail(f"must be one of {', '.join(options)}")
        return text

    return parse


def _path(value: Any) -> Path:
    if isinstance(value, os.PathLike) or (isinstance(value, str) and value.strip()):
        return Path(value)
    _fail("must be a non-empty path")


def _optional_path(value: Any) -> Path | None:
    # None and "" (-s DEDUP_SQLITE_PATH=) both mean "not set": the path under STATE_DIR.
    if value is None or value == "":
        return None
    return _path(value)


def _redis_url(value: Any) -> str:
    if isinstance(value, str) and urlsplit(value.strip()).scheme in REDIS_SCHEMES:
        return value.strip()
    _fail(f"must be a {', '.join(s + '://' for s in REDIS_SCHEMES)} URL")


def _optional_redis_url(value: Any) -> str | None:
    # None and "" (-s REDIS_URL=) both mean "not distributed".
    if value is None or value == "":
        return None
    return _redis_url(value)


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    _fail("must be a string")


Bool = Annotated[bool, PlainValidator(_bool)]
PositiveInt = Annotated[int, PlainValidator(_int_in(1))]
NonNegativeInt = Annotated[int, PlainValidator(_int_in(0))]
Seed = Annotated[int, PlainValidator(_int_in(0, SEED_MAX))]
Fraction = Annotated[float, PlainValidator(_fraction)]
Seconds = Annotated[float, PlainValidator(_positive_float)]
DirPath = Annotated[Path, PlainValidator(_path)]
OptionalPath = Annotated[Path | None, PlainValidator(_optional_path)]
RedisUrl = Annotated[str, PlainValidator(_redis_url)]
OptionalRedisUrl = Annotated[str | None, PlainValidator(_optional_redis_url)]
Text = Annotated[str, PlainValidator(_str)]


class ProjectSettings(BaseModel):
    """Each field is the setting of the same name in upper case (``dedup_rows``
    is ``DEDUP_ROWS``); meanings and defaults: crawler/settings.py, README."""

    # No defaults on purpose: every value comes from the Settings (crawler/settings.py).
    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=str.upper)

    state_dir: DirPath
    fetch_guard_enabled: Bool
    frontier_enabled: Bool
    frontier_max_tries: PositiveInt
    article_max_pages: PositiveInt
    deltafetch_enabled: Bool
    deltafetch_reset: Bool
    window_enabled: Bool
    refetch_conditional: Bool
    soft404_probe: Bool
    archive_enabled: Bool
    archive_dir: OptionalPath
    archive_max_bytes: PositiveInt
    text_script: Annotated[str, PlainValidator(_choice(SCRIPTS))]
    dedup_enabled: Bool
    dedup_mode: Annotated[str, PlainValidator(_choice(DEDUP_MODES))]
    dedup_backend: Annotated[str, PlainValidator(_choice(DEDUP_BACKENDS))]
    dedup_threshold: Fraction
    dedup_near_min_chars: NonNegativeInt
    dedup_shingle: PositiveInt
    dedup_num_perm: PositiveInt
    dedup_bands: PositiveInt
    dedup_rows: PositiveInt
    dedup_seed: Seed
    dedup_same_id_is_duplicate: Bool
    dedup_commit_every: PositiveInt
    dedup_offline_commit_every: PositiveInt
    dedup_sqlite_path: OptionalPath
    dedup_redis_url: RedisUrl
    dedup_redis_prefix: Text
    backoff_enabled: Bool
    backoff_max_retry_after: Seconds
    backoff_max_delay: Seconds
    backoff_challenge_limit: PositiveInt
    run_summary_enabled: Bool
    feed_fsync_lines: PositiveInt
    feed_fsync_seconds: Seconds
    health_max_failed_share: Fraction
    health_max_challenged_share: Fraction
    health_max_fallback_share: Fraction
    health_max_error_share: Fraction
    health_template_change: Annotated[str, PlainValidator(_choice(TEMPLATE_CHANGE_MODES))]
    health_template_history: PositiveInt
    health_template_min_shift: Fraction
    health_template_p: Fraction
    health_template_min_pages: PositiveInt
    health_template_accept: Bool
    health_template_confirm_runs: NonNegativeInt
    redis_url: OptionalRedisUrl
    redis_lease_seconds: Seconds
    redis_idle_close_seconds: Seconds
    gc_gen0_threshold: NonNegativeInt

    @model_validator(mode="after")
    def _cross_field(self, info: ValidationInfo) -> Self:
        banded = self.dedup_bands * self.dedup_rows
        if banded > self.dedup_num_perm:
            # LSH bands are cut from the signature: they must fit in it.
            _fail(f"DEDUP_BANDS x DEDUP_ROWS = {self.dedup_bands} x {self.dedup_rows} = "
                  f"{banded} must be <= DEDUP_NUM_PERM ({self.dedup_num_perm})",
                  _blame(info, ("DEDUP_ROWS", "DEDUP_BANDS", "DEDUP_NUM_PERM")))
        return self


def _blame(info: ValidationInfo, names: tuple[str, ...]) -> str:
    """Of settings that only together are wrong, the one set most explicitly
    (``-s`` over a spider's over settings.py); the first on a tie."""
    priority: Mapping[str, int] = (info.context or {}).get("priority", {})
    return max(names, key=lambda n: priority.get(n, 0))


SETTING_NAMES: tuple[str, ...] = tuple(
    str(field.alias) for field in ProjectSettings.model_fields.values())


def _raw(settings: BaseSettings | Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, int]]:
    """The raw value and priority of every project setting; names the Settings
    object lacks come from crawler/settings.py (priority 0)."""
    values: dict[str, Any] = {}
    priority: dict[str, int] = {}
    for name in SETTING_NAMES:
        if name in settings:
            values[name] = settings[name]
            priority[name] = (settings.getpriority(name) or 0) \
                if isinstance(settings, BaseSettings) else 1
        elif hasattr(_defaults, name):
            values[name] = getattr(_defaults, name)
            priority[name] = 0
        else:
            raise LookupError(f"setting {name} has no value and no default in "
                              "crawler/settings.py")
    return values, priority


def validate(values: Mapping[str, Any], priority: Mapping[str, int] | None = None
             ) -> ProjectSettings:
    """``values`` (every project setting by name) checked; ``SettingsError`` if not."""
    try:
        return ProjectSettings.model_validate(values, context={"priority": priority or {}})
    except ValidationError as exc:
        error = exc.errors()[0]
        ctx = error.get("ctx") or {}
        name = str(ctx.get("setting") or (error["loc"][0] if error["loc"] else "?"))
        raise SettingsError(name, values.get(name), str(ctx.get("problem", error["msg"]))
                            ) from None


# Keyed by id(): Settings objects are unhashable mappings. The weak reference
# drops the entry with its Settings; the raw values catch a Settings changed
# after it was validated (a command setting DEDUP_SQLITE_PATH, say).
_cache: dict[int, tuple[weakref.ref[BaseSettings], dict[str, Any], ProjectSettings]] = {}


def project_settings(settings: BaseSettings | Mapping[str, Any]) -> ProjectSettings:
    """The project's settings in ``settings``, validated once per Settings object.

    A plain mapping is taken as overrides of crawler/settings.py (not cached).
    Raises ``SettingsError`` (a ``ValueError``) naming the first bad setting."""
    values, priority = _raw(settings)
    if not isinstance(settings, BaseSettings):
        return validate(values, priority)
    key = id(settings)
    hit = _cache.get(key)
    if hit is not None and hit[0]() is settings and hit[1] == values:
        return hit[2]
    checked = validate(values, priority)
    _cache[key] = (weakref.ref(settings, _forget(key)), values, checked)
    return checked


def _forget(key: int) -> Callable[[weakref.ref[BaseSettings]], None]:
    def forget(_: weakref.ref[BaseSettings]) -> None:
        _cache.pop(key, None)

    return forget


class SettingsCheck:
    """An extension that only validates: listed first in ``EXTENSIONS``, so every
    crawl checks its settings (``-s``, the spider's, settings.py) before its
    engine, pipelines and middlewares exist and before any request."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SettingsCheck:
        project_settings(crawler.settings)
        raise NotConfigured  # nothing to do during the crawl
