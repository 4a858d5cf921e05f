"use strict";
/* The Team results page's charts and rules: plnlib's specs, filled with the results' values;
   every rule read from the page data (change the data, the page follows). */
const test = require("node:test");
const assert = require("node:assert/strict");
const toolData = require("./tool-data.js");
const T = toolData.js("pln-team-core.js");
const C = toolData.js("pln-team-charts.js");
const V = toolData.js("pln-team-view.js");
const S = toolData.js("pln-score.js");

const data = toolData();
const enc = (s) => new TextEncoder().encode(s);
const copy = (x) => JSON.parse(JSON.stringify(x));

function teamCsv(sizes) {
  let text = "respondent,item,value,school\n", k = 0;
  Object.entries(sizes).forEach(([school, n]) => {
    for (let i = 0; i < n; i++, k++) {
      text += `p${k},DES-01,${(k % 4) + 1},${school}\np${k},DES-02,${k % 2 ? 1 : 4},${school}\n`;
    }
  });
  return enc(text);
}

async function results(sizes, options, d) {
  const answers = await T.readFiles([{ name: "t.csv", bytes: teamCsv(sizes) }], "pln-design", d || data);
  return T.results(answers, "pln-design", d || data, options || {});
}

test("each chart is plnlib's spec with only its named data set filled", async () => {
  const res = await results({ A: 7, B: 6 }, { by: "school" });
  const charts = C.charts(res, data);
  assert.deepEqual(charts.map((c) => c.id), ["sections", "groups", "items-shared-vision"]);
  const specs = data.charts["pln-design"];
  for (const c of charts) {
    const plain = copy(c.spec);
    const name = plain.data.name;
    assert.ok(plain.datasets[name].length > 0, c.id);
    delete plain.datasets;
    const own = c.id.startsWith("items-") ? specs.items[c.section] : specs[c.id];
    assert.deepEqual(plain, own, `${c.id}: the page changed more than the data`);
  }
  const sections = charts[0].spec.datasets.sections;
  assert.deepEqual(sections, [{ section: "shared-vision", Section: res.summary.sections[0].title, n: 13,
    Mean: S.round(res.summary.sections[0].mean, 2), Band: res.summary.sections[0].band, note: "" }]);
  const items = charts[2].spec.datasets.items;
  assert.equal(items.length, 2 * res.scale.points.length);
  assert.equal(items.filter((r) => r.Item === "DES-02").reduce((a, r) => a + r.People, 0), 13);
  // every chart has a place in the page, with its text alternative, beside its table
  const html = V.resultsHtml(res, "t.csv", {}, charts);
  for (const c of charts) {
    assert.ok(html.includes(`data-chart="${c.id}"`), c.id);
  }
  assert.equal((html.match(/role="img" aria-label="[^"]{40,}"/g) || []).length, charts.length);
});

test("a hidden group never reaches a chart, and a hidden team draws nothing", async () => {
  const res = await results({ A: 7, B: 6, C: 2 }, { by: "school" });
  const groups = C.charts(res, data).find((c) => c.id === "groups").spec.datasets.groups;
  const names = new Set(groups.map((g) => g.Group));
  // C (2) is hidden, and B (the next smallest) with it: otherwise C = team - A - B
  assert.deepEqual([...names], ["A"]);
  assert.ok(!C.charts(res, data).find((c) => c.id === "groups").label.includes("C,"));
  const tiny = await results({ A: 4 }, {});
  assert.deepEqual(C.charts(tiny, data), []);
});

test("the disagreement thresholds are the page data's, not the script's", async () => {
  const res = await results({ A: 10 }, {});
  assert.equal(res.summary.items.find((it) => it.item === "DES-02").disagree, true);
  const strict = copy(data);
  strict.team.disagree_share = 0.6;
  const again = await results({ A: 10 }, {}, strict);
  assert.equal(again.summary.items.find((it) => it.item === "DES-02").disagree, false);
  const wide = copy(data);
  wide.team.disagree_sd_of_range = 0.9;
  const third = await results({ A: 10 }, {}, wide);
  assert.equal(third.summary.items.find((it) => it.item === "DES-02").disagree, false);
  assert.equal(S.disagree([1, 4], 1, 4, data.team), true);
  assert.equal(S.disagree([1, 4], 1, 4, { disagree_share: 0.2, disagree_sd_of_range: 0.8 }), false);
});

test("the score CSV's columns, measures and decimals and alpha's notes are the page data's", async () => {
  const d = copy(data);
  d.score_csv.team = ["section", "n", "mean"];
  d.score_csv.digits = 1;
  d.team.alpha_notes.too_few = "TOO FEW";
  d.team.priorities.sections = 1;
  const res = await results({ A: 6 }, {}, d);
  assert.deepEqual(res.table.columns, ["section", "n", "mean"]);
  assert.equal(res.table.rows[0][2], S.round(res.summary.sections[0].mean, 1));
  assert.ok(res.summary.sections.some((s) => s.alpha_note === "TOO FEW"));
  assert.equal(res.priorities.filter((p) => p.level === "section").length, 1);
  assert.throws(() => S.teamSummary(res.prepared, res.checklist, res.scale, 5, data.privacy),
    /expected the page data written by plnlib/);
});

test("a lowered minimum says what it reveals, in plnlib's words; the usual minimum says nothing", async () => {
  const low = await results({ A: 7, B: 6 }, { minGroup: 3 });
  assert.equal(low.privacyNote, data.privacy.lowered_notes["3"]);
  assert.match(low.privacyNote, /The smallest group shown is 3, below the usual 5/);
  assert.ok(V.resultsHtml(low, "t.csv", {}, []).includes('id="pln-team-lowered"'));
  const usual = await results({ A: 7, B: 6 }, {});
  assert.equal(usual.privacyNote, "");
  assert.ok(!V.resultsHtml(usual, "t.csv", {}, []).includes("pln-team-lowered"));
});
