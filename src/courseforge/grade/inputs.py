"""Streaming readers for what trainers collect: files, folders, JSON Lines, CSV.

Every reader yields *records* one at a time, so a run over 100,000
submissions holds one submission in memory, never the whole input::

    (kind, file, where, payload, nbytes)

``kind`` is "json" (payload: the parsed submission), "csv" (payload: a row
as a dict with text answers, converted per question type later), "error"
(payload: why this file/line/row cannot be read; it goes to errors.csv) or
"warning". ``where`` is a line number (0: the whole file) or "record N" for
the Nth submission in a JSON array. ``nbytes`` feeds the progress bar.

Inputs are opened read-only and never modified.

CSV layout (one row per learner per quiz)
    ``learner_id, learner_name, quiz, submitted_at`` then one column per
    question id (``learner_name`` and ``submitted_at`` may be missing). An
    empty cell is an unanswered question. Several choices (multiple,
    ordering) are separated by ``|``; matching is ``pair=right|pair=right``;
    true/false accepts true/false, yes/no, 1/0; numbers use a decimal point
    or a decimal comma (``3.5`` or ``3,5``), never thousands separators.
    Columns that are no question of any quiz are ignored with a warning.
"""

from __future__ import annotations

import csv
import json
import os
import queue
import re
import stat
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..diagnostics import display_path
from .outputs import ERROR_COLUMNS, GRADEBOOK_COLUMNS, OUTPUT_MARK

SUBMISSION_LIMIT = 1 << 20  # bytes per submission file, JSON Lines line or CSV line
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
META_COLUMNS = ("learner_id", "learner_name", "quiz", "submitted_at")
HIDDEN, OTHER_SUFFIX = "hidden", "other"  # why files in the input folders were skipped

Record = tuple[str, str, Any, Any, int]

_scan_once = json.JSONDecoder().scan_once


def loads(text: str) -> Any:
    """``json.loads`` without its wrapper cost (about 4 µs a call: 0.4 s per 100,000 lines).

    The C scanner does the parsing either way; anything unusual (leading white
    space, trailing data, an error) goes through ``json.loads`` itself, so
    errors carry its exact message and position.
    """
    try:
        obj, end = _scan_once(text, 0)
    except StopIteration:
        return json.loads(text)
    if end != len(text) and text[end:].strip(" \t\n\r"):
        return json.loads(text)  # raises "Extra data"
    return obj


def _json_reason(exc: json.JSONDecodeError, what: str = "file") -> str:
    return f"not valid JSON ({exc.msg} at column {exc.colno}); the {what} may be cut short or edited by hand"


_LONG_REASON = ("a number has more than {:,} digits; no answer or id is that long "
                "(the file may be damaged)")


def _long_number(text: str) -> tuple[int, str]:
    """(line, reason) for an integer too long for Python to read (it raises a plain ValueError)."""
    digits = sys.get_int_max_str_digits()
    m = re.search(r"\d{%d,}" % (digits + 1), text) if digits else None
    line = text.count("\n", 0, m.start()) + 1 if m else 0
    return line, _LONG_REASON.format(digits)


class _TooLong:
    """Stands for an integer longer than Python reads, so one such number in a JSON array
    costs only the record that holds it."""


_TOO_LONG = _TooLong()


def _read_int(digits: str) -> int | _TooLong:
    limit = sys.get_int_max_str_digits()
    return _TOO_LONG if limit and len(digits) - (digits[:1] == "-") > limit else int(digits)


def _holds(value: Any, marker: object) -> bool:
    todo = [value]
    while todo:
        v = todo.pop()
        if v is marker:
            return True
        if v.__class__ is dict:
            todo.extend(v.values())
        elif v.__class__ is list:
            todo.extend(v)
    return False


class _Repeated(dict):
    """An object in which a key appears twice with different values (``key``)."""

    key = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    d = dict(pairs)
    if len(d) != len(pairs):
        first: dict[str, Any] = {}
        for k, v in pairs:
            if k in first and first[k] != v:
                r = _Repeated(d)
                r.key = k
                return r
            first.setdefault(k, v)
    return d


