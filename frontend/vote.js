// A member's votes: open contests, the ballot with a review step, the receipt (kept on this device),
// results in plain words with the count as a chart, and the receipt check on the bulletin board.
import { api, download } from "/api.js";
import { el, problem } from "/dom.js";
import { date, dateTime, number, percent, t } from "/i18n.js";
import { link, page } from "/router.js";
import { countChart, countSheet, plainNumber } from "/count.js";
import { ballotsFile, contentsWithheld, sealPanel, withheldNote } from "/seal.js";

const RECEIPTS = "mutualvote.receipts";
const ballotKinds = new Map();

/**
 * Other kinds of contest put their ballot on the member's vote page:
 *   ballotKind("motion", async ({ main, contest, done }) => { ...; done(receipt) })
 * `done(receipt)` shows the receipt ({contestId, tracker, shortCode}) and keeps it on the device.
 */
export function ballotKind(kind, render) {
  ballotKinds.set(kind, render);
}

page({ path: "/member/votes", title: "vote.open.title", nav: "vote.nav.open", order: 10, render: renderOpen });
page({ path: "/member/votes/:id", title: "vote.ballot.title", render: renderBallotPage });
page({ path: "/member/results", title: "vote.results.title", nav: "vote.nav.results", order: 20, render: renderResultsList });
page({ path: "/member/results/:id", title: "vote.result.title", render: renderResult });
page({ path: "/member/receipts", title: "vote.receipts.title", nav: "vote.nav.receipts", order: 25, render: renderReceipts });

async function renderOpen({ main, me }) {
  if (me.member?.status !== "active") {
    main.append(el("p", {}, t("vote.open.notActive")), el("p", {}, link("/member", t("membership.title"))));
    return;
  }
  const contests = await api("/api/contests/mine");
  if (contests.length === 0) {
    main.append(el("p", {}, t("vote.open.none")));
    return;
  }
  main.append(el("ul", { class: "cards" }, contests.map((c) => el("li", { class: "card", "data-contest": c.id },
    el("h2", {}, c.title),
    c.votingCloseAt ? el("p", { class: "muted" }, t("vote.closes", { when: dateTime(c.votingCloseAt) })) : null,
    c.voted
      ? el("p", { class: "voted" }, t("vote.voted"), " ", link("/member/receipts", t("vote.receipts.title")))
      : el("p", {}, link(`/member/votes/${c.id}`, t("vote.vote", { title: c.title }), { class: "button" }))))));
}

async function renderBallotPage(ctx) {
  const { main, params, setTitle } = ctx;
  const id = Number(params.id);
  const contest = (await api("/api/contests/mine")).find((c) => c.id === id);
  if (!contest) {
    main.append(el("p", {}, t("vote.ballot.notOpen")), el("p", {}, link("/member/votes", t("vote.open.title"))));
    return;
  }
  setTitle(contest.title);
  const done = (receipt) => showReceipt(main, { ...receipt, kind: contest.kind, title: contest.title, castAt: new Date().toISOString() }, true);
  if (contest.voted) {
    main.append(el("p", { class: "voted" }, t("vote.voted")));
    const kept = receipts().find((r) => r.contestId === id);
    if (kept) showReceipt(main, kept, false);
    return;
  }
  if (contest.kind !== "election") {
    const render = ballotKinds.get(contest.kind);
    if (render) await render({ ...ctx, contest, done });
    else main.append(el("p", {}, t("vote.ballot.unknownKind")));
    return;
  }
  const election = await api(`/api/elections/${id}`);
  main.append(electionBallot(election, done));
}

