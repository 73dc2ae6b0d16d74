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
import threading
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..diagnostics import display_path

SUBMISSION_LIMIT = 1 << 20  # bytes per submission file, JSON Lines line or CSV line
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
META_COLUMNS = ("learner_id", "learner_name", "quiz", "submitted_at")

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


def _json_reason(exc: json.JSONDecodeError) -> str:
    return f"not valid JSON ({exc.msg} at column {exc.colno}); the file may be cut short or edited by hand"


def expand_inputs(paths: Iterable[str | Path], root: Path | None = None,
                  exclude: Iterable[Path] = ()) -> tuple[list[tuple[str, str, str]], list[Record], int]:
    """Files to read, in a stable order, as (path, format, path shown in messages); errors;
    the number of files in the folders that were skipped (not .json/.jsonl/.csv).

    Folders are searched recursively for .json, .jsonl/.ndjson and .csv files
    (hidden files and folders skipped); ``exclude`` keeps the output folder
    out when it lies inside an input folder. The same file named twice is
    read once. Paths are resolved once per folder, not once per file: a
    folder may hold 100,000 submissions.
    """
    skip = [str(p.resolve()) for p in exclude]
    files: list[tuple[str, str, str]] = []  # plain strings: 100,000 Path objects cost seconds
    errors: list[Record] = []
    seen: set[str] = set()
    ignored = 0

    def excluded(real: str) -> bool:
        return any(real == s or real.startswith(s + os.sep) for s in skip)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            real_top, shown_top = str(p.resolve()), display_path(p, root)
            if excluded(real_top):
                continue
            found = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                rel = os.path.relpath(folder, p)
                rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
                if excluded(os.path.join(real_top, rel)):
                    dirs[:] = []
                    continue
                for name in names:
                    if name.startswith("."):
                        continue
                    fmt = SUFFIXES.get(os.path.splitext(name)[1].lower())
                    if fmt is None:
                        ignored += 1
                    else:
                        found.append((rel + name, fmt, os.path.join(folder, name)))
            found.sort()
            for rel_name, fmt, path in found:
                real = os.path.join(real_top, rel_name)
                if real not in seen:
                    seen.add(real)
                    files.append((path, fmt, rel_name if shown_top == "." else f"{shown_top}/{rel_name}"))
        elif p.is_file():
            fmt = SUFFIXES.get(p.suffix.lower())
            real = str(p.resolve())
            if fmt is None:
                errors.append(("error", display_path(p, root), 0,
                               "not a submission file: expected .json, .jsonl or .csv", 0))
            elif real not in seen and not excluded(real):
                seen.add(real)
                files.append((str(p), fmt, display_path(p, root)))
        else:
            errors.append(("error", display_path(p, root), 0, "no such file or folder", 0))
    return files, errors, ignored


def read_json_file(path: str | Path, shown: str, limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """One submission per file (as the site downloads it), or a JSON array of them."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
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
        data = loads(text)
    except json.JSONDecodeError as exc:
        yield ("error", shown, exc.lineno, _json_reason(exc), size)
        return
    except RecursionError:
        yield ("error", shown, 0, "not valid JSON: nested too deeply", size)
        return
    if data.__class__ is list:
        for n, item in enumerate(data, 1):
            yield ("json", shown, f"record {n}", item, size if n == 1 else 0)
        if not data:
            yield ("error", shown, 0, "empty list: no submissions in this file", size)
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
        try:
            for path, fmt, shown in files:
                if stop.is_set():
                    return
                raw: bytes | OSError | None = None
                if fmt == "json":
                    try:
                        with open(path, "rb") as fh:
                            raw = fh.read(limit + 1)
                    except OSError as exc:
                        raw = exc
                out.append((path, fmt, shown, raw))
                if len(out) >= batch or fmt != "json":
                    todo.put(out)
                    out = []
            if out:
                todo.put(out)
        finally:
            todo.put(None)

    thread = threading.Thread(target=reader, name="courseforge-grade-reader", daemon=True)
    thread.start()
    try:
        while True:
            chunk = todo.get()
            if chunk is None:
                return
            yield from chunk
    finally:
        stop.set()
        while thread.is_alive():  # unblock a reader waiting on a full queue
            try:
                todo.get(timeout=0.05)
            except queue.Empty:
                pass


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
        chunk = read(chunk_size)
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
    """One submission per line; blank lines are skipped, a bad line costs only itself."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield ("error", shown, 0, f"cannot be read: {exc.strerror or exc}", 0)
        return
    with fh:
        for n, raw, size in _lines(fh, limit):
            if raw is None:
                yield ("error", shown, n, f"line is over the {limit:,}-byte limit for one submission", size)
                continue
            try:
                text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield ("error", shown, n, _utf8_reason(raw, exc), size)
                continue
            try:
                data = loads(text)
            except json.JSONDecodeError as exc:
                if not text.strip():
                    continue  # a blank line
                yield ("error", shown, n, _json_reason(exc).replace("the file may", "the line may"), size)
                continue
            except RecursionError:
                yield ("error", shown, n, "not valid JSON: nested too deeply", size)
                continue
            yield ("json", shown, n, data, size)


def read_csv(path: str | Path, shown: str, known_questions: set[str] | None = None,
             limit: int = SUBMISSION_LIMIT) -> Iterator[Record]:
    """One row per learner per quiz (layout in the module docstring)."""
    try:
        fh = open(path, "rb")
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
    while True:
        before = sizes[0]
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start, last_line = last_line + 1, reader.line_num
            yield ("error", shown, start, f"row cannot be read as CSV: {exc}", sizes[0] - before)
            continue
        start, last_line = last_line + 1, reader.line_num
        size = sizes[0] - before
        if not row or not any(c.strip() for c in row):
            continue
        bad = [problems[n] for n in range(start, last_line + 1) if n in problems]
        if bad:
            yield ("error", shown, start, bad[0], size)
            continue
        if len(row) > width:
            yield ("error", shown, start, f"row has {len(row)} cells but the header has {width}; "
                   "a comma inside an answer must be in quotes", size)
            continue

        def cell(i: int) -> str:
            return row[i] if i < len(row) else ""

        data = {m: cell(i).strip() for m, i in meta.items()}
        data["answers"] = {q: cell(i) for i, q in questions if cell(i).strip()}
        yield ("csv", shown, start, data, size)


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
