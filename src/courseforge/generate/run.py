"""The generate command's work, with I/O at the edges: load, build, write, report."""

from __future__ import annotations

from dataclasses import dataclass

from ..course import CourseInfo
from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from ..sources.stable import record_paragraphs
from .pages import plural
from .build import GeneratedCourse, Toolkit, build_course, default_toolkit
from .plan import CoursePlan, load_plan, write_proposed_plan
from .propose import propose_course
from .write import DRAFTS_DIR, LOCK_PATH, Plan, apply_writes, plan_writes


@dataclass
class Result:
    course: GeneratedCourse
    plan: CoursePlan
    writes: Plan
    dry_run: bool
    documents: int
    warnings: list[Diagnostic]
    auto: bool = False
    plan_file: tuple[str, bool] | None = None  # where a proposed plan was written, and whether it is course.yml

    def report(self) -> list[str]:
        """Plain-words lines for the trainer."""
        w, lines = self.writes, []
        n_mod = sum(1 for m in self.course.modules if not m.assessment)
        n_q = sum(len(m.quiz.questions) for m in self.course.modules)
        if not self.plan.proposed:
            source = "from the plan in course.yml"
        elif self.auto:
            source = "proposed from the documents (--auto; the plan in course.yml was not used)"
        else:
            source = "proposed from the documents (course.yml lists no modules)"
        lines.append(f"{'Would generate' if self.dry_run else 'Generated'} {plural(n_mod, 'module')} {source}, "
                     f"{plural(n_q, 'quiz question')}, from {plural(self.documents, 'document')}.")
        for m in self.course.modules:
            types = sorted({q.type for q in m.quiz.questions})
            quiz = f"{plural(len(m.quiz.questions), 'question')} ({', '.join(types)})" if types else "no quiz"
            lines.append(f"  {m.id}: {m.plan.title} — {quiz}, about {m.minutes} min")
            if m.stats is not None and m.stats.tried:
                lines.append(f"      {m.stats.summary()}")
        verb = (lambda now, would: would if self.dry_run else now)
        for rel in w.created:
            lines.append(f"{verb('created', 'would create')}  {rel}")
        for rel in w.updated:
            lines.append(f"{verb('updated', 'would update')}  {rel}")
        for rel in w.removed:
            lines.append(f"{verb('removed', 'would remove')}  {rel} (no longer in the course; you had not edited it)")
        for rel in w.replaced:
            lines.append(f"{verb('replaced', 'would replace')} {rel} — you had edited it; "
                         f"your version {verb('is saved', 'would be saved')} in {w.backups[rel]}")
        for rel in w.kept:
            lines.append(f"kept      {rel} — you edited it, so it was not overwritten. The new draft "
                         f"{verb('is', 'would be')} in {DRAFTS_DIR}/{rel}; compare them, or run "
                         "'courseforge generate --force' to replace your version.")
        for rel in w.kept_stale:
            lines.append(f"kept      {rel} — it is no longer part of the generated course, but you edited it, "
                         "so it was left in place. Delete it yourself if you do not need it.")
        if w.unchanged:
            lines.append(f"{len(w.unchanged)} file{'s' if len(w.unchanged) != 1 else ''} already up to date.")
        if self.plan_file:
            rel, in_course = self.plan_file
            lines.append(f"Wrote the proposed modules to {rel}: edit their titles and topics, then run "
                         "'courseforge generate' again." if in_course else
                         f"Wrote the proposed modules to {rel}; your plan in course.yml was kept (copy the "
                         "modules you want from that file).")
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        elif w.changes or w.kept:
            lines.append(f"Recorded what was written in {LOCK_PATH}; commit it together with modules/ and quizzes/.")
        return lines


def load_inputs(project: Project, *, auto: bool = False):
    from ..sources.ingest import load_corpus

    corpus, diags = load_corpus(project.seeds_dir, project.root)
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise CourseError(errors)
    if not corpus.documents:
        raise CourseError(Diagnostic(project.rel(project.sources_file), 0, 0,
                                     "lists no documents; add at least one .txt or .md file to seeds/ and list it here"))
    plan = None if auto else load_plan(project)
    return corpus, plan, [d for d in diags if d.severity != "error"]


def generate(project: Project, info: CourseInfo, *, auto: bool = False, dry_run: bool = False,
             force: bool = False, final_assessment: bool = True, tools: Toolkit | None = None) -> Result:
    corpus, plan, warnings = load_inputs(project, auto=auto)
    tools = tools or default_toolkit()
    if plan is None:
        plan, course = propose_course(
            corpus, lambda p: build_course(corpus, info, p, tools, final_assessment=final_assessment),
            title=info.title, description=info.description)
    else:
        course = build_course(corpus, info, plan, tools, final_assessment=final_assessment)
    writes, new_lock = plan_writes(project.root, course.files, force=force)
    plan_file = None
    if not dry_run:
        apply_writes(project.root, course.files, writes, new_lock)
        record_paragraphs(project.root, corpus.documents)  # so later edits to the seeds keep these ids
        if plan.proposed and plan.modules:
            plan_file = write_proposed_plan(project, plan)
    return Result(course=course, plan=plan, writes=writes, dry_run=dry_run, documents=len(corpus.documents),
                  warnings=warnings + course.warnings, auto=auto, plan_file=plan_file)
