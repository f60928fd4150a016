"""The address that opens the project's "Report an error" issue form for one event, with its
id and title filled in: a plain link (no script), built from `repo_url` in mkdocs.yml.

    report_url("https://github.com/owner/repo", event)
    # https://github.com/owner/repo/issues/new?template=report-an-error.yml&event=...&title=...

Only GitHub's issue forms are known to take their fields from the address (each field by
its `id`, as `.github/ISSUE_TEMPLATE/report-an-error.yml` names them); for any other host,
or without a `repo_url`, there is no link: an address is never guessed.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from .model import Event

FORM = "report-an-error.yml"


def report_url(repo_url: str | None, event: Event) -> str | None:
    if not repo_url:
        return None
    parts = urlsplit(repo_url)
    path = parts.path.strip("/").removesuffix(".git")
    if parts.scheme != "https" or parts.netloc.lower() != "github.com" or path.count("/") != 1:
        return None
    query = urlencode({"template": FORM, "title": f"Error in {event.id}", "event": event.id,
                       "event-title": event.title})
    return f"https://github.com/{path}/issues/new?{query}"
