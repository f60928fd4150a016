"""Data problems: where they are, what rule they break, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, printed as `file:line:col: message`."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so they can all be reported in one run."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} data problem(s)")
        self.problems = sorted(set(problems))

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"{n} error{'s' if n != 1 else ''}")
        return "\n".join(lines)


def show(value: object, limit: int = 60) -> str:
    """A bad value as the editor wrote it, shortened: YAML spellings for YAML values."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return repr(text) if isinstance(value, str) else text
