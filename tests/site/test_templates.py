"""Compiled templates are kept on disk between builds, and never taken for another template or setup."""

from __future__ import annotations

import filecmp
from pathlib import Path

import jinja2
import pytest

from courseforge.project import Project
from courseforge.site import templates
from courseforge.site.build import build_site
from courseforge.site.templates import CompiledTemplates


class Counting(jinja2.Environment):
    """An environment that counts the templates it compiles from source."""

    compiled = 0

    def _parse(self, *args, **kwargs):
        type(self).compiled += 1
        return super()._parse(*args, **kwargs)


@pytest.fixture
def env_in(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("{% for x in xs %}<{{ x }}>{% endfor %}\n", encoding="utf-8")
    Counting.compiled = 0

    def make(cache_dir: Path | None, **settings) -> jinja2.Environment:
        # A new cache object each time: what a new process starts with.
        return Counting(loader=jinja2.FileSystemLoader(str(tmp_path / "t")),
                        bytecode_cache=CompiledTemplates(cache_dir), **settings)
    return make


def test_a_second_process_reads_the_template_compiled(env_in, tmp_path):
    cache = tmp_path / "cache"
    assert env_in(cache).get_template("page.html").render(xs=[1, 2]) == "<1><2>"
    assert Counting.compiled == 1 and len(list(cache.iterdir())) == 1
    assert env_in(cache).get_template("page.html").render(xs=[3]) == "<3>"
    assert Counting.compiled == 1  # read back, not compiled


def test_an_edited_template_is_compiled_again(env_in, tmp_path):
    cache = tmp_path / "cache"
    env_in(cache).get_template("page.html").render(xs=[1])
    (tmp_path / "t" / "page.html").write_text("{% for x in xs %}[{{ x }}]{% endfor %}", encoding="utf-8")
    assert env_in(cache).get_template("page.html").render(xs=[1]) == "[1]"
    assert Counting.compiled == 2


def test_other_settings_never_take_code_compiled_for_others(env_in, tmp_path):
    cache = tmp_path / "cache"
    assert env_in(cache).get_template("page.html").render(xs=[1]) == "<1>"
    # trim_blocks and keep_trailing_newline change the code Jinja writes for the same source
    assert env_in(cache, keep_trailing_newline=True).get_template("page.html").render(xs=[1]) == "<1>\n"
    assert Counting.compiled == 2 and len(list(cache.iterdir())) == 2


def test_a_damaged_cache_file_is_compiled_again(env_in, tmp_path):
    cache = tmp_path / "cache"
    env_in(cache).get_template("page.html")
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:40])
    assert env_in(cache).get_template("page.html").render(xs=[1]) == "<1>"
    assert Counting.compiled == 2
    entry.write_bytes(b"not bytecode at all")
    assert env_in(cache).get_template("page.html").render(xs=[2]) == "<2>"


def test_a_cache_folder_that_cannot_be_written_only_costs_a_compile(env_in, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    env = env_in(blocked / "cache")  # a folder under a file: every write fails
    assert env.get_template("page.html").render(xs=[1]) == "<1>"
    assert env_in(None).get_template("page.html").render(xs=[1]) == "<1>"  # no folder at all
    assert Counting.compiled == 2


def test_a_site_built_from_cached_templates_is_the_same_site(course, tmp_path, monkeypatch):
    monkeypatch.setattr(templates.COMPILED, "directory", tmp_path / "cache")
    templates.COMPILED.forget()
    build_site(Project(course), tmp_path / "first")
    cached = list((tmp_path / "cache").iterdir())
    assert len(cached) > 10  # the theme's templates and ours
    templates.COMPILED.forget()  # as a new process: only the folder is left
    build_site(Project(course), tmp_path / "second")
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(p.name for p in cached)
    first = sorted(p.relative_to(tmp_path / "first") for p in (tmp_path / "first").rglob("*") if p.is_file())
    second = sorted(p.relative_to(tmp_path / "second") for p in (tmp_path / "second").rglob("*") if p.is_file())
    assert first == second
    _, differ, errors = filecmp.cmpfiles(tmp_path / "first", tmp_path / "second", [str(p) for p in first], shallow=False)
    assert not differ and not errors
