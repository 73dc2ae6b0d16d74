"""Safe YAML composing: positions kept, hostile input refused with a clear message."""

from __future__ import annotations

import time

from courseforge.quiz.yamlsafe import compose_text, pos, read_yaml_file, to_python


def test_nodes_keep_line_and_column():
    node, diags = compose_text("a: 1\nb:\n  - x\n  - y\n", "f.yml")
    assert diags == []
    (ka, va), (kb, vb) = node.value
    assert pos(ka) == (1, 1) and pos(va) == (1, 4)
    assert [pos(n) for n in vb.value] == [(3, 5), (4, 5)]
    assert to_python(node) == {"a": 1, "b": ["x", "y"]}


def test_python_object_tag_is_refused_and_never_constructed(tmp_path):
    marker = tmp_path / "pwned"
    text = f"a: 1\nb: !!python/object/apply:os.system ['touch {marker}']\n"
    node, diags = compose_text(text, "f.yml")
    assert node is None
    assert [str(d) for d in diags] == [
        "f.yml:2:4: tag '!!python/object/apply:os.system' refused: course files hold plain text, numbers, "
        "lists and fields only; remove the tag"
    ]
    assert not marker.exists()


def test_local_tag_is_refused():
    node, diags = compose_text("x: !include other.yml\n", "f.yml")
    assert node is None
    assert [str(d) for d in diags] == [
        "f.yml:1:4: tag '!include' refused: course files hold plain text, numbers, lists and fields only; "
        "remove the tag"
    ]


def test_alias_bomb_is_refused_fast():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    node, diags = compose_text(text, "bomb.yml")
    assert time.perf_counter() - start < 2  # 9**10 nodes were never built
    assert node is None
    assert str(diags[0]) == ("bomb.yml:1:5: anchor '&a0' refused: anchors and aliases are not allowed in course "
                             "files; write the value out in full")
    assert str(diags[2]) == ("bomb.yml:2:10: alias '*a0' refused: anchors and aliases are not allowed in course "
                             "files; write the value out in full")
    assert len(diags) == 10 + 9 * 9


def test_duplicate_key_names_both_lines_and_keeps_the_tree():
    node, diags = compose_text("a: 1\nb: 2\na: 3\n", "f.yml")
    assert [str(d) for d in diags] == [
        "f.yml:3:1: duplicate key 'a' (first on line 1): YAML would silently keep only this last one; "
        "keep one of the two"
    ]
    assert node is not None  # read on, so the rest of the file is still checked


def test_line_offset_for_embedded_yaml():
    node, diags = compose_text("a: 1\na: 2\n", "page.md", line_offset=1)
    assert [str(d) for d in diags] == [
        "page.md:3:1: duplicate key 'a' (first on line 2): YAML would silently keep only this last one; "
        "keep one of the two"
    ]


def test_syntax_error_has_line_col_and_hint():
    node, diags = compose_text("title: Yes: no\n", "f.yml")
    assert node is None
    assert [str(d) for d in diags] == [
        "f.yml:1:11: YAML syntax error: mapping values are not allowed in this context; a text containing "
        "': ' must be put in quotes"
    ]


def test_tab_indentation_error():
    node, diags = compose_text("a:\n\t- x\n", "f.yml")
    assert node is None
    assert diags[0].line == 2 and "indent with spaces, not tabs" in diags[0].message


def test_oversize_file_names_the_limit(tmp_path):
    p = tmp_path / "big.yml"
    p.write_text("a: " + "x" * 2000 + "\n")
    node, diags = read_yaml_file(p, tmp_path, limit=1000)
    assert node is None
    assert [str(d) for d in diags] == [
        "big.yml: file is 2,004 bytes, over the 1,000-byte limit for a course file; split it into smaller files"
    ]


def test_invalid_utf8_names_line_and_column(tmp_path):
    p = tmp_path / "latin1.yml"
    p.write_bytes("a: 1\nb: caf".encode() + b"\xe9 au lait\n")
    node, diags = read_yaml_file(p, tmp_path)
    assert node is None
    assert [str(d) for d in diags] == [
        "latin1.yml:2:7: not valid UTF-8 (byte 0xe9): save the file with UTF-8 encoding (in most editors: "
        "Save As… → Encoding: UTF-8)"
    ]


def test_bom_and_empty_document(tmp_path):
    p = tmp_path / "bom.yml"
    p.write_bytes(b"\xef\xbb\xbfa: caf\xc3\xa9\n")
    node, diags = read_yaml_file(p, tmp_path)
    assert diags == [] and to_python(node) == {"a": "café"}
    assert compose_text("# only a comment\n", "f.yml") == (None, [])


