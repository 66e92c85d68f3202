"""Spider arguments, validated before the first request (pydantic)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    ValidationError,
    field_validator,
    model_validator,
)

from crawler.refetch import expand_input
from crawler.sites.base import Site

MAX_ID_SPAN = 10_000_000
# A column is a path of lower-case segments ("lzyl", "xw/dzyw", "318641/318818"):
# never "..", never a scheme or a host.
COLUMN_RE = re.compile(r"[a-z0-9_]+(?:/[a-z0-9_]+)*")


class ArgumentError(ValueError):
    """A bad spider argument; the message is one line naming it."""


class CrawlArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # The descriptions are what ``scrapy describe SPIDER`` prints.
    since: dt.date | None = Field(None, description=(
        "ISO date: listings stop paging once past it; older articles are dropped"))
    until: dt.date | None = Field(None, description=(
        "ISO date: newer articles are dropped (a backfill window with since)"))
    categories: tuple[str, ...] = Field((), description=(
        "comma-separated columns in the site's forms (and everything nested below)"))
    ids: tuple[int, int] | None = Field(None, description=(
        "START-END: walk article ids directly instead of listings"))
    via: Literal["auto", "listings", "ids"] = Field("auto", description=(
        "with ids: read the listings first (they name many ids a page), walk the "
        "ids blind, or choose by the estimated requests (auto)"))
    dry_run: bool = Field(False, description=(
        "1: read home and listing pages only and print the planned requests and "
        "the time they take at the configured delay; no article is fetched"))
    max_items: PositiveInt | None = Field(None, description=(
        "stop after exporting this many records (the rest is left for the next run)"))
    deltafetch_reset: bool = Field(False, description=(
        "1: forget what earlier runs exported and export everything again "
        "(scrapy-deltafetch's argument)"))

    @field_validator("categories", mode="before")
    @classmethod
    def _split_categories(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        for part in value:
            if not isinstance(part, str) or not COLUMN_RE.fullmatch(part):
                raise ValueError(f"{part!r} is not a column name (a/b/c of [a-z0-9_]+)")
        return tuple(value)

    @field_validator("ids", mode="before")
    @classmethod
    def _parse_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", value)
            if not match:
                raise ValueError("expected START-END, e.g. 10000-10100")
            value = (int(match[1]), int(match[2]))
        return value

    @model_validator(mode="after")
    def _check_ranges(self) -> CrawlArgs:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        if self.ids is not None:
            start, end = self.ids
            if start > end:
                raise ValueError(f"ids start {start} is greater than end {end}")
            if end - start >= MAX_ID_SPAN:
                raise ValueError(f"ids span more than {MAX_ID_SPAN:,} ids")
        return self

    def in_window(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return not ((self.since and day < self.since) or (self.until and day > self.until))


class RefetchArgs(BaseModel):
    """``scrapy crawl refetch``'s ``-a`` arguments."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    input: str = Field(description=(
        "what to fetch again: a file of URLs, seed .txt files or JSONL records "
        "(a file, a directory or a glob)"))

    @field_validator("input")
    @classmethod
    def _exists(cls, value: str) -> str:
        files, refused = expand_input(value)
        if not files:
            # Nothing to read at all is a bad command line (exit 2); a link or
            # FIFO among good files is reported as bad input when read.
            why = "; ".join(str(p) for p in refused[:3]) if refused else "no file matches"
            raise ValueError(f"{why} (give a file, a directory or a glob)")
        return value


M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], raw: Mapping[str, Any]) -> M:
    """Build ``model`` from ``-a`` arguments; raise ``ArgumentError`` with one line.

    Keys starting with ``_`` (scrapyd's ``_job``) are not ours and are ignored.
    """
    ours = {k: v for k, v in raw.items() if not k.startswith("_")}
    try:
        return model(**ours)
    except ValidationError as exc:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err["loc"]) or "arguments"
            value = ours.get(str(err["loc"][0])) if err["loc"] else None
            shown = f"={value!r}" if value is not None else ""
            message = str(err["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}{shown}: {message}")
        raise ArgumentError("; ".join(parts)) from None


def parse_crawl_args(raw: Mapping[str, Any], site: Site | None = None) -> CrawlArgs:
    """Validate a site spider's ``-a`` arguments (see ``validate_model``) and
    its ``categories`` against the forms of the site's columns. A column of
    the right form that the site description does not list is allowed (the
    lists hold the columns seen, not all there are); ``unknown_columns`` names
    them so the spider can say so."""
    args = validate_model(CrawlArgs, raw)
    if site is not None:
        problems = [p for c in args.categories if (p := site.column_problem(c))]
        if problems:
            raise ArgumentError(f"categories: {'; '.join(problems)}")
    return args


def unknown_columns(args: CrawlArgs, site: Site) -> list[str]:
    return [c for c in args.categories if c not in site.columns]


def describe_model(model: type[BaseModel]) -> list[tuple[str, str, str]]:
    """``(name, "required" or its default, description)`` of each argument."""
    return [(name, "required" if field.is_required() else
             "" if field.default in (None, ()) else f"default {field.default!r}",
             field.description or "") for name, field in model.model_fields.items()]
