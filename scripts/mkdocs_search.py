"""The theme's search index, written in UTF-8.

Material writes search/search_index.json with every character outside ASCII escaped as
`\\uXXXX`: six bytes for a Korean syllable that takes three in UTF-8. The Korean edition's
index is then about three-fifths larger than the same JSON in UTF-8 (about a sixth more to
download, gzipped, for a reader who searches), and the build holds that larger text twice
(as a string, then as bytes) at its peak of memory. `in_utf8` has the theme write the same
JSON in UTF-8; browsers read the index as UTF-8 either way.

The hook calls it after the theme's search plugin has read its configuration. It touches
nothing if the plugin is not the one it knows, and leaves the theme's own way in place
where the theme merges a dirty reload's index with the previous one.
"""

from __future__ import annotations

import json

# The settings the theme's index carries in its "config" (SearchIndex.generate_search_index).
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def in_utf8(plugins) -> bool:
    """Have the search plugin among `plugins` write its index in UTF-8; False if none can."""
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        generate = getattr(index, "generate_search_index", None)
        settings = getattr(plugin, "config", None)
        if generate is None or not hasattr(index, "entries") or \
                not all(key in (settings or {}) for key in CONFIG_KEYS):
            continue
        config = {key: settings[key] for key in CONFIG_KEYS}

        def utf8(prev, generate=generate, index=index, config=config) -> str:
            if prev:
                return generate(prev)
            return json.dumps({"config": config, "docs": index.entries}, separators=(",", ":"),
                              default=str, ensure_ascii=False)

        index.generate_search_index = utf8
        return True
    return False
