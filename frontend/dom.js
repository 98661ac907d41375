// Builds DOM nodes from trusted structure and untrusted text: text always goes in as text nodes.
import { date, dateTime, has, lang, t } from "/i18n.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value === true ? "" : value);
  }
  // Children may nest in arrays at any depth (a list of links built from parts); every level is flattened.
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let fieldCount = 0;

/**
 * A labelled form field with a place for its error. `name` is the API's field name, so a problem's
 * field error lands next to it. kind: "input" (default), "select" (options: [[value, text], ...]) or "textarea".
 */
export function field(label, name, attrs = {}, { kind = "input", options = [], hint } = {}) {
  const id = `f-${name}-${++fieldCount}`;
  const control = kind === "select"
    ? el("select", { id, name, ...attrs }, options.map(([value, text]) => el("option", { value }, text)))
    : el(kind, { id, name, ...attrs });
  if (kind === "select" && attrs.value !== undefined) control.value = attrs.value;
  const hintNode = hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute("aria-describedby", hintNode.id);
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  return el("div", { class: "field", "data-field": name }, el("label", { for: id }, label), hintNode, error, control);
}

/**
 * A memorable date (a date of birth) as GOV.UK's date input: Day, Month and Year as three labelled number fields in
 * a group, so it reads the same in every browser whatever the browser's own locale (a native date field shows
 * mm/dd/yyyy to anyone whose browser says en-US). One hint and one error for the group. Read it with dateValue().
 */
export function dateInput(legend, name, iso = "", { hint, autocomplete } = {}) {
  const id = `f-${name}-${++fieldCount}`;
  const [year = "", month = "", day = ""] = (iso || "").split("-");
  const hintNode = hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const part = (key, value) => el("div", { class: `date-part date-${key}` },
    el("label", { for: `${id}-${key}` }, t(`date.${key}`)),
    el("input", { id: `${id}-${key}`, name: `${name}-${key}`, "data-date-part": key, type: "text", inputmode: "numeric",
      value: value.replace(/^0(?=\d)/, ""),
      autocomplete: autocomplete ? `${autocomplete}-${key}` : "off" }));
  return el("div", { class: "field", "data-field": name },
    el("fieldset", { class: "date-input", id, "aria-describedby": hintNode?.id },
      el("legend", {}, legend), hintNode, error,
      el("div", { class: "date-parts" }, part("day", day), part("month", month), part("year", year))));
}

/**
 * The ISO date a dateInput holds: null when all three are empty, undefined when they do not make a real date
 * (31/02/1990, a two-digit year), else "1990-02-28".
 */
export function dateValue(form, name) {
  const group = form.querySelector(`[data-field="${CSS.escape(name)}"] fieldset`);
  const [day, month, year] = ["day", "month", "year"].map((key) => group.querySelector(`[data-date-part="${key}"]`).value.trim());
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (when.getUTCFullYear() !== Number(year) || when.getUTCMonth() !== Number(month) - 1 || when.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export function checkbox(label, name, attrs = {}) {
  const id = `f-${name}-${++fieldCount}`;
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: true });
  return el("div", { class: "field", "data-field": name }, error,
    el("label", { class: "check", for: id }, el("input", { type: "checkbox", id, name, ...attrs }), " ", label));
}

/** A place at the top of a form for errors that concern no single field. */
export function errorBox() {
  return el("div", { class: "error", role: "alert", tabindex: "-1", hidden: true });
}

export function clearErrors(form) {
  for (const node of form.querySelectorAll(".field-error")) { node.hidden = true; node.textContent = ""; }
  for (const node of form.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (described.length) node.setAttribute("aria-describedby", described.join(" ")); else node.removeAttribute("aria-describedby");
  }
  for (const box of form.querySelectorAll(".error")) { box.hidden = true; box.replaceChildren(); }
}

/**
 * Shows a problem+json error: each field error once, next to its field (aria-invalid, aria-describedby),
 * the rest in the form's box. The first invalid field (in the form's order) gets focus.
 */
