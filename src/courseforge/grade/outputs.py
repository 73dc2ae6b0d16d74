"""The files ``courseforge grade`` writes, all atomically.

The outputs of a run are one set (:class:`OutputSet`): written into a new
hidden folder while grading runs (results.json and errors.csv are streamed,
so memory does not grow with the input), and shown in one step once
everything succeeded. A reader sees all the old files or all the new ones;
a crash, a full disk or Ctrl-C leaves the previous set, and what an earlier
killed run left behind is removed by the next one.

CSV cells a spreadsheet would run as a formula (starting with ``= + - @``,
tab, CR or LF) get a leading apostrophe; CSV files carry a UTF-8 BOM so
spreadsheet programs show accented names correctly.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from ..fsutil import plain_mode

GRADEBOOK_COLUMNS = ("learner_id", "learner_name", "quiz", "score", "max", "percent", "passed", "attempt",
                     "submitted_at")
ERROR_COLUMNS = ("file", "line", "reason")
RESULTS_FORMAT = "courseforge-results/1"
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def fmt_num(x: float) -> str:
    """2 → "2", 2.5 → "2.5", 1/3 → "0.3333": what a trainer expects in a cell."""
    r = round(float(x), 4)
    if r == int(r):
        return str(int(r))
    return f"{r:.4f}".rstrip("0")


def json_mark(x: float) -> str:
    """A mark's text in results.json: 2.0 → "2", 0.5 → "0.5", 1/3 → "0.3333"."""
    r = round(x, 4)
    return str(int(r)) if r == int(r) else repr(r)


def json_num(x: float) -> float | int:
    r = round(float(x), 4)
    return int(r) if r == int(r) else r


