/* The PLN Handbook: ask before data is cleared. The page's "Forget" buttons open a small
   in-page question (role alertdialog, focus on "No"; Escape or "No" keeps everything) instead
   of clearing at once, so that a slip of the keyboard never loses what is kept in the browser.
   The markup comes from plnlib (plnlib.web.planning_tools.confirm_html). */
(function (root) {
  "use strict";
  /* box: the question's element; button: what opened it; text: the question; onYes: the clearing;
     say(message): the page's live region */
  function askFirst(box, button, text, onYes, say) {
    function close(message) { box.hidden = true; button.focus(); if (message) { say(message); } }
    button.addEventListener("click", function () {
      box.querySelector(".pln-confirm-text").textContent = typeof text === "function" ? text() : text;
      box.hidden = false;
      box.querySelector(".pln-confirm-no").focus();
    });
    box.querySelector(".pln-confirm-no").addEventListener("click", function () { close("Nothing was cleared."); });
    box.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { close("Nothing was cleared."); } });
    box.querySelector(".pln-confirm-yes").addEventListener("click", function () { close(); onYes(); });
  }
  root.PlnAsk = { askFirst: askFirst };
})(typeof window !== "undefined" ? window : this);
