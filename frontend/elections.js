// Elections through their lifecycle, for the returning officer: details and timetable, candidates and
// statements, then nominations, open, close, paper ballots, count and publish, each step's consequence
// said before it is taken. Scrutineers see the same pages read-only and can recount a counted result.
import { api } from "/api.js";
import { confirmStep, el, errorBox, facts, field, problem, showErrors } from "/dom.js";
import { dateTime, number, percent, t } from "/i18n.js";
import { go, link, page } from "/router.js";
import { boardLinks, resultSummary } from "/vote.js";
import { table } from "/admin.js";
import { paperLinks } from "/election-papers.js";
import { contentsWithheld } from "/seal.js";
import { nextSteps, recount } from "/steps.js";

const METHODS = ["stv", "irv", "fptp"];
// The counting rules the API accepts for STV (StvRule); the first, ni85, is the default.
const RULES = ["ni85", "scotland", "ers97", "meek"];
const TIMES = ["nominationsOpenAt", "nominationsCloseAt", "votingOpenAt", "votingCloseAt"];

page({ path: "/admin/elections", title: "elections.title", nav: "elections.nav", order: 40, render: list });
page({ path: "/admin/elections/:id", title: "elections.one.title", render: one });
page({ path: "/scrutineer/elections", title: "elections.title", nav: "elections.nav", order: 5, render: list });
page({ path: "/scrutineer/elections/:id", title: "elections.one.title", render: one });
page({ path: "/board/elections", title: "elections.title", nav: "elections.nav.board", order: 40, render: list });
page({ path: "/board/elections/:id", title: "elections.one.title", render: one });

/** datetime-local shows local time; the API speaks UTC instants. */
export const toLocal = (iso) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};
export const fromLocal = (value) => (value ? new Date(value).toISOString() : null);

/** The voter roll as a fact of a contest: its size once frozen at the opening. */
export const rollFact = (rollSize) => [t("elections.roll"), rollSize === null ? t("elections.roll.notFrozen") : number(rollSize)];

/** Turnout so far, in words, with its share of the roll. */
export const turnoutLine = (voted, roll) => el("p", { class: "turnout" },
  t("elections.turnout", { voted: number(voted), roll: number(roll), percent: roll ? percent(voted / roll) : "—" }));

async function electionForm(e, onSaved) {
  const cs = await api("/api/constituencies");
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: true },
    field(t("elections.field.title"), "title", { required: true, value: e?.title || "" }),
    field(t("elections.field.constituency"), "constituencyId", { value: e ? String(e.constituencyId) : "" },
      { kind: "select", options: [["", t("elections.field.choose")], ...cs.map((c) => [String(c.id), c.name])] }),
    field(t("elections.field.seats"), "seats", { type: "number", min: 1, inputmode: "numeric", value: e?.seats ?? 1 }),
    field(t("elections.field.method"), "method", { value: e?.method || "stv" }, { kind: "select", options: METHODS.map((m) => [m, t(`elections.method.${m}`)]) }),
    field(t("elections.field.rule"), "stvRule", { value: e?.stvRule || RULES[0] }, { kind: "select", options: RULES.map((r) => [r, r]),
      hint: t("elections.field.rule.hint") }),
    el("fieldset", {}, el("legend", {}, t("elections.timetable")), el("p", { class: "hint" }, t("elections.timetable.hint")),
      TIMES.map((k) => field(t(`elections.time.${k}`), k, { type: "datetime-local", value: toLocal(e?.timetable?.[k]) }))),
    errors,
    el("button", { type: "submit" }, e ? t("action.save") : t("elections.create")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const timetable = Object.fromEntries(TIMES.map((k) => [k, fromLocal(f[k].value)]));
    const body = { title: f.title.value, constituencyId: f.constituencyId.value ? Number(f.constituencyId.value) : null,
      seats: f.seats.value === "" ? null : Number(f.seats.value), method: f.method.value, stvRule: f.method.value === "stv" ? f.stvRule.value : null,
      timetable: Object.values(timetable).some(Boolean) ? timetable : null };
    try {
      onSaved(await api(e ? `/api/elections/${e.id}` : "/api/elections", { method: e ? "PUT" : "POST", body }));
    } catch (error) {
      showErrors(form, errors, error);
    }
  });
  return form;
}

