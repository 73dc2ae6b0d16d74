from courseforge.generate.propose import _cased, _casing, capacity, module_count, propose_plan

from gen_standins import simple_corpus

FILL = " Researchers collected observations over several seasons and compared the results carefully."


def test_clusters_documents_by_topic_with_readable_titles():
    reefs = [f"Coral reefs suffer bleaching when sea temperatures rise; coral polyps expel algae {i}." + FILL
             for i in range(6)]
    bees = [f"Honey bees pollinate crops; bee colonies collapse when pesticides spread in hives {i}." + FILL
            for i in range(6)]
    corpus = simple_corpus({"reefs": reefs, "bees": bees})
    plan = propose_plan(corpus, title="Nature")
    assert plan.proposed and plan.title == "Nature"
    assert len(plan.modules) == 2
    first, second = plan.modules
    assert first.id.startswith("01-") and second.id.startswith("02-")
    assert "coral" in " ".join(first.topics).lower()
    assert "bee" in " ".join(second.topics).lower()
    assert propose_plan(corpus) == propose_plan(corpus)


def test_module_count_grows_with_the_corpus():
    assert module_count(5) == 1
    assert module_count(20) == 3
    assert module_count(150) == 8


def test_topics_keep_the_documents_casing_of_names_and_acronyms():
    casing = _casing(["UNITAR trains diplomats. The United Nations met. Population Division staff counted the "
                      "population, the population grew and population data improved."])
    assert _cased("unitar training", casing) == "UNITAR training"
    assert _cased("united nations", casing) == "United Nations"
    assert _cased("small population", casing) == "small population"


def test_capacity_counts_sentences_a_question_can_use():
    assert capacity("The Reef Council (RC) was founded in 1994 by eight governments to protect reefs. "
                    "It grew fast. Reefs shelter many species of fish and other animals in warm seas.") == (2, 1)


def test_a_topic_too_thin_for_a_quiz_joins_the_nearest_module():
    reefs = [f"The Reef Council {i} reported in {1990 + i} that coral reefs suffer bleaching when sea "
             f"temperatures rise. Coral polyps expel their algae and the reef turns white within weeks." + FILL
             for i in range(10)]
    bees = ["Honey bees pollinate crops across farms. Bee colonies collapse when pesticides spread in hives."]
    thin = simple_corpus({"reefs": reefs, "bees": bees * 2})
    assert module_count(12) == 2
    plan = propose_plan(thin)
    assert len(plan.modules) == 1  # two bee paragraphs cannot carry a quiz of 8 questions
    rich = simple_corpus({"reefs": reefs, "bees": [b.replace("hives.", f"hives {i}.") + FILL for i, b in
                                                   enumerate(bees * 10)]})
    assert len(propose_plan(rich).modules) == 2


def test_proposed_topics_are_phrases_as_the_documents_write_them():
    from courseforge.generate.propose import _VERBS, _written

    paras = ["The Council of Ministers adopts the budget.", "The Council of Ministers meets once a year."]
    assert _written("Council Ministers", paras) == "Council of Ministers"
    assert _written("planned measure", paras) == "planned measure"  # not in these paragraphs: kept as it is
    assert "recommends" in _VERBS  # "Office recommends" is half a clause, never a topic
