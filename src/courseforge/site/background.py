"""Check and load the course in a child process while MkDocs reads the pages.

Checking a course means reading every quiz (about 0.15 ms a question) and
working out the public views pages show; MkDocs needs longer to read and
convert the pages before the first quiz is wanted. Doing both at once on a
second core keeps a 2,000-question build close to a plain MkDocs build (on a
machine with no free core it costs about what running inline costs). Where
``os.fork`` does not exist, or when the caller asks for it (the plugin's
``background: false``, ``mkdocs serve``), or other threads run, the work runs
inline: same result, same errors.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading

from ..diagnostics import CourseError
from ..project import Project
from .course import SiteCourse, load_site_course


def _load(project: Project, check: bool) -> tuple[str, object]:
    # CourseError does not survive pickling with its diagnostics: send them as data.
    try:
        return "ok", load_site_course(project, check=check)
    except CourseError as exc:
        return "error", exc.diagnostics


def _unpickle(data: bytes):
    # Thousands of objects, none of them garbage: no cycle collection while they arrive.
    was = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was:
            gc.enable()


def _cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class PendingCourse:
    """``load_site_course(project, check=check)``, started now, awaited by :meth:`result`."""

    def __init__(self, project: Project, *, check: bool = True, fork: bool = True):
        self._args = (project, check)
        self._outcome: tuple[str, object] | None = None
        self._pid: int | None = None
        # Fork only a single-threaded process: a thread holding a lock at fork time
        # (a web server, a browser driver) could leave the child stuck on it.
        # With one core to run on, a second process only adds the cost of sending the course back.
        if not (fork and hasattr(os, "fork") and threading.active_count() == 1 and _cores() > 1):
            self._outcome = _load(*self._args)
            return
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: do the work, send it back, leave without running the parent's exit hooks
            # A short-lived child needs no cycle collector; it would walk (and so copy)
            # every page of the parent's memory it shares.
            gc.disable()
            code = 0
            try:
                os.close(read_fd)
                data = pickle.dumps(_load(*self._args), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_fd, "wb") as fh:
                    fh.write(data)
            except BaseException:  # noqa: BLE001 - the parent redoes the work inline and reports it
                code = 1
            finally:
                os._exit(code)
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def result(self) -> SiteCourse:
        """The loaded course; raises CourseError with the checker's diagnostics."""
        if self._outcome is None:
            with os.fdopen(self._read_fd, "rb") as fh:
                data = fh.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            try:
                self._outcome = _unpickle(data) if data and status == 0 else _load(*self._args)
            except Exception:  # noqa: BLE001 - a broken message: do the work here instead
                self._outcome = _load(*self._args)
        kind, value = self._outcome
        if kind == "error":
            raise CourseError(value)  # type: ignore[arg-type]
        return value  # type: ignore[return-value]

    def __del__(self):  # never leave a zombie behind if the build stopped early
        if self._pid is not None:
            try:
                os.close(self._read_fd)
                os.waitpid(self._pid, 0)
            except OSError:
                pass

