/* intervisie-kit workshop: the participant's phone page (/workshop/phone).

   The case, the round and its rule, a question box that sends each question exactly once (an
   idempotency key made when Send is pressed and kept in localStorage with the text until the server
   answers), the coach's verdict, my questions with the inbrenger's rating, the questions to rate when I am
   the inbrenger, and the live session when the trainer runs page 05. All typed text is set as text. */
(function () {
  "use strict";

  const W = window.IKW;
  const t = W.t;
  const PENDING_KEY = "ik-workshop-pending";
  const DRAFT_KEY = "ik-workshop-draft";
  const RETRY_MS = [1000, 2000, 4000, 8000, 15000];
  const DEFAULT_MAX_QUESTION = 400;
  const RATINGS = ["koud", "neutraal", "warm"];

  let view = null;
  let serverOffset = 0; // server clock minus this phone's clock, in seconds
  let inFlight = false;
  let retries = 0;
  let retryTimer = null;
  let poll = null;
  let lastSent = null; // {question, repeat} of the newest accepted submission
  const $ = (id) => document.getElementById(id);

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* storage full or blocked: the page still works, only without surviving a reload */ }
  }
  function load(key) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }

  /** A text from the server that may come in both languages ({nl, en}), as a list, or as plain text. */
  function pick(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(pick).filter(Boolean).join(", ");
    if (typeof value === "object") return String((W.lang() === "en" ? value.en : value.nl) || value.nl || value.en || "");
    return String(value);
  }

  function maxQuestion() {
    const limits = (view && view.limits) || {};
    const n = Number(limits.max_question || limits.question || limits.MAX_QUESTION);
    return Number.isFinite(n) && n > 0 ? n : DEFAULT_MAX_QUESTION;
  }

  function toJoin() {
    window.location.assign(W.path(`/join?expired=1&lang=${W.lang()}`));
  }

  // ---------- the question box ----------

  function updateCounter() {
    const box = $("ikw-question");
    const max = maxQuestion();
    if (box.maxLength !== max) box.maxLength = max;
    const counter = $("ikw-counter");
    W.setText(counter, t("phone.counter", { n: box.value.length, max }));
    counter.classList.toggle("ikw-full", box.value.length >= max);
  }

  function updateSendState() {
    const pending = load(PENDING_KEY);
    const box = $("ikw-question");
    box.readOnly = Boolean(pending);
    const noRound = Boolean(view) && !(view.workshop && view.workshop.round);
    $("ikw-send").disabled = Boolean(pending) || inFlight || (noRound && !pending);
  }

  // The last refusal and save result, kept as the server's answer so a language switch can say them again.
  let lastError = null;
  let lastSave = null;

  function showError(text, result) {
    lastError = result || null;
    W.setText($("ikw-send-error"), text);
  }

  function showSave() {
    if (!lastSave) return;
    W.setText($("ikw-save-status"), lastSave.ok ? t("phone.saved") : W.errorText(lastSave));
  }

  function showVerdict() {
    const holder = $("ikw-verdict");
    holder.replaceChildren();
    if (!lastSent || !lastSent.question) return;
    holder.appendChild(W.el("p", { text: t(lastSent.repeat ? "phone.repeat" : "phone.sent") }));
    holder.appendChild(W.el("p", { class: "ikw-user-text ikw-asked", text: lastSent.question.text }));
    const verdict = W.el("div", { class: "ikw-verdict-html" });
    // verdict_html is built and escaped by the server (ui/verdict.py): the one place markup is inserted.
    verdict.innerHTML = lastSent.question.verdict_html || "";
    holder.appendChild(verdict);
  }

  function submit(event) {
    event.preventDefault();
    if (load(PENDING_KEY) || inFlight) return;
    const box = $("ikw-question");
    const text = box.value.trim();
    showError("");
    if (!text) {
      showError(t("phone.empty"));
      box.focus();
      return;
    }
    if (text.length > maxQuestion()) {
      showError(t("phone.toolong", { n: maxQuestion() }));
      box.focus();
      return;
    }
    // The key is made once, when Send is pressed; every resend of this question carries the same key.
    store(PENDING_KEY, { text, key: W.randomKey() });
    retries = 0;
    sendPending();
  }

  function scheduleRetry() {
    if (retryTimer) return;
    const delay = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
    retries += 1;
    retryTimer = window.setTimeout(() => {
      retryTimer = null;
      sendPending();
    }, delay);
  }

  async function sendPending() {
    const pending = load(PENDING_KEY);
    if (!pending || inFlight) return;
    if (retryTimer) {
      window.clearTimeout(retryTimer);
      retryTimer = null;
    }
    inFlight = true;
    updateSendState();
    W.setText($("ikw-send-status"), t("phone.sending"));
    const result = await W.api("POST", `/workshop/api/questions?lang=${W.lang()}`, {
      text: pending.text,
      key: pending.key,
    });
    inFlight = false;
    const box = $("ikw-question");
    if (result.ok) {
      store(PENDING_KEY, null);
      store(DRAFT_KEY, null);
      retries = 0;
      if (box.value.trim() === pending.text) box.value = "";
      lastSent = result.data || null;
      W.setText($("ikw-send-status"), t("phone.sent.status"));
      showError("");
      showVerdict();
      if (lastSent && lastSent.question) mergeMine(lastSent.question);
    } else if (result.status === 401) {
      // The identity is gone (removed, or the workshop ended): the typed text stays as the draft.
      store(DRAFT_KEY, pending.text);
      store(PENDING_KEY, null);
      toJoin();
      return;
    } else if (result.network || result.status >= 500 || result.status === 408) {
      W.setText($("ikw-send-status"), t("phone.pending"));
      scheduleRetry();
    } else {
      // A refusal (too long, too fast, no round, ...) is the final answer: say it, keep the text to edit.
      store(PENDING_KEY, null);
      box.value = pending.text;
      store(DRAFT_KEY, pending.text);
      W.setText($("ikw-send-status"), "");
      showError(W.errorText(result), result);
    }
    updateCounter();
    updateSendState();
  }

  // ---------- rendering the view ----------

  function ratingNode(value) {
    if (!value) return W.el("span", { class: "ikw-rating", "data-rating": "none", text: t("phone.rating.none") });
    const r = W.ratingWord(value);
    return W.el("span", { class: "ikw-rating", "data-rating": value }, [
      W.el("span", { "aria-hidden": "true", text: r.icon + " " }),
      t("phone.rating.by", { word: r.word }),
    ]);
  }

  function mineItem(q) {
    const li = W.el("li", { "data-question-id": q.id, "data-kind": q.kind || "other", "data-testid": "my-question" });
    li.appendChild(W.el("p", { class: "ikw-user-text", text: q.text }));
    const meta = W.el("p", { class: "ikw-myq-meta" }, [
      W.el("span", { class: "ikw-kind", text: q.kind_label || q.kind || "" }),
      W.el("span", { text: t("phone.round.short", { n: q.round }) }),
      ratingNode(q.rating),
    ]);
    li.appendChild(meta);
    return li;
  }

  function mergeMine(question) {
    if (!view) return;
    const list = view.questions || (view.questions = []);
    if (!list.some((q) => String(q.id) === String(question.id))) list.push(question);
    renderMine();
  }

  function renderMine() {
    const list = $("ikw-mine");
    const questions = ((view && view.questions) || []).slice().reverse();
    $("ikw-mine-empty").hidden = questions.length > 0;
    list.replaceChildren(...questions.map(mineItem));
  }

  async function rate(questionId, rating, buttons) {
    buttons.forEach((b) => { b.disabled = true; });
    const result = await W.api("POST", "/workshop/api/ratings", { question: questionId, rating });
    buttons.forEach((b) => { b.disabled = false; });
    if (result.status === 401) return toJoin();
    if (!result.ok) {
      W.setText($("ikw-rate-error"), W.errorText(result));
      return;
    }
    W.setText($("ikw-rate-error"), "");
    const item = view && (view.to_rate || []).find((q) => String(q.id) === String(questionId));
    if (item) item.rating = rating;
    renderToRate();
  }

  function toRateItem(q) {
    const li = W.el("li", { "data-question-id": q.id, "data-testid": "rate-item" });
    li.appendChild(W.el("p", { class: "ikw-user-text", text: q.text }));
    const group = W.el("div", { class: "ikw-rate-buttons", role: "group", "aria-label": t("phone.torate") });
    const buttons = RATINGS.map((value) => {
      const r = W.ratingWord(value);
      const b = W.el("button", { type: "button", "data-rating": value, "data-testid": `rate-${value}` }, [
        W.el("span", { text: `${r.icon} ${r.word}` }),
        W.el("small", { text: r.means }),
      ]);
      b.setAttribute("aria-pressed", String(q.rating === value));
      return b;
    });
    buttons.forEach((b) => {
      b.addEventListener("click", () => rate(q.id, b.dataset.rating, buttons));
      group.appendChild(b);
    });
    li.appendChild(group);
    const chosen = q.rating ? t("phone.rated", { word: W.ratingWord(q.rating).word }) : t("phone.rating.none");
    li.appendChild(W.el("p", { class: "ikw-hint", "data-testid": "rated", text: chosen }));
    return li;
  }

  function renderToRate() {
    const section = $("ikw-torate-section");
    const isInbrenger = Boolean(view && view.workshop && view.workshop.inbrenger);
    section.hidden = !isInbrenger;
    if (!isInbrenger) return;
    const items = (view.to_rate || []).slice().reverse();
    $("ikw-torate-empty").hidden = items.length > 0;
    // Keep the focused rating button focused across an update: rebuild only the items that changed.
    const list = $("ikw-torate");
    const existing = new Map(Array.from(list.children).map((li) => [li.dataset.questionId, li]));
    const wanted = items.map((q) => {
      const signature = JSON.stringify([q.text, q.rating, W.lang()]);
      const old = existing.get(String(q.id));
      if (old && old.dataset.signature === signature) return old;
      const fresh = toRateItem(q);
      fresh.dataset.signature = signature;
      if (old) {
        const focused = old.contains(document.activeElement) ? document.activeElement.dataset.rating : null;
        old.replaceWith(fresh);
        if (focused) fresh.querySelector(`[data-rating="${focused}"]`).focus();
      }
      return fresh;
    });
    wanted.forEach((li, i) => {
      if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
    });
    while (list.children.length > wanted.length) list.lastElementChild.remove();
  }

  function renderSession() {
    const session = view && view.workshop && view.workshop.session;
    const section = $("ikw-session");
    section.hidden = !session;
    if (!session) return;
    const phase = session.phase || {};
    W.setText($("ikw-session-phase"), t("phone.phase", {
      i: (Number(phase.index) || 0) + 1, n: phase.count || "?", name: pick(phase.name),
    }));
    const role = view.me && view.me.role;
    $("ikw-session-role").hidden = !role;
    W.setText($("ikw-session-role"), role ? t("phone.role", { role: pick(role) }) : "");
    const allowed = pick(phase.allowed);
    $("ikw-session-allowed").hidden = !allowed;
    W.setText($("ikw-session-allowed"), allowed ? t("phone.allowed", { allowed }) : "");
    const notes = session.interventions || [];
    $("ikw-session-notes").hidden = notes.length === 0;
    $("ikw-session-interventions").replaceChildren(
      ...notes.map((note) => W.el("li", { class: "ikw-user-text", text: pick(note) })),
    );
    tick();
  }

  function tick() {
    const session = view && view.workshop && view.workshop.session;
    if (!session) return;
    let text = W.clock(W.remainingSeconds(session, serverOffset));
    if (!session.running) text += ` (${t("phone.paused")})`;
    W.setText($("ikw-session-time"), text);
  }

  function render() {
    if (!view) return;
    const ws = view.workshop || {};
    const me = view.me || {};
    if (lastSent && lastSent.question) {
      // The newest verdict in the view's language (the view is asked again after a language switch).
      const fresh = (view.questions || []).find((q) => String(q.id) === String(lastSent.question.id));
      if (fresh && fresh.verdict_html !== lastSent.question.verdict_html) {
        lastSent = { ...lastSent, question: fresh };
        showVerdict();
      }
    }
    W.setText($("ikw-me"), me.name ? t("phone.hello", { name: me.name }) : "");
    const c = ws.case || {};
    W.setText($("ikw-case-title"), c.title || t("phone.case"));
    W.setText($("ikw-case-text"), c.text || (c.title ? "" : t("phone.nocase")));
    const round = ws.round;
    W.setText($("ikw-round"), round
      ? t(round.rule === "open" ? "phone.round.open" : "phone.round.all", { n: round.number })
      : t("phone.round.none"));
    renderSession();
    renderToRate();
    renderMine();
    const left = view.limits && view.limits.left_in_round;
    const leftNode = $("ikw-left");
    leftNode.hidden = !round || typeof left !== "number";
    W.setText(leftNode, round && typeof left === "number" ? t(left === 1 ? "phone.left.one" : "phone.left", { n: left }) : "");
    updateCounter();
    updateSendState();
  }

  function setLinks() {
    const lang = W.lang();
    $("ikw-report").href = W.path(`/workshop/api/report?lang=${lang}`);
    $("ikw-link-06").href = W.path(`/voila/render/06_reflectie.ipynb?lang=${lang}`);
    $("ikw-link-04").href = W.path(`/voila/render/04_vragen_oefenen.ipynb?lang=${lang}`);
  }

  async function save() {
    const button = $("ikw-save");
    button.disabled = true;
    const result = await W.api("POST", `/workshop/api/save?lang=${W.lang()}`, {});
    button.disabled = false;
    if (result.status === 401) return toJoin();
    lastSave = result;
    showSave();
  }

  function init() {
    const box = $("ikw-question");
    const pending = load(PENDING_KEY);
    const draft = load(DRAFT_KEY);
    if (pending) box.value = pending.text;
    else if (typeof draft === "string") box.value = draft;
    box.addEventListener("input", () => {
      store(DRAFT_KEY, box.value);
      updateCounter();
    });
    $("ikw-ask-form").addEventListener("submit", submit);
    $("ikw-save").addEventListener("click", save);
    setLinks();
    updateCounter();
    updateSendState();
    W.onLang(() => {
      setLinks();
      updateCounter();
      showVerdict();
      showSave();
      if (lastError) showError(W.errorText(lastError), lastError);
      if (load(PENDING_KEY)) W.setText($("ikw-send-status"), t("phone.pending"));
      else if (lastSent) W.setText($("ikw-send-status"), t("phone.sent.status"));
      render();
    });
    poll = W.longPoll((since, lang) => `/workshop/api/me?since=${since}&lang=${lang}`, {
      onData(data) {
        if (typeof data.server_time === "number") serverOffset = data.server_time - Date.now() / 1000;
        view = data;
        render();
      },
      onUnauthorized: toJoin,
      onReconnect: () => sendPending(),
    });
    poll.start();
    window.setInterval(tick, 1000);
    // Back from sleep or a lost network: the pending question goes out at once, not after the backoff.
    window.addEventListener("online", () => sendPending());
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") sendPending(); });
    if (pending) sendPending();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
