/* The PLN Handbook: the cost of time in the page. A port of plnlib.planning.timecost
   (checked against plnlib in tests/conformance/); option labels come from plnlib. */
(function () {
  "use strict";
  var CFG = null;
  function PlnError(what, where, fix) { this.message = where + ": " + what + ". " + fix; }
  function g(x) { return String(Math.round(x * 1e6) / 1e6); }
  function r(x, d) { var f = Math.pow(10, d); return Math.round(x * f) / f; }

  function check(t) {
    if (!(t.lesson_minutes > 0 && t.lesson_minutes <= 240)) { throw new PlnError("expected a lesson length from 1 to 240 minutes, found " + g(t.lesson_minutes), "lesson minutes", "Give the length of one lesson in minutes, such as 50 or 60."); }
    if (!(t.days_per_week >= 1 && t.days_per_week <= 7)) { throw new PlnError("expected 1 to 7 school days a week, found " + t.days_per_week, "days per week", "Most schools teach on 5 days a week."); }
    if (!(t.lessons_per_week >= 1)) { throw new PlnError("expected at least 1 lesson a week, found " + t.lessons_per_week, "lessons a week", "Count the lessons a class has in one week, such as 25."); }
    if (t.lessons_per_week * t.lesson_minutes > t.days_per_week * 24 * 60) { throw new PlnError("expected lessons that fit in a week, found " + t.lessons_per_week + " lessons of " + g(t.lesson_minutes) + " minutes (" + g(t.lessons_per_week * t.lesson_minutes / 60) + " hours), more than " + t.days_per_week + " whole days", "lessons a week", "Check the two figures: lessons a week for one class, and minutes per lesson."); }
    if (!(t.staff >= 1)) { throw new PlnError("expected at least 1 member of staff, found " + t.staff, "staff", "Give the number of teachers taking part in the network."); }
    if (t.cover_cost_per_hour < 0) { throw new PlnError("expected a cover cost of 0 or more, found " + g(t.cover_cost_per_hour), "cover cost per hour", "Give what an hour of cover costs, or 0 if you do not know."); }
    if (t.minutes_shaved !== null && !(t.minutes_shaved > 0 && t.minutes_shaved < t.lesson_minutes)) { throw new PlnError("expected minutes shaved between 0 and the lesson length (" + g(t.lesson_minutes) + "), found " + g(t.minutes_shaved), "minutes shaved", "Shave a few minutes from each lesson, fewer than the lesson lasts."); }
    if (t.reallocated_minutes < 0) { throw new PlnError("expected 0 or more minutes of meeting or planning time, found " + g(t.reallocated_minutes), "reallocated minutes", "Give the minutes a week you would give to network work."); }
    var limit = t.free_periods_per_week !== null ? t.free_periods_per_week : t.lessons_per_week;
    if (!(t.aligned_periods >= 0 && t.aligned_periods <= limit)) { throw new PlnError("expected 0 to " + limit + " aligned free periods a week, found " + t.aligned_periods, "aligned periods", "A teacher cannot share more free periods than they have."); }
    if (!(t.cover_lessons >= 0 && t.cover_lessons <= t.lessons_per_week)) { throw new PlnError("expected 0 to " + t.lessons_per_week + " covered lessons a week, found " + t.cover_lessons, "cover lessons", "Cover at most the lessons a teacher teaches in a week."); }
  }

  function options(t) {
    check(t);
    var halfDay = t.lessons_per_week / t.days_per_week / 2 * t.lesson_minutes;
    var shaved = t.minutes_shaved !== null ? t.minutes_shaved : halfDay / t.lessons_per_week;
    var freed = shaved * t.lessons_per_week;
    var per = { shave: freed / 60, reallocate: t.reallocated_minutes / 60, align: t.aligned_periods * t.lesson_minutes / 60, cover: t.cover_lessons * t.lesson_minutes / 60 };
    var lost = { shave: freed, reallocate: 0, align: 0, cover: 0 };
    var cost = { shave: 0, reallocate: 0, align: 0, cover: per.cover * t.staff * t.cover_cost_per_hour };
    return CFG.options.map(function (o) {
      return { option: o.id, label: o.label, hours_per_teacher: r(per[o.id], 2), hours_network: r(per[o.id] * t.staff, 2),
        lesson_minutes_lost_per_class: r(lost[o.id], 1), cover_cost: r(cost[o.id], 2) };
    });
  }

  function setup(form) {
    var out = form.querySelector(".pln-tc-results"), status = form.querySelector(".pln-tc-status");
    function num(name) { var v = form.querySelector("[name=" + name + "]").value.trim(); return v === "" ? null : Number(v); }
    function update() {
      var t = { lesson_minutes: num("lesson_minutes"), lessons_per_week: num("lessons_per_week"), staff: num("staff"),
        cover_cost_per_hour: num("cover_cost_per_hour") || 0, days_per_week: num("days_per_week") || 5,
        minutes_shaved: num("minutes_shaved"), reallocated_minutes: num("reallocated_minutes") === null ? 60 : num("reallocated_minutes"),
        aligned_periods: num("aligned_periods") === null ? 1 : num("aligned_periods"), cover_lessons: num("cover_lessons") === null ? 1 : num("cover_lessons"),
        free_periods_per_week: num("free_periods_per_week") };
      out.innerHTML = "";
      try {
        var rows = options(t);
        var table = document.createElement("table");
        table.innerHTML = "<caption>What each option gives and costs in one week</caption><thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Hours per teacher</th><th scope=\"col\">Hours for all staff</th><th scope=\"col\">Lesson minutes lost per class</th><th scope=\"col\">Cover cost</th></tr></thead>";
        var body = document.createElement("tbody");
        rows.forEach(function (x) {
          var tr = document.createElement("tr");
          [x.label, x.hours_per_teacher.toFixed(2), x.hours_network.toFixed(2), x.lesson_minutes_lost_per_class.toFixed(0), x.cover_cost.toFixed(2)].forEach(function (c, i) {
            var cell = document.createElement(i === 0 ? "th" : "td"); if (i === 0) { cell.setAttribute("scope", "row"); } cell.textContent = c; tr.appendChild(cell);
          });
          body.appendChild(tr);
        });
        table.appendChild(body); out.appendChild(table);
        status.textContent = "Worked out for " + t.staff + " staff.";
      } catch (err) { if (!(err instanceof PlnError)) { throw err; } status.textContent = err.message; }
    }
    form.addEventListener("input", update);
    update();
  }
  function init() {
    var cfg = document.querySelector("script.pln-tc-data");
    if (!cfg) { return; }
    CFG = JSON.parse(cfg.textContent);
    document.querySelectorAll("form.pln-timecost").forEach(setup);
  }
  window.PlnTimeCost = { options: options, PlnError: PlnError };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