export function showErrors(form, box, error) {
  clearErrors(form);
  const loose = [];
  let firstInvalid = null;
  for (const e of error.problem?.errors || []) {
    // The field as the API names it ("pots[0].name"), else its last part ("name"), else without an index ("choices").
    const last = e.field.split(".").pop();
    const wrapper = [e.field, last, last.replace(/\[\d+\]$/, "")].map((n) => form.querySelector(`[data-field="${CSS.escape(n)}"]`))
      .find(Boolean);
    if (!wrapper) { loose.push(e); continue; }
    // A group of fields (a dateInput) is one control: its fieldset carries the error, its legend names it.
    const control = wrapper.querySelector("fieldset, input, select, textarea");
    const message = wrapper.querySelector(".field-error");
    const words = fieldMessage(e.field, e, Boolean(error.status));
    if (!message.hidden) {
      // Each field's message is said once: a second mistake in it joins the first.
      message.append("; ", words);
      continue;
    }
    const label = wrapper.querySelector("legend, label")?.textContent.trim();
    // A checkbox's label is a whole sentence: its message stands alone.
    message.replaceChildren(...(control.type === "checkbox" ? [words] : sayField(label, words)));
    message.hidden = false;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), message.id].filter(Boolean).join(" "));
    for (const part of control.querySelectorAll("input")) part.setAttribute("aria-invalid", "true");
    firstInvalid ||= control;
  }
  const lines = [];
  if (!firstInvalid || loose.length) lines.push(...explain(error));
  for (const e of loose) lines.push([fieldMessage(e.field, e, Boolean(error.status))]);
  if (lines.length) {
    box.replaceChildren(...lines.map((line) => el("p", {}, line)));
    box.hidden = false;
  }
  // Focus goes to the first field in the form's order (the server lists them alphabetically).
  const first = form.querySelector("[aria-invalid='true']");
  (first?.matches("fieldset") ? first.querySelector("input") : first || box).focus();
}

/** "{label}: {message}" with the message as a node (it may be the server's English, marked as such). */
function sayField(label, message) {
  return say("error.field", { label, message });
}

/** A message whose {placeholders} may be nodes (a link, the server's English): the parts, to append. */
export function say(key, vars = {}) {
  const nodes = Object.fromEntries(Object.entries(vars).filter(([, v]) => v instanceof Node));
  const text = t(key, Object.fromEntries(Object.entries(vars).filter(([, v]) => !(v instanceof Node))));
  return text.split(/(\{\w+\})/).filter(Boolean).map((part) => (/^\{\w+\}$/.test(part) && nodes[part.slice(1, -1)]) || part);
}

/**
 * The server's own words, marked as English when the reader's language is another (WCAG 3.1.2), so a
 * screen reader says them in the right voice.
 */
export function serverWords(text) {
  return lang === "en" ? document.createTextNode(text) : el("span", { lang: "en" }, text);
}

/**
 * A field error in the reader's words: by the field's own message for its code ("problem.field.consent.assert-true"),
 * else the code's ("problem.field.not-blank"), else the message as given (the server's English, or the portal's own).
 */
function fieldMessage(name, e, fromServer = true) {
  const field = String(name).split(".").pop().replace(/\[\d+\]$/, "");
  const own = e.code && said(`problem.field.${field}.${e.code}`, e.params);
  if (own) return own;
  return phraseWords({ code: e.code, params: e.params, text: e.message }, fromServer);
}

/**
 * Something the server said as a phrase ({ code, params, text }) in the reader's words, from "problem.field.<code>"
 * (a size says which bound it states: "problem.field.size.max.characters"); the server's English when no message has it.
 */
export function phraseWords(phrase, fromServer = true) {
  const p = phrase.params || {};
  // A refused row says each of its reasons.
  if (Array.isArray(p.reasons) && p.reasons.length) return el("span", {}, p.reasons.flatMap((r, i) => [i ? "; " : null, phraseWords(r, fromServer)]));
  const bound = p.min !== undefined && p.max !== undefined ? "between" : p.max !== undefined ? "max" : p.min !== undefined ? "min" : null;
  const keys = [bound && p.of ? `problem.field.${phrase.code}.${bound}.${p.of}` : null, bound ? `problem.field.${phrase.code}.${bound}` : null,
    `problem.field.${phrase.code}`];
  for (const key of keys.filter(Boolean)) {
    const words = phrase.code && said(key, { ...p, n: p.max ?? p.min });
    if (words) return words;
  }
  return fromServer ? serverWords(phrase.text) : document.createTextNode(phrase.text);
}

/**
 * The message for a key with the server's params written as the reader's locale does: dates ("2027-03-18") and instants,
 * a contest's state ("open") and a member's status ("lapsed") in the reader's words; identifiers (a member id, a row) as written, never as "1,234". Null
 * when there is no message.
 */
function said(key, params = {}) {
  if (!has(key) && !has(`${key}.other`)) return null;
  return document.createTextNode(t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, paramWords(k, v)]))));
}

function paramWords(name, value) {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return dateTime(value);
  if ((name === "state" || name === "to") && has(`state.${value}`)) return t(`state.${value}`);
  if (name === "status" && has(`member.status.${value}`)) return t(`member.status.${value}`).toLowerCase();
  if (name === "id" || name === "row" || name.endsWith("Id")) return String(value);
  return value;
}

/**
 * Codes that name only the kind of problem (its status): the server's detail says what it was. Other status codes
 * (unauthorized, too-many-requests, unavailable...) say all a person needs, better than their technical detail.
 */
const GENERIC = new Set(["bad-request", "invalid", "forbidden", "not-found", "conflict", "too-large", "unprocessable", "internal"]);

