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

  /* an .xlsx file (ArrayBuffer) -> {columns, rows}, with exceljs; the first sheet, like plnlib */
  function readXlsx(buffer, ExcelJS, where) {
    var wb = new ExcelJS.Workbook();
    return wb.xlsx.load(buffer).then(function () {
      var sheet = wb.worksheets[0];
      if (!sheet) throw emptyTable(where);
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
      if (!rows.length) throw emptyTable(where);
      return { columns: cleanColumns(cols), rows: rows };
    }, function (err) {
      throw new PlnError("expected an Excel workbook, found a file that is not one (" + (err && err.message ? err.message : err) + ")",
        where, "Open it in your spreadsheet program and save it again as .xlsx or CSV.");
    });
  }

  /* ------------------------------------------------------------ layouts */

  /* {columns, rows} -> {rows: tidy answers, groups: group column names, layout}
     (responses_from_frame in plnlib) */
  function responsesFromTable(table, checklist, data, where) {
    where = where || "answers";
    var fmt = data.format;
    var lower = {};
    table.columns.forEach(function (c, i) { lower[String(c).trim().toLowerCase()] = i; });
    var tidyCols = fmt.tidy_columns;
    if (tidyCols.every(function (k) { return k in lower; })) {
      var special = tidyCols.map(function (k) { return lower[k]; });
      var groupIdx = [];
      table.columns.forEach(function (c, i) {
        if (special.indexOf(i) < 0 && String(c).charAt(0) !== "_") groupIdx.push(i);
      });
      var tidyRows = table.rows.map(function (cells, r) {
        var row = { respondent: cells[lower.respondent], item: cells[lower.item], value: cells[lower.value], _row: r + 2 };
        groupIdx.forEach(function (i) { row[table.columns[i]] = cells[i]; });
        return row;
      });
      return { rows: tidyRows, groups: groupIdx.map(function (i) { return table.columns[i]; }), layout: "tidy" };
    }
    var pattern = new RegExp(fmt.item_id_pattern, "u");
    var itemOf = table.columns.map(function (c) { var m = pattern.exec(String(c)); return m ? m[1] : null; });
    var itemCols = [];
    itemOf.forEach(function (id, i) { if (id !== null) itemCols.push(i); });
    if (!itemCols.length) {
      var shown = table.columns.slice(0, 6).map(function (c) { return score.pyRepr(String(c)); }).join(", ");
      var first = checklist.sections[0].items[0].id;
      throw new PlnError(
        "expected columns respondent/item/value, or question columns starting with an item id of '" +
          checklist.id + "' such as '[" + first + "] ...', found " + shown,
        where,
        "Make the form from 'plnlib form " + checklist.id + "' so each question starts with its id, " +
          "or rename the columns to the item ids.");
    }
    var ids = itemCols.map(function (i) { return itemOf[i]; });
    var dup = ids.filter(function (id, k) { return ids.indexOf(id) !== k; });
    if (dup.length) {
      dup = Array.from(new Set(dup)).sort();
      throw new PlnError("expected each item once, found several columns for " + dup.join(", "), where,
        "Delete the repeated question columns.");
    }
    var respCol = null;
    for (var k = 0; k < fmt.respondent_columns.length; k++) {
      if (fmt.respondent_columns[k] in lower) { respCol = lower[fmt.respondent_columns[k]]; break; }
    }
    var dropped = new Set(fmt.dropped_columns);
    var rest = [];
    table.columns.forEach(function (c, i) {
      if (itemOf[i] === null && i !== respCol && !dropped.has(String(c).trim().toLowerCase())) rest.push(i);
    });
    var order = itemCols.slice().sort(function (a, b) { return itemOf[a] < itemOf[b] ? -1 : itemOf[a] > itemOf[b] ? 1 : 0; });
    var rows = [];
    table.rows.forEach(function (cells, r) {
      var respondent;
      if (respCol === null) respondent = "R" + String(r + 1).padStart(4, "0");
      else respondent = cells[respCol] === null ? null : String(cells[respCol]).trim();
      order.forEach(function (i) {
        var row = { respondent: respondent, item: itemOf[i], value: cells[i], _row: r + 2, _column: table.columns[i] };
        rest.forEach(function (g) { row[table.columns[g]] = cells[g]; });
        rows.push(row);
      });
    });
    return {
      rows: rows, groups: rest.map(function (i) { return table.columns[i]; }),
      layout: respCol === null && "timestamp" in lower ? "google"
        : "start time" in lower && "completion time" in lower ? "msforms" : "wide",
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
  };
  if (inNode) module.exports = api;
  else {
    root.PLN = root.PLN || {};
    root.PLN.read = api;
  }
})(typeof window !== "undefined" ? window : this);
