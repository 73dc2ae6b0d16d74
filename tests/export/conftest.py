"""A small course built from model objects: every question type, every GIFT special character."""

from __future__ import annotations

import pytest

from courseforge.quiz.model import (
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

TRICKY = "Costs ~5% {approx.} = #1 issue: see \\ annex\nsecond line"


def make_quizzes() -> list[Quiz]:
    src = SourceRef("unitar-2019", "18")
    q1 = Quiz(
        id="nexus-check", module="01-migration-development-nexus", title="The nexus: a check",
        mode="practice", pass_mark=70,
        questions=[
            SingleChoice(id="remittances", prompt="Which flow is **largest**? " + TRICKY, explanation="See ¶18: #1.",
                         source=src, hints=["Think money."], tags=["flows"], bloom="remember",
                         options=[Option("a", "Remittances = money {sent}", True, "Right: ~3x ODA."),
                                  Option("b", "Aid: ODA", False, "No #2."),
                                  Option("c", "FDI", False)]),
            MultipleChoice(id="drivers", prompt="Select the drivers.", explanation="Both matter.",
                           source=SourceRef("unitar-2019", "annex-6"), points=2,
                           options=[Option("a", "Wages", True, "Yes."), Option("b", "Climate", True),
                                    Option("c", "Moon phase", False, "No.")]),
            TrueFalse(id="tf", prompt="Migration is only South–North.", explanation="Most is South–South.",
                      source=src, answer=False, feedback_true="Look again: South:South.", feedback_false="Right."),
        ],
    )
    q2 = Quiz(
        id="costs-quiz", module="02-remittance-costs", title="Costs", mode="assessment", pass_mark=80,
        multiple_scoring="all_or_nothing",
        questions=[
            FillBlank(id="sdg", prompt="The SDG target is ___ per cent.", explanation="SDG 10.c: 3%.",
                      source=src, answers=["3", "three"]),
            Numeric(id="cost", prompt="Average cost of sending $200?", explanation="About 6.2%.",
                    source=src, answer=6.2, tolerance=0.5, unit="%"),
            Matching(id="match", prompt="Match term and meaning.", explanation="Definitions: see glossary.",
                     source=src, pairs=[Pair("p1", "ODA", "aid {official}"), Pair("p2", "FDI", "investment"),
                                        Pair("p3", "Diaspora", "people abroad")],
                     distractors=[Distractor("x1", "tariff")]),
            Ordering(id="order", prompt="Order the steps.", explanation="Chronological.", source=src,
                     items=[Item("i1", "Plan"), Item("i2", "Send"), Item("i3", "Receive")]),
            MultipleChoice(id="three", prompt="Pick the three.", explanation="x", source=src,
                           options=[Option("a", "A", True), Option("b", "B", True), Option("c", "C", True),
                                    Option("d", "D", False)]),
        ],
    )
    return [q1, q2]


@pytest.fixture
def quizzes() -> list[Quiz]:
    return make_quizzes()
