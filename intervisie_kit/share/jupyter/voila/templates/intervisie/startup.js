/* intervisie-kit: a page that does not start says so, in the page's language, with a way to try again.

   Voila streams a page while its kernel runs the notebook; the kit's header widget appears once that
   worked. On a busy laptop (a startdag) a kernel can start slowly or not at all, and stock Voila then
   shows its spinner forever. This watchdog waits for the header: after SLOW it says the page is still
   starting; when the stream ended without a header (the kernel died), or after GIVE_UP, it says the page
   could not start and offers a reload. It needs nothing from the kernel or the network. */
(function () {
  "use strict";
  if (window.ikStartup) { return; }
  window.ikStartup = true;
  var SLOW = 20000, GIVE_UP = 120000, AFTER_LOAD = 10000;
  var TEXT = {
    nl: {
      slow: "De pagina start nog. Dat duurt nu langer dan normaal: de computer is druk. Even geduld.",
      fail: "Deze pagina kon niet starten.",
      what: "Waarschijnlijk is de computer waarop de kit draait te druk, of is het programma gestopt. " +
            "Wacht even en probeer het opnieuw. Lukt het niet, vraag dan de trainer (of kijk in het venster " +
            "waarin de kit draait).",
      retry: "Opnieuw proberen"
    },
    en: {
      slow: "The page is still starting. It is taking longer than usual: the computer is busy. Please wait.",
      fail: "This page could not start.",
      what: "The computer running the kit is probably too busy, or the program has stopped. Wait a moment " +
            "and try again. If it still fails, ask the trainer (or look in the window where the kit runs).",
      retry: "Try again"
    }
  };
  var lang = /[?&]lang=en(&|$)/.test(window.location.search) ? "en" : "nl";
  var t = TEXT[lang];
  var box = null;

  function ready() { return document.querySelector(".ik-header") !== null; }

  function show(kind) {
    if (!document.body || (ready() && kind !== "fail")) { return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "ik-startup ik-notice";
      box.setAttribute("role", kind === "fail" ? "alert" : "status");
      document.body.insertBefore(box, document.body.firstChild);
    }
    if (box.getAttribute("data-kind") === "fail") { return; }
    box.setAttribute("data-kind", kind);
    box.textContent = "";
    var title = document.createElement("h2");
    title.textContent = kind === "fail" ? t.fail : t.slow;
    box.appendChild(title);
    if (kind === "fail") {
      box.classList.add("ik-error");
      box.setAttribute("role", "alert");
      var what = document.createElement("p");
      what.textContent = t.what;
      box.appendChild(what);
      var again = document.createElement("button");
      again.type = "button";
      again.className = "ik-startup-retry";
      again.textContent = t.retry;
      again.addEventListener("click", function () { window.location.reload(); });
      box.appendChild(again);
      var spinner = document.getElementById("loading");
      if (spinner) { spinner.style.display = "none"; }
      again.focus();
    }
  }

  /* The server writes a call to this into a page whose kernel died (intervisie_kit/server.py). */
  window.ikStartupFailed = function () { show("fail"); };
  setTimeout(function () { show("slow"); }, SLOW);
  setTimeout(function () { show("fail"); }, GIVE_UP);
  window.addEventListener("load", function () {
    setTimeout(function () { show("fail"); }, AFTER_LOAD);
  });
  new MutationObserver(function () {
    if (box && ready() && box.getAttribute("data-kind") !== "fail") { box.remove(); box = null; }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
