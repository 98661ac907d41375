// Motions and surplus votes for the people who run and check them. The returning officer (admin) sets a poll's
// timetable and takes it through open, close, count and publish, each step's consequence said before it is taken,
// and sees turnout, the proxies and the result; the board changes a surplus draft and reads it; scrutineers read
// the same pages with no step to take, and recount a result in one click. Members' pages stay in motions.js and
// surplus.js; the board's poll form is /motion-form.js, the surplus draft /surplus-form.js.
import { api } from "/api.js";
import { el, errorBox, facts, field, showErrors } from "/dom.js";
import { dateTime, money, number, t } from "/i18n.js";
import { go, link, page } from "/router.js";
import { table } from "/admin.js";
import { fromLocal, rollFact, toLocal, turnoutLine } from "/elections.js";
import { ballotsFile, contentsWithheld, withheldNote } from "/seal.js";
import { motionText, resultView as motionResult } from "/motions.js";
import { dividendForm, limitsList, resultView as surplusResult } from "/surplus.js";
import { draftForm } from "/surplus-form.js";
import { nextSection, nextSteps, recount } from "/steps.js";

page({ path: "/admin/motions", title: "contests.motions.title", nav: "contests.nav.motions", order: 42, render: motionList });
page({ path: "/admin/motions/:id", title: "motions.poll.title", render: motionPage });
page({ path: "/scrutineer/motions", title: "contests.motions.title", nav: "contests.nav.motions", order: 42, render: motionList });
page({ path: "/scrutineer/motions/:id", title: "motions.poll.title", render: motionPage });
page({ path: "/admin/surplus", title: "surplus.admin.title", nav: "surplus.nav.admin", order: 40, render: surplusList });
page({ path: "/scrutineer/surplus", title: "surplus.admin.title", nav: "surplus.nav.admin", order: 44, render: surplusList });
page({ path: "/scrutineer/surplus/:id", title: "surplus.result.title", render: surplusPage });
page({ path: "/admin/surplus/:id", title: "surplus.result.title", render: surplusPage });
page({ path: "/board/surplus/:id", title: "surplus.result.title", render: surplusPage });

/** Turnout so far, from the officials' turnout list (a poll put to several constituencies is one row). */
async function turnout(id) {
  const rows = (await api("/api/contests/turnout")).filter((r) => r.contestId === id);
  const voted = rows.reduce((a, r) => a + r.voted, 0);
  const roll = rows.reduce((a, r) => a + r.rollSize, 0);
  return turnoutLine(voted, roll);
}

// --- Motions ---

function motionState(poll) {
  if (poll.state === "draft") return t(poll.noticePublishedAt ? "contests.motion.state.notice" : "contests.motion.state.draft");
  return t(`state.${poll.state}`);
}

async function motionList({ main, role }) {
  const polls = await api("/api/motions");
  if (polls.length === 0) {
    main.append(el("p", {}, t("contests.motions.none")));
    return;
  }
  main.append(table(t("contests.motions.caption", { n: polls.length }),
    [t("elections.field.title"), t("contests.motion.putTo"), t("contests.motion.count"), t("elections.state")],
    polls.map((p) => el("tr", { "data-poll": p.id }, el("td", {}, link(`/${role}/motions/${p.id}`, p.title)),
      el("td", {}, p.constituencies.map((c) => c.name).join(", ")), el("td", {}, number(p.motions.length)), el("td", {}, motionState(p))))));
}

