"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const toolData = require("./tool-data.js");
const R = toolData.js("pln-read.js");

const data = toolData();
const design = data.checklists["pln-design"];
const enc = (s) => new TextEncoder().encode(s);

function utf16(text, bom) {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let k = 0;
  if (bom) { out[0] = 0xff; out[1] = 0xfe; k = 2; }
  for (let i = 0; i < text.length; i++) { out[k++] = text.charCodeAt(i) & 255; out[k++] = text.charCodeAt(i) >> 8; }
  return out;
}

test("text is decoded as plnlib decodes it", () => {
  assert.equal(R.decodeText(enc("caf\u00e9")), "caf\u00e9");
  assert.equal(R.decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc("caf\u00e9")])), "caf\u00e9");
  assert.equal(R.decodeText(utf16("caf\u00e9", true)), "caf\u00e9");
  assert.equal(R.decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), "caf\u00e9"); // cp1252
  assert.equal(R.decodeText(new Uint8Array([0x80])), "\u20ac");
  assert.throws(() => R.decodeText(new Uint8Array([0x61, 0x81]), "x.csv"), /x.csv: expected text in UTF-8, UTF-16 or Windows-1252.*byte 1/);
  const long = "respondent,item,value,school\n" + "a,DES-01,3,\u00c9cole\n".repeat(10);
  assert.equal(R.decodeText(utf16(long, false)), long); // UTF-16 without a BOM
  // plain ASCII in UTF-16 without a BOM is valid UTF-8 to Python too: it keeps the NULs, as plnlib does
  assert.equal(R.decodeText(utf16("ab", false)), "a\u0000b\u0000");
});

test("the delimiter is sniffed as csv.Sniffer does", () => {
  assert.equal(R.sniffDelimiter("a;b;c\n1;2;3\n"), ";");
  assert.equal(R.sniffDelimiter("a,b\n1,2\n"), ",");
  assert.equal(R.sniffDelimiter("a\tb\tc\n1\t2\t3\n"), "\t");
  assert.equal(R.sniffDelimiter('"x, y";b\n"1, 2";3\n'), ";");
  assert.equal(R.sniffDelimiter("one\n"), ",");
});

test("CSV cells are text, empty cells null, headers stripped and de-duplicated", () => {
  const t = R.readCsvText(" a ,b,b,\n1,,x y,z\n\n2\n", "f.csv");
  assert.deepEqual(t.columns, ["a", "b", "b.1", "Unnamed: 3"]);
  assert.deepEqual(t.rows, [["1", null, "x y", "z"], ["2", null, null, null]]);
  assert.throws(() => R.readCsvText("a,b\n1,2,3\n", "f.csv"), /f.csv: expected a table with the same number of cells in every row/);
  assert.throws(() => R.readCsvText("\n\n", "f.csv"), /found an empty file/);
  assert.throws(() => R.readCsvText("a,b\n", "f.csv"), /expected at least one row under the header/);
});

test("layouts: tidy, wide and Google Forms, with identifying columns dropped", () => {
  const wide = R.responsesFromTable({
    columns: ["Timestamp", "Email Address", "School", "[DES-02] Anything", "[DES-01] Else"],
    rows: [["2026/01/05", "a@example.org", "North", "4", "Emerging"]],
  }, design, data, "g.csv", { allowMissingItems: true });
  assert.equal(wide.layout, "google");
  assert.deepEqual(wide.groups, ["School"]);
  assert.deepEqual(wide.rows.map((r) => [r.respondent, r.item, r.value, r.School, r._row]),
    [["R0001", "DES-01", "Emerging", "North", 2], ["R0001", "DES-02", "4", "North", 2]]);
  assert.ok(wide.rows.every((r) => !("Email Address" in r)));
  const tidy = R.responsesFromTable({ columns: ["Respondent", "item", "VALUE", "role"], rows: [["a", "DES-01", "3", "t"]] }, design, data);
  assert.equal(tidy.layout, "tidy");
  assert.deepEqual(tidy.groups, ["role"]);
  const ms = R.responsesFromTable({ columns: ["ID", "Start time", "Completion time", "Name", "DES-01"],
    rows: [["7 ", "1/3/26", "1/3/26", "Ann", "3"]] }, design, data, "", { allowMissingItems: true });
  assert.equal(ms.rows[0].respondent, "7");
  assert.equal(ms.layout, "msforms");
  assert.deepEqual(ms.groups, []);
  assert.throws(() => R.responsesFromTable({ columns: ["Name", "Colour"], rows: [["a", "b"]] }, design, data, "x.csv"),
    /x.csv: expected columns respondent\/item\/value, or question columns starting with an item id of 'pln-design' such as '\[DES-01\] ...', found 'Name', 'Colour'/);
  assert.throws(() => R.responsesFromTable({ columns: ["DES-01", "[DES-01] again"], rows: [["1", "2"]] }, design, data),
    /several columns for DES-01/);
});

