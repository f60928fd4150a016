"""Turn pydantic's errors into editors' words: '<field> <rule>, got <value>'."""

from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel

from .problems import show

_RULES = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "dict_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "too_short": "must list at least {min_length}",
    "string_too_long": "must be at most {max_length} characters",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
}


def field_name(loc: tuple) -> str:
    """`sources.2.url` for ('sources', 1, 'url'): lists count from 1, as editors do."""
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)


def near(value: str, known) -> str:
    """A 'did you mean' hint, or nothing."""
    match = difflib.get_close_matches(value, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def explain(model: type[BaseModel], err: dict) -> str:
    loc, kind, ctx = err["loc"], err["type"], err.get("ctx", {})
    name = field_name(loc)
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "extra_forbidden":
        return f"unknown field '{name}'" + near(str(loc[-1]), _model_at(model, loc[:-1]).model_fields)
    rule = _RULES.get(kind, err["msg"]).format(**ctx)
    if kind == "too_short" and ctx.get("min_length") == 1:
        rule = "must list at least one entry"
    if kind == "literal_error":
        rule = "must be one of: " + ctx["expected"].replace("'", "")
    if kind == "string_type" and isinstance(err.get("input"), bool):
        rule += " (put it in quotes: YAML reads yes/no/on/off as true/false)"
    if not name:
        text = rule
    elif rule.startswith(("must", "is ")):
        text = f"{name} {rule}"
    else:
        text = f"{name}: {rule}"
    value = ctx.get("got", err.get("input"))
    if kind.endswith("_type") or not isinstance(value, (dict, list)):
        text += f", got {show(value)}"
    return text


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The model class that holds the field at `loc` (for typo suggestions)."""
    for step in loc:
        if isinstance(step, int) or step not in model.model_fields:
            continue
        inner = [model.model_fields[step].annotation]
        while inner:
            hint = inner.pop()
            if isinstance(hint, type) and issubclass(hint, BaseModel):
                model = hint
                break
            inner.extend(typing.get_args(hint))
    return model
