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
