/* intervisie-kit: what a screen reader, a keyboard and a browser tab need from every page.

   Widgets cannot run scripts or set ARIA attributes, so this script does the page-level part, watching
   the DOM with a MutationObserver:

   1. Language and title. The header renders <span class="ik-lang-state" data-lang="nl"
      data-kit="Intervisie-kit" data-titles='{"03_methoden.ipynb": "Methoden", ...}'> (ui/shell.py) in the
      page's language; <html lang> and the tab title ("Methoden - Intervisie-kit") follow it, also after
      the NL/EN switch. Until the header exists, the address (?lang=en) decides, Dutch otherwise.
   2. The loading screen speaks the page's language (Voila writes "Executing 3 of 4").
   3. Landmarks and a skip link: the rendered page is the main landmark; the first Tab stop is a link
      "Naar de inhoud" that jumps past the header to the page's first field (.ik-skip-target, or the
      question box of page 04) or to the first section.
   4. Names: slider handles (role=slider, no name of their own) take their widget's label.
   5. Announcements: one polite and one assertive live region. Texts that appear or change later in a
      role=status / role=alert element (verdicts, saved and exported messages, errors) and a new phase
      of a running session are read out from there; a region inserted together with its text is not
      read by every screen reader. The practice log has its own role=log (log.js) and is left to it. */
