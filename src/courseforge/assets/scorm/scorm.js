/* courseforge SCORM 1.2 launch: one LMS session for the whole course site.
 *
 * The LMS opens launch.html; this script finds the LMS's SCORM API, calls
 * LMSInitialize once and shows the site in a frame, so moving between pages
 * never ends the session. The site's quiz script calls
 * window.parent.courseforgeLMS.report(record) after each check or
 * submission; report() turns the records into the SCORM data model:
 *
 *   cmi.core.score.raw   percent of the points of the practice quizzes (the
 *                        ones the browser can mark; best result per quiz,
 *                        quizzes not yet tried count 0); min 0, max 100
 *   cmi.core.lesson_status
 *                        passed  when score.raw reaches the mastery score
 *                                (the manifest's adlcp:masteryscore: the
 *                                points-weighted mean of their pass marks)
 *                        failed  when every practice quiz has been tried and
 *                                score.raw is below it (practice allows
 *                                retries, so it can still become passed)
 *                        completed / incomplete  by progress, for a course
 *                                without practice quizzes (assessments are
 *                                graded offline with courseforge grade)
 *   cmi.suspend_data     what was reported, so the next session resumes, on this
 *                        computer or another: per quiz the best percent (p),
 *                        passed (ok), an assessment downloaded complete (d),
 *                        the quiz version (v) and its certificate code (k). The
 *                        site reads it back through courseforgeLMS.saved(quiz)
 *                        when its own storage has less (a new browser), and
 *                        what is saved is merged, never lowered: a new browser's
 *                        empty storage cannot undo a quiz done elsewhere
 *   cmi.core.lesson_location  the page the learner was on
 *
 * With no SCORM API (the package opened outside an LMS) the launch page
 * simply goes to the site, which then works exactly as the plain site.
 */
