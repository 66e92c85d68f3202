"""Input readers shared by every command, and the seed record model.

Every command that reads files (``scrapy crawl refetch``, ``scrapy clean``,
``scrapy dedupe``, ``scrapy seeds``) reads them through here, so they agree on
what a bad input is and say so the same way:

- A problem is an ``InputProblem(where, reason)``, ``where`` being ``file:line``
  (one line is bad: the rest of the file is still read) or ``file`` (the file
  is unusable). ``str(problem)`` is the one line a command prints or logs;
  ``problem.kind`` a short slug to count it by (``invalid_utf8``, ``bad_site``).
- Lines are split on ``\\n`` only and decoded one by one, so an invalid UTF-8
  byte spoils only its own line (``file:line: invalid UTF-8 at byte N``, N
  counted from the start of the file), and a U+2028 inside a JSON string is
  not a line break.
- Symbolic links and non-regular files (FIFOs, devices, sockets) are refused
  with a reason and never opened: ``lstat`` first, then ``O_NOFOLLOW`` and
  ``fstat`` on the descriptor, so a file swapped for a link in between is
  refused too. Only the last component is checked: a path's parent
  directories may be links (``/tmp`` on some systems).
- Every JSONL line is validated by ``SeedRecord`` (pydantic, strict types as
  ``../shared/SEED_FORMAT.md`` says), see there.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import json
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

ID_RE = re.compile(r"[0-9a-f]{16}")  # always with fullmatch: "$" would accept a trailing \n
# Seed files: ``NNN_<id>.txt``; ``<id>.txt`` is read as well.
SEED_NAME = re.compile(r"(?:\d+_)?(?P<id>[0-9a-f]{16})\.txt")
URL_LIKE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S*")  # what a URL list's lines look like
NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]")  # spaces, line breaks, control characters
BINARY_PROBE = 8192  # NUL bytes in the first this many bytes: a binary file


class InputProblem(Exception):
    """One bad input: ``where`` is ``file:line`` or ``file``; ``reason`` says why
    in a few words; ``kind`` is the slug it is counted under."""

    def __init__(self, where: str, reason: str, kind: str, line: int | None = None) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
        self.kind = kind
        self.line = line  # None: the whole file

    @property
    def scope(self) -> str:
        """``bad_line`` or ``bad_file``: the stats key it is counted under."""
        return "bad_file" if self.line is None else "bad_line"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"

    def __repr__(self) -> str:
        return f"InputProblem({self.where!r}, {self.reason!r}, {self.kind!r})"


# -- seed file names --------------------------------------------------------------

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


def is_plain_name(name: str) -> bool:
    """A file name that stays in its directory: no separator, not ``.``/``..``, no NUL."""
    return (bool(name) and name not in (".", "..") and "/" not in name and "\0" not in name
            and (os.altsep is None or os.altsep not in name))


# -- files: refuse links and anything but regular files ---------------------------

def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "not a regular file"


def _refusal(path: Path, mode: int) -> InputProblem | None:
    if stat.S_ISLNK(mode):
        return InputProblem(str(path), "symbolic link, not followed", "symlink")
    if not stat.S_ISREG(mode):
        return InputProblem(str(path), f"not a regular file ({_kind_of(mode)})", "not_regular")
    return None


def _os_problem(path: Path, exc: OSError) -> InputProblem:
    if exc.errno == errno.ENOENT:
        return InputProblem(str(path), "no such file", "not_found")
    if exc.errno == errno.ELOOP:
        return InputProblem(str(path), "symbolic link, not followed", "symlink")
    return InputProblem(str(path), f"unreadable ({exc.strerror or type(exc).__name__})",
                        "unreadable")


def check_input(path: Path) -> InputProblem | None:
    """Why ``path`` may not be read (``lstat``: a link is not followed), or None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return _os_problem(path, exc)
    return _refusal(path, mode)