test("saved answers files: several at once, checked like load_person_json", () => {
  const doc = (who, answers, cid) => ({ name: who + ".json", text: JSON.stringify({ format: data.format.answers, version: 1, checklist: cid || "pln-design", respondent: who, answers }) });
  const got = R.responsesFromJson([doc("me", { "DES-01": 3 }), doc("me", { "DES-01": "dont_know" })], design, data);
  assert.deepEqual(got.rows.map((r) => [r.respondent, r.value]), [["me", 3], ["me (2)", "dont_know"]]);
  assert.throws(() => R.responsesFromJson([{ name: "x.json", text: "{" }], design, data), /x.json: expected JSON saved by plnlib/);
  assert.throws(() => R.responsesFromJson([{ name: "x.json", text: "{}" }], design, data), /"format": "plnlib-answers"/);
  assert.throws(() => R.responsesFromJson([doc("me", {}, "readiness")], design, data), /expected answers to the checklist 'pln-design', found answers to 'readiness'/);
});

test("XLSX cells are read as pandas reads them", async () => {
  assert.equal(R.excelCell(3), "3");
  assert.equal(R.excelCell(2.5), "2.5");
  assert.equal(R.excelCell(null), null);
  assert.equal(R.excelCell({ richText: [{ text: "Em" }, { text: "erging" }] }), "Emerging");
  assert.equal(R.excelCell({ formula: "1+1", result: 2 }), "2");
  const ExcelJS = toolData.vendor("exceljs.min.js");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["respondent", "DES-01", "School"]);
  ws.addRow(["a", 3, "North"]);
  ws.addRow(["b", "Emerging", null]);
  const buf = await wb.xlsx.writeBuffer();
  const t = await R.readXlsx(buf, ExcelJS, "w.xlsx");
  assert.deepEqual(t.columns, ["respondent", "DES-01", "School"]);
  assert.deepEqual(t.rows, [["a", "3", "North"], ["b", "Emerging", null]]);
  await assert.rejects(R.readXlsx(enc("not a zip"), ExcelJS, "w.xlsx"), /w.xlsx: expected an Excel workbook/);
});

/* ------------------------------------------------------------ issue 11: real exports */

test("personal data headers in six languages are known, and only they", () => {
  const f = data.format;
  for (const h of ["Marca temporal", "Dirección de correo electrónico", "Horodateur", "Adresse e-mail", "Zeitstempel",
    "E-Mail-Adresse", "Tijdstempel", "E-mailadres", "Carimbo de data/hora", "Endereço de e-mail", "Your name", "Nombre",
    "Student number", "Hora de finalización"]) {
    assert.notEqual(R.identifyingKind(h, f), null, h);
  }
  for (const h of ["School", "Nombre del centro", "Rol", "How often do you e-mail colleagues in other schools about your lessons?"]) {
    assert.equal(R.identifyingKind(h, f), null, h);
  }
  assert.equal(R.foldText("  E-Mail-Adresse: "), "e mail adresse");
});

test("item ids tolerate the usual edits; texts match exactly or clearly, never between two", () => {
  const f = data.format;
  const cases = [["[DES-1] x", "DES-01"], ["[DES 03]", "DES-03"], ["DES_03 x", "DES-03"], ["des-04. x", "DES-04"],
    ["x [DES-06]", "DES-06"], ["Age 12", null], ["RDY-01 x", null], ["[RDY-01] x", "RDY-01"]];
  for (const [h, want] of cases) assert.equal(R.normaliseItemId(h, ["DES"], f), want, h);
  const items = design.sections.flatMap((s) => s.items);
  assert.deepEqual(R.matchText(items[0].text.toUpperCase(), items, f), [items[0].id, []]);
  const twins = [{ id: "A-01", text: "Members share one goal for pupils." }, { id: "A-02", text: "Members share one goal for staff." }];
  assert.deepEqual(R.matchText("Members share one goal for", twins, f), [null, ["A-01", "A-02"]]);
});

test("a Spanish Google Forms export: personal data dropped, labels read, nothing echoed", () => {
  const items = design.sections.flatMap((s) => s.items);
  const columns = ["Marca temporal", "Contacto", "Escuela", ...items.map((it, k) => (k === 2 ? it.text : "[" + it.id.replace("-0", " ") + "] " + it.text))];
  const es = Object.values(data.scales["maturity4"].languages.es);
  const rows = [0, 1].map((k) => ["2026/03/01", "p" + k + "@escuela.example", "Norte", ...items.map((_, j) => es[(j + k) % 6])]);
  const got = R.responsesFromTable({ columns, rows }, design, data, "r.csv");
  assert.deepEqual(got.groups, ["Escuela"]);
  assert.deepEqual(got.reading.dropped, ["Marca temporal", "Contacto"]);
  assert.deepEqual(got.reading.byText, { [items[2].text]: "DES-03" });
  const S = toolData.js("pln-score.js");
  const prepared = S.prepareAnswers(got, design, data.scales["maturity4"], "r.csv");
  assert.equal(prepared.rows.length, 2 * items.length);
  assert.ok(JSON.stringify(got).indexOf("@") < 0);
  rows[1][4] = "write to ana@escuela.example";
  rows[0][5] = "A veces";
  rows[1][6] = "A veces";
  const bad = R.responsesFromTable({ columns, rows }, design, data, "r.csv");
  assert.throws(() => S.prepareAnswers(bad, design, data.scales["maturity4"], "r.csv"), (err) => {
    assert.match(err.message, /found 2 other answers: 'A veces' \(DES-03: row 2; DES-04: row 3\), an e-mail address \(not shown\) \(DES-02: row 3\)\. /);
    assert.ok(err.message.indexOf("@") < 0);
    return true;
  });
});