async function list({ main, role }) {
  const all = await api("/api/elections");
  main.append(all.length === 0 ? el("p", {}, t("elections.none")) : table(t("elections.caption", { n: all.length }),
    [t("elections.field.title"), t("elections.field.constituency"), t("elections.field.seats"), t("elections.field.method"), t("elections.state")],
    all.map((e) => el("tr", {}, el("td", {}, link(`/${role}/elections/${e.id}`, e.title)), el("td", {}, e.constituencyName),
      el("td", {}, number(e.seats)), el("td", {}, t(`elections.method.${e.method}`)), el("td", {}, t(`state.${e.state}`))))));
  if (role === "admin") {
    main.append(el("h2", {}, t("elections.new")), await electionForm(null, (saved) => go(`/admin/elections/${saved.id}`)));
  }
}

/** The steps an election can take from each state: [API step, label key]. */
const NEXT = {
  draft: [["nominations", "nominations"], ["open", "open"]],
  nominations: [["open", "open"]],
  open: [["close", "close"]],
  closed: [["count", "count"]],
  counted: [["publish", "publish"]],
};

async function one({ main, params, role, setTitle }) {
  const id = Number(params.id);
  const e = await api(`/api/elections/${id}`);
  setTitle(e.title);
  const admin = role === "admin";
  const again = () => go(`/${role}/elections/${id}?at=${Date.now()}`);
  main.append(el("p", { class: "state", id: "election-state" }, t("elections.stateIs", { state: t(`state.${e.state}`) })),
    facts([[t("elections.field.constituency"), e.constituencyName], [t("elections.field.seats"), number(e.seats)],
      [t("elections.field.method"), t(`elections.method.${e.method}`) + (e.stvRule ? ` (${e.stvRule})` : "")],
      ...TIMES.map((k) => [t(`elections.time.${k}`), e.timetable?.[k] ? dateTime(e.timetable[k]) : "—"]),
      rollFact(e.rollSize)]));
  main.append(paperLinks(id, role));

  if (admin && NEXT[e.state]) {
    const vars = { n: e.candidates.filter((c) => !c.withdrawn).length, seats: e.seats };
    main.append(nextSteps(`/api/elections/${id}`, NEXT[e.state].map(([step, key]) => ({ step, label: t(`elections.step.${key}`),
      consequence: t(`elections.step.${key}.consequence`, vars), yes: t(`elections.step.${key}.yes`) })), again));
  }

  if (["open", "closed"].includes(e.state) && role !== "member") {
    try {
      const tu = await api(`/api/elections/${id}/turnout`);
      main.append(turnoutLine(tu.voted, tu.rollSize || 0));
    } catch {
      // turnout is a help, not the page
    }
  }

  main.append(el("h2", {}, t("elections.candidates")), candidates(e, admin, again));
  if (admin && ["draft", "nominations"].includes(e.state)) {
    main.append(el("h2", {}, t("elections.candidate.add")), candidateForm(e, again),
      el("h2", {}, t("elections.details")), await electionForm(e, again));
  }
  if (admin && e.state === "closed") main.append(el("h2", {}, t("elections.paper")), paperForm(e, again));
  let withheld = false;
  if (["counted", "published"].includes(e.state)) {
    try {
      const result = await api(`/api/elections/${id}/result`);
      withheld = result.contentsWithheld;
      main.append(el("h2", {}, t("elections.result")), resultSummary(result, e));
      if (!result.uncontested) {
        main.append(recount(`/api/elections/${id}/recount`, t("elections.recount.intro"), (n) => t("elections.recount.matches", { n }),
          (r) => el("div", {}, el("p", {}, t("elections.recount.elected", { names: r.elected.join(", ") })),
            el("p", { class: "muted" }, t("elections.recount.how", { rule: r.rule, seed: r.seed })))));
      }
    } catch (error) {
      main.append(problem(error));
    }
  } else if (e.state === "closed") {
    withheld = await contentsWithheld(`/api/elections/${id}/bulletin`);
  }
  if (["closed", "counted", "published"].includes(e.state)) {
    main.append(el("p", {}, boardLinks(role, id, withheld)));
  }
}

