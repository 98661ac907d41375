// The returning officer's register: constituencies, members (search, pending, status, erasure), the CSV
// import with its dry run row by row, export, turnout and the audit log. Scrutineers see the same pages
// read-only (their own addresses under /scrutineer), and the board sees turnout.
import { api, download } from "/api.js";
import { checkbox, clearErrors, confirmStep, el, errorBox, facts, field, phraseWords, problem, serverWords, showErrors, stackedTable } from "/dom.js";
import { date, dateTime, number, percent, t } from "/i18n.js";
import { go, link, page } from "/router.js";

const KINDS = ["public", "staff", "patient", "other"];
const STATUSES = ["pending", "active", "lapsed", "removed"];

page({ path: "/admin/constituencies", title: "admin.constituencies.title", nav: "admin.nav.constituencies", order: 10, render: constituencies });
page({ path: "/admin/constituencies/:id", title: "admin.constituency.title", render: constituency });
page({ path: "/admin/members", title: "admin.members.title", nav: "admin.nav.members", order: 20, render: members });
page({ path: "/admin/members/:id", title: "admin.member.title", render: member });
page({ path: "/admin/import", title: "admin.import.title", nav: "admin.nav.import", order: 30, render: importPage });
page({ path: "/admin/turnout", title: "admin.turnout.title", nav: "admin.nav.turnout", order: 50, render: turnout });
page({ path: "/admin/audit", title: "admin.audit.title", nav: "admin.nav.audit", order: 60, render: audit });
page({ path: "/scrutineer/constituencies", title: "admin.constituencies.title", nav: "admin.nav.constituencies", order: 10, render: constituencies });
page({ path: "/scrutineer/register", title: "admin.counts.title", nav: "admin.nav.counts", order: 20, render: counts });
page({ path: "/scrutineer/turnout", title: "admin.turnout.title", nav: "admin.nav.turnout", order: 50, render: turnout });
page({ path: "/scrutineer/audit", title: "admin.audit.title", nav: "admin.nav.audit", order: 60, render: audit });
page({ path: "/board/turnout", title: "admin.turnout.title", nav: "admin.nav.turnout", order: 50, render: turnout });
page({ path: "/board/register", title: "admin.counts.title", nav: "admin.nav.counts", order: 60, render: counts });

export function table(caption, headings, rows, attrs = {}) {
  return el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": caption },
    el("table", attrs, el("caption", {}, caption),
      el("thead", {}, el("tr", {}, headings.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows)));
}

const list = (text) => (text || "").split(/[,\n]/).map((s) => s.trim()).filter(Boolean);

function constituencyForm(c, onSaved) {
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: true },
    field(t("admin.constituency.name"), "name", { required: true, value: c?.name || "" }),
    field(t("admin.constituency.kind"), "kind", { value: c?.kind || "public" }, { kind: "select", options: KINDS.map((k) => [k, t(`constituency.kind.${k}`)]) }),
    field(t("admin.constituency.seats"), "seats", { type: "number", min: 1, inputmode: "numeric", required: true, value: c?.seats ?? 1 }),
    field(t("admin.constituency.minAge"), "minAge", { type: "number", min: 0, inputmode: "numeric", value: c?.minAge ?? 16 }),
    field(t("admin.constituency.areas"), "areas", { value: (c?.areas || []).join(", ") }, { hint: t("admin.constituency.areas.hint") }),
    field(t("admin.constituency.staffClasses"), "staffClasses", { value: (c?.staffClasses || []).join(", ") }, { hint: t("admin.constituency.staffClasses.hint") }),
    checkbox(t("admin.constituency.review"), "reviewApplications", { checked: c?.reviewApplications || false }),
    errors,
    el("button", { type: "submit" }, c ? t("action.save") : t("admin.constituency.create")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const f = form.elements;
    const body = { name: f.name.value, kind: f.kind.value, seats: f.seats.value === "" ? null : Number(f.seats.value),
      minAge: f.minAge.value === "" ? null : Number(f.minAge.value), areas: list(f.areas.value), staffClasses: list(f.staffClasses.value),
      reviewApplications: f.reviewApplications.checked };
    try {
      const saved = await api(c ? `/api/constituencies/${c.id}` : "/api/constituencies", { method: c ? "PUT" : "POST", body });
      onSaved(saved);
    } catch (error) {
      showErrors(form, errors, error);
    }
  });
  return form;
}

