"""File output that never leaves a half-written file behind.

Every file courseforge writes goes through :func:`write_atomic`: the data is
written to a temporary file in the same folder, flushed to disk, then renamed
over the target in one step, so a crash leaves either the old or the new file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8", *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; ``durable=False`` skips the flush to disk (for caches,
    where a file lost in a crash only costs the work of making it again)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file 0600; give it the mode a plain write would
        # (the old file's mode, else the default less the umask).
        os.fchmod(fd, plain_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def plain_mode(path: Path) -> int:
    """The mode a plain write would give ``path``: its current mode, else the default less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_text_limited(path: str | Path, limit: int) -> str:
    """Read a UTF-8 text file no larger than ``limit`` bytes.

    Raises ValueError with a message fit for a trainer; callers turn it into a
    Diagnostic naming the file.
    """
    path = Path(path)
    size = path.stat().st_size
    if size > limit:
        raise ValueError(f"file is {size:,} bytes, over the {limit:,}-byte limit")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValueError(f"line {line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8") from None
