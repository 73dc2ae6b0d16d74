from courseforge.generate import prose


def test_sentences_split_and_cache():
    text = "The ILO was created in 1919. It has 187 member States, e.g. Chile and Peru. Remittances grew."
    assert prose.sentences(text) == [
        "The ILO was created in 1919.",
        "It has 187 member States, e.g. Chile and Peru.",
        "Remittances grew.",
    ]
    assert prose.sentences("A heading without a full stop") == ["A heading without a full stop"]


def test_self_contained_and_boilerplate():
    assert prose.self_contained("The World Bank finances water projects in many regions.")
    assert not prose.self_contained("The commission meets every spring in New York.")
    assert not prose.self_contained("Although it is not a UN agency it holds observer status.")
    assert not prose.self_contained("In 2012, UNITAR extended the same platform to the Chair.")
    assert not prose.self_contained("As a clearing house, by gathering and sharing information.")
    assert prose.self_contained("As a result, the Institute has trained 200 officials in 2012.")
    assert not prose.self_contained("It finances water projects in many regions.")
    assert not prose.self_contained("The Forum was held in Geneva in October.")
    assert not prose.self_contained("This note summarizes the debate of the Forum.")
    assert prose.is_boilerplate("See http://www.example.org for details.")
    assert prose.is_boilerplate("The report says so1 and more.")
    assert prose.is_boilerplate("ACTIVITIES OF THE INSTITUTE ON WATER")
    assert not prose.is_boilerplate("The Institute trains 200 water managers a year.")


def test_a_sentence_leans_back_on_a_pronoun_a_connective_or_a_bare_name():
    assert prose.leans_back("It finances water projects in many regions.")
    assert prose.leans_back("However, the Institute trains officials.")
    assert prose.leans_back("The Forum was held in Geneva in October.")
    assert prose.leans_back("Although it is not a UN agency it holds observer status.")
    assert not prose.leans_back("The World Bank finances water projects in many regions.")
    assert not prose.leans_back("The United Nations Institute trains officials.")  # a generic word, not a short name
    # "this" further on is not an opening that leans back, though the sentence is not self-contained
    assert not prose.leans_back("UNITAR extended this platform to the Chair.")
    assert not prose.self_contained("UNITAR extended this platform to the Chair.")