test("items with no column are refused, naming them and the columns that match nothing", () => {
  const items = design.sections.flatMap((s) => s.items);
  const columns = ["Timestamp", ...items.slice(1).map((it) => "[" + it.id + "] " + it.text), "Something new?"];
  const rows = [["t", ...items.slice(1).map(() => "2"), "Emerging"]];
  assert.throws(() => R.responsesFromTable({ columns, rows }, design, data, "g.csv"),
    { message: "g.csv: expected a column for every item of 'pln-design', found none for DES-01 (1 of " + items.length + " items); the columns " +
      "that look like questions but match no item are 'Something new?'. Start each question title with its id in brackets " +
      "('[DES-01] ...'), or score without these items (plnlib: --allow-missing-items; the results then say which are missing)." });
  const ok = R.responsesFromTable({ columns, rows }, design, data, "g.csv", { allowMissingItems: true });
  assert.deepEqual(ok.reading.missing, ["DES-01"]);
  assert.deepEqual(ok.reading.unmatched, ["Something new?"]);
});

test("workbooks: the sheet with the answers is found, and every message names the sheets", () => {
  const items = design.sections.flatMap((s) => s.items);
  const answers = { columns: ["School", ...items.map((it) => "[" + it.id + "] x")], rows: [["N", ...items.map(() => "3")]] };
  const notes = { columns: ["Notes", "More", "Yet more", "And more"], rows: [["a", "b", "c", "d"]] };
  const book = (sheets) => ({ columns: [], rows: [], sheets });
  const got = R.responsesFromTable(book([{ name: "Notes", table: notes }, { name: "Empty", table: null }, { name: "Answers", table: answers }]), design, data, "b.xlsx");
  assert.equal(got.where, "b.xlsx, sheet 'Answers'");
  assert.equal(got.reading.sheet, `read the sheet 'Answers' of b.xlsx; looked at 'Notes' (no answer columns: 'Notes', 'More', 'Yet more', ...), 'Empty' (empty), 'Answers' (${items.length} answer columns)`);
  assert.throws(() => R.responsesFromTable(book([{ name: "A", table: answers }, { name: "B", table: answers }]), design, data, "b.xlsx"),
    new RegExp(`b.xlsx: expected the answers on one sheet, found answers on 2 sheets: 'A' \\(${items.length} answer columns\\), 'B' \\(${items.length} answer columns\\). Choose one with --sheet, for example --sheet 'A'.`));
  assert.throws(() => R.responsesFromTable(book([{ name: "A", table: notes }, { name: "B", table: null }]), design, data, "b.xlsx"),
    /found none in the 2 sheets: 'A' \(no answer columns: /);
  assert.throws(() => R.responsesFromTable(book([{ name: "A", table: answers }, { name: "B", table: null }]), design, data, "b.xlsx", { sheet: "C" }),
    /expected a sheet named 'C', found the sheets 'A', 'B'/);
  const chosen = R.responsesFromTable(book([{ name: "A", table: answers }, { name: "B", table: answers }]), design, data, "b.xlsx", { sheet: "B" });
  assert.equal(chosen.where, "b.xlsx, sheet 'B'");
});

test("a tidy file: ids normalised, e-mail respondents replaced by codes, identifying columns dropped", () => {
  const got = R.responsesFromTable({ columns: ["respondent", "item", "value", "E-mail", "school"],
    rows: [["a@x.example", "des-1", "3", "a@x.example", "N"], ["A@x.example ", "DES 2", "2", "a@x.example", "N"]] }, design, data);
  assert.deepEqual(got.rows.map((r) => [r.respondent, r.item]), [["E1", "DES-01"], ["E1", "DES-02"]]);
  assert.deepEqual(got.groups, ["school"]);
  assert.deepEqual(got.reading.dropped, ["E-mail"]);
});

test("a form of the checklist's first version is read; one missing another item is refused", () => {
  const added = new Set(design.new_since["1"]);
  assert.ok(added.size > 0, "pln-design has items added since version 1");
  const old = design.sections.flatMap((s) => s.items.map((i) => i.id)).filter((id) => !added.has(id));
  const table = (ids) => ({ columns: ids.map((id) => `[${id}] statement`), rows: [ids.map(() => "3")] });
  const got = R.responsesFromTable(table(old), design, data, "v1.csv");
  assert.deepEqual(new Set(got.rows.map((r) => r.item)), new Set(old));
  // the same form with one of its own questions deleted is an edited form: refused, as plnlib does
  assert.throws(() => R.responsesFromTable(table(old.slice(1)), design, data, "v1.csv"), /found none for DES-01, DES-27/);
});
