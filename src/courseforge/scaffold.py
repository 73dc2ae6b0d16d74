"""A new course folder, ready for ``generate``, ``check`` and ``build`` (``courseforge new``).

Everything is written into a temporary folder beside the target and moved
into place in one step, so a failure leaves nothing half-made; an existing
folder that holds anything is never touched. The documents are copied, never
changed; each gets a ``seeds/sources.yml`` entry drafted from its metadata or
first lines, every guessed field marked with a ``# confirm`` comment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import CourseError, Diagnostic
from .quiz.schema import schema_text
from .quiz.spec import SCHEMA_ID
from .sources.describe import SourceDraft, describe, slug
from .sources.formats import SUPPORTED, FormatError
from .sources.ingest import MAX_SEED_BYTES

MKDOCS_YML = """\
# The learning site. Pages come from modules/ (docs_dir), which
# `courseforge generate` writes; quizzes stay in quizzes/ and reach pages only
# through the courseforge plugin. Build with `courseforge build`; preview with
# `courseforge serve`.
site_name: {title}
docs_dir: modules
theme:
  name: material
  language: {language}          # en or fr: Material's and the quizzes' interface language
  font: false           # no Google Fonts: nothing is requested from another host
  features:
    - navigation.instant
    - navigation.tracking
    - navigation.top
    - search.highlight
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
plugins:
  - search
  - courseforge
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - footnotes
  - tables
  - toc:
      permalink: true
"""

COURSE_YML = """\
# The course. The id keys learners' progress and submissions: keep it once
# the course is published.
id: {id}
title: {title}
description: {description}
language: {language}

# No module list yet: `courseforge generate` proposes modules from the
# documents in seeds/ and writes them here for you to edit (titles, order,
# topics). List modules yourself as
#   modules:
#     - title: A module's title
#       topics: [a phrase of the documents, another phrase]
"""

SOURCES_HEAD = """\
# The documents this course is made from (copied here, never modified).
# courseforge reads each listed file (.txt, .md, .pdf, .docx, .html) into
# sections and paragraphs; quiz questions cite them as
#   source: {doc: <id>, para: <paragraph id>}
# Keys: id (short, stable, lowercase-with-hyphens: quizzes cite it), file
# (inside seeds/), title, issuer, date (as precise as the document tells),
# kind, language (optional, default en).
#
# courseforge new drafted these entries from each document's properties and
# first lines: check every line marked "confirm" and correct it, then delete
# the comment.
"""

GITIGNORE = """\
# What courseforge builds: made again from the course at any time.
/site/
/dist/
/exports/
# generate's drafts and the copies --force keeps of your versions
/.courseforge/drafts/
/.courseforge/backup/
"""


@dataclass
class NewCourse:
    root: Path
    sources: list[SourceDraft] = field(default_factory=list)
    left_out: list[Diagnostic] = field(default_factory=list)  # documents that could not be read


def _yaml_text(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value`` (JSON strings are YAML)."""
    if re.fullmatch(r"[A-Za-z][\w ,.'()/&-]*", value) and not re.search(r"(?:^|\s)#|:\s|\s$", value) \
            and value.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"):
        return value
    return json.dumps(value, ensure_ascii=False)


def sources_yml(drafts: list[SourceDraft]) -> str:
    out = [SOURCES_HEAD]
    if not drafts:
        out.append("# Add one entry per document, for example:\n# - id: safety-handbook-2021\n"
                   "#   file: handbook.pdf\n#   title: Safety handbook\n#   issuer: ...\n#   date: \"2021\"\n"
                   "#   kind: handbook\n")
    for d in drafts:
        out.append("")
        out.append(f"- id: {d.id}")
        out.append(f"  file: {_yaml_text(d.file)}")
        for key in ("title", "issuer", "date", "kind"):
            value = getattr(d, key)
            where = d.origin.get(key)
            note = f"confirm: from {where}" if where else "confirm: not found in the document, write it here"
            out.append(f"  {key}: {json.dumps(value, ensure_ascii=False) if key == 'date' else _yaml_text(value)}"
                       f"  # {note}")
        out.append("  language: en  # confirm: the document's language code (en, fr, es, ...)")
    return "\n".join(out) + "\n"


