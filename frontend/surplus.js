// Surplus-sharing votes: the member's ballot (split the surplus across the pots, or rank the board's
// proposals) with a review step and a receipt; results as a stacked bar of the pots in pounds and pence;
// a member's own dividend and how it was worked out; the board's draft; the returning officer's dividend form, shown
// on each vote's own page (contests-admin.js, which also lists the votes and takes them through their steps).
// Money arrives as whole pence and is only ever formatted here, never computed in floating point.
import { api, download } from "/api.js";
import { checkbox, el, errorBox, facts, field, phraseWords, problem, say, serverWords, showErrors } from "/dom.js";
import { date, has, money, number, percentOf, t } from "/i18n.js";
import { go, link, page } from "/router.js";
import { ballotsFile, contentsWithheld, sealPanel } from "/seal.js";
import { draftForm } from "/surplus-form.js";
import { ballotKind, receiptCheck } from "/vote.js";

page({ path: "/member/surplus", title: "surplus.results.title", nav: "surplus.nav.results", order: 22, render: renderResults });
page({ path: "/member/surplus/:id", title: "surplus.result.title", render: renderResult });
page({ path: "/member/dividends", title: "surplus.dividends.title", nav: "surplus.nav.dividends", order: 30, render: renderDividends });
page({ path: "/board/surplus", title: "surplus.board.title", nav: "surplus.nav.board", order: 30, render: renderBoard });

ballotKind("surplus", async ({ main, contest, done }) => {
  const vote = await api(`/api/surplus/${contest.id}`);
  main.append(vote.form === "split" ? splitBallot(vote, done) : proposalsBallot(vote, done));
});

/** The limits of a vote in words, one per line. */
export function limitsList(limits) {
  const lines = [];
  if (limits.reserveMinimum > 0) lines.push(t("surplus.limit.reserve", { n: limits.reserveMinimum }));
  if (limits.memberDividendMaximum !== null && limits.memberDividendMaximum !== undefined) lines.push(t("surplus.limit.member", { n: limits.memberDividendMaximum }));
  if (limits.dividendsMaximum !== null && limits.dividendsMaximum !== undefined && limits.dividendsMaximum < 100) lines.push(t("surplus.limit.dividends", { n: limits.dividendsMaximum }));
  if (limits.investorsAtMostMembers) lines.push(t("surplus.limit.investors"));
  return lines.length ? el("ul", { class: "limits", id: "limits" }, lines.map((line) => el("li", {}, line))) : null;
}

/** What a share of the surplus comes to, for showing only: the count works in exact fractions. */
function poundsOf(surplusPence, percentage) {
  return money(Math.floor((surplusPence * percentage) / 100));
}

/** The split ballot: a whole-percent field per pot, what is left to share, review, cast. */
function splitBallot(vote, done) {
  const form = el("form", { class: "ballot surplus-split", novalidate: true });
  const box = errorBox();
  const left = el("p", { class: "left", id: "left", "aria-live": "polite" });
  const inputs = vote.pots.map((pot, i) => {
    const wrapper = field(`${pot.name} (${t(`surplus.kind.${pot.kind}`)})`, `percents[${i}]`,
      { type: "number", min: 0, max: 100, step: 1, inputmode: "numeric", placeholder: "0", "data-pot": pot.position });
    const amount = el("p", { class: "muted amount" });
    wrapper.append(amount);
    return { wrapper, input: wrapper.querySelector("input"), amount, pot };
  });
  // A pot left blank gets 0%.
  const values = () => inputs.map(({ input }) => (input.value.trim() === "" ? 0 : Number(input.value)));
  function update() {
    const v = values();
    inputs.forEach(({ amount }, i) => { amount.textContent = Number.isInteger(v[i]) && v[i] >= 0 ? `= ${poundsOf(vote.surplusPence, v[i])}` : ""; });
    const sum = v.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    left.textContent = sum === 100 ? t("surplus.split.allShared") : sum < 100 ? t("surplus.split.left", { n: 100 - sum }) : t("surplus.split.over", { n: sum - 100 });
    left.classList.toggle("over", sum > 100);
  }
  form.addEventListener("input", update);
  const review = el("button", { type: "submit", class: "big" }, t("surplus.split.review"));
  form.append(
    el("p", { class: "lead" }, t("surplus.split.how", { surplus: money(vote.surplusPence) })),
    limitsList(vote.limits), box, ...inputs.map((x) => x.wrapper), left, review);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const v = values();
    const bad = v.findIndex((x) => !Number.isInteger(x) || x < 0);
    const sum = v.reduce((a, b) => a + b, 0);
    if (bad >= 0 || sum !== 100) {
      box.replaceChildren(el("p", {}, bad >= 0 ? t("surplus.split.whole") : t("surplus.split.sum", { n: sum })));
      box.hidden = false;
      box.focus();
      return;
    }
    box.hidden = true;
    const rows = vote.pots.map((pot, i) => el("li", {}, `${pot.name}: ${percentOf(v[i])} (${poundsOf(vote.surplusPence, v[i])})`));
    showReview(form, rows, { percents: v }, vote, done);
  });
  update();
  return form;
}

