"""What would stop ``courseforge build``, found by ``courseforge check`` first.

MkDocs reads ``mkdocs.yml`` and, in strict mode (the default of
``courseforge build``), stops on any page linking to a file that is not
there. These checks read the same things without MkDocs (the core never
imports it), so a trainer sees every problem with its file and line before
building: a missing or unreadable ``mkdocs.yml``, a missing ``courseforge``
plugin, a ``docs_dir`` other than ``modules``, ``nav`` entries and page links
whose target is missing, and (a warning) a theme that would fetch web fonts.
The plugin enforces the font rule itself: it builds with ``font: false`` and
says so with the same warning (:func:`web_font_warning`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ..diagnostics import Diagnostic

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

DOCS_DIR = "modules"
PLUGIN = "courseforge"
# Pages the plugin adds to every site, so links to them are not broken.
GENERATED_PAGES = frozenset({"certificate.md"})

WEB_FONTS = ("theme.font is not false, so Material would make every page load Google Fonts from another host "
             "(learners offline or on poor connections wait for it); courseforge builds the site with font: false "
             "instead — write 'font: false' under theme: in mkdocs.yml to make this warning go away")


def web_font_problem(font) -> str | None:
    """Material's ``theme.font``: anything but ``false`` (its default included) fetches Google Fonts."""
    return None if font is False else WEB_FONTS


@dataclass
class SiteConfig:
    """What the checks of the pages need from mkdocs.yml."""

    docs_dir: str = DOCS_DIR
    use_directory_urls: bool = True


def _mapping(node) -> dict:
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)} \
        if isinstance(node, yaml.MappingNode) else {}