/**
 * A problem in plain words for people, as lines (arrays of nodes and strings): a precise code in the reader's
 * language; otherwise the server's detail, which in another language than English follows a sentence in the
 * reader's language for the kind of problem.
 */
export function explain(error) {
  const status = error.status;
  const p = error.problem;
  const code = p?.code;
  if (!status) return [[t("error.network")]];
  if (code && !GENERIC.has(code) && has(`problem.${code}`)) return [[said(`problem.${code}`, p.params)]];
  if (p?.errors?.length && status === 400) return [[t("error.invalid")]];
  const kind = code && has(`problem.${code}`) ? t(`problem.${code}`)
    : has(`error.${status}`) ? t(`error.${status}`) : t("error.status", { status });
  if (!p?.detail) return [[kind]];
  if (lang === "en") return [[p.detail]];
  return [[kind], [t("error.detailInEnglish"), " ", serverWords(p.detail)]];
}

/** A problem shown on its own (not in a form). */
export function problem(error) {
  const lines = [...explain(error), ...(error.problem?.errors || []).map((e) => [fieldMessage(e.field, e)])];
  return el("div", { class: "error", role: "alert" }, lines.map((line) => el("p", {}, line)));
}

/**
 * Says what a step will do before it is done: a panel with the consequence and "Yes, ..."/"Cancel".
 * Resolves true when confirmed. Focus moves to the panel and back when it goes.
 */
export function confirmStep(anchor, { consequence, yes, danger = false }) {
  return new Promise((resolve) => {
    const back = document.activeElement;
    const text = el("p", { id: `confirm-${++fieldCount}` }, consequence);
    const panel = el("div", { class: "confirm card", role: "group", "aria-labelledby": text.id, tabindex: "-1" }, text);
    const done = (answer) => { panel.remove(); back?.focus?.(); resolve(answer); };
    panel.append(el("p", { class: "actions" },
      el("button", { type: "button", class: danger ? "danger" : "", onclick: () => done(true) }, yes),
      el("button", { type: "button", class: "secondary", onclick: () => done(false) }, t("action.cancel"))));
    anchor.after(panel);
    panel.focus();
  });
}

/**
 * A table that reads well on a phone: from tablet width a real table (caption, column headers); on a phone the same
 * rows as a list, each row a definition list of heading and value, so nothing scrolls sideways. CSS displays only
 * one of the two, so each row is said once. rows: [{ cells: [text or node, ...], refused: boolean }].
 */
export function stackedTable(caption, headings, rows) {
  const id = `stacked-${++fieldCount}`;
  const copy = (c) => (c instanceof Node ? c.cloneNode(true) : c);
  const wide = el("div", { class: "table-scroll wide-only", tabindex: "0", role: "region", "aria-label": caption },
    el("table", {}, el("caption", {}, caption),
      el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((r) => el("tr", { class: r.refused ? "bad" : null }, r.cells.map((c) => el("td", {}, copy(c))))))));
  const narrow = el("section", { class: "narrow-only", "aria-labelledby": id }, el("h3", { id }, caption),
    el("ul", { class: "stacked-rows" }, rows.map((r) => el("li", { class: r.refused ? "refused" : null },
      facts(r.cells.map((c, i) => [headings[i], copy(c)]))))));
  return el("div", { class: "stacked-table" }, wide, narrow);
}

/** A definition list from [term, value] pairs. */
export function facts(pairs, attrs = {}) {
  return el("dl", attrs, pairs.filter(Boolean).flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value ?? "—")]));
}

/**
 * Gives each cell of every table under root its column's heading as data-label, so that on a phone (style.css) a
 * row shows as a block in which every value keeps its label; and gives the table its roles explicitly, because some
 * browsers stop exposing a table once CSS displays it as blocks. Watches root, so tables drawn later are labelled.
 */
export function labelTables(root) {
  const label = () => { for (const table of root.querySelectorAll("table")) labelTable(table); };
  new MutationObserver(label).observe(root, { childList: true, subtree: true });
  label();
}

function labelTable(table) {
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  const headings = [];
  for (const th of head?.cells || []) for (let i = 0; i < th.colSpan; i++) headings.push(th.textContent.trim());
  table.setAttribute("role", "table");
  for (const group of [table.tHead, ...table.tBodies, table.tFoot]) group?.setAttribute("role", "rowgroup");
  for (const row of table.rows) {
    if (row.dataset.labelled) continue;
    row.dataset.labelled = "";
    row.setAttribute("role", "row");
    let column = 0;
    for (const cell of row.cells) {
      const inHead = row.parentElement === table.tHead;
      cell.setAttribute("role", inHead || cell.getAttribute("scope") === "col" ? "columnheader"
        : cell.tagName === "TH" ? "rowheader" : "cell");
      if (!inHead && cell.tagName === "TD" && headings[column]) cell.dataset.label = headings[column];
      column += cell.colSpan;
    }
  }
}
