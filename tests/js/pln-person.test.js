// node --test tests/js/ : the pure scoring, file and storage modules of the checklist pages.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const JS = path.join(__dirname, "..", "..", "plnlib", "web", "assets", "site", "js");
const P = require(path.join(JS, "pln-person.js"));
const S = require(path.join(JS, "pln-store.js"));

// a small checklist in the shape plnlib.web.person.page_data writes
const DATA = {
  id: "demo", title: "Demo", version: 2, chart_data: "sections",
  scale: {
    low: 1, high: 4,
    points: [1, 2, 3, 4].map((v) => ({ value: v, label: "L" + v })),
    missing: [{ code: "dont_know", label: "Don't know" }, { code: "not_applicable", label: "N/A" }],
    bands: [[2.5, "Established"], [1.0, "Not yet"], [1.75, "Emerging"], [3.25, "Embedded"]],
  },
  sections: [
    { id: "a", title: "Alpha", link: "../a.html", items: [{ id: "A-1", actions: ["do a1", "more"] }, { id: "A-2", actions: ["do a2"] }] },
    { id: "b", title: "Beta", link: null, items: [{ id: "B-1", actions: ["do b1"] }] },
    { id: "c", title: "Gamma", link: "../c.html", items: [{ id: "C-1", actions: ["do c1"] }] },
  ],
};

test("bands follow the thresholds in any order, and nothing for no mean", () => {
  assert.equal(P.bandOf(1.74, DATA.scale.bands), "Not yet");
  assert.equal(P.bandOf(1.75, DATA.scale.bands), "Emerging");
  assert.equal(P.bandOf(3.25, DATA.scale.bands), "Embedded");
  assert.equal(P.bandOf(null, DATA.scale.bands), null);
});

test("means leave out don't know and not applicable; overall is the mean of every item", () => {
  const r = P.score(DATA, { "A-1": 4, "A-2": "dont_know", "B-1": 1, "C-1": "not_applicable" });
  assert.deepEqual(r.sections.map((s) => [s.id, s.n, s.mean, s.band]),
    [["a", 1, 4, "Embedded"], ["b", 1, 1, "Not yet"], ["c", 0, null, null]]);
  assert.equal(r.mean, 2.5);
  assert.equal(r.band, "Established");
  assert.equal(r.answered, 2);
  assert.deepEqual(P.chartRows(r), [
    { Section: "Alpha", Mean: 4, Band: "Embedded", n: 1 },
    { Section: "Beta", Mean: 1, Band: "Not yet", n: 1 },
  ]);
});

test("the two weakest sections come with the first action of their lowest items and a link", () => {
  const a = { "A-1": 3, "A-2": 1, "B-1": 4, "C-1": 1 };
  const w = P.weakest(DATA, a, P.score(DATA, a), 2);
  assert.deepEqual(w.map((x) => x.id), ["c", "a"]);
  assert.deepEqual(w[1].actions, [{ item: "A-2", text: "do a2" }, { item: "A-1", text: "do a1" }]);
  assert.equal(w[1].link, "../a.html");
});

test("the saved document is save_person_json's, key for key, and reads back", () => {
  const doc = P.answersDoc(DATA, { "A-1": 3, "B-1": "not_applicable" });
  assert.deepEqual(Object.keys(doc), ["format", "version", "checklist", "checklist_version", "respondent", "answers"]);
  assert.deepEqual(doc.answers, { "A-1": 3, "A-2": null, "B-1": "not_applicable", "C-1": null });
  const text = P.docText(doc);
  assert.ok(text.startsWith('{\n  "format": "plnlib-answers",\n  "version": 1,'));
  assert.ok(text.endsWith("}\n"));
  const back = P.readDoc(DATA, text, "x.json");
  assert.deepEqual(back.answers, { "A-1": 3, "B-1": "not_applicable" });
  assert.equal(back.restored, 2);
  assert.equal(back.older, false);
});

test("reading a file says what is wrong, naming the file", () => {
  assert.throws(() => P.readDoc(DATA, "{oops", "bad.json"), /bad\.json: .*not JSON/);
  assert.throws(() => P.readDoc(DATA, '{"format": "x"}', "f.json"), /f\.json: .*plnlib-answers/);
  const other = JSON.stringify({ format: "plnlib-answers", checklist: "readiness", answers: {} });
  assert.throws(() => P.readDoc(DATA, other, "o.json"), /'demo'.*'readiness'/);
});

test("an older version's answers come back for the items that still exist and valid values only", () => {
  const old = { format: "plnlib-answers", version: 1, checklist: "demo", checklist_version: 1,
    respondent: "me", answers: { "A-1": 2, "GONE-1": 3, "B-1": 9, "C-1": "dont_know" } };
  const got = P.readDoc(DATA, "\uFEFF" + JSON.stringify(old));
  assert.deepEqual(got.answers, { "A-1": 2, "C-1": "dont_know" });
  assert.deepEqual(got.skipped.sort(), ["B-1", "GONE-1"]);
  assert.equal(got.older, true);
  assert.equal(got.version, 1);
});

test("the CSV is tidy respondent,item,value", () => {
  assert.equal(P.csvText(DATA, { "A-1": 3, "C-1": "dont_know" }),
    "respondent,item,value\nme,A-1,3\nme,A-2,\nme,B-1,\nme,C-1,dont_know\n");
});

function memoryStorage() {
  const m = new Map();
  return {
    get length() { return m.size; },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
  };
}

test("storage keeps one entry per checklist and version", () => {
  const st = memoryStorage();
  const doc = P.answersDoc(DATA, { "A-1": 4 });
  assert.equal(S.key("demo", 2), "pln-answers:demo:v2");
  assert.ok(S.save(st, doc));
  assert.deepEqual(S.load(st, "demo", 2), doc);
  assert.equal(S.load(st, "demo", 1), null);
  assert.ok(S.clear(st, "demo", 2));
  assert.equal(S.load(st, "demo", 2), null);
});

test("older versions are found newest first; other checklists and newer versions are not", () => {
  const st = memoryStorage();
  st.setItem("pln-answers:demo:v1", JSON.stringify({ v: 1 }));
  st.setItem("pln-answers:demo:v0", JSON.stringify({ v: 0 }));
  st.setItem("pln-answers:demo:v3", JSON.stringify({ v: 3 }));
  st.setItem("pln-answers:demos:v1", JSON.stringify({ v: "other" }));
  st.setItem("pln-answers:demo:v1x", "not json");
  assert.deepEqual(S.olderVersions(st, "demo", 2).map((o) => o.version), [1, 0]);
});

test("storage that throws (private mode) is reported unavailable, and saving says it failed", () => {
  const broken = { setItem() { throw new Error("QuotaExceededError"); }, removeItem() {} };
  assert.equal(S.available({ localStorage: broken }), null);
  assert.equal(S.available({ get localStorage() { throw new Error("SecurityError"); } }), null);
  assert.equal(S.save(broken, P.answersDoc(DATA, {})), false);
  const ok = memoryStorage();
  assert.equal(S.available({ localStorage: ok }), ok);
  assert.equal(ok.length, 0);
});