async function constituencies({ main, role }) {
  const all = await api("/api/constituencies?includeRetired=true");
  const admin = role === "admin";
  if (all.length === 0) main.append(el("p", {}, t("admin.constituencies.none")));
  else main.append(table(t("admin.constituencies.caption", { n: all.length }),
    [t("admin.constituency.name"), t("admin.constituency.kind"), t("admin.constituency.seats"), t("admin.constituency.rules"), t("admin.constituency.state")],
    all.map((c) => el("tr", {},
      el("td", {}, admin ? link(`/admin/constituencies/${c.id}`, c.name) : c.name),
      el("td", {}, t(`constituency.kind.${c.kind}`)),
      el("td", {}, number(c.seats)),
      el("td", {}, [t("admin.constituency.minAgeIs", { n: c.minAge }), ...c.areas, ...c.staffClasses].join(" · ")),
      el("td", {}, c.retired ? t("admin.constituency.retired") : t("admin.constituency.inUse"))))));
  if (admin) {
    main.append(el("h2", {}, t("admin.constituency.new")),
      constituencyForm(null, (saved) => go(`/admin/constituencies/${saved.id}`)));
  }
}

async function constituency({ main, params, setTitle }) {
  const c = await api(`/api/constituencies/${params.id}`);
  setTitle(c.name);
  const saved = el("p", { "aria-live": "polite", class: "ok" });
  main.append(saved, constituencyForm(c, () => { saved.textContent = t("admin.saved"); }));
  if (!c.retired) {
    const errors = el("div");
    const retire = el("button", { type: "button", class: "danger", onclick: async () => {
      if (!await confirmStep(retire, { consequence: t("admin.constituency.retire.consequence", { name: c.name }), yes: t("admin.constituency.retire.yes"), danger: true })) return;
      try {
        await api(`/api/constituencies/${c.id}/retire`, { method: "POST" });
        go("/admin/constituencies");
      } catch (error) {
        errors.replaceChildren(problem(error));
      }
    } }, t("admin.constituency.retire"));
    main.append(el("h2", {}, t("admin.constituency.retire")), errors, el("p", {}, retire));
  }
}

