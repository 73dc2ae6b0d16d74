"""Stand-ins for tests that exercise the generator's own logic alone.

``simple_corpus`` builds a Corpus without the sources loader, and
``fake_questions`` drafts real, valid quiz questions (verbatim cloze items
and true statements) from passages, so page, objective and lock tests do not
depend on the question generator's ranking.
"""

from __future__ import annotations

from courseforge.generate.stats import Drafted
from courseforge.quiz.model import FillBlank, Option, SingleChoice, SourceRef, TrueFalse
from courseforge.sources.model import Corpus, Document, Paragraph, Section, SourceEntry


def simple_corpus(docs: dict[str, list[str]], titles: dict[str, str] | None = None) -> Corpus:
    out = []
    for doc_id, paras in docs.items():
        entry = SourceEntry(doc_id, f"{doc_id}.txt", (titles or {}).get(doc_id, f"Document {doc_id}"),
                            "Test Issuer", "2020", "report")
        sec = Section("s1", "Main", [Paragraph(str(i), t, "s1", i) for i, t in enumerate(paras, start=1)])
        out.append(Document(entry, [sec]))
    return Corpus(out)


def fake_questions(passages, corpus, *, module_id, count=10, seed=0, avoid=()):
    qs = []
    avoided = {(q.source.doc, q.source.para) for q in avoid}
    passages = [(doc, para) for doc, para in passages if (doc, para.id) not in avoided]
    for n, (doc, para) in enumerate(passages):
        if len(qs) >= count:
            break
        words = para.text.split()
        key = max(words, key=lambda w: (len(w.strip(".,;")), w)).strip(".,;")
        src = SourceRef(doc, para.id)
        kind = n % 3
        qid = f"q{len(qs) + 1}"
        if kind == 0:
            qs.append(FillBlank(id=qid, prompt=para.text.replace(key, "___", 1), explanation=para.text,
                                source=src, answers=[key], bloom="remember"))
        elif kind == 1:
            qs.append(TrueFalse(id=qid, prompt=para.text, explanation=para.text, source=src, answer=True,
                                bloom="understand"))
        else:
            qs.append(SingleChoice(id=qid, prompt=f"Which word appears in: {para.text.replace(key, '___', 1)}",
                                   explanation=para.text, source=src, bloom="remember",
                                   options=[Option("a", key, True), Option("b", "zzzz", False)]))
    return Drafted(qs)


def no_problems(quiz, corpus):
    return []
