"""Quiz HTML and JSON from the public view: accessible markup, no key in assessments."""

from __future__ import annotations

import copy
from html import escape as html_escape
import json
import re

from courseforge.quiz.public import public_alias, public_quiz
from courseforge.site import i18n
from courseforge.site.render import Markdown, QuizRenderer, derange, display_order, script_json

T = i18n.strings("en")


def render(quiz, sources_url="../sources/"):
    r = QuizRenderer(T, Markdown(), {"doc-a": "Doc A title"}, course_id="c1")
    return r.render(public_quiz(quiz), sources_url)


def data_of(html: str) -> dict:
    return json.loads(re.search(r'class="cf-quiz-data">(.*?)</script>', html).group(1))


def question(quiz, qid: str):
    return next(q for q in quiz.questions if q.id == qid)


def alias(quiz, qid: str, text: str) -> str:
    """The browser's id for a matching right or an ordering item, by its visible text."""
    return public_alias(question(quiz, qid), text)


def test_every_question_is_a_labelled_fieldset(practice_quiz):
    html = render(practice_quiz)
    assert html.count("<fieldset") == 7 and html.count("<legend>") == 7
    assert '<legend><span class="cf-q__num">Question 1 of 7</span> <span class="cf-q__prompt">Which city is the capital of France?</span></legend>' in html
    # Every input and select has a label pointing at it.
    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html)
    assert len(ids) == 3 + 3 + 2 + 1 + 1 + 2
    for i in ids:
        assert f'<label for="{i}">' in html
    assert '<input type="radio" name="cf-q-basics-capital" id="cf-q-basics-capital-a" value="a">' in html
    assert '<input type="text" inputmode="decimal" autocomplete="off" id="cf-q-basics-year-input" class="cf-input cf-input--num"> <span class="cf-unit">year</span>' in html
    # The blank shows as a gap, not as Markdown bold-italic.
    assert "Money sent home by migrants is called \u2009_____\u2009." in html
    # Ordering has real buttons, described by the item they move (named by its alias, not "i1").
    first = alias(practice_quiz, "order", "Decide to migrate")
    assert re.fullmatch(r"x[0-9a-f]{10}", first)
    assert html.count('data-cf-move="-1"') == 3 and html.count(f'aria-describedby="cf-q-basics-order-{first}"') == 2
    assert f'<span class="cf-order__text" id="cf-q-basics-order-{first}">Decide to migrate</span>' in html
    # Matching: one select per left, every right offered under its alias, plus a "Choose" option.
    assert html.count('<option value="">Choose…</option>') == 2
    for text in ("Person who stays", "Person who leaves", "Person who arrives"):
        assert html.count(f'<option value="{alias(practice_quiz, "match", text)}">{text}</option>') == 2
    for author_id in ("d1", "i1", "i2", "i3"):
        assert f'"{author_id}"' not in html
    assert 'value="p1"' not in html and 'value="p2"' not in html


def test_practice_data_carries_key_feedback_and_citation(practice_quiz):
    d = data_of(render(practice_quiz))
    assert d["course"] == "c1" and d["mode"] == "practice" and d["max"] == 7
    q = {x["id"]: x for x in d["questions"]}
    assert q["capital"]["options"][1] == {"id": "b", "correct": True, "feedback": "Yes, Paris."}
    assert q["capital"]["explanation"] == "<p>Paris is the <strong>capital</strong>.</p>"
    assert q["capital"]["source"] == '<p class="cf-source">Source: <a href="../sources/#doc-a-1">Doc A title, paragraph 1</a></p>'
    assert q["sky"]["answer"] is True and q["sky"]["feedback"] == {"true": "", "false": "They are exactly that."}
    assert q["blank"]["answers"] == ["remittances", "remittance"]
    assert (q["year"]["answer"], q["year"]["tolerance"]) == (2004, 0)
    order_texts = ["Decide to migrate", "Travel", "Settle"]
    assert q["order"]["key"] == [alias(practice_quiz, "order", t) for t in order_texts]
    # Matching's key: each left (pair id) -> the alias of its right; the distractor is nobody's.
    assert q["match"]["key"] == {"p1": alias(practice_quiz, "match", "Person who leaves"),
                                 "p2": alias(practice_quiz, "match", "Person who arrives")}


def test_citation_without_sources_page_is_plain_text(practice_quiz):
    d = data_of(render(practice_quiz, sources_url=None))
    assert d["questions"][0]["source"] == '<p class="cf-source">Source: Doc A title, paragraph 1</p>'