def _repeated_in(value: Any) -> str | None:
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, _Repeated):
            return v.key
        if isinstance(v, dict):
            todo.extend(v.values())
        elif v.__class__ is list:
            todo.extend(v)
    return None


def _keys_near_top(d: dict) -> int:
    """Keys of an object, of the objects in it, and of the objects in those (a submission's
    learner, answers and matching answers): what a submission without a repeated key has."""
    n = len(d)
    for v in d.values():
        if v.__class__ is dict:
            n += len(v)
            for w in v.values():
                if w.__class__ is dict:
                    n += len(w)
    return n


def _no_repeated_key(text: str, records: list) -> bool:
    """True when no object in ``text`` repeats a key, proved by counting (no second parse).

    Outside strings a colon only ends a key, so the colons of the text are its keys plus
    the colons inside its strings. Without a backslash the strings are as written, and when
    the colons, less those of each record's submitted_at, are as many as the keys the
    parsed records hold near their top, no key was read twice (and nothing lies deeper).
    Anything else (a colon in an answer, an escape) is settled by a second, careful parse.
    """
    if "\\" in text:
        return False
    if len(records) == 1 and records[0].__class__ is dict:
        usual = _one_submission_without_repeats(text, records[0])
        if usual is not None:
            return usual
    colons = text.count(":")
    expected = 0
    for r in records:
        if r.__class__ is dict:
            when = r.get("submitted_at")
            expected += _keys_near_top(r) + (when.count(":") if when.__class__ is str else 0)
    return colons == expected


def _one_submission_without_repeats(text: str, r: dict) -> bool | None:
    """:func:`_no_repeated_key` for one submission (a text without a backslash) with its usual
    parts, counted in C; None when it has not those parts (the general count decides)."""
    get = r.get
    learner, answers, versions = get("learner"), get("answers"), get("question_versions")
    if learner.__class__ is dict and answers.__class__ is dict and versions.__class__ is dict:
        when = get("submitted_at")
        rest = text.count(":") - len(r) - len(learner) - len(answers) - len(versions)
        if when.__class__ is str:
            rest -= when.count(":")
        if rest == 0:
            return True
        for v in answers.values():  # matching answers are objects too (a plain loop: no call per value)
            if v.__class__ is dict:
                rest -= len(v)
        return rest == 0
    return None


def repeated_keys(text: str, data: Any) -> list[str | None] | None:
    """None when no object in the text repeats a key with another value; else, per record
    (the object itself, or each element of a list), the first such key or None."""
    records = data if data.__class__ is list else [data]
    if _no_repeated_key(text, records):
        return None
    careful = json.loads(text, object_pairs_hook=_pairs, parse_int=_read_int)
    found = [_repeated_in(r) for r in (careful if careful.__class__ is list else [careful])]
    return found if any(k is not None for k in found) else None


def _repeated_reason(key: str) -> str:
    return (f"the key {_show_key(key)} appears twice with different values, and which one counts "
            "is unclear; keep one (the file may be edited by hand or merged)")


def _show_key(key: str) -> str:
    return repr(key if len(key) <= 40 else key[:39] + "…")


def _with_long_numbers(text: str, what: str) -> tuple[list, list[str | None]]:
    """A JSON array read again, each too-long integer a marker: (records, the reason per record
    that holds one, else None), so such a number costs only its record. Raises :class:`Unreadable`
    for anything else (one object: the file or line is its one record)."""
    try:
        data = json.loads(text, parse_int=_read_int)
    except json.JSONDecodeError as exc:  # further on than the number
        raise Unreadable(exc.lineno, _json_reason(exc, what)) from None
    except RecursionError:
        raise Unreadable(0, "not valid JSON: nested too deeply") from None
    if data.__class__ is not list:
        raise Unreadable(*_long_number(text))
    reason = _LONG_REASON.format(sys.get_int_max_str_digits())
    return data, [reason if _holds(r, _TOO_LONG) else None for r in data]


