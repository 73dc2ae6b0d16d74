"""The attempts policy: all kept, one graded."""

from __future__ import annotations

import pytest

from courseforge.grade.attempts import AttemptBook


def book_with(policy: str, attempts: list[tuple[float, float]]) -> AttemptBook:
    """attempts: (time, score) in reading order; marks are [score] so the chosen one can be seen."""
    book = AttemptBook(policy)
    for seq, (ts, score) in enumerate(attempts, 1):
        assert book.add("L1", "quiz", f"name {seq}", f"t{ts}", ts, seq, score, [score], [0])
    return book


# read out of time order on purpose: times 30, 10, 20 with scores 5, 8, 8
ATTEMPTS = [(30.0, 5.0), (10.0, 8.0), (20.0, 8.0)]


@pytest.mark.parametrize("policy, score, attempt, name", [
    ("best", 8.0, 2, "name 3"),   # tie between 8s: the later one (time 20) is attempt 2 of 3
    ("last", 5.0, 3, "name 1"),   # time 30
    ("first", 8.0, 1, "name 2"),  # time 10
])
def test_policies(policy, score, attempt, name):
    book = book_with(policy, ATTEMPTS)
    (e,) = book.graded()
    assert (e.score, e.attempt, e.attempts, e.name) == (score, attempt, 3, name)
    assert list(book.blocks["quiz"].marks) == [score]  # the graded attempt's marks are kept, no others


def test_best_strictly_higher_wins_even_if_earlier():
    book = book_with("best", [(10.0, 9.0), (20.0, 7.0)])
    (e,) = book.graded()
    assert (e.score, e.attempt) == (9.0, 1)


def test_same_time_twice_is_a_duplicate():
    book = AttemptBook("best")
    assert book.add("L1", "quiz", "A", "t", 10.0, 1, 5.0, [5.0], [0])
    assert not book.add("L1", "quiz", "A", "t", 10.0, 2, 5.0, [5.0], [0])
    (e,) = book.graded()
    assert e.attempts == 1


def test_undated_attempts_count_in_reading_order():
    book = book_with("last", [(0.0, 1.0), (0.0, 2.0)])
    (e,) = book.graded()
    assert (e.score, e.attempt) == (2.0, 2)


def test_learners_and_quizzes_are_separate_and_sorted():
    book = AttemptBook("best")
    book.add("L2", "b", "", "", 1.0, 1, 1.0, [1.0], [0])
    book.add("L1", "b", "", "", 1.0, 2, 2.0, [2.0], [0])
    book.add("L9", "a", "", "", 1.0, 3, 3.0, [3.0, 0.0], [0, -1])
    assert [(e.quiz, e.learner_id) for e in book.graded()] == [("a", "L9"), ("b", "L1"), ("b", "L2")]
    assert [e.learner_id for e in book.by_quiz("b")] == ["L2", "L1"]  # row order
    assert list(book.blocks["b"].column(0)) == [1.0, 2.0]


def test_unknown_policy():
    with pytest.raises(ValueError, match="unknown attempts policy 'worst'; use best, last or first"):
        AttemptBook("worst")


def test_same_second_with_another_score_is_a_new_attempt():
    # the site stamps submissions to the second: two different attempts can share it
    book = AttemptBook("last")
    assert book.add("L1", "quiz", "A", "t", 10.0, 1, 5.0, [5.0], [0])
    assert book.add("L1", "quiz", "A", "t", 10.0, 2, 7.0, [7.0], [0])
    (e,) = book.graded()
    assert (e.attempts, e.attempt, e.score) == (2, 2, 7.0)


