/* Run the page's reading and scoring code on every case of the conformance corpus.
   node tests/conformance/run_corpus.js CORPUS_DIR TOOL_DATA_JSON  ->  JSON results on stdout:
   one {columns, rows, charts} or {error} per case, in manifest order (charts: each
   chart's data set as the page fills it, by chart id). */
"use strict";
const fs = require("fs");
const path = require("path");
const js = path.resolve(__dirname, "../../plnlib/web/assets/site/js");
const team = require(path.join(js, "pln-team-core.js"));
const teamCharts = require(path.join(js, "pln-team-charts.js"));
const ExcelJS = require(path.resolve(js, "../vendor/exceljs.min.js"));

async function main() {
  const [dir, dataPath] = process.argv.slice(2);
  const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const out = [];
  for (const c of manifest) {
    const files = c.files.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
    try {
      const answers = await team.readFiles(files, c.checklist, data, { ExcelJS });
      const res = team.results(answers, c.checklist, data, { by: c.by, minGroup: c.min_group, where: files[0].name });
      // each chart's filled data set: plnlib's spec, the page's values
      const charts = {};
      for (const chart of teamCharts.charts(res, data)) {
        charts[chart.id] = chart.spec.datasets[chart.spec.data.name];
      }
      out.push({ columns: res.table.columns, rows: res.table.rows, charts });
    } catch (err) {
      if (!err || err.name !== "PlnError") throw err;
      out.push({ error: err.message });
    }
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((err) => { console.error(err && err.stack ? err.stack : err); process.exit(1); });
