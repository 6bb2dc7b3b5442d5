/* intervisie-kit, page 04 Vragen oefenen: the conversation is a log that is read aloud and kept in view.

   The kernel shows the conversation as a box with the class ik-practice-log and one child per turn,
   appended in order and shown in reverse (newest on top, under the field). A widget cannot carry ARIA attributes, so this script gives the box role="log" and
   aria-live="polite" as soon as it appears: a screen reader then reads each new turn (the verdict and
   the inbrenger's answer), and only that one. The new turn is also scrolled into view when it is not
   visible (on a phone, or with large type, the field can sit near the bottom of the screen). */
(function () {
  "use strict";
  if (window.ikLog) { return; }
  window.ikLog = true;

  var newest = new WeakMap();

  function mark(log) {
    if (log.getAttribute("role") !== "log") {
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      log.setAttribute("aria-relevant", "additions");
    }
    var turns = log.querySelectorAll(".ik-turn");
    var last = turns.length ? turns[turns.length - 1] : null;
    if (last && newest.get(log) !== last) {
      newest.set(log, last);
      last.scrollIntoView({ block: "nearest" });
    }
  }

  new MutationObserver(function () {
    var logs = document.querySelectorAll(".ik-practice-log");
    for (var i = 0; i < logs.length; i++) { mark(logs[i]); }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
