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

import os
import re
import weakref
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import CoreSchema, ErrorDetails, PydanticCustomError, core_schema
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


# --- The types: pydantic's strict types and constraints (the model is strict), each
# after the one step pydantic cannot know: a string from -s read as settings.py would
# have written the value. A string that does not read so is left for the type to refuse.

_INT = re.compile(r"\s*[+-]?\d+\s*")  # not int()'s "1_000"
_BOOLS = {"True": True, "true": True, "1": True, "False": False, "false": False, "0": False}


def _read_number(value: Any) -> Any:
    if isinstance(value, str):
        with suppress(ValueError):
            return float(value)
    return value


def _read_bool(value: Any) -> Any:
    # Scrapy's getbool spellings, and the integers 0 and 1 (not its "any other is True").
    if isinstance(value, str):
        return _BOOLS.get(value.strip(), value)
    return bool(value) if isinstance(value, int) and value in (0, 1) else value


def _read_path(value: Any) -> Any:
    # A blank string is no path: None, which a path type refuses.
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return None if isinstance(value, str) and not value.strip() else value


@dataclass(frozen=True)
class Problem:
    """Annotation: what a value of the type must be, said of any bad value (one
    phrase for both bounds), except a value that is no number where one is wanted."""

    text: str


@dataclass(frozen=True)
class OneOf:
    """Annotation: a str among ``names``, in any case and spacing (``-s DEDUP_MODE=' Mark'``)."""

    names: tuple[str, ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> CoreSchema:
        problem = f"must be one of {', '.join(self.names)}"
        lowered = core_schema.no_info_before_validator_function(
            lambda v: v.strip().lower() if isinstance(v, str) else v,
            core_schema.literal_schema(list(self.names)))
        return core_schema.custom_error_schema(
            lowered, custom_error_type="bad_setting", custom_error_message=problem,
            custom_error_context={"problem": problem})


_UNSET = BeforeValidator(lambda v: None if v == "" else v)  # -s ARCHIVE_DIR= is None: unset
_URL = Problem(f"must be a {', '.join(s + '://' for s in REDIS_SCHEMES)} URL")

Bool = Annotated[bool, BeforeValidator(_read_bool)]
Int = Annotated[int, BeforeValidator(
    lambda v: int(v) if isinstance(v, str) and _INT.fullmatch(v) else v)]
Number = Annotated[float, BeforeValidator(_read_number)]
PositiveInt = Annotated[Int, Field(ge=1)]
NonNegativeInt = Annotated[Int, Field(ge=0)]
Seed = Annotated[Int, Field(ge=0, le=SEED_MAX)]
Fraction = Annotated[Number, Field(gt=0, le=1), Problem("must be in (0, 1]")]
Seconds = Annotated[Number, Field(gt=0, allow_inf_nan=False), Problem("must be a number > 0")]
DirPath = Annotated[Path, Strict(False), BeforeValidator(_read_path)]
OptionalPath = Annotated[DirPath | None, _UNSET]
RedisUrl = Annotated[str, StringConstraints(
    strip_whitespace=True, pattern=rf"(?i)^({'|'.join(REDIS_SCHEMES)}):"), _URL]
OptionalRedisUrl = Annotated[RedisUrl | None, _UNSET, _URL]


class ProjectSettings(BaseModel):
    """Each field is the setting of the same name in upper case (``dedup_rows``
    is ``DEDUP_ROWS``); meanings and defaults: crawler/settings.py, README."""

    # No defaults on purpose: every value comes from the Settings (crawler/settings.py).
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True,
                              alias_generator=str.upper)

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
    text_script: Annotated[str, OneOf(SCRIPTS)]
    dedup_enabled: Bool
    dedup_mode: Annotated[str, OneOf(DEDUP_MODES)]
    dedup_backend: Annotated[str, OneOf(DEDUP_BACKENDS)]
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
    dedup_redis_prefix: str
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
    health_template_change: Annotated[str, OneOf(TEMPLATE_CHANGE_MODES)]
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
        name = str(ctx.get("setting") or error["loc"][0])
        problem = ctx.get("problem") or _problem(name, error)  # ours (bad_setting), or pydantic's
        raise SettingsError(name, values.get(name), str(problem)) from None


# pydantic's error types, as what the setting must be ({...}: the error's context).
_PROBLEMS = {"int_type": "must be an integer", "float_type": "must be a number",
             "bool_type": "must be True/False, true/false or 1/0",
             "string_type": "must be a string", "path_type": "must be a non-empty path",
             "greater_than_equal": "must be >= {ge}", "less_than_equal": "must be <= {le}"}


def _problem(name: str, error: ErrorDetails) -> str:
    ctx, kind = error.get("ctx") or {}, error["type"]
    numeric = kind in ("int_type", "float_type")  # not a number at all: no bound applies
    said = [m.text for m in ProjectSettings.model_fields[name.lower()].metadata
            if isinstance(m, Problem)]
    if said and not numeric:
        return said[0]
    problem = _PROBLEMS[kind].format(**ctx) if kind in _PROBLEMS else error["msg"]
    return problem + (", not a boolean" if numeric and isinstance(error["input"], bool) else "")


_redis_url = TypeAdapter(OptionalRedisUrl, config=ConfigDict(strict=True))


def redis_url(value: Any) -> str | None:
    """``REDIS_URL``'s value as validated; None when not set, or bad (which
    ``SettingsCheck`` reports by name)."""
    with suppress(ValidationError):
        return _redis_url.validate_python(value)
    return None


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
