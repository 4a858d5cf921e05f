"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const toolData = require("./tool-data.js");
const S = toolData.js("pln-score.js");
const G = toolData.js("pln-groups.js");

const data = toolData();
const design = data.checklists["pln-design"];
const m4 = data.scales[design.scale];
const privacy = data.privacy;

function tidy(rows, groups) {
  return { rows: rows.map((r, i) => Object.assign({ _row: i + 2 }, r)), groups: groups || [] };
}

test("answers are read as plnlib's Scale.parse reads them", () => {
  assert.deepEqual(S.parseAnswer(m4, "3"), { score: 3 });
  assert.deepEqual(S.parseAnswer(m4, "embedded"), { score: 4 });
  assert.deepEqual(S.parseAnswer(m4, "  EMERGING "), { score: 2 });
  assert.deepEqual(S.parseAnswer(m4, "3 = Established"), { score: 3 });
  assert.deepEqual(S.parseAnswer(m4, "2 - Emerging"), { score: 2 });
  assert.deepEqual(S.parseAnswer(m4, "4.0"), { score: 4 });
  assert.deepEqual(S.parseAnswer(m4, "Don\u2019t know"), { missing: "dont_know" });
  assert.deepEqual(S.parseAnswer(m4, "not applicable"), { missing: "not_applicable" });
  assert.deepEqual(S.parseAnswer(m4, "dont_know"), { missing: "dont_know" });
  assert.equal(S.parseAnswer(m4, ""), null);
  assert.equal(S.parseAnswer(m4, null), null);
  assert.deepEqual(S.parseAnswer(m4, 2), { score: 2 });
  assert.throws(() => S.parseAnswer(m4, "seven", "f.csv, row 3"),
    (e) => e.name === "PlnError" && e.message.startsWith("f.csv, row 3: expected an answer on the scale 'maturity4'") &&
      e.message.includes("found 'seven'") && e.fix.startsWith("Use one of the numbers"));
  assert.throws(() => S.parseAnswer(m4, "5"), /found '5'/);
  assert.throws(() => S.parseAnswer(m4, true), /PlnError|expected/);
});

test("bands follow the scale's data", () => {
  assert.equal(S.band(m4, 2.7), "Established");
  assert.equal(S.band(m4, 1.0), m4.bands[0][1]);
  assert.equal(S.band(m4, NaN), null);
});

test("rounding is numpy's, as plnlib's CSV rounds: x * 1000 rounded half to even", () => {
  assert.equal(S.round(2.0625, 3), 2.062);
  assert.equal(S.round(2.1875, 3), 2.188);
  assert.equal(S.round(1 / 3, 3), 0.333);
  assert.equal(S.round(9.05 / 4, 3), 2.262); // Python's round() says 2.263; numpy and pandas say 2.262
  assert.equal(S.round(-0.0625, 3), -0.062);
  assert.equal(S.round(NaN, 3), null);
});

test("small groups are suppressed, with complementary suppression", () => {
  assert.deepEqual(S.suppressionMask([12, 7, 2], 5, privacy), [false, true, true]);
  assert.deepEqual(S.suppressionMask([12, 7], 5, privacy), [false, false]);
  assert.deepEqual(S.suppressionMask([3, 4, 9], 5, privacy), [true, true, false]);
  assert.deepEqual(S.suppressionMask([0, 6, 6], 5, privacy), [true, false, false]);
  assert.deepEqual(S.suppressionMask([4], 5, privacy), [true]);
  assert.throws(() => S.suppressionMask([9], 2, privacy), /at least 3, found 2/);
  assert.throws(() => S.checkMinGroup(4.5, privacy), /whole number/);
});

test("prepare_answers' checks give plnlib's messages", () => {
  assert.throws(() => S.prepareAnswers(tidy([{ respondent: "a", item: "XYZ-99", value: "3" }]), design, m4, "f.csv"),
    { message: "f.csv, row 2: expected item ids of the checklist 'pln-design' (DES-01 to DES-34), found unknown XYZ-99. Check the ids against 'plnlib form pln-design', or choose the right checklist." });
  assert.throws(() => S.prepareAnswers(tidy([{ respondent: null, item: "DES-01", value: "3" }]), design, m4, "f.csv"),
    /f.csv, row 2: expected a respondent id on every row/);
  assert.throws(() => S.prepareAnswers(tidy([
    { respondent: "a", item: "DES-01", value: "3" }, { respondent: "a", item: "DES-01", value: "2" }]), design, m4, "f.csv"),
  { message: "f.csv: expected one answer per respondent and item, found one respondent answering DES-01 twice (row 2 and row 3). Remove the duplicate row or response (a form submitted twice?)." });
  assert.throws(() => S.prepareAnswers(tidy([]), design, m4, "f.csv"), /expected at least one answer/);
});

