"""A ``scrapy`` command with one function of the project made to raise: a bug
simulated for the containment tests, in the test's own process tree only.

    python tests/support/raising.py MODULE:QUALNAME NEEDLES_FILE scrapy-args...

replaces ``QUALNAME`` in ``MODULE`` (``crawler.extract.pages:ArticlePage.record``)
by a wrapper that raises ``ValueError`` when a call's string or path arguments,
or the ``url`` of an argument, contain one of the lines of ``NEEDLES_FILE``, and
calls the original otherwise; then runs ``scrapy scrapy-args...`` in this
process (the crawl runs in-process, so it meets the wrapper) and exits with
its status.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

BUG = "simulated bug"
ROOT = Path(__file__).resolve().parents[2]


def _strings(args: tuple[Any, ...]) -> list[str]:
    found = []
    for arg in args:
        if isinstance(arg, str | os.PathLike):
            found.append(os.fspath(arg))
        elif isinstance(getattr(arg, "url", None), str):
            found.append(arg.url)
    return found


def make_raise(target: str, needles: frozenset[str]) -> None:
    module_name, qualname = target.split(":")
    owner: Any = importlib.import_module(module_name)
    *path, name = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def raising(*args: Any, **kwargs: Any) -> Any:
        if any(needle in text for text in _strings(args) for needle in needles):
            raise ValueError(BUG)
        return original(*args, **kwargs)

    setattr(owner, name, raising)


def main(argv: list[str]) -> None:
    target, needles_file, *scrapy_args = argv
    needles = frozenset(line for line in Path(needles_file).read_text("utf-8").splitlines()
                        if line)
    sys.path.insert(0, str(ROOT))  # the project, as ``python -m scrapy`` run there has it
    make_raise(target, needles)
    from scrapy.cmdline import execute

    execute(["scrapy", *scrapy_args])  # exits with the command's status


if __name__ == "__main__":
    main(sys.argv[1:])
