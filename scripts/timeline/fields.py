"""Field types of the data contract: what a slug, a line of text, Markdown, an address and a UN
symbol must look like. Each rule is written once here; the model and its JSON Schema use them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .dates import PartialDate, parse_day

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){1,7}")
_SPACE = re.compile(r"\s")  # what str.isspace() calls a space
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.M
)


def fail(kind: str, rule: str, got: object = None):
    """Reject a value; `got` replaces the whole input in the message when only a part is bad."""
    raise PydanticCustomError(kind, rule, None if got is None else {"got": got})


def _slug(v: str) -> str:
    if len(v) > 80 or not _SLUG.fullmatch(v):
        fail("slug", "must be a kebab-case slug (lowercase letters, digits and single hyphens)")
    return v


def _page_id(v: str) -> str:
    if v == "index":
        fail("slug", "must not be 'index', the name of the list page of its folder")
    return v


def _one_line(v: str) -> str:
    if not v.strip():
        fail("empty", "must not be empty")
    if "\n" in v or "\r" in v:
        fail("one_line", "must be one line of text")
    if _CONTROL.search(v):
        fail("control", "must not contain control or text-direction characters")
    return v.strip()


def _markdown(v: str) -> str:
    if not v.strip():
        fail("empty", "must not be empty")
    if _CONTROL.search(v.replace("\t", " ")):
        fail("control", "must not contain control or text-direction characters")
    if "![" in v:
        fail("image", "must not contain images (the site loads nothing from other hosts)")
    for match in _LINK_TARGET.finditer(v):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not _is_web_url(target):
            fail("link", "links must point to http:// or https:// addresses", target)
    return v.strip()


def _is_web_url(v: str) -> bool:
    parts = urlsplit(v) if not _SPACE.search(v) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def _url(v: str) -> str:
    if not _is_web_url(v):
        fail("url", "must be a full http:// or https:// address")
    return v


def _symbol(v: str) -> str:
    if not _SYMBOL.fullmatch(v):
        fail("symbol", "must be a UN document symbol such as A/HRC/RES/22/13")
    return v


def _text_schema(**extra) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **extra})


Slug = Annotated[str, Field(strict=True), AfterValidator(_slug),
                 _text_schema(pattern=_SLUG.pattern.join("^$"), maxLength=80)]
# The id of a record with a page in a folder that also has its list page (bodies, people,
# tags): a slug other than `index`.
PageId = Annotated[str, Field(strict=True), AfterValidator(_slug), AfterValidator(_page_id),
                   _text_schema(pattern="^(?!index$)" + _SLUG.pattern + "$", maxLength=80)]
OneLine = Annotated[str, Field(strict=True), AfterValidator(_one_line),
                    _text_schema(minLength=1, pattern=r"^[^\n\r]+$")]
Markdown = Annotated[str, Field(strict=True), AfterValidator(_markdown), _text_schema(minLength=1)]
Url = Annotated[str, Field(strict=True), AfterValidator(_url),
                _text_schema(format="uri", pattern="^https?://")]
Symbol = Annotated[str, Field(strict=True), AfterValidator(_symbol),
                   _text_schema(pattern=_SYMBOL.pattern.join("^$"))]
Day = Annotated[PartialDate, AfterValidator(parse_day)]


def _not_future(day: PartialDate) -> PartialDate:
    if day.as_date() > dt.date.today():
        fail("date_future", "must not be in the future", str(day))
    return day


# A day that has come: when a record was corrected.
PastDay = Annotated[Day, AfterValidator(_not_future)]
Count = Annotated[int, Field(strict=True, ge=0, le=500)]


Confidence = Literal["verified", "likely"]


def attributed(record) -> None:
    """A fact resting on one secondary source says whose it is."""
    if record.confidence == "likely" and not record.according_to:
        fail("attribution", "a likely fact needs according_to: the one source that gives it")
    if record.confidence == "verified" and record.according_to:
        fail("attribution", "according_to is only for confidence: likely")
