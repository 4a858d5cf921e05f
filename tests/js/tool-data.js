/* The Team results page's data, written by plnlib (plnlib/web/tools.py), for the node tests.
   Uses $PYTHON, else the repository's .venv, else python3. */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const repo = path.resolve(__dirname, "../..");
let cached = null;
module.exports = function toolData() {
  if (cached) return cached;
  const venv = path.join(repo, ".venv", "bin", "python");
  const python = process.env.PYTHON || (fs.existsSync(venv) ? venv : "python3");
  const out = execFileSync(python, ["-c", "from plnlib.web.tools import tool_data_json; print(tool_data_json())"],
    { cwd: repo, encoding: "utf8" });
  cached = JSON.parse(out);
  return cached;
};
module.exports.js = (name) => require(path.join(repo, "plnlib/web/assets/site/js", name));
module.exports.vendor = (name) => require(path.join(repo, "plnlib/web/assets/site/vendor", name));
