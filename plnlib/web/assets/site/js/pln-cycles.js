/* The PLN Handbook: the improvement cycles tool in the page. A driver diagram editor, a
   Plan-Do-Study-Act log per change idea and the measure's readings; the checks and the
   charts' data are PlnCycles (pln-cycles-core.js, a port of plnlib). The two charts are the
   specs plnlib wrote into the page, fed the page's data; vega is loaded only when there is
   something to draw. Everything stays in this browser (localStorage) until Clear;
   "Save as JSON" writes the file `plnlib cycles FILE.json` reads. Nothing is uploaded. */
(function () {
  "use strict";
  var C = window.PlnCycles, CFG = null, STORE = "pln-cycles";

  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); } });
    (Array.isArray(content) ? content : content === undefined ? [] : [content]).forEach(function (c) {
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return e;
  }
  function table(caption, head, rows) {
    var body = rows.map(function (r) { return el("tr", {}, r.map(function (c) { return el("td", {}, c instanceof Node ? c : c === null ? "" : String(c)); })); });
    return el("div", { "class": "pln-table-wrap" }, el("table", {}, [el("caption", {}, caption),
      el("thead", {}, el("tr", {}, head.map(function (h) { return el("th", { scope: "col" }, h); }))), el("tbody", {}, body)]));
  }
  function blankDoc() {
    return { format: CFG.json_format, version: 1, diagram: { aim: "", measure: "", target_date: "",
      primary_drivers: [1, 2, 3].map(function (i) { return { id: "P" + i, text: "", secondary_drivers: [] }; }) }, cycles: [], measures: [] };
  }
  function checkDoc(d, where) {
    if (!d || typeof d !== "object" || d.format !== CFG.json_format) {
      throw new C.PlnError('expected a file with "format": "' + CFG.json_format + '", found something else', where, "Choose the .json file you saved from the improvement cycles page.");
    }
    if (!d.diagram || typeof d.diagram !== "object" || !Array.isArray(d.diagram.primary_drivers || [])) {
      throw new C.PlnError("expected a driver diagram (aim, measure, target_date, primary_drivers), found something else", where + ": diagram", "Start from the template.");
    }
    ["cycles", "measures"].forEach(function (k) {
      if (d[k] !== undefined && !(Array.isArray(d[k]) && d[k].every(function (r) { return r && typeof r === "object" && !Array.isArray(r); }))) {
        throw new C.PlnError("expected '" + k + "' to be a list of rows, found something else", where, "Save the file again from the improvement cycles page.");
      }
    });
    d.diagram.primary_drivers = d.diagram.primary_drivers || []; d.cycles = d.cycles || []; d.measures = d.measures || [];
    return d;
  }

  function figure(box, key, title, description, datasets, tweak, alt) {
    var fig = window.PlnPlanCharts.figure(box.dataset.vendor, CFG.specs[key], title, description, datasets, tweak, alt);
    fig.classList.add("pln-cy-figure");
    return fig;
  }

  function setup(box) {
    var doc, editing = null, status = box.querySelector(".pln-cy-status");
    var form = box.querySelector(".pln-cy-cycle"), reading = box.querySelector(".pln-cy-reading");
    function say(t, bad) { status.textContent = t; status.classList.toggle("pln-error", !!bad); }
    function save() { try { localStorage.setItem(STORE, JSON.stringify(doc)); } catch (e) { /* storage off */ } }
    function diagram() { try { return C.diagramFromDict(doc.diagram, "driver diagram"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } return e; } }
    function rawIdeas() {
      var out = [];
      doc.diagram.primary_drivers.forEach(function (p) { (p.secondary_drivers || []).forEach(function (s) { (s.change_ideas || []).forEach(function (c) { out.push(c); }); }); });
      return out;
    }
    function nextId(prefix) {
      var n = 0;
      JSON.stringify(doc.diagram).replace(new RegExp('"id":"' + prefix + '(\\d+)"', "g"), function (_, d) { n = Math.max(n, +d); return _; });
      return prefix + (n + 1);
    }

    /* ---------- the driver diagram editor ---------- */
    var tree = box.querySelector(".pln-cy-tree");
    function input(id, label, value, onInput, kind) {
      var f = el(kind === "textarea" ? "textarea" : "input", kind === "textarea" ? { id: id, rows: 2 } : { id: id, type: kind || "text" });
      f.value = value || "";
      f.addEventListener("input", function () { onInput(f.value); save(); });
      f.addEventListener("change", function () { check(); drawCharts(); });
      return el("p", {}, [el("label", { "for": id }, label), el("br"), f]);
    }
    function button(text, label, onClick) { var b = el("button", { type: "button", "aria-label": label }, text); b.addEventListener("click", onClick); return b; }
    function drawTree(focusId) {
      tree.innerHTML = "";
      var ps = doc.diagram.primary_drivers;
      ps.forEach(function (p, i) {
        var fs = el("fieldset", { "class": "pln-cy-primary" }, el("legend", {}, "Primary driver " + p.id));
        fs.appendChild(input("pln-cy-" + p.id, "What would bring the aim about (" + p.id + ")", p.text, function (v) { p.text = v; }, "textarea"));
        var subs = el("ul", {});
        (p.secondary_drivers || []).forEach(function (s, j) {
          var li = el("li", {}, input("pln-cy-" + s.id, "Secondary driver " + s.id + ", under " + p.id, s.text, function (v) { s.text = v; }));
          var ideas = el("ul", {});
          (s.change_ideas || []).forEach(function (c, k) {
            ideas.appendChild(el("li", {}, [input("pln-cy-" + c.id, "Change idea " + c.id + ", under " + s.id, c.text, function (v) { c.text = v; }),
              button("Remove " + c.id, "Remove change idea " + c.id, function () { s.change_ideas.splice(k, 1); changed("Removed change idea " + c.id + ".", "pln-cy-add-" + s.id); })]));
          });
          li.appendChild(ideas);
          li.appendChild(el("p", {}, [button("Add a change idea", "Add a change idea under " + s.id, function () {
            var id = nextId("C"); s.change_ideas = s.change_ideas || []; s.change_ideas.push({ id: id, text: "" }); changed("Added change idea " + id + " under " + s.id + ".", "pln-cy-" + id);
          }), " ", button("Remove " + s.id, "Remove secondary driver " + s.id + " and its change ideas", function () {
            p.secondary_drivers.splice(j, 1); changed("Removed secondary driver " + s.id + ".", "pln-cy-add-" + p.id);
          })]));
          li.querySelector("p:last-child button").id = "pln-cy-add-" + s.id;
          subs.appendChild(li);
        });
        fs.appendChild(subs);
        var add = button("Add a secondary driver", "Add a secondary driver under " + p.id, function () {
          var id = nextId("S"); p.secondary_drivers = p.secondary_drivers || []; p.secondary_drivers.push({ id: id, text: "", change_ideas: [] });
          changed("Added secondary driver " + id + " under " + p.id + ".", "pln-cy-" + id);
        });
        add.id = "pln-cy-add-" + p.id;
        var row = el("p", {}, [add]);
        if (ps.length > 3) { row.appendChild(document.createTextNode(" ")); row.appendChild(button("Remove " + p.id, "Remove primary driver " + p.id + " and everything under it", function () { ps.splice(i, 1); changed("Removed primary driver " + p.id + ".", "pln-cy-add-primary"); })); }
        fs.appendChild(row);
        tree.appendChild(fs);
      });
      var addP = box.querySelector(".pln-cy-add-primary");
      addP.disabled = ps.length >= 5;
      addP.setAttribute("aria-describedby", "pln-cy-primary-help");
      if (focusId && document.getElementById(focusId)) { document.getElementById(focusId).focus(); }
    }
    function changed(message, focusId) { save(); drawAll(focusId); say(message); }

    /* ---------- the checks, the log, the readings, the charts ---------- */
    var problems = box.querySelector(".pln-cy-problems");
    function check() {
      var d = diagram(), msgs = [];
      if (d instanceof C.PlnError) { msgs.push(d.message); }
      var dg = d instanceof C.PlnError ? null : d;
      if (doc.cycles.length) { try { C.prepareCycles(doc.cycles, CFG, dg, "PDSA log"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } msgs.push(e.message); } }
      if (doc.measures.length) { try { C.prepareMeasures(doc.measures, "readings"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } msgs.push(e.message); } }
      problems.innerHTML = "";
      if (msgs.length) { problems.appendChild(el("p", {}, "To fix before the charts can be drawn:")); problems.appendChild(el("ul", {}, msgs.map(function (m) { return el("li", {}, m); }))); }
      else { problems.appendChild(el("p", {}, "Everything checks: plnlib will read the saved file as it is.")); }
      return msgs;
    }
    function fillSelects() {
      var sel = form.querySelector("[name=change_idea]"), keep = sel.value;
      sel.innerHTML = "";
      rawIdeas().forEach(function (c) { sel.appendChild(el("option", { value: c.id }, c.id + ": " + (c.text || "(no text yet)"))); });
      if (keep) { sel.value = keep; }
      var cyc = reading.querySelector("[name=cycle]"), keepC = cyc.value;
      cyc.innerHTML = ""; cyc.appendChild(el("option", { value: "" }, "none"));
      doc.cycles.forEach(function (c) { cyc.appendChild(el("option", { value: c.cycle }, "cycle " + c.cycle)); });
      cyc.value = keepC;
    }
    function drawLog() {
      var out = box.querySelector(".pln-cy-log"); out.innerHTML = "";
      if (!doc.cycles.length) { out.appendChild(el("p", {}, "No cycles yet.")); return; }
      var shown;
      try { shown = C.prepareCycles(doc.cycles, CFG, null, "PDSA log"); } catch (e) { shown = null; }
      var groups = {};
      doc.cycles.forEach(function (c, i) { (groups[c.change_idea] = groups[c.change_idea] || []).push(i); });
      Object.keys(groups).forEach(function (idea) {
        var found = rawIdeas().filter(function (c) { return c.id === idea; })[0];
        out.appendChild(el("h4", {}, "Change idea " + idea + (found && found.text ? ": " + found.text : "")));
        out.appendChild(table("Cycles testing " + idea, ["Cycle", "Question", "Prediction", "Start", "Do", "Study", "Act", "Next", "Status", "Change"], groups[idea].map(function (i) {
          var c = doc.cycles[i];
          var edit = button("Edit", "Edit cycle " + c.cycle, function () { load(i); });
          var rm = button("Remove", "Remove cycle " + c.cycle, function () { doc.cycles.splice(i, 1); editing = null; changed("Removed cycle " + c.cycle + ".", "pln-cy-f-question"); });
          return [c.cycle, c.question, c.prediction, c.start, c["do"], c.study, c.act, c.next, shown ? shown[i].status : "", el("span", {}, [edit, " ", rm])];
        })));
      });
    }
    function drawReadings() {
      var out = box.querySelector(".pln-cy-readings"); out.innerHTML = "";
      if (!doc.measures.length) { out.appendChild(el("p", {}, "No readings yet.")); return; }
      out.appendChild(table("Readings as entered", ["Date", "Value", "Cycle", "Change"], doc.measures.map(function (m, i) {
        return [m.date, m.value, m.cycle, button("Remove", "Remove the reading of " + m.date, function () { doc.measures.splice(i, 1); changed("Removed the reading of " + m.date + ".", "pln-cy-r-date"); })];
      })));
    }
    function drawCharts() {
      var out = box.querySelector(".pln-cy-charts"); out.innerHTML = "";
      var d = diagram();
      if (d instanceof C.PlnError) { out.appendChild(el("p", {}, "The driver diagram is drawn once the aim, its measure, the target date and every driver are filled in.")); return; }
      var lay = C.diagramLayout(d, CFG.heads), rows = lay.frame[1].y;
      out.appendChild(figure(box, "diagram", "Driver diagram", C.diagramDescription(d), lay,
        function (s) { s.height = Math.max(200, Math.floor(40 * (rows + 1))); s.width = Math.max(560, out.clientWidth - 24); },
        table("Every box of the driver diagram", ["level", "id", "parent", "text"], C.diagramRows(d))));
      var cycles = null, readings;
      try { cycles = doc.cycles.length ? C.prepareCycles(doc.cycles, CFG, d, "PDSA log") : null; readings = C.prepareMeasures(doc.measures, "readings"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } return; }
      if (!readings.length) { out.appendChild(el("p", {}, "The run chart is drawn once there are readings of the measure.")); return; }
      var data = C.runData(readings, cycles), title = d.measure + " across the cycles";
      out.appendChild(figure(box, "run", title, C.runDescription(data, d.measure), data, function (s) {
        s.layer[0].encoding.y.title = d.measure.length <= 40 ? d.measure : d.measure.slice(0, 38) + "\u2026";
      }, table("Readings of " + d.measure, ["date", "value", "cycle"], data.readings.map(function (r) { return [r.date, C.fmtG(r.value), r.cycle]; }))));
    }
    function drawAll(focusId) {
      var dg = doc.diagram;
      box.querySelector("#pln-cy-aim").value = dg.aim || ""; box.querySelector("#pln-cy-measure").value = dg.measure || "";
      box.querySelector("#pln-cy-target").value = dg.target_date || "";
      drawTree(focusId); fillSelects(); drawLog(); drawReadings(); check(); drawCharts();
    }

    /* ---------- the forms ---------- */
    function fields() { return CFG.pdsa_columns; }
    function load(i) {
      editing = i; var c = doc.cycles[i];
      fields().forEach(function (f) { var n = form.querySelector("[name=" + f + "]"); if (n) { n.value = c[f] || ""; } });
      form.querySelector(".pln-cy-add-cycle").textContent = "Save the changes to cycle " + c.cycle;
      form.querySelector(".pln-cy-cancel").hidden = false;
      form.querySelector("[name=question]").focus(); say("Editing cycle " + c.cycle + ": change the fields, then save.");
    }
    function resetForm() {
      editing = null; form.reset();
      var n = 0; doc.cycles.forEach(function (c) { if (/^\d+$/.test(c.cycle)) { n = Math.max(n, +c.cycle); } });
      form.querySelector("[name=cycle]").value = String(n + 1);
      form.querySelector(".pln-cy-add-cycle").textContent = "Add the cycle";
      form.querySelector(".pln-cy-cancel").hidden = true;
    }
    form.querySelector(".pln-cy-add-cycle").addEventListener("click", function () {
      var c = {};
      fields().forEach(function (f) { var n = form.querySelector("[name=" + f + "]"); c[f] = n ? n.value.trim() : ""; });
      var next = doc.cycles.slice(); if (editing === null) { next.push(c); } else { next[editing] = c; }
      var d = diagram();
      try { C.prepareCycles(next, CFG, d instanceof C.PlnError ? null : d, "PDSA log"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } say(e.message, true); return; }
      var was = editing; doc.cycles = next; resetForm(); changed(was === null ? "Added cycle " + c.cycle + ". " + doc.cycles.length + " cycles kept on this device." : "Saved cycle " + c.cycle + ".", "pln-cy-f-question");
    });
    form.querySelector(".pln-cy-cancel").addEventListener("click", function () { resetForm(); say("Not changed."); form.querySelector("[name=question]").focus(); });
    reading.querySelector(".pln-cy-add-reading").addEventListener("click", function () {
      var r = { date: reading.querySelector("[name=date]").value.trim(), value: reading.querySelector("[name=value]").value.trim(), cycle: reading.querySelector("[name=cycle]").value };
      try { C.prepareMeasures(doc.measures.concat([r]), "readings"); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } say(e.message, true); return; }
      doc.measures.push(r); reading.querySelector("[name=value]").value = "";
      changed("Added the reading of " + r.date + ". " + doc.measures.length + " readings kept on this device.", "pln-cy-r-date");
    });
    [["#pln-cy-aim", "aim"], ["#pln-cy-measure", "measure"], ["#pln-cy-target", "target_date"]].forEach(function (p) {
      var f = box.querySelector(p[0]);
      f.addEventListener("input", function () { doc.diagram[p[1]] = f.value; save(); });
      f.addEventListener("change", function () { check(); drawCharts(); });
    });
    box.querySelector(".pln-cy-add-primary").addEventListener("click", function () {
      if (doc.diagram.primary_drivers.length >= 5) { say("A driver diagram keeps three to five primary drivers.", true); return; }
      var id = nextId("P"); doc.diagram.primary_drivers.push({ id: id, text: "", secondary_drivers: [] }); changed("Added primary driver " + id + ".", "pln-cy-" + id);
    });

    /* ---------- save, open, clear ---------- */
    box.querySelector(".pln-cy-save").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "cycles.json" });
      document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      say("Saved cycles.json: open it here later, or run plnlib cycles cycles.json -o record.html.");
    });
    box.querySelector(".pln-cy-open").addEventListener("change", function (ev) {
      var f = ev.target.files[0]; if (!f) { return; }
      f.text().then(function (t) {
        var d;
        try { d = JSON.parse(t.replace(/^\ufeff/, "")); } catch (e) { say(f.name + ": expected JSON saved by the improvement cycles page, found text that is not JSON. Choose the .json file you saved.", true); return; }
        try { doc = checkDoc(d, f.name); } catch (e) { if (!(e instanceof C.PlnError)) { throw e; } say(e.message, true); return; }
        resetForm(); save(); drawAll();
        var msgs = check();
        say("Opened " + f.name + ": " + doc.cycles.length + " cycles, " + doc.measures.length + " readings." + (msgs.length ? " " + msgs[0] : ""), msgs.length > 0);
      }).then(function () { ev.target.value = ""; });
    });
    var confirmBox = box.querySelector(".pln-confirm"), clear = box.querySelector(".pln-cy-clear");
    function closeConfirm(t) { confirmBox.hidden = true; clear.focus(); if (t) { say(t); } }
    clear.addEventListener("click", function () {
      confirmBox.querySelector(".pln-confirm-text").textContent = "Clear the driver diagram, " + doc.cycles.length + " cycles and " + doc.measures.length +
        " readings from this page and this browser? This cannot be undone (a saved file is not affected).";
      confirmBox.hidden = false; confirmBox.querySelector(".pln-confirm-no").focus();
    });
    confirmBox.querySelector(".pln-confirm-no").addEventListener("click", function () { closeConfirm("Nothing was cleared."); });
    confirmBox.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { closeConfirm("Nothing was cleared."); } });
    confirmBox.querySelector(".pln-confirm-yes").addEventListener("click", function () {
      try { localStorage.removeItem(STORE); } catch (e) { /* off */ }
      doc = blankDoc(); resetForm(); drawAll(); closeConfirm("Cleared: nothing is kept in this browser.");
    });

    try { doc = checkDoc(JSON.parse(localStorage.getItem(STORE) || "null"), "saved"); } catch (e) { doc = blankDoc(); }
    resetForm(); drawAll();
  }
  function init() {
    var cfg = document.querySelector("script.pln-cy-data");
    if (!cfg || !C) { return; }
    CFG = JSON.parse(cfg.textContent);
    document.querySelectorAll(".pln-cycles").forEach(setup);
  }
  window.PlnCyclesPage = { init: init };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