def parse_json(text: str, what: str = "file") -> tuple[Any, list[str | None] | None]:
    """(data, per record the reason it cannot be graded, or None when all can); raises
    :class:`Unreadable` with (line, reason) when the text as a whole cannot be read.

    The records are the elements of a list, or the value itself.
    """
    long = None
    try:
        data = loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(exc.lineno, _json_reason(exc, what)) from None
    except RecursionError:
        raise Unreadable(0, "not valid JSON: nested too deeply") from None
    except ValueError:  # an integer longer than int() reads (sys.get_int_max_str_digits)
        data, long = _with_long_numbers(text, what)
    if data.__class__ is dict and long is None and "\\" not in text \
            and _one_submission_without_repeats(text, data):
        return data, None  # the usual submission, settled without the general count
    if data.__class__ is dict or data.__class__ is list:
        try:
            keys = repeated_keys(text, data)
        except RecursionError:
            raise Unreadable(0, "not valid JSON: nested too deeply") from None
        if keys is None:
            return data, long
        reasons = [None if k is None else _repeated_reason(k) for k in keys]
        return data, [a or b for a, b in zip(long, reasons)] if long else reasons
    return data, None


class Unreadable(ValueError):
    """A file or line that cannot be read as JSON: (line, reason)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def open_regular(path: str | Path) -> int:
    """A file descriptor open for reading, only for a regular file.

    Opened without blocking, so a named pipe (put in place of a file after the folder was
    listed) is refused at once instead of hanging the run; raises OSError.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(0, f"{_kind_of(mode)}, not a file: only regular files are read")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: str | Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file (OSError otherwise)."""
    fd = open_regular(path)
    try:
        parts, left = [], limit
        while left > 0:
            b = os.read(fd, left)
            if not b:
                break
            parts.append(b)
            left -= len(b)
        return b"".join(parts) if len(parts) != 1 else parts[0]
    finally:
        os.close(fd)


def _kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in a trainer's words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _link_to(path: str) -> str:
    """What a link that is not a link to a regular file points at."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a broken link"
    if stat.S_ISDIR(mode):
        return "a link to a folder (links to folders are not followed)"
    kind = _kind_of(mode)
    kind = kind if kind.startswith("a ") else "something that is " + kind
    return f"a link to {kind}, not a file (only regular files are read)"


def expand_inputs(paths: Iterable[str | Path], root: Path | None = None,
                  exclude: Iterable[Path] = ()) -> tuple[list[tuple[str, str, str]], list[Record], Counter]:
    """Files to read, in a stable order, as (path, format, path shown in messages); problems
    (records of kind "error" or "warning"); what was skipped in the folders, counted by
    reason (``HIDDEN``, ``OTHER_SUFFIX``).

    Folders are searched recursively for .json, .jsonl/.ndjson and .csv files. Only regular
    files are read: a named pipe would block the run forever, so it (and any socket, device
    or broken link) is skipped with a warning; links to folders are not followed. Hidden
    files and folders are skipped and counted, and each hidden folder or hidden file named like
    a submission is named in a warning; a folder that cannot be listed is an error.
    A folder holding courseforge grade's own outputs (:data:`OUTPUT_MARK`) is skipped,
    and ``exclude`` keeps the output folder out. The same file named twice is read once.
    Paths are resolved once per folder, not once per file: a folder may hold 100,000
    submissions.
    """
    skip = [str(p.resolve()) for p in exclude]
    files: list[tuple[str, str, str]] = []  # plain strings: 100,000 Path objects cost seconds
    problems: list[Record] = []
    seen: set[str] = set()
    skipped: Counter = Counter()

    def excluded(real: str) -> bool:
        return any(real == s or real.startswith(s + os.sep) for s in skip)

    for raw in paths:
        p = Path(raw)
        shown = _display(p, root)
        try:
            mode = os.stat(p).st_mode
        except FileNotFoundError:
            problems.append(("error", shown, 0, "no such file or folder", 0))
            continue
        except OSError as exc:
            problems.append(("error", shown, 0, f"cannot be read: {exc.strerror or exc}", 0))
            continue
        if stat.S_ISDIR(mode):
            real_top = str(p.resolve())
            if not excluded(real_top):
                _walk(p, real_top, shown, excluded, files, problems, seen, skipped)
        elif stat.S_ISREG(mode):
            fmt = SUFFIXES.get(p.suffix.lower())
            real = str(p.resolve())
            if fmt is None:
                problems.append(("error", shown, 0, "not a submission file: expected .json, .jsonl or .csv", 0))
            elif real not in seen and not excluded(real):
                seen.add(real)
                files.append((str(p), fmt, shown))
        else:
            problems.append(("error", shown, 0, f"{_kind_of(mode)}, not a file: only regular files are read", 0))
    return files, problems, skipped