def open_input(path: Path) -> BinaryIO:
    """Open a regular file for reading, or raise ``InputProblem``; never follows
    a symbolic link and never opens a FIFO or device (which could block, or
    have side effects)."""
    problem = check_input(path)
    if problem is not None:
        raise problem
    # O_NOFOLLOW and O_NONBLOCK: if the file was swapped since lstat, opening a
    # link fails (ELOOP) and opening a FIFO does not block; fstat then refuses it.
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _os_problem(path, exc) from None
    refused = _refusal(path, os.fstat(fd).st_mode)
    if refused is not None:
        os.close(fd)
        raise refused
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def expand_inputs(specs: Iterable[str], suffixes: Collection[str], *,
                  recursive: bool) -> tuple[list[Path], list[InputProblem]]:
    """The regular files named by ``specs`` (each a file, a directory or a glob),
    in order and once each, and a problem for each spec that names nothing
    usable and each link or non-regular file met on the way (skipped).

    A directory gives its files with one of ``suffixes`` (and, ``recursive``,
    its subdirectories'); a named file or a glob's match is taken whatever its
    suffix. Links are never followed: a named link, a link a glob matches and
    a link inside a directory (to a file with a wanted suffix, or to a
    directory when ``recursive``) are each reported."""
    files: list[Path] = []
    problems: list[InputProblem] = []
    wanted = tuple(suffixes)
    for spec in specs:
        found: list[Path] = []
        path = Path(spec)
        try:
            mode: int | None = os.lstat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            problems.append(_os_problem(path, exc))
            continue
        if mode is None:
            if not glob.has_magic(spec):
                problems.append(InputProblem(spec, "no such file", "not_found"))
                continue
            refused = 0
            for match in sorted(glob.glob(spec, recursive=recursive)):
                problem = check_input(Path(match))
                if problem is None:
                    found.append(Path(match))
                elif problem.kind != "not_regular" or not os.path.isdir(match):
                    problems.append(problem)  # (a directory a glob matches is passed over)
                    refused += 1
            if not found and not refused:
                problems.append(InputProblem(spec, "no file matches", "no_match"))
        elif stat.S_ISDIR(mode):
            found, skipped = _walk(path, wanted, recursive)
            problems.extend(skipped)
            if not found and not skipped:
                problems.append(InputProblem(
                    spec, f"no {'/'.join(wanted)} files in the directory", "no_match"))
                continue
        else:
            problem = _refusal(path, mode)
            if problem is not None:
                problems.append(problem)
                continue
            found = [path]
        files.extend(found)
    return list(dict.fromkeys(files)), problems


def _walk(top: Path, suffixes: tuple[str, ...],
          recursive: bool) -> tuple[list[Path], list[InputProblem]]:
    found: list[Path] = []
    skipped: list[InputProblem] = []
    for root, dirs, names in os.walk(top, followlinks=False):
        dirs.sort()
        for name in sorted(names + dirs):
            path = Path(root) / name
            try:
                mode = os.lstat(path).st_mode
            except OSError as exc:
                skipped.append(_os_problem(path, exc))
                continue
            if stat.S_ISDIR(mode):
                continue  # os.walk goes in (when recursive)
            if stat.S_ISLNK(mode):
                if name.endswith(suffixes) or (recursive and os.path.isdir(path)):
                    skipped.append(InputProblem(str(path), "symbolic link, not followed",
                                                "symlink"))
                continue
            if not name.endswith(suffixes):
                continue
            problem = _refusal(path, mode)
            if problem is not None:
                skipped.append(problem)
            else:
                found.append(path)
        if not recursive:
            break
    return sorted(found), skipped  # in path order, as a sorted rglob gave them


# -- lines ------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    number: int
    where: str  # "file:line"
    text: str  # without its line break; U+FFFD where it is not UTF-8 (then ``problem`` is set)
    end: str  # the line break: "\n", "\r\n" or "" (the last line)
    problem: InputProblem | None = None


def _lines(path: Path, fh: BinaryIO) -> Iterator[Line]:
    """Each ``\n``-terminated line decoded on its own; a UTF-8 BOM at the start
    of the file is dropped. (0x0A is never part of a multi-byte UTF-8
    character, so decoding line by line gives what decoding the file would.)"""
    offset = 0
    for number, raw in enumerate(fh, 1):
        body = raw[3:] if number == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
        end = "\r\n" if body.endswith(b"\r\n") else "\n" if body.endswith(b"\n") else ""
        body = body[: len(body) - len(end)]
        where = f"{path}:{number}"
        try:
            line = Line(number, where, body.decode("utf-8"), end)
        except UnicodeDecodeError as exc:
            at = offset + len(raw) - len(body) - len(end) + exc.start  # from the file's start
            line = Line(number, where, body.decode("utf-8", "replace"), end, InputProblem(
                where, f"invalid UTF-8 at byte {at}", "invalid_utf8", number))
        offset += len(raw)
        yield line