function candidates(e, admin, again) {
  if (e.candidates.length === 0) return el("p", {}, t("elections.candidates.none"));
  const errors = el("div");
  return el("div", {}, errors, el("ol", { class: "cards candidates-admin" }, e.candidates.map((c) => {
    const item = el("li", { class: "card" }, el("h3", {}, c.name, c.withdrawn ? ` (${t("elections.candidate.withdrawn")})` : ""),
      c.statement ? el("p", { class: "statement" }, c.statement) : el("p", { class: "muted" }, t("elections.candidate.noStatement")));
    if (admin && !c.withdrawn && ["draft", "nominations"].includes(e.state)) {
      const withdraw = el("button", { type: "button", class: "secondary", onclick: async () => {
        if (!await confirmStep(withdraw, { consequence: t("elections.candidate.withdraw.consequence", { name: c.name }), yes: t("elections.candidate.withdraw.yes"), danger: true })) return;
        try {
          await api(`/api/elections/${e.id}/candidates/${c.id}/withdraw`, { method: "POST" });
          again();
        } catch (error) {
          errors.replaceChildren(problem(error));
        }
      } }, t("elections.candidate.withdraw", { name: c.name }));
      item.append(el("p", {}, withdraw));
    }
    return item;
  })));
}

function candidateForm(e, again) {
  const errors = errorBox();
  const words = el("p", { class: "hint", "aria-live": "polite" });
  const form = el("form", { class: "card", novalidate: true },
    field(t("elections.candidate.name"), "name", { required: true }),
    field(t("elections.candidate.statement"), "statement", { rows: 6 }, { kind: "textarea", hint: t("elections.candidate.statement.hint") }),
    words,
    field(t("elections.candidate.photo"), "photoUrl", { type: "url" }, { hint: t("elections.candidate.photo.hint") }),
    errors, el("button", { type: "submit" }, t("elections.candidate.add")));
  form.elements.statement.addEventListener("input", () => {
    const n = form.elements.statement.value.trim().split(/\s+/).filter(Boolean).length;
    words.textContent = t("elections.candidate.words", { n });
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    try {
      await api(`/api/elections/${e.id}/candidates`, { method: "POST", body: { name: f.name.value, statement: f.statement.value || null, photoUrl: f.photoUrl.value || null } });
      again();
    } catch (error) {
      showErrors(form, errors, error);
    }
  });
  return form;
}

function paperForm(e, again) {
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: true },
    el("p", {}, t("elections.paper.intro")),
    field(t("elections.paper.file"), "file", { type: "file", accept: ".blt,text/plain" }, { hint: t("elections.paper.file.hint") }),
    field(t("elections.paper.register"), "issuedTo", { rows: 3 }, { kind: "textarea", hint: t("elections.paper.register.hint") }),
    errors, el("button", { type: "submit", class: "secondary" }, t("elections.paper.add")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      showErrors(form, errors, { problem: { errors: [{ field: "file", message: t("admin.import.file.missing") }] } });
      return;
    }
    const text = await file.text();
    if (!await confirmStep(form.querySelector("button[type=submit]"), { consequence: t("elections.paper.consequence"), yes: t("elections.paper.yes") })) return;
    try {
      // The marked register: the member each paper was issued to, one per ballot in the file.
      const issuedTo = form.elements.issuedTo.value.split(/[\s,;]+/).filter((v) => v !== "").map(Number);
      await api(`/api/elections/${e.id}/paper-ballots`, { method: "POST", body: { issuedTo, blt: text } });
      again();
    } catch (error) {
      showErrors(form, errors, error);
    }
  });
  return form;
}