def _walk(top: Path, real_top: str, shown_top: str, excluded, files: list, problems: list, seen: set,
          skipped: Counter) -> None:
    """The submission files under one input folder, sorted by their path inside it."""
    found = []
    todo = [(str(top), "")]  # (folder, its path relative to top, with a final "/")
    while todo:
        folder, rel = todo.pop()
        shown = f"{shown_top}/{rel}".rstrip("/") if shown_top != "." else (rel.rstrip("/") or ".")
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=_name)  # warnings in a stable order
        except OSError as exc:
            problems.append(("error", shown, 0, f"folder cannot be read: {exc.strerror or exc}; "
                             "the submissions in it were not graded", 0))
            continue
        if any(e.name == OUTPUT_MARK for e in entries):
            problems.append(("warning", shown, 0, "skipped: this folder holds the outputs of an earlier "
                             "courseforge grade run, not submissions", 0))
            continue
        for e in entries:
            name = e.name
            if name.startswith("."):
                if name != OUTPUT_MARK:
                    skipped[HIDDEN] += 1
                    hidden = _hidden_reason(e, name)
                    if hidden:
                        problems.append(("warning", _join(shown_top, rel + name), 0, hidden, 0))
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    if not excluded(os.path.join(real_top, rel + name)):
                        todo.append((e.path, rel + name + "/"))
                    continue
                regular = e.is_file()
                mode = 0 if regular else e.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                problems.append(("error", _join(shown_top, rel + name), 0, f"cannot be read: {exc.strerror or exc}", 0))
                continue
            if regular:
                fmt = SUFFIXES.get(os.path.splitext(name)[1].lower())
                if fmt is None:
                    skipped[OTHER_SUFFIX] += 1
                else:
                    found.append((rel + name, fmt, e.path))
            elif stat.S_ISLNK(mode):
                problems.append(("warning", _join(shown_top, rel + name), 0, f"skipped: {_link_to(e.path)}", 0))
            else:
                problems.append(("warning", _join(shown_top, rel + name), 0,
                                 f"skipped: {_kind_of(mode)}, not a file (only regular files are read)", 0))
    found.sort()
    for rel_name, fmt, path in found:
        real = os.path.join(real_top, rel_name)
        if real not in seen:
            seen.add(real)
            files.append((path, fmt, _join(shown_top, rel_name)))


def _hidden_reason(entry: os.DirEntry, name: str) -> str | None:
    """Why a hidden folder, or a hidden file named like a submission, is skipped (other hidden
    files, such as .DS_Store, are only counted)."""
    try:
        folder = entry.is_dir(follow_symlinks=False)
    except OSError:
        folder = False
    if folder:
        return "skipped: a hidden folder (its name starts with a dot); the files in it were not read"
    if SUFFIXES.get(os.path.splitext(name)[1].lower()):
        return "skipped: a hidden file (its name starts with a dot); rename it without the dot to grade it"
    return None


def _display(p: Path, root: Path | None) -> str:
    """As :func:`display_path`, without following a link: the name the trainer gave is shown."""
    if root is not None:
        try:
            return Path(os.path.abspath(p)).relative_to(os.path.abspath(root)).as_posix()
        except ValueError:
            pass
    return display_path(p, root)


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _join(shown_top: str, rel: str) -> str:
    return rel if shown_top == "." else f"{shown_top}/{rel}"


