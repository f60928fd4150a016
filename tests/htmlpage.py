"""Read built HTML with a real parser: links, elements and attributes, never a grep."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Page(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    _open: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "textarea"):
            self.set_cdata_mode(tag)  # their content is text to a browser, never markup
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag in ("a", "h1", "h2", "script", "title", "li", "p", "code", "td", "text"):
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def heading(self) -> str:
        """The page's H1 as a reader sees it (without the permalink sign)."""
        return self.find("h1")[0].text.replace("¶", "").strip()

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def links(self) -> dict[str, str]:
        """{href: visible text} of every link."""
        return {a.attrs.get("href") or "": " ".join(a.text.split()) for a in self.find("a")}


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page
