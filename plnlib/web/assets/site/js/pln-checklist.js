/* The PLN Handbook: fillable checklists. Answers stay in this tab; "Save" writes a
   JSON file on the reader's own device in the format plnlib reads back. */
(function () {
  "use strict";
  function bandOf(mean, bands) {
    var label = "";
    bands.forEach(function (b) { if (mean >= b[0] - 1e-9) { label = b[1]; } });
    return label;
  }
  function setup(form) {
    var bands = (form.dataset.bands || "").split(";").filter(Boolean).map(function (x) {
      var i = x.indexOf(":"); return [parseFloat(x.slice(0, i)), x.slice(i + 1)];
    });
    function answers() {
      var out = {};
      form.querySelectorAll("fieldset.pln-item").forEach(function (fs) {
        var checked = fs.querySelector("input:checked");
        out[fs.dataset.item] = checked ? (isNaN(Number(checked.value)) ? checked.value : Number(checked.value)) : null;
      });
      return out;
    }
    function update() {
      var a = answers(), all = [], per = {};
      form.querySelectorAll("fieldset.pln-item").forEach(function (fs) {
        var v = a[fs.dataset.item];
        if (typeof v === "number") { all.push(v); (per[fs.dataset.section] = per[fs.dataset.section] || []).push(v); }
      });
      form.querySelectorAll("[data-section-score]").forEach(function (p) {
        var vals = per[p.dataset.sectionScore] || [];
        var link = p.querySelector("a");
        var text = vals.length ? "Section mean: " + (vals.reduce(function (s, x) { return s + x; }, 0) / vals.length).toFixed(2) +
          " (" + bandOf(vals.reduce(function (s, x) { return s + x; }, 0) / vals.length, bands) + ", " + vals.length + " answered). "
          : "Answer the statements to see this section's mean. ";
        p.textContent = text;
        if (link) { p.appendChild(link); }
      });
      var overall = form.querySelector(".pln-overall");
      if (all.length) {
        var m = all.reduce(function (s, x) { return s + x; }, 0) / all.length;
        overall.textContent = "Overall: " + m.toFixed(2) + " (" + bandOf(m, bands) + "), " + all.length + " statements scored.";
      } else { overall.textContent = "Overall: no answers yet."; }
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.querySelector(".pln-save").addEventListener("click", function () {
      var doc = { format: "plnlib-answers", version: 1, checklist: form.dataset.checklist,
        checklist_version: Number(form.dataset.version), respondent: "me", answers: answers() };
      var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = form.dataset.checklist + "-answers.json";
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    update();
  }
  function init() { document.querySelectorAll("form.pln-checklist").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
