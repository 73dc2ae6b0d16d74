import markdown
import pytest

from courseforge.markers import QUIZ, SLOT, placed, quiz_marker, quiz_markers, replace_placed, slot_marker


def test_markers_written_are_the_markers_read():
    text = f"# Page\n\n{quiz_marker('q-one')}\n\nSee <!--quiz:q-two--> inline and <!--  quiz:   -->\n"
    assert quiz_markers(text) == [("q-one", 3, 1), ("q-two", 5, 5), ("", 5, 34)]
    assert quiz_markers(text, first_line=10)[0] == ("q-one", 12, 1)
    assert quiz_markers("no comment here") == []
    # the same pattern finds them in rendered HTML, where Markdown keeps comments as they are
    assert QUIZ.findall(f"<p>{quiz_marker('q-one')}</p>") == ["q-one"]
    assert SLOT.findall(slot_marker("01-intro")) == ["01-intro"]


# A page with markers where a reader can go wrong: in code (examples of markers, not markers),
# with odd spacing, naming an unknown quiz, in a list item, after a fence that never closes.
TRICKY = """# Page

Write `<!-- quiz: in-span -->` on a line of its own to place a quiz.

```
<!-- quiz: in-backtick-fence -->
```

~~~~ yaml
~~~
<!-- quiz: in-tilde-fence -->
~~~~

An example:

    <!-- quiz: in-indented-code -->

<!--quiz:odd-spacing-->

Text <!--   quiz:   inline   --> in a paragraph.

- a list item

    <!-- quiz: in-list-item -->

<!-- quiz: unknown-id -->
"""
REAL = ["odd-spacing", "inline", "in-list-item", "unknown-id"]


def test_quiz_markers_are_those_outside_code():
    assert [qid for qid, _, _ in quiz_markers(TRICKY)] == REAL
    assert quiz_markers(TRICKY)[0] == ("odd-spacing", 18, 1)
    assert quiz_markers("```\n<!-- quiz: a -->\n") == []  # an unclosed fence runs to the end


@pytest.mark.parametrize("extensions", [
    ["admonition", "attr_list", "md_in_html", "footnotes", "tables", "toc"],  # the shipped mkdocs.yml
    ["fenced_code", "attr_list", "md_in_html"],
    ["pymdownx.superfences", "attr_list", "md_in_html"],
])
def test_the_build_places_exactly_the_markers_the_checker_sees(extensions):
    # check reads quiz_markers from the source; the build places markers.placed in the HTML
    # Markdown makes of it. Whatever the site's Markdown does with the fences, they agree.
    html = markdown.Markdown(extensions=extensions).convert(TRICKY)
    ids = [qid for qid, _, _ in quiz_markers(TRICKY)]
    assert [m.group(1) for m in placed(html, ids)] == REAL
    placed_html = replace_placed(html, ids, lambda m: f"[{m.group(1)}]")
    assert all(f"[{qid}]" in placed_html for qid in REAL)
    assert "in-span" in placed_html and "[in-" not in placed_html.replace("[in-list-item]", "")
