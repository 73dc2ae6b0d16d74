from courseforge.generate.propose import _cased, _casing, module_count, propose_plan

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
