// quiz.js's practice marking under Node, held to the shared table (tests/data/marking_cases.json).
// The page's side of every case (its question data, its answer, course.js's text rule) comes from
// tests/browser/marking_table.py, that is from the site's own Python code; run with `npm test --prefix tests/js`
// (PYTHON names the interpreter, the repository's .venv by default).
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..", "..");
const PYTHON = process.env.PYTHON || path.join(ROOT, ".venv", "bin", "python");
const TABLE = JSON.parse(execFileSync(PYTHON, [path.join(ROOT, "tests", "browser", "marking_table.py")], { encoding: "utf8" }));

// quiz.js with just enough of a page around it to load: it waits for DOMContentLoaded, which never comes.
function marking(course) {
  const window = {
    courseforgeCourse: course,
    document: { currentScript: null, readyState: "loading", addEventListener() {} },
    location: { href: "http://localhost/" },
    URL,
  };
  window.window = window;
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, "src", "courseforge", "assets", "quiz.js"), "utf8"), window);
  return window.courseforgeMarking;
}
const M = marking({ course: { language: "en" }, strings: {}, marking: TABLE.marking });

test("fill-in answers", () => {
  const wrong = TABLE.texts.filter((c) => M.mark({ type: "fill_blank", answers: c.accepted, points: 1 }, c.answer).earned !== c.mark);
  assert.deepStrictEqual(wrong.map((c) => c.why), []);
});

test("one question of each type", () => {
  const wrong = TABLE.questions.filter((c) => Math.abs(M.mark(c.question, c.answer, c.scoring).earned - c.mark) > 1e-9);
  assert.deepStrictEqual(wrong.map((c) => c.why), []);
});

test("pass marks", () => {
  const wrong = TABLE.quizzes.filter((c) => {
    const quiz = c.quiz, score = quiz.questions.reduce((s, q, i) => s + M.mark(q, c.answers[i], quiz.multiple_scoring).earned, 0);
    return M.passes(score, quiz.max, quiz.pass_mark) !== c.passed;
  });
  assert.deepStrictEqual(wrong.map((c) => c.why), []);
});

test("a widget for each type in the table", () => {
  const types = new Set(TABLE.questions.map((c) => c.question.type).concat("fill_blank"));
  assert.deepStrictEqual([...types].sort(), [...M.types].sort());
});

test("without course.js's rule quiz.js has no copy of it: it only lowers case", () => {
  const bare = marking({ course: {}, strings: {} });
  assert.strictEqual(bare.normalise("Straße."), "straße.");
});
