"""Dates with an explicit precision: a year (`2004`), a month (`2012-12`) or a day (`2013-03-21`)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from .language import current

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_SKELETONS = {"day": "yMMMMd", "month": "yMMMM", "year": "y"}
FORMAT_RULE = "must be YYYY, YYYY-MM or YYYY-MM-DD"


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    A less precise date sorts after the precise ones it covers ("sometime in 2014" comes
    after 22 December 2014), so an entry is never placed before events it may follow.
    """

    year: int
    month: int = 0
    day: int = 0

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 13, self.day or 32)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n]
        return "-".join(parts)

    def display(self) -> str:
        """As a reader sees it: `17 February 2014`, `February 2014` or `2014` (in Korean, from
        Babel's CLDR data: `2014년 2월 17일`, `2014년 2월`, `2014년`)."""
        locale = current().locale
        if not locale.startswith("en"):
            return _in_locale(self, locale)
        if self.day:
            return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def covers(self, other: PartialDate) -> bool:
        """True if `other` falls within the span this date may mean."""
        return other.year == self.year and self.month in (0, other.month)

    def as_date(self) -> dt.date:
        """The first day this date can mean (for calendars and sorting by day)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Accept what YAML gives: `2014` (int), `2014-02-17` (date) or an ISO string."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        match = _ISO.fullmatch(value) if isinstance(value, str) else None
        if not match:
            raise PydanticCustomError("date_format", FORMAT_RULE)
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if not 1900 <= year <= 2100:
            raise PydanticCustomError("date_range", "must be a year between 1900 and 2100")
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise PydanticCustomError("date_impossible", "is not a real calendar date") from None
        return cls(year, month, day)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler):
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD: give only as much as the sources say.",
            "examples": ["2014-02-17", "2012-12", "2004"],
        }


@functools.lru_cache(maxsize=4096)  # the same dates recur on many pages; Babel is slow to format
def _in_locale(date: PartialDate, locale: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(_SKELETONS[date.precision], date.as_date(), locale=locale)


def parse_day(value: Any) -> PartialDate:
    """A date that must be known to the day (record keeping: `added`, `updated`)."""
    date = PartialDate.parse(value)
    if date.precision != "day":
        raise PydanticCustomError("date_day", "must be a full date YYYY-MM-DD")
    return date


def display_span(start: PartialDate, end: PartialDate | None) -> str:
    """`20–24 August 2013`, `30 October – 2 November 2013`, or one date when there is no end."""
    if end is None or end == start:
        return start.display()
    locale = current().locale
    if not locale.startswith("en"):
        from babel.dates import format_interval

        if start.precision != end.precision:
            return f"{start.display()}~{end.display()}"
        return format_interval(start.as_date(), end.as_date(), _SKELETONS[start.precision],
                               locale=locale)
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.display()}"
        return f"{start.day} {_MONTHS[start.month - 1]} – {end.display()}"
    return f"{start.display()} – {end.display()}"