def test_scalar_types_and_dates_stay_text():
    node, _ = compose_text("a: yes\nb: 0.5\nc: ~\nd: 2004-01-16\ne: '18'\nf: 18\n", "f.yml")
    assert to_python(node) == {"a": True, "b": 0.5, "c": None, "d": "2004-01-16", "e": "18", "f": 18}


# --- the resolver shortcut: SafeLoader's YAML 1.1 rules, exactly ---------------

import pytest  # noqa: E402
import yaml  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from yaml.nodes import ScalarNode  # noqa: E402

from courseforge.quiz.yamlsafe import _Loader  # noqa: E402

TRICKY = ["yes", "Yes", "YES", "no", "No", "on", "On", "OFF", "off", "y", "n", "true", "False", "~", "null", "Null",
          "NULL", "1e3", "1.0e3", "1.0e+3", "0x1F", "0o17", "017", "0b101", ".inf", "-.inf", ".NaN", ".nan", "1_000",
          "1_0.5", "2004-01-16", "2004-01-16 10:00:00", "2004-1-6t1:2:3Z", "1:20", "190:20:30.15", "+12", "-0", "0",
          "3.", ".5", "-.5", "1,000", "12e", "Ypres", "Norway", "Oslo", "yesterday", "nothing", "truth", "offer",
          "The text", "q1", "a", "=", "<<", "0.5 kg", "2004", "20:04", "Tom", "tilde~"]


def _tags(text: str, loader) -> list[tuple[str, str]]:
    out, stack = [], [yaml.compose(text, Loader=loader)]
    while stack:
        n = stack.pop()
        if isinstance(n, ScalarNode):
            out.append((n.value, n.tag))
        elif n is not None:
            stack.extend(x for pair in n.value for x in (pair if isinstance(pair, tuple) else (pair,)))
    return out


def test_tricky_values_resolve_as_safeloader_does():
    text = "".join(f"k{i}: {v}\n" for i, v in enumerate(TRICKY))
    text += "list: [" + ", ".join(v for v in TRICKY if v not in ("<<", "=")) + "]\nquoted: ['yes', \"1e3\", '~']\n"
    want = _tags(text, yaml.SafeLoader)  # the pure-Python reference
    assert _tags(text, _Loader) == want
    got = dict(want)
    assert (got["yes"], got["off"], got["~"], got["1_000"], got["0x1F"], got["2004-01-16"], got["1e3"], got["Ypres"],
            got[".inf"], got["<<"]) == (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str", "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:float", "tag:yaml.org,2002:merge")


@settings(max_examples=500, deadline=None)
@given(st.one_of(
    st.from_regex(r"[-+]?(0x|0o|0b|\.)?[0-9a-fA-F_]{0,6}([.:][0-9_]{0,4})?([eE][-+]?[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"(?i)(y|n|yes|no|true|false|on|off|null|~|\.inf|\.nan)[a-z]{0,2}", fullmatch=True),
    st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?)?", fullmatch=True),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12),
))
def test_any_plain_value_resolves_as_safeloader_does(value):
    reference = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same parser, SafeLoader's resolver
    for text in (f"k: {value}\n", f"- {value}\n", f"[{value}]\n"):
        try:
            want = _tags(text, reference)
        except yaml.YAMLError:
            with pytest.raises(yaml.YAMLError):
                _tags(text, _Loader)
            continue
        assert _tags(text, _Loader) == want


def test_merge_key_is_still_refused_as_a_tag():
    node, diags = compose_text("a: 1\n<<: {b: 2}\n", "f.yml")
    assert node is None
    assert [str(d) for d in diags] == [
        "f.yml:2:1: tag '!!merge' refused: course files hold plain text, numbers, lists and fields only; "
        "remove the tag"
    ]


def test_duplicate_keys_found_deep_in_a_tree_without_tags():
    text = "a:\n  - b: 1\n    c: [x, {d: 1, d: 2}]\n    b: 3\n"
    node, diags = compose_text(text, "f.yml")
    assert node is not None
    assert [str(d) for d in diags] == [
        "f.yml:4:5: duplicate key 'b' (first on line 2): YAML would silently keep only this last one; keep one of the two",
        "f.yml:3:19: duplicate key 'd' (first on line 3): YAML would silently keep only this last one; keep one of the two",
    ]


def test_a_tag_inside_a_list_is_found_when_the_text_has_one():
    node, diags = compose_text("a:\n  - x\n  - !!binary aGk=\nb: 1\nb: 2\n", "f.yml")
    assert node is None
    assert [str(d) for d in diags] == [
        "f.yml:5:1: duplicate key 'b' (first on line 4): YAML would silently keep only this last one; keep one of the two",
        "f.yml:3:5: tag '!!binary' refused: course files hold plain text, numbers, lists and fields only; remove the tag",
    ]
