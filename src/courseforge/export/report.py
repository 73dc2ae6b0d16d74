"""What an export could not carry over, and how the export command reports it.

Every writer returns its notes beside its output. Each note has a *level*:

- ``skipped``: the question is not in the output at all;
- ``check``: the question is there but scores or reads differently (a rule the
  format cannot hold, distractors left out, a mark reset to 1);
- ``omitted``: something that does not change the score is left out (hints);
- ``setting``: a quiz setting to set again in the LMS (pass mark, mode).

and a *kind* (``"hints"``) with a *summary* for the whole kind, so that
:func:`report_lines` can print one line for 84 questions without hints and
still name, first, every question that was skipped or changed.
"""

from __future__ import annotations

from dataclasses import dataclass

SKIPPED, CHECK, OMITTED, SETTING = "skipped", "check", "omitted", "setting"
LEVELS = (SKIPPED, CHECK, OMITTED, SETTING)
NAMED_ONE_BY_ONE = 3  # a changed kind with more questions than this gets one line naming them all


@dataclass(frozen=True)
class Note:
    quiz: str
    question: str | None  # None when the note concerns the whole quiz
    message: str
    skipped: bool = False  # the question is not in the output at all
    kind: str = ""  # what is lost, the same words for every note of its kind: "hints"
    summary: str = ""  # the kind in one line; "{count}" becomes "84 questions"
    level: str = CHECK

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def where(self) -> str:
        return f"{self.quiz}/{self.question}" if self.question else self.quiz


class Notes(list):
    """A list of :class:`Note` with a shortcut for adding one."""

    def add(self, quiz: str, question: str | None, message: str, skipped: bool = False, *,
            kind: str = "", summary: str = "", level: str | None = None) -> None:
        level = SKIPPED if skipped else (level or (SETTING if question is None else CHECK))
        assert level in LEVELS, level
        self.append(Note(quiz, question, message, skipped, kind, summary, level))

    def skipped(self) -> set[tuple[str, str]]:
        return {(n.quiz, n.question) for n in self if n.skipped and n.question}


def _count(notes: list[Note]) -> str:
    questions = {(n.quiz, n.question) for n in notes if n.question}
    quizzes = {n.quiz for n in notes if not n.question}
    parts = []
    if questions:
        parts.append(f"{len(questions)} question{'s' if len(questions) != 1 else ''}")
    if quizzes:
        parts.append(f"{len(quizzes)} quiz{'zes' if len(quizzes) != 1 else ''}")
    return " and ".join(parts)


def _by_kind(notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """Notes grouped by kind, in the order each kind first appears; a note without a kind stands alone."""
    groups: dict[str, list[Note]] = {}
    for i, n in enumerate(notes):
        groups.setdefault(n.kind if n.kind and n.summary else f"\0{i}", []).append(n)
    return [(k, g) for k, g in groups.items()]


def _summary(kind: str, group: list[Note]) -> str:
    return f"{kind}: {group[0].summary.replace('{count}', _count(group))}"


def report_lines(notes: list[Note]) -> list[str]:
    """What the export command prints under its "Wrote ..." line: the real losses first, named one
    by one; then what was left out or must be set in the LMS, one line per kind."""
    lines: list[str] = []
    skipped = [n for n in notes if n.level == SKIPPED]
    if skipped:
        lines.append(f"Skipped — not in the export ({_count(skipped)}):")
        lines += [f"  {n}" for n in skipped]
    changed = [n for n in notes if n.level == CHECK]
    if changed:
        lines.append(f"Changed — check these in the LMS ({_count(changed)}):")
        for kind, group in _by_kind(changed):
            if kind.startswith("\0") or len(group) <= NAMED_ONE_BY_ONE:
                lines += [f"  {n}" for n in group]
            else:
                lines.append(f"  {_summary(kind, group)} — {', '.join(n.where for n in group)}")
    rest = [n for n in notes if n.level in (OMITTED, SETTING)]
    if rest:
        lines.append("Not carried over, by kind:")
        for kind, group in _by_kind(rest):
            lines += [f"  {n}" for n in group] if kind.startswith("\0") else [f"  {_summary(kind, group)}"]
    return lines
