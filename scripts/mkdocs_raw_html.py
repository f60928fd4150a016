"""A Python-Markdown preprocessor that hands whole HTML blocks over as raw HTML, unparsed.

The generated pages write their lists, tables and charts as HTML blocks. Python-Markdown
passes such a block through unchanged, but finds where it ends by parsing every tag in it,
and MkDocs parses it once more looking for anchors: most of what a generated page costs a
build beyond plain text. This preprocessor runs just before those two and stores each block
that plainly stands on its own (see `_block_end`) in Python-Markdown's own stash, exactly as
Python-Markdown would store it, so the HTML of every page is the same with or without it
(tests/test_mkdocs_raw_html.py checks this on the whole site).

At the first line that might start something else (a comment, an indented tag, a block-level
tag that does not close cleanly), it stops and leaves the rest of the page to Python-Markdown.
A block with an `id` or `name` is left to them too: MkDocs records those as link targets.

The hook adds it to MkDocs' Markdown extensions; a generator that does not run the hook
builds the same pages without it, only slower.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# A line that may start raw HTML for Python-Markdown: a tag, comment or declaration within
# the first four columns.
_MAY_START = re.compile(r" {0,3}<[!?/a-zA-Z]")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>/]")
# Where the text is not parsed as tags (a script, a style, a comment, CDATA), counting tags
# could end a block where Python-Markdown would not.
_OPAQUE = re.compile(r"<(?:script|style|!--|!\[CDATA\[)", re.IGNORECASE)
_COMMENT = re.compile(r"<(?:!--|!\[CDATA\[)")
_ANCHOR = re.compile(r"\s(?:id|name)\s*=", re.IGNORECASE)


class RawBlockPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            if not _MAY_START.match(line):
                out.append(line)
                i += 1
                continue
            tag = _TAG.match(line)
            if tag and not self.md.is_block_level(tag.group(1)):
                out.append(line)  # inline HTML at the start of a paragraph: Markdown text
                i += 1
                continue
            end = _block_end(lines, i, tag.group(1)) if tag and (i == 0 or not lines[i - 1].strip()) else None
            if end is None:
                return out + lines[i:]  # not plainly a block of its own: leave the rest alone
            block = "\n".join(lines[i:end + 1])
            if _ANCHOR.search(block):
                out.extend(lines[i:end + 1])
            else:
                # As Python-Markdown stores a block followed by a blank line: with its newline.
                out.extend(("", self.md.htmlStash.store(block + "\n"), ""))
            i = end + 1
        return out


def _block_end(lines: list[str], start: int, tag: str) -> int | None:
    """The index of the line that closes the block of `tag` opened at the start of line
    `start`, if that block closes at the end of a line that a blank line follows, and its
    tag is not closed earlier (so Python-Markdown would read the same lines as one block)."""
    pattern = re.compile(rf"<(/?){tag}(?=[\s>/])", re.IGNORECASE)
    depth = 0
    others = _OPAQUE if tag.lower() not in ("script", "style") else _COMMENT
    for j in range(start, len(lines)):
        line = lines[j]
        if others.search(line):
            return None  # text in which tags do not count as tags: leave it to Python-Markdown
        for match in pattern.finditer(line):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                closed_at_end = line.endswith(">") and line.find(">", match.end()) == len(line) - 1
                followed_by_blank = j + 2 < len(lines) and not lines[j + 1].strip(" ")
                return j if closed_at_end and followed_by_blank else None
            if depth < 0:
                return None
    return None


class RawBlocks(Extension):
    """Register the preprocessor after fenced code (25) and before MkDocs' anchor scan (21)
    and Python-Markdown's own HTML blocks (20)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawBlockPreprocessor(md), "timeline_raw_blocks", 22)
