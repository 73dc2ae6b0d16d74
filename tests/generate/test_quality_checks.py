"""Every automatic check of the quiz drafts, with a passing and a failing example."""

from __future__ import annotations

from courseforge.generate.questions import checks as C
from courseforge.generate.questions.index import corpus_index
from courseforge.quiz.model import (
    Distractor,
    FillBlank,
    Item,
    Matching,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry

P1 = (
    "The Global Water Partnership (GWP) was founded in 1996 to support integrated water management. "
    "It has 3,000 partner organizations in 179 countries."
)
P2 = "The World Meteorological Organization (WMO) was founded in 1950 and issues drought bulletins every month."
P3 = (
    "The most important texts are the Helsinki Rules of 1966, the Water Convention of 1992 and the "
    "Watercourses Convention of 1997."
)
P4 = "The Forum is an initiative of the World Water Council (WWC)."


def make_corpus() -> Corpus:
    paras = [Paragraph("1", P1, "s"), Paragraph("2", P2, "s"), Paragraph("3", P3, "s"), Paragraph("4", P4, "s")]
    entry = SourceEntry("water", "water.txt", "Water governance", "Basin Office", "2020", "note")
    return Corpus([Document(entry, [Section("s", "Bodies and treaties", paras)])])


CORPUS = make_corpus()
IDX = corpus_index(CORPUS)
SRC1 = SourceRef("water", "1")
SRC2 = SourceRef("water", "2")
S1 = "The Global Water Partnership (GWP) was founded in 1996 to support integrated water management."
S2 = P2


def quote(s: str, prefix: str = "") -> str:
    return f"{prefix}The source says: “{s}”"


def fill(prompt_stem: str, answers, src=SRC1, sentence=S1) -> FillBlank:
    return FillBlank(id="q1", prompt=C.LEADS["fill_blank"] + prompt_stem, explanation=quote(sentence),
                     source=src, answers=list(answers))


def single(prompt_stem: str, key: str, wrong, src=SRC2, sentence=S2) -> SingleChoice:
    opts = [Option("a", key, True)] + [Option("bcd"[i], w, False) for i, w in enumerate(wrong)]
    return SingleChoice(id="q2", prompt=C.LEADS["single"] + prompt_stem, explanation=quote(sentence),
                        source=src, options=opts)


def tf(statement: str, answer: bool, sentence: str, src=SRC2, qid="q3") -> TrueFalse:
    return TrueFalse(id=qid, prompt=C.LEADS["true_false"] + statement, explanation=quote(sentence),
                     source=src, answer=answer)


# ---------------------------------------------------------------- key verbatim


def test_key_in_source():
    ok = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.", ["1996"])
    assert C.check_key_in_source(ok, IDX) is None
    bad = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.", ["1995"])
    assert C.check_key_in_source(bad, IDX) == "the key '1995' is not written in the cited paragraph"
    missing = fill("x ___ y", ["1996"], src=SourceRef("water", "99"))
    assert C.check_key_in_source(missing, IDX) == "cites water paragraph 99, which does not exist"
    num = Numeric(id="n", prompt=C.LEADS["numeric"] + "It has ___ partner organizations in 179 countries.",
                  explanation=quote(S1), source=SRC1, answer=3000)
    assert C.check_key_in_source(num, IDX) is None
    num.answer = 300
    assert C.check_key_in_source(num, IDX) == "the answer 300 is not written in the cited paragraph"


def test_cloze_reconstructs_the_source_sentence():
    ok = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.", ["1996"])
    assert C.check_cloze_reconstructs(ok, IDX) is None
    reworded = fill("The GWP was founded in ___ to support water management.", ["1996"])
    assert C.check_cloze_reconstructs(reworded, IDX) == (
        "the prompt with the key in the blank is not a sentence of the cited paragraph"
    )
    two_blanks = fill("The ___ was founded in ___.", ["1996"])
    assert C.check_cloze_reconstructs(two_blanks, IDX) == "the prompt must hold exactly one blank (___)"
    resolved = Numeric(id="n", prompt=C.LEADS["numeric"] + "It [the GWP] has 3,000 partner organizations in ___ countries.",
                       explanation=quote("It has 3,000 partner organizations in 179 countries."), source=SRC1, answer=179)
    assert C.check_cloze_reconstructs(resolved, IDX) is None


# ---------------------------------------------------------------- distractors


def test_distractors_form():
    stem = "The World Meteorological Organization (WMO) was founded in ___ and issues drought bulletins every month."
    assert C.check_distractors_form(single(stem, "1950", ["1948", "1955", "1960"])) is None
    assert C.check_distractors_form(single(stem, "1950", ["1948", "GWP", "1960"])) == (
        "distractor 'GWP' is not of the same kind as the answer"
    )
    assert C.check_distractors_form(single(stem, "1950", ["1948", "1948", "1960"])) == "distractor '1948' appears twice"
    names = "The ___ (WMO) was founded in 1950 and issues drought bulletins every month."
    assert C.check_distractors_form(
        single(names, "World Meteorological Organization", ["World Health Organization", "Meteorological Organization"])
    ) == "distractor 'Meteorological Organization' overlaps the answer 'World Meteorological Organization'"
    assert C.check_distractors_form(
        single(names, "World Meteorological Organization", ["World Health Organization", "World Meteorological Organization Office"])
    ) == "distractor 'World Meteorological Organization Office' overlaps the answer 'World Meteorological Organization'"


def test_distractors_not_true():
    stem = "The World Meteorological Organization (WMO) was founded in ___ and issues drought bulletins every month."
    assert C.check_distractors_not_true(single(stem, "1950", ["1948", "1955", "1960"]), IDX) is None
    # 1996 is when another body was founded: "was founded in 1996" is said in the documents
    assert C.check_distractors_not_true(single(stem, "1950", ["1948", "1996", "1960"]), IDX) == (
        "with '1996' in the blank the documents say 'was founded in 1996': the distractor is also true"
    )
    # a distractor named in the cited paragraph may be right too
    p1_stem = "The Global Water Partnership (GWP) was founded in 1996 to support integrated ___ management."
    q = single(p1_stem, "water", ["GWP"], src=SRC1, sentence=S1)
    assert C.check_distractors_not_true(q, IDX) == "distractor 'GWP' is named in the cited paragraph, so it may also be right"
    # a key and its own expansion are the same body
    acr = single("The ___ issues drought bulletins every month.", "WMO", ["World Meteorological Organization"])
    assert C.check_distractors_not_true(acr, IDX) == (
        "distractor 'World Meteorological Organization' is named in the cited paragraph, so it may also be right"
    )


def test_matching_distractor_is_not_a_real_expansion():
    q = Matching(id="m", prompt="Match each acronym with its full name, as the source writes it.",
                 explanation=quote(S1), source=SRC1,
                 pairs=[Pair("p1", "GWP", "Global Water Partnership")],
                 distractors=[Distractor("x1", "World Meteorological Organization")])
    assert C.check_distractors_not_true(q, IDX) is None
    q.pairs.append(Pair("p2", "WMO", "World Water Council"))
    assert C.check_distractors_not_true(q, IDX) == (
        "distractor 'World Meteorological Organization' is the real expansion of an acronym in the question"
    )


# ---------------------------------------------------------------- stems


def test_no_giveaway():
    ok = single("The ___ was founded in 1950 and issues drought bulletins every month.", "WMO", ["GWP", "WWC", "FAO"])
    assert C.check_no_giveaway(ok, IDX) is None
    gives_expansion = single("The World Meteorological Organization (___) was founded in 1950 and issues drought bulletins every month.",
                             "WMO", ["GWP", "WWC", "FAO"])
    assert C.check_no_giveaway(gives_expansion, IDX) == (
        "the prompt gives the answer away: it contains 'World Meteorological Organization'"
    )
    gives_key = fill("The ___ (GWP) was founded in 1996 by the Global Water Partnership.", ["Global Water Partnership"])
    assert C.check_no_giveaway(gives_key, IDX) == "the prompt gives the answer away: it contains 'Global Water Partnership'"


def test_no_giveaway_in_hints():
    q = fill("The ___ was founded in 1996 to support integrated water management.", ["GWP"])
    q.hints = ["Look in “The Global Water Partnership and its work” (Water governance, paragraph 1)."]
    assert C.check_no_giveaway(q, IDX) == "a hint gives the answer away: it contains 'Global Water Partnership'"
    q.hints = ["Look in Water governance, paragraph 1."]
    assert C.check_no_giveaway(q, IDX) is None


def test_builder_replaces_a_hint_that_names_the_answer():
    from courseforge.generate.questions.candidates import Builder

    b = Builder(IDX, "seed")
    q = fill("The ___ was founded in 1996 to support integrated water management.", ["GWP"])
    assert b.safe_hint(q, "Look in “The GWP” (Water governance, paragraph 1).") == "Look in Water governance, paragraph 1."
    assert b.safe_hint(q, "Look in “Bodies” (Water governance, paragraph 1).") == "Look in “Bodies” (Water governance, paragraph 1)."
    named = fill("The ___ was founded in 1996 to support integrated water management.", ["Water governance"])
    assert b.safe_hint(named, "Look in Water governance, paragraph 1.") == "Read paragraph 1 of the source."


def test_stem_self_contained():
    assert C.check_stem_self_contained(fill("The WMO was founded in ___ and issues bulletins.", ["1950"])) is None
    assert C.check_stem_self_contained(fill("It was founded in ___ and issues bulletins.", ["1950"])) == (
        "the prompt does not stand on its own (it starts with a pronoun or a short name defined elsewhere)"
    )
    assert C.check_stem_self_contained(fill("The Forum was founded in ___ and issues bulletins.", ["1950"])) is not None
    assert C.check_stem_self_contained(fill("It [the GWP] has ___ partner organizations in 179 countries.", ["3,000"])) is None


def test_stem_length():
    assert C.check_stem_length(fill("The WMO was founded in ___ and issues bulletins.", ["1950"])) is None
    assert C.check_stem_length(fill("Founded in ___.", ["1950"])) == "the prompt has 7 words; keep it between 8 and 45"
    long = " ".join(["water"] * 44) + " ___."
    assert C.check_stem_length(fill(long, ["x"])) == "the prompt has 49 words; keep it between 8 and 45"


def test_stem_clean():
    assert C.check_stem_clean(fill("The WMO was founded in ___ and issues bulletins.", ["1950"])) is None
    assert C.check_stem_clean(fill("The **WMO** was founded in ___ and issues bulletins.", ["1950"])) == (
        "the prompt holds markup, a footnote marker, a link or page furniture"
    )
    assert C.check_stem_clean(fill("The WMO was founded in ___ and issues bulletins2.", ["1950"])) is not None
    assert C.check_stem_clean(fill("See www.wmo.int: the WMO was founded in ___.", ["1950"])) is not None
    assert C.check_stem_clean(fill("It [the GWP] has ___ partner organizations.", ["3,000"])) is None


# ---------------------------------------------------------------- true/false


def test_false_statement_never_an_antonym_but_a_direction_may_change():
    judged = "Drought forecasts are highly relevant to farmers in the north of the basin."
    counted = "The number of dry years rose in the north of the basin after the dam was built."
    entry = SourceEntry("dry", "dry.txt", "Droughts", "Basin Office", "2020", "note")
    paras = [Paragraph("1", judged, "s"), Paragraph("2", counted, "s")]
    idx = corpus_index(Corpus([Document(entry, [Section("s", "Droughts", paras)])]))

    def false(said, old, new, para):
        return TrueFalse(id="t", prompt=C.LEADS["true_false"] + said.replace(old, new),
                         explanation="False. " + quote(said), source=SourceRef("dry", para), answer=False)

    # "highly irrelevant" reads as nonsense and gives itself away
    reason = C.check_false_statement(false(judged, "relevant", "irrelevant", "1"), idx)
    assert reason is not None and "its opposite 'irrelevant'" in reason
    # "fell" for "rose" is another fact the text makes plausible
    assert C.check_false_statement(false(counted, "rose", "fell", "2"), idx) is None


def test_false_statement_one_span_nowhere_no_contradiction():
    swapped = tf("The World Meteorological Organization (WMO) was founded in 1948 and issues drought bulletins every month.",
                 False, S2)
    assert C.check_false_statement(swapped, IDX) is None
    negated = tf("The World Meteorological Organization (WMO) was not founded in 1950 and issues drought bulletins every month.",
                 False, S2)
    # a bare "not" tests whether a learner spots a negation, not what the text says
    assert C.check_false_statement(negated, IDX) == (
        "the false statement only negates its source sentence; change a fact instead")
    opposite = tf("The World Meteorological Organization (WMO) was founded in 1950 and issues drought bulletins every month.",
                  False, S2)
    assert C.check_false_statement(opposite, IDX) is not None  # no change at all
    # a year replaced by a word is not another fact of the same kind
    other_kind = tf("The World Meteorological Organization (WMO) was founded in Geneva and issues drought bulletins every month.",
                    False, S2)
    assert C.check_false_statement(other_kind, IDX) == "the false statement replaces a fact by something of another kind"
    two_spans = tf("The World Meteorological Organization (WMO) was founded in 1948 and issues drought bulletins every week.",
                   False, S2)
    assert C.check_false_statement(two_spans, IDX) == "the false statement changes too much of its source sentence"
    said = tf(S2, False, S2)
    assert C.check_false_statement(said, IDX) == "the false statement must differ from its source sentence by one span"
    # swapping the expansion but leaving the old acronym in brackets
    contradiction = tf("The World Water Council (WMO) was founded in 1950 and issues drought bulletins every month.", False, S2)
    assert C.check_false_statement(contradiction, IDX) == (
        "the changed span is followed by an acronym in brackets that no longer matches"
    )
    # swapping the acronym but leaving its expansion
    kept = tf("The World Meteorological Organization (GWP) was founded in 1950 and issues drought bulletins every month.",
              False, S2)
    assert C.check_false_statement(kept, IDX) == (
        "the false statement keeps 'World Meteorological Organization' beside the changed name: it contradicts itself"
    )
    true_elsewhere = tf("The World Meteorological Organization (WMO) was founded in 1996 to support integrated water management.",
                        False, S2)
    assert C.check_false_statement(true_elsewhere, IDX) is not None
    no_quote = TrueFalse(id="t", prompt=C.LEADS["true_false"] + "The WMO was founded in 1948.", explanation="False.",
                         source=SRC2, answer=False)
    assert C.check_false_statement(no_quote, IDX) == (
        "the explanation of a false statement must quote the true sentence of the cited paragraph"
    )


def test_true_statement_is_verbatim():
    assert C.check_key_in_source(tf(S2, True, S2), IDX) is None
    assert C.check_key_in_source(tf("The WMO was founded in 1950.", True, S2), IDX) == (
        "a true statement must be a sentence of the cited paragraph, word for word"
    )


def test_true_false_balance():
    qs = [tf(S2, True, S2, qid="a"), tf(S2, False, S2, qid="b"), tf(S2, True, S2, qid="c")]
    assert C.check_true_false_balance(qs) == []
    qs.append(tf(S2, True, S2, qid="d"))
    assert C.check_true_false_balance(qs) == ["1 of 4 true/false statements are false; about half should be"]


# ---------------------------------------------------------------- explanation, insertion, ordering


def test_explanation_quotes_the_paragraph():
    assert C.check_explanation(tf(S2, True, S2), IDX) is None
    q = tf(S2, True, "The WMO issues bulletins.")
    assert C.check_explanation(q, IDX) == "the explanation must quote the cited paragraph"


def test_insertion_names_a_body_of_the_document():
    ok = fill("It [the GWP] has ___ partner organizations in 179 countries.", ["3,000"])
    assert C.check_insertion(ok, IDX) is None
    bad = fill("It [the UNICEF] has ___ partner organizations in 179 countries.", ["3,000"])
    assert C.check_insertion(bad, IDX) == "the insertion [UNICEF] names something the cited document does not"


def test_ordering_follows_the_years():
    src = SourceRef("water", "3")
    items = [Item("a", "Helsinki Rules"), Item("b", "Water Convention"), Item("c", "Watercourses Convention")]
    q = Ordering(id="o", prompt="Put these events in chronological order, earliest first.", explanation=quote(P3),
                 source=src, items=items)
    assert C.check_ordering(q, IDX) is None
    q.items = [items[1], items[0], items[2]]
    assert C.check_ordering(q, IDX) == "the items are not in the order of their years"
    q.items = [items[0], Item("d", "Dublin Statement")]
    assert C.check_ordering(q, IDX) == "the item 'Dublin Statement' is not in the words of the cited paragraph"
    q.items = [items[0], Item("e", "Water Convention of 1992")]
    assert C.check_ordering(q, IDX) == "the item 'Water Convention of 1992' names a year, which gives the order away"
    q.items = [items[0], Item("f", "The most important texts")]
    assert C.check_ordering(q, IDX) == "an item is not a dated event of the cited paragraph"


def test_event_year_matching_pairs_each_event_with_its_own_year():
    src = SourceRef("water", "3")
    pairs = [Pair("a", "Helsinki Rules", "1966"), Pair("b", "Water Convention", "1992"),
             Pair("c", "Watercourses Convention", "1997")]
    q = Matching(id="m", prompt="Match each event with the year the cited paragraph gives for it.",
                 explanation=quote(P3), source=src, pairs=pairs, distractors=[Distractor("x", "1980")])
    assert C.check_ordering(q, IDX) is None
    assert C.check_key_in_source(q, IDX) is None
    q.pairs = [Pair("a", "Helsinki Rules", "1992"), Pair("b", "Water Convention", "1966"), pairs[2]]
    assert C.check_ordering(q, IDX) == "a year does not match its event in the cited paragraph"


# ---------------------------------------------------------------- quiz level


def test_duplicates():
    a = tf(S2, True, S2, qid="a")
    b = single("The World Meteorological Organization (WMO) was founded in ___ and issues drought bulletins every month.",
               "1950", ["1948", "1955", "1960"])
    c = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.", ["1996"])
    assert C.check_duplicates([a, c]) == []
    assert C.check_duplicates([a, b]) == ["q2: nearly the same question as a"]
    assert C.check_duplicates([c, c]) == ["q1: the id is used twice", "q1: nearly the same question as q1"]


def test_positions():
    def sq(qid, pos):
        opts = [Option("abcd"[i], f"{1950 + i}", i == pos) for i in range(4)]
        return SingleChoice(id=qid, prompt="p", explanation="e", source=SRC2, options=opts)

    assert C.check_positions([sq("a", 0), sq("b", 1), sq("c", 2)]) == []
    assert C.check_positions([sq("a", 0), sq("b", 0), sq("c", 2)]) == [
        "position 1 holds the answer in 2 of 3 choice questions (more than 40%)"
    ]


def test_check_quiz_reports_by_question_id():
    good = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.", ["1996"])
    bad = fill("It was founded in ___ to support integrated water management.", ["1996"])
    bad.id = "q9"
    quiz = Quiz("z", "m", "t", "practice", 70, [good, bad])
    problems = C.check_quiz(quiz, CORPUS)
    assert problems[0] == "q9: the prompt with the key in the blank is not a sentence of the cited paragraph"
    assert "q9: the prompt does not stand on its own (it starts with a pronoun or a short name defined elsewhere)" in problems
    assert not [p for p in problems if p.startswith("q1:")]


def test_same_question_across_quizzes():
    cloze = fill("The Global Water Partnership (GWP) was founded in ___ to support integrated water management.",
                 ["1996"])
    statement = tf(S1, True, S1, src=SRC1, qid="t1")
    other = single("The World Meteorological Organization (WMO) was founded in ___ and issues drought bulletins "
                   "every month.", "1950", ["1948", "1955", "1960"])
    assert C.same_question(statement, cloze)  # one sentence: the statement gives the cloze's answer
    assert not C.same_question(other, cloze)
    src = SourceRef("water", "3")
    order = Ordering(id="o", prompt="Put these events in chronological order.", explanation=quote(P3), source=src,
                     items=[Item("a", "Helsinki Rules"), Item("b", "Water Convention")])
    match = Matching(id="m", prompt="Match each event with the year the cited paragraph gives for it.",
                     explanation=quote(P3), source=src,
                     pairs=[Pair("a", "Helsinki Rules", "1966"), Pair("b", "Water Convention", "1992")])
    assert C.same_question(match, order)  # the years give the order away
    assert not C.same_question(match, cloze)
    assert C.check_no_overlap([other, statement], [cloze]) == ["t1: asks what q1 asks"]


def test_a_question_on_a_sentence_an_ordering_uses_asks_the_same():
    src = SourceRef("water", "3")
    order = Ordering(id="o", prompt="Put these events in chronological order.", explanation=quote(P3), source=src,
                     items=[Item("a", "Helsinki Rules"), Item("b", "Water Convention")])
    cloze = single("The most important texts are the Helsinki Rules of 1966, the ___ of 1992 and the Watercourses "
                   "Convention of 1997.", "Water Convention", ["Rhine Treaty", "Nile Accord", "Dublin Statement"],
                   src=src, sentence=P3)
    assert C.same_question(cloze, order) and C.same_question(order, cloze)
    assert not C.same_question(tf(S1, True, S1, src=SRC1), order)
