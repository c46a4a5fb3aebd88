// gwr review: the few behaviours the server-rendered pages need. No framework, no build step.
// Every text shown comes from the page (escaped by the server) or is set with textContent.
"use strict";
(() => {
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const token = $('meta[name="csrf-token"]').content;
  const readJson = (id) => { const el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; };
  const facts = readJson("facts") || [];
  const byId = new Map(facts.map((f) => [f.fact_id, f]));
  const vocab = readJson("vocabulary");
  const FIELDS = ["region", "year", "period", "indicator", "measure", "kind", "value", "value_high", "unit", "qualifier"];

  function say(message, bad = false) {
    const status = $("#status");
    status.textContent = message;
    status.className = "status" + (bad ? " bad" : " good");
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { /* an empty or non-JSON answer */ }
    if (!response.ok) throw new Error(data.error || data.detail || `HTTP ${response.status}`);
    return data;
  }

  // --- the editor dialog ------------------------------------------------------------------
  const editor = $("#editor");
  let onSave = null;
  function option(select, value, label) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    select.append(o);
  }
  if (editor && vocab) {
    const form = $("#editor-form");
    vocab.periods.forEach(([key, label]) => option(form.period, key, `${key} ${label}`));
    vocab.indicators.forEach(([key, label]) => option(form.indicator, key, `${label} (${key})`));
    vocab.units.forEach((unit) => option(form.unit, unit, unit));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = {};
      FIELDS.forEach((name) => { values[name] = form[name].value; });
      try {
        await onSave(values, form.note.value);
        editor.close();
      } catch (error) {
        $("#editor-error").textContent = error.message;
      }
    });
    $("#editor-cancel").addEventListener("click", () => editor.close());
  }
  function openEditor(title, quote, values, save) {
    const form = $("#editor-form");
    $("#editor-title").textContent = title;
    $("#editor-quote").textContent = quote;
    $("#editor-error").textContent = "";
    FIELDS.forEach((name) => {
      const v = values[name];
      form[name].value = v === null || v === undefined ? "" : String(v);
    });
    form.region.value = values.region_key || values.region || "";
    form.note.value = "";
    onSave = save;
    editor.showModal();
    form.region.focus();
  }
  const editing = () => editor && editor.open;

  // --- deciding on a fact --------------------------------------------------------------------
  async function decide(fact, action, fields = null, note = "") {
    const data = await post("/api/decide", { fact_id: fact.fact_id, action, fields, note });
    say(`${action}: ${fact.quote} — saved`);
    return data.fact;
  }
  function edit(fact, done) {
    openEditor("Edit fact", fact.quote, fact, async (fields, note) => done(await decide(fact, "edit", fields, note)));
  }

  // --- the document page ---------------------------------------------------------------------
  const text = $("#text");
  let selected = null;
  function showFact(fact) {
    selected = fact;
    const panel = $("#panel");
    const list = $("#panel-fields");
    list.replaceChildren();
    const shown = [["quote", fact.quote], ["indicator", `${fact.indicator_name_zh || ""} (${fact.indicator})`],
      ["region", fact.region], ["year · period", `${fact.year} ${fact.period}`], ["measure", fact.measure],
      ["kind", fact.kind], ["value", `${fact.value}${fact.value_high !== null ? "–" + fact.value_high : ""} ${fact.unit}`],
      ["qualifier", fact.qualifier], ["confidence", fact.confidence || "unrated"], ["review", fact.review || "not reviewed"]];
    if (fact.review_changed) shown.push(["extracted", fact.review_changed]);
    if (fact.review_note) shown.push(["note", fact.review_note]);
    shown.forEach(([term, value]) => {
      const dt = document.createElement("dt"); dt.textContent = term;
      const dd = document.createElement("dd"); dd.textContent = value;
      list.append(dt, dd);
    });
    panel.hidden = false;
    $$("#fact-list tr.current, #text mark.current").forEach((el) => el.classList.remove("current"));
    $$(`#fact-list tr[data-fact="${fact.fact_id}"]`).forEach((el) => el.classList.add("current"));
    $$("#text mark").filter((m) => m.dataset.facts.split(" ").includes(fact.fact_id))
      .forEach((el) => el.classList.add("current"));
  }
  const reload = () => window.location.reload();
  async function act(action) {
    if (!selected) return;
    try {
      if (action === "edit") edit(selected, reload);
      else { await decide(selected, action); reload(); }
    } catch (error) { say(error.message, true); }
  }

  // A selection's end in raw offsets: the segment's data-start plus code points (not UTF-16 units) into it.
  function rawOffset(node, offset) {
    if (node.nodeType !== Node.TEXT_NODE) {
      const child = node.childNodes[offset];
      if (child && child.dataset && child.dataset.start !== undefined) return Number(child.dataset.start);
      const before = node.childNodes[offset - 1];
      if (!before || !before.dataset) return null;
      return Number(before.dataset.start) + Array.from(before.textContent).length;
    }
    const segment = node.parentElement.closest("[data-start]");
    if (!segment || !text.contains(segment)) return null;
    return Number(segment.dataset.start) + Array.from(node.textContent.slice(0, offset)).length;
  }
  function selectionSpan() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !text.contains(selection.anchorNode)) return null;
    const range = selection.getRangeAt(0);
    const start = rawOffset(range.startContainer, range.startOffset);
    const end = rawOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end, quote: selection.toString() };
  }
  function guess(quote) {
    const number = (quote.match(/-?\d+(?:\.\d+)?/) || [""])[0];
    const unit = vocab.units.filter((u) => quote.includes(u)).sort((a, b) => b.length - a.length)[0] || "%";
    const growth = unit === "%" && /增长|下降|增速/.test(quote);
    return { region: text.dataset.region, year: text.dataset.year, period: "FY", indicator: vocab.indicators[0][0],
      measure: growth ? "growth" : "level", kind: "actual", value: number, value_high: "", unit, qualifier: "eq" };
  }
  if (text) {
    text.addEventListener("click", (event) => {
      const mark = event.target.closest("mark");
      if (mark && window.getSelection().isCollapsed) showFact(byId.get(mark.dataset.facts.split(" ")[0]));
    });
    const addButton = $("#add-button");
    document.addEventListener("selectionchange", () => { addButton.hidden = selectionSpan() === null; });
    addButton.addEventListener("click", () => {
      const span = selectionSpan();
      if (!span) return;
      openEditor("Add a missed fact", span.quote, guess(span.quote), async (fields, note) => {
        await post("/api/add", { doc_id: text.dataset.docId, raw_start: span.start, raw_end: span.end, fields, note });
        say(`added: ${span.quote}`);
        reload();
      });
    });
    $$("#fact-list a.pick").forEach((a) => a.addEventListener("click", (event) => {
      event.preventDefault();
      const fact = byId.get(a.closest("tr").dataset.fact);
      showFact(fact);
      const mark = $$("#text mark").find((m) => m.dataset.facts.split(" ").includes(fact.fact_id));
      if (mark) mark.scrollIntoView({ block: "center" });
    }));
    $$("#panel button").forEach((b) => b.addEventListener("click", () => act(b.dataset.act)));
  }

  // --- the queue page ------------------------------------------------------------------------
  const cards = $$("#cards li.card");
  let current = cards.findIndex((c) => !c.className.match(/s-(reviewed|edited|rejected)/));
  function focusCard(i) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, i));
    cards.forEach((c, n) => c.classList.toggle("current", n === current));
    cards[current].scrollIntoView({ block: "nearest" });
  }
  function settle(card, state, label) {
    const progress = $("#progress");
    const wasDone = card.className.match(/s-(reviewed|edited|rejected)/);
    card.classList.remove("s-reviewed", "s-edited", "s-rejected");
    card.classList.add(`s-${state}`);
    $(".state", card).textContent = label;
    if (!wasDone) {
      progress.dataset.reviewed = Number(progress.dataset.reviewed) + 1;
      $("#progress-reviewed").textContent = progress.dataset.reviewed;
    }
  }
  async function queueAct(action) {
    const card = cards[current];
    const fact = card && byId.get(card.dataset.fact);
    if (!fact) return;
    try {
      if (action === "edit") {
        edit(fact, (after) => {
          if (after) byId.set(fact.fact_id, { ...fact, ...after, fact_id: fact.fact_id });
          settle(card, "edited", "edit");
          focusCard(current + 1);
        });
        return;
      }
      await decide(fact, action);
      settle(card, action === "reject" ? "rejected" : "reviewed", action);
      focusCard(current + 1);
    } catch (error) { say(error.message, true); }
  }
  if (cards.length) {
    focusCard(current < 0 ? 0 : current);
    cards.forEach((c, n) => c.addEventListener("click", () => focusCard(n)));
  }

  document.addEventListener("keydown", (event) => {
    if (editing() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName)) return;
    const actions = { a: "accept", x: "reject", e: "edit" };
    if (!actions[event.key] && !["j", "k"].includes(event.key)) return;
    event.preventDefault(); // the key acts; it must not also type into the editor it opens
    if (cards.length) {
      if (event.key === "j") focusCard(current + 1);
      else if (event.key === "k") focusCard(current - 1);
      else if (actions[event.key]) queueAct(actions[event.key]);
    } else if (text && actions[event.key]) act(actions[event.key]);
  });
})();