/** The election ballot: pick (and for ranked methods, order) candidates, review, cast. */
function electionBallot(election, done) {
  const standing = election.candidates.filter((c) => !c.withdrawn);
  const ranked = election.method !== "fptp";
  const limit = ranked ? standing.length : election.seats;
  const chosen = [];
  const form = el("form", { class: "ballot", novalidate: true });
  const live = el("p", { class: "sr-only", "aria-live": "polite" });
  const rankingList = el("ol", { class: "ranking", id: "ranking" });
  const candidateList = el("ul", { class: "candidates", "aria-label": t("vote.ballot.candidates") });
  const review = el("button", { type: "submit", class: "big" }, t("vote.ballot.review"));
  const rankingEmpty = el("p", { class: "muted" }, ranked ? t("vote.ballot.rankingEmpty") : t("vote.ballot.choicesEmpty"));

  const say = (text) => { live.textContent = text; };

  function redraw(focus) {
    rankingEmpty.hidden = chosen.length > 0;
    rankingList.replaceChildren(...chosen.map((c, i) => el("li", { class: "chosen", "data-id": c.id },
      el("span", { class: "rank", "aria-hidden": "true" }, ranked ? String(i + 1) : "✔"),
      el("span", { class: "name" }, c.name),
      el("span", { class: "moves" },
        ranked ? el("button", { type: "button", class: "icon", "data-act": "up", disabled: i === 0,
          "aria-label": t("vote.ballot.up", { name: c.name }), onclick: () => move(i, -1) }, "↑") : null,
        ranked ? el("button", { type: "button", class: "icon", "data-act": "down", disabled: i === chosen.length - 1,
          "aria-label": t("vote.ballot.down", { name: c.name }), onclick: () => move(i, 1) }, "↓") : null,
        el("button", { type: "button", class: "icon", "data-act": "remove", "aria-label": t("vote.ballot.remove", { name: c.name }),
          onclick: () => remove(i) }, "✕")))));
    for (const item of candidateList.children) {
      const id = Number(item.dataset.id);
      const at = chosen.findIndex((c) => c.id === id);
      const button = item.querySelector("button.choose");
      item.classList.toggle("is-chosen", at >= 0);
      const name = item.dataset.name;
      if (at >= 0) {
        button.textContent = ranked ? t("vote.ballot.chosenRank", { n: at + 1 }) : t("vote.ballot.chosen");
        button.setAttribute("aria-label", ranked ? t("vote.ballot.chosenRank.label", { name, n: at + 1 }) : t("vote.ballot.chosen.label", { name }));
        button.setAttribute("aria-pressed", "true");
        button.disabled = false;
      } else {
        button.textContent = ranked ? t("vote.ballot.addRank", { n: chosen.length + 1 }) : t("vote.ballot.choose");
        button.setAttribute("aria-label", ranked ? t("vote.ballot.addRank.label", { name, n: chosen.length + 1 }) : t("vote.ballot.choose.label", { name }));
        button.setAttribute("aria-pressed", "false");
        button.disabled = chosen.length >= limit;
      }
    }
    review.disabled = false;
    if (focus) form.querySelector(focus)?.focus();
  }

  function add(candidate) {
    const at = chosen.findIndex((c) => c.id === candidate.id);
    if (at >= 0) { remove(at, `[data-id="${candidate.id}"] button.choose`); return; }
    if (chosen.length >= limit) return;
    chosen.push(candidate);
    say(ranked ? t("vote.ballot.said.added", { name: candidate.name, n: chosen.length }) : t("vote.ballot.said.chosen", { name: candidate.name }));
    redraw(`[data-id="${candidate.id}"] button.choose`);
  }
  function remove(i, focus) {
    const [gone] = chosen.splice(i, 1);
    say(t("vote.ballot.said.removed", { name: gone.name }));
    redraw(focus || (chosen[i] ? `#ranking li[data-id="${chosen[i].id}"] [data-act=remove]` : `[data-id="${gone.id}"] button.choose`));
  }
  function move(i, by) {
    const [c] = chosen.splice(i, 1);
    chosen.splice(i + by, 0, c);
    say(t("vote.ballot.said.moved", { name: c.name, n: i + by + 1 }));
    const act = by < 0 ? (i + by === 0 ? "down" : "up") : (i + by === chosen.length - 1 ? "up" : "down");
    redraw(`#ranking li[data-id="${c.id}"] [data-act=${act}]`);
  }

  for (const c of standing) {
    candidateList.append(el("li", { class: "candidate", "data-id": c.id, "data-name": c.name },
      el("div", { class: "who" }, el("h3", {}, c.name),
        c.statement ? el("details", {}, el("summary", {}, t("vote.ballot.statement", { name: c.name })), el("p", { class: "statement" }, c.statement)) : null),
      el("button", { type: "button", class: "choose", onclick: () => add(c) })));
  }

  const errorArea = el("div");
  form.append(
    el("p", { class: "seats" }, t("vote.ballot.seats", { n: election.seats })),
    el("p", {}, ranked ? t("vote.ballot.howRanked") : t("vote.ballot.howChoose", { n: election.seats })),
    candidateList,
    el("h2", {}, ranked ? t("vote.ballot.yourRanking") : t("vote.ballot.yourChoices")),
    rankingEmpty, rankingList, live, errorArea,
    review);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (chosen.length === 0) {
      errorArea.replaceChildren(el("p", { class: "error", role: "alert", tabindex: "-1" }, t("vote.ballot.nothingChosen")));
      errorArea.firstChild.focus();
      return;
    }
    errorArea.replaceChildren();
    showReview();
  });

  function showReview() {
    const heading = el("h2", { tabindex: "-1" }, t("vote.review.title"));
    const sentence = chosen.map((c, i) => (ranked ? `${i + 1} ${c.name}` : c.name)).join(", ");
    const status = el("div", { "aria-live": "polite" });
    const cast = el("button", { type: "button", class: "big" }, t("vote.review.cast"));
    const change = el("button", { type: "button", class: "secondary" }, t("vote.review.change"));
    const panel = el("section", { class: "review card", id: "review" }, heading,
      el("p", { class: "you-vote" }, t("vote.review.sentence", { choices: sentence, n: election.seats })),
      el("ol", { class: "review-list" }, chosen.map((c) => el("li", {}, c.name))),
      el("p", {}, t("vote.review.final")),
      el("p", { class: "actions" }, cast, " ", change), status);
    form.hidden = true;
    form.after(panel);
    heading.focus();
    change.addEventListener("click", () => { panel.remove(); form.hidden = false; review.focus(); });
    cast.addEventListener("click", async () => {
      cast.disabled = true;
      change.disabled = true;
      status.replaceChildren(el("p", {}, t("vote.review.sending")));
      try {
        const receipt = await api(`/api/contests/${election.id}/ballots`, { method: "POST", body: { choices: chosen.map((c) => c.id) } });
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

  redraw();
  return el("div", {}, form);
}

export function receipts() {
  try {
    return JSON.parse(localStorage.getItem(RECEIPTS) || "[]");
  } catch {
    return [];
  }
}

function keep(receipt) {
  const all = receipts().filter((r) => r.contestId !== receipt.contestId);
  all.unshift({ contestId: receipt.contestId, kind: receipt.kind, title: receipt.title, tracker: receipt.tracker, shortCode: receipt.shortCode,
    castAt: receipt.castAt });
  localStorage.setItem(RECEIPTS, JSON.stringify(all));
}

function receiptText(r) {
  return [t("receipt.file.title", { title: r.title }), `${t("receipt.short")}: ${r.shortCode}`, `${t("receipt.tracker")}: ${r.tracker}`,
    `${t("receipt.cast")}: ${dateTime(r.castAt)}`, "", t("receipt.file.how")].join("\n");
}

/** The receipt: announced and focused after casting; copy, print, save; kept on this device. */
/** Where a kept receipt is checked: each kind of contest has its own result page (receipts kept before kinds were stored are elections). */
function resultPath(receipt) {
  const pages = { motion: "/member/motions/", surplus: "/member/surplus/" };
  return (pages[receipt.kind] || "/member/results/") + receipt.contestId;
}

function showReceipt(main, receipt, fresh) {
  if (fresh) keep(receipt);
  const status = el("p", { "aria-live": "polite", class: "muted" });
  const heading = el("h2", { tabindex: "-1" }, fresh ? t("receipt.fresh") : t("receipt.title"));
  const box = el("section", { class: "receipt card", id: "receipt", "aria-labelledby": "receipt-heading" },
    heading,
    el("p", {}, t("receipt.intro")),
    el("p", { class: "code", id: "receipt-code" }, receipt.shortCode),
    el("details", {}, el("summary", {}, t("receipt.tracker")), el("p", {}, el("code", { class: "tracker" }, receipt.tracker))),
    el("p", { class: "muted" }, t("receipt.kept")),
    el("p", { class: "actions no-print" },
      el("button", { type: "button", class: "secondary", onclick: async () => {
        try {
          await navigator.clipboard.writeText(receiptText(receipt));
          status.textContent = t("receipt.copied");
        } catch {
          status.textContent = t("receipt.copyFailed");
        }
      } }, t("receipt.copy")), " ",
      el("button", { type: "button", class: "secondary", onclick: () => window.print() }, t("receipt.print")), " ",
      el("button", { type: "button", class: "secondary", onclick: () => download(`receipt-${receipt.contestId}.txt`, receiptText(receipt)) },
        t("receipt.save"))),
    status,
    el("p", {}, t("receipt.how"), " ", link(resultPath(receipt), t("receipt.checkLater"))));
  heading.id = "receipt-heading";
  main.append(box);
  if (fresh) heading.focus();
}

async function renderReceipts({ main }) {
  const kept = receipts();
  main.append(el("p", {}, t("vote.receipts.intro")));
  if (kept.length === 0) {
    main.append(el("p", {}, t("vote.receipts.none")));
    return;
  }
  main.append(el("ul", { class: "cards" }, kept.map((r) => el("li", { class: "card" },
    el("h2", {}, r.title),
    el("p", { class: "code" }, r.shortCode),
    el("p", { class: "muted" }, t("receipt.castOn", { when: dateTime(r.castAt) })),
    el("p", {}, link(resultPath(r), t("vote.receipts.check", { title: r.title })))))));
}

async function renderResultsList({ main }) {
  const elections = (await api("/api/elections")).filter((e) => ["closed", "counted", "published"].includes(e.state));
  if (elections.length === 0) {
    main.append(el("p", {}, t("vote.results.none")));
    return;
  }
  main.append(el("ul", { class: "cards" }, elections.map((e) => el("li", { class: "card", "data-election": e.id },
    el("h2", {}, link(`/member/results/${e.id}`, e.title)),
    el("p", { class: "muted" }, e.state === "published" ? t("vote.results.published") : t("vote.results.waiting"))))));
}

/** One election's result for members: who was elected, turnout, the chart, the count sheet, the receipt check. */
export async function renderResult({ main, params, setTitle }) {
  const id = Number(params.id);
  const election = await api(`/api/elections/${id}`);
  setTitle(election.title);
  let withheld = false;
  if (election.state === "published" || election.state === "counted") {
    try {
      const result = await api(`/api/elections/${id}/result`);
      withheld = result.contentsWithheld;
      main.append(resultSummary(result, election));
    } catch (error) {
      main.append(problem(error));
    }
  } else {
    main.append(el("p", {}, ["closed"].includes(election.state) ? t("vote.results.waiting") : t("vote.results.notClosed")));
    if (election.state === "closed") withheld = await contentsWithheld(`/api/elections/${id}/bulletin`);
  }
  if (["closed", "counted", "published"].includes(election.state)) {
    main.append(receiptCheck({ contestId: id, lookup: `/api/elections/${id}/bulletin`,
      shows: (ranking) => el("ol", {}, ordinal(ranking, election).map((n) => el("li", {}, n))),
      links: boardLinks("member", id, withheld) }));
  }
}

export function resultSummary(result, election) {
  const report = typeof result.report === "string" ? JSON.parse(result.report) : result.report;
  const section = el("section", { class: "result", id: "result" });
  const ballots = result.onlineBallots + result.paperBallots;
  section.append(
    el("h2", {}, result.elected.length === 1 ? t("result.electedOne") : t("result.elected", { n: result.elected.length })),
    el("ol", { class: "elected" }, result.elected.map((name) => el("li", {}, name))));
  if (result.uncontested) {
    section.append(el("p", {}, t("result.uncontested", { n: election.seats })));
    return section;
  }
  section.append(el("p", {}, result.rollSize
    ? t("result.turnout", { ballots: number(ballots), roll: number(result.rollSize), percent: percent(ballots / result.rollSize) })
    : t("result.ballots", { ballots: number(ballots) })));
  if (result.paperBallots) section.append(el("p", { class: "muted" }, t("result.paper", { online: number(result.onlineBallots), paper: number(result.paperBallots) })));
  if (result.publishedAt) section.append(el("p", { class: "muted" }, t("result.publishedOn", { when: date(result.publishedAt) })));
  if (report?.stages?.length) {
    section.append(el("p", {}, t(`result.how.${election.method}`, { n: election.seats, quota: plainNumber(report.quota) })));
    if (report.stages.length > 1 || election.method !== "fptp") section.append(countChart(report, election));
    section.append(countSheet(report, result));
  }
  const seal = sealPanel(result);
  if (seal) section.append(seal);
  return section;
}

function ordinal(positions, election) {
  const byPosition = new Map(election.candidates.map((c) => [c.position, c.name]));
  return positions.map((p) => byPosition.get(p) || `#${p}`);
}

/**
 * The check, for every kind of contest: a short code or the full tracker, looked up at `${lookup}/${code}`. A ballot
 * found is shown as it was recorded (shows(values) gives its content: a ranking, answers, a split), or, where the
 * service withholds what ballots say (too few voters), said to be there and counted. links follow the form.
 */
export function receiptCheck({ contestId, lookup, shows, links = null }) {
  const kept = receipts().find((r) => r.contestId === contestId);
  const input = el("input", { id: "tracker-input", name: "tracker", autocomplete: "off", spellcheck: "false",
    value: kept ? kept.shortCode : "", "aria-describedby": "tracker-hint" });
  const answer = el("div", { "aria-live": "polite", id: "check-answer" });
  const form = el("form", { class: "card check", novalidate: true },
    el("h2", {}, t("check.title")),
    el("label", { for: "tracker-input" }, t("check.label")),
    el("p", { class: "hint", id: "tracker-hint" }, t("check.hint")),
    input,
    el("p", {}, el("button", { type: "submit" }, t("check.button"))),
    answer,
    links ? el("p", { class: "muted" }, links) : null);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = input.value.trim();
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "tracker-hint");
    if (!code) {
      answer.replaceChildren(el("p", { class: "field-error", id: "tracker-error" }, t("check.empty")));
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", "tracker-hint tracker-error");
      input.focus();
      return;
    }
    try {
      const ballot = await api(`${lookup}/${encodeURIComponent(code)}`);
      answer.replaceChildren(el("div", { class: "found" },
        el("p", { class: "voted" }, t("check.found")),
        ballot.ranking ? [el("p", {}, t("check.recorded")), shows(ballot.ranking)] : el("p", {}, t("seal.withheldBallot")),
        el("p", { class: "muted" }, t("check.trackerIs", { tracker: ballot.tracker }))));
    } catch (error) {
      const message = error.status === 404 ? t("check.notFound") : error.status === 400 ? t("check.badCode") : null;
      answer.replaceChildren(message ? el("p", { class: "field-error", id: "tracker-error" }, message) : problem(error));
      if (message) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", "tracker-hint tracker-error");
      }
    }
  });
  return form;
}

