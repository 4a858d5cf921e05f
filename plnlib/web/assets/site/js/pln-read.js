/* The PLN Handbook: reading answers files in the page. A port of plnlib
   (plnlib/io/tables.py: decode_text, sniff_delimiter, read_table;
   plnlib/io/responses.py: responses_from_frame, load_person_json). CSV is parsed
   by Papa Parse and XLSX by exceljs (both vendored; exceljs is handed in by the
   caller, loaded only when an .xlsx file is opened). Column rules come from the
   page's data (plnlib/web/tools.py). Works in the browser (window.PLN) and node. */
(function (root) {
  "use strict";
  var inNode = typeof module !== "undefined" && module.exports;
  var Papa = inNode ? require("../vendor/papaparse.min.js") : root.Papa;
  var score = inNode ? require("./pln-score.js") : root.PLN.score;
  var PlnError = score.PlnError;

  /* ------------------------------------------------------------ bytes to text */

  var CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

  /* Windows-1252 by table: not every TextDecoder has it (node without full ICU reads it as Latin-1) */
  var CP1252_HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
    0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161,
    0x203a, 0x153, 0x9d, 0x17e, 0x178];

  function decodeCp1252(bytes) {
    var out = [];
    for (var i = 0; i < bytes.length; i += 8192) {
      var chunk = Array.prototype.map.call(bytes.subarray(i, i + 8192), function (b) {
        return b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
      });
      out.push(String.fromCharCode.apply(null, chunk));
    }
    return out.join("");
  }

  function decodeText(bytes, where) {
    bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      var le = bytes[0] === 0xff;
      return new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2));
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
    }
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) { /* not UTF-8 */ }
    var head = bytes.subarray(0, 200), nul = 0;
    for (var i = 0; i < head.length; i++) if (head[i] === 0) nul += 1;
    if (nul > 20) {
      try { return new TextDecoder("utf-16le", { fatal: true }).decode(bytes); } catch (e) { /* no */ }
    }
    for (var k = 0; k < bytes.length; k++) {
      if (CP1252_UNDEFINED.indexOf(bytes[k]) >= 0) {
        throw new PlnError(
          "expected text in UTF-8, UTF-16 or Windows-1252, found bytes that are none of these (byte " + k + ")",
          where, "Save the file again as 'CSV UTF-8' from your spreadsheet program.");
      }
    }
    return decodeCp1252(bytes);
  }

  /* ------------------------------------------------------------ delimiters (csv.Sniffer) */

  var DELIMS = [",", ";", "\t"];
  var PREFERRED = [",", "\t", ";"];
  var LINES = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

  function count(text, ch) { return text.split(ch).length - 1; }

  function guessQuoteAndDelimiter(data) {
    var W = "[^\\p{L}\\p{N}_\\n\"']";
    var patterns = [
      "(?<delim>" + W + ")(?<space> ?)(?<quote>[\"']).*?\\k<quote>\\k<delim>",
      "(?:^|\\n)(?<quote>[\"']).*?\\k<quote>(?<delim>" + W + ")(?<space> ?)",
      "(?<delim>" + W + ")(?<space> ?)(?<quote>[\"']).*?\\k<quote>(?:$|\\n)",
      "(?:^|\\n)(?<quote>[\"']).*?\\k<quote>(?:$|\\n)",
    ];
    for (var p = 0; p < patterns.length; p++) {
      var matches = Array.from(data.matchAll(new RegExp(patterns[p], "gmsu")));
      if (!matches.length) continue;
      var delims = {};
      matches.forEach(function (m) {
        var d = m.groups.delim;
        if (d && DELIMS.indexOf(d) >= 0) delims[d] = (delims[d] || 0) + 1;
      });
      var best = "", most = 0;
      Object.keys(delims).forEach(function (d) { if (delims[d] > most) { best = d; most = delims[d]; } });
      return best;
    }
    return "";
  }

  function guessDelimiter(text) {
    var data = text.split("\n").filter(Boolean);
    var chunk = Math.min(10, data.length), iteration = 0;
    var freq = {}, start = 0, end = chunk, delims = {};
    DELIMS.forEach(function (d) { freq[d] = new Map(); });
    while (start < data.length) {
      iteration += 1;
      data.slice(start, end).forEach(function (line) {
        DELIMS.forEach(function (d) {
          var f = count(line, d);
          freq[d].set(f, (freq[d].get(f) || 0) + 1);
        });
      });
      var modes = {};
      DELIMS.forEach(function (d) {
        var items = Array.from(freq[d].entries());
        if (items.length === 1 && items[0][0] === 0) return;
        if (items.length > 1) {
          var top = items[0];
          items.forEach(function (it) { if (it[1] > top[1]) top = it; });
          var rest = items.filter(function (it) { return it !== top; });
          modes[d] = [top[0], top[1] - rest.reduce(function (a, it) { return a + it[1]; }, 0)];
        } else modes[d] = items[0];
      });
      var total = Math.min(chunk * iteration, data.length);
      var consistency = 1.0;
      while (Object.keys(delims).length === 0 && consistency >= 0.9) {
        Object.keys(modes).forEach(function (d) {
          var v = modes[d];
          if (v[0] > 0 && v[1] > 0 && v[1] / total >= consistency) delims[d] = v;
        });
        consistency -= 0.01;
      }
      if (Object.keys(delims).length === 1) return Object.keys(delims)[0];
      start = end;
      end += chunk;
    }
    var keys = Object.keys(delims);
    if (!keys.length) return "";
    for (var i = 0; i < PREFERRED.length; i++) if (keys.indexOf(PREFERRED[i]) >= 0) return PREFERRED[i];
    return keys[0];
  }

  /* the most likely delimiter: comma, semicolon or tab (sniff_delimiter in plnlib) */
  function sniffDelimiter(text) {
    var sample = text.split(LINES).slice(0, 20).join("\n");
    var d = guessQuoteAndDelimiter(sample) || guessDelimiter(sample);
    if (d) return d;
    var header = text ? text.split(LINES)[0] : "";
    var best = ",", most = 0;
    DELIMS.forEach(function (c) { var n = count(header, c); if (n > most) { best = c; most = n; } });
    return best;
  }

  /* ------------------------------------------------------------ tables */

  function cleanColumns(columns) {
    /* pandas names: empty headers "Unnamed: i", repeats "name.1" */
    var seen = {};
    return columns.map(function (c, i) {
      var name = c === null || c === undefined || c === "" ? "Unnamed: " + i : String(c);
      if (seen[name] !== undefined) {
        var k = seen[name] + 1;
        while (seen[name + "." + k] !== undefined) k += 1;
        seen[name] = k;
        name = name + "." + k;
      }
      seen[name] = 0;
      return name;
    }).map(function (c) { return c.trim(); });
  }

  function emptyTable(where) {
    return new PlnError("expected at least one row under the header, found none", where,
      "Check that you exported the answers, not only the questions.");
  }

  /* CSV text -> {columns, rows} with every cell a string or null (read_table in plnlib) */
  function readCsvText(text, where) {
    if (!text.trim()) {
      throw new PlnError("expected a header row and data, found an empty file", where,
        "Export the data again; the file has no content.");
    }
    var result = Papa.parse(text, { delimiter: sniffDelimiter(text), skipEmptyLines: true, quoteChar: '"' });
    var quoteErr = result.errors.filter(function (e) { return e.type === "Quotes"; })[0];
    if (quoteErr) {
      throw new PlnError("expected a table with the same number of cells in every row (a quote is not closed, row " +
        (quoteErr.row + 1) + ")", where, "Check for stray delimiters or line breaks inside cells.");
    }
    var data = result.data;
    var header = data[0] || [];
    var rows = [];
    for (var r = 1; r < data.length; r++) {
      var cells = data[r];
      if (cells.length > header.length) {
        throw new PlnError("expected a table with the same number of cells in every row (Expected " +
          header.length + " fields in line " + (r + 1) + ", saw " + cells.length + ")", where,
          "Check for stray delimiters or line breaks inside cells.");
      }
      rows.push(header.map(function (_, i) {
        var v = cells[i];
        return v === undefined || v === "" ? null : v;
      }));
    }
    var table = { columns: cleanColumns(header), rows: rows };
    if (!rows.length) throw emptyTable(where);
    return table;
  }

  function excelCell(v) {
    /* a cell as pandas.read_excel(dtype=str) gives it */
    if (v === null || v === undefined) return null;
    if (typeof v === "object" && !(v instanceof Date)) {
      if (v.richText) v = v.richText.map(function (t) { return t.text; }).join("");
      else if ("result" in v) v = v.result;
      else if ("text" in v) v = v.text;
      else if (v.error) v = v.error;
      if (v === null || v === undefined) return null;
    }
    if (v instanceof Date) return v.toISOString().replace("T", " ").replace(/\.\d+Z$/, "").replace(/Z$/, "");
    if (typeof v === "boolean") return v ? "True" : "False";
    if (typeof v === "number") return String(v);
    return String(v);
  }

  /* one worksheet -> {columns, rows}, or null when it is empty */
  function sheetTable(sheet) {
    var grid = [];
    var width = 0;
    sheet.eachRow({ includeEmpty: true }, function (row, number) {
      var cells = [];
      row.eachCell({ includeEmpty: true }, function (cell, col) { cells[col - 1] = excelCell(cell.value); });
      grid[number - 1] = cells;
      width = Math.max(width, cells.length);
    });
    for (var i = 0; i < grid.length; i++) grid[i] = grid[i] || [];
    while (grid.length && grid[grid.length - 1].every(function (v) { return v === null || v === undefined; })) grid.pop();
    if (!grid.length) return null;
    var header = grid[0] || [];
    var hw = 0;
    for (var c = 0; c < width; c++) if (header[c] !== null && header[c] !== undefined) hw = c + 1;
    for (var r = 1; r < grid.length; r++) {
      for (var c2 = 0; c2 < width; c2++) if (grid[r][c2] !== null && grid[r][c2] !== undefined && c2 + 1 > hw) hw = c2 + 1;
    }
    var cols = [];
    for (var h = 0; h < hw; h++) cols.push(header[h] === undefined ? null : header[h]);
    var rows = grid.slice(1).map(function (cells) {
      return cols.map(function (_, i) { return cells[i] === undefined ? null : cells[i]; });
    });
    return { columns: cleanColumns(cols), rows: rows };
  }

  /* an .xlsx file (ArrayBuffer) -> {columns, rows} of its first sheet, with .sheets: every sheet
     [{name, table or null}] (the answers' sheet is chosen by responsesFromTable, as plnlib does) */
  function readXlsx(buffer, ExcelJS, where) {
    var wb = new ExcelJS.Workbook();
    return wb.xlsx.load(buffer).then(function () {
      var sheets = wb.worksheets.map(function (ws) { return { name: ws.name, table: sheetTable(ws) }; });
      if (!sheets.length) throw emptyTable(where);
      var first = sheets[0].table;
      if (sheets.length === 1 && (!first || !first.rows.length)) throw emptyTable(where);
      var table = first || { columns: [], rows: [] };
      return { columns: table.columns, rows: table.rows, sheets: sheets, where: where };
    }, function (err) {
      throw new PlnError("expected an Excel workbook, found a file that is not one (" + (err && err.message ? err.message : err) + ")",
        where, "Open it in your spreadsheet program and save it again as .xlsx or CSV.");
    });
  }

  /* ------------------------------------------------------------ columns
     (plnlib/checklists/columns.py: every list and pattern comes from the page's data) */

  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  /* a header ignoring case, accents, punctuation and spacing (fold_text) */
  function foldText(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]/gu, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  function strip(v) { return String(v).replace(/^\s+|\s+$/g, ""); }

  function filled(values) {
    return values.filter(function (v) { return v !== null && v !== undefined && strip(v) !== ""; });
  }

  function mostly(values, test) {
    var f = filled(values);
    return f.length > 0 && f.filter(test).length * 2 > f.length;
  }

  function emailTest(fmt) {
    var re = new RegExp(fmt.email_pattern, "u");
    return function (v) { return re.test(strip(v)); };
  }

  /* the kind of personal data a header names, or null (identifying_kind) */
  function identifyingKind(header, fmt) {
    var folded = foldText(header);
    var words = folded ? folded.split(" ") : [];
    var kinds = Object.keys(fmt.identifying_headers);
    for (var k = 0; k < kinds.length; k++) {
      var rules = fmt.identifying_headers[kinds[k]];
      if (rules.exact.indexOf(folded) >= 0) return kinds[k];
      if (words.length <= 6 && rules.contains.some(function (w) { return (" " + folded + " ").indexOf(" " + w + " ") >= 0; })) {
        return kinds[k];
      }
    }
    return null;
  }

  /* the item id in a header, as the checklist writes it, or null (normalise_item_id) */
  function normaliseItemId(header, prefixes, fmt) {
    var text = String(header);
    var m = new RegExp(fmt.id_patterns[0], "u").exec(text);
    if (!m) {
      m = new RegExp(fmt.id_patterns[1], "u").exec(text);
      if (!m || prefixes.indexOf(m[1].toUpperCase()) < 0) return null;
    }
    return m[1].toUpperCase() + "-" + String(parseInt(m[2], 10)).padStart(2, "0");
  }

  function wordSet(text) { return new Set(foldText(text).split(" ").filter(Boolean)); }

  /* the item whose text a header is: [id or null, close ids] (match_text) */
  function matchText(header, items, fmt) {
    var folded = foldText(header);
    if (!folded) return [null, []];
    var exact = items.filter(function (it) { return foldText(it.text) === folded; }).map(function (it) { return it.id; });
    if (exact.length === 1) return [exact[0], []];
    if (exact.length > 1) return [null, exact];
    var words = new Set(folded.split(" "));
    var scored = [];
    items.forEach(function (it) {
      var other = wordSet(it.text);
      if (words.size && other.size) {
        var both = 0;
        words.forEach(function (w) { if (other.has(w)) both += 1; });
        scored.push([2 * both / (words.size + other.size), it.id]);
      }
    });
    scored.sort(function (a, b) { return b[0] - a[0]; });
    var tm = fmt.text_match;
    var good = scored.filter(function (x) { return x[0] >= tm.min_score; });
    if (!good.length) return [null, []];
    if (scored.length > 1 && scored[0][0] - scored[1][0] < tm.min_lead) {
      return [null, scored.filter(function (x) { return x[0] >= scored[0][0] - tm.min_lead; }).map(function (x) { return x[1]; })];
    }
    return [good[0][1], []];
  }

  function checklistItems(checklist) {
    var items = [];
    checklist.sections.forEach(function (s) { s.items.forEach(function (it) { items.push(it); }); });
    return items;
  }

  function prefixesOf(items) {
    return Array.from(new Set(items.map(function (it) { return it.id.split("-")[0]; }))).sort();
  }

  /* what every column of a wide table is (plan_columns) */
  function planColumns(table, items, isLabel, fmt, points) {
    var pointRe = new RegExp(fmt.point_pattern, "u");
    function isPoint(v) {
      var m = pointRe.exec(String(v));
      return m !== null && (points || []).indexOf(parseInt(m[1], 10)) >= 0;
    }
    var plan = { items: {}, byText: [], respondent: null, dropped: [], unmatched: [], groups: [], missing: [], duplicates: {} };
    var prefixes = prefixesOf(items);
    var known = new Set(items.map(function (it) { return it.id; }));
    var isEmail = emailTest(fmt);
    var rest = [];
    table.columns.forEach(function (header, k) {
      var values = table.rows.map(function (r) { return r[k]; });
      var item = normaliseItemId(header, prefixes, fmt);
      if (item !== null) {
        if (known.has(item)) plan.items[k] = item;
        else plan.unmatched.push(k);
        return;
      }
      var kind = identifyingKind(header, fmt);
      if (kind !== null) plan.dropped.push([k, kind]);
      else if (plan.respondent === null && fmt.respondent_headers.indexOf(foldText(header)) >= 0) {
        if (mostly(values, isEmail)) plan.dropped.push([k, "e-mail"]);
        else plan.respondent = k;
      } else if (mostly(values, isEmail)) plan.dropped.push([k, "e-mail"]);
      else rest.push(k);
    });
    rest.forEach(function (k) {
      var found = matchText(table.columns[k], items, fmt)[0];
      if (found !== null) { plan.items[k] = found; plan.byText.push(k); }
      else if (mostly(table.rows.map(function (r) { return r[k]; }), isLabel) ||
        (foldText(table.columns[k]).split(" ").filter(Boolean).length >= fmt.question_words &&
          mostly(table.rows.map(function (r) { return r[k]; }), function (v) { return isLabel(v) || isPoint(v); }))) {
        plan.unmatched.push(k);
      }
      else plan.groups.push(k);
    });
    var seen = {};
    Object.keys(plan.items).map(Number).sort(function (a, b) { return a - b; }).forEach(function (k) {
      var id = plan.items[k];
      (seen[id] = seen[id] || []).push(k);
    });
    Object.keys(seen).forEach(function (id) { if (seen[id].length > 1) plan.duplicates[id] = seen[id]; });
    plan.missing = items.map(function (it) { return it.id; }).filter(function (id) { return !has(seen, id); });
    plan.unmatched.sort(function (a, b) { return a - b; });
    plan.dropped.sort(function (a, b) { return a[0] - b[0]; });
    return plan;
  }

  function quoted(names) { return names.map(function (n) { return "'" + n + "'"; }).join(", "); }

  /* ------------------------------------------------------------ sheets (plnlib/io/answer_sheets.py) */

  function answerColumns(table, checklist, fmt) {
    if (!table) return 0;
    var lower = table.columns.map(function (c) { return strip(c).toLowerCase(); });
    if (fmt.tidy_columns.every(function (k) { return lower.indexOf(k) >= 0; })) return 3;
    var items = checklistItems(checklist), prefixes = prefixesOf(items);
    var known = new Set(items.map(function (it) { return it.id; }));
    return table.columns.filter(function (c) {
      var found = normaliseItemId(c, prefixes, fmt);
      return known.has(found) || (found === null && matchText(c, items, fmt)[0] !== null);
    }).length;
  }

  function sheetWhat(table, n) {
    if (!table) return "empty";
    if (n) return n + " answer column" + (n > 1 ? "s" : "");
    return "no answer columns: " + quoted(table.columns.slice(0, 3)) + (table.columns.length > 3 ? ", ..." : "");
  }

  /* the sheet holding the answers: {table, where, note} (read_answer_sheet) */
  function chooseSheet(book, checklist, fmt, where, sheet) {
    var sheets = book.sheets, names = sheets.map(function (x) { return x.name; });
    var byName = {};
    sheets.forEach(function (x) { byName[x.name] = x.table; });
    if (sheets.length === 1 && (sheet === undefined || sheet === null || sheet === names[0])) {
      return { table: book, where: where, note: "" };
    }
    if (sheet !== undefined && sheet !== null) {
      if (!has(byName, sheet)) {
        throw new PlnError("expected a sheet named '" + sheet + "', found the sheets " + quoted(names), where,
          "Give --sheet one of these names (as the workbook spells them).");
      }
      if (!byName[sheet] || !byName[sheet].rows.length) {
        throw new PlnError("expected a header row and answers on the sheet '" + sheet + "', found it empty", where,
          "Choose the sheet that holds the answers.");
      }
      return { table: byName[sheet], where: where + ", sheet '" + sheet + "'", note: "read the sheet '" + sheet + "' (chosen with --sheet)" };
    }
    var counts = sheets.map(function (x) { return answerColumns(x.table, checklist, fmt); });
    var holding = names.filter(function (n, i) { return counts[i] > 0; });
    var looked = names.map(function (n, i) { return "'" + n + "' (" + sheetWhat(sheets[i].table, counts[i]) + ")"; }).join(", ");
    if (holding.length === 1) {
      var name = holding[0], table = byName[name];
      if (!table || !table.rows.length) {
        throw new PlnError("expected at least one row under the header of the sheet '" + name + "', found none", where,
          "Check that you exported the answers, not only the questions.");
      }
      return { table: table, where: where + ", sheet '" + name + "'", note: "read the sheet '" + name + "' of " + where + "; looked at " + looked };
    }
    if (!holding.length) {
      var first = checklistItems(checklist)[0].id;
      throw new PlnError("expected a sheet with the answers (question columns starting with an item id of '" + checklist.id +
        "' such as '[" + first + "] ...', or respondent/item/value), found none in the " + names.length + " sheet" +
        (names.length > 1 ? "s" : "") + ": " + looked, where,
        "Check that you exported the answers; if a sheet holds them under other headers, rename its question columns to start with the item ids.");
    }
    throw new PlnError("expected the answers on one sheet, found answers on " + holding.length + " sheets: " + looked, where,
      "Choose one with --sheet, for example --sheet '" + holding[0] + "'.");
  }

  /* ------------------------------------------------------------ layouts */

  function tidyAnswers(table, checklist, fmt, lower) {
    var isEmail = emailTest(fmt);
    var special = fmt.tidy_columns.map(function (k) { return lower[k]; });
    var groupIdx = [], dropped = [];
    table.columns.forEach(function (c, i) {
      if (special.indexOf(i) >= 0 || String(c).charAt(0) === "_") return;
      var values = table.rows.map(function (r) { return r[i]; });
      if (identifyingKind(c, fmt) !== null || mostly(values, isEmail)) dropped.push(c);
      else groupIdx.push(i);
    });
    var items = checklistItems(checklist), prefixes = prefixesOf(items);
    var known = new Set(items.map(function (it) { return it.id; }));
    var respondents = table.rows.map(function (cells) { return cells[lower.respondent]; });
    var codes = null;
    if (mostly(respondents, isEmail)) {
      codes = {};
      filled(respondents).forEach(function (v) {
        var key = String(v).split(/\s+/).filter(Boolean).join(" ").toLowerCase();
        if (!has(codes, key)) codes[key] = "E" + (Object.keys(codes).length + 1);
      });
    }
    var tidyRows = table.rows.map(function (cells, r) {
      var item = cells[lower.item];
      if (typeof item === "string") {
        var fixed = normaliseItemId(item, prefixes, fmt);
        if (fixed !== null && known.has(fixed)) item = fixed;
      }
      var who = cells[lower.respondent];
      if (codes && who !== null && who !== undefined) {
        var k = String(who).split(/\s+/).filter(Boolean).join(" ").toLowerCase();
        if (has(codes, k)) who = codes[k];
      }
      var row = { respondent: who, item: item, value: cells[lower.value], _row: r + 2 };
      groupIdx.forEach(function (i) { row[table.columns[i]] = cells[i]; });
      return row;
    });
    return {
      rows: tidyRows, groups: groupIdx.map(function (i) { return table.columns[i]; }), layout: "tidy",
      reading: { dropped: dropped, byText: {}, unmatched: [], missing: [] },
    };
  }

  /* a form of an older version lacks exactly the items added since: it is read
     (plnlib: Checklist.table_version_note, with new_since from the page data) */
  function olderForm(checklist, plan) {
    var have = new Set(Object.keys(plan.items).map(function (k) { return plan.items[k]; }));
    var since = checklist.new_since || {};
    return Object.keys(since).some(function (v) {
      var added = since[v];
      var missing = plan.missing.slice().sort().join(" ");
      return added.length && missing === added.slice().sort().join(" ") &&
        !added.some(function (id) { return have.has(id); });
    });
  }

  /* {columns, rows} (with .sheets for a workbook) -> {rows: tidy answers, groups: group column
     names, layout, where, reading} (read_answer_sheet and responses_from_frame in plnlib).
     options: {sheet, allowMissingItems} */
  function responsesFromTable(table, checklist, data, where, options) {
    where = where || "answers";
    options = options || {};
    var fmt = data.format;
    if (table.sheets) {
      var chosen = chooseSheet(table, checklist, fmt, where, options.sheet);
      table = chosen.table;
      where = chosen.where;
    }
    var lower = {};
    table.columns.forEach(function (c, i) { lower[strip(c).toLowerCase()] = i; });
    var out;
    if (fmt.tidy_columns.every(function (k) { return k in lower; })) out = tidyAnswers(table, checklist, fmt, lower);
    else out = wideAnswers(table, checklist, data, where, options);
    out.where = where;
    if (chosen && chosen.note) out.reading.sheet = chosen.note;
    return out;
  }

  function wideAnswers(table, checklist, data, where, options) {
    var fmt = data.format, scale = data.scales[checklist.scale];
    var items = checklistItems(checklist);
    var headers = table.columns;
    var plan = planColumns(table, items, function (v) { return has(scale.accept, score.fold(v)); }, fmt,
      scale.points.map(function (p) { return p.value; }));
    var itemKeys = Object.keys(plan.items).map(Number).sort(function (a, b) { return a - b; });
    var unmatched = plan.unmatched.length
      ? "; the columns that look like questions but match no item are " + quoted(plan.unmatched.map(function (k) { return headers[k]; }))
      : "";
    if (!itemKeys.length) {
      var shown = headers.slice(0, 6).map(function (c) { return score.pyRepr(String(c)); }).join(", ");
      throw new PlnError(
        "expected columns respondent/item/value, or question columns starting with an item id of '" +
          checklist.id + "' such as '[" + items[0].id + "] ...', found " + shown + unmatched,
        where,
        "Make the form from 'plnlib form " + checklist.id + "' so each question starts with its id, " +
          "or rename the columns to the item ids.");
    }
    var dup = Object.keys(plan.duplicates).sort();
    if (dup.length) {
      var dupCols = [];
      dup.forEach(function (id) { plan.duplicates[id].forEach(function (k) { dupCols.push(headers[k]); }); });
      throw new PlnError("expected each item once, found several columns for " + dup.join(", ") + " (" + quoted(dupCols) + ")",
        where, "Delete the repeated question columns.");
    }
    if (plan.missing.length && !options.allowMissingItems && !olderForm(checklist, plan)) {
      throw new PlnError(
        "expected a column for every item of '" + checklist.id + "', found none for " + plan.missing.join(", ") +
          " (" + plan.missing.length + " of " + items.length + " items)" + unmatched,
        where,
        "Start each question title with its id in brackets ('[" + plan.missing[0] + "] ...'), or score without " +
          "these items (plnlib: --allow-missing-items; the results then say which are missing).");
    }
    var respCol = plan.respondent;
    var rest = plan.groups;
    var order = itemKeys.slice().sort(function (a, b) {
      var x = plan.items[a], y = plan.items[b];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    var rows = [];
    table.rows.forEach(function (cells, r) {
      var respondent;
      if (respCol === null) respondent = "R" + String(r + 1).padStart(4, "0");
      else respondent = cells[respCol] === null ? null : strip(cells[respCol]);
      order.forEach(function (i) {
        var row = { respondent: respondent, item: plan.items[i], value: cells[i], _row: r + 2, _column: headers[i] };
        rest.forEach(function (g) { row[headers[g]] = cells[g]; });
        rows.push(row);
      });
    });
    var lower = headers.map(function (c) { return strip(c).toLowerCase(); });
    var byText = {};
    plan.byText.forEach(function (k) { byText[headers[k]] = plan.items[k]; });
    return {
      rows: rows, groups: rest.map(function (i) { return headers[i]; }),
      layout: respCol === null && headers.some(function (h) { return identifyingKind(h, fmt) === "time"; }) ? "google"
        : lower.indexOf("start time") >= 0 && lower.indexOf("completion time") >= 0 ? "msforms" : "wide",
      reading: {
        dropped: plan.dropped.map(function (d) { return headers[d[0]]; }), byText: byText,
        unmatched: plan.unmatched.map(function (k) { return headers[k]; }), missing: plan.missing,
      },
    };
  }

  /* saved answers JSON files ([{name, text}]) -> tidy answers (load_person_json in plnlib) */
  function responsesFromJson(files, checklist, data) {
    var rows = [], used = {};
    files.forEach(function (f) {
      var doc;
      try { doc = JSON.parse(f.text.replace(/^\ufeff/, "")); } catch (err) {
        throw new PlnError("expected JSON saved by plnlib, found text that is not JSON (" + err.message + ")",
          f.name, "Choose the .json file you saved from the checklist.");
      }
      if (!doc || typeof doc !== "object" || Array.isArray(doc) || doc.format !== data.format.answers) {
        throw new PlnError('expected a file with "format": "' + data.format.answers + '", found something else',
          f.name, "Choose the .json file you saved from the checklist.");
      }
      if (!doc.answers || typeof doc.answers !== "object" || Array.isArray(doc.answers)) {
        throw new PlnError("expected an 'answers' object, found none", f.name, "");
      }
      if (String(doc.checklist) !== checklist.id) {
        throw new PlnError("expected answers to the checklist '" + checklist.id + "', found answers to '" +
          doc.checklist + "'", f.name, "Choose that checklist in the Checklist menu, or open the right file.");
      }
      var who = String(doc.respondent === undefined ? "me" : doc.respondent);
      if (used[who]) {
        used[who] += 1;
        who = who + " (" + used[who] + ")";
      } else used[who] = 1;
      Object.keys(doc.answers).forEach(function (item) {
        rows.push({ respondent: who, item: item, value: doc.answers[item], _row: rows.length + 2, _file: f.name });
      });
    });
    return { rows: rows, groups: [], layout: "json" };
  }

  var api = {
    decodeText: decodeText, sniffDelimiter: sniffDelimiter, readCsvText: readCsvText, readXlsx: readXlsx,
    responsesFromTable: responsesFromTable, responsesFromJson: responsesFromJson, excelCell: excelCell,
    foldText: foldText, identifyingKind: identifyingKind, normaliseItemId: normaliseItemId, matchText: matchText,
    planColumns: planColumns, chooseSheet: chooseSheet,
  };
  if (inNode) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.read = api;
  }
})(typeof window !== "undefined" ? window : this);