async function members({ main, query }) {
  const options = [["", t("admin.members.anyStatus")], ...STATUSES.map((s) => [s, t(`member.status.${s}`)])];
  const cs = await api("/api/constituencies?includeRetired=true");
  const form = el("form", { class: "card search", role: "search" },
    field(t("admin.members.name"), "name", { value: query.name || "", type: "search" }),
    field(t("admin.members.email"), "email", { value: query.email || "", type: "search" }),
    field(t("admin.members.status"), "status", { value: query.status || "" }, { kind: "select", options }),
    field(t("admin.members.constituency"), "constituencyId", { value: query.constituencyId || "" },
      { kind: "select", options: [["", t("admin.members.anyConstituency")], ...cs.map((c) => [String(c.id), c.name])] }),
    el("p", { class: "actions" }, el("button", { type: "submit" }, t("action.search")), " ",
      link("/admin/members?status=pending", t("admin.members.pending"), { class: "button secondary" }), " ",
      el("a", { class: "button secondary", href: "/api/members/export", download: "members.csv" }, t("admin.members.export"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams([...new FormData(form).entries()].filter(([, v]) => v));
    go(`/admin/members${q.toString() ? `?${q}` : ""}`);
  });
  main.append(form);
  const q = new URLSearchParams({ size: "50", ...query });
  const found = await api(`/api/members?${q}`);
  main.append(table(t("admin.members.found", { n: found.total }),
    [t("admin.members.name"), t("admin.members.email"), t("admin.members.constituency"), t("admin.members.status"), t("admin.members.joined")],
    found.items.map((m) => el("tr", {},
      el("td", {}, link(`/admin/members/${m.id}`, m.erased ? t("admin.member.erased") : m.name)),
      el("td", {}, m.email || "—"), el("td", {}, m.constituencyName),
      el("td", {}, t(`member.status.${m.status}`)), el("td", {}, date(m.joinedOn))))));
}

async function member({ main, params, setTitle }) {
  const m = await api(`/api/members/${params.id}`);
  setTitle(m.erased ? t("admin.member.erased") : m.name);
  const errors = el("div");
  main.append(facts([
    [t("membership.email"), m.email], [t("membership.dateOfBirth"), date(m.dateOfBirth)], [t("membership.postcode"), m.postcode],
    [t("membership.staffClass"), m.staffClass], [t("membership.constituency"), m.constituencyName],
    [t("admin.members.status"), t(`member.status.${m.status}`)], [t("admin.members.joined"), date(m.joinedOn)],
    [t("admin.member.externalId"), m.externalId], [t("admin.member.linked"), m.linked ? t("admin.yes") : t("admin.no")],
  ]), errors);
  const reload = () => go(`/admin/members/${m.id}?at=${Date.now()}`);
  if (m.status === "pending") {
    const approve = el("button", { type: "button", onclick: async () => {
      if (!await confirmStep(approve, { consequence: t("admin.member.approve.consequence"), yes: t("admin.member.approve.yes") })) return;
      try { await api(`/api/members/${m.id}/approve`, { method: "POST" }); reload(); } catch (error) { errors.replaceChildren(problem(error)); }
    } }, t("admin.member.approve"));
    const rejectBox = errorBox();
    const reject = el("form", { class: "card", novalidate: true },
      el("h2", {}, t("admin.member.reject")),
      field(t("admin.member.reason"), "reason", { required: true }, { kind: "textarea", hint: t("admin.member.reason.hint") }),
      rejectBox, el("button", { type: "submit", class: "danger" }, t("admin.member.reject")));
    reject.addEventListener("submit", async (event) => {
      event.preventDefault();
      try { await api(`/api/members/${m.id}/reject`, { method: "POST", body: { reason: reject.elements.reason.value } }); reload(); }
      catch (error) { showErrors(reject, rejectBox, error); }
    });
    main.append(el("h2", {}, t("admin.member.review")), el("p", {}, approve), reject);
  }
  if (!m.erased) {
    const box = errorBox();
    const change = el("form", { class: "card", novalidate: true },
      el("h2", {}, t("admin.member.status")),
      field(t("admin.members.status"), "status", { value: m.status }, { kind: "select", options: STATUSES.map((s) => [s, t(`member.status.${s}`)]) }),
      field(t("admin.member.reason"), "reason", { required: true }, { kind: "textarea", hint: t("admin.member.reason.hint") }),
      box, el("button", { type: "submit" }, t("admin.member.status.save")));
    change.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api(`/api/members/${m.id}/status`, { method: "PUT", body: { status: change.elements.status.value, reason: change.elements.reason.value } });
        reload();
      } catch (error) { showErrors(change, box, error); }
    });
    const erase = el("button", { type: "button", class: "danger", onclick: async () => {
      if (!await confirmStep(erase, { consequence: t("admin.member.erase.consequence"), yes: t("admin.member.erase.yes"), danger: true })) return;
      try { await api(`/api/members/${m.id}`, { method: "DELETE" }); reload(); } catch (error) { errors.replaceChildren(problem(error)); }
    } }, t("admin.member.erase"));
    main.append(change, el("h2", {}, t("admin.member.erase")), el("p", {}, t("admin.member.erase.help")), el("p", {}, erase));
  }
}

/** A row's reasons in the reader's words, one after another. */
function reasonWords(reasons) {
  return el("span", {}, reasons.flatMap((r, i) => [i ? "; " : null, phraseWords(r)].filter(Boolean)));
}

