#!/usr/bin/env python3
"""Add an event to data/events.yaml: asks for the required fields (or takes them as flags),
proposes an id from the title, checks the result and appends it without touching the rest.

    python scripts/new_event.py
    python scripts/new_event.py --date 2014-03-28 --title "..." --summary "..." \\
        --source-title "..." --source-publisher "..." --source-url https://... \\
        --body human-rights-council --tag resolutions --type resolution \\
        --ko-title "..." --ko-summary "..."      # optional: its Korean translation too

Nothing is written unless the whole data set still validates; a duplicate id is refused. With
`--ko-title` and `--ko-summary` the Korean entry is added to data/ko/events.yaml as well,
marked as translating this English text (its `translates` digest).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

from timeline.problems import DataError
from timeline.read import read_chronology
from timeline.translations import check_translations, english_digest
from timeline.write import write_if_changed

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ("date", "title", "summary", "source_title", "source_publisher")


def propose_id(title: str) -> str:
    """`Human Rights Council resolution 25/25` -> `human-rights-council-resolution-25-25`."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "event"


def event_block(args: argparse.Namespace) -> str:
    """The new entry as YAML, indented to sit in the `events:` list."""
    source = {"title": args.source_title, "publisher": args.source_publisher}
    if args.source_url:
        source["url"] = args.source_url
    event: dict = {"id": args.id, "date": args.date, "title": args.title}
    if args.type:
        event["type"] = args.type
    event["summary"] = args.summary
    for key in ("body", "person", "tag"):
        if getattr(args, key):
            event[{"body": "bodies", "person": "people", "tag": "tags"}[key]] = getattr(args, key)
    event["sources"] = [source]
    event["added"] = dt.date.today().isoformat()
    text = yaml.safe_dump([event], sort_keys=False, allow_unicode=True, width=96, indent=2)
    return "".join(f"  {line}\n" for line in text.splitlines())


def ask(args: argparse.Namespace) -> None:
    prompts = {"date": "Date (YYYY, YYYY-MM or YYYY-MM-DD)", "title": "Title (one line)",
               "summary": "Summary (your own words)", "source_title": "Source title",
               "source_publisher": "Source publisher", "source_url": "Source address (https://...)"}
    for key, prompt in prompts.items():
        while not getattr(args, key):
            setattr(args, key, input(f"{prompt}: ").strip())
            if key == "source_url":
                break
    if not args.id:
        suggestion = propose_id(args.title)
        args.id = input(f"Id [{suggestion}]: ").strip() or suggestion
    if not args.ko_title:
        args.ko_title = input("Korean title (Enter to leave the translation for later): ").strip()
    while args.ko_title and not args.ko_summary:
        args.ko_summary = input("Korean summary: ").strip()


def korean_block(args: argparse.Namespace, digest: str) -> str:
    """The Korean entry, for data/ko/events.yaml."""
    entry = {"id": args.id, "translates": digest, "title": args.ko_title, "summary": args.ko_summary}
    text = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=96, indent=2)
    return "".join(f"  {line}\n" for line in text.splitlines())


def add_event(args: argparse.Namespace, root: Path = ROOT) -> int:
    events = root / "data" / "events.yaml"
    text = events.read_text("utf-8")
    args.id = args.id or propose_id(args.title)
    if re.search(rf"^\s*- id: {re.escape(args.id)}\s*$", text, re.M):
        print(f"data/events.yaml: an event with the id {args.id!r} already exists; "
              "choose another with --id", file=sys.stderr)
        return 1
    new_text = text.rstrip("\n") + "\n\n" + event_block(args)
    korean = root / "data" / "ko" / "events.yaml"
    new_korean = None
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(root / "data", data)
        (data / "events.yaml").write_text(new_text, "utf-8")
        try:
            chronology = read_chronology(data)
            if args.ko_title:
                digest = english_digest(chronology.event_ids[args.id], "events")
                (data / "ko").mkdir(exist_ok=True)
                before = korean.read_text("utf-8") if korean.is_file() else "events:\n"
                new_korean = before.rstrip("\n") + "\n\n" + korean_block(args, digest)
                (data / "ko" / "events.yaml").write_text(new_korean, "utf-8")
                check_translations(data, chronology)
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            print("Nothing was added: fix the values and try again.", file=sys.stderr)
            return 1
    write_if_changed(events, new_text.encode("utf-8"))
    print(f"Added {args.id!r} to data/events.yaml; its page will be /events/{args.id}/")
    if new_korean is not None:
        write_if_changed(korean, new_korean.encode("utf-8"))
        print(f"Added its Korean translation to data/ko/events.yaml; its page will be /ko/events/{args.id}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("id", "date", "title", "summary", "type", "source-title", "source-publisher",
                 "source-url", "ko-title", "ko-summary"):
        parser.add_argument(f"--{name}")
    for name in ("body", "person", "tag"):
        parser.add_argument(f"--{name}", action="append", help="may be repeated")
    args = parser.parse_args(argv)
    if bool(args.ko_title) != bool(args.ko_summary) and not sys.stdin.isatty():
        parser.error("--ko-title and --ko-summary go together")
    if any(not getattr(args, key) for key in REQUIRED):
        if not sys.stdin.isatty():
            missing = [f"--{k.replace('_', '-')}" for k in REQUIRED if not getattr(args, k)]
            parser.error("missing " + ", ".join(missing))
        ask(args)
    return add_event(args)


if __name__ == "__main__":
    sys.exit(main())
