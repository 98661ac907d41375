// Messages and formats. Every word the portal shows comes from a message file:
//   /i18n/<lang>.json            the shell and shared words
//   /i18n/<feature>.<lang>.json  one per feature module (keys start with "<feature>.")
// A missing key falls back to English, then to the key itself (a test checks every file is complete).
// Adding a language is adding its files and one entry in /i18n/languages.json (code: the language's own name).

const STORE = "mutualvote.lang";
let messages = {};
let fallback = {};
let languages = { en: "English" };
export let lang = "en";

async function file(base, code) {
  const response = await fetch(`/i18n/${base ? base + "." : ""}${code}.json`, { credentials: "same-origin" });
  return response.ok ? response.json() : {};
}

/** Chooses the language (a stored choice, else the browser's first language we have) and loads the shell's words. */
export async function init() {
  try {
    languages = await (await fetch("/i18n/languages.json", { credentials: "same-origin" })).json();
  } catch {
    languages = { en: "English" };
  }
  const wanted = [localStorage.getItem(STORE), ...(navigator.languages || [navigator.language])].filter(Boolean);
  lang = wanted.map((l) => l.toLowerCase().split("-")[0]).find((l) => l in languages) || "en";
  document.documentElement.lang = lang;
  fallback = await file("", "en");
  messages = lang === "en" ? fallback : { ...fallback, ...(await file("", lang)) };
}

/** Loads a feature's words (/i18n/<feature>.<lang>.json, English beneath). */
export async function loadFeature(feature) {
  const en = await file(feature, "en").catch(() => ({}));
  Object.assign(fallback, en);
  Object.assign(messages, en, lang === "en" ? {} : await file(feature, lang).catch(() => ({})));
}

/** The languages there are, as { code: own name }. */
export function available() {
  return languages;
}

export function choose(code) {
  localStorage.setItem(STORE, code);
}

/** The message for a key with {placeholders} filled in; {n} picks "key.one"/"key.other" when those exist. */
export function t(key, vars = {}) {
  let text = messages[key];
  if (text === undefined && "n" in vars) {
    const form = new Intl.PluralRules(lang).select(Number(vars.n));
    text = messages[`${key}.${form}`] ?? messages[`${key}.other`];
  }
  if (text === undefined) text = fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? format(vars[name]) : whole));
}

/** True when a key exists (to show a translated server value, or the value itself when there is none). */
export function has(key) {
  return key in messages;
}

function format(value) {
  return typeof value === "number" ? number(value) : String(value);
}

export function number(n, options = {}) {
  return new Intl.NumberFormat(locale(), options).format(n);
}

export function percent(fraction) {
  return number(fraction, { style: "percent", maximumFractionDigits: 1 });
}

/** Money in pence, as the locale writes pounds. */
export function money(pence, currency = "GBP") {
  return number(pence / 100, { style: "currency", currency });
}

export function date(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeZone: iso.length <= 10 ? "UTC" : undefined }).format(new Date(iso));
}

export function dateTime(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

function locale() {
  return lang === "en" ? "en-GB" : `${lang}-GB`;
}
