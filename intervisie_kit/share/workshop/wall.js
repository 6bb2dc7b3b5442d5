/* intervisie-kit workshop: the trainer's projector page (/workshop/wall), 1920x1080, read from 3 metres.

   The join panel (address, code, QR), the case, the questions as cards coloured by kind (updated in place
   by id, never re-rendered wholesale), hide/pin per card, the inbrenger's ratings and their tally, the share
   of open questions per round as a chart, a names toggle, and the live session. Typed text is set as text;
   only qr_svg from the server is inserted as markup. */
(function () {
  "use strict";

  const W = window.IKW;
  const t = W.t;
  const SVG = "http://www.w3.org/2000/svg";
  const RATINGS = ["koud", "neutraal", "warm"];

  let view = null;
  let serverOffset = 0;
  let joinBig = null; // null: follow the workshop (big while joining is open and no round runs)
  let lastQr = null;
  let lastChart = null;
  let knownCount = null;
  const cards = new Map(); // question id -> {node, parts}
  const $ = (id) => document.getElementById(id);

  function pick(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(pick).filter(Boolean).join(", ");
    if (typeof value === "object") return String((W.lang() === "en" ? value.en : value.nl) || value.nl || value.en || "");
    return String(value);
  }

  function showError(text) {
    W.setText($("ikw-wall-error"), text);
  }

  // ---------- join panel ----------

  function renderJoin() {
    const join = (view && view.join) || {};
    const panel = $("ikw-joinpanel");
    const running = Boolean(view && view.round);
    const big = joinBig === null ? Boolean(join.open) && !running : joinBig;
    panel.classList.toggle("ikw-big", big);
    panel.classList.toggle("ikw-closed", !join.open);
    W.setText($("ikw-join-url"), join.url || "");
    W.setText($("ikw-join-code"), join.code || "");
    $("ikw-join-code").parentElement.hidden = !join.open;
    $("ikw-join-closed").hidden = Boolean(join.open);
    $("ikw-join-paused").hidden = !(join.open && join.paused);
    const qr = $("ikw-qr");
    qr.hidden = !join.open;
    if (join.qr_svg !== lastQr) {
      lastQr = join.qr_svg;
      // qr_svg is built by the server (segno) from the join address: the one place markup is inserted.
      qr.innerHTML = join.qr_svg || "";
      const svg = qr.querySelector("svg");
      if (svg && !svg.getAttribute("viewBox") && svg.getAttribute("width") && svg.getAttribute("height")) {
        // Scale with the panel: a fixed-size code becomes one drawn in its own coordinates.
        svg.setAttribute("viewBox", `0 0 ${parseFloat(svg.getAttribute("width"))} ${parseFloat(svg.getAttribute("height"))}`);
        svg.removeAttribute("width");
        svg.removeAttribute("height");
      }
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", t("wall.join.qr"));
      }
    }
    W.setText($("ikw-join-toggle"), t(big ? "wall.join.small" : "wall.join.big"));
    $("ikw-join-toggle").dataset.big = String(big);
  }

  // ---------- cards ----------

  function newCard(q) {
    const parts = {
      kind: W.el("span", { class: "ikw-kind", "data-testid": "card-kind" }),
      round: W.el("span", { class: "ikw-card-round" }),
      rating: W.el("span", { class: "ikw-rating", "data-testid": "card-rating" }),
      text: W.el("p", { class: "ikw-card-text ikw-user-text", "data-testid": "card-text" }),
      name: W.el("p", { class: "ikw-card-name ikw-user-text", "data-testid": "card-name" }),
      hide: W.el("button", { type: "button", "data-action": "hide", "data-testid": "hide-button" }),
      pin: W.el("button", { type: "button", "data-action": "pin", "data-testid": "pin-button" }),
    };
    const node = W.el("article", { class: "ikw-card", "data-question-id": q.id, "data-testid": "card" }, [
      W.el("div", { class: "ikw-card-head" }, [parts.kind, parts.round, parts.rating]),
      parts.text,
      parts.name,
      W.el("div", { class: "ikw-card-actions" }, [parts.hide, parts.pin]),
    ]);
    parts.hide.addEventListener("click", () => moderate(node.dataset.questionId, "hidden"));
    parts.pin.addEventListener("click", () => moderate(node.dataset.questionId, "pinned"));
    return { node, parts };
  }

  function updateCard(card, q) {
    const { node, parts } = card;
    const kind = q.kind || "other";
    if (node.dataset.kind !== kind) node.dataset.kind = kind;
    node.classList.toggle("ikw-is-hidden", Boolean(q.hidden));
    node.classList.toggle("ikw-is-pinned", Boolean(q.pinned) && !q.hidden);
    node.dataset.hidden = String(Boolean(q.hidden));
    node.dataset.pinned = String(Boolean(q.pinned));
    W.setText(parts.kind, q.hidden ? "" : q.kind_label || kind);
    W.setText(parts.round, t("wall.round.short", { n: q.round }));
    // A hidden question stays on the trainer's wall as a placeholder (to show it again), without its text.
    W.setText(parts.text, q.hidden ? t("wall.hidden") : q.text);
    const name = view && view.show_names && q.name && !q.hidden ? q.name : "";
    parts.name.hidden = !name;
    W.setText(parts.name, name ? `— ${name}` : "");
    const rating = q.rating || "";
    parts.rating.hidden = !rating;
    if (parts.rating.dataset.rating !== rating || parts.rating.dataset.lang !== W.lang()) {
      parts.rating.dataset.rating = rating;
      parts.rating.dataset.lang = W.lang();
      const r = rating ? W.ratingWord(rating) : null;
      parts.rating.replaceChildren(
        ...(r ? [W.el("span", { "aria-hidden": "true", text: `${r.icon} ` }), r.word] : []),
      );
    }
    W.setText(parts.hide, t(q.hidden ? "wall.show" : "wall.hide"));
    W.setText(parts.pin, t(q.pinned ? "wall.unpin" : "wall.pin"));
    parts.pin.disabled = Boolean(q.hidden);
  }

  function newestFirst(questions) {
    const numeric = questions.every((q) => typeof q.id === "number");
    const indexed = questions.map((q, i) => [q, i]);
    indexed.sort((a, b) => {
      if (numeric) return b[0].id - a[0].id;
      return (Number(b[0].round) || 0) - (Number(a[0].round) || 0) || b[1] - a[1];
    });
    return indexed.map(([q]) => q);
  }

  function place(container, nodes) {
    nodes.forEach((node, i) => {
      if (container.children[i] !== node) container.insertBefore(node, container.children[i] || null);
    });
  }

  function renderCards() {
    const questions = newestFirst((view && view.questions) || []);
    const seen = new Set();
    const pinned = [];
    const rest = [];
    questions.forEach((q) => {
      const id = String(q.id);
      seen.add(id);
      let card = cards.get(id);
      if (!card) {
        card = newCard(q);
        cards.set(id, card);
      }
      updateCard(card, q);
      (q.pinned && !q.hidden ? pinned : rest).push(card.node);
    });
    cards.forEach((card, id) => {
      if (!seen.has(id)) {
        card.node.remove();
        cards.delete(id);
      }
    });
    place($("ikw-pinned"), pinned);
    place($("ikw-cards"), rest);
    $("ikw-none").hidden = questions.length > 0;
    const count = questions.length;
    if (knownCount === null || count !== knownCount) {
      const added = knownCount === null ? 0 : count - knownCount;
      let key = count === 1 ? "wall.summary.one" : "wall.summary";
      if (added === 1) key = count === 1 ? "wall.summary.new.one" : "wall.summary.new1";
      else if (added > 1) key = "wall.summary.new";
      W.setText($("ikw-summary"), t(key, { k: added, n: count }));
      knownCount = count;
    }
  }

  async function moderate(id, field) {
    const q = ((view && view.questions) || []).find((x) => String(x.id) === String(id));
    if (!q) return;
    const value = !q[field];
    const body = { question: q.id };
    body[field] = value;
    const result = await W.api("POST", "/workshop/api/moderate", body);
    if (!result.ok) {
      showError(W.errorText(result));
      return;
    }
    showError("");
    q[field] = value;
    renderCards();
  }

  // ---------- ratings, chart, session ----------

  function renderTally() {
    const ratings = (view && view.ratings) || {};
    const signature = JSON.stringify([ratings, W.lang()]);
    const tally = $("ikw-tally");
    if (tally.dataset.signature === signature) return;
    tally.dataset.signature = signature;
    tally.replaceChildren(...RATINGS.map((value) => {
      const r = W.ratingWord(value);
      return W.el("span", { class: "ikw-rating", "data-rating": value, "data-testid": `tally-${value}` }, [
        W.el("span", { "aria-hidden": "true", text: `${r.icon} ` }),
        `${r.word}: ${Number(ratings[value]) || 0}`,
      ]);
    }));
  }

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderChart() {
    const rounds = ((view && view.rounds) || []).slice().sort((a, b) => a.number - b.number);
    const signature = JSON.stringify([rounds, W.lang()]);
    if (signature === lastChart) return;
    lastChart = signature;
    const holder = $("ikw-chart");
    const withTurns = rounds.filter((r) => Number(r.turns) > 0);
    if (withTurns.length === 0) {
      holder.replaceChildren(W.el("p", { class: "ikw-hint", text: t("wall.chart.none") }));
      return;
    }
    const pct = (r) => Math.round((Number(r.open_share) || 0) * 100);
    const described = rounds.map((r) => (Number(r.turns) > 0
      ? t("wall.chart.round", { n: r.number, pct: pct(r), open: r.open || 0, turns: r.turns })
      : t("wall.chart.round.empty", { n: r.number })));
    // A round without questions has no share yet: a dash, not a misleading 0%.
    const shown = (r) => (Number(r.turns) > 0 ? `${pct(r)}%` : "–");
    const slot = 170;
    const width = Math.max(420, 40 + rounds.length * slot);
    const base = 250;
    const tall = 200;
    const svg = svgEl("svg", { viewBox: `0 0 ${width} 320`, role: "img", "aria-label": t("wall.chart.label", { list: described.join("; ") }) });
    svg.appendChild(svgEl("line", { x1: 20, y1: base, x2: width - 10, y2: base, stroke: "#16202a", "stroke-width": 2 }));
    rounds.forEach((r, i) => {
      const share = Math.min(1, Math.max(0, Number(r.open_share) || 0));
      const h = Math.round(share * tall);
      const x = 40 + i * slot;
      svg.appendChild(svgEl("rect", {
        x, y: base - h, width: 110, height: Math.max(h, 1), fill: "#1f7a3a",
        "data-round": r.number, "data-share": share, "data-testid": "chart-bar",
      }));
      svg.appendChild(svgEl("text", { x: x + 55, y: base - h - 10, "text-anchor": "middle", "font-size": 30, "font-weight": 700 }, shown(r)));
      svg.appendChild(svgEl("text", { x: x + 55, y: base + 30, "text-anchor": "middle", "font-size": 22, "font-weight": 700 }, t("wall.round.short", { n: r.number })));
      svg.appendChild(svgEl("text", { x: x + 55, y: base + 56, "text-anchor": "middle", "font-size": 17 }, t(r.rule === "open" ? "wall.rule.open" : "wall.rule.all")));
    });
    // Tables ignore a 1 px width, so the visually hidden box is a div around the table.
    const table = W.el("table", {}, [
      W.el("caption", { text: t("wall.chart") }),
      W.el("tr", {}, ["wall.chart.col.round", "wall.chart.col.rule", "wall.chart.col.turns", "wall.chart.col.open", "wall.chart.col.share"]
        .map((key) => W.el("th", { scope: "col", text: t(key) }))),
      ...rounds.map((r) => W.el("tr", {}, [
        W.el("td", { text: r.number }),
        W.el("td", { text: t(r.rule === "open" ? "wall.rule.open" : "wall.rule.all") }),
        W.el("td", { text: Number(r.turns) || 0 }),
        W.el("td", { text: Number(r.open) || 0 }),
        W.el("td", { text: shown(r) }),
      ])),
    ]);
    holder.replaceChildren(svg, W.el("div", { class: "ikw-sr" }, [table]));
  }

  function renderSession() {
    const session = view && view.session;
    $("ikw-session").hidden = !session;
    if (!session) return;
    const phase = session.phase || {};
    W.setText($("ikw-session-head"), t("phone.phase", { i: (Number(phase.index) || 0) + 1, n: phase.count || "?", name: pick(phase.name) }));
    const allowed = pick(phase.allowed);
    W.setText($("ikw-session-allowed"), allowed ? t("phone.allowed", { allowed }) : "");
    const roles = Array.isArray(session.roles) ? session.roles : [];
    const roleText = roles.map((r) => `${r.name} (${pick(r.role)})`).join(", ");
    $("ikw-session-roles").hidden = !roleText;
    W.setText($("ikw-session-roles"), roleText ? t("wall.roles", { list: roleText }) : "");
    const notes = (session.interventions || []).map(pick);
    const list = $("ikw-session-interventions");
    if (list.dataset.signature !== JSON.stringify(notes)) {
      list.dataset.signature = JSON.stringify(notes);
      list.replaceChildren(...notes.map((note) => W.el("li", { class: "ikw-user-text", text: note })));
    }
    tick();
  }

  function tick() {
    const session = view && view.session;
    if (!session) return;
    let text = W.clock(W.remainingSeconds(session, serverOffset));
    if (!session.running) text += ` (${t("phone.paused")})`;
    W.setText($("ikw-session-time"), text);
  }

  function render() {
    if (!view) return;
    const c = view.case || {};
    W.setText($("ikw-case-title"), c.title || "");
    W.setText($("ikw-case-text"), c.text || "");
    const inbrenger = view.inbrenger && view.show_names ? String(view.inbrenger) : "";
    $("ikw-inbrenger").hidden = !inbrenger;
    W.setText($("ikw-inbrenger"), inbrenger ? t("wall.inbrenger", { name: inbrenger }) : "");
    if (view.title) W.setText($("ikw-title"), view.title);
    const round = view.round;
    W.setText($("ikw-round"), round
      ? t(round.rule === "open" ? "phone.round.open" : "phone.round.all", { n: round.number })
      : t("wall.round.none"));
    const people = Number(view.participants) || 0;
    W.setText($("ikw-participants"), t(people === 1 ? "wall.participants.one" : "wall.participants", { n: people }));
    $("ikw-names").setAttribute("aria-pressed", String(Boolean(view.show_names)));
    renderJoin();
    renderSession();
    renderCards();
    renderTally();
    renderChart();
  }

  async function toggleNames() {
    const show = !(view && view.show_names);
    const result = await W.api("POST", "/workshop/api/names", { show });
    if (!result.ok) {
      showError(W.errorText(result));
      return;
    }
    showError("");
    if (view) {
      view.show_names = show;
      render();
    }
  }

  function init() {
    $("ikw-join-toggle").addEventListener("click", () => {
      joinBig = $("ikw-join-toggle").dataset.big !== "true";
      renderJoin();
    });
    $("ikw-names").addEventListener("click", toggleNames);
    W.onLang(() => {
      knownCount = null;
      render();
    });
    const poll = W.longPoll((since, lang) => `/workshop/api/wall?since=${since}&lang=${lang}`, {
      onData(data) {
        if (typeof data.server_time === "number") serverOffset = data.server_time - Date.now() / 1000;
        view = data;
        showError("");
        render();
      },
      onForbidden(result) {
        showError(result.data && result.data.error ? W.errorText(result) : t("wall.trainer_only"));
      },
      onUnauthorized(result) {
        showError(result.data && result.data.error ? W.errorText(result) : t("wall.trainer_only"));
      },
      onError(result) {
        showError(W.errorText(result));
      },
    });
    poll.start();
    window.setInterval(tick, 1000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