def test_assessment_html_and_data_hold_no_key(exam_quiz):
    html = render(exam_quiz)
    for secret in ("EXPLANATION-SECRET", "FEEDBACK-SECRET", "ZEBRAWORD", "98765", "correct", "cf-check", "cf-source"):
        assert secret not in html
    d = data_of(html)
    assert [sorted(q) for q in d["questions"]] == [["id", "points", "type", "version"]] * 7
    assert 'class="cf-input cf-learner-name"' in html and 'class="cf-btn cf-btn--primary cf-download"' in html


def test_key_changes_do_not_change_assessment_html(exam_quiz):
    flipped = copy.deepcopy(exam_quiz)
    by_id = {q.id: q for q in flipped.questions}
    for o in by_id["e1"].options:
        o.correct = o.id == "z"
    by_id["e5"].items.reverse()
    by_id["e3"].answers = ["other"]
    # Matching: swap the rights of the two pairs; the learner sees the same lefts and rights.
    m1, m2 = by_id["e6"].pairs
    m1.right, m2.right = m2.right, m1.right
    assert [(p.left, p.right) for p in (m1, m2)] != [(p.left, p.right) for p in question(exam_quiz, "e6").pairs]
    assert render(flipped) == render(exam_quiz)


def test_display_order_is_fixed_and_ignores_the_key():
    ids = ["i1", "i2", "i3", "i4"]
    order = display_order("quiz", "q", ids)
    assert sorted(order) == ids
    assert display_order("quiz", "q", list(reversed(ids))) == order
    assert display_order("quiz", "q", ids) == order


def test_practice_ordering_never_starts_right(practice_quiz):
    right = [alias(practice_quiz, "order", t) for t in ("Decide to migrate", "Travel", "Settle")]
    for n in range(30):
        quiz = copy.deepcopy(practice_quiz)
        quiz.id = f"quiz-{n}"
        html = render(quiz)
        shown = re.findall(r'data-cf-item="([^"]+)"', html)
        assert sorted(shown) == sorted(right)
        assert [a for a, b in zip(shown, right) if a == b] == [], "no item starts in its right place"


def test_derange_leaves_no_item_in_place_and_is_fixed():
    import itertools
    for n in range(2, 7):
        key = [f"i{k}" for k in range(n)]
        for order in itertools.permutations(key):
            out = derange(list(order), key)
            assert sorted(out) == key and all(a != b for a, b in zip(out, key)), (order, out)
            assert derange(list(order), key) == out
            if all(a != b for a, b in zip(order, key)):
                assert out == list(order)  # already deranged: left as shown
    assert derange(["a"], ["a"]) == ["a"]


