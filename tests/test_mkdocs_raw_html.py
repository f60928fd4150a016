"""The raw-HTML preprocessor: every page's HTML is the same with it as without it, and the
HTML blocks of generated pages do skip Python-Markdown's and MkDocs' tag parsing."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.pages import _RawHTMLPreprocessor
from mkdocs_raw_html import RawBlockPreprocessor, RawBlocks

from conftest import copy_project

EXTENSIONS = ["toc", "attr_list", "tables", "fenced_code", "admonition", "abbr"]

# Markdown whose HTML blocks the preprocessor hands over unparsed.
STASHED = {
    "list": "Text.\n\n<ul>\n<li><a href=\"a/\">A</a></li>\n<li>B</li>\n</ul>\n\nMore text.\n",
    "one-line paragraph": "<p><a href=\"t/\">Theme</a> · <a href=\"u/\">Other</a></p>\n\n## Next\n",
    "nested lists": "<ul>\n<li>a<ul>\n<li>b</li>\n</ul></li>\n</ul>\n\nafter\n",
    "table": "<table>\n<thead><tr><th>A</th></tr></thead>\n<tbody>\n<tr><td>1</td></tr>\n</tbody>\n"
             "</table>\n\nx\n",
    "json-ld": "<script type=\"application/ld+json\">{\"a\": \"<b>\"}</script>\n\nx\n",
    "a block after a fence": "```html\n<ul>\n\n</ul>\n```\n\n<ul>\n<li>c</li>\n</ul>\n\nx\n",
    "a blank line inside": "<div class=\"x\">\n<p>a</p>\n\n<p>b</p>\n</div>\n\nx\n",
    "inline HTML first": "<strong>Bold</strong> start of a paragraph.\n\n<ol>\n<li>x</li>\n</ol>\n\ny\n",
}

# Markdown the preprocessor must leave (at least in part) to Python-Markdown.
LEFT_ALONE = {
    "two blocks on a line": "<p>a</p><p>b</p>\n\nx\n",
    "closed early": "<ul>\n<li>a</li>\n</ul><ul>\n<li>b</li>\n</ul>\n\nx\n",
    "no blank line after": "<ul>\n<li>a</li>\n</ul>\ntext\n\nx\n",
    "text after the closing tag": "<ul>\n<li>a</li>\n</ul> tail\n\nx\n",
    "no blank line before": "text\n<ul>\n<li>a</li>\n</ul>\n\nx\n",
    "last line": "x\n\n<ul>\n<li>a</li>\n</ul>",
    "never closed": "<div>\n<p>a</p>\n\nx\n",
    "indented": "  <div>\n\n<ul>\n<li>a</li>\n</ul>\n\n</div>\n\nx\n",
    "comment": "<!-- a\n\n<ul>\n<li>a</li>\n</ul>\n\n-->\n\nx\n",
    "script inside": "<div>\n<script>var s = \"</div>\";</script>\n</div>\n\n<ul>\n<li>a</li>\n</ul>\n\nx\n",
    "anchor": "<ul id=\"target\">\n<li>a</li>\n</ul>\n\n<ul>\n<li>b</li>\n</ul>\n\nx\n",
    "markdown inside": "<div markdown=\"1\">\n*a*\n</div>\n\nx\n",
    "void first": "<hr>\n\n<ul>\n<li>a</li>\n</ul>\n\nx\n",
    "stray closing tag": "</div>\n\n<ul>\n<li>a</li>\n</ul>\n\nx\n",
}


def convert(text: str, fast: bool) -> tuple[str, set[str]]:
    """HTML as MkDocs makes it (with its anchor scan), with or without the preprocessor."""
    md = markdown.Markdown(extensions=EXTENSIONS + ([RawBlocks()] if fast else []))
    anchors = _RawHTMLPreprocessor()
    anchors._register(md)
    return md.convert(text), anchors.present_anchor_ids


def stashed_lines(text: str, extensions=EXTENSIONS, configs=None) -> list[str]:
    """The lines left for Python-Markdown to parse once the preprocessor has run (after the
    preprocessors that run before it: fenced code, the appended glossary)."""
    md = markdown.Markdown(extensions=[*extensions, RawBlocks()], extension_configs=configs or {})
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
        if isinstance(preprocessor, RawBlockPreprocessor):
            return lines
    raise AssertionError("the preprocessor is not registered")


@pytest.mark.parametrize("text", list(STASHED.values()) + list(LEFT_ALONE.values()),
                         ids=list(STASHED) + list(LEFT_ALONE))
def test_html_and_anchors_are_the_same_with_and_without_it(text: str):
    assert convert(text, fast=True) == convert(text, fast=False)


@pytest.mark.parametrize("text", STASHED.values(), ids=STASHED.keys())
def test_plain_blocks_are_handed_over_unparsed(text: str):
    left = "\n".join(stashed_lines(text))
    for tag in ("<ul", "<ol", "<table", "<script", "<div", "<p>"):
        assert tag not in left


def test_it_stops_at_what_might_open_something_else():
    lines = stashed_lines(LEFT_ALONE["comment"])
    assert "<ul>" in lines  # after the comment began, nothing was taken
    assert "<ul id=\"target\">" in stashed_lines(LEFT_ALONE["anchor"])  # MkDocs records its id
    assert "<ul>" not in stashed_lines(LEFT_ALONE["anchor"])  # ... the next block is taken


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory) -> list[tuple[str, object, str]]:
    """Every page of the real site, both editions: (name, edition config, Markdown)."""
    from timeline.generate import generate

    root = copy_project(tmp_path_factory.mktemp("raw") / "project")
    generate(root)
    old = Path.cwd()
    os.chdir(root)
    try:
        configs = [load_config("mkdocs.yml"), load_config("ko/mkdocs.yml")]
    finally:
        os.chdir(old)
    pages = []
    for config in configs:
        docs = Path(config.docs_dir)
        for path in sorted(docs.rglob("*.md")):
            parts = path.relative_to(docs).parts
            if parts[0] in ("includes", "overrides", "ko") and docs.name == "docs":
                continue
            text = path.read_text("utf-8")
            if text.startswith("---"):
                text = text.split("\n---", 1)[1]
            pages.append((f"{config.site_name}:{path.relative_to(docs)}", config, text))
    return pages


def test_every_page_of_the_site_is_the_same_with_and_without_it(site_pages):
    different, fast_blocks, blocks = [], 0, 0
    for name, config, text in site_pages:
        extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
        results = []
        for fast in (False, True):
            md = markdown.Markdown(extensions=extensions + ([RawBlocks()] if fast else []),
                                   extension_configs=config.mdx_configs)
            anchors = _RawHTMLPreprocessor()
            anchors._register(md)
            results.append((md.convert(text), anchors.present_anchor_ids))
        if results[0] != results[1]:
            different.append(name)
        opening = ("<ul", "<ol", "<p>", "<table")
        count = sum(1 for line in text.split("\n") if line.startswith(opening))
        left = stashed_lines(text, extensions, config.mdx_configs)
        blocks += count
        fast_blocks += count - sum(1 for line in left if line.startswith(opening))
    assert len(site_pages) > 400 and not different
    assert fast_blocks > 0.95 * blocks  # nearly every generated list is handed over unparsed


def test_the_hook_adds_it_to_every_build():
    import mkdocs_hook

    from conftest import ROOT

    for path in (ROOT / "mkdocs.yml", ROOT / "ko" / "mkdocs.yml"):
        config = mkdocs_hook.on_config(load_config(str(path)))
        assert sum(isinstance(e, RawBlocks) for e in config.markdown_extensions) == 1