def read_json_file(path: str | Path, shown: str, limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """One submission per file (as the site downloads it), or a JSON array of them."""
    try:
        raw = read_bytes(path, limit + 1)
    except OSError as exc:
        yield ("error", shown, 0, f"cannot be read: {exc.strerror or exc}", 0)
        return
    yield from json_file_records(raw, shown, limit)


def json_file_records(raw: bytes, shown: str, limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """The records of one .json file's bytes (at most ``limit`` + 1 of them were read)."""
    size = len(raw)
    if size > limit:
        yield ("error", shown, 0, f"file is over the {limit:,}-byte limit for one submission "
               "(a submission is a few kilobytes)", size)
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        yield ("error", shown, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", size)
        return
    try:
        data, problems = parse_json(text)
    except Unreadable as exc:
        yield ("error", shown, exc.line, exc.reason, size)
        return
    if data.__class__ is list:
        for n, item in enumerate(data, 1):
            if problems and problems[n - 1] is not None:
                yield ("error", shown, f"record {n}", problems[n - 1], size if n == 1 else 0)
            else:
                yield ("json", shown, f"record {n}", item, size if n == 1 else 0)
        if not data:
            yield ("error", shown, 0, "empty list: no submissions in this file", size)
    elif problems:  # one object: one record
        yield ("error", shown, 0, problems[0], size)
    else:
        yield ("json", shown, 0, data, size)


def prefetch(files: list[tuple[str, str, str]], limit: int = SUBMISSION_LIMIT,
             batch: int = 64, depth: int = 8) -> Iterator[tuple[str, str, str, bytes | OSError | None]]:
    """(path, format, shown, bytes) of every file, .json files read ahead by a thread.

    A folder of 100,000 small files spends much of its time waiting on the
    disk; a reader thread overlaps that wait with grading (file reads release
    the GIL). Batches keep the hand-over cheap, and the queue is bounded, so
    memory stays at ``batch × depth`` files however many there are. Other
    formats are streamed by their own readers (bytes: None).
    """
    todo: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def reader() -> None:
        out = []
        end: BaseException | None = None  # what stopped the thread, raised again by the run
        try:
            for path, fmt, shown in files:
                if stop.is_set():
                    return
                raw: bytes | OSError | None = None
                if fmt == "json":
                    try:
                        raw = read_bytes(path, limit + 1)
                    except OSError as exc:
                        raw = exc
                out.append((path, fmt, shown, raw))
                if len(out) >= batch or fmt != "json":
                    todo.put(out)
                    out = []
            if out:
                todo.put(out)
        except BaseException as exc:  # noqa: BLE001 - a bug here must stop the run, not end the file list early
            end = exc
        finally:
            todo.put(end)

    thread = threading.Thread(target=reader, name="courseforge-grade-reader", daemon=True)
    thread.start()
    try:
        while True:
            chunk = todo.get()
            if chunk is None:
                return
            if isinstance(chunk, BaseException):
                raise chunk
            yield from chunk
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting on a full queue
            try:
                todo.get(timeout=0.05)
            except queue.Empty:
                pass


class _ReadFailed(Exception):
    """Reading a file failed at ``line`` (the lines before it were read)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def _lines(fh, limit: int, chunk_size: int = 1 << 20) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line without its newline — None when over ``limit`` —, bytes consumed).

    Reads big blocks and splits them in C (faster than a readline per line)
    and never holds more than a block plus ``limit`` bytes, however long a
    line is.
    """
    n = 0
    carry = b""  # the start of a line whose end has not been read yet (at most limit bytes)
    over = 0  # > 0 while skipping an over-long line: its bytes so far
    read = fh.read
    while True:
        try:
            chunk = read(chunk_size)
        except OSError as exc:  # a disk or network share failing mid-file: the lines read so far count
            raise _ReadFailed(n + 1, f"cannot be read from this line on: {exc.strerror or exc}; the rest of "
                              "the file was not graded") from None
        if not chunk:
            break
        parts = chunk.split(b"\n")
        last = parts.pop()
        if parts:
            first = parts[0]
            n += 1
            if over:
                yield n, None, over + len(first) + 1
                over = 0
            else:
                first = carry + first
                yield n, (first if len(first) <= limit else None), len(first) + 1
            for raw in islice(parts, 1, None):
                n += 1
                yield n, (raw if len(raw) <= limit else None), len(raw) + 1
            carry = last
        elif over:
            over += len(last)
        else:
            carry += last
        if not over and len(carry) > limit:
            over, carry = len(carry), b""
    if over:
        yield n + 1, None, over
    elif carry:
        yield n + 1, carry, len(carry)


def _utf8_reason(raw: bytes, exc: UnicodeDecodeError) -> str:
    return (f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
            "save the file as UTF-8")


def _decode(raw: bytes, first: bool) -> str:
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(_utf8_reason(raw, exc)) from None


def read_jsonl(path: str | Path, shown: str, limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """One submission per line; blank lines are skipped, a bad line costs only itself, and a
    file without a single submission is an error (an export that went wrong)."""
    try:
        fh = os.fdopen(open_regular(path), "rb")
    except OSError as exc:
        yield ("error", shown, 0, f"cannot be read: {exc.strerror or exc}", 0)
        return
    blank = True  # no line but blank ones so far
    with fh:
        try:
            for n, raw, size in _lines(fh, limit):
                if raw is None:
                    blank = False
                    yield ("error", shown, n, f"line is over the {limit:,}-byte limit for one submission", size)
                    continue
                try:
                    text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    blank = False
                    yield ("error", shown, n, _utf8_reason(raw, exc), size)
                    continue
                try:
                    data, problems = parse_json(text, "line")
                except Unreadable as exc:
                    if not text.strip(" \t\r\n\ufeff"):
                        continue  # a blank line
                    blank = False
                    yield ("error", shown, n, exc.reason, size)
                    continue
                blank = False
                if problems:  # a line is one record, a list on it too
                    yield ("error", shown, n, next(filter(None, problems)), size)
                    continue
                yield ("json", shown, n, data, size)
        except _ReadFailed as exc:
            blank = False
            yield ("error", shown, exc.line, exc.reason, 0)
    if blank:
        yield ("error", shown, 0, "no submissions: the file is empty or holds only blank lines", 0)


def read_csv(path: str | Path, shown: str, known_questions: set[str] | None = None,
             limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """One row per learner per quiz (layout in the module docstring)."""
    try:
        fh = os.fdopen(open_regular(path), "rb")
    except OSError as exc:
        yield ("error", shown, 0, f"cannot be read: {exc.strerror or exc}", 0)
        return
    problems: dict[int, str] = {}  # physical line -> why it is unreadable
    sizes = [0]

    def text_lines() -> Iterator[str]:
        for n, raw, size in _lines(fh, limit):
            sizes[0] += size
            if raw is None:
                problems[n] = f"line is over the {limit:,}-byte limit"
                yield "\n"
                continue
            try:
                yield _decode(raw, n == 1) + "\n"
            except ValueError as exc:
                problems[n] = str(exc)
                yield raw.decode("utf-8", "replace") + "\n"

    with fh:
        old_limit = csv.field_size_limit()
        csv.field_size_limit(limit)
        try:
            yield from _csv_rows(csv.reader(text_lines()), shown, problems, sizes, known_questions)
        except _ReadFailed as exc:  # the rows before it were read (a row open across it is lost too)
            yield ("error", shown, exc.line, exc.reason, 0)
        finally:
            csv.field_size_limit(old_limit)


def _csv_rows(reader, shown: str, problems: dict[int, str], sizes: list[int],
              known_questions: set[str] | None) -> Iterator[Record]:
    try:
        header = next(reader)
    except StopIteration:
        yield ("error", shown, 0, "empty file: no header row", sizes[0])
        return
    except csv.Error as exc:
        yield ("error", shown, 1, f"header row cannot be read as CSV: {exc}", sizes[0])
        return
    if 1 in problems:
        yield ("error", shown, 1, f"header row: {problems[1]}", sizes[0])
        return
    names = [h.strip() for h in header]
    lower = [h.casefold() for h in names]
    if tuple(lower) in _OUR_OUTPUTS:
        yield ("warning", shown, 1, "skipped: this is a file courseforge grade wrote, not submissions", 0)
        return
    missing = [m for m in ("learner_id", "quiz") if m not in lower]
    if missing:
        yield ("error", shown, 1, "the header row needs the columns learner_id and quiz "
               f"(missing: {', '.join(missing)}); then learner_name, submitted_at and one column per question id",
               sizes[0])
        return
    meta = {m: lower.index(m) for m in META_COLUMNS if m in lower}
    questions: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        if lower[i] in META_COLUMNS or not name:
            continue
        if name in seen:
            yield ("error", shown, 1, f"column {name!r} appears twice in the header row; fix the header", sizes[0])
            return
        seen.add(name)
        if known_questions is not None and name not in known_questions:
            yield ("warning", shown, 1, f"column {name!r} is not a question id of any quiz; ignored", 0)
            continue
        questions.append((i, name))
    width = len(header)
    last_line = reader.line_num
    rows = 0
    while True:
        before = sizes[0]
        try:
            row = next(reader)
        except StopIteration:
            if not rows:
                yield ("error", shown, 0, "no submissions: the file has a header row and nothing else", 0)
            return
        except csv.Error as exc:
            start, last_line = last_line + 1, reader.line_num
            rows += 1
            yield ("error", shown, start, f"row cannot be read as CSV: {exc}", sizes[0] - before)
            continue
        start, last_line = last_line + 1, reader.line_num
        size = sizes[0] - before
        if not row or not any(c.strip() for c in row):
            continue
        rows += 1
        bad = [problems[n] for n in range(start, last_line + 1) if n in problems]
        if bad:
            yield ("error", shown, start, bad[0], size)
            continue
        if last_line > start and _runaway_quote(row, width):
            # a quote opened and never closed: the rows after it were read as one cell
            yield ("error", shown, start, f"a quote in this row is never closed, so lines {start}–{last_line} "
                   "were read as one row; close the quote (or remove it)", size)
            for n in range(start + 1, last_line + 1):
                yield ("error", shown, n, f"not read: inside the quote left open on line {start}", 0)
            continue
        if len(row) > width:
            if any(c.strip() for c in row[width:]):
                yield ("error", shown, start, f"row has {len(row)} cells but the header has {width}; "
                       "a comma inside an answer must be in quotes", size)
                continue
            del row[width:]  # empty cells after the last column, as spreadsheets often export

        def cell(i: int) -> str:
            return row[i] if i < len(row) else ""

        data = {m: cell(i).strip() for m, i in meta.items()}
        data["answers"] = {q: cell(i) for i, q in questions if cell(i).strip()}
        yield ("csv", shown, start, data, size)


# The CSV files courseforge grade writes (their headers, lower-cased), never submissions.
_OUR_OUTPUTS = {GRADEBOOK_COLUMNS, ERROR_COLUMNS}


def _runaway_quote(row: list[str], width: int) -> bool:
    """Does a row that spans several lines look like a quote left open rather than an answer
    (or a name) written on several lines? The open quote swallows the rows after it: the
    row then falls short of cells, or a line inside one cell holds a whole row's commas."""
    broken = [c for c in row if "\n" in c]
    if not broken:
        return False
    if len(row) < width:
        return True
    return any(line.count(",") >= max(1, width - 1) for c in broken for line in c.split("\n")[1:])


def read_records(files: list[tuple[str, str, str]], known_questions: set[str] | None = None) -> Iterator[Record]:
    """All records of all files (as listed by :func:`expand_inputs`), in order."""
    for path, fmt, shown, raw in prefetch(files):
        if fmt == "json":
            if isinstance(raw, OSError):
                yield ("error", shown, 0, f"cannot be read: {raw.strerror or raw}", 0)
            else:
                yield from json_file_records(raw, shown)
        elif fmt == "jsonl":
            yield from read_jsonl(path, shown)
        else:
            yield from read_csv(path, shown, known_questions)