/** The proposals ballot: a preference for each proposal (1st, 2nd, ...), review, cast. */
function proposalsBallot(vote, done) {
  const form = el("form", { class: "ballot surplus-proposals", novalidate: true });
  const box = errorBox();
  const options = [["", t("surplus.proposals.notRanked")], ...vote.proposals.map((_, i) => [String(i + 1), t("surplus.proposals.rank", { n: i + 1 })])];
  const selects = vote.proposals.map((p) => {
    const wrapper = field(t("surplus.proposals.preference", { title: p.title }), `proposal-${p.number}`, { "data-number": p.number }, { kind: "select", options });
    return el("li", { class: "card proposal" }, el("h3", {}, `${p.number}. ${p.title}`),
      el("ul", {}, vote.pots.map((pot, i) => el("li", {}, `${pot.name}: ${percentOf(p.percents[i])} (${poundsOf(vote.surplusPence, p.percents[i])})`))), wrapper);
  });
  form.append(el("p", { class: "lead" }, t("surplus.proposals.how", { surplus: money(vote.surplusPence) })), box,
    el("ol", { class: "cards" }, selects), el("button", { type: "submit", class: "big" }, t("surplus.split.review")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll("select")].filter((s) => s.value).map((s) => ({ rank: Number(s.value), number: Number(s.dataset.number) }))
      .sort((a, b) => a.rank - b.rank);
    const ranks = chosen.map((c) => c.rank);
    if (chosen.length === 0 || ranks.some((r, i) => r !== i + 1)) {
      box.replaceChildren(el("p", {}, chosen.length === 0 ? t("surplus.proposals.none") : t("surplus.proposals.gaps")));
      box.hidden = false;
      box.focus();
      return;
    }
    box.hidden = true;
    const rows = chosen.map((c) => el("li", {}, vote.proposals[c.number - 1].title));
    showReview(form, rows, { ranking: chosen.map((c) => c.number) }, vote, done);
  });
  return form;
}

/** The review step both forms share: what will be cast, then cast or change. */
function showReview(form, rows, body, vote, done) {
  const heading = el("h2", { tabindex: "-1" }, t("surplus.review.title"));
  const status = el("div", { "aria-live": "polite" });
  const cast = el("button", { type: "button", class: "big", id: "cast" }, t("surplus.review.cast"));
  const change = el("button", { type: "button", class: "secondary" }, t("surplus.review.change"));
  const panel = el("section", { class: "review card", id: "review" }, heading, el("ol", { class: "review-list" }, rows),
    el("p", {}, t("surplus.review.final")), el("p", { class: "actions" }, cast, " ", change), status);
  form.hidden = true;
  form.after(panel);
  heading.focus();
  change.addEventListener("click", () => { panel.remove(); form.hidden = false; });
  cast.addEventListener("click", async () => {
    cast.disabled = true;
    change.disabled = true;
    status.replaceChildren(el("p", {}, t("surplus.review.sending")));
    try {
      const receipt = await api(`/api/surplus/${vote.id}/ballots`, { method: "POST", body });
      panel.remove();
      form.remove();
      done(receipt);
    } catch (error) {
      status.replaceChildren(problem(error));
      cast.disabled = false;
      change.disabled = false;
    }
  });
}

async function renderResults({ main }) {
  const votes = (await api("/api/surplus")).filter((v) => v.state === "published");
  if (votes.length === 0) {
    main.append(el("p", {}, t("surplus.results.none")));
    return;
  }
  main.append(el("ul", { class: "cards" }, votes.map((v) => el("li", { class: "card", "data-surplus": v.id },
    el("h2", {}, link(`/member/surplus/${v.id}`, v.title)), el("p", { class: "muted" }, money(v.surplusPence))))));
}

/** Colours and widths through the CSSOM: the portal's CSP allows no inline style attributes. */
function painted(node, colour, widthPercent) {
  node.style.background = colour;
  if (widthPercent !== undefined) node.style.width = `${widthPercent}%`;
  return node;
}

