"""Work kept in the user's cache folder between runs: only ever a shortcut.

A build reads every quiz file and seed document and compiles the theme's
templates; most of them have not changed since the last build. What was worked
out from them is kept in ``$COURSEFORGE_CACHE_DIR`` (else
``$XDG_CACHE_HOME/courseforge``, else ``~/.cache/courseforge``), one file per
input, and taken back only when both the input's bytes and the code that
worked it out are the same: an edited file, or a courseforge, Python or reader
library (PyYAML, pypdf…) of another version, is worked out again. Entries are
written atomically but not flushed to disk; a missing, damaged or unreadable
entry, or a folder that cannot be written, only costs the work. Deleting the
folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from .fsutil import write_atomic

_PACKAGE = Path(__file__).resolve().parent
_STALE_DAYS = 60  # an entry no build has used for this long (a deleted course, a moved file) goes
_TOUCH_DAYS = 7  # an entry in use is marked so at most this often
# Libraries whose output is cached: quiz YAML, and the text of PDF, Word and web seeds.
_READERS = ("PyYAML", "pypdf", "python-docx", "lxml", "rapidfuzz")


def user_cache_dir(part: str) -> Path | None:
    """The folder for ``part`` of the cache: under $COURSEFORGE_CACHE_DIR, else the XDG cache (None: keep none)."""
    chosen = os.environ.get("COURSEFORGE_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / part if chosen else None  # set but empty: no cache on disk
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder known
            return None
    return Path(base) / "courseforge" / part


_code_version: bytes | None = None


def code_version() -> bytes:
    """A digest of what shapes a cached result: courseforge's Python source, Python and the readers' versions."""
    global _code_version
    if _code_version is None:
        from importlib import metadata  # imported here: about 15 ms that a run without a cache need not pay

        h = hashlib.sha1(f"{sys.implementation.cache_tag}|{sys.version}".encode("utf-8"))
        for dist in _READERS:
            try:
                h.update(f"|{dist} {metadata.version(dist)}".encode("utf-8"))
            except metadata.PackageNotFoundError:
                h.update(f"|{dist} -".encode("utf-8"))
        for path in sorted(_PACKAGE.rglob("*.py")):
            h.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
            h.update(path.read_bytes())
        _code_version = h.digest()
    return _code_version


class FileCache:
    """Values worked out from one input file each, kept by the file's name and checked against its bytes.

    ``get(name, raw)`` gives back what ``put(name, raw, value)`` stored for the
    same name, the same bytes and the same :func:`code_version`, else None. One
    entry per name: storing a newer version of a file replaces the older one.
    """

    def __init__(self, part: str, directory: Path | None | bool = True) -> None:
        self.directory = user_cache_dir(part) if directory is True else (directory or None)
        self._pruned = False

    def get(self, name: str, raw: bytes) -> Any | None:
        if self.directory is None:
            return None
        path = self.directory / _entry(name)
        try:
            with open(path, "rb") as fh:
                data, mtime = fh.read(), os.fstat(fh.fileno()).st_mtime
        except OSError:
            return None
        if data[:20] != _check(raw):
            return None
        if mtime < time.time() - _TOUCH_DAYS * 86400:  # still in use: not stale
            try:
                os.utime(path)
            except OSError:
                pass
        try:
            return pickle.loads(data[20:])
        except Exception:  # noqa: BLE001 - a damaged entry (cut short, overwritten) is only a miss
            return None

    def put(self, name: str, raw: bytes, value: Any) -> None:
        if self.directory is None:
            return
        try:
            data = _check(raw) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.directory / _entry(name), data, durable=False)
        except (OSError, pickle.PicklingError):
            return
        self._prune()

    def _prune(self) -> None:
        # Once a process, on its first write: entries no build has used for weeks.
        if self._pruned:
            return
        self._pruned = True
        limit = time.time() - _STALE_DAYS * 86400
        try:
            with os.scandir(self.directory) as entries:
                for entry in entries:
                    if entry.name.endswith(".entry") and entry.stat().st_mtime < limit:
                        os.unlink(entry.path)
        except OSError:
            pass


def _entry(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest() + ".entry"


def _check(raw: bytes) -> bytes:
    return hashlib.sha1(code_version() + b"\0" + raw).digest()
