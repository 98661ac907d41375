// The papers of an election under the model election rules: its timetable (proposed from a close-of-poll date,
// checked against the rules' intervals, set), its five documents as a web page and a PDF, and the statement of
// papers rejected at the count by rule 46's reasons. The returning officer sets them; scrutineers and the board
// read them (the board sees no rejected papers, as the API allows). Linked from each election's page.
import { api } from "/api.js";
import { confirmStep, el, errorBox, facts, field, showErrors } from "/dom.js";
import { date, lang, number, t } from "/i18n.js";
import { go, link, page } from "/router.js";
import { table } from "/admin.js";

/** The model rules' dates, in the order they fall. */
const DATES = ["noticeOfElection", "nominationsClose", "statementOfCandidates", "withdrawalsClose", "noticeOfPoll",
  "votingInformation", "closeOfPoll", "count"];
/** The documents and whether each needs the count first. */
const DOCUMENTS = [["notice-of-election", false], ["statement-of-candidates", false], ["notice-of-poll", false],
  ["count-sheet", true], ["declaration", true]];
/** Rule 46(1)'s reasons, (a) to (e). */
const REASONS = ["no-official-mark", "no-first-preference", "first-preference-for-two", "voter-identifiable", "void-for-uncertainty"];

for (const role of ["admin", "scrutineer", "board"]) {
  page({ path: `/${role}/elections/:id/timetable`, title: "papers.timetable.title", render: timetablePage });
  page({ path: `/${role}/elections/:id/documents`, title: "papers.documents.title", render: documentsPage });
}
for (const role of ["admin", "scrutineer"]) page({ path: `/${role}/elections/:id/rejected`, title: "papers.rejected.title", render: rejectedPage });

/** A date of the timetable with its weekday, since the rules count working days: "Thursday 13 June 2030". */
function day(iso) {
  return new Intl.DateTimeFormat(`${lang}-GB`, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(iso));
}

/** The election, the page's title naming it, and a way back to it. */
async function election({ main, params, role, setTitle }, titleKey) {
  const e = await api(`/api/elections/${Number(params.id)}`);
  setTitle(t(titleKey, { title: e.title }));
  main.append(el("p", {}, link(`/${role}/elections/${e.id}`, t("papers.back", { title: e.title }))));
  return e;
}

// --- The timetable ---