@pytest.mark.parametrize("spill", [1 << 21, 3, 6])  # in memory; on disk from the first or second row
def test_rows_stay_aligned_when_a_better_attempt_replaces_one(spill, tmp_path):
    # marks and codes are kept k per row: a replaced row overwrites its own k only (in memory
    # or in the scratch file), and a huge matching code (beyond 64 bits) is kept as it is
    book = AttemptBook("best", scratch=tmp_path, spill=spill)
    assert book.add("L1", "quiz", "a", "t1", 1.0, 1, 1.0, [1.0, 0.0, 0.0], [1, 2, 3])
    assert book.add("L2", "quiz", "b", "t2", 2.0, 2, 2.0, [1.0, 1.0, 0.0], [4, 5, 2**70])
    assert book.add("L1", "quiz", "a", "t3", 3.0, 3, 2.0, [0.0, 1.0, 1.0], [6, 7, 8])  # L1 does better
    block = book.blocks["quiz"]
    assert block.marks == [0.0, 1.0, 1.0, 1.0, 1.0, 0.0]
    assert [block.choice_column(j) for j in range(3)] == [[6, 4], [7, 5], [8, 2**70]]
    assert list(block.scores()) == [2.0, 2.0]
    assert book.add("L3", "quiz", "c", "t4", 4.0, 4, 0.0, [0.0, 0.0, 0.0], [9, 9, 9])
    assert book.add("L2", "quiz", "b", "t5", 5.0, 5, 3.0, [1.0, 1.0, 1.0], [4, 5, 6])  # replaces the big code
    assert list(block.choice_column(2)) == [8, 6, 9]
    assert [list(block.column(j)) for j in range(3)] == [[0.0, 1.0, 0.0], [1.0, 1.0, 0.0], [1.0, 1.0, 0.0]]
    book.close()
    assert list(tmp_path.iterdir()) == []  # scratch files have no name: nothing to clean up, even after a kill


def test_big_codes_survive_the_scratch_file(tmp_path):
    book = AttemptBook("best", scratch=tmp_path, spill=2)
    book.add("L1", "quiz", "a", "t1", 1.0, 1, 1.0, [1.0, 0.0], [2**70, 1])
    book.add("L2", "quiz", "b", "t2", 2.0, 2, 1.0, [0.0, 1.0], [3, 2**65])
    block = book.blocks["quiz"]
    assert [list(block.choice_column(j)) for j in range(2)] == [[2**70, 3], [1, 2**65]]


def test_many_attempts_under_one_id_are_linear():
    # 40,000 attempts under one learner id ("guest") took 31 s: each was compared with all before
    import time

    def run(n: int) -> float:
        book = AttemptBook("best")
        start = time.process_time()
        for i in range(n):
            assert book.add("guest", "quiz", "G", f"t{i}", 1000.0 + i, i + 1, float(i % 7), [1.0], [0])
        assert not book.add("guest", "quiz", "G", "t5", 1005.0, n + 1, 5.0, [1.0], [0])  # still seen as a copy
        (e,) = book.graded()
        assert e.attempts == n
        return time.process_time() - start

    small, big = run(2_000), run(20_000)
    assert big < 25 * small + 0.05  # ten times the attempts, about ten times the time (quadratic: 100 times)


def test_the_marks_of_many_learners_stay_off_the_heap(tmp_path):
    # A million submissions from 700,000 learners took 971 MB: about 1.3 KB per learner, most of it
    # each graded row's marks and choice codes. Past `spill` values they go to a scratch file, so a
    # learner costs the heap a few machine numbers and its strings, whatever the number of questions.
    import tracemalloc

    k, n = 40, 20_000
    ids = [f"learner-{i:06d}" for i in range(n)]  # the strings a reader would make anyway
    marks, choices = [float(j % 3) for j in range(k)], list(range(k))
    book = AttemptBook("best", scratch=tmp_path, spill=k * 500)
    tracemalloc.start()
    try:
        for i, lid in enumerate(ids):
            assert book.add(lid, "quiz", lid, lid, float(i), i + 1, float(i % 7), marks, choices)
        per_learner = tracemalloc.get_traced_memory()[0] / n
    finally:
        tracemalloc.stop()
    assert per_learner < 4 * k, f"{per_learner:.0f} bytes per learner"  # k marks and codes alone: 16 * k on the heap
    block = book.blocks["quiz"]
    assert len(block) == n and list(block.column(1)) == [1.0] * n and list(block.choice_column(k - 1)) == [k - 1] * n
    assert list(block.scores())[:8] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0]
    book.close()
