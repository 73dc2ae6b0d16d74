"""The course plan: which modules the course has, in what order, about what.

The plan lives in ``course.yml`` beside the course's identity (id, title,
description, language)::

    modules:
      - id: migration-development-nexus      # optional; made from the title
        title: The migration-development nexus
        topics: [migration and development, remittances, brain drain]

A module's page id is its position and id, ``01-migration-development-nexus``,
so pages sort in plan order. Errors name course.yml and the line, like
text2qti's parser does, because trainers edit this file by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from .text import slugify

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MODULE_KEYS = ("id", "title", "topics")
MAX_MODULES = 40


@dataclass(frozen=True)
class ModulePlan:
    slug: str  # the plan's id, e.g. "migration-development-nexus"
    title: str
    topics: tuple[str, ...]
    order: int  # 1-based position in the course
    line: int = 0  # where the module starts in course.yml (0 for a proposed plan)

    @property
    def id(self) -> str:
        """Page id and file stem: ``01-migration-development-nexus``."""
        return f"{self.order:02d}-{self.slug}"


@dataclass(frozen=True)
class CoursePlan:
    title: str
    description: str
    modules: tuple[ModulePlan, ...]
    proposed: bool = False  # True when the modules came from the documents, not course.yml


def _scalar(node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return yaml.load(yaml.serialize(node), Loader=SafeLoader)
    return node


def read_plan(project: Project) -> tuple[CoursePlan | None, list[Diagnostic]]:
    """The plan in course.yml, or ``None`` when it lists no modules.

    Returns every problem found (not just the first) as diagnostics; the
    plan is ``None`` as well when there are errors.
    """
    path = project.course_file
    rel = project.rel(path)
    if not path.is_file():
        return None, [Diagnostic(rel, 0, 0, "course.yml is missing: it names the course (id, title) and lists its modules")]
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Diagnostic(rel, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                                 f"not readable as YAML: {getattr(exc, 'problem', None) or exc}")]
    if root is None:
        return None, [Diagnostic(rel, 1, 1, "course.yml is empty: give the course an id and a title")]
    if not isinstance(root, yaml.MappingNode):
        return None, [Diagnostic(rel, root.start_mark.line + 1, 1, "course.yml must be a mapping (key: value lines)")]
    top = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    title = _scalar(top["title"]) if "title" in top else None
    description = _scalar(top["description"]) if "description" in top else ""
    title = title.strip() if isinstance(title, str) else ""
    description = description.strip() if isinstance(description, str) else ""
    modules_node = top.get("modules")
    if modules_node is None or (isinstance(modules_node, yaml.ScalarNode) and modules_node.value in ("", "~", "null")):
        return None, []
    if not isinstance(modules_node, yaml.SequenceNode):
        return None, [Diagnostic(rel, modules_node.start_mark.line + 1, modules_node.start_mark.column + 1,
                                 "'modules' must be a list; each item starts with '- title: ...'")]
    diags: list[Diagnostic] = []
    modules: list[ModulePlan] = []
    seen: dict[str, int] = {}
    for i, node in enumerate(modules_node.value, start=1):
        line = node.start_mark.line + 1
        where = f"module {i}"
        if not isinstance(node, yaml.MappingNode):
            diags.append(Diagnostic(rel, line, node.start_mark.column + 1,
                                    f"{where} must be a mapping with 'title' and 'topics'"))
            continue
        fields: dict[str, yaml.Node] = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k)
            if key not in MODULE_KEYS:
                diags.append(Diagnostic(rel, k.start_mark.line + 1, k.start_mark.column + 1,
                                        f"{where}: unknown key '{key}' (a module has {', '.join(MODULE_KEYS)})"))
                continue
            fields[key] = v
        mtitle = _scalar(fields["title"]) if "title" in fields else None
        if not isinstance(mtitle, str) or not mtitle.strip():
            diags.append(Diagnostic(rel, line, node.start_mark.column + 1, f"{where} needs a 'title'"))
            continue
        mtitle = " ".join(mtitle.split())
        where = f"module {i} ({mtitle})"
        slug = _scalar(fields["id"]) if "id" in fields else slugify(mtitle)
        if not isinstance(slug, str) or not ID_RE.match(slug):
            n = fields["id"]
            diags.append(Diagnostic(rel, n.start_mark.line + 1, n.start_mark.column + 1,
                                    f"{where}: 'id' must be lowercase letters, digits and hyphens, e.g. 'remittances'"))
            continue
        if slug in seen:
            diags.append(Diagnostic(rel, line, node.start_mark.column + 1,
                                    f"{where}: id '{slug}' is already used by the module on line {seen[slug]}"))
            continue
        seen[slug] = line
        tnode = fields.get("topics")
        topics: list[str] = []
        if tnode is None:
            diags.append(Diagnostic(rel, line, node.start_mark.column + 1,
                                    f"{where} needs 'topics': a list of phrases the module is about"))
            continue
        if not isinstance(tnode, yaml.SequenceNode):
            diags.append(Diagnostic(rel, tnode.start_mark.line + 1, tnode.start_mark.column + 1,
                                    f"{where}: 'topics' must be a list of phrases, e.g. [remittances, diaspora]"))
            continue
        bad = False
        for t in tnode.value:
            value = _scalar(t)
            if not isinstance(value, str) or not value.strip():
                diags.append(Diagnostic(rel, t.start_mark.line + 1, t.start_mark.column + 1,
                                        f"{where}: each topic must be a phrase of words"))
                bad = True
            else:
                topics.append(" ".join(value.split()))
        if bad:
            continue
        if not topics:
            diags.append(Diagnostic(rel, tnode.start_mark.line + 1, tnode.start_mark.column + 1,
                                    f"{where}: 'topics' is empty; list a few phrases the module is about"))
            continue
        modules.append(ModulePlan(slug=slug, title=mtitle, topics=tuple(topics), order=len(modules) + 1, line=line))
    if len(modules_node.value) > MAX_MODULES:
        diags.append(Diagnostic(rel, modules_node.start_mark.line + 1, 1,
                                f"the plan lists {len(modules_node.value)} modules; at most {MAX_MODULES} are supported"))
    if diags:
        return None, diags
    if not modules:
        return None, []
    return CoursePlan(title=title, description=description, modules=tuple(modules)), []


def load_plan(project: Project) -> CoursePlan | None:
    """Like :func:`read_plan` but raises :class:`CourseError` on problems."""
    plan, diags = read_plan(project)
    if diags:
        raise CourseError(diags)
    return plan


PROPOSED_COMMENT = ("# Modules proposed by courseforge generate from the documents. Edit the titles and topics,\n"
                    "# reorder or remove modules: the next 'courseforge generate' follows this list.\n")


def modules_yaml(plan: CoursePlan) -> str:
    """The plan's modules as course.yml writes them, with a comment for the trainer."""
    data = [{"id": m.slug, "title": m.title, "topics": list(m.topics)} for m in plan.modules]
    body = yaml.safe_dump({"modules": data}, sort_keys=False, allow_unicode=True, default_flow_style=None,
                          width=100)
    return PROPOSED_COMMENT + body