class AtomicFile:
    """A text file written to a temporary name and renamed into place by :meth:`commit`."""

    def __init__(self, path: Path, newline: str | None = None, bom: bool = False, mode_of: Path | None = None):
        """``mode_of``: the file whose mode to keep (default: ``path`` itself)."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, plain_mode(mode_of or self.path))  # not mkstemp's 0600: as any file the trainer saves
        # backslashreplace: a lone surrogate smuggled in through JSON ("\ud800") is written as an
        # escape instead of crashing the run (and stays valid JSON in results.json).
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline=newline, errors="backslashreplace")
        if bom:
            # written by hand: the "utf-8-sig" codec would encode every later write in Python,
            # not in C (a CSV writer writes once per row: 0.1 s per 100,000 rows)
            self.fh.write("\ufeff")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()

    def commit(self) -> None:
        self.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        try:
            if not self.fh.closed:
                self.fh.close()  # flushes what is buffered, which fails again on a full disk...
        except OSError:
            pass  # ...and closes the file all the same
        finally:
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass


class CsvOut:
    """A CSV output with a header; text cells are neutralised."""

    def __init__(self, path: Path, columns: tuple[str, ...], mode_of: Path | None = None):
        self.file = AtomicFile(path, newline="", bom=True, mode_of=mode_of)
        self.writer = csv.writer(self.file.fh)
        self.writer.writerow(columns)
        self.rows = 0

    def row(self, *cells: Any) -> None:
        self.writer.writerow([csv_safe(c) for c in cells])
        self.rows += 1


class ResultsWriter:
    """results.json, streamed: one attempt per line inside a JSON document.

    Layout::

        {"format": "courseforge-results/1", "attempts_policy": "best",
         "quizzes": {quiz id: {title, version, max, pass_mark, questions: [{id, type, points}]}},
         "attempts": [
          {"n": 1, "file": ..., "line": ..., "learner_id": ..., "learner_name": ..., "quiz": ...,
           "submitted_at": ..., "score": ..., "percent": ..., "passed": ...,
           "marks": {question id: points earned}, "unanswered": [...], "warnings": [...]},
          ...],
         "graded": [{"quiz", "learner_id", "n" (the graded attempt), "attempt", "attempts"}, ...],
         "summary": {...}}
    """

    def __init__(self, path: Path, policy: str, quizzes: dict[str, Any], mode_of: Path | None = None):
        self.file = AtomicFile(path, mode_of=mode_of)
        head = json.dumps({"format": RESULTS_FORMAT, "attempts_policy": policy, "quizzes": quizzes},
                          ensure_ascii=False)
        self.file.write(head[:-1] + ',\n "attempts": [')
        self.first = True  # no line written yet in the current list
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        self._per_quiz: dict[str, tuple] = {}  # quiz id -> (its JSON, marks keys, score texts)
        self._nums: dict[float, str] = {}  # mark -> its JSON text; marks take few distinct values
        self._file = ("", "")
        self._buf: list[str] = []

    def num(self, x: float) -> str:
        """A number's text, as :func:`fmt_num` writes it (cached: marks take few values)."""
        t = self._nums.get(x)
        if t is None:
            t = json_mark(x)
            if len(self._nums) < 100_000:
                self._nums[x] = t
        return t

    def attempt(self, seq: int, file: str, where: Any, g: Any, duplicate: bool = False) -> None:
        """One attempt as one line, made by one f-string: this runs 100,000 times in a big
        run, and a generic encoder spends most of its time on the 20 marks (``g.marks_json``,
        when made while marking, has them ready) and on keys that never change."""
        key = g.quiz
        fixed = self._per_quiz.get(key.id)
        if fixed is None:  # the quiz id as JSON, each question's "q1": and the score texts
            fixed = self._per_quiz[key.id] = (encode_basestring(key.id),
                                              tuple(encode_basestring(q) + ":" for q in key.qids), {})
        quiz, starts, scores = fixed
        marks = g.marks_json  # made while marking when every answer had been seen before
        if marks is None:
            marks = ",".join(map(str.__add__, starts, map(self.num, g.marks)))
        if self._file[0] != file:
            self._file = (file, encode_basestring(file))
        # score, percent and passed depend on the score alone, which takes few distinct values
        score = scores.get(g.score)
        if score is None:
            percent = key.percent(g.score)
            score = (f'"score":{self.num(g.score)},"percent":{round(percent, 2)!r},'
                     f'"passed":{"true" if key.passed(percent) else "false"}')
            if len(scores) < 100_000:
                scores[g.score] = score
        s = encode_basestring
        line = (f'{{"n":{seq},"file":{self._file[1]},'
                f'"line":{where if where.__class__ is int and where else (s(where) if where else "null")},'
                f'"learner_id":{s(g.learner_id)},"learner_name":{s(g.learner_name)},"quiz":{quiz},'
                f'"submitted_at":{s(g.submitted_at)},{score},"marks":{{{marks}}}')
        if g.unanswered:
            line += ',"unanswered":' + self._dumps(g.unanswered)
        if g.warnings:
            line += ',"warnings":' + self._dumps(g.warnings)
        if duplicate:
            line += ',"duplicate":true'
        buf = self._buf  # as _line does, written out: this is the hot path
        buf.append(line + "}")
        if len(buf) >= 512:
            self._flush()

    def _line(self, line: str) -> None:
        """One element of the current JSON list, buffered: fewer, larger writes."""
        buf = self._buf
        buf.append(line)
        if len(buf) >= 512:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self.file.write(("\n  " if self.first else ",\n  ") + ",\n  ".join(self._buf))
            self.first = False
            self._buf.clear()

    def begin_graded(self) -> None:
        self._flush()
        self.file.write('\n ],\n "graded": [')
        self.first = True

    def graded(self, e: Any, attempt: int) -> None:
        """Which attempt counts for one learner and quiz (``n`` points into "attempts")."""
        self.graded_row(encode_basestring(e.quiz), e.learner_id, e.seq, attempt, e.attempts)

    def graded_row(self, quiz_json: str, learner_id: str, seq: int, attempt: int, attempts: int) -> None:
        """:meth:`graded` from its parts (``quiz_json``: the quiz id already JSON-encoded)."""
        self.graded_rows(quiz_json, [(learner_id, seq, attempt, attempts)])

    def graded_rows(self, quiz_json: str, rows: Iterable[tuple[str, int, int, int]]) -> None:
        """:meth:`graded_row` for many (learner id, n, attempt, attempts) of one quiz at once."""
        s = encode_basestring
        self._buf.extend([f'{{"quiz":{quiz_json},"learner_id":{s(lid)},"n":{seq},"attempt":{attempt},'
                          f'"attempts":{attempts}}}' for lid, seq, attempt, attempts in rows])
        self._flush()

    def finish(self, summary: dict[str, Any]) -> None:
        self._flush()
        self.file.write("\n ],\n \"summary\": " + json.dumps(summary, ensure_ascii=False) + "\n}\n")


