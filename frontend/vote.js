// Voting: the contests open to the member, a ballot for each, the receipt, and the bulletin board check.
import { api, describe } from "/api.js";
import { el } from "/dom.js";

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
    card.append(el("button", { onclick: () => openBallot(contest, card) }, "Vote"));
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