def course_id(name: str) -> str:
    return slug(name, max_words=8) or "course"


def create_course(path: Path, documents: list[Path], title: str | None = None, language: str = "en") -> NewCourse:
    """Make the course folder ``path`` with ``documents`` as its seeds.

    Raises CourseError, having written nothing, when ``path`` is taken or a
    document is missing or of a format courseforge cannot read. A document
    that is of such a format but cannot be read (a scanned PDF, a
    password-protected file) is left out and reported in ``left_out``.
    """
    path = Path(path)
    shown = path.as_posix()
    errors: list[Diagnostic] = []
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        what = "a file" if not path.is_dir() else "a folder that is not empty"
        errors.append(Diagnostic(shown, 0, 0, f"already exists and is {what}; courseforge new never writes over "
                                              "anything: choose a new folder name (nothing was changed)"))
    names: dict[str, Path] = {}
    for doc in documents:
        doc = Path(doc)
        if not doc.is_file():
            errors.append(Diagnostic(doc.as_posix(), 0, 0, "not found" if not doc.exists() else "is not a file"))
        elif doc.suffix.lower() not in SUPPORTED:
            errors.append(Diagnostic(doc.as_posix(), 0, 0, f"unsupported format {doc.suffix or '(no extension)'}; "
                                                           "courseforge reads .pdf, .docx, .html, .htm, .md and .txt"))
        elif doc.name in names:
            errors.append(Diagnostic(doc.as_posix(), 0, 0, f"has the same name as {names[doc.name].as_posix()}; "
                                                           "rename one of them (both are copied into seeds/)"))
        elif doc.name.lower() == "sources.yml":
            errors.append(Diagnostic(doc.as_posix(), 0, 0, "sources.yml is the list of documents courseforge writes"))
        else:
            names[doc.name] = doc
    if errors:
        raise CourseError(errors)

    result = NewCourse(path)
    used: set[str] = set()
    readable: list[Path] = []
    for doc in names.values():
        try:
            result.sources.append(describe(doc, used, MAX_SEED_BYTES))
            readable.append(doc)
        except (FormatError, ValueError) as exc:
            result.left_out.append(Diagnostic(doc.as_posix(), 0, 0, f"{exc}; it was left out of the course (add "
                                                                    "it to seeds/ and seeds/sources.yml once it "
                                                                    "can be read)", "warning"))
        except OSError as exc:
            result.left_out.append(Diagnostic(doc.as_posix(), 0, 0, f"cannot be read: {exc.strerror or exc}; it "
                                                                    "was left out of the course", "warning"))

    name = path.resolve().name
    title = (title or "").strip() or (name.replace("-", " ").replace("_", " ").strip().capitalize() or "My course")
    described = ", ".join(d.title for d in result.sources[:3])
    description = f"A self-paced course drawn from {described}." if described else "A self-paced course."

    parent = path.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".new", dir=parent))
    try:
        (tmp / "seeds").mkdir()
        for doc in readable:
            shutil.copyfile(doc, tmp / "seeds" / doc.name)
        (tmp / "seeds" / "sources.yml").write_text(sources_yml(result.sources), encoding="utf-8")
        (tmp / "schema").mkdir()
        (tmp / "schema" / SCHEMA_ID).write_text(schema_text(), encoding="utf-8")
        (tmp / "course.yml").write_text(COURSE_YML.format(id=course_id(name), title=_yaml_text(title),
                                                          description=_yaml_text(description),
                                                          language=language), encoding="utf-8")
        (tmp / "mkdocs.yml").write_text(MKDOCS_YML.format(title=_yaml_text(title), language=language),
                                        encoding="utf-8")
        (tmp / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; a course folder is not
        if path.is_dir():
            path.rmdir()  # empty, checked above
        os.replace(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