(function () {
  "use strict";
  var config = window.COURSEFORGE_SCORM || {};
  var start = config.start || "site/index.html";
  var quizzes = config.quizzes || [];
  var byId = {};
  quizzes.forEach(function (q) { byId[q.id] = q; });

  // SCORM 1.2 RTE: the API object is in a parent frame (searched upwards, at
  // most 500 steps) or in the window that opened this one and its parents.
  function findAPI(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try { if (win.API) return win.API; } catch (e) { /* a frame of another origin: keep looking */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  }
  var api = findAPI(window);
  if (!api) {
    try { if (window.opener) api = findAPI(window.opener); } catch (e) { api = null; }
  }
  if (!api) {
    // Not in an LMS: be the plain site.
    location.replace(start);
    return;
  }

  var open = false, finished = false, began = new Date().getTime();
  var state = { v: 1, q: {}, c: 0, t: quizzes.length };
  var status = "";

  function call(name, args) {
    try { return String(api[name].apply(api, args || [])); } catch (e) { return "false"; }
  }
  function get(element) { return open ? call("LMSGetValue", [element]) : ""; }
  function set(element, value) { return open && call("LMSSetValue", [element, String(value)]) === "true"; }
  function commit() { if (open) call("LMSCommit", [""]); }
  function num(x) { return typeof x === "number" && isFinite(x) ? x : null; }
  function round2(x) { return Math.round(x * 100) / 100; }

  function computeStatus() {
    var practice = quizzes.filter(function (q) { return q.mode === "practice" && q.max > 0; });
    var earned = 0, possible = 0, tried = 0;
    practice.forEach(function (q) {
      possible += q.max;
      var r = state.q[q.id];
      if (r && r.p != null) { earned += r.p / 100 * q.max; tried++; }
    });
    var raw = possible ? round2(earned / possible * 100) : null;
    var mastery = num(config.mastery);
    var st;
    if (raw !== null && mastery !== null) {
      st = raw >= mastery ? "passed" : tried === practice.length ? "failed" : "incomplete";
    } else {
      st = state.t > 0 && state.c >= state.t ? "completed" : "incomplete";
    }
    return { raw: raw, status: st };
  }

  function save() {
    var result = computeStatus();
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    if (result.raw !== null) set("cmi.core.score.raw", String(result.raw));
    set("cmi.core.lesson_status", result.status);
    status = result.status;
    var data = JSON.stringify(state);
    if (data.length <= 4096) set("cmi.suspend_data", data);  // the SCORM 1.2 limit
    commit();
  }

  // Called by the site's quiz script (same origin, in the frame).
  function report(record) {
    if (!open || finished || !record || typeof record !== "object") return false;
    var quiz = byId[record.quiz];
    if (!quiz) return false;  // not a quiz of this course
    var prev = state.q[record.quiz] || {};
    var percent = num(record.percent);
    var entry = { p: prev.p == null ? null : prev.p };
    // The best result counts, as LMSs grade the highest attempt.
    if (percent !== null && (entry.p === null || percent > entry.p)) entry.p = round2(Math.max(0, Math.min(100, percent)));
    entry.ok = prev.ok === true || record.passed === true;
    if (prev.d === true || record.done === true && record.mode === "assessment") entry.d = true;
    if (typeof record.version === "string" && record.version.length <= 64) entry.v = record.version;
    else if (prev.v) entry.v = prev.v;
    if (typeof record.code === "string" && record.code.length <= 16) entry.k = record.code;
    else if (prev.k) entry.k = prev.k;
    state.q[record.quiz] = entry;
    // Merged, never lowered: a browser that does not know of a quiz done elsewhere reports fewer.
    var done = 0;
    for (var id in state.q) if (byId[id] && (state.q[id].ok || state.q[id].d)) done++;
    state.c = Math.max(num(state.c) || 0, num(record.completed_quizzes) || 0, done);
    if (num(record.total_quizzes) !== null) state.t = record.total_quizzes;
    save();
    return true;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function sessionTime(ms) {  // CMITimespan: HHHH:MM:SS.SS
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    var hh = String(h); while (hh.length < 4) hh = "0" + hh;
    return hh + ":" + two(m) + ":" + two(s % 60) + ".00";
  }

  function finish() {
    if (!open || finished) return;
    finished = true;
    set("cmi.core.session_time", sessionTime(new Date().getTime() - began));
    // "suspend" keeps suspend_data for the next session until the course is done.
    set("cmi.core.exit", status === "passed" || status === "completed" ? "" : "suspend");
    commit();
    call("LMSFinish", [""]);
    open = false;
  }

  // A page of the site, as a path below this launch page (for lesson_location).
  function sitePath(href) {
    var base = location.href.replace(/[#?].*$/, "").replace(/[^\/]*$/, "");
    if (href.indexOf(base) !== 0) return null;
    var rel = href.slice(base.length);
    return rel.indexOf("site/") === 0 && rel.indexOf("..") < 0 && rel.length <= 255 ? rel : null;
  }

  open = call("LMSInitialize", [""]) === "true";
  var location0 = start;
  if (open) {
    try {
      var saved = JSON.parse(get("cmi.suspend_data") || "null");
      if (saved && saved.v === 1 && saved.q) state = saved;
    } catch (e) { /* no or foreign suspend data: start afresh */ }
    status = get("cmi.core.lesson_status");
    if (!status || status === "not attempted") {
      set("cmi.core.lesson_status", "incomplete");
      status = "incomplete";
    }
    var where = get("cmi.core.lesson_location");
    if (where && sitePath(location.href.replace(/[^\/]*$/, "") + where)) location0 = where;
    commit();
  }

  // What this learner's earlier sessions saved for a quiz (a copy), for a browser that has less.
  function savedFor(quizId) {
    var entry = open && state.q && state.q[quizId];
    return entry && typeof entry === "object" ? JSON.parse(JSON.stringify(entry)) : null;
  }

  window.courseforgeLMS = { report: report, finish: finish, saved: savedFor, connected: open };
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.addEventListener("unload", finish);

  function showSite() {
    var frame = document.getElementById("cf-site");
    frame.addEventListener("load", function () {
      try {
        var path = sitePath(frame.contentWindow.location.href);
        if (path && set("cmi.core.lesson_location", path)) commit();
        if (frame.contentDocument && frame.contentDocument.title) document.title = frame.contentDocument.title;
      } catch (e) { /* a page of another origin: nothing to record */ }
    });
    frame.src = location0;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showSite);
  else showSite();
})();
