"""The seed record: its schema (``SeedRecord``, strict types as
``../shared/SEED_FORMAT.md`` says), its id, seed file names, and JSONL lines
read into validated records. The files themselves are read through
``crawler.inputs`` (links refused, bad lines reported one by one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from crawler.dates import parse_moment
from crawler.inputs import NOT_IN_URL, InputProblem, read_lines, short_repr

ID_RE = re.compile(r"[0-9a-f]{16}")  # always with fullmatch: "$" would accept a trailing \n


# Seed files: ``NNN_<id>.txt``; ``<id>.txt`` is read as well.
SEED_NAME = re.compile(r"(?:\d+_)?(?P<id>[0-9a-f]{16})\.txt")


def seed_file_id(name: str) -> str | None:
    """The id in a seed file's name (``NNN_<id>.txt`` or ``<id>.txt``), if it has one."""
    match = SEED_NAME.fullmatch(name)
    return match["id"] if match else None


def seed_file_name(number: int, rid: str) -> str:
    """``NNN_<id>.txt``; refuses anything but a 16-hex id, so it is a plain name."""
    if not ID_RE.fullmatch(rid) or number < 0:
        raise ValueError(f"not a seed file name: {number!r}, {rid!r}")
    return f"{number:03d}_{rid}.txt"


def id_of_line(line: bytes | str) -> str | None:
    """The id of one JSONL line's record, ``None`` for a line that is no record
    or holds no valid id: how the seen-set and the offline commands' outputs
    read back which records a file holds."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    rid = record.get("id") if isinstance(record, dict) else None
    return rid if isinstance(rid, str) and ID_RE.fullmatch(rid) else None


def _id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError("is not 16 lowercase hex digits")
    return value


def _http_url(value: str) -> str:
    if NOT_IN_URL.search(value):
        raise ValueError("is not a URL (spaces or control characters)")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise ValueError(f"is not a URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError("is not an http(s) URL with a host")
    return value


DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


BEIJING_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00")


UTC_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:\+00:00|Z)")


def _published_at(value: str) -> str:
    if DATE_RE.fullmatch(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real date") from None
        return value
    if BEIJING_TIME_RE.fullmatch(value):
        try:
            parse_moment(value)
        except ValueError:
            raise ValueError("is not a real date and time") from None
        return value
    raise ValueError("is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+08:00 (Beijing time)")


def _fetched_at(value: str) -> str:
    if not UTC_TIME_RE.fullmatch(value):
        raise ValueError("is not an ISO 8601 UTC time (YYYY-MM-DDTHH:MM:SS+00:00)")
    try:
        parse_moment(value)
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return value


RecordId = Annotated[str, AfterValidator(_id)]


HttpUrl = Annotated[str, AfterValidator(_http_url)]


PublishedAt = Annotated[str, AfterValidator(_published_at)]


FetchedAt = Annotated[str, AfterValidator(_fetched_at)]


# crawler.sites.SITE_NAMES, in its order: a Literal cannot be derived from it at
# run time, so tests/unit/test_sites.py checks that the two agree.
SiteName = Literal["shanxidayuan", "fissico", "sxnews"]


Status = Literal["new", "updated", "unchanged", "gone", "moved", "error"]


DateSource = Literal["printed", "meta", "script", "url", "listing"]  # crawler.items.DATE_SOURCES


LITERALS = {"site": get_args(SiteName), "status": get_args(Status),
            "date_source": get_args(DateSource)}


class SeedRecord(BaseModel):
    """One JSONL record as SEED_FORMAT.md defines it, with strict types: a string
    field holds a string (no number, no object), ``category``/``tags`` a list of
    strings (a string is not a list of its characters), ``id`` exactly 16
    lowercase hex digits, ``url`` an http(s) URL with a host, ``published_at``
    ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS+08:00``, ``fetched_at`` UTC.

    Every key may be missing or null (unknown): which ones a command needs it
    says with ``read_jsonl(..., require=...)``. Keys the format does not know
    are allowed and not checked (``extra="allow"``): ``scrapy clean`` keeps them
    in its output, ``scrapy dedupe`` writes the format's keys only.
    """

    model_config = ConfigDict(strict=True, extra="allow")

    id: RecordId | None = None
    url: HttpUrl | None = None
    site: SiteName | None = None
    title: str | None = None
    subtitle: str | None = None
    published_at: PublishedAt | None = None
    author: str | None = None
    editor: str | None = None
    source: str | None = None
    region: str | None = None
    category: list[str] | None = None
    tags: list[str] | None = None
    text: str | None = None
    fetched_at: FetchedAt | None = None
    date_source: DateSource | None = None
    status: Status | None = None
    reason: str | None = None
    duplicate_of: RecordId | None = None


def _validation_problem(where: str, line: int, exc: ValidationError) -> InputProblem:
    parts = []
    first = None
    for err in exc.errors():
        loc = err["loc"]
        name = str(loc[0]) if loc else "record"
        first = first or name
        field = name + "".join(f"[{x}]" for x in loc[1:])
        message = str(err["msg"])
        if err["type"] == "value_error":  # ours: "is not 16 lowercase hex digits"
            message = message.removeprefix("Value error, ")
        elif err["type"] == "literal_error":
            message = f"is not one of {', '.join(LITERALS[name])}"
        else:  # pydantic's: "Input should be a valid string"
            message = f"is wrong: {message[:1].lower()}{message[1:]}"
        parts.append(f"{field} {short_repr(err.get('input'))} {message}")
    # The first error's field names the kind, so stats stay a short fixed list.
    return InputProblem(where, "; ".join(parts), f"bad_{first}", line)


def parse_record(where: str, line: int, text: str,
                 require: Collection[str] = ()) -> dict[str, Any] | InputProblem:
    """One JSONL line as a validated record (the dict as read: its key order and
    extra keys kept), or the problem with it."""
    try:
        record: Any = json.loads(text)
    except RecursionError:
        return InputProblem(where, "not JSON (nested too deeply)", "not_json", line)
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        return InputProblem(where, f"not JSON ({msg})", "not_json", line)
    if not isinstance(record, dict):
        return InputProblem(where, f"not a JSON object ({type(record).__name__})",
                            "not_an_object", line)
    try:
        SeedRecord.model_validate(record)
    except ValidationError as exc:
        return _validation_problem(where, line, exc)
    for key in require:
        value = record.get(key)
        if value is None:
            return InputProblem(where, f"no {key}", f"no_{key}", line)
    return record


def read_jsonl(path: Path, require: Collection[str] = ()
               ) -> Iterator[tuple[str, dict[str, Any] | InputProblem]]:
    """``(file:line, record)`` per good JSONL line, ``(file:line, problem)`` per
    bad one (not UTF-8, not JSON, not an object, a field of the wrong type, a
    required key missing), ``(file, problem)`` once for an unusable file.
    Blank lines are skipped."""
    try:
        lines = read_lines(path)
    except InputProblem as problem:
        yield problem.where, problem
        return
    for line in lines:
        if line.problem is not None:
            yield line.where, line.problem
        elif line.text.strip():
            yield line.where, parse_record(line.where, line.number, line.text, require)
