"""Canonical YAML: stable layout, defaults left out, and a round trip to an equal quiz."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.model import (
    BLOOM_LEVELS,
    Distractor,
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)


def roundtrip(quiz: Quiz, tmp_path) -> Quiz:
    p = tmp_path / "q.yml"
    p.write_text(dump_quiz(quiz), encoding="utf-8")
    back, diags = load_quiz_file(p, tmp_path)
    assert diags == [], [str(d) for d in diags]
    return back


def small_quiz() -> Quiz:
    return Quiz(
        id="01-quiz", module="01-mod", title="Check: yourself", mode="assessment", pass_mark=60.0,
        multiple_scoring="all_or_nothing", description="Line one.\nLine two.",
        questions=[
            SingleChoice(id="q1", prompt="Pick", explanation="E", source=SourceRef("desa", "18"),
                         options=[Option("a", "yes", True, "Right"), Option("b", "No", False)], points=2.0),
            TrueFalse(id="q2", prompt="True?", explanation="E", source=SourceRef("desa", "annex-6"), answer=True,
                      hints=["h1"], tags=["t"], bloom="apply"),
            Numeric(id="q3", prompt="How many?", explanation="E", source=SourceRef("desa", "007"), answer=1.5,
                    tolerance=0.25, points=0.5),
        ],
    )


def test_layout_is_canonical(tmp_path):
    text = dump_quiz(small_quiz())
    assert text == """\
# yaml-language-server: $schema=../schema/quiz-v1.schema.json
id: 01-quiz
module: 01-mod
title: 'Check: yourself'
mode: assessment
pass_mark: 60
multiple_scoring: all_or_nothing
description: |-
  Line one.
  Line two.
questions:
  - id: q1
    type: single
    prompt: Pick
    options:
      - id: a
        text: 'yes'
        correct: true
        feedback: Right
      - id: b
        text: 'No'
        correct: false
    explanation: E
    source: {doc: desa, para: 18}
    points: 2

  - id: q2
    type: true_false
    prompt: True?
    answer: true
    explanation: E
    hints:
      - h1
    tags:
      - t
    bloom: apply
    source: {doc: desa, para: annex-6}

  - id: q3
    type: numeric
    prompt: How many?
    answer: 1.5
    tolerance: 0.25
    explanation: E
    source: {doc: desa, para: '007'}
    points: 0.5
"""
    assert roundtrip(small_quiz(), tmp_path) == small_quiz()


def test_long_text_is_wrapped_and_still_equal(tmp_path):
    quiz = small_quiz()
    quiz.questions[0].prompt = " ".join(["word"] * 60) + ": a colon and # a hash"
    text = dump_quiz(quiz)
    assert max(len(line) for line in text.splitlines()) < 120
    assert roundtrip(quiz, tmp_path) == quiz


# --- property: any valid quiz survives dump → load ----------------------------

_alphabet = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\u2028\u2029\x85\ufeff",
)
text = st.text(_alphabet, min_size=1, max_size=40).map(str.strip).filter(
    lambda s: s and "___" not in s)
multiline = st.lists(text, min_size=1, max_size=3).map("\n".join)
some_text = st.one_of(text, multiline)
ident = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)
para = st.one_of(st.integers(1, 999).map(str), ident)
source = st.builds(SourceRef, doc=ident, para=para)
points = st.one_of(st.just(1), st.integers(1, 5), st.sampled_from([0.5, 1.5, 2.25]))
number = st.one_of(st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


def unique_ids(n_min: int, n_max: int):
    return st.lists(ident, min_size=n_min, max_size=n_max, unique=True)


def common():
    return dict(id=ident, prompt=some_text, explanation=some_text, source=source, points=points,
                hints=st.lists(text, max_size=2), tags=st.lists(text, max_size=2),
                bloom=st.one_of(st.none(), st.sampled_from(BLOOM_LEVELS)))


@st.composite
def options(draw, single: bool):
    ids = draw(unique_ids(2, 5))
    texts = draw(st.lists(text, min_size=len(ids), max_size=len(ids), unique_by=str.casefold))
    right = draw(st.integers(0, len(ids) - 1))
    flags = [i == right for i in range(len(ids))] if single else \
        [i == right or draw(st.booleans()) for i in range(len(ids))]
    return [Option(i, t, c, draw(st.one_of(st.none(), text))) for i, t, c in zip(ids, texts, flags)]


@st.composite
def matching(draw):
    ids = draw(unique_ids(2, 6))
    n = draw(st.integers(2, len(ids)))
    rights = draw(st.lists(text, min_size=len(ids), max_size=len(ids), unique_by=str.casefold))
    lefts = draw(st.lists(text, min_size=n, max_size=n, unique_by=str.casefold))
    pairs = [Pair(ids[i], lefts[i], rights[i]) for i in range(n)]
    distractors = [Distractor(ids[i], rights[i]) for i in range(n, len(ids))]
    return draw(st.builds(Matching, pairs=st.just(pairs), distractors=st.just(distractors), **common()))


@st.composite
def ordering(draw):
    ids = draw(unique_ids(2, 5))
    texts = draw(st.lists(text, min_size=len(ids), max_size=len(ids), unique_by=str.casefold))
    return draw(st.builds(Ordering, items=st.just([Item(i, t) for i, t in zip(ids, texts)]), **common()))


def fill_blank():
    prompt = st.tuples(text, text).map(lambda ab: f"{ab[0]} ___ {ab[1]}")
    c = common()
    c["prompt"] = prompt
    return st.builds(FillBlank, answers=st.lists(text, min_size=1, max_size=3), **c)


question = st.one_of(
    st.builds(SingleChoice, options=options(True), **common()),
    st.builds(MultipleChoice, options=options(False), **common()),
    st.builds(TrueFalse, answer=st.booleans(), feedback_true=st.one_of(st.none(), text),
              feedback_false=st.one_of(st.none(), text), **common()),
    fill_blank(),
    st.builds(Numeric, answer=number, tolerance=st.sampled_from([0, 0.5, 2, 10]),
              unit=st.one_of(st.none(), text), **common()),
    matching(),
    ordering(),
)


@st.composite
def quizzes(draw):
    qs = draw(st.lists(question, min_size=1, max_size=6, unique_by=lambda q: q.id))
    return Quiz(id=draw(ident), module=draw(ident), title=draw(text), mode=draw(st.sampled_from(["practice",
                "assessment"])), pass_mark=draw(st.integers(0, 100)), questions=qs,
                description=draw(st.one_of(st.none(), some_text)),
                multiple_scoring=draw(st.sampled_from(["partial", "all_or_nothing"])))


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(quizzes())
def test_round_trip_property(tmp_path, quiz):
    back = roundtrip(quiz, tmp_path)
    assert back == quiz
    assert dump_quiz(back) == dump_quiz(quiz)  # canonical: a second dump changes nothing


def test_assessment_hints_round_trip(tmp_path):
    quiz = small_quiz()
    assert "assessment_hints" not in dump_quiz(quiz)  # the default is left out
    assert roundtrip(quiz, tmp_path).assessment_hints is False
    asked = replace(quiz, assessment_hints=True)
    assert "\nassessment_hints: true\n" in dump_quiz(asked)
    assert roundtrip(asked, tmp_path).assessment_hints is True
