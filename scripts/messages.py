"""Update the interface catalogues: collect every `_()` string of the templates and the code
into `scripts/timeline/locale/messages.pot`, and merge it into each language's `messages.po`
(new strings are added empty, changed ones marked fuzzy, as gettext tools do).

    python scripts/messages.py          # as `make messages` runs it

Translators then edit `scripts/timeline/locale/<lang>/LC_MESSAGES/messages.po` with any
gettext editor (Poedit, Weblate, a text editor). Until a string is translated (or while it
is fuzzy) the site shows the English.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from timeline.reference import descriptions

PACKAGE = Path(__file__).resolve().parent / "timeline"
LOCALE = PACKAGE / "locale"
METHODS = [("**/templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                                   "lstrip_blocks": "true", "newstyle_gettext": "true"}}
KEYWORDS = {"_": None, "N_": None, "gettext": None}


def extract() -> Catalog:
    catalog = Catalog(project="North Korea Human Rights Timeline", charset="utf-8")
    for filename, lineno, message, comments, _context in extract_from_dir(
            PACKAGE, METHODS, options_map=OPTIONS, keywords=KEYWORDS):
        catalog.add(message, locations=[(f"timeline/{filename}", lineno)], auto_comments=comments)
    # The descriptions of the data model's fields, which the field reference of the Open data
    # page shows: written once, in the model, and translated here like the rest.
    for message, model in descriptions():
        source, line = inspect.getsourcefile(model), inspect.getsourcelines(model)[1]
        catalog.add(message, locations=[(f"timeline/{Path(source).name}", line)],
                    auto_comments=[f"The field reference: a field of {model.__name__}."])
    return catalog


def main() -> int:
    template = extract()
    with (LOCALE / "messages.pot").open("wb") as f:
        write_po(f, template, omit_header=True, sort_output=True)
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        catalog.update(template, update_header_comment=False)
        with po.open("wb") as f:
            write_po(f, catalog, omit_header=False, sort_output=True, ignore_obsolete=True)
        untranslated = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
        print(f"{po.relative_to(PACKAGE.parent.parent)}: {len(catalog)} strings, {untranslated} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
