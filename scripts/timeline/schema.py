"""JSON Schemas of the data files, generated from the model for editors' tools."""

from __future__ import annotations

import functools
import json

from .model import ActorsFile, DocumentsFile, EventsFile, TagsFile
from .rollcalls import RollCallsFile, StatesFile

SCHEMAS = {"events": EventsFile, "actors": ActorsFile, "tags": TagsFile, "documents": DocumentsFile,
           "states": StatesFile, "rollcalls": RollCallsFile}


@functools.cache  # a function of the model's code alone: made once per process (serve runs it often)
def schemas() -> dict[str, str]:
    """{file name under data/schema/: JSON text} for every data file."""
    out = {}
    for name, model in SCHEMAS.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": f"Generated from scripts/timeline/{model.__module__.rsplit('.', 1)[1]}.py "
                        "by scripts/build.py; do not edit.",
            **model.model_json_schema(),
        }
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out
