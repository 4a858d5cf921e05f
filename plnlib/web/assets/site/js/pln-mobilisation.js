/* The PLN Handbook: the mobilisation tracker in the page. The computing part is a port of
   plnlib.planning.mobilisation (prepare_records, reach with its small-group suppression,
   stalls, stage_over_time) and plnlib.charts.mobilisation (funnel_data, over_data and their
   descriptions), checked against plnlib in tests/conformance/. Files are read by the shared
   reader (pln-plan-read.js); the charts are plnlib's specs fed the page's data. Stage ids, labels, spellings and descriptions are written into the page
   by plnlib. Records stay in this browser (localStorage) until exported or forgotten. */
(function () {
  "use strict";
  var CFG = null;
  var FIELDS = ["innovation", "school", "person", "role", "stage", "date", "evidence", "lead"];

  function PlnError(what, where, fix) {
    var text = where ? where + ": " + what + "." : what.charAt(0).toUpperCase() + what.slice(1) + ".";
    this.message = fix ? text + " " + fix : text;
  }
  PlnError.prototype = Object.create(Error.prototype);
  PlnError.prototype.constructor = PlnError;
  PlnError.prototype.name = "PlnError";
  function squash(s) { return String(s).split(/\s+/).filter(Boolean).join(" "); }
  function blank(v) { return v === null || v === undefined || String(v).trim() === ""; }

  function stageOf(value, where) {
    var key = squash(String(value).toLowerCase().replace(/[^\p{L}\p{N}_ ]/gu, " "));
    if (Object.prototype.hasOwnProperty.call(CFG.lookup, key)) { return CFG.lookup[key]; }
    throw new PlnError("expected a stage (" + CFG.stages.map(function (s) { return s.id; }).join(", ") + "), found '" + value + "'", where,
      "Use one of the three stages of the mobilisation chapter: engaging with it, trialling it with colleagues, refining and using it.");
  }
  function parseDate(value, where) {
    var text = blank(value) ? "" : String(value).trim(), m;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) { return check(+m[1], +m[2], +m[3]); }
    /* a date cell of a spreadsheet, read as text: 2026-03-01 00:00:00 */
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(text))) { return check(+m[1], +m[2], +m[3]); }
    if ((m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text))) { return check(+m[3], +m[2], +m[1]); }
    throw new PlnError("expected a date such as 2026-03-01 or 01/03/2026, found '" + text + "'", where, "Type the date the stage was reached, day before month.");
    function check(y, mo, d) {
      var t = Date.UTC(y, mo - 1, d), dt = new Date(t);
      if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
        throw new PlnError("expected a date such as 2026-03-01 or 01/03/2026, found '" + text + "'", where, "Type the date the stage was reached, day before month.");
      }
      return t;
    }
  }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }

  /* a table read from a file ({columns, rows: objects}) -> records (prepare_records' column rules) */
  function fromTable(table, where) {
    var cols = {};
    table.columns.forEach(function (c) { cols[String(c).trim().toLowerCase()] = c; });
    var missing = ["innovation", "school", "stage", "date"].filter(function (c) { return !(c in cols); });
    if (missing.length) {
      throw new PlnError("expected columns innovation, school, stage and date, found no " + missing.join(", "), where,
        "Name the columns in the first row (see the tracker's template).");
    }
    return table.rows.map(function (r) {
      var o = {};
      FIELDS.forEach(function (f) { o[f] = f in cols && r[cols[f]] !== undefined ? r[cols[f]] : null; });
      return o;
    });
  }

  /* records: objects with innovation, school, person, role, stage, date, evidence, lead */
  function prepare(records, where) {
    var out = records.map(function (r, i) {
      var row = where ? where + ", row " + (i + 2) : "row " + (i + 2);
      ["innovation", "school"].forEach(function (c) {
        if (blank(r[c])) { throw new PlnError("expected a " + c + " in every row, found an empty cell", row + ", column " + c, "Fill in the " + c + ", or delete the row."); }
      });
      var o = {};
      ["innovation", "school", "person", "role", "evidence", "lead"].forEach(function (c) { o[c] = blank(r[c]) ? null : String(r[c]).trim(); });
      o.stage = stageOf(r.stage, row + ", column stage");
      o.date = parseDate(r.date, row + ", column date");
      o.step = CFG.stages.map(function (s) { return s.id; }).indexOf(o.stage);
      o.unit = o.person || o.school;
      return o;
    });
    var staff = out.some(function (o) { return o.person; });
    out.forEach(function (o) { o.level = staff ? "staff" : "school"; });
    return out.map(function (o, i) { return [o, i]; }).sort(function (a, b) { return a[0].date - b[0].date || a[1] - b[1]; })
      .map(function (p) { return p[0]; });
  }
  function current(recs, asOf) {
    var last = new Map();
    recs.forEach(function (r, i) { if (asOf === undefined || r.date <= asOf) { last.set(r.innovation + "\u0000" + r.unit, i); } });
    return Array.from(last.values()).sort(function (a, b) { return a - b; }).map(function (i) { return recs[i]; });
  }
  /* reach(recs, by, asOf, minGroup): with `by`, staff groups below minGroup are hidden
     (suppressed, units and share null), with complementary suppression per innovation */
  function reach(recs, by, asOf, minGroup) {
    var now = current(recs, asOf), groups = new Map();
    now.forEach(function (r) {
      var g = by ? (r[by] === null ? "(not given)" : r[by]) : null;
      var key = JSON.stringify([r.innovation, g]);
      if (!groups.has(key)) { groups.set(key, { innovation: r.innovation, group: g, counts: {}, total: 0 }); }
      var e = groups.get(key); e.counts[r.stage] = (e.counts[r.stage] || 0) + 1; e.total += 1;
    });
    var hidden = new Set(), staff = now.some(function (r) { return r.level === "staff"; });
    if (by) {
      minGroup = minGroup === undefined ? CFG.privacy.default_min_group : minGroup;
      window.PLN.score.checkMinGroup(minGroup, CFG.privacy);
      if (staff) {
        var byInnovation = new Map();
        groups.forEach(function (e, key) { if (!byInnovation.has(e.innovation)) { byInnovation.set(e.innovation, []); } byInnovation.get(e.innovation).push(key); });
        byInnovation.forEach(function (keys) {
          var mask = window.PLN.score.suppressionMask(keys.map(function (k) { return groups.get(k).total; }), minGroup, CFG.privacy);
          keys.forEach(function (k, i) { if (mask[i]) { hidden.add(k); } });
        });
      }
    }
    var rows = [];
    groups.forEach(function (e, key) {
      CFG.stages.forEach(function (s) {
        var n = e.counts[s.id] || 0, row = { innovation: e.innovation };
        if (by) { row[by] = e.group; }
        row.stage = s.id; row.label = s.label; row.units = n; row.share = Math.round(n / e.total * 10000) / 10000;
        if (by) { row.suppressed = hidden.has(key); if (row.suppressed) { row.units = null; row.share = null; } }
        rows.push(row);
      });
    });
    return rows;
  }
  /* units at each stage at the start of every month and on the last date (stage_over_time) */
  function overTime(recs) {
    if (!recs.length) { return []; }
    var first = new Date(recs[0].date), end = recs[recs.length - 1].date, dates = [];
    for (var t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); t <= end;) {
      dates.push(t); var d = new Date(t); t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    if (dates.indexOf(end) < 0) { dates.push(end); }
    var rows = [], innovations = [];
    recs.forEach(function (r) { if (innovations.indexOf(r.innovation) < 0) { innovations.push(r.innovation); } });
    innovations.forEach(function (inn) {
      var mine = recs.filter(function (r) { return r.innovation === inn; });
      dates.forEach(function (when) {
        var counts = {};
        current(mine, when).forEach(function (r) { counts[r.stage] = (counts[r.stage] || 0) + 1; });
        CFG.stages.forEach(function (s) { rows.push({ innovation: inn, date: iso(when), stage: s.label, units: counts[s.id] || 0 }); });
      });
    });
    return rows;
  }
  function funnelData(reachRows) {
    var out = [], by = new Map();
    reachRows.forEach(function (r) { if (!by.has(r.innovation)) { by.set(r.innovation, []); } by.get(r.innovation).push(r.units); });
    by.forEach(function (units, inn) {
      CFG.stages.forEach(function (s, i) {
        out.push({ innovation: inn, stage: s.label, "reached at least": units.slice(i).reduce(function (a, b) { return a + b; }, 0), "now at": units[i] });
      });
    });
    return out;
  }
  function funnelDescription(rows) {
    var by = new Map();
    rows.forEach(function (r) { if (!by.has(r.innovation)) { by.set(r.innovation, []); } by.get(r.innovation).push(r["reached at least"]); });
    var parts = [];
    by.forEach(function (c, inn) { parts.push(inn + ": " + c[0] + " engaging or beyond, " + c[1] + " trialling or beyond, " + c[2] + " refining and using it"); });
    return "Grouped bars, one group per innovation, of how many have reached at least each stage. " + parts.join("; ") + ".";
  }
  function overDescription(rows) {
    var last = rows.reduce(function (a, r) { return r.date > a ? r.date : a; }, ""), by = new Map();
    rows.forEach(function (r) { if (r.date === last) { if (!by.has(r.innovation)) { by.set(r.innovation, []); } by.get(r.innovation).push(r.units + " " + r.stage.toLowerCase()); } });
    var parts = [];
    by.forEach(function (p, inn) { parts.push(inn + ": " + p.join(", ")); });
    return "Stacked areas, one per stage, of how many are at each stage month by month; the menu chooses the innovation. Latest: " + parts.join("; ") + ".";
  }
  function stalls(recs, days, asOf) {
    if (days < 1) { throw new PlnError("expected a stall time of at least 1 day, found " + days, "stall days", "Give the days after which a stage counts as stalled, such as 60."); }
    var groups = new Map(), out = [];
    recs.forEach(function (r) {
      if (r.date > asOf) { return; }
      var k = r.innovation + "\u0000" + r.unit;
      if (!groups.has(k)) { groups.set(k, []); }
      groups.get(k).push(r);
    });
    groups.forEach(function (g) {
      var last = g[g.length - 1];
      if (last.step === CFG.stages.length - 1) { return; }
      var start = g.length - 1;
      while (start > 0 && g[start - 1].step === last.step) { start -= 1; }
      var waited = Math.floor((asOf - g[start].date) / 86400000);
      if (waited > days) { out.push({ innovation: last.innovation, unit: last.unit, school: last.school, stage: last.stage, since: iso(g[start].date), days: waited }); }
    });
    return out.map(function (o, i) { return [o, i]; }).sort(function (a, b) { return b[0].days - a[0].days || a[1] - b[1]; }).map(function (p) { return p[0]; });
  }

  /* who leads (mobilisers in plnlib), with the advice network's measures when `people` is given */
  function mobilisers(recs, people) {
    var now = current(recs.filter(function (r) { return r.lead; })), by = new Map();
    now.forEach(function (r) {
      if (!by.has(r.lead)) { by.set(r.lead, { lead: r.lead, inn: new Set(), units: new Set(), schools: new Set(), refining: 0 }); }
      var e = by.get(r.lead); e.inn.add(r.innovation); e.units.add(r.unit); e.schools.add(r.school); if (r.step === 2) { e.refining += 1; }
    });
    var out = Array.from(by.values()).map(function (e) { return { lead: e.lead, innovations: e.inn.size, units: e.units.size, schools: e.schools.size, refining: e.refining }; });
    out = out.map(function (o, i) { return [o, i]; }).sort(function (a, b) {
      return b[0].units - a[0].units || (a[0].lead < b[0].lead ? -1 : a[0].lead > b[0].lead ? 1 : 0) || a[1] - b[1];
    }).map(function (x) { return x[0]; });
    if (people) {
      out.forEach(function (o) {
        var m = people.get(normName(o.lead));
        o.in_network = !!m; o.in_degree = m ? m.in_degree : null; o.betweenness = m ? m.betweenness : null;
      });
    }
    return out;
  }
  function normName(v) { return squash(String(v).toLowerCase()); }
  function colName(c) { return String(c).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }
  function natural(a, b) {
    var x = a.split(/(\d+)/), y = b.split(/(\d+)/);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] === y[i]) { continue; }
      if (i % 2) { return Number(x[i]) - Number(y[i]) || (x[i] < y[i] ? -1 : 1); }
      return x[i].toLowerCase() < y[i].toLowerCase() ? -1 : x[i].toLowerCase() > y[i].toLowerCase() ? 1 : (x[i] < y[i] ? -1 : 1);
    }
    return x.length - y.length;
  }
  /* an edge list (source, target, optionally relation, wave) -> Map(name -> {in_degree, betweenness}),
     for the advice relation (or the first) and the latest wave, as plnlib mobilisation --network */
  function networkPeople(table, where) {
    var find = function (names) { return table.columns.filter(function (c) { return names.indexOf(colName(c)) >= 0; })[0]; };
    var src = find(["source", "from", "ego", "sender"]), dst = find(["target", "to", "alter", "receiver", "nominee"]);
    if (!src || !dst) {
      throw new PlnError("expected columns 'source' and 'target' (who goes to whom), found " + table.columns.join(", "), where,
        "The page reads an edge list; for a roster or a matrix, use plnlib mobilisation --network.");
    }
    var rel = find(["relation"]), wav = find(["wave"]), names = new Map(), ties = [];
    table.rows.forEach(function (r) {
      var a = blank(r[src]) ? "" : squash(r[src]), b = blank(r[dst]) ? "" : squash(r[dst]);
      if (!a || !b) { return; }
      [a, b].forEach(function (n) { if (!names.has(normName(n))) { names.set(normName(n), names.size); } });
      ties.push({ s: normName(a), t: normName(b), rel: rel && !blank(r[rel]) ? String(r[rel]).trim().toLowerCase() : "advice", wave: wav && !blank(r[wav]) ? String(r[wav]).trim() : "" });
    });
    var rels = Array.from(new Set(ties.map(function (t) { return t.rel; }))).sort(natural);
    var relation = rels.indexOf("advice") >= 0 ? "advice" : rels[0];
    var waves = Array.from(new Set(ties.map(function (t) { return t.wave; }))).filter(Boolean).sort(natural);
    var wave = waves.length > 1 ? waves[waves.length - 1] : null;
    var n = names.size, out = new Map(), arcs = new Set(), adj = [];
    for (var i = 0; i < n; i++) { adj.push([]); }
    ties.forEach(function (t) {
      if (t.rel !== relation || (wave !== null && t.wave !== wave) || t.s === t.t) { return; }
      var a = names.get(t.s), b = names.get(t.t), k = a + ">" + b;
      if (!arcs.has(k)) { arcs.add(k); adj[a].push(b); }
    });
    var indeg = new Array(n).fill(0), bc = new Array(n).fill(0);
    adj.forEach(function (ts) { ts.forEach(function (b) { indeg[b] += 1; }); });
    for (var s0 = 0; s0 < n; s0++) {  /* Brandes: shortest paths from s0 */
      var stack = [], pred = adj.map(function () { return []; }), sigma = new Array(n).fill(0), dist = new Array(n).fill(-1), q = [s0], h = 0;
      sigma[s0] = 1; dist[s0] = 0;
      while (h < q.length) {
        var v = q[h++]; stack.push(v);
        adj[v].forEach(function (w) {
          if (dist[w] < 0) { dist[w] = dist[v] + 1; q.push(w); }
          if (dist[w] === dist[v] + 1) { sigma[w] += sigma[v]; pred[w].push(v); }
        });
      }
      var delta = new Array(n).fill(0);
      while (stack.length) {
        var w2 = stack.pop();
        pred[w2].forEach(function (v2) { delta[v2] += sigma[v2] / sigma[w2] * (1 + delta[w2]); });
        if (w2 !== s0) { bc[w2] += delta[w2]; }
      }
    }
    var scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
    names.forEach(function (i2, key) { out.set(key, { in_degree: indeg[i2], betweenness: bc[i2] * scale }); });
    return out;
  }

  /* ---------- the page ---------- */
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function table(caption, head, rows) {
    var t = el("table"), tr = el("tr"), tb = el("tbody"), th = el("thead");
    t.appendChild(el("caption", {}, caption));
    head.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    th.appendChild(tr); t.appendChild(th);
    rows.forEach(function (r) { var row = el("tr"); r.forEach(function (c) { if (c instanceof Node) { var td = el("td"); td.appendChild(c); row.appendChild(td); } else { row.appendChild(el("td", {}, c === null ? "" : String(c))); } }); tb.appendChild(row); });
    t.appendChild(tb);
    var w = el("div", { "class": "pln-table-wrap" }); w.appendChild(t); return w;
  }
  function setup(box) {
    var store = "pln-mobilisation", records = [], status = box.querySelector(".pln-mob-status"), people = null, peopleName = "";
    function say(text, bad) { status.textContent = text; status.classList.toggle("pln-error", !!bad); }
    function save() { try { localStorage.setItem(store, JSON.stringify(doc())); } catch (e) { /* off */ } }
    function doc() { return { format: CFG.json_format, version: 1, records: records }; }
    function draw() {
      var out = box.querySelector(".pln-mob-results"); out.innerHTML = "";
      if (!records.length) { out.appendChild(el("p", {}, "No records yet.")); return; }
      var recs;
      try { recs = prepare(records, "record"); } catch (err) { if (!(err instanceof PlnError)) { throw err; } say(err.message, true); return; }
      var asOf = recs[recs.length - 1].date, days = Number(box.querySelector(".pln-mob-days").value) || 60;
      var r = reach(recs), pct = function (x) { return x === null ? "" : Math.round(x * 100) + "%"; };
      out.appendChild(table("Share at each stage now (" + recs[0].level + ")", ["Innovation", "Stage", "Number", "Share"],
        r.map(function (x) { return [x.innovation, x.label, x.units, pct(x.share)]; })));
      var minGroup = Number(box.querySelector(".pln-mob-min").value || CFG.privacy.default_min_group);
      var bys = ["school"].concat(recs.some(function (x) { return x.role; }) ? ["role"] : []);
      try {
        bys.forEach(function (by) {
          var g = reach(recs, by, undefined, minGroup), any = g.some(function (x) { return x.suppressed; });
          out.appendChild(el("h3", {}, "At each stage now, by " + by));
          if (any) { out.appendChild(el("p", {}, "A group of fewer than " + minGroup + " staff is hidden, and one more where the hidden one could be worked out from the total: staff are people, and a few of them could be recognised.")); }
          out.appendChild(table("At each stage now, by " + by, ["Innovation", by.charAt(0).toUpperCase() + by.slice(1), "Stage", "Number", "Share", "Note"],
            g.map(function (x) { return [x.innovation, x[by], x.label, x.units, pct(x.share), x.suppressed ? "hidden" : ""]; })));
        });
      } catch (err) { if (!(err && err.name === "PlnError")) { throw err; } say(err.message, true); }
      var charts = el("div", { "class": "pln-mob-charts" }), fd = funnelData(r), ov = overTime(recs);
      var innovations = Array.from(new Set(ov.map(function (x) { return x.innovation; })));
      var P = window.PlnPlanCharts, vendor = box.dataset.vendor;
      charts.appendChild(P.figure(vendor, CFG.specs.funnel, "How far each innovation has spread", funnelDescription(fd), { funnel: fd }, null,
        table("Reached at least each stage, and now at it", ["Innovation", "Stage", "Reached at least", "Now at"], fd.map(function (x) { return [x.innovation, x.stage, x["reached at least"], x["now at"]]; }))));
      var latest = ov.reduce(function (a, x) { return x.date > a ? x.date : a; }, "");
      charts.appendChild(P.figure(vendor, CFG.specs.over, "Stages over time", overDescription(ov), { over: ov }, function (spec) {
        (spec.params || []).forEach(function (pm) { if (pm.name === "innovation") { pm.value = innovations[0]; pm.bind.options = innovations; } });
      }, table("The latest count at each stage, per innovation", ["Innovation", "Date", "Stage", "Number"],
        ov.filter(function (x) { return x.date === latest; }).map(function (x) { return [x.innovation, x.date, x.stage, x.units]; }))));
      out.appendChild(charts);
      var st;
      try { st = stalls(recs, days, asOf); } catch (err) { if (!(err instanceof PlnError)) { throw err; } say(err.message, true); return; }
      out.appendChild(el("h3", {}, "Still engaging or trialling after " + days + " days"));
      out.appendChild(st.length ? table("Stalled, longest first (up to " + iso(asOf) + ")", ["Innovation", "Who", "School", "Stage", "Since", "Days"],
        st.map(function (x) { return [x.innovation, x.unit, x.school, x.stage, x.since, x.days]; })) : el("p", {}, "Nothing has stalled."));
      var leads = mobilisers(recs, people);
      out.appendChild(el("h3", {}, "Who mobilises"));
      out.appendChild(leads.length ? table("Leads, the innovations and people or schools they lead" + (people ? ", and the advice network (" + peopleName + ")" : ""),
        ["Lead", "Innovations", "Staff or schools", "Schools", "Refining and using it"].concat(people ? ["In the network", "Colleagues who go to them for advice", "Betweenness"] : []),
        leads.map(function (x) { return [x.lead, x.innovations, x.units, x.schools, x.refining].concat(people ? [x.in_network ? "yes" : "no", x.in_degree, x.betweenness === null ? null : x.betweenness.toFixed(3)] : []); }))
        : el("p", {}, "No record names a lead yet."));
      out.appendChild(table("The records, oldest first as entered", ["#"].concat(FIELDS).concat(["Remove"]), records.map(function (x, i) {
        var b = el("button", { type: "button", "aria-label": "Remove record " + (i + 1) }, "Remove");
        b.addEventListener("click", function () { records.splice(i, 1); save(); draw(); say("Removed record " + (i + 1) + "."); });
        return [i + 1].concat(FIELDS.map(function (f) { return x[f]; })).concat([b]);
      })));
    }
    box.querySelector(".pln-mob-add").addEventListener("click", function () {
      var rec = {};
      FIELDS.forEach(function (f) { var v = box.querySelector("[name=" + f + "]").value.trim(); rec[f] = v || null; });
      try { prepare([rec], "this record"); } catch (err) { if (!(err instanceof PlnError)) { throw err; } say(err.message, true); return; }
      records.push(rec); save(); draw(); say("Added. " + records.length + " records kept in this browser.");
    });
    box.querySelector(".pln-mob-days").addEventListener("change", draw);
    box.querySelector(".pln-mob-save").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(doc(), null, 2) + "\n"], { type: "application/json" });
      var a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = "mobilisation.json";
      document.body.appendChild(a); a.click(); a.remove(); setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    });
    box.querySelector(".pln-mob-min").addEventListener("change", draw);
    box.querySelector(".pln-mob-network").addEventListener("change", function (ev) {
      var f = ev.target.files[0]; if (!f) { people = null; draw(); return; }
      window.PlnPlanRead.readFile(f, box.dataset.vendor).then(function (got) {
        if (!got.table) { throw new PlnError("expected a tie file (CSV or XLSX), found a .json file", f.name, "Choose the network's tie file."); }
        people = networkPeople(got.table, f.name); peopleName = f.name; draw();
        say("Read the network " + f.name + ": " + people.size + " people. The leads are matched to it below; the file stays in this page.");
      }).catch(function (err) { if (!(err && err.name === "PlnError")) { throw err; } people = null; say(err.message, true); });
    });
    box.querySelector(".pln-mob-open").addEventListener("change", function (ev) {
      var f = ev.target.files[0]; if (!f) { return; }
      window.PlnPlanRead.readFile(f, box.dataset.vendor).then(function (got) {
        var recs;
        if (got.json !== undefined) {
          var d;
          try { d = JSON.parse(got.json); } catch (e) { throw new PlnError("expected JSON saved by the tracker, found text that is not JSON", f.name, "Choose the .json file you saved."); }
          if (!d || d.format !== CFG.json_format || !Array.isArray(d.records)) { throw new PlnError('expected a file with "format": "' + CFG.json_format + '", found something else', f.name, "Choose the .json file you saved from the tracker."); }
          recs = d.records;
        } else { recs = fromTable(got.table, f.name); }
        prepare(recs, f.name);
        records = recs.map(function (r) { var o = {}; FIELDS.forEach(function (k) { o[k] = blank(r[k]) ? null : String(r[k]).trim(); }); return o; });
        save(); draw(); say("Opened " + f.name + ": " + records.length + " records, kept in this browser.");
      }).catch(function (err) { if (!(err && err.name === "PlnError")) { throw err; } say(err.message, true); })
        .then(function () { ev.target.value = ""; });
    });
    window.PlnAsk.askFirst(box.querySelector(".pln-confirm"), box.querySelector(".pln-mob-forget"), function () {
      return "Forget the " + records.length + " records kept in this browser? This cannot be undone (a saved file is not affected).";
    }, function () {
      records = []; try { localStorage.removeItem(store); } catch (e) { /* off */ } draw(); say("Forgotten: nothing is kept in this browser.");
    }, say);
    try { var saved = JSON.parse(localStorage.getItem(store) || "null"); if (saved && Array.isArray(saved.records)) { records = saved.records; } } catch (e) { records = []; }
    draw();
  }
  function init() {
    var cfg = document.querySelector("script.pln-mob-data");
    if (!cfg) { return; }
    CFG = JSON.parse(cfg.textContent);
    document.querySelectorAll(".pln-mobilisation").forEach(setup);
  }
  window.PlnMobilisation = { prepare: prepare, fromTable: fromTable, reach: reach, stalls: stalls, overTime: overTime,
    funnelData: funnelData, mobilisers: mobilisers, networkPeople: networkPeople, funnelDescription: funnelDescription, overDescription: overDescription, PlnError: PlnError, init: init };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
