"""How a quiz's questions were chosen: what question drafting returns and ``generate`` reports.

Drafting returns these values with the questions, and the course build hands
them on in each module's draft to the command that prints them; nothing
keeps them anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GenerationStats:
    tried: int = 0  # candidates built
    passed: int = 0  # candidates that passed every check
    selected: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # reason -> count
    given: int = 0  # kept, then given to the final assessment (see generate.build)
    left_out: dict[str, int] = field(default_factory=dict)  # passed every check, not chosen: reason -> count

    def summary(self, top: int = 3) -> str:
        """One line for the trainer: how many drafts were made and why the others were left out."""
        line = (f"{self.tried} candidate questions drafted, {self.passed} passed every check, "
                f"{self.selected} kept")
        if self.given:
            line += f" ({self.given} of them moved to the final assessment)"
        if self.left_out:
            line += "; left out: " + "; ".join(
                f"{n} × {reason}" for reason, n in sorted(self.left_out.items(), key=lambda kv: (-kv[1], kv[0])))
        if self.rejected:
            worst = sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            line += "; rejected: " + "; ".join(f"{n} × {reason}" for reason, n in worst)
            if len(self.rejected) > top:
                line += f"; {sum(n for _, n in sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))[top:])} for other reasons"
        return line


@dataclass
class Drafted:
    """The questions drafted for one quiz, and how they were chosen."""

    questions: list
    stats: GenerationStats = field(default_factory=GenerationStats)
