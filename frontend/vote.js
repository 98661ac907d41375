// Voting: the contests open to the member, a ballot for each, the receipt, and the bulletin board check.
import { api, describe } from "/api.js";
import { el } from "/dom.js";
import { openMotionBallot } from "/motions.js";

export async function renderContests(container) {
  const section = el("section", { id: "contests" }, el("h3", {}, "Open votes"), el("p", {}, "Loading…"));
  container.append(section);
  try {
    const contests = await api("/api/contests/mine");
    section.replaceChildren(el("h3", {}, "Open votes"));
    if (contests.length === 0) section.append(el("p", {}, "There is nothing to vote on at the moment."));
    for (const contest of contests) section.append(contestCard(contest));
  } catch (error) {
    section.replaceChildren(el("h3", {}, "Open votes"), problem(error));
  }
}

function contestCard(contest) {
  const card = el("article", { class: "card", "data-contest": contest.id },
    el("h4", {}, contest.title),
    contest.votingCloseAt ? el("p", { class: "muted" }, `Voting closes ${new Date(contest.votingCloseAt).toLocaleString()}`) : null);
  if (contest.voted) {
    card.append(el("p", { class: "voted" }, "✔ You have voted. Keep your receipt to check your vote on the bulletin board after the close."));
  } else {
    const open = contest.kind === "motion" ? openMotionBallot : openBallot;
    card.append(el("button", { onclick: () => open(contest, card) }, "Vote"));
  }
  return card;
}

async function openBallot(contest, card) {
  let election;
  try {
    election = await api(`/api/elections/${contest.id}`);
  } catch (error) {
    card.append(problem(error));
    return;
  }
  const standing = election.candidates.filter((c) => !c.withdrawn);
  const ranked = election.method !== "fptp";
  const chosen = [];
  const choiceList = el("ol", { class: "choices", "aria-label": "Your choices" });
  const status = el("div", { role: "status" });
  const submit = el("button", { type: "submit", disabled: true }, "Cast my vote");

  const instructions = ranked
    ? `Tap the candidates in order of preference: your first choice first. Rank as many or as few as you like.`
    : `Choose up to ${election.seats} candidate${election.seats === 1 ? "" : "s"}.`;

  function redraw() {
    choiceList.replaceChildren(...chosen.map((c, i) => el("li", {},
      `${c.name} `,
      el("button", { type: "button", class: "secondary small", "aria-label": `Remove ${c.name}`,
        onclick: () => { chosen.splice(i, 1); redraw(); } }, "Remove"))));
    for (const button of candidateButtons) {
      const id = Number(button.dataset.id);
      const full = !ranked && chosen.length >= election.seats;
      button.disabled = chosen.some((c) => c.id === id) || full;
    }
    submit.disabled = chosen.length === 0;
  }

  const candidateButtons = standing.map((c) => el("button", { type: "button", class: "candidate", "data-id": c.id,
    onclick: () => { chosen.push(c); redraw(); } }, c.name));
  const statements = standing.map((c) => el("details", {}, el("summary", {}, c.name), el("p", {}, c.statement || "No statement.")));

  const form = el("form", { class: "ballot", onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.replaceChildren(el("p", {}, "Sending your vote…"));
    try {
      const receipt = await api(`/api/contests/${contest.id}/ballots`, { method: "POST", body: { choices: chosen.map((c) => c.id) } });
      card.replaceChildren(el("h4", {}, contest.title), receiptView(receipt));
    } catch (error) {
      status.replaceChildren(problem(error));
      submit.disabled = false;
    }
  } },
    el("p", {}, instructions),
    el("div", { class: "candidates" }, candidateButtons),
    el("h5", {}, ranked ? "Your ranking" : "Your choices"), choiceList,
    submit, status,
    el("h5", {}, "Candidates' statements"), statements);
  card.replaceChildren(el("h4", {}, contest.title), form);
  redraw();
}