def _last_token_end(node: yaml.Node) -> int:
    """Where a value's last written token ends. A block collection's own end
    mark is the start of whatever follows it (comments and blank lines
    included), so descend to its last scalar or flow collection."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark.index


def with_modules(text: str, plan: CoursePlan) -> str | None:
    """course.yml's text with its ``modules`` replaced by the plan's (added at
    the end if it has none); every other line is kept as it was. None when
    the file is not a plain block mapping this can edit safely."""
    block = modules_yaml(plan)
    try:
        root = yaml.compose(text, Loader=SafeLoader) if text.strip() else None
    except yaml.YAMLError:
        return None
    if root is not None and (not isinstance(root, yaml.MappingNode) or root.flow_style):
        return None
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "modules":
                start = text.rfind("\n", 0, k.start_mark.index) + 1
                end = _last_token_end(v)
                rest = text[end:]
                # the value ends where its last entry does; keep what follows from the next line on
                nl = rest.find("\n")
                line_rest = rest[:nl] if nl >= 0 else rest
                if not line_rest.strip() or line_rest.lstrip().startswith("#"):  # a comment on the old list's line goes
                    tail = rest[nl + 1:] if nl >= 0 else ""
                else:
                    tail = "\n" + rest.lstrip(" ")
                head = text[:start]
                if head.endswith(PROPOSED_COMMENT):  # a plan proposed earlier: replace its comment too
                    head = head[: -len(PROPOSED_COMMENT)]
                return head + block + tail
    sep = "" if not text or text.endswith("\n") else "\n"
    return text + sep + ("\n" if text.strip() else "") + block


def write_proposed_plan(project: Project, plan: CoursePlan) -> tuple[str, bool]:
    """Write a proposed plan where the trainer can edit it: into course.yml
    when it lists no modules (or only the ones courseforge proposed last time,
    unedited); else, beside a plan of the trainer's, into
    ``.courseforge/drafts/course.yml``, leaving course.yml as it is.
    Returns the file's path relative to the course and whether it is course.yml."""
    from ..fsutil import write_atomic
    from .write import DRAFTS_DIR

    path = project.course_file
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    current, diags = read_plan(project)
    new = with_modules(text, plan)
    untouched = current is not None and not diags and modules_yaml(current) in text
    if new is not None and not diags and (current is None or untouched):
        target = path
    else:
        target = project.root / DRAFTS_DIR / "course.yml"
        new = new if new is not None else text + ("\n" if text and not text.endswith("\n") else "") + \
            modules_yaml(plan)
    try:
        same = target.read_text(encoding="utf-8") == new
    except (OSError, UnicodeDecodeError):
        same = False
    if not same:
        write_atomic(target, new)
    return project.rel(target), target == path
