"""Paragraph ids that survive a trainer's edits to a document without its own numbering.

A document that numbers its own paragraphs (or articles) carries its ids in
its text. Any other document is numbered in reading order, so inserting one
paragraph would shift every later id and send kept questions to the wrong
paragraph. ``courseforge generate`` therefore records, in
``.courseforge/paragraphs.json`` (committed with the course), the id and a
fingerprint of each such paragraph; when the document is read again its
paragraphs are matched to the record (same text first, then nearly the same
text, in order) and keep their recorded ids. A paragraph that matches
nothing is new and gets an id never used before in that document, so a
removed paragraph's id is never reused by another text.

Everything here is pure except :func:`read_registry`, which the loader calls.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz

from .model import Document

REGISTRY_PATH = ".courseforge/paragraphs.json"
REGISTRY_FORMAT = "courseforge-paragraphs/1"
SIMILAR = 75  # rapidfuzz ratio (0-100) above which an edited paragraph is still the same one
PREFIX = 300  # characters of each paragraph kept in the record to match edits against


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


# hex digits written as letters: a fingerprint never reads as a number in YAML
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def fingerprint(text: str) -> str:
    """A short stable hash of a paragraph's text (spacing does not count), ten
    letters such as ``kcofhaiblm``."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:10].translate(_LETTERS)


@dataclass(frozen=True)
class Recorded:
    id: str
    fingerprint: str
    text: str  # the start of the paragraph's text, to recognise it once edited


@dataclass(frozen=True)
class DocumentRecord:
    next: int  # the next id to give a new paragraph: ids are never reused
    paragraphs: tuple[Recorded, ...]


def reading_order(doc_ids: list[str]) -> bool:
    """Whether ids are reading-order numbers ("1", "2", ...; the title page's
    "front-1" ...), the only ones an insertion can shift."""
    return all(i.isdigit() or (i.startswith("front-") and i[6:].isdigit()) for i in doc_ids)


def _number(pid: str) -> int:
    return int(pid) if pid.isdigit() else 0


def stabilise(doc: Document, record: DocumentRecord | None) -> Document:
    """``doc`` with the recorded ids of the paragraphs it still has."""
    paras = doc.paragraphs
    if record is None or not paras or doc.numbered or not reading_order([p.id for p in paras]):
        return doc
    old = list(record.paragraphs)
    new_fp = [fingerprint(p.text) for p in paras]
    assigned: dict[int, str] = {}
    # 1. unchanged paragraphs, in order (a moved paragraph is matched in step 2)
    sm = SequenceMatcher(None, [r.fingerprint for r in old], new_fp, autojunk=False)
    matched_old: set[int] = set()
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            assigned[b + k] = old[a + k].id
            matched_old.add(a + k)
    # 2. edited (or moved) paragraphs: the most similar recorded one left, of the same kind
    free = [i for i in range(len(old)) if i not in matched_old]
    pairs = []
    for j, p in enumerate(paras):
        if j in assigned:
            continue
        head = normalise(p.text)[:PREFIX]
        for i in free:
            if old[i].id.startswith("front-") != p.id.startswith("front-"):
                continue
            score = fuzz.ratio(head, old[i].text)
            if score >= SIMILAR:
                pairs.append((-score, abs(i - j), j, i))
    for _, _, j, i in sorted(pairs):
        if j not in assigned and i not in matched_old:
            assigned[j] = old[i].id
            matched_old.add(i)
    # 3. new paragraphs: ids never given before in this document
    taken = set(assigned.values()) | {r.id for r in old}
    nxt = max([record.next] + [_number(r.id) + 1 for r in old])
    front_next = 1 + max([_number(r.id[6:]) for r in old if r.id.startswith("front-")] + [0])
    ids: dict[str, str] = {}
    for j, p in enumerate(paras):
        if j in assigned:
            new_id = assigned[j]
        elif p.id.startswith("front-"):
            while f"front-{front_next}" in taken:
                front_next += 1
            new_id = f"front-{front_next}"
            front_next += 1
        else:
            while str(nxt) in taken:
                nxt += 1
            new_id = str(nxt)
            nxt += 1
        taken.add(new_id)
        ids[id(p)] = new_id
    sections = [replace(s, paragraphs=[replace(p, id=ids[id(p)]) for p in s.paragraphs]) for s in doc.sections]
    return replace(doc, sections=sections)


def record_of(doc: Document, previous: DocumentRecord | None = None) -> DocumentRecord | None:
    """What to record for a document (None when its ids come from its own numbering)."""
    paras = doc.paragraphs
    if not paras or doc.numbered or not reading_order([p.id for p in paras]):
        return None
    used = [_number(p.id) for p in paras] + ([previous.next - 1] if previous else [])
    used += [_number(r.id) for r in previous.paragraphs] if previous else []
    return DocumentRecord(next=max(used) + 1, paragraphs=tuple(
        Recorded(p.id, fingerprint(p.text), normalise(p.text)[:PREFIX]) for p in paras))


def registry_text(records: dict[str, DocumentRecord]) -> str:
    data = {"format": REGISTRY_FORMAT, "documents": {
        doc_id: {"next": r.next, "paragraphs": [[p.id, p.fingerprint, p.text] for p in r.paragraphs]}
        for doc_id, r in sorted(records.items())}}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def parse_registry(text: str) -> dict[str, DocumentRecord]:
    """The records in a registry's text; an unreadable or foreign file gives none
    (ids then fall back to reading order, as for a course never generated)."""
    try:
        data = json.loads(text)
        if data.get("format") != REGISTRY_FORMAT:
            return {}
        return {doc_id: DocumentRecord(int(d["next"]), tuple(Recorded(str(i), str(f), str(t))
                                                             for i, f, t in d["paragraphs"]))
                for doc_id, d in data["documents"].items()}
    except (ValueError, TypeError, KeyError, AttributeError):
        return {}


def read_registry(root: Path) -> dict[str, DocumentRecord]:
    path = Path(root) / REGISTRY_PATH
    try:
        return parse_registry(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def registry_for(documents: list[Document], previous: dict[str, DocumentRecord]) -> dict[str, DocumentRecord]:
    """The records after a generate: every reading-order document as it is
    now; a document no longer listed keeps its record, so its ids are not
    reused if it comes back."""
    out = dict(previous)
    for d in documents:
        r = record_of(d, previous.get(d.id))
        if r is None:
            out.pop(d.id, None)
        else:
            out[d.id] = r
    return out


def record_paragraphs(root: Path, documents: list[Document]) -> bool:
    """Write the registry (atomically) if it changed; True when it was written."""
    from ..fsutil import write_atomic

    path = Path(root) / REGISTRY_PATH
    text = registry_text(registry_for(documents, read_registry(root)))
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    return True
