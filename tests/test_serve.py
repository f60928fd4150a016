"""`mkdocs serve`: a saved YAML edit reaches the served page without a restart, and the
hook's writes do not make the server rebuild forever."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, timeout: float, what: str, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve exited while waiting for {what}:\n{log.read_text()}")
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}:\n{log.read_text()}")


def test_a_saved_edit_is_served_without_restart(project: Path):
    port = free_port()
    log_path = project / "serve.log"
    log = log_path.open("w")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}/events/hrc-res-25-25/"
    try:
        wait_for(lambda: fetch(url), 60, "the first build", server, log_path)
        events = project / "data" / "events.yaml"
        old = "title: Human Rights Council resolution 25/25 acts on the Commission's findings"
        events.write_text(events.read_text("utf-8").replace(old, "title: Edited while serving"))
        wait_for(lambda: "Edited while serving" in (fetch(url) or ""), 30, "the edited title",
                 server, log_path)
        timeline = fetch(f"http://127.0.0.1:{port}/timeline/") or ""
        assert "Edited while serving" in timeline
        # The hook's own writes cause one more build, which must find nothing to write:
        # after it, the server stays quiet (a hook that rewrote files would loop forever).
        def settled() -> bool:
            log = log_path.read_text()
            last = log.rsplit("Building documentation...", 1)[-1]
            quiet = "pages are up to date" in last or ", 0 written, 0 removed" in last
            return quiet and log.endswith(("browsers\n", "seconds\n"))
        wait_for(settled, 60, "a build with nothing to write", server, log_path)
        builds = log_path.read_text().count("Documentation built")
        time.sleep(5)
        assert log_path.read_text().count("Documentation built") == builds
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
