/* The PLN Handbook: reading files in the planning tools' pages. The same reader as the team
   page, used read-only: PLN.read (pln-read.js, a port of plnlib.io.tables.read_table) decodes
   UTF-8, UTF-16 or Windows-1252, finds the delimiter (comma, semicolon or tab) and parses CSV
   with the vendored Papa Parse; an .xlsx file is read with the vendored exceljs, loaded only
   when one is opened. Nothing leaves the browser. Needs papaparse.min.js, pln-score.js and
   pln-read.js loaded first. */
(function (root) {
  "use strict";
  var excel = null;

  function loadExcel(vendor) {
    if (root.ExcelJS) { return Promise.resolve(root.ExcelJS); }
    if (!excel) {
      excel = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = vendor + "exceljs.min.js";
        s.onload = function () { resolve(root.ExcelJS); };
        s.onerror = function () {
          excel = null;
          reject(new root.PLN.score.PlnError("expected the spreadsheet reader to load, found it missing",
            "exceljs.min.js", "Reload the page, or save the file as CSV and open that."));
        };
        document.head.appendChild(s);
      });
    }
    return excel;
  }

  /* {columns, rows: [[cell]]} -> {columns, rows: [{column: cell or null}]} */
  function asObjects(table) {
    return {
      columns: table.columns,
      rows: table.rows.map(function (cells) {
        var o = {};
        table.columns.forEach(function (c, i) { o[c] = cells[i] === undefined ? null : cells[i]; });
        return o;
      }),
    };
  }

  function isXlsx(name) { return /\.(xlsx|xlsm)$/i.test(name); }

  /* bytes of a file -> Promise of {json: text} (a saved .json) or {table: {columns, rows}} */
  function readBytes(bytes, name, vendor) {
    var R = root.PLN.read;
    bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (/\.xls$/i.test(name)) {
      return Promise.reject(new root.PLN.score.PlnError("expected a .xlsx, .csv or .json file, found an old Excel .xls file",
        name, "Save it again as .xlsx or as CSV (CSV UTF-8) from your spreadsheet program."));
    }
    if (isXlsx(name)) {
      return loadExcel(vendor).then(function (ExcelJS) {
        return R.readXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), ExcelJS, name);
      }).then(function (t) { return { table: asObjects(t) }; });
    }
    return new Promise(function (resolve) {
      var text = R.decodeText(bytes, name);
      if (/\.json$/i.test(name) || /^\s*\{/.test(text)) { resolve({ json: text.replace(/^\ufeff/, "") }); return; }
      resolve({ table: asObjects(R.readCsvText(text, name)) });
    });
  }

  function readFile(file, vendor) {
    return file.arrayBuffer().then(function (buf) { return readBytes(new Uint8Array(buf), file.name, vendor); });
  }

  function isPlnError(err) { return !!err && err.name === "PlnError"; }

  root.PlnPlanRead = { readBytes: readBytes, readFile: readFile, loadExcel: loadExcel, isPlnError: isPlnError, asObjects: asObjects };
})(typeof window !== "undefined" ? window : this);
