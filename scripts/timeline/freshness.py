"""Whether docs/ is up to date: a fingerprint of everything the generated pages depend on (the
data, the generator's code and templates, the settings), and the stamp in which a complete
run of the generator leaves it.

    if pages_current(root): ...       # docs/ holds what the generator would write now

Light on purpose: the MkDocs hook asks this at every build, before anything else, and when
the pages are current (as they are for the second edition's build, or after
`python scripts/build.py`) nothing of the generator itself is imported.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .settings import Settings
from .write import MANIFEST

STAMP = ".generated-stamp"
UP_TO_DATE = "pages are up to date with data/ and the generator"
CODE_DIR = Path(__file__).parent


def fingerprint(root: Path, settings: Settings) -> str:
    """A hash of everything the output depends on: data, generator code, settings."""
    digest = hashlib.sha256(repr(settings).encode() + code_digest())
    for path in sorted((root / "data").glob("**/*.yaml")):  # translations (data/ko/) too
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        with path.open("rb") as f:  # in chunks: a large file is never held twice
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def is_current(out: Path, fingerprint: str) -> bool:
    """Whether the last complete run into `out` had this fingerprint, and its pages are all there."""
    stamp = out / STAMP
    if not stamp.is_file() or stamp.read_text() != fingerprint:
        return False
    manifest = out / MANIFEST
    return manifest.is_file() and all((out / rel).is_file() for rel in manifest.read_text().split())


def pages_current(root: Path) -> bool:
    """`is_current` for the project at `root`: docs/, with the settings of its mkdocs.yml."""
    return is_current(root / "docs", fingerprint(root, Settings.from_config(root / "mkdocs.yml")))


def read_code_digest(folder: Path = CODE_DIR) -> bytes:
    """The generator's modules and templates, as they are on disk now."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.digest()


@functools.cache
def code_digest() -> bytes:
    """The code this process runs: a code edit renders afresh (the hook imports the generator
    anew when `read_code_digest` changes)."""
    return read_code_digest()