/** The result: a stacked bar of the pots in pounds and pence, and the same figures as a list. */
export function resultView(result) {
  const colours = ["#1d5fa7", "#2e7d4f", "#b35900", "#7b3f9e", "#a3213a", "#0f7b7b", "#5c5c5c", "#8a6d00"];
  const bar = el("div", { class: "stack", role: "img", id: "stack",
    "aria-label": result.pots.map((p) => `${p.name} ${percentOf(p.sharePercent)} ${money(p.pence)}`).join("; ") },
  result.pots.map((p, i) => painted(el("span", { class: "segment", title: `${p.name}: ${money(p.pence)}` }), colours[i % colours.length], p.sharePercent)));
  const list = el("ul", { class: "pots", id: "pots" }, result.pots.map((p, i) => el("li", { "data-pot": p.position },
    painted(el("span", { class: "swatch", "aria-hidden": "true" }), colours[i % colours.length]),
    el("span", { class: "name" }, p.name), " ", el("strong", { class: "money" }, money(p.pence)), " ",
    el("span", { class: "muted" }, `(${percentOf(p.sharePercent)})`))));
  const section = el("section", { class: "result", id: "result" },
    el("h2", {}, t("surplus.result.heading", { surplus: money(result.surplusPence) })), bar, list,
    el("p", {}, result.form === "proposals"
      ? t("surplus.result.how.proposals", { n: result.winningProposal })
      : t(`surplus.result.how.${result.rule}`)),
    el("p", { class: "muted" }, t("surplus.result.ballots", { n: result.ballots, roll: result.rollSize ?? "—" })),
    el("p", { class: "muted" }, t("surplus.result.seed", { seed: result.seed })));
  const seal = sealPanel(result);
  if (result.limitRepairs?.length) {
    section.append(el("p", {}, t("surplus.result.repaired")), el("ul", {}, (result.limitRepairSteps || result.limitRepairs.map((text) => ({ text }))).map((r) => el("li", {}, phraseWords(r)))));
  }
  if (seal) section.append(seal);
  return section;
}

async function renderResult({ main, params, setTitle }) {
  const id = Number(params.id);
  const vote = await api(`/api/surplus/${id}`);
  setTitle(vote.title);
  let withheld = false;
  try {
    const result = await api(`/api/surplus/${id}/result`);
    withheld = result.contentsWithheld;
    main.append(resultView(result));
  } catch (error) {
    main.append(problem(error));
  }
  if (!["closed", "counted", "published"].includes(vote.state)) return;
  if (vote.state !== "published") withheld = await contentsWithheld(`/api/surplus/${id}/bulletin`);
  // A split holds whole percents in pot order; a ranking holds proposal numbers, favourite first.
  const shows = vote.form === "proposals"
    ? (ranking) => el("ol", {}, ranking.map((n) => el("li", {}, vote.proposals[n - 1]?.title ?? `#${n}`)))
    : (percents) => el("ul", {}, vote.pots.map((p, i) => el("li", {}, `${p.name}: `, el("strong", {}, `${percents[i]}%`))));
  main.append(receiptCheck({ contestId: id, lookup: `/api/surplus/${id}/bulletin`, shows,
    links: withheld ? null : ballotsFile("surplus", id, t("surplus.result.download")) }));
}

async function renderDividends({ main }) {
  const mine = await api("/api/surplus/dividends/mine");
  if (mine.length === 0) {
    main.append(el("p", {}, t("surplus.dividends.none")));
    return;
  }
  main.append(el("ul", { class: "cards", id: "dividends" }, mine.map((d) => el("li", { class: "card dividend", "data-surplus": d.contestId },
    el("h2", {}, `${d.title}: ${d.potName}`),
    el("p", { class: "money big-money" }, money(d.pence)),
    facts([[t("surplus.dividends.basis"), t(`surplus.basis.${d.basis}`)], [t("surplus.dividends.recordDate"), date(d.recordDate)],
      [t("surplus.dividends.pot"), money(d.potPence)], [t("surplus.dividends.seed"), d.seed]]),
    el("details", {}, el("summary", {}, t("surplus.dividends.workings")), el("p", { class: "workings" }, workingsWords(d)))))));
}

/** How a member's share was worked out, sentence by sentence in the reader's words; the server's English when it sent no steps. */
function workingsWords(d) {
  if (!d.workingsSteps?.length) return serverWords(d.workings);
  const amount = (figure) => figureWords(d.basis, figure);
  return d.workingsSteps.map((step) => has(`surplus.workings.${step.code}`)
    ? t(`surplus.workings.${step.code}`, { ...step.params, pot: money(step.params.potPence ?? 0), basis: t(`surplus.workings.basis.${d.basis}`),
      figure: amount(step.params.figure), total: amount(step.params.totalFigure), exact: number(Number(step.params.exactPence), { maximumFractionDigits: 4 }),
      pence: money(step.params.pence ?? 0) })
    : step.text).join(" ");
}