function receiptView(receipt) {
  return el("div", { class: "receipt", id: "receipt" },
    el("p", {}, "✔ Your vote is in. This is your receipt:"),
    el("p", { class: "code" }, receipt.shortCode),
    el("p", { class: "muted" }, "Full tracker: ", el("code", {}, receipt.tracker)),
    el("p", {}, "After voting closes, find this tracker on the bulletin board to check your vote was counted as you cast it. " +
      "Nobody, not even the returning officer, can see who cast it."));
}

export function problem(error) {
  return el("div", { class: "error", role: "alert" }, describe(error).map((line) => el("p", {}, line)));
}

/** Closed and decided elections: the result once published, and a receipt check on the bulletin board. */
export async function renderResults(container) {
  const section = el("section", { id: "results" }, el("h3", {}, "Results and bulletin boards"));
  container.append(section);
  try {
    const elections = (await api("/api/elections")).filter((e) => ["closed", "counted", "published"].includes(e.state));
    if (elections.length === 0) section.append(el("p", {}, "No vote has closed yet."));
    for (const election of elections) section.append(await resultCard(election));
  } catch (error) {
    section.append(problem(error));
  }
}

async function resultCard(election) {
  const card = el("article", { class: "card", "data-election": election.id }, el("h4", {}, election.title));
  if (election.state === "published") {
    try {
      const result = await api(`/api/elections/${election.id}/result`);
      card.append(
        el("p", {}, result.uncontested ? "Elected unopposed:" : `Elected (${result.rule}, seed ${result.seed}):`),
        el("ol", { class: "elected" }, result.elected.map((name) => el("li", {}, name))),
        result.uncontested ? null : el("p", { class: "muted" },
          `${result.onlineBallots} online and ${result.paperBallots} paper ballots from a roll of ${result.rollSize}.`),
        result.uncontested ? null : countSheet(result.report));
    } catch (error) {
      card.append(problem(error));
    }
  } else {
    card.append(el("p", { class: "muted" }, "Voting has closed; the result is not published yet."));
  }
  if (election.rollSize !== null) {
    const input = el("input", { name: "tracker", placeholder: "your full tracker (64 characters)", autocomplete: "off",
      "aria-label": "Tracker from your receipt" });
    const answer = el("div", { role: "status" });
    card.append(el("form", { class: "check", onsubmit: async (event) => {
      event.preventDefault();
      try {
        await api(`/api/elections/${election.id}/bulletin/${encodeURIComponent(input.value.trim())}`);
        answer.replaceChildren(el("p", { class: "voted" }, "✔ This ballot is on the bulletin board and was counted."));
      } catch (error) {
        answer.replaceChildren(problem(error));
      }
    } }, el("label", {}, "Check your receipt"), input, el("button", { type: "submit", class: "secondary" }, "Check"), answer),
    el("p", {}, el("a", { href: `/api/elections/${election.id}/bulletin.blt` }, "Download every ballot (BLT)"),
      " — recount it yourself with the Recount command described in the README."));
  }
  return card;
}

/** The whole count as a scrutineer reads it: a row per candidate, a column per stage. */
function countSheet(report) {
  const stages = report.stages || [];
  const head = el("tr", {}, el("th", { scope: "col" }, "Candidate"),
    stages.map((s) => el("th", { scope: "col", title: s.action }, String(s.stage))));
  const rows = report.candidates.map((name) => el("tr", {}, el("th", { scope: "row" }, name),
    stages.map((s) => {
      const mark = s.elected.includes(name) ? " ✔" : s.excluded.includes(name) ? " ✘" : "";
      return el("td", {}, s.votes[name] + mark);
    })));
  const nonTransferable = el("tr", {}, el("th", { scope: "row" }, "Non-transferable"),
    stages.map((s) => el("td", {}, s.nonTransferable)));
  const steps = el("ol", { class: "stages" }, stages.map((s) => el("li", {},
    s.action, s.note ? el("span", { class: "muted" }, ` (${s.note})`) : null)));
  return el("details", { class: "count-sheet" },
    el("summary", {}, "Full count, stage by stage" + (["irv", "fptp"].includes(report.rule) ? "" : ` (quota ${report.quota})`)),
    el("div", { class: "table-scroll" }, el("table", {}, el("thead", {}, head), el("tbody", {}, rows, nonTransferable))),
    steps);
}
