"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const toolData = require("./tool-data.js");
const T = toolData.js("pln-team-core.js");
const V = toolData.js("pln-team-view.js");

const data = toolData();
const enc = (s) => new TextEncoder().encode(s);

function teamCsv(n, schools) {
  let text = "respondent,item,value,school\n";
  for (let i = 0; i < n; i++) {
    const school = schools[i % schools.length];
    text += `p${i},DES-01,${(i % 4) + 1},${school}\np${i},DES-02,${i % 2 ? "Don't know" : 4 - (i % 4)},${school}\n`;
  }
  return enc(text);
}

test("a file is read, scored and shown with its counts and a table for every chart", async () => {
  const answers = await T.readFiles([{ name: "t.csv", bytes: teamCsv(12, ["A", "B"]) }], "pln-design", data);
  const res = T.results(answers, "pln-design", data, { by: "school" });
  assert.equal(res.counted, 12);
  assert.equal(res.skipped, 0);
  assert.equal(res.table.columns[0], "school");
  const html = V.resultsHtml(res, "t.csv", { "design-vision": "../design/shared-vision.html" });
  assert.match(html, /12 responses read, 12 counted, 0 skipped/);
  assert.match(html, /<table class="pln-team-table" id="pln-team-sections">/);
  assert.match(html, /id="pln-team-groups"/);
  // every bar is decoration beside a number in a table
  assert.ok((html.match(/aria-hidden="true"/g) || []).length > 0);
  assert.match(V.announce(res), /^Results ready: 12 responses read, 12 counted, 0 skipped\./);
});

test("a team below the threshold shows no numbers", async () => {
  const answers = await T.readFiles([{ name: "t.csv", bytes: teamCsv(4, ["A"]) }], "pln-design", data);
  const res = T.results(answers, "pln-design", data, {});
  assert.equal(res.summary.suppressed, true);
  assert.deepEqual(res.priorities, []);
  assert.ok(res.table.rows.every((r) => r[2] === null && r[3] === null));
  assert.match(V.resultsHtml(res, "t.csv", {}), /every result is hidden/);
});

test("the weakest sections and items come with actions and chapters", async () => {
  const answers = await T.readFiles([{ name: "t.csv", bytes: teamCsv(10, ["A"]) }], "pln-design", data);
  const res = T.results(answers, "pln-design", data, {});
  const secs = res.priorities.filter((p) => p.level === "section");
  const items = res.priorities.filter((p) => p.level === "item");
  assert.equal(secs.length, 1); // only one section has answers
  assert.ok(items.length >= 1 && items.every((p) => Array.isArray(p.actions) && p.chapter));
});

test("which reader: several JSON files together, one table at a time, old .xls refused", async () => {
  const doc = (who) => enc(JSON.stringify({ format: data.format.answers, checklist: "pln-design", respondent: who, answers: { "DES-01": 2 } }));
  const got = await T.readFiles([{ name: "a.json", bytes: doc("a") }, { name: "b.json", bytes: doc("b") }], "pln-design", data);
  assert.equal(got.layout, "json");
  assert.equal(got.rows.length, 2);
  await assert.rejects(T.readFiles([{ name: "a.csv", bytes: enc("x") }, { name: "b.csv", bytes: enc("y") }], "pln-design", data),
    /Expected one responses file, or several saved answers/);
  await assert.rejects(T.readFiles([{ name: "old.xls", bytes: enc("x") }], "pln-design", data), /old.xls: expected .xlsx or .csv/);
});

test("the checklist a file belongs to is recognised from its item ids", async () => {
  const answers = await T.readFiles([{ name: "r.csv", bytes: enc("respondent,item,value\na,RDY-01,3\n") }], "pln-design", data);
  const ids = Object.keys(data.checklists).filter((cid) => data.checklists[cid].sections.some((s) => s.items.some((i) => i.id === "RDY-01")));
  assert.equal(T.guessChecklist(answers, data), ids.length === 1 ? ids[0] : null);
  const design = await T.readFiles([{ name: "d.csv", bytes: enc("respondent,item,value\na,DES-01,3\n") }], "pln-design", data);
  assert.equal(T.guessChecklist(design, data), "pln-design");
  // a form export of another checklist: its questions are read as that checklist's, and it is recognised
  const rdy = data.checklists["readiness"].sections.flatMap((s) => s.items);
  const form = "Timestamp," + rdy.map((it) => '"[' + it.id + "] " + it.text + '"').join(",") + "\n2026/03/01," + rdy.map(() => "Agree").join(",") + "\n";
  const other = await T.readFiles([{ name: "f.csv", bytes: enc(form) }], "pln-design", data);
  assert.equal(T.guessChecklist(other, data), "readiness");
  await assert.rejects(T.readFiles([{ name: "n.csv", bytes: enc("Name,Colour\na,b\n") }], "pln-design", data), /found 'Name', 'Colour'/);
});

test("text from files is escaped in the page", () => {
  assert.equal(V.esc('<img src=x onerror="y">'), "&lt;img src=x onerror=&quot;y&quot;&gt;");
});
