// A recording stand-in for Google Apps Script's FormApp and Logger, to run a generated
// form script in node and print what it built as JSON.
//   node tests/js/formapp-standin.js make-form.gs
"use strict";
const fs = require("fs");
const vm = require("vm");

function recorder(kind, log) {
  const item = { kind, title: null, help: null, choices: null, required: null, other: false };
  log.push(item);
  const api = {
    setTitle(t) { if (typeof t !== "string") throw new TypeError("setTitle needs a string"); item.title = t; return api; },
    setHelpText(t) { item.help = t; return api; },
    setRequired(b) { if (typeof b !== "boolean") throw new TypeError("setRequired needs a boolean"); item.required = b; return api; },
    setChoiceValues(values) {
      if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new TypeError("setChoiceValues needs strings");
      item.choices = values.slice(); return api;
    },
    showOtherOption(b) { item.other = Boolean(b); return api; },
  };
  return api;
}

function makeForm(title, state) {
  const form = { title, description: null, collectEmail: null, progressBar: null, items: [] };
  state.forms.push(form);
  return {
    setDescription(t) { form.description = t; return this; },
    setCollectEmail(b) { form.collectEmail = b; return this; },
    setProgressBar(b) { form.progressBar = b; return this; },
    addPageBreakItem() { return recorder("section", form.items); },
    addTextItem() { return recorder("text", form.items); },
    addMultipleChoiceItem() { return recorder("choice", form.items); },
    getEditUrl() { return "https://forms.example/edit"; },
    getPublishedUrl() { return "https://forms.example/view"; },
  };
}

const state = { forms: [], log: [] };
const sandbox = {
  FormApp: { create: (title) => makeForm(title, state) },
  Logger: { log: (text) => state.log.push(String(text)) },
};
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), sandbox, { filename: process.argv[2] });
if (typeof sandbox.createForm !== "function") throw new Error("the script defines no createForm()");
sandbox.createForm();
process.stdout.write(JSON.stringify(state, null, 1));
