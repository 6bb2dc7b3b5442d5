/* intervisie-kit, page 05 Sessie begeleiden: the phase timer's countdown and the keyboard control.

   The kernel renders the timer as <div class="ik-clock" data-remaining="S" data-running="1|0">: the
   seconds left when it rendered. Between renders this script counts down in the browser, so the kernel
   need not send a message every second, and the browser's own clock never has to agree with the
   kernel's (the count starts when the element appears). At zero the timer box gets the class ik-over
   (the phase-end signal; the CSS makes it flash), and a short tone sounds when the box asks for it.

   Keys, while a session runs and the focus is not in a text field: space pauses or resumes, right
   arrow (or Page Down, which presentation clickers send) goes to the next phase, left arrow (Page Up)
   goes back, Escape leaves projector mode. The keys press the page's own buttons, so the kernel
   handles them exactly as a click. */
(function () {
  "use strict";
  if (window.ikLive) { return; }
  window.ikLive = true;

  var seen = new WeakMap();
  var audio = null;

  function text(seconds) {
    var whole = seconds > 0 ? Math.ceil(seconds) : Math.floor(-seconds);
    var m = Math.floor(whole / 60);
    var s = whole % 60;
    return (seconds > 0 ? "" : "+") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35].forEach(function (offset) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start(audio.currentTime + offset);
        osc.stop(audio.currentTime + offset + 0.2);
      });
    } catch (err) {
      /* sound is optional */
    }
  }

  /* The count of a timer starts when its element arrives: note that moment at once, not at the next tick. */
  function stamp(el, now) {
    var rec = seen.get(el);
    if (!rec) {
      rec = { at: now, over: el.getAttribute("data-over") === "1" };
      seen.set(el, rec);
      el.setAttribute("data-seen", "1");
    }
    return rec;
  }

  /* Pages that follow a store other people write to (page 11 at a startdag) carry a hidden button
     .ik-ticker. Pressing it every few seconds, only while the tab is visible, lets the kernel look for
     changes without a thread or a timer of its own; the kernel re-reads only when something changed. */
  var leaving = false;  // once the page is closing its kernel goes away: a press then could not be sent
  window.addEventListener("beforeunload", function () { leaving = true; });
  window.addEventListener("pagehide", function () { leaving = true; });
  setInterval(function () {
    if (document.hidden || leaving) { return; }
    var tickers = document.querySelectorAll("button.ik-ticker");
    for (var i = 0; i < tickers.length; i++) { tickers[i].click(); }
  }, 3000);

  new MutationObserver(function () {
    var now = Date.now();
    var clocks = document.querySelectorAll(".ik-clock[data-remaining]:not([data-seen])");
    for (var i = 0; i < clocks.length; i++) { stamp(clocks[i], now); }
  }).observe(document.documentElement, { childList: true, subtree: true });

  function tick() {
    var clocks = document.querySelectorAll(".ik-clock[data-remaining]");
    var now = Date.now();  // wall time: a laptop that slept still shows the real time left
    for (var i = 0; i < clocks.length; i++) {
      var el = clocks[i];
      var rec = stamp(el, now);
      var left = parseFloat(el.getAttribute("data-remaining"));
      if (el.getAttribute("data-running") === "1") {
        left -= (now - rec.at) / 1000;
      }
      var shown = text(left);
      if (el.textContent !== shown) { el.textContent = shown; }
      var box = el.closest(".ik-timer");
      if (!box) { continue; }
      var over = left <= 0;
      box.classList.toggle("ik-over", over);
      box.classList.toggle("ik-soon", !over && left <= 60);
      var label = box.querySelector(".ik-clock-label");
      if (label) {
        var want = label.getAttribute(over ? "data-over-text" : "data-text") || "";
        if (label.textContent !== want) { label.textContent = want; }
      }
      if (over && !rec.over) {
        rec.over = true;
        if (box.getAttribute("data-sound") === "1") { beep(); }
      }
    }
  }
  /* When a session starts, the live panel replaces the form further down the page: bring it into view. */
  var wasLive = false;
  function follow() {
    var live = liveSession();
    if (live && !wasLive) { live.scrollIntoView({ block: "start" }); }
    wasLive = !!live;
  }

  setInterval(function () { tick(); follow(); }, 250);

  var KEYS = {
    " ": ".ik-session-pause",
    "Spacebar": ".ik-session-pause",
    "ArrowRight": ".ik-session-next",
    "PageDown": ".ik-session-next",
    "ArrowLeft": ".ik-session-back",
    "PageUp": ".ik-session-back",
    "Escape": ".ik-projector-toggle"
  };

  function typing(target) {
    if (!target || !target.tagName) { return false; }
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function liveSession() {
    var live = document.querySelector(".ik-session-live");
    return live && live.getClientRects().length ? live : null;
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey || typing(ev.target)) { return; }
    var selector = KEYS[ev.key];
    var live = selector && liveSession();
    if (!live) { return; }
    if (ev.key === "Escape" && !live.closest(".ik-projector")) { return; }
    var button = live.closest(".ik-session").querySelector(selector);
    if (!button || button.disabled) { return; }
    ev.preventDefault();
    if (!ev.repeat) { button.click(); }
  }, true);

  /* A focused button would also react to the space bar when it is released: the key already acted. */
  document.addEventListener("keyup", function (ev) {
    if ((ev.key === " " || ev.key === "Spacebar") && !typing(ev.target) && liveSession()) { ev.preventDefault(); }
  }, true);
})();
