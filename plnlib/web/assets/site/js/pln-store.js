/* The PLN Handbook: keep a person's checklist answers in this browser (localStorage),
   one entry per checklist and checklist version ("pln-answers:pln-design:v1"), holding
   the same JSON document that "Save my answers" writes. Nothing leaves the device.
   Every function takes the storage object, so it runs in node's tests too. */
(function (root) {
  "use strict";
  var PREFIX = "pln-answers:";

  function key(id, version) { return PREFIX + id + ":v" + version; }

  /* The browser's storage if it works (it throws in some private modes), else null. */
  function available(win) {
    try {
      var s = win.localStorage, probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) { return null; }
  }

  function save(storage, doc) {
    try {
      storage.setItem(key(doc.checklist, doc.checklist_version), JSON.stringify(doc));
      return true;
    } catch (e) { return false; }
  }

  function read(storage, k) {
    try {
      var text = storage.getItem(k);
      return text === null ? null : JSON.parse(text);
    } catch (e) { return null; }
  }

  function load(storage, id, version) { return read(storage, key(id, version)); }

  /* Saved documents of other (older) versions of this checklist, newest first. */
  function olderVersions(storage, id, version) {
    var found = [], start = PREFIX + id + ":v";
    for (var i = 0; i < storage.length; i += 1) {
      var k = storage.key(i);
      if (k && k.indexOf(start) === 0) {
        var v = Number(k.slice(start.length));
        if (!isNaN(v) && v < version) {
          var doc = read(storage, k);
          if (doc) { found.push({ version: v, key: k, doc: doc }); }
        }
      }
    }
    return found.sort(function (a, b) { return b.version - a.version; });
  }

  function clear(storage, id, version) {
    try { storage.removeItem(key(id, version)); return true; } catch (e) { return false; }
  }

  function forget(storage, k) {
    try { storage.removeItem(k); } catch (e) { /* nothing to do */ }
  }

  var api = { PREFIX: PREFIX, key: key, available: available, save: save, load: load,
    olderVersions: olderVersions, clear: clear, forget: forget };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; } else { root.PlnStore = api; }
})(typeof window !== "undefined" ? window : this);
