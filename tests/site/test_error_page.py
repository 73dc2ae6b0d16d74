from courseforge.diagnostics import Diagnostic
from courseforge.site.error_page import error_page


def test_error_page_names_file_line_and_message_and_escapes_them():
    html = error_page([Diagnostic("quizzes/a<b>.yml", 12, 3, "unknown field 'x' <script>"),
                       Diagnostic("mkdocs.yml", 0, 0, "missing")])
    assert "<code>quizzes/a&lt;b&gt;.yml:12</code> unknown field &#x27;x&#x27; &lt;script&gt;" in html
    assert "<code>mkdocs.yml</code> missing" in html  # no line 0
    assert "<script" not in html and html.rstrip().endswith("</html>") and "</body>" in html