test("a team summary matches plnlib's example", () => {
  const raw = tidy(["a", "b", "c", "d", "e"].map((r, i) => ({ respondent: r, item: "DES-01", value: [1, 2, 2, 3, 4][i] })));
  const t = S.teamSummary(S.prepareAnswers(raw, design, m4), design, m4, 5, data);
  const row = t.items.find((it) => it.item === "DES-01");
  assert.equal(row.n, 5);
  assert.equal(row.mean, 2.4);
  assert.equal(row.spread, 3);
  assert.equal(t.suppressed, false);
  const four = S.teamSummary(S.prepareAnswers(tidy(raw.rows.slice(0, 4)), design, m4), design, m4, 5, data);
  assert.equal(four.suppressed, true);
  assert.ok(four.sections.every((s) => s.suppressed && Number.isNaN(s.mean)));
});

test("Cronbach's alpha matches plnlib's example", () => {
  const m = [[1, 1, 2], [2, 2, 2], [3, 3, 3], [4, 4, 3]];
  assert.equal(S.round(S.cronbachAlpha(m), 3), 0.931);
  assert.ok(Number.isNaN(S.cronbachAlpha([[1, 1], [1, 1]])));
});

test("a breakdown matches plnlib's example, and the CSV hides a hidden group's n", () => {
  const values = [4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 1, 1];
  const schools = "AAAAAABBBBBCC".split("");
  const raw = tidy(values.map((v, i) => ({ respondent: "r" + i, item: "DES-01", value: v, school: schools[i] })), ["school"]);
  const prepared = S.prepareAnswers(raw, design, m4);
  const b = G.breakdown(prepared, design, "school", 5, privacy).filter((r) => r.section === "shared-vision");
  assert.deepEqual(b.map((r) => [r.school, r.n, r.suppressed]), [["A", 6, false], ["B", 5, true], ["C", 2, true]]);
  assert.equal(b[0].mean, 4);
  const table = G.scoreTable(prepared, design, m4, { by: "school", minGroup: 5 }, data);
  assert.deepEqual(table.columns, ["school", "section", "title", "n", "mean", "sd"]);
  const rowB = table.rows.find((r) => r[0] === "B" && r[1] === "shared-vision");
  assert.deepEqual([rowB[3], rowB[4], rowB[5]], [null, null, null]);
  const csv = G.scoreCsv(table);
  assert.ok(csv.startsWith("\ufeffschool,section,title,n,mean,sd\n"));
  assert.ok(csv.includes("\nA,shared-vision,") && csv.includes(",6,4.0,0.0\n"));
  assert.throws(() => G.breakdown(prepared, design, "role", 5, privacy), /expected a group column 'role', found \['school'\]/);
});

test("labels in Spanish and a user's own labels are read as plnlib reads them", () => {
  const agree = data.scales["agree5"];
  const cases = [["Totalmente en desacuerdo", { score: 1 }], ["de ACUERDO", { score: 4 }], ["Ni de acuerdo ni en desacuerdo", { score: 3 }],
    ["No sé", { missing: "dont_know" }], ["no se", { missing: "dont_know" }], ["No aplica", { missing: "not_applicable" }],
    ["4 = De acuerdo", { score: 4 }]];
  for (const [raw, want] of cases) assert.deepEqual(S.parseAnswer(agree, raw), want, raw);
  assert.throws(() => S.parseAnswer(agree, "Helemaal eens"), /found 'Helemaal eens'/);
  const dutch = S.withLabels(agree, [["Helemaal eens", "5"], ["Weet ik niet", "dont_know"]]);
  assert.deepEqual(S.parseAnswer(dutch, "helemaal EENS"), { score: 5 });
  assert.deepEqual(S.parseAnswer(dutch, "Weet ik niet"), { missing: "dont_know" });
  assert.throws(() => S.withLabels(agree, [["De acuerdo", "1"]]), /already means 4/);
  assert.throws(() => S.parseAnswer(agree, "ana@escuela.example", "f.csv"), (err) => err.message.indexOf("@") < 0 && /an e-mail address \(not shown\)/.test(err.message));
});
