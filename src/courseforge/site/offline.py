"""Pack a built site as a zip a learner unzips and opens from file://.

The zip is reproducible: entries sorted, fixed timestamps and permissions, so
the same site always gives the same bytes (and a trainer can tell by its
checksum whether two copies match).
"""

from __future__ import annotations

import fnmatch
import io
import zipfile
from pathlib import Path

from ..fsutil import write_atomic

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record
STORED_SUFFIXES = {".gz", ".png", ".jpg", ".jpeg", ".zip", ".woff", ".woff2"}  # already compressed
# Not needed from file://: source maps (only developer tools read them) and the JSON
# search index (file:// pages load search_index.js instead). A third less to download.
OFFLINE_SKIP = ("*.map", "search/search_index.json")


def zip_site(site_dir: Path, zip_path: Path, *, folder: str, skip: tuple[str, ...] = ()) -> None:
    """Write the files of ``site_dir`` under ``folder/`` into ``zip_path``, but those matching ``skip``."""
    site_dir = Path(site_dir)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            rel = path.relative_to(site_dir).as_posix()
            if any(fnmatch.fnmatch(rel, pattern) for pattern in skip):
                continue
            name = f"{folder}/{rel}"
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if path.suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    write_atomic(zip_path, buf.getvalue())
