"""Writing the generated course without ever losing a trainer's edit.

``.courseforge/generated.json`` (committed with the course) records the
sha256 of every file generate wrote. On the next run a file is:

- *created* when it does not exist;
- *updated* when it is exactly what generate wrote last time;
- *unchanged* when it already has the new content;
- *kept* when it differs from what generate wrote: a trainer edited it.
  The new draft goes to ``.courseforge/drafts/<same path>`` instead, which
  MkDocs and ``courseforge check`` never read. ``force=True`` replaces the
  edited file, after copying the trainer's version to
  ``.courseforge/backup/<UTC date and time>/<same path>``: one folder per
  run, never reused, so every earlier backup survives the next --force;
- *removed* when generate wrote it before, it is unedited, and the new
  course no longer has it (a module dropped from the plan). Edited files
  are never removed.

Every write is atomic; the lock is written last, so an interrupted run at
worst leaves files the next run recognises as already up to date.
"""

from __future__ import annotations

import errno
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..diagnostics import CourseError, Diagnostic
from ..fsutil import write_atomic

LOCK_PATH = ".courseforge/generated.json"
DRAFTS_DIR = ".courseforge/drafts"
BACKUP_DIR = ".courseforge/backup"
IGNORE_PATH = ".courseforge/.gitignore"
LOCK_FORMAT = "courseforge-generated/1"
MANAGED_DIRS = ("modules", "quizzes")


def sha256(data: str | bytes) -> str:
    """Content hash, blind to line endings: a checkout with CRLF (git on
    Windows) is not an edit."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()


@dataclass
class Plan:
    """What a run does to each path (relative to the course root)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by a trainer; draft written beside
    replaced: list[str] = field(default_factory=list)  # edited, overwritten because of --force
    removed: list[str] = field(default_factory=list)
    kept_stale: list[str] = field(default_factory=list)  # no longer generated, but edited: left alone
    backups: dict[str, str] = field(default_factory=dict)  # replaced path -> where the trainer's version goes

    @property
    def changes(self) -> int:
        return len(self.created) + len(self.updated) + len(self.replaced) + len(self.removed)


def read_lock(root: Path) -> dict[str, str]:
    path = root / LOCK_PATH
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CourseError(Diagnostic(LOCK_PATH, 0, 0,
                                     f"cannot be read ({exc}); it records which files generate wrote. "
                                     "Restore it from version control, or delete it: generate then treats "
                                     "every existing file as edited and keeps it")) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise CourseError(Diagnostic(LOCK_PATH, 0, 0, "has no 'files' mapping; restore it from version control or delete it"))
    return {str(k): str(v) for k, v in files.items()}


def lock_text(files: dict[str, str]) -> str:
    body = {"format": LOCK_FORMAT,
            "note": "Written by courseforge generate: the sha256 of each file as generated. "
                    "A file whose content differs was edited and is never overwritten without --force.",
            "files": dict(sorted(files.items()))}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def backup_folder(root: Path, now: datetime | None = None) -> str:
    """A backup folder for this run that no earlier run used: ``.courseforge/backup/2026-12-02T10-25-33Z``.

    UTC, so the names sort in time order whatever the time zone; dashes, not
    colons, so the folder can be copied to Windows. Two runs within the same
    second get ``-2``, ``-3`` ...
    """
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
    rel, n = f"{BACKUP_DIR}/{stamp}", 2
    while (root / rel).exists():
        rel, n = f"{BACKUP_DIR}/{stamp}-{n}", n + 1
    return rel


def plan_writes(root: Path, files: dict[str, str], *, force: bool = False,
                now: datetime | None = None) -> tuple[Plan, dict[str, str]]:
    """Decide each file's fate. Returns the plan and the new lock contents."""
    lock = read_lock(root)
    plan = Plan()
    new_lock: dict[str, str] = {}
    for rel, text in sorted(files.items()):
        path = root / rel
        new = sha256(text)
        current = sha256(path.read_bytes()) if path.is_file() else None
        recorded = lock.get(rel)
        if current is None:
            plan.created.append(rel)
            new_lock[rel] = new
        elif current == new:
            plan.unchanged.append(rel)
            new_lock[rel] = new
        elif current == recorded:
            plan.updated.append(rel)
            new_lock[rel] = new
        elif force:
            plan.replaced.append(rel)
            new_lock[rel] = new
        else:
            plan.kept.append(rel)
            if recorded is not None:
                new_lock[rel] = recorded  # still the trainer's edit next time
    for rel, recorded in sorted(lock.items()):
        if rel in files:
            continue
        path = root / rel
        if not path.is_file():
            continue
        if sha256(path.read_bytes()) == recorded:
            plan.removed.append(rel)
        else:
            plan.kept_stale.append(rel)
    if plan.replaced:
        folder = backup_folder(root, now)
        plan.backups = {rel: f"{folder}/{rel}" for rel in plan.replaced}
    return plan, new_lock


def apply_writes(root: Path, files: dict[str, str], plan: Plan, new_lock: dict[str, str]) -> None:
    for rel in plan.created + plan.updated:
        write_atomic(root / rel, files[rel])
    for rel in plan.replaced:
        backup = root / plan.backups[rel]
        if backup.exists():  # another run took this folder since planning: never write over a backup
            raise FileExistsError(errno.EEXIST, "a backup is already there; run generate again", str(backup))
        write_atomic(backup, (root / rel).read_bytes())
        write_atomic(root / rel, files[rel])
    for rel in plan.kept:
        write_atomic(root / DRAFTS_DIR / rel, files[rel])
    for rel in plan.removed:
        (root / rel).unlink()
    write_atomic(root / LOCK_PATH, lock_text(new_lock))
    ignore = root / IGNORE_PATH
    if (plan.kept or plan.replaced) and not ignore.exists():
        # drafts and backups are the trainer's working copies, not course files
        write_atomic(ignore, "drafts/\nbackup/\n")
