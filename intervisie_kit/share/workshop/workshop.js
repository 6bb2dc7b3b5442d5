/* intervisie-kit workshop pages (join, phone, wall): what the three pages share, and the join page itself.

   No framework and nothing from outside the kit. Every text a person typed (names, cases, questions,
   interventions) goes into the page with textContent or createTextNode; only the server's verdict_html and
   qr_svg, built and escaped by the server, are inserted as markup. The pages are static: the language
   comes from ?lang=en or the page's toggle and is remembered in localStorage. */
(function () {
  "use strict";

  const LANG_KEY = "ik-workshop-lang";
  const POLL_TIMEOUT_MS = 40000; // the server answers a long poll within 25 s
  const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
  const SAME_VERSION_GAP_MS = 300; // a poll that brought nothing new: a short breath before the next one

  // key: [Dutch, English]. {name} placeholders are filled by t().
  const TEXTS = {
    "brand": ["Intervisie-kit · Startdag", "Intervisie kit · Start day"],
    "lang.group": ["Taal", "Language"],
    "skip": ["Naar de inhoud", "Skip to content"],
    "offline": ["Verbinding kwijt, we proberen het opnieuw…", "Connection lost, trying again…"],
    "error.status": ["Er ging iets mis (code {status}). Probeer het zo opnieuw.",
      "Something went wrong (code {status}). Please try again shortly."],
    "error.network": ["Geen verbinding met de laptop van de trainer. Zit je op hetzelfde wifi-netwerk?",
      "No connection to the trainer's laptop. Are you on the same Wi-Fi network?"],
    "wait.second": ["Probeer het over 1 seconde opnieuw.", "Try again in 1 second."],
    "wait.seconds": ["Probeer het over {n} seconden opnieuw.", "Try again in {n} seconds."],
    "wait.left": ["(Nog {time} wachten.)", "({time} left to wait.)"],
    "wait.minutes": ["Probeer het over {n} minuten opnieuw.", "Try again in {n} minutes."],

    // join
    "join.title": ["Doe mee met de startdag", "Join the start day"],
    "join.doc": ["Meedoen - Intervisie-kit", "Join - Intervisie kit"],
    "join.intro": ["Je hebt geen account nodig. Je naam ziet alleen de trainer, tenzij de trainer de namen op de muur laat zien.",
      "You need no account. Only the trainer sees your name, unless the trainer shows names on the wall."],
    "join.code": ["Code (6 cijfers, staat op het scherm)", "Code (6 digits, shown on the screen)"],
    "join.name": ["Je naam of een schuilnaam", "Your name or a pseudonym"],
    "join.name.hint": ["Hooguit {n} tekens.", "At most {n} characters."],
    "join.button": ["Doe mee", "Join"],
    "join.busy": ["Even geduld…", "One moment…"],
    "join.bad_code_format": ["De code bestaat uit {n} cijfers. Kijk nog eens op het scherm.",
      "The code has {n} digits. Please check the screen."],
    "join.name_empty": ["Vul een naam of schuilnaam in.", "Please enter a name or a pseudonym."],
    "join.name_long": ["Een naam mag hooguit {n} tekens hebben.", "A name can have at most {n} characters."],
    "join.expired": ["Je bent niet (meer) aangemeld bij deze startdag. Meld je hieronder opnieuw aan.",
      "You are not (or no longer) part of this start day. Please join again below."],
    "join.welcome": ["Welkom, {name}. Je telefoon opent de startdag…", "Welcome, {name}. Opening the start day…"],

    // phone
    "phone.doc": ["Startdag - Intervisie-kit", "Start day - Intervisie kit"],
    "phone.hello": ["Je doet mee als {name}", "You take part as {name}"],
    "phone.case": ["De casus", "The case"],
    "phone.nocase": ["De trainer kiest zo een casus.", "The trainer will choose a case shortly."],
    "phone.round.all": ["Ronde {n}: stel je vragen", "Round {n}: ask your questions"],
    "phone.round.open": ["Ronde {n}: nu alleen open vragen", "Round {n}: open questions only now"],
    "phone.round.none": ["Er loopt nu geen ronde. Wacht even op de trainer.",
      "No round is running now. Please wait for the trainer."],
    "phone.ask": ["Jouw vraag aan de inbrenger", "Your question for the case giver"],
    "phone.ask.hint": ["Eén vraag per keer. De coach kijkt meteen mee.",
      "One question at a time. The coach looks at it right away."],
    "phone.counter": ["{n} van {max} tekens", "{n} of {max} characters"],
    "phone.send": ["Verstuur vraag", "Send question"],
    "phone.sending": ["Je vraag wordt verstuurd…", "Sending your question…"],
    "phone.pending": ["Nog niet verstuurd: geen verbinding. We versturen je vraag vanzelf zodra de verbinding terug is.",
      "Not sent yet: no connection. Your question will be sent by itself once the connection is back."],
    "phone.sent.status": ["Je vraag is verstuurd. Wat de coach ervan zegt, staat hieronder.",
      "Your question was sent. What the coach says about it is below."],
    "phone.sent": ["Verstuurd. Dit zegt de coach:", "Sent. This is what the coach says:"],
    "phone.repeat": ["Deze vraag was al aangekomen. Dit zegt de coach:", "This question had already arrived. This is what the coach says:"],
    "phone.empty": ["Typ eerst een vraag.", "Please type a question first."],
    "phone.toolong": ["Een vraag mag hooguit {n} tekens hebben.", "A question can have at most {n} characters."],
    "phone.left": ["Je kunt in deze ronde nog {n} vragen stellen.", "You can ask {n} more questions in this round."],
    "phone.left.one": ["Je kunt in deze ronde nog 1 vraag stellen.", "You can ask 1 more question in this round."],
    "phone.mine": ["Mijn vragen", "My questions"],
    "phone.mine.none": ["Je hebt nog geen vragen gesteld.", "You have not asked any questions yet."],
    "phone.round.short": ["ronde {n}", "round {n}"],
    "phone.rating.none": ["nog niet beoordeeld", "not rated yet"],
    "phone.rating.by": ["Inbrenger: {word}", "Case giver: {word}"],
    "phone.torate": ["Vragen om te beoordelen", "Questions to rate"],
    "phone.torate.intro": ["Jij bent de inbrenger. Geef elke vraag een waardering; je kunt die later nog veranderen.",
      "You are the case giver. Rate each question; you can change a rating later."],
    "phone.torate.none": ["Er zijn nog geen vragen.", "There are no questions yet."],
    "phone.rated": ["Jouw keuze: {word}", "Your choice: {word}"],
    "phone.session": ["De sessie", "The session"],
    "phone.phase": ["Fase {i} van {n}: {name}", "Phase {i} of {n}: {name}"],
    "phone.timeleft": ["Tijd over", "Time left"],
    "phone.paused": ["gepauzeerd", "paused"],
    "phone.role": ["Jouw rol: {role}", "Your role: {role}"],
    "phone.allowed": ["Nu toegestaan: {allowed}", "Allowed now: {allowed}"],
    "phone.interventions": ["Opmerkingen van de begeleider", "Notes from the facilitator"],
    "phone.keep": ["Bewaren en meenemen", "Keep and take along"],
    "phone.save": ["Bewaar in mijn reflecties", "Save to my reflections"],
    "phone.saved": ["Bewaard. Je vindt het op de pagina Reflectie, onder 'Mijn reflecties'.",
      "Saved. You find it on the Reflection page, under 'My reflections'."],
    "phone.download": ["Download mijn verslag", "Download my report"],
    "phone.more": ["Verder oefenen", "Practise further"],
    "phone.link.06": ["Reflectie (pagina 06)", "Reflection (page 06)"],
    "phone.link.04": ["Vragen oefenen (pagina 04)", "Practise questions (page 04)"],

    // ratings: the value from the server is the Dutch word
    "rating.koud": ["koud", "cold"],
    "rating.neutraal": ["neutraal", "neutral"],
    "rating.warm": ["warm", "warm"],
    "rating.koud.means": ["al gevraagd of beantwoord", "already asked or answered"],
    "rating.neutraal.means": ["nieuw", "new"],
    "rating.warm.means": ["eye-opener", "eye-opener"],

    // wall
    "wall.doc": ["Vragenmuur - Intervisie-kit", "Question wall - Intervisie kit"],
    "wall.title": ["Vragenmuur", "Question wall"],
    "wall.join": ["Doe mee", "Join"],
    "wall.join.go": ["Ga naar", "Go to"],
    "wall.join.code": ["Code", "Code"],
    "wall.join.closed": ["Aanmelden is gesloten.", "Joining is closed."],
    "wall.join.qr": ["QR-code met het adres om mee te doen", "QR code with the address to join"],
    "wall.join.big": ["Aanmelden groot tonen", "Show joining large"],
    "wall.join.small": ["Aanmelden klein tonen", "Show joining small"],
    "wall.join.paused": ["Aanmelden met de code staat stil: er zijn te veel verkeerde codes geprobeerd. Maak een nieuwe code.",
      "Joining with the code is paused: too many wrong codes were tried. Make a new code."],
    "wall.inbrenger": ["Inbrenger: {name}", "Case giver: {name}"],
    "wall.roles": ["Rollen: {list}", "Roles: {list}"],
    "wall.participants.one": ["1 deelnemer", "1 participant"],
    "wall.participants": ["{n} deelnemers", "{n} participants"],
    "wall.names.show": ["Namen tonen", "Show names"],
    "wall.names": ["Namen zichtbaar", "Names visible"],
    "wall.round.none": ["Nog geen ronde gestart.", "No round started yet."],
    "wall.questions": ["Vragen", "Questions"],
    "wall.pinned": ["Vastgezet", "Pinned"],
    "wall.none": ["Nog geen vragen. Ze verschijnen hier zodra ze binnenkomen.",
      "No questions yet. They appear here as soon as they arrive."],
    "wall.summary.one": ["1 vraag op de muur.", "1 question on the wall."],
    "wall.summary.new1": ["1 nieuwe vraag binnen. {n} vragen op de muur.", "1 new question in. {n} questions on the wall."],
    "wall.summary.new.one": ["Nieuwe vraag binnen. 1 vraag op de muur.", "New question in. 1 question on the wall."],
    "wall.summary": ["{n} vragen op de muur.", "{n} questions on the wall."],
    "wall.summary.new": ["{k} nieuwe vragen binnen. {n} vragen op de muur.", "{k} new questions in. {n} questions on the wall."],
    "wall.hide": ["Verberg", "Hide"],
    "wall.show": ["Toon", "Show"],
    "wall.pin": ["Vastzetten", "Pin"],
    "wall.unpin": ["Losmaken", "Unpin"],
    "wall.hidden": ["Verborgen vraag", "Hidden question"],
    "wall.ratings": ["Waarderingen van de inbrenger", "The case giver's ratings"],
    "wall.chart": ["Aandeel open vragen per ronde", "Share of open questions per round"],
    "wall.chart.none": ["De grafiek verschijnt zodra er vragen zijn.", "The chart appears once there are questions."],
    "wall.chart.label": ["Aandeel open vragen: {list}", "Share of open questions: {list}"],
    "wall.chart.round.empty": ["ronde {n} nog geen vragen", "round {n} no questions yet"],
    "wall.chart.round": ["ronde {n} {pct}% ({open} van {turns})", "round {n} {pct}% ({open} of {turns})"],
    "wall.chart.col.round": ["Ronde", "Round"],
    "wall.chart.col.rule": ["Regel", "Rule"],
    "wall.chart.col.turns": ["Vragen", "Questions"],
    "wall.chart.col.open": ["Open", "Open"],
    "wall.chart.col.share": ["Aandeel open", "Open share"],
    "wall.rule.all": ["alle vragen", "all questions"],
    "wall.rule.open": ["alleen open vragen", "open questions only"],
    "wall.round.short": ["Ronde {n}", "Round {n}"],
    "wall.trainer_only": ["Deze pagina is alleen voor de trainer.", "This page is for the trainer only."],
  };

  function currentLang() {
    const fromUrl = new URLSearchParams(window.location.search).get("lang");
    if (fromUrl === "en" || fromUrl === "nl") {
      try { window.localStorage.setItem(LANG_KEY, fromUrl); } catch (e) { /* private mode: the URL still decides */ }
      return fromUrl;
    }
    try {
      const stored = window.localStorage.getItem(LANG_KEY);
      if (stored === "en" || stored === "nl") return stored;
    } catch (e) { /* no storage: Dutch */ }
    return "nl";
  }

  let lang = currentLang();
  const langListeners = [];

  function t(key, vars) {
    const pair = TEXTS[key];
    let text = pair ? pair[lang === "en" ? 1 : 0] : key;
    if (vars) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
    }
    return text;
  }

  /** Static texts: data-i18n="key" sets the text, data-i18n-label="key" the aria-label. */
  function applyTexts(root) {
    const scope = root || document;
    scope.querySelectorAll("[data-i18n]").forEach((el) => {
      el.textContent = t(el.dataset.i18n, el.dataset.i18nN ? { n: el.dataset.i18nN } : undefined);
    });
    scope.querySelectorAll("[data-i18n-label]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.i18nLabel)));
    document.documentElement.lang = lang;
    const doc = document.body && document.body.dataset.docTitle;
    if (doc) document.title = t(doc);
  }

  function setLang(next) {
    if (next === lang) return;
    lang = next;
    try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* ignore */ }
    const url = new URL(window.location.href);
    url.searchParams.set("lang", lang);
    window.history.replaceState(null, "", url.toString());
    applyTexts();
    langListeners.forEach((fn) => fn(lang));
  }

  /** The NL/EN toggle, put into every element with data-lang-toggle. */
  function buildLangToggle() {
    document.querySelectorAll("[data-lang-toggle]").forEach((holder) => {
      holder.replaceChildren();
      holder.classList.add("ikw-lang");
      holder.setAttribute("role", "group");
      holder.dataset.i18nLabel = "lang.group";
      [["nl", "NL", "Nederlands"], ["en", "EN", "English"]].forEach(([code, short, long]) => {
        const b = el("button", { type: "button", text: short, lang: code, "aria-label": long, "data-testid": `lang-${code}` });
        b.setAttribute("aria-pressed", String(code === lang));
        b.addEventListener("click", () => setLang(code));
        holder.appendChild(b);
      });
    });
    langListeners.push(() => {
      document.querySelectorAll("[data-lang-toggle] button").forEach((b) => {
        b.setAttribute("aria-pressed", String(b.lang === lang));
      });
    });
  }

  /** A new element; attrs.text becomes its textContent (never markup). */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name === "text") node.textContent = String(value);
      else if (name === "class") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach((child) => node.appendChild(typeof child === "string" ? document.createTextNode(child) : child));
    return node;
  }

  /** Set a text only when it changed (no flicker, no needless screen-reader noise). */
  function setText(node, text) {
    const value = text === undefined || text === null ? "" : String(text);
    if (node.textContent !== value) node.textContent = value;
  }

  // ---------- addresses ----------

  // The laptop serves the workshop at the root; a hub serves it under a service prefix, the join page at
  // /hub/startdag and the kit's pages on the participant's own server. The server says so in meta tags
  // (absent on the laptop): ik-base (the workshop's routes), ik-kit (the kit's pages), ik-join (the join
  // page), ik-join-api (where the join form posts).
  function meta(name) {
    const node = document.querySelector(`meta[name="${name}"]`);
    const value = node ? node.getAttribute("content") : "";
    // Only paths on this site: a meta tag can never send the page elsewhere.
    return value && value.startsWith("/") && !value.startsWith("//") ? value : "";
  }
  const BASE = meta("ik-base") || "/";
  const KIT = meta("ik-kit") || "/";
  const JOIN = meta("ik-join") || "/join";
  const JOIN_API = meta("ik-join-api") || `${BASE}workshop/api/join`;

  /** The address of one of the kit's own paths ("/workshop/...", "/voila/...", "/join") on this server. */
  function path(p) {
    if (p.startsWith("/workshop/")) return BASE + p.slice(1);
    if (p.startsWith("/voila/")) return KIT + p.slice(1);
    if (p === "/join" || p.startsWith("/join?")) return JOIN + p.slice(5);
    return p;
  }

  // ---------- HTTP ----------

  function cookie(name) {
    const found = document.cookie.split(";").map((c) => c.trim()).find((c) => c.startsWith(name + "="));
    return found ? found.slice(name.length + 1) : "";
  }

  function parseRetryAfter(value) {
    if (!value) return null;
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }

  /** One request. Never throws for HTTP or network trouble: {ok, status, network, data, retryAfter}. */
  async function api(method, target, body, options) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") headers["Content-Type"] = "application/json";
    // On every request, GETs too: behind a hub's OAuth a script's GET counts as logged in only with it.
    const xsrf = cookie("_xsrf");
    if (xsrf) headers["X-XSRFToken"] = xsrf;
    let response;
    try {
      response = await fetch(path(target), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
        cache: "no-store",
        signal: options && options.signal,
      });
    } catch (err) {
      return { ok: false, status: 0, network: true, aborted: err && err.name === "AbortError", data: null, retryAfter: null };
    }
    let data = null;
    try {
      const type = response.headers.get("Content-Type") || "";
      if (type.includes("json")) data = await response.json();
    } catch (err) {
      // The body broke off: for the caller this is a lost connection, not an answer.
      return { ok: false, status: 0, network: true, data: null, retryAfter: null };
    }
    return {
      ok: response.ok,
      status: response.status,
      network: false,
      data,
      retryAfter: parseRetryAfter(response.headers.get("Retry-After")),
    };
  }

  function waitText(seconds) {
    if (seconds === null || seconds === undefined) return "";
    if (seconds >= 120) return t("wait.minutes", { n: Math.ceil(seconds / 60) });
    return seconds <= 1 ? t("wait.second") : t("wait.seconds", { n: seconds });
  }

  /** The message of a failed request, in the page's language: the server's {error: {nl, en}} first. */
  function errorText(result) {
    let text;
    const error = result && result.data && result.data.error;
    if (error && typeof error === "object" && (error.nl || error.en)) {
      text = String((lang === "en" ? error.en : error.nl) || error.nl || error.en);
    } else if (error && typeof error === "string") {
      text = error;
    } else if (!result || result.network) {
      text = t("error.network");
    } else {
      text = t("error.status", { status: result.status });
    }
    // The server's own refusals name their wait; only a bare 429 gets one from Retry-After.
    if (result && result.status === 429 && !error && result.retryAfter !== null) text += " " + waitText(result.retryAfter);
    return text;
  }

  // ---------- offline banner and long poll ----------

  function setOffline(offline) {
    const banner = document.getElementById("ikw-offline");
    if (!banner) return;
    if (offline && banner.hidden) {
      banner.textContent = t("offline");
      banner.hidden = false;
    } else if (!offline && !banner.hidden) {
      banner.hidden = true;
    }
  }

  /**
   * Long poll `urlFor(since, lang)` until stopped. handlers: onData(data), onUnauthorized(result),
   * onForbidden(result), onReconnect(). Network errors and 5xx show the offline banner and retry with
   * backoff; waking the phone or regaining the network retries at once.
   */
  function longPoll(urlFor, handlers) {
    let since = 0;
    let generation = 0;
    let failures = 0;
    let controller = null;
    let wake = null;

    function pause(ms) {
      return new Promise((resolve) => {
        const id = window.setTimeout(() => { wake = null; resolve(); }, ms);
        wake = () => { window.clearTimeout(id); wake = null; resolve(); };
      });
    }

    async function run(mine) {
      while (mine === generation) {
        controller = new AbortController();
        const timer = window.setTimeout(() => controller.abort(), POLL_TIMEOUT_MS);
        const result = await api("GET", urlFor(since, lang), undefined, { signal: controller.signal });
        window.clearTimeout(timer);
        if (mine !== generation) return;
        if (result.ok && result.data && typeof result.data === "object") {
          const wasOffline = failures > 0;
          failures = 0;
          setOffline(false);
          const version = Number(result.data.version);
          const fresh = !Number.isFinite(version) || version !== since;
          if (Number.isFinite(version)) since = version;
          try {
            handlers.onData(result.data, fresh);
          } catch (err) {
            console.error("workshop page: could not show the update", err);
          }
          if (wasOffline && handlers.onReconnect) handlers.onReconnect();
          if (!fresh) await pause(SAME_VERSION_GAP_MS);
          continue;
        }
        if (result.ok) {
          // An answer without a view (e.g. 204): nothing new; ask again after a breath.
          failures = 0;
          setOffline(false);
          await pause(SAME_VERSION_GAP_MS);
          continue;
        }
        if (result.status === 401 && handlers.onUnauthorized) { handlers.onUnauthorized(result); return; }
        if (result.status === 403 && handlers.onForbidden) { handlers.onForbidden(result); return; }
        if (result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429) {
          // A refusal the page cannot fix by asking again right away: say it, and ask again slowly.
          if (handlers.onError) handlers.onError(result);
        } else {
          setOffline(true);
        }
        const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
        failures += 1;
        await pause(delay * (0.8 + Math.random() * 0.4));
      }
    }

    function restart() {
      generation += 1;
      since = 0;
      if (controller) controller.abort();
      if (wake) wake();
      run(generation);
    }

    function nudge() {
      if (wake) wake();
    }

    window.addEventListener("online", nudge);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") nudge(); });
    langListeners.push(restart);
    return { start: restart, nudge, stop: () => { generation += 1; if (controller) controller.abort(); } };
  }

  /** A random key for one submission: crypto.randomUUID where the page is a secure context, else random bytes. */
  function randomKey() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") return window.crypto.randomUUID();
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function ratingWord(value) {
    const icon = { koud: "❄", neutraal: "◯", warm: "☀" }[value] || "";
    return { icon, word: t(`rating.${value}`), means: t(`rating.${value}.means`) };
  }

  /** Seconds as m:ss. */
  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  /** Counting down from the server's ends_at, corrected by the server clock's offset. */
  function remainingSeconds(session, serverOffset) {
    if (!session) return 0;
    if (session.running && session.ends_at) {
      return Math.max(0, session.ends_at - (Date.now() / 1000 + serverOffset));
    }
    return Math.max(0, Number(session.remaining) || 0);
  }

  // ---------- join page ----------

  const CODE_DIGITS = 6;
  const MAX_NAME = 40;

  function initJoin() {
    const form = document.getElementById("ikw-join-form");
    const code = document.getElementById("ikw-code");
    const name = document.getElementById("ikw-name");
    const button = document.getElementById("ikw-join-button");
    const message = document.getElementById("ikw-join-message");
    const params = new URLSearchParams(window.location.search);
    const given = (params.get("code") || "").replace(/\D/g, "").slice(0, CODE_DIGITS);
    if (given) code.value = given;
    name.maxLength = MAX_NAME;
    try {
      const lastName = window.localStorage.getItem("ik-workshop-name");
      if (lastName && !name.value) name.value = lastName.slice(0, MAX_NAME);
    } catch (e) { /* ignore */ }
    let expired = params.get("expired") === "1";
    let waitTimer = null;

    function say(text, kind) {
      message.className = `ikw-notice ${kind === "ok" ? "ikw-ok" : "ikw-error"}`;
      message.textContent = text;
    }
    function showExpired() {
      if (expired) say(t("join.expired"), "error");
    }
    showExpired();
    langListeners.push(() => { if (message.dataset.key) say(t(message.dataset.key, { n: CODE_DIGITS }), "error"); else showExpired(); });

    function blockFor(seconds, text) {
      button.disabled = true;
      let left = seconds;
      const tick = () => {
        if (left <= 0) {
          window.clearInterval(waitTimer);
          waitTimer = null;
          button.disabled = false;
          return;
        }
        say(`${text} ${t("wait.left", { time: clock(left) })}`, "error");
        left -= 1;
      };
      if (waitTimer) window.clearInterval(waitTimer);
      tick();
      waitTimer = window.setInterval(tick, 1000);
    }

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      expired = false;
      delete message.dataset.key;
      const digits = code.value.replace(/\s/g, "");
      if (!new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits)) {
        message.dataset.key = "join.bad_code_format";
        say(t("join.bad_code_format", { n: CODE_DIGITS }), "error");
        code.focus();
        return;
      }
      const chosen = name.value.trim();
      if (!chosen) {
        say(t("join.name_empty"), "error");
        name.focus();
        return;
      }
      if (chosen.length > MAX_NAME) {
        say(t("join.name_long", { n: MAX_NAME }), "error");
        name.focus();
        return;
      }
      // What was typed survives a refusal and a reload.
      try { window.localStorage.setItem("ik-workshop-name", chosen); } catch (e) { /* ignore */ }
      button.disabled = true;
      setText(button, t("join.busy"));
      const result = await api("POST", JOIN_API, { code: digits, name: chosen });
      setText(button, t("join.button"));
      button.disabled = false;
      if (result.ok) {
        const shown = (result.data && result.data.name) || chosen;
        say(t("join.welcome", { name: shown }), "ok");
        window.location.assign(path(`/workshop/phone?lang=${lang}`));
        return;
      }
      if (result.status === 429 && result.retryAfter) {
        blockFor(result.retryAfter, errorText(result));
        return;
      }
      say(errorText(result), "error");
      const codeWord = result.data && result.data.error && result.data.error.code;
      if (codeWord === "name" || codeWord === "too_long" || codeWord === "empty") name.focus();
      else code.focus();
    });
  }

  function init() {
    buildLangToggle();
    applyTexts();
    if (document.body.dataset.page === "join") initJoin();
  }

  window.IKW = {
    t, lang: () => lang, onLang: (fn) => langListeners.push(fn), applyTexts, el, setText,
    api, path, errorText, waitText, longPoll, setOffline, randomKey, ratingWord, clock, remainingSeconds,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
