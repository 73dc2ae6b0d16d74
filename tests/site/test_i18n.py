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


def test_french_strings_put_a_no_break_space_before_high_punctuation():
    import re

    from courseforge.site.i18n import FR
    for key, text in FR.items():
        # ':' after a no-break space, ';' '?' '!' after a narrow one; never a plain space before any of them.
        assert not re.search(r"[ \t][:;?!»%]|«[ \t]", text), key
        assert not re.search(r"[^\u00a0]:(?=\s)", text), key
        assert not re.search(r"[^\u202f][;?!](?=\s|$)", text), key


def test_counts_choose_their_plural_form_as_the_browser_does():
    from courseforge.site.i18n import plural, strings
    en, fr = strings("en"), strings("fr")
    assert plural(en, "progress_text", 1, "en") == "{done} of {total} module quiz completed"
    assert plural(en, "progress_text", 0, "en") == plural(en, "progress_text", 2, "en")
    assert plural(fr, "progress_text", 0, "fr") == plural(fr, "progress_text", 1, "fr") != plural(fr, "progress_text", 2, "fr")