// Every role reads the board at its own address (the service decides what each may see there).
for (const role of ["member", "board", "admin", "scrutineer"]) page({ path: `/${role}/bulletin/:id`, title: "bulletin.title", render: renderBulletin });

/** An election's bulletin board for this role, and the BLT file to recount unless what the ballots say is withheld. */
export function boardLinks(role, id, withheld) {
  return [link(`/${role}/bulletin/${id}`, t("check.board")), withheld ? null : [" · ", ballotsFile("elections", id, t("check.blt"))]];
}

/** The bulletin board: every counted ballot by tracker (first page). */
export async function renderBulletin({ main, params }) {
  const board = await api(`/api/elections/${params.id}/bulletin?limit=200`);
  const shown = !board.contentsWithheld;
  main.append(el("p", {}, t("bulletin.intro", { title: board.title })),
    shown ? el("p", {}, ballotsFile("elections", params.id, t("check.blt")))
      : withheldNote(),
    sealPanel(board) || "",
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("bulletin.title") }, el("table", { class: "board" },
      el("caption", {}, t("bulletin.caption", { n: board.ballots.length })),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("bulletin.tracker")), el("th", { scope: "col" }, t("bulletin.channel")),
        shown ? el("th", { scope: "col" }, t("bulletin.ranking")) : null)),
      el("tbody", {}, board.ballots.map((b) => el("tr", {},
        el("td", {}, el("code", {}, b.tracker.slice(0, 12).toUpperCase().replace(/(.{4})(?!$)/g, "$1-"))),
        el("td", {}, t(`bulletin.channel.${b.channel}`)),
        shown ? el("td", {}, b.ranking.join(" › ")) : null))))));
  if (board.next) main.append(el("p", { class: "muted" }, t("bulletin.more")));
}
