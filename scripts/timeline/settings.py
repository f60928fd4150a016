"""The site's address, URL style and editions, read from `mkdocs.yml`: the one place they are set.

    settings = Settings.from_config(Path("mkdocs.yml"))

`site_url` there may be `!ENV [SITE_URL, default]`, as MkDocs allows; the exports, the feed and
the links drawn in raw HTML follow the same value MkDocs does. `repo_url` (`!ENV [REPO_URL]`,
unset by default) is where readers report an error. The offline copy asks for
`x.html` addresses instead (`directory_urls=False`); the build with Zensical for links in raw
HTML written from the page's source file (`raw_links_from_source`, see `render.url_root`).
The editions are the languages of the theme's language selector (`extra.alternate`); each
other than English is rendered from `data/<lang>/` into `docs/<lang>/`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

LOCAL = "http://127.0.0.1:8000/"  # what `mkdocs serve` serves when no address is set


@dataclass(frozen=True)
class Settings:
    base: str = LOCAL  # the published address, ending in "/"
    directory_urls: bool = True  # pages at `x/` (MkDocs' default) or at `x.html`
    languages: tuple[str, ...] = ("en",)  # the editions: English and its translations
    repo_url: str | None = None  # the project's repository, where readers report errors
    # Whether the builder reads a relative link in raw HTML from the page's source file, as it
    # does a Markdown link (Zensical), or leaves it as written, from the page's address (MkDocs).
    raw_links_from_source: bool = False

    @property
    def ext(self) -> str:
        """What follows a page's name in its address."""
        return "/" if self.directory_urls else ".html"

    @classmethod
    def from_config(cls, config_file: Path) -> Settings:
        """The settings of `mkdocs.yml` (the defaults where there is none, as in a bare copy)."""
        text = config_file.read_text("utf-8") if config_file.is_file() else ""
        config = yaml.load(text, _ConfigLoader) or {}
        base = config.get("site_url") or LOCAL
        alternate = (config.get("extra") or {}).get("alternate") or []
        languages = ("en", *(a["lang"] for a in alternate if a.get("lang") not in (None, "en")))
        return cls(base.rstrip("/") + "/", bool(config.get("use_directory_urls", True)), languages,
                   config.get("repo_url") or None)

    def offline(self) -> Settings:
        return replace(self, directory_urls=False)

    def zensical(self) -> Settings:
        return replace(self, raw_links_from_source=True)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the keys used here; other tags read as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