OUTPUT_MARK = ".courseforge-grade"  # the hidden folder of an output folder, holding the sets


class OutputsBusy(OSError):
    """Another ``courseforge grade`` is writing to the same output folder."""


class OutputSet:
    """The files of one run, shown together: all old or all new, never a mix.

    Layout of the output folder::

        gradebook.csv -> .courseforge-grade/current/gradebook.csv   (one link per output)
        ...
        .courseforge-grade/current -> run-XXXX                      (the set shown)
        .courseforge-grade/run-XXXX/gradebook.csv ...
        .courseforge-grade/lock

    A run writes into its own ``run-*`` folder; :meth:`commit` points ``current`` at it
    in one rename (atomic), so every link turns to the new set at once, then removes the
    old set. A lock keeps two runs from writing to one folder at a time; a new run first
    removes what a killed one left (``run-*`` folders ``current`` does not point at, and
    the ``.*.tmp`` files of older versions). Where links cannot be made (some Windows
    set-ups), each file is moved into place by itself instead.
    """

    def __init__(self, out_dir: Path, names: tuple[str, ...]):
        self.out = Path(out_dir)
        self.names = names
        self.base = self.out / OUTPUT_MARK
        self.base.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.base / "lock")
        try:
            self._clean()
            self.run = Path(tempfile.mkdtemp(prefix="run-", dir=self.base))
            os.chmod(self.run, 0o777 & ~_umask())  # mkdtemp's 0700 would hide the files from other readers
        except BaseException:
            self._lock.close()
            raise

    def path(self, name: str) -> Path:
        return self.run / name

    def shown(self, name: str) -> Path:
        return self.out / name

    def _current(self) -> str | None:
        try:
            return os.readlink(self.base / "current")
        except OSError:
            return None

    def _clean(self) -> None:
        keep = self._current()
        for entry in os.scandir(self.base):
            if entry.name.startswith("run-") and entry.name != keep:
                shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.name.startswith(".current-"):
                _unlink(entry.path)
        for entry in os.scandir(self.out):  # temporary files of versions that wrote beside the outputs
            if entry.name.endswith(".tmp") and any(entry.name.startswith(f".{n}.") for n in self.names):
                _unlink(entry.path)

    def commit(self) -> None:
        """Show this run's files (each already written, flushed and closed)."""
        _fsync_dir(self.run)
        old = self._current()
        link = self.base / f".current-{os.getpid()}"
        try:
            _unlink(link)
            os.symlink(self.run.name, link)
        except (OSError, NotImplementedError):
            self._commit_file_by_file()
            return
        os.replace(link, self.base / "current")  # the commit: one rename
        _fsync_dir(self.base)
        for name in self.names:  # the links in the output folder, made once
            target = os.path.join(OUTPUT_MARK, "current", name)
            shown = self.shown(name)
            ours = os.path.islink(shown) and os.readlink(shown) == target
            if not self.path(name).exists():  # not written this time (no report asked for)
                if ours or os.path.isfile(shown):
                    _unlink(shown)  # an old one beside the new set would not match it
                continue
            if ours:
                continue
            tmp = self.out / f".{name}.link.tmp"
            _unlink(tmp)
            os.symlink(target, tmp)
            os.replace(tmp, shown)
        _fsync_dir(self.out)
        if old and old != self.run.name:
            shutil.rmtree(self.base / old, ignore_errors=True)
        self._lock.close()

    def _commit_file_by_file(self) -> None:
        for name in self.names:
            if self.path(name).exists():
                os.replace(self.path(name), self.shown(name))
        shutil.rmtree(self.run, ignore_errors=True)
        self._lock.close()

    def discard(self) -> None:
        shutil.rmtree(self.run, ignore_errors=True)
        self._lock.close()


def _lock(path: Path):
    fh = open(path, "a+")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        return fh
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise OutputsBusy(0, "another courseforge grade is writing to this folder; wait for it to finish",
                          str(path.parent.parent)) from None
    return fh


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