def read_lines(path: Path) -> Iterator[Line]:
    """The file's lines; raises ``InputProblem`` at once when the file cannot
    be read at all (a link, a FIFO, binary, unreadable)."""
    fh = open_input(path)
    try:
        head = fh.read(BINARY_PROBE)
        if b"\0" in head:
            raise InputProblem(str(path), "binary (NUL bytes)", "binary")
        fh.seek(0)
    except BaseException:
        fh.close()
        raise
    return _closing(fh, _lines(path, fh))


def _closing(fh: BinaryIO, lines: Iterator[Line]) -> Iterator[Line]:
    with fh:
        yield from lines


@dataclass(frozen=True)
class Document:
    """A whole text file (a seed page): its text, and the lines that were not
    UTF-8 (decoded with U+FFFD there, so the rest is still usable)."""

    text: str
    problems: tuple[InputProblem, ...]


def read_document(path: Path) -> Document:
    """The file as text; raises ``InputProblem`` when it is unusable (a link,
    binary, unreadable, empty)."""
    lines = list(read_lines(path))
    text = "".join(line.text + line.end for line in lines)
    if not text.strip():
        raise InputProblem(str(path), "empty", "empty")
    return Document(text, tuple(line.problem for line in lines if line.problem is not None))


def url_problem(url: str) -> str | None:
    """Why the text of one URL-list line is not a URL that can be parsed, or None.
    (Whether it may be fetched is ``crawler.urls.refuse_reason``'s business.)"""
    if not URL_LIKE.fullmatch(url):
        return "not a URL"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return "malformed URL (no host)"
    return None


def is_content_line(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def looks_like_url_list(lines: Iterable[Line]) -> bool:
    """Whether a ``.txt`` file is a URL list rather than a page text: at least half
    of its lines (blank lines and ``#`` comments aside) look like URLs. A page
    text has none (the seeds: 0 of 21-28 lines); a URL list with a few bad lines
    is still a URL list, each bad line reported on its own."""
    content = [line for line in lines if is_content_line(line.text)]
    urls = sum(1 for line in content if URL_LIKE.fullmatch(line.text.strip()))
    return bool(content) and urls * 2 >= len(content)


def read_url_lines(path: Path) -> Iterator[tuple[str, str | InputProblem]]:
    """``(file:line, url)`` per URL line, ``(file:line, problem)`` per bad line
    and ``(file, problem)`` once for an unusable file. Blank lines and ``#``
    comments are skipped."""
    try:
        lines = read_lines(path)
    except InputProblem as problem:
        yield problem.where, problem
        return
    yield from url_list_entries(lines)


def url_list_entries(lines: Iterable[Line]) -> Iterator[tuple[str, str | InputProblem]]:
    for line in lines:
        if not is_content_line(line.text):
            continue  # (a comment with a byte that is not UTF-8 harms nothing)
        if line.problem is not None:
            yield line.where, line.problem
            continue
        url = line.text.strip()
        reason = url_problem(url)
        if reason is None:
            yield line.where, url
        else:
            kind = "not_a_url" if reason.startswith("not a URL") else "malformed_url"
            yield line.where, InputProblem(line.where, f"{reason}: {_short(url)}", kind,
                                           line.number)


# -- the seed record ----------------------------------------------------------------

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
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a real date and time") from None
        return value
    raise ValueError("is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+08:00 (Beijing time)")


def _fetched_at(value: str) -> str:
    if not UTC_TIME_RE.fullmatch(value):
        raise ValueError("is not an ISO 8601 UTC time (YYYY-MM-DDTHH:MM:SS+00:00)")
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return value


RecordId = Annotated[str, AfterValidator(_id)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
PublishedAt = Annotated[str, AfterValidator(_published_at)]
FetchedAt = Annotated[str, AfterValidator(_fetched_at)]
# crawler.sites.SITE_NAMES, in its order: a Literal cannot be derived from it at
# run time, so tests/test_sites.py checks that the two agree.
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


def _short(value: Any, limit: int = 40) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


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
        parts.append(f"{field} {_short(err.get('input'))} {message}")
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


def count_key(problem: InputProblem) -> str:
    """The stats key a problem is counted under: ``input/bad_line/<kind>`` or
    ``input/bad_file/<kind>``."""
    return f"input/{problem.scope}/{problem.kind}"
