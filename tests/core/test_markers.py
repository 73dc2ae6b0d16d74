from courseforge.markers import QUIZ, quiz_marker, quiz_markers, slot_marker, SLOT


def test_markers_written_are_the_markers_read():
    text = f"# Page\n\n{quiz_marker('q-one')}\n\nSee <!--quiz:q-two--> inline and <!--  quiz:   -->\n"
    assert quiz_markers(text) == [("q-one", 3, 1), ("q-two", 5, 5), ("", 5, 34)]
    assert quiz_markers(text, first_line=10)[0] == ("q-one", 12, 1)
    assert quiz_markers("no comment here") == []
    # the same pattern finds them in rendered HTML, where Markdown keeps comments as they are
    assert QUIZ.findall(f"<p>{quiz_marker('q-one')}</p>") == ["q-one"]
    assert SLOT.findall(slot_marker("01-intro")) == ["01-intro"]
