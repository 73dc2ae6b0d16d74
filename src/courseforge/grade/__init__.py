"""Grading learners' submissions: ``courseforge grade``.

Data flows one way, one submission at a time:

inputs (files, folders, JSON Lines, CSV → records) → validate (the
submission's fields; marking asks each question's type to check and score
its answer and remembers the answers already marked, cells turn CSV text
into answers; the rules themselves live in quiz.types) → attempts (the graded
attempt per learner and quiz, as arrays of numbers) → outputs
(gradebook.csv, results.json, errors.csv, warnings.csv, all atomic) and
report (report.html, with item statistics from stats).

The entry point is :func:`courseforge.grade.engine.grade`.
"""