/** A member's figure in its unit: hours from hundredths, money from pence, days, or shares. */
function figureWords(basis, figure) {
  if (figure === undefined) return "";
  if (basis === "pay" || basis === "trade") return money(figure);
  if (basis === "hours") return t("surplus.workings.amount.hours", { n: figure / 100 });
  return t(`surplus.workings.amount.${basis === "membership" ? "days" : "shares"}`, { n: figure });
}

// --- The board drafts a surplus vote ---

async function renderBoard({ main }) {
  const [votes, constituencies] = await Promise.all([api("/api/surplus"), api("/api/constituencies")]);
  main.append(el("ul", { class: "cards" }, votes.map((v) => el("li", { class: "card", "data-surplus": v.id },
    el("h2", {}, link(`/board/surplus/${v.id}`, v.title)), el("p", { class: "muted" }, `${t(`surplus.state.${v.state}`)} · ${money(v.surplusPence)} · ${v.constituencyName}`)))));
  main.append(el("h2", {}, t("surplus.board.draft")), draftForm(constituencies.filter((c) => !c.retired), null, (made) => go(`/board/surplus/${made.id}`)));
}

// --- The returning officer: dividends, on each vote's own page (contests-admin.js) ---

export function dividendForm(vote, constituencies) {
  const box = errorBox();
  const report = el("div", { "aria-live": "polite" });
  const pots = vote.pots.filter((p) => p.kind.endsWith("dividend"));
  if (pots.length === 0) return el("p", { class: "muted" }, t("surplus.admin.noDividendPot"));
  const form = el("form", { class: "dividend", novalidate: true }, el("h3", {}, t("surplus.admin.dividend")), box,
    field(t("surplus.admin.pot"), "pot", {}, { kind: "select", options: pots.map((p) => [String(p.position), p.name]) }),
    field(t("surplus.admin.basis"), "basis", {}, { kind: "select", options: ["equal", "hours", "pay", "membership", "trade"].map((b) => [b, t(`surplus.basis.${b}`)]) }),
    el("fieldset", {}, el("legend", {}, t("surplus.admin.constituencies")),
      constituencies.map((c) => checkbox(c.name, "constituency", { value: String(c.id), checked: c.id === vote.constituencyId }))),
    field(t("surplus.admin.recordDate"), "recordDate", { type: "date", value: new Date().toISOString().slice(0, 10) }),
    field(t("surplus.admin.file"), "file", { type: "file", accept: ".csv,text/csv" }, { hint: t("surplus.admin.fileHint") }),
    el("p", { class: "actions" }, el("button", { type: "submit", value: "dry" }, t("surplus.admin.check")),
      el("button", { type: "submit", value: "real", class: "secondary" }, t("surplus.admin.apply"))), report);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const query = new URLSearchParams({ basis: data.get("basis"), recordDate: data.get("recordDate"), dryRun: String(event.submitter?.value !== "real") });
    for (const c of data.getAll("constituency")) query.append("constituency", c);
    const file = data.get("file");
    const body = file && file.size ? await file.text() : "";
    try {
      const r = await api(`/api/surplus/${vote.id}/dividends/${data.get("pot")}?${query}`, { method: "POST", body, type: "text/csv" });
      report.replaceChildren(facts([[t("surplus.admin.eligible"), String(r.eligible)], [t("surplus.admin.rejected"), String(r.rejected)],
        [t("surplus.admin.total"), money(r.totalPence)], [t("surplus.dividends.seed"), r.seed], [t("surplus.admin.digest"), r.inputsDigest]]),
      el("ul", {}, r.results.filter((x) => x.reason).map((x) => el("li", { class: "error" },
        say("surplus.admin.row", { row: x.row, reason: el("span", {}, (x.reasons || [{ text: x.reason }]).flatMap((p, i) => [i ? "; " : "", phraseWords(p)])) })))),
      r.dryRun ? null : el("button", { type: "button", class: "secondary", onclick: async () =>
        download(`dividend-${vote.id}-pot-${data.get("pot")}.csv`, await api(`/api/surplus/${vote.id}/dividends/${data.get("pot")}/payroll.csv`, { as: "text" }), "text/csv") },
      t("surplus.admin.payroll")));
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}
