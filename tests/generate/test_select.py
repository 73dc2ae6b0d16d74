from courseforge.generate.plan import ModulePlan
from courseforge.generate.select import BM25, select_passages

from gen_standins import simple_corpus

FILL = " This sentence adds ordinary words so that the paragraph is long enough to be a reading passage."


def corpus():
    return simple_corpus({
        "a": ["Coral reefs bleach when ocean water warms; coral bleaching kills reefs." + FILL,
              "Fishing quotas limit catches; quotas and fishing licences protect fish stocks." + FILL,
              "Short heading"],
        "b": ["Marine protected areas help coral reefs recover from bleaching." + FILL,
              "Plastic pollution reaches every ocean and harms seabirds and turtles." + FILL],
        "c": ["The committee met twice and approved its budget and its minutes." + FILL],
    })


MODULES = (
    ModulePlan("reefs", "Coral reefs", ("coral bleaching", "reef recovery"), 1),
    ModulePlan("fish", "Fisheries", ("fishing quotas", "fish stocks"), 2),
)


def test_bm25_prefers_the_paragraph_with_more_query_terms():
    index = BM25([["coral", "reef"], ["coral"], ["fish"]])
    s = index.scores(["coral", "reef"])
    assert s[0] > s[1] > 0 and 2 not in s


def test_each_module_gets_its_best_paragraphs_and_no_paragraph_twice():
    out = select_passages(corpus(), MODULES, min_per_module=1)
    reefs = [(p.doc, p.para.id) for p in out["01-reefs"]]
    fish = [(p.doc, p.para.id) for p in out["02-fish"]]
    assert reefs[:2] == [("a", "1"), ("b", "1")]
    assert fish[0] == ("a", "2")
    assert not set(reefs) & set(fish)
    # short paragraphs are never chosen
    assert ("a", "3") not in reefs + fish


def test_every_document_feeds_a_module():
    out = select_passages(corpus(), MODULES, min_per_module=1)
    used = {p.doc for ps in out.values() for p in ps}
    assert used == {"a", "b", "c"}  # "c" matches no topic but still gets a place


def test_cap_limits_passages_per_module():
    out = select_passages(corpus(), MODULES, cap=1, min_per_module=1)
    assert len(out["01-reefs"]) <= 2  # cap 1, plus possibly a document no module took
    assert out["01-reefs"][0].para.id == "1" and out["01-reefs"][0].doc == "a"


def test_deterministic():
    a = select_passages(corpus(), MODULES)
    b = select_passages(corpus(), MODULES)
    assert {k: [(p.doc, p.para.id, p.score) for p in v] for k, v in a.items()} == \
           {k: [(p.doc, p.para.id, p.score) for p in v] for k, v in b.items()}


def test_a_module_does_not_take_the_same_text_twice():
    text = "Coral bleaching kills reefs when ocean water warms." + FILL
    c = simple_corpus({"a": [text, text.replace("kills", "destroys")],
                       "b": ["Reef recovery after coral bleaching takes a decade." + FILL]})
    out = select_passages(c, MODULES[:1], min_per_module=1)
    assert sorted((p.doc, p.para.id) for p in out["01-reefs"]) == [("a", "1"), ("b", "1")]