def _at(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def check_mkdocs_yml(path: Path, rel: str, docs_dir: Path, docs_rel: str) -> tuple[list[Diagnostic], SiteConfig]:
    """Problems of ``mkdocs.yml`` that would stop a build (errors) or reach another host."""
    diags: list[Diagnostic] = []
    site = SiteConfig()
    if not path.is_file():
        diags.append(Diagnostic(rel, 0, 0, "mkdocs.yml is missing: it describes the site and `courseforge build` "
                                           "needs it; copy one from a course made by `courseforge new`"))
        return diags, site
    try:
        # composed, not constructed: MkDocs' own tags (!ENV, !!python/name) need no meaning here
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        diags.append(Diagnostic(rel, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0,
                                f"YAML syntax error: {exc.problem or exc.context}"))
        return diags, site
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        diags.append(Diagnostic(rel, 0, 0, f"cannot be read: {exc}"))
        return diags, site
    if not isinstance(root, yaml.MappingNode):
        diags.append(Diagnostic(rel, 1, 1, "mkdocs.yml must be settings (name: value), starting with site_name:"))
        return diags, site
    top = _mapping(root)
    if "site_name" not in top:
        diags.append(Diagnostic(rel, 1, 1, "mkdocs.yml has no site_name: add 'site_name: <the course title>'"))

    if "docs_dir" in top:
        k, v = top["docs_dir"]
        value = v.value if isinstance(v, yaml.ScalarNode) else None
        if value is None or value.strip().rstrip("/") != DOCS_DIR:
            diags.append(Diagnostic(rel, *_at(v), f"docs_dir must be '{DOCS_DIR}': courseforge writes and checks "
                                                  f"the pages there (found '{value}')"))

    plugins = top.get("plugins")
    names = []
    if plugins is not None:
        items = plugins[1].value if isinstance(plugins[1], yaml.SequenceNode) else (
            [k for k, _ in plugins[1].value] if isinstance(plugins[1], yaml.MappingNode) else [])
        for item in items:
            if isinstance(item, yaml.ScalarNode):
                names.append(item.value)
            elif isinstance(item, yaml.MappingNode):
                names.extend(k.value for k, _ in item.value if isinstance(k, yaml.ScalarNode))
    if PLUGIN not in names:
        where = _at(plugins[0]) if plugins is not None else (0, 0)
        diags.append(Diagnostic(rel, *where, "the courseforge plugin is missing: add '- courseforge' under "
                                             "plugins: (the quizzes, progress and certificate come from it)"))

    theme = top.get("theme")
    if theme is None:
        diags.append(Diagnostic(rel, 0, 0, "no theme: add 'theme:' with 'name: material' and 'font: false'"))
    else:
        fonts = _web_fonts(theme, rel)
        if fonts:
            diags.append(fonts)

    if "use_directory_urls" in top:
        v = top["use_directory_urls"][1]
        site.use_directory_urls = not (isinstance(v, yaml.ScalarNode) and v.value.lower() in ("false", "no", "off"))

    nav = top.get("nav")
    if nav is not None and docs_dir.is_dir():
        for node in _nav_files(nav[1]):
            target = unquote(node.value).lstrip("/")
            if not (docs_dir / target).is_file() and target not in GENERATED_PAGES:
                diags.append(Diagnostic(rel, *_at(node), f"nav lists '{node.value}', which is not in {docs_rel}/"))
    return diags, site


def _web_fonts(theme: tuple, rel: str) -> Diagnostic | None:
    """The warning for a theme (its key and value nodes) whose font is not false, at the
    font's line, or the theme's when it has none. A warning, not an error: the plugin builds
    with ``font: false`` whatever mkdocs.yml says, and says so with this same message."""
    font = _mapping(theme[1]).get("font")
    value = False if font is not None and isinstance(font[1], yaml.ScalarNode) and \
        font[1].tag == "tag:yaml.org,2002:bool" and font[1].value.lower() in ("false", "no", "off") else object()
    problem = web_font_problem(value)
    if not problem:
        return None
    where = _at(font[0]) if font is not None else _at(theme[0])  # the line that says font:, or theme:
    return Diagnostic(rel, *where, problem, severity="warning")


def web_font_warning(path: Path, rel: str) -> Diagnostic:
    """What the plugin says when it turns web fonts off: :func:`check_mkdocs_yml`'s warning,
    with its line, or the same words for the whole file when the line cannot be found
    (a theme set through a YAML tag, or an ``INHERIT``ed file)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
        theme = _mapping(root).get("theme")
        found = _web_fonts(theme, rel) if theme is not None else None
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        found = None
    return found or Diagnostic(rel, 0, 0, WEB_FONTS, severity="warning")


def _nav_files(node):
    """The file names in a nav tree (not URLs of other sites)."""
    if isinstance(node, yaml.ScalarNode):
        value = node.value
        if value and "://" not in value and not value.startswith(("mailto:", "#")) and \
                posixpath.splitext(urlsplit(value).path)[1]:
            yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_files(item)
    elif isinstance(node, yaml.MappingNode):
        for _, v in node.value:
            yield from _nav_files(v)


# --- links between pages ---------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target "title") and ![alt](target); <target> form too
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^<>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^<>\n]*>|\S+)")


def page_links(text: str):
    """(target, line, col) of every Markdown link and image of a page, outside code.

    Raw HTML is left out: MkDocs does not check the links inside it either.
    """
    fence = None
    in_list = False
    for no, line in enumerate(text.split("\n"), 1):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if line.strip() and not line.startswith((" ", "\t")):
            in_list = bool(_LIST_ITEM.match(line))
        if line.startswith(("    ", "\t")) and not in_list:
            continue  # an indented code block; in a list, indented lines are the item's own text
        code_free = _INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line)
        for m in _LINK.finditer(code_free):
            yield m.group(1).strip("<>"), no, m.start(1) + 1
        m = _REF_DEF.match(code_free)
        if m:
            yield m.group(1).strip("<>"), no, m.start(1) + 1


def broken_links(page: Path, rel: str, docs_dir: Path, text: str) -> list[Diagnostic]:
    """Links from ``page`` (inside ``docs_dir``) to files that are not there, as MkDocs' strict mode finds them."""
    out = []
    page_uri = page.relative_to(docs_dir).as_posix()
    for target, line, col in page_links(text):
        scheme, netloc, path, _, _ = urlsplit(target)
        if scheme or netloc or not path or target.startswith(("/", "\\")):
            continue  # another site, an anchor of this page, an absolute link (MkDocs leaves those alone)
        path = unquote(path)
        if not posixpath.splitext(path)[1]:
            continue  # "a folder/": MkDocs leaves it as is, without failing
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
        if uri in GENERATED_PAGES or (not uri.startswith("../") and (docs_dir / uri).is_file()):
            continue
        out.append(Diagnostic(rel, line, col, f"link to '{target}', which is not in the site ({uri} is not in "
                                              f"{docs_dir.name}/): fix the link or add the file; the build "
                                              "stops on it"))
    return out
