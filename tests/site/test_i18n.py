"""The interface speaks the theme's language: English and French."""

from courseforge.site import i18n


def test_language_of_theme_setting():
    assert i18n.language_of("fr") == "fr"
    assert i18n.language_of("fr-CA") == "fr"
    assert i18n.language_of("fr_FR") == "fr"
    assert i18n.language_of("de") == "en"
    assert i18n.language_of(None) == "en"


def test_french_is_complete_and_keeps_placeholders():
    assert set(i18n.FR) == set(i18n.EN)
    for key, text in i18n.EN.items():
        assert sorted(__import__("re").findall(r"\{\w+\}", text)) == sorted(__import__("re").findall(r"\{\w+\}", i18n.FR[key])), key


def test_js_strings_are_the_runtime_subset():
    js = i18n.js_strings("fr")
    assert set(js) == set(i18n.JS_KEYS)
    assert js["correct"] == "Bonne réponse."
    assert i18n.strings("de")["check"] == "Check answer"
