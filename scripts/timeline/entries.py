"""A data file read entry by entry: the text of each entry of its one list, each parsed on its
own (by load.py's loader, so scalars are read the same way; anything it would treat specially
is refused here). Quicker than keeping the position of every value, and what lets serve
re-parse only the entry an edit changed; read.py and translation_files.py fall back to
load.py's positioned reading at the first problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
from pydantic import BaseModel

from . import parallel
from .load import Loader

# Below this many entries, starting processes costs more than parsing in parallel saves.
PARALLEL_FROM = 500


def split_items(text: str, key: str) -> list[str] | None:
    """The text of each entry of the file's one list, if the file is just `key:` (comments
    and blank lines aside) followed by that list's entries; else None.

    A line starting with "- " at the entries' indentation always starts a new entry: block
    and plain scalars of an entry are indented deeper, and an entry whose quoted or flow
    value ran over such a line does not parse on its own, so a caller that parses each
    piece (and falls back to `load` when one fails) reads the same data as `load` would.
    """
    text = text.removeprefix("\ufeff")
    head = re.match(rf"(?:[ \t]*(?:#[^\n]*)?\n)*{re.escape(key)}:[ \t]*(?:#[^\n]*)?\n"
                    r"(?:[ \t]*(?:#[^\n]*)?\n)*( *)-[ \n]", text)
    if not head:
        return None
    indent = head.group(1)
    starts = [m.start() for m in re.finditer(rf"^{indent}-[ \n]", text, re.MULTILINE)]
    if not starts or starts[0] != head.start(1):
        return None
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def load_items(texts: list[str], model: type[BaseModel] | None = None) -> list[object]:
    """`load_item` of each text (validated as `model`, if given), in two processes when there
    are many (parsing is most of reading a large file); YAMLError/ValueError if any entry
    fails. A record validated in a worker comes back sooner than the parsed entry it is
    made from, so validating there spares this process both."""
    def read(text: str) -> object:
        item = load_item(text)
        return item if model is None else model.model_validate(item)

    if len(texts) < PARALLEL_FROM or not parallel.available():
        return [read(text) for text in texts]
    results = parallel.forked_map(lambda i: _read_or_failed(read, texts[i]), list(range(len(texts))), 64)
    for result in results:
        if isinstance(result, _Failed):
            raise ValueError(f"an entry does not parse on its own: {result.reason}")
    return results


@dataclass
class _Failed:
    reason: str


def _read_or_failed(read: Callable[[str], object], text: str) -> object:
    try:
        return read(text)
    except (ValueError, yaml.YAMLError, RecursionError) as exc:  # a worker returns, not raises
        return _Failed(str(exc))  # (a pydantic ValidationError is a ValueError)


def load_item(text: str) -> object:
    """Parse one entry given by `split_items`: its value, or YAMLError/ValueError.

    libyaml composes the entry; its value is then built here, without the positions and the
    bookkeeping of load.py's constructor (most of the time parsing takes). Anything that
    constructor would treat specially (an alias, a merge key, a tag other than plain text,
    numbers, true/false and null, a key that is not a scalar, a duplicate key) is refused
    with ValueError, so the file is read again by load.py, which keeps or reports it."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else _value(loader, node, set())
    except (KeyError, IndexError, TypeError, RecursionError) as exc:  # a scalar its tag cannot read
        raise ValueError(f"not read quickly: {exc!r}") from None
    finally:
        loader.dispose()
    if not isinstance(data, list) or len(data) != 1:
        raise ValueError("not one clean entry")
    return data[0]


_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_SCALARS = {_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float"}


def _value(loader: Loader, node: yaml.Node, seen: set[int]) -> object:
    if id(node) in seen:  # libyaml gives an alias the node of its anchor
        raise ValueError("an alias")
    seen.add(id(node))
    tag, kind = node.tag, type(node)
    if kind is yaml.ScalarNode and tag == _STR:
        return node.value
    if kind is yaml.MappingNode and tag == _MAP:
        mapping: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise ValueError("a key that is not plain")
            key = _value(loader, key_node, seen)
            if key in mapping:
                raise ValueError("a duplicate key")
            mapping[key] = _value(loader, value_node, seen)
        return mapping
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [_value(loader, child, seen) for child in node.value]
    if kind is yaml.ScalarNode and tag in _SCALARS:
        return loader.yaml_constructors[tag](loader, node)
    raise ValueError(f"the tag {tag} on a {kind.__name__}")