/** The import: choose a file, see what each row would do, then import for real. Nothing is written before the second step. */
async function importPage({ main }) {
  const box = errorBox();
  const file = field(t("admin.import.file"), "file", { type: "file", accept: ".csv,text/csv" }, { hint: t("admin.import.file.hint") });
  const form = el("form", { class: "card", novalidate: true }, file, box, el("button", { type: "submit" }, t("admin.import.dryRun")));
  const report = el("section", { id: "import-report", "aria-live": "polite" });
  main.append(el("p", {}, t("admin.import.intro")), form, report,
    el("h2", {}, t("admin.export.title")), el("p", {}, el("a", { href: "/api/members/export", download: "members.csv" }, t("admin.members.export"))));
  let csv = null;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = form.elements.file.files[0];
    if (!chosen) {
      showErrors(form, box, { problem: { errors: [{ field: "file", message: t("admin.import.file.missing") }] } });
      return;
    }
    csv = await chosen.text();
    try {
      const dry = await api("/api/members/import?dryRun=true", { method: "POST", body: csv, type: "text/csv" });
      showReport(dry);
    } catch (error) {
      showErrors(form, box, error);
    }
  });

  function showReport(r) {
    const heading = el("h2", { tabindex: "-1" }, t("admin.import.report"));
    report.replaceChildren(heading,
      el("p", {}, t("admin.import.summary", { rows: number(r.rows), created: number(r.created), updated: number(r.updated), rejected: number(r.rejected) })),
      stackedTable(t("admin.import.rows"), [t("admin.import.row"), t("admin.import.action"), t("admin.members.email"), t("admin.members.constituency"), t("admin.import.reason")],
        (r.results || []).map((row) => ({ refused: row.action === "reject",
          cells: [number(row.row), t(`admin.import.action.${row.action}`), row.email || "—", row.constituency || "—", row.reasons?.length ? reasonWords(row.reasons) : row.reason ? serverWords(row.reason) : row.warningPhrase ? phraseWords(row.warningPhrase) : "—"] }))));
    if (r.rejected > 0) {
      report.append(el("p", { class: "error" }, t("admin.import.fixFirst", { n: r.rejected })));
    } else {
      const real = el("button", { type: "button", onclick: async () => {
        if (!await confirmStep(real, { consequence: t("admin.import.consequence", { created: number(r.created), updated: number(r.updated) }), yes: t("admin.import.yes") })) return;
        try {
          const done = await api("/api/members/import?dryRun=false", { method: "POST", body: csv, type: "text/csv" });
          const h = el("h2", { tabindex: "-1" }, t("admin.import.done"));
          report.replaceChildren(h, el("p", { class: "ok" }, t("admin.import.doneText", { created: number(done.created), updated: number(done.updated) })),
            el("p", {}, link("/admin/members", t("admin.members.title"))));
          h.focus();
        } catch (error) {
          report.append(problem(error));
        }
      } }, t("admin.import.real", { n: number(r.created + r.updated) }));
      report.append(el("p", {}, real));
    }
    heading.focus();
  }
}

async function counts({ main }) {
  const c = await api("/api/members/counts");
  main.append(el("p", {}, t("admin.counts.total", { n: number(c.total) })),
    table(t("admin.counts.caption"), [t("admin.members.constituency"), t("admin.members.status"), t("admin.counts.count")],
      c.rows.map((r) => el("tr", {}, el("td", {}, r.constituency), el("td", {}, t(`member.status.${r.status}`)), el("td", {}, number(r.count))))));
}

/** Turnout of every contest, refreshed while the page is open. */
async function turnout({ main }) {
  const body = el("div");
  const when = el("p", { class: "muted" });
  main.append(el("p", {}, t("admin.turnout.intro")), when, body);
  async function refresh() {
    if (!body.isConnected) return;
    try {
      const rows = await api("/api/contests/turnout");
      body.replaceChildren(rows.length === 0 ? el("p", {}, t("admin.turnout.none")) : table(t("admin.turnout.caption"),
        [t("admin.turnout.contest"), t("admin.members.constituency"), t("admin.turnout.state"), t("admin.turnout.voted"), t("admin.turnout.share")],
        rows.map((r) => el("tr", {}, el("td", {}, r.title), el("td", {}, r.constituencyName), el("td", {}, t(`state.${r.state}`)),
          el("td", {}, t("admin.turnout.of", { voted: number(r.voted), roll: number(r.rollSize) })),
          el("td", {}, r.rollSize ? percent(r.voted / r.rollSize) : "—")))));
      when.textContent = t("admin.turnout.updated", { when: dateTime(new Date().toISOString()) });
      setTimeout(refresh, 15000);
    } catch (error) {
      body.replaceChildren(problem(error));
    }
  }
  await refresh();
}

