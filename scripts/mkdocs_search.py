"""The theme's search index, written in UTF-8, one entry at a time.

Material writes search/search_index.json as one JSON text with every character outside
ASCII escaped as `\\uXXXX`: six bytes for a Korean syllable that takes three in UTF-8, so
the Korean edition's index is about three-fifths larger than the same JSON in UTF-8 (about
a sixth more to download, gzipped, for a reader who searches). And the build holds that
whole text twice at the end (as a string, then as bytes): the peak of its memory, 40 to
60 MiB above the rest at 10,000 events. `in_utf8` has the index written instead as the same
JSON in UTF-8, entry by entry, so that no more than one entry's text is held at a time;
browsers read the index as UTF-8 either way.

The hook calls it once the theme's search plugin has read its configuration. It replaces
that plugin's handler of the `post_build` event, which does nothing but write the index,
with one that writes the same index this way. It touches nothing if the plugin is not the
one it knows, and leaves the theme's own handler in place where the theme merges a dirty
reload's index with the previous one.
"""

from __future__ import annotations

import json
from pathlib import Path

# The settings the theme's index carries in its "config" (SearchIndex.generate_search_index).
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")
INDEX = Path("search", "search_index.json")  # under the site folder


def in_utf8(plugins) -> bool:
    """Have the search plugin among `plugins` write its index in UTF-8; False if none can."""
    handlers = getattr(plugins, "events", {}).get("post_build", [])
    for plugin in plugins.values():
        themes_own = getattr(plugin, "on_post_build", None)
        settings = getattr(plugin, "config", None)
        if themes_own not in handlers or not hasattr(getattr(plugin, "search_index", None), "entries") \
                or not all(key in (settings or {}) for key in (*CONFIG_KEYS, "enabled")) \
                or not hasattr(plugin, "is_dirty"):
            continue

        def on_post_build(*, config, plugin=plugin, themes_own=themes_own) -> None:
            if not plugin.config.enabled or getattr(plugin, "search_index_prev", None):
                return themes_own(config=config)  # the theme's merge of a dirty reload's index
            settings = {key: plugin.config[key] for key in CONFIG_KEYS}
            index = {"config": settings, "docs": plugin.search_index.entries}
            write_index(Path(config.site_dir) / INDEX, index)
            if plugin.is_dirty:  # as the theme does: the next dirty reload merges with it
                plugin.search_index_prev = plugin.search_index

        on_post_build.mkdocs_priority = getattr(themes_own, "mkdocs_priority", 0)
        handlers[handlers.index(themes_own)] = on_post_build
        return True
    return False


def write_index(path: Path, index: dict) -> None:
    """`index` as the theme writes it (compact JSON, anything else as its text), in UTF-8, its
    "docs" one entry at a time."""
    def dumps(value: object) -> str:
        return json.dumps(value, separators=(",", ":"), default=str, ensure_ascii=False)

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("{")
        for n, (key, value) in enumerate(index.items()):
            out.write(("," if n else "") + dumps(key) + ":")
            if key != "docs":
                out.write(dumps(value))
                continue
            out.write("[")
            for i, entry in enumerate(value):
                out.write("," + dumps(entry) if i else dumps(entry))
            out.write("]")
        out.write("}")
