"""Seeds and plan in, course files out: the generator's pure core.

:func:`build_course` returns ``{relative path: text}`` for every file under
modules/ and quizzes/; writing them (and protecting trainers' edits) is
:mod:`courseforge.generate.write`'s job. Nothing here reads the clock or
depends on set or dict iteration order, so the same inputs always give the
same bytes.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass
from typing import Any, Callable

from ..course import CourseInfo
from ..diagnostics import Diagnostic
from ..quiz.model import Quiz
from ..sources.model import Corpus
from ..sources.stable import fingerprint
from .facts import collect_facts
from .pages import (
    ModuleDraft,
    plural,
    assessment_page,
    estimate_minutes,
    glossary_page,
    home_page,
    module_facts,
    module_page,
    sources_page,
    timeline_page,
)
from .plan import CoursePlan, ModulePlan
from .select import Passage, Retriever, select_passages
from .stats import Drafted, GenerationStats

QUESTIONS_PER_MODULE = 10
MIN_QUESTIONS = 8  # a module quiz with fewer is flagged
MIN_TYPES = 3
MIN_PROPOSED = 5  # a module proposed from the documents has a quiz of at least this many questions
NEAR_SAME = 90  # rapidfuzz token-set ratio above which two prompts ask the same thing
EXTRA_PASSAGES = 16
# A quiz is drafted from at most this many of its module's best passages: on a
# large corpus the passages that only make sure every document is read would
# otherwise make question drafting grow faster than the corpus.
QUESTION_POOL = 24  # at most this many more paragraphs for a thin quiz
PASS_MARK = 70
FINAL_ID = "final-assessment"


@dataclass(frozen=True)
class Toolkit:
    """The functions the generator calls from other parts of courseforge.

    Passed in rather than imported so tests can run the generator's own
    logic alone; :func:`default_toolkit` wires the real ones.
    """

    sentences: Callable[[str], list[str]]
    acronyms: Callable[[Corpus], Any]
    dated_events: Callable[[Corpus], Any]
    figures: Callable[[Corpus], Any]
    organizations: Callable[[Corpus], Any]
    generate_questions: Callable[..., Drafted]
    check_quiz: Callable[[Quiz, Corpus], list[str]]
    dump_quiz: Callable[[Quiz], str]


def default_toolkit() -> Toolkit:
    from ..quiz.dump import dump_quiz
    from . import extract, prose
    from .questions import check_quiz, generate_questions

    return Toolkit(
        sentences=prose.sentences,
        acronyms=extract.acronyms,
        dated_events=extract.dated_events,
        figures=extract.figures,
        organizations=extract.organizations,
        generate_questions=generate_questions,
        check_quiz=check_quiz,
        dump_quiz=dump_quiz,
    )


@dataclass
class GeneratedCourse:
    files: dict[str, str]  # "modules/01-x.md" -> text, sorted by path
    modules: list[ModuleDraft]
    warnings: list[Diagnostic]


def _score(qs: list) -> tuple[int, int]:
    return (min(len({q.type for q in qs}), MIN_TYPES), len(qs))


def enough(qs: list) -> bool:
    """Whether a quiz is full enough: at least MIN_QUESTIONS questions of MIN_TYPES types."""
    return len(qs) >= MIN_QUESTIONS and len({q.type for q in qs}) >= MIN_TYPES


_enough = enough


def _asked(q, others: list) -> bool:
    """Whether another quiz already asks this (same id, or nearly the same prompt)."""
    from rapidfuzz import fuzz

    return any(q.id == o.id or fuzz.token_set_ratio(q.prompt, o.prompt) >= NEAR_SAME for o in others)


def _questions(tools: Toolkit, passages: list[Passage], corpus: Corpus, module_id: str, count: int,
               avoid: list = ()) -> Drafted:
    kw = {"avoid": avoid} if avoid else {}
    drafted = tools.generate_questions([(p.doc, p.para) for p in passages], corpus,
                                       module_id=module_id, count=count, seed=module_id, **kw)
    return Drafted([_with_cited_text(q, corpus) for q in drafted.questions], drafted.stats)


def _with_cited_text(q, corpus: Corpus):
    """The question, its source recording what the cited paragraph says now,
    so that check can tell when the paragraph is later edited."""
    para = corpus.paragraph(q.source.doc, q.source.para)
    if para is not None and q.source.text != fingerprint(para.text):
        q = dataclasses.replace(q, source=dataclasses.replace(q.source, text=fingerprint(para.text)))
    return q


def _quiz(module_id: str, quiz_id: str, title: str, questions: list, *, mode: str, description: str) -> Quiz:
    return Quiz(id=quiz_id, module=module_id, title=title, mode=mode, pass_mark=PASS_MARK,
                questions=list(questions), description=description)


def build_course(
    corpus: Corpus,
    info: CourseInfo,
    plan: CoursePlan,
    tools: Toolkit,
    *,
    questions_per_module: int = QUESTIONS_PER_MODULE,
    final_assessment: bool = True,
) -> GeneratedCourse:
    warnings: list[Diagnostic] = []
    modules = list(plan.modules)
    retriever = Retriever(corpus)
    selected = select_passages(corpus, modules, retriever=retriever)
    facts = collect_facts(corpus, tools)
    quizzes: dict[str, Drafted] = {}
    for m in modules:
        passages = selected[m.id]
        if not passages:
            warnings.append(Diagnostic("course.yml", m.line, 0,
                                       f"module '{m.title}': no paragraph of the documents matches its topics; "
                                       "add topic phrases the documents use"))
        quizzes[m.id] = _questions(tools, passages[:QUESTION_POOL], corpus, m.id, questions_per_module)
    # A module whose own passages gave too thin a quiz may also draw on other
    # paragraphs that match its topics: first those no other quiz cites, then
    # any, dropping questions another quiz already asks. A wider quiz is kept
    # only if it is better and passes every quiz check.
    for m in modules:
        qs = quizzes[m.id]
        if _enough(qs.questions):
            continue
        others = [q for k, other in quizzes.items() if k != m.id for q in other.questions]
        cited_elsewhere = {(q.source.doc, q.source.para) for q in others}
        own = {(p.doc, p.para.id) for p in selected[m.id]}
        ranked = [p for p in retriever.ranked(m) if (p.doc, p.para.id) not in own]
        fresh = [p for p in ranked if (p.doc, p.para.id) not in cited_elsewhere]
        # bounded, so a large corpus does not make the question pool grow
        for extra in (fresh[:EXTRA_PASSAGES], ranked[:EXTRA_PASSAGES]):
            # questions another quiz already asks are left out before selection, so others fill their place
            drafted = _questions(tools, selected[m.id][:QUESTION_POOL] + extra, corpus, m.id,
                                 questions_per_module, avoid=others)
            wider = Drafted([q for q in drafted.questions if not _asked(q, others)], drafted.stats)
            if _score(wider.questions) > _score(qs.questions) and not tools.check_quiz(
                    _quiz(m.id, m.id, m.title, wider.questions, mode="practice", description=""), corpus):
                qs = quizzes[m.id] = wider
            if _enough(qs.questions):
                break
    drafts: list[ModuleDraft] = []
    for m in modules:
        passages = selected[m.id]
        quiz = _quiz(m.id, m.id, f"Quiz: {m.title}", quizzes[m.id].questions, mode="practice",
                     description="Every question names the paragraph it comes from: follow the link to read "
                                 "the answer in context. Retake the quiz as often as you like.")
        figures, events, actors = module_facts(passages, facts)
        drafts.append(ModuleDraft(plan=m, passages=passages, quiz=quiz, figures=figures, events=events, actors=actors,
                                  standalone=facts.standalone, stats=quizzes[m.id].stats))
    if final_assessment and drafts:
        final = _final(drafts, corpus, tools, questions_per_module)
        if not _enough(final.quiz.questions):
            _share_with_final(final, drafts, corpus, tools)
        if _enough(final.quiz.questions):
            drafts.append(final)
        else:
            warnings.append(Diagnostic("course.yml", 0, 0,
                                       f"no final assessment: only {plural(len(final.quiz.questions), 'question')} "
                                       f"of {plural(len({q.type for q in final.quiz.questions}), 'type')} passed the "
                                       f"checks (it needs {MIN_QUESTIONS} of {MIN_TYPES} types); more documents "
                                       "would give it more",
                                       severity="warning"))
    for d in drafts:
        m, quiz = d.plan, d.quiz
        if d.assessment:
            pass
        elif not quiz.questions:
            warnings.append(Diagnostic("course.yml", m.line, 0,
                                       f"module '{m.title}': no quiz question passed the checks, so the module has "
                                       "no quiz; add topic phrases or documents on it", severity="warning"))
        elif len(quiz.questions) < MIN_QUESTIONS:
            given = f", after giving {d.stats.given} to the final assessment" if d.stats and d.stats.given else ""
            warnings.append(Diagnostic("course.yml", m.line, 0,
                                       f"module '{m.title}': only {len(quiz.questions)} quiz questions{given} "
                                       f"(aim: {MIN_QUESTIONS}){_thin_because(d.stats)}", severity="warning"))
    for d in drafts:
        d.minutes = estimate_minutes(d, corpus, tools.sentences)
        for problem in tools.check_quiz(d.quiz, corpus):
            warnings.append(Diagnostic(f"quizzes/{d.quiz.id}.yml", 0, 0, problem, severity="warning"))
    total = len(drafts)
    files: dict[str, str] = {}
    lessons = [d for d in drafts if not d.assessment]
    for d in drafts:
        page = (assessment_page(d, corpus, total, lessons) if d.assessment
                else module_page(d, corpus, total, tools.sentences))
        files[f"modules/{d.id}.md"] = page
        if d.quiz.questions:
            files[f"quizzes/{d.quiz.id}.yml"] = tools.dump_quiz(d.quiz)
    files["modules/index.md"] = home_page(info, drafts, corpus, tools.sentences, glossary=bool(facts.terms),
                                          timeline=bool(facts.events))
    files["modules/glossary.md"] = glossary_page(facts.terms, corpus)
    files["modules/timeline.md"] = timeline_page(facts.events, corpus)
    files["modules/sources.md"] = sources_page(corpus)
    return GeneratedCourse(files=dict(sorted(files.items())), modules=drafts, warnings=warnings)


def _thin_because(stats: GenerationStats | None) -> str:
    """Why a quiz is thin, when its drafts say: most of what passed were true/false statements."""
    from .questions.select import LEFT_TRUE_FALSE

    held = (stats.left_out or {}).get(LEFT_TRUE_FALSE, 0) if stats else 0
    if held:
        return (f": most drafts that passed the checks were true/false statements ({held} left out, as true/false "
                "is at most a third of a quiz); add documents on it with figures, dates, names, definitions or lists")
    return ": few of its drafts passed the checks; add topic phrases or documents on it"


MIN_PRACTICE = 2  # a practice quiz gives questions to a thin final assessment down to this many


def _share_with_final(final: ModuleDraft, drafts: list[ModuleDraft], corpus: Corpus, tools: Toolkit) -> None:
    """Where the documents are too thin for both, practice quizzes give the
    final assessment some of their questions (never true/false, which the
    assessment holds to a third), the fullest quiz first, each keeping at
    least MIN_PRACTICE: a course keeps a graded assessment, and no question is
    in both (practice keys reach the browser). Nothing moves unless the
    assessment then has enough."""
    from .questions.checks import (check_distractor_is_other_key, check_duplicates, check_repeated_keys,
                                   check_true_false_share)
    from .questions.select import place_keys

    given: dict[str, list] = {d.id: list(d.quiz.questions) for d in drafts}
    final_qs = list(final.quiz.questions)
    moved: list = []
    while not _enough(final_qs):
        have = {q.type for q in final_qs}
        offer = None
        for d in sorted(drafts, key=lambda d: (-len(given[d.id]), d.plan.order)):
            qs = given[d.id]
            if len(qs) <= MIN_PRACTICE:
                continue
            # the types the assessment lacks first, then the module's last question
            for q in sorted((q for q in qs if q.type != "true_false"), key=lambda q: (q.type in have, -qs.index(q))):
                rest = [x for x in qs if x is not q]
                if check_true_false_share(rest) or check_duplicates(final_qs + [q]) \
                        or check_repeated_keys(final_qs + [q]) or check_distractor_is_other_key(final_qs + [q]):
                    continue  # one answer twice in the assessment gives the second away
                offer = (d.id, q)
                break
            if offer:
                break
        if offer is None:
            return  # not enough to share: the course goes without an assessment, as the warning says
        given[offer[0]].remove(offer[1])
        final_qs.append(offer[1])
        moved.append(offer[1])
    if not moved:
        return
    for d in drafts:
        if len(given[d.id]) != len(d.quiz.questions):
            if d.stats is not None:
                d.stats = dataclasses.replace(d.stats, given=len(d.quiz.questions) - len(given[d.id]))
            d.quiz.questions = given[d.id]
            place_keys(d.quiz.questions, d.id)
    final.quiz.questions = final_qs
    place_keys(final.quiz.questions, final.id)


def _final(drafts: list[ModuleDraft], corpus: Corpus, tools: Toolkit, per_module: int) -> ModuleDraft:
    """A graded assessment over the whole course, on its own page after the modules.

    Practice quizzes carry their keys into the browser, so the assessment
    never asks what a practice question asks (same sentence, same events,
    near-duplicate prompt): it draws first on the module passages the
    practice quizzes did not cite (best of each module first, round-robin),
    then, if that is too thin, on the other sentences of cited passages and
    on paragraphs no module used."""
    order = len(drafts) + 1
    plan = ModulePlan(slug=FINAL_ID, title="Final assessment", topics=(), order=order)
    asked = [q for d in drafts for q in d.quiz.questions]
    cited = {(q.source.doc, q.source.para) for q in asked}
    pools = [[p for p in d.passages[:QUESTION_POOL] if (p.doc, p.para.id) not in cited] for d in drafts]
    passages: list[Passage] = []
    for i in range(max((len(p) for p in pools), default=0)):
        passages.extend(p[i] for p in pools if i < len(p))
    count = max(per_module, min(20, 2 * len(drafts)))
    qs = _questions(tools, passages, corpus, plan.id, count, avoid=asked)
    if not _enough(qs.questions) or len(qs.questions) < count:
        used = {(p.doc, p.para.id) for d in drafts for p in d.passages}
        again = [p for d in drafts for p in d.passages[:QUESTION_POOL] if (p.doc, p.para.id) in cited]
        # paragraphs no module used, in reading order; bounded so a large corpus stays fast
        unused = [Passage(doc.id, para, 0.0, i) for i, (doc, para) in enumerate(
            (doc, para) for doc in corpus.documents for para in doc.paragraphs)
            if (doc.id, para.id) not in used][: 2 * EXTRA_PASSAGES]
        wider = _questions(tools, passages + again + unused, corpus, plan.id, count, avoid=asked)
        if _score(wider.questions) > _score(qs.questions) and not tools.check_quiz(
                _quiz(plan.id, FINAL_ID, plan.title, wider.questions, mode="assessment", description=""), corpus):
            qs = wider
    quiz = _quiz(plan.id, FINAL_ID, "Final assessment", qs.questions, mode="assessment",
                 description="The graded assessment on the whole course. Answers are not shown: when you "
                             "submit, save the answer file and send it to your trainer.")
    return ModuleDraft(plan=plan, passages=passages, quiz=quiz, assessment=True, stats=qs.stats)
