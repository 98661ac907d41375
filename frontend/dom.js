// Builds DOM nodes from trusted structure and untrusted text: text always goes in as text nodes.
import { t } from "/i18n.js";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
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
 * the rest in the form's box. The first invalid field gets focus.
 */
export function showErrors(form, box, error) {
  clearErrors(form);
  const loose = [];
  let firstInvalid = null;
  for (const e of error.problem?.errors || []) {
    const name = e.field.split(".").pop().replace(/\[\d+]$/, ""); // "pots[0].name" is that pot's field, else "name"; "issuedTo[3]" is "issuedTo"
    const wrapper = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`) || form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!wrapper) { loose.push(e); continue; }
    const control = wrapper.querySelector("input, select, textarea");
    const message = wrapper.querySelector(".field-error");
    const label = wrapper.querySelector("label")?.textContent.trim();
    // A checkbox's label is a whole sentence: its message stands alone.
    message.textContent = control.type === "checkbox" ? friendly(e.message) : t("error.field", { label, message: friendly(e.message) });
    message.hidden = false;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), message.id].filter(Boolean).join(" "));
    firstInvalid ||= control;
  }
  const lines = [];
  if (!firstInvalid || loose.length) lines.push(plain(error));
  for (const e of loose) lines.push(`${e.field}: ${e.message}`);
  if (lines.length) {
    box.replaceChildren(...lines.map((line) => el("p", {}, line)));
    box.hidden = false;
  }
  (firstInvalid || box).focus();
}

/** Bean Validation's standard messages, in the reader's words; the API's own messages are already sentences. */
const STANDARD = {
  "must not be null": "error.required",
  "must not be blank": "error.required",
  "must not be empty": "error.required",
  "must be a well-formed email address": "error.email",
  "must be a past date": "error.past",
};

function friendly(message) {
  return STANDARD[message] ? t(STANDARD[message]) : message;
}

/** A problem in one sentence for people: the detail, or a plain sentence for the status. */
export function plain(error) {
  const status = error.status;
  if (error.problem?.errors?.length && status === 400) return t("error.invalid");
  if (error.problem?.detail) return error.problem.detail;
  if (status === 401) return t("error.401");
  if (status === 403) return t("error.403");
  if (status === 404) return t("error.404");
  if (!status) return t("error.network");
  return t("error.status", { status });
}

/** A problem shown on its own (not in a form). */
export function problem(error) {
  const lines = [plain(error), ...(error.problem?.errors || []).map((e) => `${e.field}: ${e.message}`)];
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

/** A definition list from [term, value] pairs. */
export function facts(pairs, attrs = {}) {
  return el("dl", attrs, pairs.filter(Boolean).flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value ?? "—")]));
}