def test_script_json_cannot_close_its_script():
    text = script_json({"a": "</script><!-- & -->"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_markdown_in_prompts_and_plain_text_fast_path():
    md = Markdown()
    assert md.inline("plain & simple") == "plain &amp; simple"
    assert md.inline("**bold** text") == "<strong>bold</strong> text"
    assert md.block("1. one\n2. two").startswith("<ol>")
    assert md.inline("") == ""


def test_long_prompt_goes_below_the_legend(practice_quiz):
    practice_quiz.questions[0].prompt = "First paragraph.\n\nSecond paragraph?"
    html = render(practice_quiz)
    assert '<fieldset aria-describedby="cf-q-basics-capital-prompt"><legend><span class="cf-q__num">Question 1 of 7</span></legend>' in html
    assert '<div class="cf-q__prompt" id="cf-q-basics-capital-prompt"><p>First paragraph.</p>\n<p>Second paragraph?</p></div>' in html


# --- the plain-text shortcut gives what Markdown gives ---------------------------

import html as html_lib  # noqa: E402
from pathlib import Path  # noqa: E402

import markdown as markdown_lib  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from courseforge.quiz.load import load_quizzes  # noqa: E402
from courseforge.site.render import PLAIN_SAFE_EXTENSIONS, is_plain  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SHIPPED_EXTENSIONS = (["admonition", "attr_list", "md_in_html", "footnotes", "tables", "toc"],
                      {"toc": {"permalink": True}})
SETUPS = [([], {}), SHIPPED_EXTENSIONS, (sorted(PLAIN_SAFE_EXTENSIONS), {})]


def _texts(quiz) -> list[str]:
    out = [quiz.title, quiz.description or ""]
    for q in quiz.questions:
        out += [q.prompt, q.explanation or "", *q.hints]
        for o in getattr(q, "options", []):
            out += [o.text, o.feedback or ""]
        for p in getattr(q, "pairs", []):
            out += [p.left, p.right]
        out += [d.text for d in getattr(q, "distractors", [])] + [i.text for i in getattr(q, "items", [])]
        out += [getattr(q, "feedback_true", None) or "", getattr(q, "feedback_false", None) or ""]
    return [t for t in out if t]


def _agrees(md: Markdown, reference, text: str) -> None:
    want = reference.reset().convert(text)
    assert md.block(text) == want, text
    m = re.fullmatch(r"<p>(.*)</p>", want, re.S)
    assert md.inline(text) == (m.group(1) if m and "<p>" not in m.group(1) else want), text


@pytest.mark.parametrize("extensions,configs", SETUPS)
def test_shortcut_agrees_with_markdown_on_the_shipped_quizzes(extensions, configs):
    quizzes, _ = load_quizzes(REPO / "quizzes", REPO)
    texts = sorted({t for quiz in quizzes for t in _texts(quiz)})
    assert len(texts) > 150
    plain = [t for t in texts if is_plain(t)]
    assert len(plain) > len(texts) // 3  # the shortcut is taken for most option texts
    reference = markdown_lib.Markdown(extensions=extensions, extension_configs=configs)
    md = Markdown(extensions, configs)
    for text in texts:
        _agrees(md, reference, text)


PIECES = list("abcXYZ 019.,;:'\"?!()/%$€-+=#>&~^@{}|<*_`[]\\\t\n\r\x00\x02\x0b\x85\u00a0\u2009\u2028éÉ") + [
    "&amp;", "&#38;", "&#0", "&x;", "&copy", "R&D", "1.", "2004)", "!!!", "???", "===", "---", ": ", "  ", "[TOC]",
    "{: .x}", "http://x.org", "a@b.org", ":smile:", "(c)", "--", "...", "|"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join), st.sampled_from(SETUPS))
def test_shortcut_agrees_with_markdown_on_any_plain_text(text, setup):
    extensions, configs = setup
    if is_plain(text):
        want = markdown_lib.Markdown(extensions=extensions, extension_configs=configs).convert(text)
        assert want == f"<p>{html_lib.escape(text, quote=False)}</p>"
    _agrees(Markdown(extensions, configs), markdown_lib.Markdown(extensions=extensions, extension_configs=configs), text)


def test_shortcut_keeps_what_markdown_keeps():
    md = Markdown(*SHIPPED_EXTENSIONS)
    assert md.inline("AT&amp;T and R&D") == "AT&amp;T and R&amp;D"  # an entity stays as written
    assert md.inline("Well done! 3 > 2") == "Well done! 3 &gt; 2"
    assert md.block("2004. A year") == "<ol>\n<li>A year</li>\n</ol>"
    assert md.block("    indented") == "<pre><code>indented\n</code></pre>"
    assert md.inline("a\tb") == "a   b"


def test_other_extensions_turn_the_shortcut_off():
    assert Markdown(["smarty"]).inline("It's plain -- isn't it") == "It&rsquo;s plain &ndash; isn&rsquo;t it"
    assert Markdown(["toc"], {"toc": {"marker": "Contents"}}).block("Contents") == '<div class="toc">\n<ul></ul>\n</div>'
    assert Markdown(["markdown.extensions.tables"]).inline("plain") == "plain"


def test_each_question_type_names_its_shipped_template():
    from courseforge.quiz.types import TYPES
    from courseforge.site.templates import PACKAGE_TEMPLATES

    for name, kind in TYPES.items():
        assert kind.template == f"courseforge/questions/{name}.html"
        assert (PACKAGE_TEMPLATES / kind.template).is_file()


def test_a_template_in_a_theme_folder_wins_and_its_lines_are_joined(practice_quiz, tmp_path):
    from courseforge.site.templates import Templates

    own = tmp_path / "courseforge" / "questions"
    own.mkdir(parents=True)
    (own / "numeric.html").write_text('<p class="mine">\n    {{ et.numeric_label }}\n    {{ q.unit|e }}\n</p>\n',
                                      encoding="utf-8")
    mine = QuizRenderer(T, Markdown(), {"doc-a": "Doc A title"}, course_id="c1", templates=Templates([tmp_path]))
    html = mine.render(public_quiz(practice_quiz))
    ours = f'<p class="mine">{html_escape(T["numeric_label"])}year</p>'
    assert ours in html
    # Only the numeric question's field changed.
    field = re.compile(r'<p class="cf-field"><label for="cf-q-basics-year-input">.*?</p>')
    assert html.replace(ours, "FIELD") == field.sub("FIELD", render(practice_quiz, None))
