"""The field reference of the data files, read from the model (so it cannot drift from it)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from .dates import PartialDate
from .model import Actor, Event, OtherDate, Position, Quote, Source, Tag, UNDocument, Vote

MODELS: list[tuple[str, type[BaseModel]]] = [
    ("Event (data/events.yaml)", Event),
    ("Source", Source),
    ("Other date", OtherDate),
    ("Vote", Vote),
    ("Position", Position),
    ("Quote", Quote),
    ("Actor (data/actors.yaml)", Actor),
    ("Tag (data/tags.yaml)", Tag),
    ("UN document (data/documents.yaml)", UNDocument),
]


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


def type_name(hint: object) -> str:
    """A reader's name for a type: 'list of text', 'date', 'one of: a, b'."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if origin is list:
        return "list of " + type_name(args[0])
    if origin is typing.Literal:
        return "one of: " + ", ".join(args)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return hint.__name__.replace("UNDocument", "UN document").lower() + " (mapping)"
    names = {str: "text", int: "whole number", bool: "true or false", PartialDate: "date"}
    return names.get(hint, getattr(hint, "__name__", str(hint)))


def fields(model: type[BaseModel]) -> list[FieldDoc]:
    return [
        FieldDoc(name, type_name(info.annotation), info.is_required(), info.description or "")
        for name, info in model.model_fields.items()
    ]