async function motionPage({ main, params, role, setTitle }) {
  const id = Number(params.id);
  const poll = await api(`/api/motions/${id}`);
  setTitle(poll.title);
  const admin = role === "admin";
  const again = () => go(`/${role}/motions/${id}`);
  const names = poll.constituencies.map((c) => c.name).join(", ");
  main.append(el("p", { class: "state", id: "poll-state" }, t("elections.stateIs", { state: motionState(poll) })),
    facts([[t("contests.motion.putTo"), names], [t("contests.motion.count"), number(poll.motions.length)],
      [t("contests.motion.noticeAt"), poll.noticePublishedAt ? dateTime(poll.noticePublishedAt) : t("contests.motion.noNotice")],
      [t("elections.time.votingOpenAt"), poll.timetable?.votingOpenAt ? dateTime(poll.timetable.votingOpenAt) : "—"],
      [t("elections.time.votingCloseAt"), poll.timetable?.votingCloseAt ? dateTime(poll.timetable.votingCloseAt) : "—"],
      rollFact(poll.rollSize)]));

  if (admin) main.append(motionSteps(poll, names, again) ?? "");
  if (admin && poll.state === "draft") main.append(motionTimetable(poll, again));
  if (["open", "closed"].includes(poll.state)) main.append(await turnout(id));
  if (["counted", "published"].includes(poll.state)) {
    main.append(el("h2", {}, t("elections.result")), await motionResult(poll),
      recount(`/api/motions/${id}/recount`, t("contests.recount.motion.intro"), (n) => t("contests.recount.matches", { n }),
        (r) => el("ul", {}, r.reasons.map((reason, i) => el("li", {}, `${poll.motions[i]?.title}: ${reason}`)))));
  } else if (poll.state === "closed") {
    main.append(el("p", {}, ballotsFile("motions", id, t("contests.bulletin.download"))));
  }
  if (poll.noticePublishedAt) main.append(await proxies(poll));
  main.append(el("details", { class: "as-given" }, el("summary", {}, t("contests.motion.asGiven", { n: poll.motions.length })),
    poll.motions.map(motionText)));
}

/** The returning officer's next step for a poll, said before it is taken; null once published. */
function motionSteps(poll, names, again) {
  if (poll.state === "draft" && !poll.noticePublishedAt) return nextSection(el("p", {}, t("contests.motion.waitNotice")));
  const what = { draft: "open", open: "close", closed: "count", counted: "publish" }[poll.state];
  if (!what) return null;
  return nextSteps(`/api/motions/${poll.id}`, [{ step: what, label: t(`contests.step.${what}`), yes: t(`contests.step.${what}.yes`),
    consequence: t(`contests.motion.${what}.consequence`, { n: poll.motions.length, names }) }], again);
}

