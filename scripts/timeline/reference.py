"""The field reference of the data files, read from the model (so it cannot drift from it),
in the language being rendered: the descriptions of the model's fields are interface text,
collected into the catalogues by scripts/messages.py (`descriptions`)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from .dates import PartialDate
from .language import N_, _
from .model import Actor, Correction, Event, OtherDate, Position, Quote, Source, Tag, UNDocument, Vote
from .rollcalls import Dispute, RollCall, State

MODELS: list[tuple[str, type[BaseModel]]] = [
    (N_("Event (data/events.yaml)"), Event),
    (N_("Source"), Source),
    (N_("Other date"), OtherDate),
    (N_("Vote"), Vote),
    (N_("Position"), Position),
    (N_("Quote"), Quote),
    (N_("Correction"), Correction),
    (N_("State (data/states.yaml)"), State),
    (N_("Roll call (data/rollcalls.yaml)"), RollCall),
    (N_("Disputed vote"), Dispute),
    (N_("Actor (data/actors.yaml)"), Actor),
    (N_("Tag (data/tags.yaml)"), Tag),
    (N_("UN document (data/documents.yaml)"), UNDocument),
]
TYPE_NAMES = {str: N_("text"), int: N_("whole number"), bool: N_("true or false"), PartialDate: N_("date")}
MAPPING_NAMES = {Source: N_("source (mapping)"), OtherDate: N_("otherdate (mapping)"),
                 Vote: N_("vote (mapping)"), Position: N_("position (mapping)"), Quote: N_("quote (mapping)"),
                 Correction: N_("correction (mapping)"), Dispute: N_("disputed vote (mapping)")}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str


def type_name(hint: object) -> str:
    """A reader's name for a type: 'list of text', 'date', 'one of: a, b' (the values, which
    are written in the data as they are, are not translated)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return _(" or ").join(type_name(a) for a in args if a is not type(None))
    if origin is list:
        return _("list of %(type)s", type=type_name(args[0]))
    if origin is typing.Literal:
        return _("one of: %(values)s", values=", ".join(args))
    if hint in MAPPING_NAMES:
        return _(MAPPING_NAMES[hint])
    if hint in TYPE_NAMES:
        return _(TYPE_NAMES[hint])
    return getattr(hint, "__name__", str(hint))


def fields(model: type[BaseModel]) -> list[FieldDoc]:
    """Each field of `model`, its type and description in the language being rendered."""
    return [
        FieldDoc(name, type_name(info.annotation), info.is_required(),
                 _(info.description) if info.description else "")
        for name, info in model.model_fields.items()
    ]


def descriptions() -> list[tuple[str, type[BaseModel]]]:
    """The description of every field the reference shows, with its model, for the catalogues."""
    return [(info.description, model) for _title, model in MODELS
            for info in model.model_fields.values() if info.description]