/**
 * A head kept from a result or a board (or a file from GET /api/audit/head), checked: signed by this service, and
 * still in the log. The public key beside it lets a scrutineer check the signature without the service.
 */
function keptHeadCheck() {
  const box = errorBox();
  const answer = el("div", { "aria-live": "polite" });
  const form = el("form", { class: "card", novalidate: true },
    el("h2", {}, t("admin.audit.kept.title")),
    field(t("admin.audit.kept.field"), "head", { required: true, rows: 4, spellcheck: "false" },
      { kind: "textarea", hint: t("admin.audit.kept.hint") }),
    box, el("button", { type: "submit" }, t("admin.audit.kept.check")), answer,
    el("p", { class: "actions" },
      el("a", { href: "/api/audit/head" }, t("admin.audit.kept.download")), " ",
      el("a", { href: "/api/audit/public-key", download: "mutualvote-audit-key.pem" }, t("admin.audit.kept.publicKey"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    answer.replaceChildren();
    let head;
    try {
      head = JSON.parse(form.elements.head.value);
    } catch {
      head = null;
    }
    if (head === null || typeof head !== "object" || Array.isArray(head)) {
      box.replaceChildren(el("p", {}, t("admin.audit.kept.notJson")));
      box.hidden = false;
      form.elements.head.focus();
      return;
    }
    try {
      const r = await api("/api/audit/verify", { method: "POST", body: head });
      answer.replaceChildren(el("p", { class: r.intact ? "ok" : "bad" }, r.intact ? t("admin.audit.kept.intact", { seq: String(head.seq) })
        : t("admin.audit.broken", { seq: r.firstBrokenSeq, problem: r.problem })));
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}

/** The audit log, newest first, and the chain verification. */
async function audit({ main, query }) {
  const verify = el("section", { class: "card", id: "audit-verify", "aria-live": "polite" });
  const check = async () => {
    verify.replaceChildren(el("p", {}, t("admin.audit.checking")));
    try {
      const r = await api("/api/audit/verify");
      verify.replaceChildren(
        el("p", { class: r.intact ? "ok" : "bad" }, r.intact ? t("admin.audit.intact", { n: number(r.entriesChecked) })
          : t("admin.audit.broken", { seq: r.firstBrokenSeq, problem: r.problem })),
        el("p", { class: "muted" }, t("admin.audit.head"), " ", el("code", { class: "tracker" }, r.headHash || "—")),
        el("button", { type: "button", class: "secondary", onclick: check }, t("admin.audit.verify")));
    } catch (error) {
      verify.replaceChildren(problem(error));
    }
  };
  main.append(verify, keptHeadCheck());
  await check();
  const pageNo = Number(query.page || 0);
  const p = await api(`/api/audit?page=${pageNo}&size=50`);
  main.append(table(t("admin.audit.caption", { n: number(p.total) }),
    [t("admin.audit.seq"), t("admin.audit.at"), t("admin.audit.actor"), t("admin.audit.action"), t("admin.audit.subject"), t("admin.audit.details")],
    p.items.map((e) => el("tr", {}, el("td", {}, String(e.seq)), el("td", { class: "nowrap" }, dateTime(e.at)), el("td", {}, e.actor), el("td", {}, e.action),
      el("td", {}, e.subject), el("td", {}, el("code", {}, typeof e.details === "string" ? e.details : JSON.stringify(e.details)))))));
  const base = location.hash.split("?")[0].slice(1);
  main.append(el("p", { class: "actions" },
    pageNo > 0 ? link(`${base}?page=${pageNo - 1}`, t("admin.audit.newer")) : null, " ",
    (pageNo + 1) * p.size < p.total ? link(`${base}?page=${pageNo + 1}`, t("admin.audit.older")) : null));
}