/** Voting's opening and closing times; the service refuses an opening before notice, or a close before the opening. */
function motionTimetable(poll, again) {
  const box = errorBox();
  const saved = el("p", { class: "ok", role: "status" });
  const form = el("form", { class: "card poll-timetable", novalidate: true, "aria-labelledby": "poll-timetable" },
    el("h2", { id: "poll-timetable" }, t("elections.timetable")),
    el("p", { class: "hint" }, t("contests.motion.timetable.hint")),
    field(t("elections.time.votingOpenAt"), "votingOpenAt", { type: "datetime-local", value: toLocal(poll.timetable?.votingOpenAt) }),
    field(t("elections.time.votingCloseAt"), "votingCloseAt", { type: "datetime-local", value: toLocal(poll.timetable?.votingCloseAt) }),
    box, el("p", { class: "actions" }, el("button", { type: "submit", class: "secondary" }, t("contests.motion.timetable.save"))), saved);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    saved.textContent = "";
    const f = form.elements;
    try {
      await api(`/api/motions/${poll.id}/timetable`, { method: "PUT",
        body: { votingOpenAt: fromLocal(f.votingOpenAt.value), votingCloseAt: fromLocal(f.votingCloseAt.value) } });
      again();
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}

/** Every proxy appointment, for the returning officer and scrutineers (counted for quorum). */
async function proxies(poll) {
  const all = await api(`/api/motions/${poll.id}/proxies`);
  const section = el("section", { "aria-labelledby": "proxies" }, el("h2", { id: "proxies" }, t("motions.proxy.title")));
  if (all.length === 0) {
    section.append(el("p", {}, t("contests.proxies.none")));
    return section;
  }
  const standing = (p) => (p.voidReason ? t("contests.proxies.void", { reason: p.voidReason })
    : p.revokedAt ? t("contests.proxies.revoked", { when: dateTime(p.revokedAt) })
      : p.cast ? t("contests.proxies.cast") : t("contests.proxies.standing"));
  section.append(table(t("contests.proxies.caption", { n: all.length }),
    [t("contests.proxies.appointer"), t("contests.proxies.holder"), t("motions.proxy.kind"), t("contests.proxies.appointed"), t("elections.state")],
    all.map((p) => el("tr", { "data-proxy": p.id },
      el("td", {}, t("contests.proxies.member", { name: p.appointerName, number: String(p.appointerMembershipNumber) })),
      el("td", {}, t("contests.proxies.member", { name: p.holderName, number: String(p.holderMembershipNumber) })),
      el("td", {}, t(`motions.proxy.${p.kind}`)), el("td", { class: "nowrap" }, dateTime(p.appointedAt)), el("td", {}, standing(p))))));
  return section;
}

// --- Surplus votes ---

async function surplusList({ main, role }) {
  const votes = await api("/api/surplus");
  if (votes.length === 0) {
    main.append(el("p", {}, t("surplus.admin.none")));
    return;
  }
  main.append(table(t("contests.surplus.caption", { n: votes.length }),
    [t("elections.field.title"), t("surplus.board.constituency"), t("contests.surplus.amount"), t("elections.state")],
    votes.map((v) => el("tr", { "data-surplus": v.id }, el("td", {}, link(`/${role}/surplus/${v.id}`, v.title)), el("td", {}, v.constituencyName),
      el("td", {}, money(v.surplusPence)), el("td", {}, t(`state.${v.state}`))))));
}

async function surplusPage({ main, params, role, setTitle }) {
  const id = Number(params.id);
  const vote = await api(`/api/surplus/${id}`);
  setTitle(vote.title);
  const admin = role === "admin";
  const official = admin || role === "scrutineer";
  const again = () => go(`/${role}/surplus/${id}`);
  main.append(el("p", { class: "state", id: "surplus-state" }, t("elections.stateIs", { state: t(`state.${vote.state}`) })),
    facts([[t("surplus.board.constituency"), vote.constituencyName], [t("contests.surplus.amount"), money(vote.surplusPence)],
      [t("surplus.board.form"), t(`surplus.form.${vote.form}`)],
      vote.form === "split" ? [t("surplus.board.rule"), t(`surplus.rule.${vote.rule}`)] : null,
      rollFact(vote.rollSize)]),
    el("h2", {}, t("contests.surplus.pots")),
    el("ul", { class: "pots-asked" }, vote.pots.map((p) => el("li", {}, `${p.name} (${t(`surplus.kind.${p.kind}`)})`))),
    el("h2", {}, t("contests.surplus.limits")), limitsList(vote.limits) || el("p", { class: "muted" }, t("contests.surplus.noLimits")));
  if (vote.proposals.length) {
    main.append(el("h2", {}, t("contests.surplus.proposals")), el("ol", {}, vote.proposals.map((p) => el("li", {},
      `${p.title}: `, vote.pots.map((pot, i) => `${pot.name} ${p.percents[i]}%`).join(", ")))));
  }
  if (admin) main.append(surplusSteps(vote, again) ?? "");
  if (vote.state === "draft" && role !== "scrutineer") {
    const constituencies = (await api("/api/constituencies")).filter((c) => !c.retired);
    main.append(el("details", { class: "edit" }, el("summary", {}, t("contests.surplus.edit")), draftForm(constituencies, vote, again)));
  }
  if (["open", "closed"].includes(vote.state)) main.append(await turnout(id));
  let withheld = false;
  if (vote.state === "published" || (official && vote.state === "counted")) {
    const result = await api(`/api/surplus/${id}/result`);
    withheld = result.contentsWithheld;
    main.append(surplusResult(result),
      recount(`/api/surplus/${id}/recount`, t("contests.recount.surplus.intro"), (n) => t("contests.recount.matches", { n }),
        (r) => el("div", {}, el("ul", {}, r.pots.map((line) => el("li", {}, line))), el("p", { class: "muted" }, t("contests.recount.seed", { seed: r.seed })))));
  } else {
    if (vote.state === "counted") main.append(el("p", {}, t("contests.surplus.notPublished")));
    if (["closed", "counted"].includes(vote.state)) withheld = await contentsWithheld(`/api/surplus/${id}/bulletin`);
  }
  if (["closed", "counted", "published"].includes(vote.state)) {
    main.append(withheld ? withheldNote()
      : el("p", {}, ballotsFile("surplus", id, t("contests.bulletin.download"))));
  }
  if (admin && vote.state === "published") main.append(dividendForm(vote, await api("/api/constituencies")));
}

/** The returning officer's next step for a surplus vote, said before it is taken; null once published. */
function surplusSteps(vote, again) {
  const what = { draft: "open", open: "close", closed: "count", counted: "publish" }[vote.state];
  if (!what) return null;
  return nextSteps(`/api/surplus/${vote.id}`, [{ step: what, label: t(`contests.step.${what}`), yes: t(`contests.step.${what}.yes`),
    consequence: t(`contests.surplus.${what}.consequence`, { surplus: money(vote.surplusPence), name: vote.constituencyName }) }], again);
}

document.head.append(el("link", { rel: "stylesheet", href: "/contests-admin.css" }));
