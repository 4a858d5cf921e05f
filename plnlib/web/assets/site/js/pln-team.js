/* The PLN Handbook: the Team results page's interface. Reads the chosen or
   dropped file in this tab (no request leaves the device), scores it with the
   port of plnlib (PLN.team), shows the results, announces them to screen
   readers and offers the same CSV as `plnlib score`. exceljs is loaded only
   when an .xlsx file is opened. */
(function () {
  "use strict";
  var box = document.getElementById("pln-team");
  if (!box) return;
  var data = JSON.parse(document.getElementById("pln-tool-data").textContent);
  var el = function (id) { return document.getElementById(id); };
  var checklistSel = el("pln-team-checklist"), fileInput = el("pln-team-file"), bySel = el("pln-team-by");
  var minInput = el("pln-team-min"), download = el("pln-team-download"), status = el("pln-team-status");
  var errorBox = el("pln-team-error"), results = el("pln-team-results");
  var state = { files: null, answers: null, res: null, groupsFor: null };
  var reads = 0;  // each read gets a number: a slower, older read never replaces a newer one
  var excel = null;

  function loadExcel() {
    if (window.ExcelJS) return Promise.resolve(window.ExcelJS);
    if (!excel) {
      excel = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = box.dataset.vendor + "exceljs.min.js";
        s.onload = function () { resolve(window.ExcelJS); };
        s.onerror = function () {
          excel = null;
          reject(new PLN.score.PlnError("expected the spreadsheet reader to load, found it missing",
            "exceljs.min.js", "Reload the page, or save the file as CSV and open that."));
        };
        document.head.appendChild(s);
      });
    }
    return excel;
  }

  function showError(err, label) {
    clearCharts();
    results.innerHTML = "";
    download.disabled = true;
    state.res = null;
    var message = err && err.name === "PlnError" ? err.message
      : "Something went wrong while reading " + (label || "the file") + " (" + (err && err.message ? err.message : err) +
        "). Check that it is a CSV, XLSX or saved answers file; if it is, please tell us on the handbook's issue tracker.";
    errorBox.innerHTML = "<h2>This file could not be used</h2><p>" + PLN.view.esc(message) + "</p>";
    errorBox.hidden = false;
    status.textContent = "The file could not be used. " + message;
    errorBox.focus();
    box.dataset.shown = "error";
  }

  function fileLabel() {
    if (!state.files) return "";
    return state.files.length === 1 ? state.files[0].name : state.files.length + " saved answers files";
  }

  function fillGroups(groups) {
    var keep = bySel.value;
    bySel.innerHTML = '<option value="">none</option>' + groups.map(function (g) {
      return '<option value="' + PLN.view.esc(g) + '">' + PLN.view.esc(g) + "</option>";
    }).join("");
    if (groups.indexOf(keep) >= 0) bySel.value = keep;
  }

  function minGroup() {
    var v = Number(minInput.value);
    return minInput.value === "" ? data.privacy.default_min_group : v;
  }

  /* vega (about 0.8 MB) loads only once a chart comes into view, and each chart is
     drawn when it does (a long checklist has a chart per section) */
  var drawing = 0, views = [], watcher = null, pending = [], current = {};
  function clearCharts() {
    drawing += 1;
    if (watcher) watcher.disconnect();
    watcher = null;
    views.forEach(function (v) { v.finalize(); });
    views = [];
    pending = [];
    current = {};
  }
  function chartFailed(view, err) {
    view.removeAttribute("role");
    view.textContent = "This chart could not be drawn (" + (err && err.message || err) +
      "). The table holds the same numbers.";
    box.dataset.charts = "failed";
    console.error("pln-team: chart", err);
  }
  function drawOne(chart, fig, mine) {
    var view = fig.querySelector(".pln-team-chart-view");
    fig.dataset.state = "loading";
    var done = window.plnLoadVega(box.dataset.vendor).then(function (vegaEmbed) {
      if (mine !== drawing) return null;
      var target = document.createElement("div");  // vega-embed sets its own role on its element
      target.className = "pln-team-chart-draw";
      target.setAttribute("aria-hidden", "true");
      view.appendChild(target);
      return vegaEmbed(target, chart.spec, { renderer: "svg", actions: false, config: { aria: false } }).then(function (out) {
        if (mine !== drawing) { out.view.finalize(); return; }
        views.push(out.view);
        // the view (role="img", no controls inside) keeps the text alternative, which names the
        // highest and lowest results; the drawing inside it is presentation only
        fig.dataset.state = "drawn";
      });
    }).catch(function (err) {
      if (mine === drawing) chartFailed(view, err);
    });
    pending.push(done);
    return done;
  }
  /* every chart not drawn yet (for printing), then resolve */
  function drawRemaining() {
    var mine = drawing;
    results.querySelectorAll("figure.pln-team-figure:not([data-state])").forEach(function (fig) {
      if (watcher) watcher.unobserve(fig);
      drawOne(current[fig.dataset.chart], fig, mine);
    });
    return Promise.all(pending);
  }
  function drawCharts(charts) {
    clearCharts();
    var mine = drawing;
    var byId = current;
    charts.forEach(function (c) { byId[c.id] = c; });
    var figs = results.querySelectorAll("figure.pln-team-figure");
    if (!figs.length) return;
    if (typeof IntersectionObserver !== "function") {
      figs.forEach(function (fig) { drawOne(byId[fig.dataset.chart], fig, mine); });
      return;
    }
    watcher = new IntersectionObserver(function (entries, obs) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        obs.unobserve(e.target);
        drawOne(byId[e.target.dataset.chart], e.target, mine);
      });
    }, { rootMargin: "200px 0px" });
    figs.forEach(function (fig) { watcher.observe(fig); });
  }

  function render() {
    if (!state.answers) return;
    try {
      var res = PLN.team.results(state.answers, checklistSel.value, data,
        { by: bySel.value || null, minGroup: minGroup(), where: state.answers.where });
      state.res = res;
      errorBox.hidden = true;
      errorBox.innerHTML = "";
      var charts = PLN.teamCharts.charts(res, data);
      clearCharts();
      results.innerHTML = (state.note ? '<p class="pln-team-note">' + PLN.view.esc(state.note) + "</p>" : "") +
        PLN.view.resultsHtml(res, fileLabel(), data.chapters, charts);
      drawCharts(charts);
      download.disabled = false;
      status.textContent = (state.note ? state.note + " " : "") + PLN.view.announce(res);
      box.dataset.shown = "results";
    } catch (err) {
      showError(err, fileLabel());
    }
  }

  function openFiles(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) return;
    status.textContent = "Reading " + (files.length === 1 ? files[0].name : files.length + " files") + "\u2026";
    var mine = started(), got = null;
    Promise.all(files.map(function (f) {
      return f.arrayBuffer().then(function (buf) { return { name: f.name, bytes: new Uint8Array(buf) }; });
    })).then(function (read) {
      got = read;
      if (mine === reads) state.files = read;
      return PLN.team.readFiles(read, checklistSel.value, data, { loadExcel: loadExcel });
    }).then(function (answers) {
      if (mine !== reads) return answers;
      var guess = PLN.team.guessChecklist(answers, data);
      if (guess && guess !== checklistSel.value && answers.layout !== "json") {
        // the file's questions belong to another checklist: choose it, and say so
        checklistSel.value = guess;
        state.note = "The questions in this file belong to \u201c" + data.checklists[guess].title +
          "\u201d, so that checklist is now chosen.";
        return PLN.team.readFiles(got, guess, data, { loadExcel: loadExcel });
      }
      state.note = "";
      return answers;
    }).then(function (answers) {
      if (mine !== reads) return;
      state.answers = answers;
      fillGroups(answers.groups);
      render();
      finished(mine);
    }, function (err) {
      if (mine !== reads) return;
      state.answers = null;
      fillGroups([]);
      showError(err, files.map(function (f) { return f.name; }).join(", "));
      finished(mine);
    });
  }

  /* box.dataset.read / .done: the latest read started, and the latest finished (for tests) */
  function started() {
    reads += 1;
    box.dataset.read = String(reads);
    return reads;
  }
  function finished(n) { box.dataset.done = String(n); }

  fileInput.addEventListener("change", function () { openFiles(fileInput.files); });
  checklistSel.addEventListener("change", function () {
    state.note = "";
    if (state.files) {
      var mine = started();
      PLN.team.readFiles(state.files, checklistSel.value, data, { loadExcel: loadExcel }).then(function (a) {
        if (mine !== reads) return;
        state.answers = a;
        fillGroups(a.groups);
        render();
        finished(mine);
      }, function (err) {
        if (mine !== reads) return;
        state.answers = null;
        showError(err, fileLabel());
        finished(mine);
      });
    }
  });
  bySel.addEventListener("change", render);
  minInput.addEventListener("change", render);
  el("pln-team-form").addEventListener("submit", function (e) { e.preventDefault(); });

  download.addEventListener("click", function () {
    if (!state.res) return;
    var text = PLN.groups.scoreCsv(state.res.table);
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = checklistSel.value + "-scores" + (state.res.by ? "-by-" + state.res.by.replace(/[^\w-]+/g, "_") : "") + ".csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    status.textContent = "Downloaded " + a.download + ".";
  });
  // print with every chart drawn (charts are otherwise drawn as they come into view)
  el("pln-team-print").addEventListener("click", function () {
    drawRemaining().then(function () { window.print(); });
  });

  // drop a file anywhere on the page
  document.addEventListener("dragover", function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
      e.preventDefault();
      box.classList.add("pln-team-dragging");
    }
  });
  document.addEventListener("dragleave", function (e) {
    if (!e.relatedTarget) box.classList.remove("pln-team-dragging");
  });
  document.addEventListener("drop", function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    box.classList.remove("pln-team-dragging");
    openFiles(e.dataTransfer.files);
  });
  box.classList.add("pln-team-ready");
})();
