"""Input files, read safely: the readers every command shares.

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

A JSONL line's record is ``crawler.records``' business (its schema and ids).
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

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


def is_plain_name(name: str) -> bool:
    """A file name that stays in its directory: no separator, not ``.``/``..``, no NUL."""
    return (bool(name) and name not in (".", "..") and "/" not in name and "\0" not in name
            and (os.altsep is None or os.altsep not in name))


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
            yield line.where, InputProblem(line.where, f"{reason}: {short_repr(url)}", kind,
                                           line.number)


def short_repr(value: Any, limit: int = 40) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def count_key(problem: InputProblem) -> str:
    """The stats key a problem is counted under: ``input/bad_line/<kind>`` or
    ``input/bad_file/<kind>``."""
    return f"input/{problem.scope}/{problem.kind}"