(function () {
  "use strict";
  if (window.ikA11y) { return; }
  window.ikA11y = true;

  var TEXT = {
    nl: { skip: "Naar de inhoud", loading: "Pagina laden: stap {i} van {n}", starting: "Pagina laden..." },
    en: { skip: "Skip to content", loading: "Loading the page: step {i} of {n}", starting: "Loading the page..." }
  };
  var lang = /[?&]lang=en(&|$)/.test(window.location.search) ? "en" : "nl";
  var kit = lang === "en" ? "Intervisie kit" : "Intervisie-kit";
  var pageName = decodeURIComponent(window.location.pathname.split("/").pop() || "");
  var titles = {};

  function words(key) { return TEXT[lang][key]; }

  function applyLang() {
    var root = document.documentElement;
    if (root.lang !== lang) { root.lang = lang; }
    var title = titles[pageName] ? titles[pageName] + " - " + kit : kit;
    if (document.title !== title) { document.title = title; }
    var skip = document.getElementById("ik-skip");
    if (skip && skip.textContent !== words("skip")) { skip.textContent = words("skip"); }
  }
  applyLang();

  function readState() {
    var state = document.querySelector(".ik-lang-state");
    if (!state) { return; }
    var wanted = state.getAttribute("data-lang") === "en" ? "en" : "nl";
    var raw = state.getAttribute("data-titles") || "{}";
    if (wanted === lang && state.getAttribute("data-seen") === raw) { return; }
    state.setAttribute("data-seen", raw);
    lang = wanted;
    kit = state.getAttribute("data-kit") || kit;
    try { titles = JSON.parse(raw); } catch (err) { titles = {}; }
    applyLang();
  }

  /* 2. Voila's loading text, in the page's language. */
  function loadingText() {
    var el = document.getElementById("loading_text");
    if (!el) { return; }
    var m = /(\d+)\D+(\d+)/.exec(el.textContent);
    var want = m ? words("loading").replace("{i}", m[1]).replace("{n}", m[2]) : words("starting");
    if (el.textContent !== want) { el.textContent = want; }
    var box = document.getElementById("loading");
    if (box && !box.getAttribute("role")) { box.setAttribute("role", "status"); }
  }

  /* 3. Landmark and skip link. */
  function landmarks() {
    var cells = document.getElementById("rendered_cells");
    if (cells && cells.getAttribute("role") !== "main") {
      cells.setAttribute("role", "main");
      cells.id = "rendered_cells";
    }
    if (!document.body || document.getElementById("ik-skip") || !document.querySelector(".ik-header")) { return; }
    var skip = document.createElement("a");
    skip.id = "ik-skip";
    skip.className = "ik-skip";
    skip.href = "#";
    skip.textContent = words("skip");
    skip.addEventListener("click", function (ev) {
      ev.preventDefault();
      var target = skipTarget();
      if (!target) { return; }
      if (!/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName) && !target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
      target.scrollIntoView({ block: "nearest" });
    });
    document.body.insertBefore(skip, document.body.firstChild);
  }

  function skipTarget() {
    var field = document.querySelector(
      ".ik-skip-target input, .ik-skip-target textarea, .ik-practice-input input, .ik-practice-input textarea"
    );
    if (field) { return field; }
    var sections = document.querySelectorAll("#rendered_cells .jp-Cell");
    for (var i = 0; i < sections.length; i++) {
      if (!sections[i].querySelector(".ik-header") && sections[i].getClientRects().length) { return sections[i]; }
    }
    return document.getElementById("rendered_cells");
  }

  /* 4. A slider handle is named by its widget's label. */
  function sliders() {
    var handles = document.querySelectorAll(".widget-slider [role=slider]:not([aria-label])");
    for (var i = 0; i < handles.length; i++) {
      var widget = handles[i].closest(".widget-slider");
      var label = widget && widget.querySelector(".widget-label");
      var name = label ? label.textContent.trim() || label.getAttribute("title") || "" : "";  // title: the tooltip
      if (!name && widget) { name = widget.getAttribute("title") || ""; }
      if (!name) { continue; }
      var both = widget.querySelectorAll("[role=slider]");
      if (both.length === 2) {
        name += both[0] === handles[i] ? " (min)" : " (max)";
      }
      handles[i].setAttribute("aria-label", name);
    }
  }

  /* 4b. Accordion headers are plain divs in ipywidgets 8: make them buttons that the keyboard reaches. */
  function accordions() {
    var heads = document.querySelectorAll(".jupyter-widget-Collapse-header");
    for (var i = 0; i < heads.length; i++) {
      var head = heads[i];
      if (head.getAttribute("role") !== "button") {
        head.setAttribute("role", "button");
        head.setAttribute("tabindex", "0");
        head.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " " || ev.key === "Spacebar") {
            ev.preventDefault();
            ev.currentTarget.click();
          }
        });
      }
      var box = head.closest(".jupyter-widget-Collapse");
      var open = box && box.classList.contains("jupyter-widget-Collapse-open") ? "true" : "false";
      if (head.getAttribute("aria-expanded") !== open) { head.setAttribute("aria-expanded", open); }
    }
  }
  /* Opening or closing changes only a class, which the observer below does not watch. */
  document.addEventListener("click", function (ev) {
    if (ev.target && ev.target.closest && ev.target.closest(".jupyter-widget-Collapse-header")) {
      setTimeout(accordions, 0);
    }
  }, true);

  /* 5. Announcements. */
  var regions = null;
  var armed = false;
  var said = new WeakMap();   // element -> the text last seen in it
  var phase = null;            // the phase last announced

  function region(kind) {
    if (!regions) {
      regions = {};
      ["polite", "assertive"].forEach(function (k) {
        var el = document.createElement("div");
        el.id = "ik-announce-" + k;
        el.className = "ik-visually-hidden";
        el.setAttribute("aria-live", k);
        el.setAttribute("aria-atomic", "true");
        document.body.appendChild(el);
        regions[k] = el;
      });
    }
    return regions[kind];
  }

  function announce(text, kind) {
    var el = region(kind);
    el.textContent = "";
    setTimeout(function () { el.textContent = text; }, 60);
  }

  function clean(text) { return (text || "").replace(/\s+/g, " ").trim(); }

  function scan() {
    var found = document.querySelectorAll(
      "#rendered_cells [role=status], #rendered_cells [role=alert], #rendered_cells .ik-ok-text"
    );
    for (var i = 0; i < found.length; i++) {
      var el = found[i];
      if (el.closest("[role=log]") || el.closest(".ik-visually-hidden")) { continue; }
      var text = clean(el.textContent);
      if (said.get(el) === text) { continue; }
      said.set(el, text);
      if (armed && text && el.getClientRects().length) {
        announce(text, el.getAttribute("role") === "alert" ? "assertive" : "polite");
      }
    }
    var head = document.querySelector(".ik-session-live .ik-phase-head");
    var now = head ? Array.prototype.map.call(head.children, function (c) { return clean(c.textContent); })
      .filter(Boolean).join(". ") : null;
    var id = head ? (head.querySelector("[data-phase]") || head).getAttribute("data-phase") : null;
    if (id !== phase) {
      phase = id;
      if (armed && now) { announce(now, "polite"); }
    }
  }

  /* What the page shows before anyone did anything is not news: announcements start with the first
     key press or click. */
  function arm() { armed = true; }
  document.addEventListener("keydown", arm, true);
  document.addEventListener("pointerdown", arm, true);

  var pending = false;
  function update() {
    pending = false;
    readState();
    loadingText();
    landmarks();
    sliders();
    accordions();
    if (document.body) { scan(); }
  }
  new MutationObserver(function () {
    if (!pending) { pending = true; setTimeout(update, 50); }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", update);
})();
