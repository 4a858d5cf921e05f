/* The PLN Handbook: fillable checklists. Answers are kept in this browser
   (pln-store.js), scored in the page (pln-person.js) and drawn with the chart spec
   plnlib wrote at build time (vega from the site's /vendor/). "Save" writes the JSON
   file plnlib reads; "Open" reads it back. No request leaves the site. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var base = here ? new URL(".", here).href : "";
  var query = here ? new URL(here).search : "";  // the build's cache-busting ?v=, for our modules too

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  function loadModules() {
    var need = [];
    if (!window.PlnStore) { need.push(loadScript(base + "pln-store.js" + query)); }
    if (!window.PlnPerson) { need.push(loadScript(base + "pln-person.js" + query)); }
    return Promise.all(need);
  }
  /* vega through the one loader (pln-charts.js: plnLoadVega), fetched from this site when needed */
  function loadVega() {
    var vendor = base + "../vendor/";
    if (window.plnLoadVega) { return window.plnLoadVega(vendor); }
    return loadScript(base + "pln-charts.js" + query).then(function () { return window.plnLoadVega(vendor); });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function setup(form) {
    var P = window.PlnPerson, S = window.PlnStore;
    var data = JSON.parse(form.querySelector("script.pln-checklist-data").textContent);
    var tools = form.querySelector(".pln-person-tools");
    var status = form.querySelector(".pln-status");
    var storage = S.available(window);
    var view = null, pendingRows = null, result = null, chartStarted = false;

    function say(text) { status.textContent = text; }

    function answers() {
      var out = {};
      form.querySelectorAll("fieldset.pln-item").forEach(function (fs) {
        var c = fs.querySelector("input:checked");
        if (c) { out[fs.dataset.item] = isNaN(Number(c.value)) ? c.value : Number(c.value); }
      });
      return out;
    }
    function show(values) {
      form.querySelectorAll("fieldset.pln-item").forEach(function (fs) {
        var v = values[fs.dataset.item];
        fs.querySelectorAll("input[type=radio]").forEach(function (r) {
          r.checked = v !== undefined && v !== null && String(v) === r.value;
        });
      });
    }
    function keep() {
      if (!storage) { return; }
      var a = answers();
      if (Object.keys(a).length) {
        if (!S.save(storage, P.answersDoc(data, a))) {
          say("This browser would not keep your answers (its storage is full or blocked). Save them as a file before you leave.");
        }
      } else { S.clear(storage, data.id, data.version); }
    }

    function drawChart(rows) {
      // vega (about 0.8 MB) loads only once there is something to draw
      if (!chartStarted && rows.length) { chartStarted = true; startChart(); }
      if (!view) { pendingRows = rows; return; }
      view.data(data.chart_data, rows).runAsync();
    }
    function startChart() {
      var box = form.querySelector(".pln-person-chart .pln-chart-view");
      loadVega().then(function () {
        // marks without ARIA roles: the drawing as a whole carries the text alternative
        return window.vegaEmbed(box, data.chart, { renderer: "svg", actions: false, config: { aria: false } });
      }).then(function (res) {
        view = res.view;
        var svg = box.querySelector("svg");
        if (svg) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", box.getAttribute("aria-label") || data.chart.description || "Chart of your section means");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
        drawChart(pendingRows || []);
      }).catch(function (err) {
        box.removeAttribute("role");
        box.textContent = "The chart could not be drawn (" + (err && err.message || err) + "). The table below holds your results.";
      });
    }

    function update() {
      var a = answers();
      result = P.score(data, a);
      result.sections.forEach(function (s) {
        var p = form.querySelector('[data-section-score="' + s.id + '"]');
        var link = p.querySelector("a");
        p.textContent = s.mean !== null
          ? "Section mean: " + s.mean.toFixed(2) + " (" + s.band + ", " + s.n + " answered). "
          : "Answer the statements to see this section's mean. ";
        if (link) { p.appendChild(link); }
        var row = form.querySelector('.pln-results-table tr[data-section="' + s.id + '"]');
        var cells = row.querySelectorAll("td");
        cells[0].textContent = s.n + " of " + s.items;
        cells[1].textContent = P.fmt(s.mean);
        cells[2].textContent = s.band || "\u2013";
      });
      var text = result.answered
        ? "Overall: " + result.mean.toFixed(2) + " (" + result.band + "), " + result.answered +
          (result.answered === 1 ? " statement" : " statements") + " scored."
        : "Overall: no answers yet.";
      form.querySelector(".pln-overall").textContent = text;
      form.querySelector(".pln-results-overall").textContent = text;
      drawWeakest(a);
      drawChart(P.chartRows(result));
      var drawn = result.sections.filter(function (s) { return s.mean !== null; });
      form.querySelector(".pln-person-chart .pln-chart-view").setAttribute("aria-label",
        drawn.length ? "Bar chart of your section means: " + drawn.map(function (s) {
          return s.title + " " + s.mean.toFixed(2) + " (" + s.band + ")"; }).join("; ") +
          ". The table below holds the same numbers."
          : "Bar chart of your section means: no answers yet.");
    }

    function drawWeakest(a) {
      var box = form.querySelector(".pln-weakest");
      box.textContent = "";
      var weak = P.weakest(data, a, result, 2);
      if (!weak.length) { return; }
      box.appendChild(el("h4", weak.length > 1 ? "Your two weakest sections: what to do next" : "Your weakest section: what to do next"));
      weak.forEach(function (w) {
        var sec = el("div", null, "pln-weak-section");
        sec.appendChild(el("h5", w.title + ": " + w.mean.toFixed(2) + " (" + w.band + ")"));
        var ul = el("ul");
        w.actions.forEach(function (act) { ul.appendChild(el("li", act.item + ": " + act.text)); });
        sec.appendChild(ul);
        if (w.link) {
          var p = el("p"), link = el("a", "Read the chapter: " + w.title);
          link.href = w.link;
          p.appendChild(link); sec.appendChild(p);
        }
        box.appendChild(sec);
      });
    }

    function changed() { update(); keep(); }

    // --- restore what this browser kept
    if (storage) {
      var kept = S.load(storage, data.id, data.version);
      if (kept) {
        try {
          var got = P.readDoc(data, JSON.stringify(kept));
          show(got.answers);
          say("Restored " + got.restored + " answer" + (got.restored === 1 ? "" : "s") + " kept in this browser.");
        } catch (e) { say(e.message); }
      } else {
        offerOlder();
      }
    } else {
      form.querySelector(".pln-storage-line").textContent =
        "This browser does not let the page keep your answers (a private window, or storage is switched off): they will be lost on reload. Save them as a file before you leave. Nothing is sent anywhere.";
    }

    /* The statements added after version v (from the YAML's changes record), in page order. */
    function newSince(v) {
      var added = {};
      (data.changes || []).forEach(function (c) {
        if (c.version > v) { c.new.forEach(function (id) { added[id] = true; }); }
      });
      var out = [];
      data.sections.forEach(function (s) { s.items.forEach(function (it) { if (added[it.id]) { out.push(it.id); } }); });
      return out;
    }
    function newNote(v) {
      var ids = newSince(v);
      return ids.length ? ids.length + (ids.length === 1 ? " statement" : " statements") + " new since then start unanswered (" + ids.join(", ") +
        "); see \u201cChanges to this checklist\u201d below" : "";
    }

    function offerOlder() {
      var older = S.olderVersions(storage, data.id, data.version);
      if (!older.length) { return; }
      var box = form.querySelector(".pln-restore");
      var old = older[0], got;
      try { got = P.readDoc(data, JSON.stringify(old.doc)); } catch (e) { return; }
      if (!got.restored) { return; }
      box.textContent = "";
      var fresh = newNote(old.version);
      box.appendChild(el("p", "Answers you saved for version " + old.version + " of this checklist: restore the " +
        got.restored + " that still apply?" + (fresh ? " " + fresh.charAt(0).toUpperCase() + fresh.slice(1) + "." : "")));
      var yes = el("button", "Restore them"), no = el("button", "No, start afresh");
      yes.type = "button"; no.type = "button";
      yes.addEventListener("click", function () {
        show(got.answers); changed(); S.forget(storage, old.key);
        box.hidden = true; say("Restored " + got.restored + " answers from version " + old.version + ".");
        form.querySelector("fieldset.pln-item input").focus();
      });
      no.addEventListener("click", function () {
        S.forget(storage, old.key); box.hidden = true; say("The older answers were removed from this browser.");
      });
      box.appendChild(yes); box.appendChild(document.createTextNode(" ")); box.appendChild(no);
      box.hidden = false;
    }

    // --- the buttons
    form.addEventListener("change", function (ev) { if (ev.target.type === "radio") { changed(); } });
    form.querySelector(".pln-save").addEventListener("click", function () {
      download(data.id + "-answers.json", P.docText(P.answersDoc(data, answers())), "application/json");
      say("Your answers were saved as " + data.id + "-answers.json in your downloads.");
    });
    form.querySelector(".pln-csv").addEventListener("click", function () {
      download(data.id + "-answers.csv", P.csvText(data, answers()), "text/csv");
      say("Your answers were saved as " + data.id + "-answers.csv in your downloads.");
    });
    form.querySelector(".pln-open-file").addEventListener("change", function (ev) {
      var file = ev.target.files && ev.target.files[0];
      if (!file) { return; }
      file.text().then(function (text) {
        var got = P.readDoc(data, text, file.name);
        show(got.answers); changed();
        var fresh = got.older ? newNote(got.version) : "";
        var note = got.older ? " (saved for version " + got.version + "; " + got.skipped.length + " no longer apply" +
          (fresh ? "; " + fresh : "") + ")" :
          (got.skipped.length ? " (" + got.skipped.length + " could not be used: " + got.skipped.join(", ") + ")" : "");
        say("Opened " + file.name + ": " + got.restored + " answers shown" + note + ".");
      }).catch(function (err) { say("Could not open the file. " + err.message); })
        .then(function () { ev.target.value = ""; });
    });
    var confirmBox = form.querySelector(".pln-confirm");
    var clearButton = form.querySelector(".pln-clear");
    clearButton.addEventListener("click", function () {
      var n = Object.keys(answers()).length;
      if (!n) { say("There are no answers to clear."); return; }
      confirmBox.querySelector(".pln-confirm-text").textContent =
        "Clear all " + n + " answers on this page and in this browser? This cannot be undone (a saved file is not affected).";
      confirmBox.hidden = false;
      confirmBox.querySelector(".pln-confirm-no").focus();
    });
    function closeConfirm() { confirmBox.hidden = true; clearButton.focus(); }
    confirmBox.querySelector(".pln-confirm-no").addEventListener("click", function () { closeConfirm(); say("Your answers were kept."); });
    confirmBox.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { closeConfirm(); say("Your answers were kept."); } });
    confirmBox.querySelector(".pln-confirm-yes").addEventListener("click", function () {
      show({}); changed(); if (storage) { S.clear(storage, data.id, data.version); }
      closeConfirm(); say("Your answers were cleared from this page and this browser.");
    });
    form.querySelector(".pln-print").addEventListener("click", function () { printResults(); });

    function printResults() {
      var old = document.getElementById("pln-print-view");
      if (old) { old.remove(); }
      var pv = document.createElement("div");
      pv.id = "pln-print-view";
      var results = form.querySelector(".pln-results").cloneNode(true);
      results.removeAttribute("aria-labelledby");
      results.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
      results.querySelectorAll("a").forEach(function (a) {
        a.textContent = a.textContent + " (" + a.href + ")";
      });
      pv.appendChild(results);
      pv.appendChild(el("p", "From The PLN Handbook: checklist " + data.id + ", version " + data.version + ", printed " +
        new Date().toISOString().slice(0, 10) + ". These answers were kept on this device only."));
      document.body.appendChild(pv);
      document.body.classList.add("pln-print-results");
      window.addEventListener("afterprint", function done() {
        document.body.classList.remove("pln-print-results");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    }

    tools.hidden = false;
    update();
    form.dataset.ready = "yes";
  }

  function init() {
    loadModules().then(function () {
      document.querySelectorAll("form.pln-checklist").forEach(setup);
    }).catch(function (err) {
      document.querySelectorAll("form.pln-checklist .pln-overall").forEach(function (p) {
        p.textContent = "The checklist's scripts did not load (" + err.message + "): reload the page.";
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