async function timetablePage(ctx) {
  const e = await election(ctx, "papers.timetable.titleOf");
  const { main, role } = ctx;
  let current = null;
  try {
    current = await api(`/api/elections/${e.id}/timetable`);
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  main.append(el("p", {}, t("papers.timetable.intro")));
  main.append(current ? timetableView(current) : el("p", { id: "no-timetable" }, t("papers.timetable.none")));
  if (role !== "admin") return;
  if (!["draft", "nominations"].includes(e.state)) {
    main.append(el("p", { class: "muted" }, t("papers.timetable.fixed", { state: t(`state.${e.state}`) })));
    return;
  }
  const setForm = timetableForm(e, current);
  main.append(proposeForm(e, setForm), setForm);
}

function timetableView(d) {
  return el("section", { id: "timetable", "aria-labelledby": "timetable-set" },
    el("h2", { id: "timetable-set" }, t("papers.timetable.set")),
    facts(DATES.map((k) => [t(`papers.date.${k}`), day(d[k])])),
    el("p", { class: "muted" }, t("papers.timetable.closing", { time: d.closingTime, zone: d.zone })));
}

/** Step one: a close-of-poll date; the service works every other date back from it, each on its latest day. */
function proposeForm(e, setForm) {
  const box = errorBox();
  const form = el("form", { class: "card papers-form", novalidate: true, "aria-labelledby": "propose-title" },
    el("h2", { id: "propose-title" }, t("papers.propose.title")), el("p", {}, t("papers.propose.intro")),
    field(t("papers.date.closeOfPoll"), "closeOfPoll", { type: "date", required: true }),
    box, el("p", { class: "actions" }, el("button", { type: "submit", class: "secondary" }, t("papers.propose.button"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const close = form.elements.closeOfPoll.value;
    try {
      if (!close) throw { status: 400, problem: { errors: [{ field: "closeOfPoll", message: t("papers.propose.missing") }] } };
      const proposal = await api(`/api/elections/${e.id}/timetable/proposal?closeOfPoll=${encodeURIComponent(close)}`);
      setForm.fill(proposal);
    } catch (error) {
      if (error.status === 400 && !error.problem?.errors) error.problem = { ...error.problem, errors: [{ field: "closeOfPoll", message: error.problem?.detail }] };
      showErrors(form, box, error);
    }
  });
  return form;
}

/** Step two: the eight dates, as proposed or changed by hand, checked by the rules when set (422 names each broken interval). */
function timetableForm(e, current) {
  const box = errorBox();
  const said = el("p", { role: "status", class: "ok" });
  const heading = el("h2", { id: "set-title", tabindex: "-1" }, t("papers.timetable.setTitle"));
  const form = el("form", { class: "card papers-form", novalidate: true, "aria-labelledby": "set-title" }, heading, said,
    el("p", { class: "hint" }, t("papers.timetable.setHint")),
    el("div", { class: "dates" }, DATES.map((k) => field(t(`papers.date.${k}`), k, { type: "date", value: current?.[k] || "" }))),
    box, el("p", { class: "actions" }, el("button", { type: "submit" }, t("papers.timetable.setButton"))));
  form.fill = (d) => {
    for (const k of DATES) form.elements[k].value = d[k] || "";
    said.textContent = t("papers.propose.done", { close: date(d.closeOfPoll) });
    heading.focus();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(DATES.map((k) => [k, form.elements[k].value || null]));
    const submit = form.querySelector("button[type=submit]");
    const consequence = body.noticeOfElection && body.closeOfPoll
      ? t("papers.timetable.consequence", { from: date(body.noticeOfElection), nominations: date(body.nominationsClose || body.noticeOfElection),
        open: date(body.votingInformation || body.closeOfPoll), close: date(body.closeOfPoll) })
      : t("papers.timetable.consequenceShort");
    if (!(await confirmStep(submit.parentElement, { consequence, yes: t("papers.timetable.yes") }))) return;
    try {
      await api(`/api/elections/${e.id}/timetable`, { method: "PUT", body });
      go(location.hash.slice(1));
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}

// --- The documents ---

async function documentsPage(ctx) {
  const e = await election(ctx, "papers.documents.titleOf");
  const counted = ["counted", "published"].includes(e.state);
  ctx.main.append(el("p", {}, t("papers.documents.intro")),
    el("ul", { class: "cards documents" }, DOCUMENTS.map(([key, needsCount]) => {
      const name = t(`papers.doc.${key}`);
      const base = `/api/elections/${e.id}/documents/${key}`;
      return el("li", { class: "card", "data-document": key }, el("h2", {}, name), el("p", {}, t(`papers.doc.${key}.about`)),
        needsCount && !counted ? el("p", { class: "muted" }, t("papers.documents.afterCount"))
          : el("p", { class: "actions" },
            el("a", { class: "button secondary", href: `${base}.html` }, t("papers.documents.read", { name })),
            el("a", { class: "button secondary", href: `${base}.pdf`, download: `${key}-${e.id}.pdf` }, t("papers.documents.pdf", { name }))));
    })));
}

// --- Rejected papers ---

async function rejectedPage(ctx) {
  const e = await election(ctx, "papers.rejected.titleOf");
  const { main, role } = ctx;
  const view = await api(`/api/elections/${e.id}/rejected-papers`);
  main.append(el("p", {}, t("papers.rejected.intro")),
    table(t("papers.rejected.caption", { n: view.total }), [t("papers.rejected.rule"), t("papers.rejected.reason"), t("papers.rejected.papers")],
      [...REASONS.map((key, i) => el("tr", { "data-reason": key }, el("td", {}, `46(1)(${"abcde"[i]})`), el("td", {}, t(`papers.reason.${key}`)),
        el("td", {}, number(view.papers[key] ?? 0)))),
      el("tr", { class: "total" }, el("td", {}, ""), el("th", { scope: "row" }, t("papers.rejected.total")), el("td", {}, number(view.total)))],
      { id: "rejected" }));
  if (role !== "admin") return;
  if (e.state !== "closed") {
    main.append(el("p", { class: "muted" }, t("papers.rejected.when", { state: t(`state.${e.state}`) })));
    return;
  }
  main.append(rejectedForm(e, view));
}

function rejectedForm(e, view) {
  const box = errorBox();
  const form = el("form", { class: "card", novalidate: true, "aria-labelledby": "record-rejected" },
    el("h2", { id: "record-rejected" }, t("papers.rejected.record")),
    REASONS.map((key, i) => field(`(${"abcde"[i]}) ${t(`papers.reason.${key}`)}`, key,
      { type: "number", min: 0, step: 1, inputmode: "numeric", value: String(view.papers[key] ?? 0) })),
    box, el("p", { class: "actions" }, el("button", { type: "submit" }, t("papers.rejected.save"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const papers = {};
    for (const key of REASONS) {
      const raw = form.elements[key].value.trim();
      papers[key] = raw === "" ? 0 : Number(raw);
    }
    const wrong = REASONS.filter((key) => !Number.isInteger(papers[key]) || papers[key] < 0);
    if (wrong.length) {
      showErrors(form, box, { status: 422, problem: { errors: wrong.map((key) => ({ field: key, message: t("papers.rejected.whole") })) } });
      return;
    }
    const total = Object.values(papers).reduce((a, b) => a + b, 0);
    const submit = form.querySelector("button[type=submit]");
    if (!(await confirmStep(submit.parentElement, { consequence: t("papers.rejected.consequence", { n: total }), yes: t("papers.rejected.yes") }))) return;
    try {
      await api(`/api/elections/${e.id}/rejected-papers`, { method: "POST", body: { papers } });
      go(location.hash.slice(1));
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}

/** The links from an election's page to its papers (used by elections.js). */
export function paperLinks(id, role) {
  const pages = role === "board" ? ["timetable", "documents"] : ["timetable", "documents", "rejected"];
  return el("nav", { class: "actions election-papers", "aria-label": t("papers.links") },
    pages.map((p) => link(`/${role}/elections/${id}/${p}`, t(`papers.link.${p}`), { class: "button secondary" })));
}


document.head.append(el("link", { rel: "stylesheet", href: "/election-papers.css" }));
