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

/**
 * A number as the locale writes it. A browser without the locale's number data (Chromium has none for Welsh, and
 * writes "£ 1,234.56") gets British English's, which Welsh shares: "£1,234.56", "33%".
 */
export function number(n, options = {}) {
  const known = Intl.NumberFormat.supportedLocalesOf([locale()]).length > 0;
  return new Intl.NumberFormat(known ? locale() : "en-GB", options).format(n);
}

export function percent(fraction) {
  return number(fraction, { style: "percent", maximumFractionDigits: 1 });
}

/** A number of percent ("33.33", 60), as the locale writes a percentage. */
export function percentOf(value) {
  return number(Number(value) / 100, { style: "percent", maximumFractionDigits: 2 });
}

/** Money in pence, as the locale writes pounds. */
export function money(pence, currency = "GBP") {
  return number(pence / 100, { style: "currency", currency });
}

/** A date ("2027-03-18", or an instant) as the locale writes it in full: "18 March 2027", "18 Mawrth 2027". */
export function date(iso) {
  if (!iso) return "";
  const utc = iso.length <= 10; // a date alone is a calendar day, not a moment
  if (browserKnows()) return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeZone: utc ? "UTC" : undefined }).format(new Date(iso));
  return ownDate(new Date(iso), utc);
}

/** An instant as the locale writes a date and a time of day. */
export function dateTime(iso) {
  if (!iso) return "";
  const when = new Date(iso);
  if (browserKnows()) return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeStyle: "short" }).format(when);
  return t("date.time", { date: ownDate(when, false), time: new Intl.DateTimeFormat("en-GB", { timeStyle: "short" }).format(when) });
}

/**
 * Whether the browser has the locale's calendar words. Many lack Welsh (Chromium writes "2026 M11 23"); the
 * message files then give the month names and the order.
 */
function browserKnows() {
  return Intl.DateTimeFormat.supportedLocalesOf([locale()]).length > 0;
}

function ownDate(d, utc) {
  const month = (utc ? d.getUTCMonth() : d.getMonth());
  return t("date.long", { day: String(utc ? d.getUTCDate() : d.getDate()), month: t("date.months").split(",")[month],
    year: String(utc ? d.getUTCFullYear() : d.getFullYear()) });
}

function locale() {
  return lang === "en" ? "en-GB" : `${lang}-GB`;
}
