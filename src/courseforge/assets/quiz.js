/* courseforge quiz.js: practice feedback, assessment answers, progress, certificate.
 *
 * The page's HTML already holds every question as a plain form; this script
 * adds checking, hints, reordering, saving and the submission download. It
 * reads the course manifest (course.js, loaded first), each quiz's JSON and,
 * only where progress is shown or has to be worked out, the list of the
 * course's quizzes (course-quizzes.js), so a page's first view does not grow
 * with the course.
 * It works with Material's instant navigation (document$), without it, and
 * from file://. Learner input is only ever set with textContent or .value.
 */
(function () {
  "use strict";
  var C = window.courseforgeCourse || { course: {}, quizzes: [], strings: {} };
  var S = C.strings || {};
  var script = document.currentScript && document.currentScript.src;
  var ROOT = script ? new URL("../../", script) : new URL(".", location.href);
  var PREFIX = "courseforge:" + (C.course.id || "") + ":";
  var COLON = S.colon || ": "; // "Source: …" in English, "Source : …" (a no-break space first) in French

  // The course's quizzes: in course.js itself (older builds) or in the script it names,
  // loaded on the first call that needs them (a script, not a fetch: file:// pages may load scripts).
  var QUIZZES = Array.isArray(C.quizzes) ? C.quizzes : null, waiting = [];
  function withQuizzes(cb) {
    if (QUIZZES) { cb(QUIZZES); return; }
    waiting.push(cb);
    if (waiting.length > 1) return;
    var tag = document.createElement("script");
    tag.src = new URL(C.quizzes_script || "course-quizzes.js", script || new URL("assets/courseforge/", ROOT)).href;
    tag.onload = function () {
      QUIZZES = window.courseforgeQuizzes || [];
      var todo = waiting;
      waiting = [];
      todo.forEach(function (f) { f(QUIZZES); });
    };
    tag.onerror = function () { waiting = []; };
    document.head.appendChild(tag);
  }

  // -- small helpers ---------------------------------------------------------
  function fmt(key, vals) {
    return (S[key] || key).replace(/\{(\w+)\}/g, function (m, k) { return vals && k in vals ? vals[k] : m; });
  }
  // Points and scores as the language writes them (DECIMAL is set below, before any use).
  function num(x) { return String(Math.round(x * 100) / 100).replace(".", DECIMAL); }
  // Plural forms and lists as the course's language has them; a tag Intl does not know falls back.
  function intl(Make, opts) { try { return Make ? new Make(C.course.language || "en", opts) : null; } catch (e) { return null; } }
  var PLURAL = window.Intl ? intl(Intl.PluralRules) : null;
  var LIST = window.Intl ? intl(Intl.ListFormat, { type: "conjunction" }) : null;
  // key_one, key_other… (Intl.PluralRules' forms) chosen by the count n; key_other when a form is missing.
  function fmtN(key, n, vals) {
    var form = key + "_" + (PLURAL ? PLURAL.select(n) : n === 1 ? "one" : "other");
    return fmt(form in S ? form : key + "_other", vals);
  }
  function list(items) { return LIST ? LIST.format(items) : items.join(", "); }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function esc(v) { return window.CSS && CSS.escape ? CSS.escape(v) : String(v).replace(/["\\]/g, "\\$&"); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function load(key) { try { return JSON.parse(localStorage.getItem(PREFIX + key)); } catch (e) { return null; } }
  function save(key, v) { try { localStorage.setItem(PREFIX + key, JSON.stringify(v)); } catch (e) { /* private mode: no saving */ } }
  function quizKey(m) { return "quiz:" + m.id + ":" + m.version; }
  // As the grader compares fill-in answers (courseforge.quiz.types.marking.normalise_text, whose rule
  // course.js carries as data): NFKC, case folded, spaces collapsed, trailing punctuation dropped.
  // No copy of the rule here: course.js's is the grader's.
  var RULE = C.marking || {};
  var FOLD = RULE.fold || {}, SPACE = RULE.space || "", TRAILING = RULE.trailing || "";
  function fold(ch) {
    // One character at a time: toLowerCase on a whole string reads context (a final "Σ"), casefold does not.
    return Object.prototype.hasOwnProperty.call(FOLD, ch) ? FOLD[ch] : ch.toLowerCase();
  }
  function norm(s) {
    var words = Array.from(String(s).normalize("NFKC"), function (ch) { return SPACE.indexOf(ch) >= 0 ? " " : fold(ch); })
      .join("").split(" ").filter(Boolean).join(" ");
    var end = words.length;
    while (end && TRAILING.indexOf(words[end - 1]) >= 0) end--;
    return words.slice(0, end).replace(/ +$/, "");
  }
  // Numbers as the course's language writes them (i18n's number_decimal and number_group; a space
  // between thousands is fine in any language). A number that could be read two ways, such as
  // "1,5" in English or "1.5" in French, is not guessed at: the learner is asked to write it again.
  var DECIMAL = S.number_decimal || ".", GROUP = S.number_group == null ? "," : S.number_group;
  function readNumber(text) {
    var m = /^([-+\u2212]?)([\d.,\s\u00a0\u202f]+?)(e[-+]?\d+)?$/i.exec(String(text).trim());
    if (!m || !/\d/.test(m[2])) return { value: NaN, issue: "not_a_number" };
    var ambiguous = { value: NaN, issue: "number_ambiguous" };
    var parts = m[2].split(DECIMAL), whole = parts[0], frac = parts[1] || "";
    if (parts.length > 2 || /\D/.test(frac)) return ambiguous; // "1.2.3", or "1.234,5" in English
    // Between thousands, a space or the language's mark, in groups of three; any other mark is ambiguous.
    var marks = whole.replace(/\d/g, "").split("");
    var known = marks.every(function (c) { return c === GROUP || /[\s\u00a0\u202f]/.test(c); });
    if (!known || (marks.length && !/^\d{1,3}(\D\d{3})+$/.test(whole))) return ambiguous;
    var sign = m[1] && m[1] !== "+" ? "-" : "";
    return { value: parseFloat(sign + (whole.replace(/\D/g, "") || "0") + "." + (frac || "0") + (m[3] || "")), issue: null };
  }
  // A number written back into its box, with the language's decimal mark.
  function showNum(n) { return String(n).replace(".", DECIMAL); }

  // -- progress: one record per quiz version --------------------------------------
  // In an LMS (the SCORM launch page is the parent frame), what the learner's earlier sessions saved
  // for this quiz version, perhaps on another computer: { p: best percent, ok: passed, d: assessment
  // downloaded complete, k: its certificate code }. Null outside an LMS.
  function lmsSaved(m) {
    if (window.parent === window) return null;
    try {
      var lms = window.parent.courseforgeLMS;
      var e = lms && typeof lms.saved === "function" ? lms.saved(m.id) : null;
      return e && typeof e === "object" && (!e.v || e.v === m.version) ? e : null;
    } catch (e) { return null; } // another origin or no LMS
  }
  // This browser's record of a quiz, merged with the LMS's (never lowered by it: a new browser's empty
  // storage does not undo a quiz done on another computer). ``here`` leaves the LMS out (the quiz's own summary).
  function status(m, here) {
    var st = load(quizKey(m)) || {};
    var answered = Object.keys(st.answers || {}).length;
    var lms = here ? null : lmsSaved(m);
    if (m.mode === "assessment") {
      // Done once its answers were downloaded with every question answered (st.complete, with the
      // certificate's verification code); a download with questions left blank does not count.
      var complete = st.complete || (lms && lms.d ? { code: lms.k || null } : null);
      return { done: !!complete, started: answered > 0 || !!complete, submitted: st.submitted || !!complete,
               complete: complete, score: null, percent: null, passed: null };
    }
    var score = 0, checked = 0, r = st.results || {};
    for (var k in r) { score += r[k]; checked++; }
    var percent = m.max ? score / m.max * 100 : 0;
    var passed = checked >= m.count && passes(score, m.max, m.pass_mark);
    var started = answered > 0 || checked > 0;
    if (lms && typeof lms.p === "number") {
      if (lms.ok && !passed) { passed = true; percent = lms.p; }
      else if (!passed) percent = Math.max(percent, lms.p);
      started = true;
    }
    return { done: passed, started: started, score: score, percent: percent, passed: passed, checked: checked };
  }
  function totals() {
    var done = QUIZZES.filter(function (m) { return status(m).done; }).length;
    return { done: done, total: QUIZZES.length };
  }
  function lmsOf() {
    if (window.parent === window) return null;
    try {
      var lms = window.parent.courseforgeLMS;
      return lms && typeof lms.report === "function" ? lms : null;
    } catch (e) { return null; } // another origin
  }
  function report(m, module) {
    // The SCORM launch page (a parent frame) records scores in the LMS.
    if (!lmsOf()) return;
    withQuizzes(function () { reportNow(m, module); });
  }
  function reportNow(m, module) {
    try {
      var lms = lmsOf();
      if (!lms) return;
      var s = status(m), t = totals();
      lms.report({
        done: s.done, version: m.version, code: s.complete && s.complete.code ? s.complete.code : null,
        course: C.course.id, quiz: m.id, module: module, mode: m.mode,
        score: s.score, max: m.max, percent: s.percent == null ? null : Math.round(s.percent * 100) / 100,
        passed: s.passed, completed_quizzes: t.done, total_quizzes: t.total
      });
    } catch (e) { /* another origin or no LMS: nothing to report to */ }
  }

  // -- question widgets: one entry per question type -----------------------------------------
  // All quiz.js knows of a type; adding a type is adding its entry. read(box): the answer or null;
  // write(box, a); mark(q, a, rule): { frac, marks: per option, left or item, right or not }, by the
  // grader's rules; rows(box): where marks show; feedback(q, id): the author's, for a row;
  // start(q, box): what "try again" puts back; problem(box), if text may be unreadable: what to say.
  function picked(box) { return $$("input:checked", box).map(function (i) { return i.value; }); }
  function tick(box, a) {
    var want = [].concat(a).map(String);
    $$("input", box).forEach(function (i) { i.checked = want.indexOf(i.value) >= 0; });
  }
  function typed(box) { return $("input", box).value.trim(); }
  function optionRows(box) { return $$("[data-cf-opt]", box); }
  function optionFeedback(q, id) { return (q.options.filter(function (o) { return o.id === id; })[0] || {}).feedback; }
  function noneTicked() { return []; }
  // Single and multiple: right options, and those chosen right and wrong.
  function tally(q, a) {
    var right = q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; });
    var t = { right: right.length, hits: 0, wrong: 0, marks: {} };
    [].concat(a).forEach(function (id) { var ok = right.indexOf(id) >= 0; t.marks[id] = ok; ok ? t.hits++ : t.wrong++; });
    return t;
  }
  var WIDGETS = {
    single: {
      read: function (box) { var c = $("input:checked", box); return c ? c.value : null; },
      write: tick, start: noneTicked, rows: optionRows, feedback: optionFeedback,
      mark: function (q, a) { var t = tally(q, a); return { frac: t.hits === 1 && t.wrong === 0 ? 1 : 0, marks: t.marks }; }
    },
    multiple: {
      read: function (box) { var c = picked(box); return c.length ? c : null; },
      write: tick, start: noneTicked, rows: optionRows, feedback: optionFeedback,
      mark: function (q, a, rule) {
        var t = tally(q, a), exact = t.hits === t.right && t.wrong === 0;
        var frac = rule === "all_or_nothing" || !t.right ? (exact ? 1 : 0) : Math.max(0, (t.hits - t.wrong) / t.right);
        return { frac: frac, marks: t.marks };
      }
    },
    true_false: {
      read: function (box) { var c = $("input:checked", box); return c ? c.value === "true" : null; },
      write: tick, start: noneTicked, rows: optionRows,
      feedback: function (q, id) { return q.feedback[id]; },
      mark: function (q, a) { var marks = {}; marks[String(a)] = a === q.answer; return { frac: a === q.answer ? 1 : 0, marks: marks }; }
    },
    fill_blank: {
      read: function (box) { return typed(box) || null; },
      write: function (box, a) { $("input", box).value = a == null ? "" : String(a); },
      mark: function (q, a) { return { frac: q.answers.map(norm).indexOf(norm(a)) >= 0 ? 1 : 0 }; }
    },
    numeric: {
      read: function (box) { var c = typed(box); return c ? readNumber(c).value : null; },
      write: function (box, a) { $("input", box).value = a == null ? "" : showNum(a); },
      mark: function (q, a) {
        return { frac: Math.abs(a - q.answer) <= Math.abs(q.tolerance) + 1e-9 * Math.max(1, Math.abs(q.answer)) ? 1 : 0 };
      },
      // Nothing to say when the box is empty or holds a number.
      problem: function (box) {
        var text = typed(box), issue = text ? readNumber(text).issue : null;
        return issue ? fmt(issue, { value: text }) : null;
      }
    },
    matching: {
      read: function (box) {
        var c = {}, any = false;
        $$("select", box).forEach(function (s) { if (s.value) { c[s.dataset.cfLeft] = s.value; any = true; } });
        return any ? c : null;
      },
      write: function (box, a) { $$("select", box).forEach(function (s) { s.value = (a && a[s.dataset.cfLeft]) || ""; }); },
      start: function () { return {}; },
      rows: function (box) { return $$("[data-cf-left].cf-match__row", box); },
      // q.key: left id -> alias of its right, one entry per left (quiz.public).
      mark: function (q, a) {
        var lefts = Object.keys(q.key), good = 0, marks = {};
        lefts.forEach(function (l) { if (a[l] != null) { marks[l] = a[l] === q.key[l]; if (marks[l]) good++; } });
        return { frac: lefts.length ? good / lefts.length : 0, marks: marks };
      }
    },
    ordering: {
      read: function (box) { return $$("[data-cf-item]", box).map(function (li) { return li.dataset.cfItem; }); },
      write: function (box, a) {
        var ol = $("ol", box);
        (a || []).forEach(function (id) {
          var li = $$("[data-cf-item]", ol).filter(function (x) { return x.dataset.cfItem === id; })[0];
          if (li) ol.appendChild(li);
        });
      },
      start: function (q, box) { return WIDGETS.ordering.read(box); }, // the order the page first shows
      rows: function (box) { return $$("[data-cf-item]", box); },
      // Each item in its right place earns its share, as the grader counts it.
      mark: function (q, a) {
        var placed = 0, marks = {};
        a.forEach(function (id, i) { marks[id] = q.key[i] === id; if (marks[id]) placed++; });
        return { frac: q.key.length ? placed / q.key.length : 0, marks: marks };
      }
    }
  };
  // What an entry leaves out: no rows to mark, no feedback, an empty form.
  var PLAIN = { rows: function () { return []; }, feedback: function () { return ""; }, start: function () { return null; } };
  Object.keys(WIDGETS).forEach(function (type) {
    for (var k in PLAIN) if (!(k in WIDGETS[type])) WIDGETS[type][k] = PLAIN[k];
  });

  // No answer, or a number the page could not read.
  function unanswered(a) { return a === null || (typeof a === "number" && isNaN(a)); }
  // Why the page cannot read an answer (a number written two ways), or null.
  function unreadable(q, box) { var w = WIDGETS[q.type]; return w.problem ? w.problem(box) : null; }

  // -- practice marking: the question's points times the fraction its widget gives ---------------
  // Not rounded (only what is shown): 0.67 for two thirds would pass a 67 % mark the grader does not.
  function mark(q, a, rule) {
    var r = WIDGETS[q.type].mark(q, a, rule);
    return { earned: r.frac * q.points, frac: r.frac, marks: r.marks || {} };
  }
  // As courseforge.grade.validate.QuizKey.passed, forgiving float error (57 / 100 * 100 < 57).
  function passes(score, max, passMark) { return (max ? score / max * 100 : 0) >= passMark - 1e-9; }
  // The marking functions, for tests that hold them to the grader's cases (tests/data/marking_cases.json).
  window.courseforgeMarking = { normalise: norm, mark: mark, passes: passes, readNumber: readNumber, types: Object.keys(WIDGETS) };

  // -- certificate verification code: the same as courseforge.grade.certificate -----------------------
  // SHA-256 (FIPS 180-4) of a text's UTF-8 bytes; crypto.subtle is missing on plain http and is async.
  var K256 = [];
  (function () {
    var n = 2, found = 0;
    function frac(x) { return (x - Math.floor(x)) * 4294967296 >>> 0; }
    while (found < 64) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) K256[found++] = frac(Math.pow(n, 1 / 3));
      n++;
    }
  })();
  function sha256(text) {
    var bytes = window.TextEncoder ? Array.from(new TextEncoder().encode(text))
      : Array.from(unescape(encodeURIComponent(text)), function (c) { return c.charCodeAt(0); });
    var bits = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var i = 7; i >= 0; i--) bytes.push(i > 3 ? 0 : (bits >>> (i * 8)) & 255);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var off = 0; off < bytes.length; off += 64) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) w[t] = (bytes[off + 4 * t] << 24 | bytes[off + 4 * t + 1] << 16 | bytes[off + 4 * t + 2] << 8 | bytes[off + 4 * t + 3]) >>> 0;
        else {
          var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
          var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
          w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
        }
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (t = 0; t < 64; t++) {
        var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[t] + w[t]) >>> 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h = [h[0] + a, h[1] + b, h[2] + c, h[3] + d, h[4] + e, h[5] + f, h[6] + g, h[7] + hh].map(function (x) { return x >>> 0; });
    }
    var out = [];
    h.forEach(function (x) { out.push(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255); });
    return out;
  }
  // Object keys sorted, no spaces, numbers as String(n) writes them.
  function canonical(v) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "number") return isFinite(v) ? String(v) : "null";
    if (typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
    if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
    return "{" + Object.keys(v).sort().map(function (k) { return JSON.stringify(k) + ":" + canonical(v[k]); }).join(",") + "}";
  }
  var CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  function certificateCode(sub) {
    var text = canonical(["courseforge-certificate/1", sub.course, sub.quiz, sub.quiz_version,
      sub.learner && sub.learner.id, sub.submitted_at, sub.answers]);
    var d = sha256(text);
    var hi = ((d[0] << 24) | (d[1] << 16) | (d[2] << 8) | d[3]) >>> 0, lo = (d[4] << 16) | (d[5] << 8) | d[6];
    var v = hi * 262144 + (lo >>> 6), chars = ""; // the first 50 bits, exact in a double
    for (var i = 9; i >= 0; i--) chars += CROCKFORD[Math.floor(v / Math.pow(32, i)) % 32];
    return chars.slice(0, 5) + "-" + chars.slice(5);
  }
  window.courseforgeCertificate = { code: certificateCode, sha256: sha256 };

  function clearFeedback(box) {
    $$(".cf-opt__fb", box).forEach(function (f) { f.hidden = true; f.textContent = ""; });
    $$(".cf-right,.cf-wrong", box).forEach(function (e) { e.classList.remove("cf-right", "cf-wrong"); });
    var fb = $(".cf-q__feedback", box);
    if (fb) fb.textContent = "";
    var retry = $(".cf-retry", box);
    if (retry) retry.hidden = true;
  }

  function showFeedback(q, box, a, result) {
    clearFeedback(box);
    // Per-choice marks: right or wrong in words (not colour alone), with the author's feedback.
    var w = WIDGETS[q.type];
    w.rows(box).forEach(function (row) {
      var id = row.dataset.cfOpt || row.dataset.cfLeft || row.dataset.cfItem;
      if (!(id in result.marks)) return;
      var ok = result.marks[id];
      row.classList.add(ok ? "cf-right" : "cf-wrong");
      var f = $(".cf-opt__fb", row);
      if (!f) return;
      f.appendChild(el("strong", null, ok ? S.chosen_right : S.chosen_wrong));
      var extra = w.feedback(q, id);
      if (extra) {
        var span = el("span");
        span.innerHTML = " " + extra; // author's Markdown, rendered at build time
        f.appendChild(span);
      }
      f.hidden = false;
    });
    var fb = $(".cf-q__feedback", box);
    var verdict = result.frac === 1 ? "correct" : result.frac > 0 ? "partly" : "incorrect";
    fb.className = "cf-q__feedback cf-q__feedback--" + verdict;
    var p = el("p");
    p.appendChild(el("strong", null, S[verdict]));
    p.appendChild(document.createTextNode(" " + fmtN("points", q.points, { score: num(result.earned), max: num(q.points) })));
    fb.appendChild(p);
    var ex = el("div", "cf-explanation");
    ex.innerHTML = '<p class="cf-explanation__title"></p>' + (q.explanation || "") + (q.source || "");
    ex.firstChild.textContent = S.explanation;
    fb.appendChild(ex);
    $(".cf-retry", box).hidden = false;
  }

  // -- one quiz -------------------------------------------------------------------------
  function initQuiz(section) {
    if (section.dataset.cfReady) return;
    section.dataset.cfReady = "1";
    var data = JSON.parse($(".cf-quiz-data", section).textContent);
    var meta = { id: data.id, version: data.version, mode: data.mode, max: data.max, pass_mark: data.pass_mark, count: data.questions.length };
    var key = quizKey(meta);
    var st = load(key) || {};
    st.answers = st.answers || {};
    st.results = st.results || {};
    var practice = data.mode === "practice";
    var live = el("p", "cf-sr");
    live.setAttribute("aria-live", "polite");
    section.appendChild(live);
    var summary = $(".cf-quiz__summary", section);

    function persist() { save(key, st); }
    function updateSummary() {
      if (!practice) return;
      var s = status(meta, true), left = meta.count - s.checked;
      var text = fmtN("score", meta.max, { score: num(s.score), max: num(meta.max), percent: Math.round(s.percent), pass_mark: num(meta.pass_mark) });
      text += " " + (s.passed ? S.passed : left > 0 ? fmtN("unchecked", left, { n: left }) : S.not_passed);
      summary.textContent = text;
      summary.classList.toggle("cf-passed", s.passed);
    }

    data.questions.forEach(function (q) {
      var box = $('[data-cf-q="' + esc(q.id) + '"]', section);
      if (!box) return;
      var w = WIDGETS[q.type], initial = w.start(q, box);
      if (st.answers[q.id] !== undefined) w.write(box, st.answers[q.id]);

      function remember() {
        var a = w.read(box);
        if (unanswered(a)) delete st.answers[q.id];
        else st.answers[q.id] = a;
        persist();
      }
      box.addEventListener("change", remember);
      box.addEventListener("input", remember);
      if (!practice && w.problem) {
        // No feedback in an assessment, but a number the page cannot read is said at once.
        var note = el("p", "cf-q__note");
        note.setAttribute("role", "status");
        box.appendChild(note);
        box.addEventListener("change", function () { note.textContent = w.problem(box) || ""; });
      }

      // Ordering: move buttons, focus stays on the pressed button, position announced.
      $$(".cf-move", box).forEach(function (b) {
        b.addEventListener("click", function () {
          var li = b.closest("li"), list = li.parentNode;
          var up = b.dataset.cfMove === "-1";
          var other = up ? li.previousElementSibling : li.nextElementSibling;
          var text = $(".cf-order__text", li).textContent;
          // At either end nothing moves, but the learner still hears why.
          if (!other) { live.textContent = fmt(up ? "already_first" : "already_last", { item: text }); return; }
          list.insertBefore(li, up ? other : other.nextElementSibling);
          b.focus();
          var items = $$("[data-cf-item]", list);
          live.textContent = fmt("moved", { item: text, pos: items.indexOf(li) + 1, total: items.length });
          remember();
        });
      });

      // Hints, one at a time.
      var hintBtn = $(".cf-hint", box);
      if (hintBtn) {
        var hints = $$(".cf-hints__list li", box);
        hintBtn.addEventListener("click", function () {
          var next = hints.filter(function (h) { return h.hidden; })[0];
          if (!next) return;
          var n = hints.indexOf(next) + 1;
          var label = el("strong", null, fmt("hint_n", { n: n, total: hints.length }) + COLON);
          next.insertBefore(label, next.firstChild);
          next.hidden = false;
          next.tabIndex = -1;
          if (n === hints.length) { hintBtn.hidden = true; next.focus(); }
          live.textContent = next.textContent;
        });
      }

      if (!practice) return;
      var fb = $(".cf-q__feedback", box);
      function check() {
        var a = w.read(box);
        if (unanswered(a)) {
          clearFeedback(box);
          fb.className = "cf-q__feedback cf-q__feedback--incorrect";
          fb.appendChild(el("p", null, a === null ? S.no_answer : unreadable(q, box)));
          return;
        }
        var result = mark(q, a, data.multiple_scoring);
        st.answers[q.id] = a;
        st.results[q.id] = result.earned;
        persist();
        showFeedback(q, box, a, result);
        updateSummary();
        markNav(true);
        report(meta, data.module);
      }
      $(".cf-check", box).addEventListener("click", check);
      // Enter in a text box checks the answer instead of submitting anything.
      $$("input[type=text]", box).forEach(function (i) {
        i.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); check(); } });
      });
      $(".cf-retry", box).addEventListener("click", function () {
        delete st.answers[q.id];
        delete st.results[q.id];
        persist();
        w.write(box, initial);
        clearFeedback(box);
        updateSummary();
        markNav();
        var first = $("input,select,button", box);
        if (first) first.focus();
      });
      q._reset = function () { w.write(box, initial); clearFeedback(box); };
      // Show what was checked before a reload.
      if (st.results[q.id] !== undefined && st.answers[q.id] !== undefined) {
        showFeedback(q, box, st.answers[q.id], mark(q, st.answers[q.id], data.multiple_scoring));
      }
    });

    if (practice) {
      $(".cf-retry-quiz", section).addEventListener("click", function () {
        st = { answers: {}, results: {} };
        persist();
        data.questions.forEach(function (q) { if (q._reset) q._reset(); });
        updateSummary();
        markNav();
        var first = $("input,select", section);
        if (first) first.focus();
      });
      updateSummary();
      return;
    }

    // Assessment: name, learner id, and a downloaded submission file.
    var nameIn = $(".cf-learner-name", section), idIn = $(".cf-learner-id", section);
    var learner = load("learner") || {};
    nameIn.value = learner.name || "";
    idIn.value = learner.id || "";
    if (st.submitted) summary.textContent = fmt("submitted_on", { date: new Date(st.submitted).toLocaleString(C.course.language) });
    var confirmed = null;
    $(".cf-download", section).addEventListener("click", function () {
      var name = nameIn.value.trim(), id = idIn.value.trim();
      if (!name || !id) { summary.textContent = S.need_learner; (name ? idIn : nameIn).focus(); return; }
      save("learner", { name: name, id: id });
      var unread = data.questions.filter(function (q) {
        var box = $('[data-cf-q="' + esc(q.id) + '"]', section);
        return box && unreadable(q, box);
      })[0];
      if (unread) {
        // Never send a number other than the one meant: ask for it again.
        var ubox = $('[data-cf-q="' + esc(unread.id) + '"]', section);
        summary.textContent = $(".cf-q__num", ubox).textContent + COLON + unreadable(unread, ubox);
        $("input", ubox).focus();
        return;
      }
      var answers = {}, versions = {}, missing = [];
      data.questions.forEach(function (q, i) {
        var box = $('[data-cf-q="' + esc(q.id) + '"]', section);
        var a = box ? WIDGETS[q.type].read(box) : null;
        versions[q.id] = q.version;
        if (unanswered(a)) missing.push(String(i + 1));
        else answers[q.id] = a;
      });
      // Name the unanswered questions by number; the same ones a second time means "send anyway".
      if (missing.length && confirmed !== missing.join()) {
        confirmed = missing.join();
        summary.textContent = fmtN("unanswered_confirm", missing.length, { list: list(missing) });
        return;
      }
      var now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
      var submission = {
        format: "courseforge-submission/1", course: data.course || C.course.id, quiz: data.id,
        quiz_version: data.version, question_versions: versions, learner: { id: id, name: name },
        submitted_at: now, answers: answers
      };
      var file = (data.id + "-" + id).replace(/[^A-Za-z0-9._-]+/g, "_") + ".json";
      var url = URL.createObjectURL(new Blob([JSON.stringify(submission, null, 2) + "\n"], { type: "application/json" }));
      var link = el("a");
      link.href = url;
      link.download = file;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
      st.submitted = now;
      // Every question answered: this submission counts for the certificate, which shows its code.
      if (!missing.length) st.complete = { submitted_at: now, code: certificateCode(submission) };
      persist();
      summary.textContent = fmt("downloaded", { file: file });
      markNav(true);
      report(meta, data.module);
    });
  }

  // -- navigation marks, home-page progress, certificate ---------------------------------------
  function pageUrl(m) { return m.url == null ? null : new URL(m.url, ROOT).href.split("#")[0].replace(/index\.html$/, ""); }

  // The pages marked done are kept with the list's digest, so that a page needs the list
  // only when the learner's progress changed or the course did (an edited quiz starts afresh).
  function storedProgress() {
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX + "quiz:") === 0) return true;
      }
    } catch (e) { /* no storage: no progress */ }
    return false;
  }
  function markNav(changed) {
    var kept = load("nav");
    // in an LMS, progress may come from the LMS (a resume on another computer), not from this browser
    if (!QUIZZES && !changed && !lmsOf()) {
      if (kept && kept.digest === C.quizzes_digest && Array.isArray(kept.done)) { showMarks(kept.done); return; }
      if (!storedProgress()) { showMarks([]); return; }
    }
    withQuizzes(function (quizzes) {
      var done = {};
      quizzes.forEach(function (m) {
        var target = pageUrl(m);
        if (target) done[target] = status(m).done; // a page of several quizzes: as the last one stands
      });
      var urls = Object.keys(done).filter(function (u) { return done[u]; });
      if (!lmsOf()) save("nav", { digest: C.quizzes_digest, done: urls }); // in an LMS the LMS holds progress
      showMarks(urls);
    });
  }
  function showMarks(urls) {
    var done = {};
    urls.forEach(function (u) { done[u] = true; });
    $$("a.md-nav__link[href]").forEach(function (a) {
      if (a.hash) return; // not table-of-contents links
      var badge = $(".cf-done", a), mark = done[a.href.split("#")[0].replace(/index\.html$/, "")] === true;
      if (mark && !badge) {
        badge = el("span", "cf-done");
        badge.appendChild(el("span", null, "✓")).setAttribute("aria-hidden", "true");
        badge.appendChild(el("span", "cf-sr", " (" + S.completed + ")"));
        a.appendChild(badge);
      } else if (!mark && badge) badge.remove();
    });
  }

  function statusText(m) {
    var s = status(m);
    if (m.mode === "assessment") {
      return s.complete ? S.status_submitted : s.submitted ? S.status_incomplete : s.started ? S.status_started : S.status_not_started;
    }
    return s.passed ? fmt("status_passed", { percent: Math.round(s.percent) }) : s.started ? S.status_started : S.status_not_started;
  }

  // The panel as built (progress.html) shows a course not started: fill in its count, bar and list.
  function renderProgress(box) {
    var t = totals(), label = fmtN("progress_text", t.total, { done: t.done, total: t.total });
    var text = $(".cf-progress__text", box), bar = $(".cf-bar", box), list = $(".cf-progress__list", box);
    if (text) text.textContent = label;
    if (bar) {
      bar.setAttribute("aria-valuemax", String(t.total));
      bar.setAttribute("aria-valuenow", String(t.done));
      bar.setAttribute("aria-valuetext", label);
      $(".cf-bar__fill", bar).style.width = (t.total ? t.done / t.total * 100 : 0) + "%";
    }
    if (!list) return;
    list.textContent = "";
    QUIZZES.forEach(function (m) {
      var li = el("li", status(m).done ? "cf-progress__done" : "");
      if (m.url != null) {
        var a = el("a", null, m.module_title);
        a.href = new URL(m.url, ROOT).href;
        li.appendChild(a);
      } else li.appendChild(document.createTextNode(m.module_title));
      li.appendChild(document.createTextNode(COLON + statusText(m)));
      list.appendChild(li);
    });
  }
  function wireReset(box) {
    var button = $(".cf-reset", box);
    if (button) button.addEventListener("click", function () {
      if (!window.confirm(S.reset_confirm)) return;
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0) localStorage.removeItem(k);
      }
      if (QUIZZES) renderProgress(box); // else the panel as built shows a course not started
      markNav();
      $(".cf-reset-status", box).textContent = S.reset_done;
      $(".cf-reset", box).focus();
    });
  }

  function initCertificate(box) {
    // Without the list (a learner who has not started), course.js has the counts the lock notice needs.
    var t = QUIZZES ? totals() : { done: 0, total: C.quizzes_total };
    var locked = $(".cf-cert__locked", box), form = $(".cf-cert__form", box);
    var cert = $(".cf-cert", box), print = $(".cf-cert__print", box), input = $("input", form);
    if (t.total === 0 || t.done < t.total) {
      var exam = QUIZZES ? QUIZZES.some(function (m) { return m.mode === "assessment"; }) : C.quizzes_assessment;
      locked.textContent = fmt(exam ? "certificate_locked_assessment" : "certificate_locked", { done: t.done, total: t.total });
      form.hidden = true;
      cert.hidden = true;
      print.hidden = true;
      return;
    }
    locked.textContent = "";
    locked.hidden = true;
    form.hidden = false;
    function show(name) {
      $(".cf-cert__name", cert).textContent = name; // a name is text, never HTML
      var body = $("tbody", cert);
      body.textContent = "";
      QUIZZES.forEach(function (m) {
        var tr = el("tr");
        tr.appendChild(el("td", null, m.module_title));
        tr.appendChild(el("td", null, statusText(m)));
        body.appendChild(tr);
      });
      // Each assessment's verification code: the trainer checks it with courseforge grade --verify.
      var codes = $(".cf-cert__codes", cert);
      codes.textContent = "";
      QUIZZES.forEach(function (m) {
        var s = status(m);
        if (s.complete && s.complete.code) codes.appendChild(el("li", null, fmt("certificate_code", { quiz: m.title, code: s.complete.code })));
      });
      $(".cf-cert__verify", cert).hidden = !codes.children.length;
      var date = new Date().toLocaleDateString(C.course.language || undefined, { year: "numeric", month: "long", day: "numeric" });
      $(".cf-cert__date", cert).textContent = fmt("certificate_date", { date: date });
      cert.hidden = false;
      print.hidden = false;
      document.documentElement.classList.add("cf-cert-ready");
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var name = input.value.trim();
      if (!name) { input.focus(); return; }
      save("certificate-name", name);
      show(name);
      print.focus();
    });
    print.addEventListener("click", function () { window.print(); });
    var saved = load("certificate-name");
    if (saved) { input.value = saved; show(saved); }
  }

  function initPage() {
    document.documentElement.classList.remove("cf-cert-ready");
    // Material's search dialog has no accessible name; give it the search box's own label.
    var dialog = $(".md-search[role=dialog]"), input = $(".md-search__input");
    if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder || "Search");
    $$("[data-cf-quiz]").forEach(initQuiz);
    // Only a learner with progress loads the list: to one who has not started, the progress
    // panel as built and the certificate's lock notice (from course.js's counts) say it all.
    var need = QUIZZES || lmsOf() || storedProgress() ? withQuizzes : function (f) { f(); };
    var progress = $("[data-cf-progress]");
    if (progress) { wireReset(progress); need(function () { if (QUIZZES) renderProgress(progress); }); }
    var cert = $("[data-cf-certificate]");
    if (cert && !cert.dataset.cfReady) { cert.dataset.cfReady = "1"; need(function () { initCertificate(cert); }); }
    if (lmsOf()) withQuizzes(function () {}); // in an LMS frame every check reports totals: have the list ready
    markNav();
  }

  // Material's instant navigation swaps pages without reloading scripts: document$ emits each time.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initPage);
  else initPage();
})();
