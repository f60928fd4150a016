"""The language a page is rendered in: one seam for interface strings and dates.

The pipeline renders each edition inside `speaking(code)`; everything below reads the active
language from here, so no stage takes a language parameter (as no stage takes the memo):

    with speaking("ko"):
        _("Votes")                  # "표결", from locale/ko/LC_MESSAGES/messages.po
        date_text(PartialDate(2014, 3, 28))   # "2014년 3월 28일", from Babel's CLDR data

Interface strings live in gettext catalogues (`.po`), which translators can edit with any
gettext tool; `make messages` extracts new strings from the templates and the code.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT = "en"


@dataclass(frozen=True)
class Language:
    code: str  # as in URLs and hreflang: "en", "ko"
    name: str  # in itself: "English", "한국어"
    locale: str  # for Babel and og:locale: "en_US", "ko_KR"
    prefix: str  # where its pages go under docs/: "", "ko/"


LANGUAGES = {
    "en": Language("en", "English", "en_US", ""),
    "ko": Language("ko", "한국어", "ko_KR", "ko/"),
}
_active: ContextVar[str] = ContextVar("language", default=DEFAULT)


def current() -> Language:
    return LANGUAGES[_active.get()]


@contextmanager
def speaking(code: str) -> Iterator[Language]:
    token = _active.set(code)
    try:
        yield LANGUAGES[code]
    finally:
        _active.reset(token)


@functools.cache
def catalogue(code: str) -> _gettext.NullTranslations:
    """The interface strings of a language, compiled in memory from its `.po` file."""
    po = LOCALE_DIR / code / "LC_MESSAGES" / "messages.po"
    if code == DEFAULT or not po.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        catalog = read_po(f, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out: they show the English
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def territory(iso3: str | None, code: str) -> str | None:
    """A state's name in a language, from CLDR's territory names (ISO 3166-1 alpha-3 code)."""
    from babel.core import Locale, get_global

    alpha2 = get_global("territory_aliases").get(iso3 or "")
    if not alpha2 or len(alpha2) != 1:
        return None
    return Locale.parse(LANGUAGES[code].locale).territories.get(alpha2[0])


def N_(message: str) -> str:
    """Mark text for the catalogue where it is defined; it is translated where it is shown."""
    return message


def _(message: str, **values: object) -> str:
    """`message` in the active language, with `%(name)s` placeholders filled from `values`."""
    text = catalogue(_active.get()).gettext(message)
    return text % values if values else text


def template_gettext(message: str, /, **values: object) -> Markup:
    """Interface text for a template, as Jinja's own newstyle gettext gives it in an
    autoescaping template (the text is markup, each value is escaped into it, `%%` is a
    percent sign; its own arguments positional only, so any value name is free), without its
    lookups through the template context on every call: event pages call it a dozen times
    each, most often with no values, a text then looked up once per language."""
    if values:
        return Markup(catalogue(_active.get()).gettext(message)) % values
    return _markup(_active.get(), message)


@functools.cache
def _markup(code: str, message: str) -> Markup:
    return Markup(catalogue(code).gettext(message)) % {}


def template_ngettext(one: str, many: str, n: int, /, **values: object) -> Markup:
    values.setdefault("num", n)
    return Markup(catalogue(_active.get()).ngettext(one, many, n)) % values
