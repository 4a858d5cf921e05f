/* The PLN Handbook: improvement cycles, the computing part. A port of
   plnlib.planning.cycles (diagram_from_dict, prepare_cycles, prepare_measures) and
   plnlib.charts.cycles (diagram_layout, diagram_description, run_data, run_description),
   checked against plnlib in tests/conformance/test_cycles_js.py. Messages are plnlib's,
   word for word. The decisions (adopt, adapt, abandon) and the PDSA columns come from
   plnlib, written into the page (CFG). Works in the browser (window.PlnCycles). */
(function (root) {
  "use strict";

  function PlnError(what, where, fix) {
    var text = where ? where + ": " + what + "." : what.charAt(0).toUpperCase() + what.slice(1) + ".";
    this.message = fix ? text + " " + fix : text;
    this.what = what; this.where = where;
  }
  PlnError.prototype = Object.create(Error.prototype);
  PlnError.prototype.constructor = PlnError;
  PlnError.prototype.name = "PlnError";

  function isNone(v) { return v === null || v === undefined || (typeof v === "number" && isNaN(v)); }
  function squash(s) { return String(s).split(/\s+/).filter(Boolean).join(" "); }
  function text(value, what, where) {
    var t = squash(isNone(value) ? "" : String(value));
    if (!t) { throw new PlnError("expected " + what + ", found nothing", where, "Write " + what + " in a few words."); }
    return t;
  }
  function cell(v) { return isNone(v) ? "" : String(v).trim(); }

  var DATE_FIX = "Type the date the stage was reached, day before month.";
  function parseDate(value, where) {
    var t = isNone(value) ? "" : String(value).trim(), m;
    function bad() { return new PlnError("expected a date such as 2026-03-01 or 01/03/2026, found '" + t + "'", where, DATE_FIX); }
    function check(y, mo, d) {
      var ms = Date.UTC(y, mo - 1, d), dt = new Date(ms);
      if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) { throw bad(); }
      return ms;
    }
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) { return check(+m[1], +m[2], +m[3]); }
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.exec(t))) { return check(+m[1], +m[2], +m[3]); }
    if ((m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(t))) { return check(+m[3], +m[2], +m[1]); }
    throw bad();
  }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function list(v) { return Array.isArray(v) ? v : []; }
  function get(o, k) { return o && typeof o === "object" ? o[k] : undefined; }

  /* the YAML form (aim, measure, target_date, primary_drivers) -> a checked diagram */
  function diagramFromDict(data, where) {
    where = where || "";
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      throw new PlnError("expected a driver diagram (aim, measure, target_date, primary_drivers), found something else",
        where, "Start from the template.");
    }
    var aim = text(data.aim, "an aim", where + ": aim");
    var measure = text(data.measure, "the aim's measure", where + ": measure");
    var target = parseDate(data.target_date, where + ": target_date");
    var primaries = list(data.primary_drivers).map(function (p, i) {
      var here = where + ": primary driver " + (i + 1);
      var children = list(get(p, "secondary_drivers")).map(function (s, j) {
        var there = here + ", secondary driver " + (j + 1);
        var ideas = list(get(s, "change_ideas")).map(function (c) {
          return { id: text(get(c, "id"), "an id", there), text: text(get(c, "text"), "a change idea", there) };
        });
        return { id: text(get(s, "id"), "an id", there), text: text(get(s, "text"), "a secondary driver", there), ideas: ideas };
      });
      return { id: text(get(p, "id"), "an id", here), text: text(get(p, "text"), "a primary driver", here), children: children };
    });
    if (primaries.length < 3 || primaries.length > 5) {
      throw new PlnError("expected three to five primary drivers, found " + primaries.length, where,
        "Keep the few things that matter most: merge drivers that overlap, or add the ones the team agrees are missing.");
    }
    var seen = {};
    primaries.forEach(function (p) {
      var nodes = [p].concat(p.children);
      p.children.forEach(function (s) { nodes = nodes.concat(s.ideas); });
      nodes.forEach(function (n) {
        if (seen[n.id]) { throw new PlnError("expected each id once, found '" + n.id + "' twice", where, "Give every driver and change idea its own id."); }
        seen[n.id] = true;
      });
    });
    return { aim: aim, measure: measure, target: target, targetDate: iso(target), primaries: primaries };
  }
  function ideasOf(diagram) {
    var out = [];
    diagram.primaries.forEach(function (p) { p.children.forEach(function (s) { s.ideas.forEach(function (c) { out.push(c); }); }); });
    return out;
  }
  function diagramRows(d) {
    var rows = [["aim", "", "", d.aim], ["measure", "", "", d.measure], ["target date", "", "", d.targetDate]];
    d.primaries.forEach(function (p) {
      rows.push(["primary", p.id, "", p.text]);
      p.children.forEach(function (s) {
        rows.push(["secondary", s.id, p.id, s.text]);
        s.ideas.forEach(function (c) { rows.push(["change idea", c.id, s.id, c.text]); });
      });
    });
    return rows;
  }

  function colKey(c) { return String(c).trim().toLowerCase().split(/\s+/).filter(Boolean).join("_"); }
  function columnsOf(records, key) {
    var seen = {}, out = [];
    records.forEach(function (r) { Object.keys(r).forEach(function (k) { var n = key(k); if (!seen[n]) { seen[n] = k; out.push(n); } }); });
    return { names: out, raw: seen };
  }

  /* a PDSA log (objects, one per cycle) -> the checked log with each cycle's status */
  function prepareCycles(records, cfg, diagram, where) {
    where = where || "";
    var cols = columnsOf(records, colKey).names;
    var missing = ["cycle", "change_idea", "question", "prediction"].filter(function (c) { return cols.indexOf(c) < 0; });
    if (missing.length) {
      throw new PlnError("expected the PDSA log's columns (" + cfg.pdsa_columns.join(", ") + "), found no " + missing.join(", "),
        where, "Start from the template (plnlib cycles --template).");
    }
    var ideas = diagram ? ideasOf(diagram).map(function (c) { return c.id; }) : null, seen = {};
    return records.map(function (raw, i) {
      var r = {};
      Object.keys(raw).forEach(function (k) { r[colKey(k)] = raw[k]; });
      var o = {};
      cfg.pdsa_columns.forEach(function (c) { o[c] = cell(r[c]); });
      var row = where ? where + ", row " + (i + 2) : "row " + (i + 2);
      var name = o.cycle ? "cycle '" + o.cycle + "'" : "this cycle";
      if (!o.cycle || seen[o.cycle]) {
        throw new PlnError("expected a cycle id used once, found '" + o.cycle + "'" + (o.cycle ? " again" : ""), row + ", column cycle", "Number the cycles 1, 2, 3 ...");
      }
      seen[o.cycle] = true;
      if (!o.question) { throw new PlnError("expected the question " + name + " asks, found nothing", row + ", column question", "Write what you want to learn."); }
      if (!o.prediction) {
        throw new PlnError("expected a prediction for " + name + ", found none", row + ", column prediction",
          "Write what you expect to happen before you start: the study step compares the results with it.");
      }
      if (ideas && ideas.indexOf(o.change_idea) < 0) {
        throw new PlnError("expected a change idea of the driver diagram (" + ideas.join(", ") + "), found '" + o.change_idea + "'",
          row + ", column change_idea", "Use the change idea's id from the diagram.");
      }
      var act = o.act.toLowerCase();
      if (act && cfg.acts.indexOf(act) < 0) { throw new PlnError("expected adopt, adapt or abandon, found '" + o.act + "'", row + ", column act", "Leave it empty until you decide."); }
      o.act = act;
      o.start = o.start ? iso(parseDate(o.start, row + ", column start")) : null;
      o.status = act ? "done" : o.study ? "studying" : o["do"] ? "doing" : "planned";
      return o;
    });
  }

  function toNumber(t) {
    t = t.replace(/,/g, ".");
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) { return Number(t); }
    if (/^[+-]?inf(inity)?$/i.test(t)) { return t.charAt(0) === "-" ? -Infinity : Infinity; }
    return NaN;
  }
  /* readings of the measure (date, value, optionally cycle) -> checked, oldest first */
  function prepareMeasures(records, where) {
    where = where || "";
    var c = columnsOf(records, function (k) { return String(k).trim().toLowerCase(); });
    if (c.names.indexOf("date") < 0 || c.names.indexOf("value") < 0) {
      throw new PlnError("expected columns date and value, found " + c.names.map(function (n) { return c.raw[n]; }).join(", "),
        where, "One row per reading of the measure: its date and value.");
    }
    var out = records.map(function (raw, i) {
      var r = {};
      Object.keys(raw).forEach(function (k) { r[String(k).trim().toLowerCase()] = raw[k]; });
      var row = where ? where + ", row " + (i + 2) : "row " + (i + 2);
      var t = typeof r.value === "number" ? String(r.value) : cell(r.value);
      var value = typeof r.value === "number" ? r.value : t ? toNumber(t) : NaN;
      if (isNaN(value)) { throw new PlnError("expected a number, found '" + t + "'", row + ", column value", "Type the reading as a number."); }
      return { date: parseDate(r.date, row + ", column date"), value: value, cycle: cell(r.cycle), i: i };
    });
    out.sort(function (a, b) { return a.date - b.date || a.i - b.i; });
    return out.map(function (o) { return { date: iso(o.date), value: o.value, cycle: o.cycle }; });
  }

  /* ------------------------------------------------------------ chart data */

  function wrap(t, width) {
    var lines = [], line = "";
    t.split(/\s+/).filter(Boolean).forEach(function (w) {
      if (line && line.length + 1 + w.length > width) { lines.push(line); line = w; } else { line = (line + " " + w).trim(); }
    });
    if (line) { lines.push(line); }
    return lines;
  }
  function diagramLayout(d, heads) {
    var nodes = [], links = [], rows = 0;
    function place(level, id, t, kids) {
      var y;
      if (kids.length) {
        var ys = kids.map(function (k) { return place.apply(null, k); });
        y = ys.reduce(function (a, b) { return a + b; }, 0) / ys.length;
        ys.forEach(function (cy) { links.push({ x: level + 0.9, y: y, x2: level + 1, y2: cy }); });
      } else { y = rows; rows += 1; }
      var label = id ? id + ": " + t : t;
      nodes.push({ column: level, y: y, text: wrap(label, 28), plain: label });
      return y;
    }
    place(0, "", d.aim + " (measure: " + d.measure + "; by " + d.targetDate + ")", d.primaries.map(function (p) {
      return [1, p.id, p.text, p.children.map(function (s) {
        return [2, s.id, s.text, s.ideas.map(function (c) { return [3, c.id, c.text, []]; })];
      })];
    }));
    return {
      nodes: nodes, links: links,
      heads: heads.map(function (h, i) { return { column: i, y: -0.8, head: h }; }),
      frame: [{ y: -1 }, { y: Math.max(rows, 1) }],
    };
  }
  function diagramDescription(d) {
    return "Driver diagram, read from left to right. Aim: " + d.aim + ". Primary drivers: " + d.primaries.map(function (p) {
      return p.id + " " + p.text + (p.children.length ? " (secondary: " + p.children.map(function (s) { return s.id + " " + s.text; }).join(", ") + ")" : "");
    }).join("; ") + ". " + ideasOf(d).length + " change ideas; the table lists every box.";
  }

  /* Python's format(x, "g") */
  function fmtG(x) {
    if (x === Infinity) { return "inf"; }
    if (x === -Infinity) { return "-inf"; }
    if (x === 0) { return Object.is(x, -0) ? "-0" : "0"; }
    var exp = Math.floor(Math.log10(Math.abs(x)));
    var p = Number(x.toPrecision(6));
    exp = p === 0 ? 0 : Math.floor(Math.log10(Math.abs(p)));
    if (exp < -4 || exp >= 6) {
      var parts = p.toExponential(5).split("e"), m = parts[0].replace(/\.?0+$/, ""), e = Number(parts[1]);
      return m + "e" + (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    }
    return String(p);
  }
  function median(values) {
    var v = values.slice().sort(function (a, b) { return a - b; }), n = v.length;
    return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  function runData(readings, cycles) {
    return {
      readings: readings.map(function (r) { return { date: r.date, value: r.value, cycle: r.cycle }; }),
      median: readings.length ? [{ median: median(readings.map(function (r) { return r.value; })) }] : [],
      marks: (cycles || []).filter(function (c) { return c.start; }).map(function (c) { return { cycle: c.cycle, date: c.start, change_idea: c.change_idea }; }),
    };
  }
  function runDescription(data, measure) {
    var r = data.readings, marks = data.marks;
    if (!r.length) { return "Run chart of " + measure + ": no readings yet."; }
    return "Run chart of " + measure + ": " + r.length + " readings from " + r[0].date + " to " + r[r.length - 1].date +
      ", first " + fmtG(r[0].value) + ", last " + fmtG(r[r.length - 1].value) + ", median " + fmtG(data.median[0].median) +
      " (the horizontal line)." + (marks.length ? " Dashed lines mark the start of cycles " + marks.map(function (m) { return m.cycle; }).join(", ") + "." : "");
  }

  root.PlnCycles = {
    PlnError: PlnError, parseDate: parseDate, diagramFromDict: diagramFromDict, ideasOf: ideasOf, diagramRows: diagramRows,
    prepareCycles: prepareCycles, prepareMeasures: prepareMeasures, diagramLayout: diagramLayout,
    diagramDescription: diagramDescription, runData: runData, runDescription: runDescription, fmtG: fmtG,
  };
})(typeof window !== "undefined" ? window : this);
