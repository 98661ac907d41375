// Motions and resolutions: members read them, vote with a review step, appoint or revoke a proxy and see
// results as bars; a proxy holder casts the ballots they hold; the board drafts, previews and gives notice.
import { api } from "/api.js";
import { el } from "/dom.js";
import { problem } from "/vote.js";

const ANSWERS = [[1, "For"], [2, "Against"], [3, "Abstain (vote withheld)"]];
const ANSWER_WORD = { 1: "For", 2: "Against", 3: "Abstain" };

document.head.append(el("link", { rel: "stylesheet", href: "/motions.css" }));

function motionText(m) {
  return el("div", { class: "motion-text" },
    el("h5", {}, `${m.position}. ${m.title}`),
    el("blockquote", {}, m.resolution),
    el("p", { class: "muted rule" }, `Decided by: ${m.rule}`),
    m.statementFor ? el("details", {}, el("summary", {}, "Statement for"), el("p", {}, m.statementFor)) : null,
    m.statementAgainst ? el("details", {}, el("summary", {}, "Statement against"), el("p", {}, m.statementAgainst)) : null);
}

/** Answer one radio group per motion; calls back with the codes in motion order once all are answered. */
function answerForm(poll, submitLabel, onAnswers) {
  const groups = poll.motions.map((m) => el("fieldset", { class: "answer", "data-motion": m.position },
    el("legend", {}, `${m.position}. ${m.title}`),
    ANSWERS.map(([code, word]) => el("label", { class: "check" },
      el("input", { type: "radio", name: `m${m.position}`, value: code, required: true }), word))));
  const status = el("div", { role: "status" });
  return el("form", { class: "ballot", onsubmit: (event) => {
    event.preventDefault();
    const answers = poll.motions.map((m) => Number(new FormData(event.target).get(`m${m.position}`)));
    onAnswers(answers, status);
  } }, groups, el("button", { type: "submit", class: "review" }, submitLabel), status);
}

/** The member's ballot for a poll of motions: answer, review, cast, receipt. Called from the open-votes card. */
export async function openMotionBallot(contest, card) {
  let poll;
  try {
    poll = await api(`/api/motions/${contest.id}`);
  } catch (error) {
    card.append(problem(error));
    return;
  }
  const answer = () => card.replaceChildren(el("h4", {}, poll.title), ...poll.motions.map(motionText),
    answerForm(poll, "Review my answers", (answers) => review(answers)));
  const review = (answers) => {
    const status = el("div", { role: "status" });
    const cast = el("button", { type: "button", class: "cast", onclick: async () => {
      cast.disabled = true;
      status.replaceChildren(el("p", {}, "Sending your vote…"));
      try {
        const receipt = await api(`/api/contests/${contest.id}/ballots`, { method: "POST", body: { choices: answers } });
        card.replaceChildren(el("h4", {}, poll.title), receiptView(receipt, "Your vote is in."));
      } catch (error) {
        status.replaceChildren(problem(error));
        cast.disabled = false;
      }
    } }, "Cast my vote");
    card.replaceChildren(el("h4", {}, poll.title), el("p", {}, "Check your answers before you cast them:"),
      el("ol", { class: "review-list" }, poll.motions.map((m, i) => el("li", {}, `${m.title}: `, el("strong", {}, ANSWER_WORD[answers[i]])))),
      cast, " ", el("button", { type: "button", class: "secondary", onclick: answer }, "Change my answers"), status);
  };
  answer();
}

function receiptView(receipt, heading) {
  return el("div", { class: "receipt", id: "receipt" },
    el("p", {}, `✔ ${heading} This is the receipt:`),
    el("p", { class: "code" }, receipt.shortCode),
    el("p", { class: "muted" }, "Full tracker: ", el("code", {}, receipt.tracker)),
    el("p", {}, "After voting closes, find this tracker on the bulletin board to check the vote was counted as cast."));
}

/** The polls put to the member: text, proxies before voting, held proxies while open, results once published. */
export async function renderMotions(container) {
  const section = el("section", { id: "motions" }, el("h3", {}, "Motions and resolutions"));
  container.append(section);
  try {
    const polls = await api("/api/motions");
    if (polls.length === 0) section.append(el("p", {}, "No motions have been put to you."));
    for (const poll of polls) section.append(await pollCard(poll));
  } catch (error) {
    section.append(problem(error));
  }
}

async function pollCard(poll) {
  const card = el("article", { class: "card", "data-poll": poll.id }, el("h4", {}, poll.title),
    el("p", { class: "muted" }, `Put to ${poll.constituencies.map((c) => c.name).join(", ")} · ${stateWords(poll.state)}`));
  if (poll.state === "published") {
    card.append(await resultView(poll));
    return card;
  }
  card.append(...poll.motions.map(motionText));
  if (poll.state === "draft" || poll.state === "open") {
    const proxies = el("div", { class: "proxies" });
    card.append(proxies);
    await renderProxies(poll, proxies);
  }
  return card;
}

function stateWords(state) {
  return { draft: "voting has not opened yet", open: "voting is open", closed: "voting has closed",
    counted: "counted, result not yet published", published: "result published" }[state] || state;
}

async function renderProxies(poll, box) {
  let mine;
  try {
    mine = await api(`/api/motions/${poll.id}/proxy`);
  } catch (error) {
    box.replaceChildren(problem(error));
    return;
  }
  box.replaceChildren();
  if (poll.state === "draft") box.append(appointView(poll, mine, () => renderProxies(poll, box)));
  if (mine.held.length) {
    box.append(el("h5", {}, `Ballots you hold as proxy (${mine.held.length})`),
      el("ul", { class: "held" }, mine.held.map((p) => heldItem(poll, p))));
  }
}

function appointView(poll, mine, refresh) {
  const status = el("div", { role: "status" });
  if (mine.appointed) {
    const p = mine.appointed;
    return el("div", { class: "appointed" },
      el("p", {}, `Your proxy is ${p.holderName} (member ${p.holderMembershipNumber}), ${p.kind}`,
        p.directions ? `: ${p.directions.map((a) => ANSWER_WORD[a]).join(", ")}` : "", ". You cannot vote yourself while it stands."),
      el("button", { type: "button", class: "secondary revoke", onclick: async () => {
        try {
          await api(`/api/motions/${poll.id}/proxy`, { method: "DELETE" });
          refresh();
        } catch (error) {
          status.replaceChildren(problem(error));
        }
      } }, "Revoke my proxy"), status);
  }
  const number = el("input", { name: "holder", inputmode: "numeric", autocomplete: "off", "aria-label": "Your proxy's membership number" });
  const kind = el("select", { name: "kind", "aria-label": "Kind of proxy" },
    el("option", { value: "discretionary" }, "Discretionary: my proxy decides"),
    el("option", { value: "directed" }, "Directed: I fix each answer"));
  const directions = poll.motions.map((m) => el("label", {}, `${m.title}: `,
    el("select", { name: `d${m.position}` }, ANSWERS.map(([code, word]) => el("option", { value: code }, word)))));
  const directionBox = el("div", { class: "directions", hidden: true }, directions);
  kind.addEventListener("change", () => { directionBox.hidden = kind.value !== "directed"; });
  return el("details", { class: "appoint" }, el("summary", {}, "Appoint a proxy to vote for you"),
    el("form", { onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const body = { holderMembershipNumber: Number(number.value.trim()), kind: kind.value };
      if (kind.value === "directed") body.directions = poll.motions.map((m) => Number(data.get(`d${m.position}`)));
      try {
        await api(`/api/motions/${poll.id}/proxy`, { method: "POST", body });
        refresh();
      } catch (error) {
        status.replaceChildren(problem(error));
      }
    } },
    el("p", { class: "muted" }, `Another member this poll is put to; each may hold at most ${mine.maxPerHolder}. ` +
      "You may revoke the appointment until voting opens."),
    el("label", {}, "Membership number of your proxy"), number,
    el("label", {}, "Kind"), kind, directionBox,
    el("button", { type: "submit" }, "Appoint"), status));
}

function heldItem(poll, p) {
  const item = el("li", { "data-proxy": p.id }, `${p.appointerName} (member ${p.appointerMembershipNumber}), ${p.kind}`,
    p.directions ? `: ${p.directions.map((a) => ANSWER_WORD[a]).join(", ")}` : "", " ");
  if (p.cast) {
    item.append(el("span", { class: "voted" }, "✔ cast"));
  } else if (poll.state === "open") {
    const castWith = async (choices, status) => {
      try {
        const receipt = await api(`/api/motions/${poll.id}/proxies/${p.id}/ballot`, { method: "POST", body: { choices } });
        item.replaceChildren(`${p.appointerName}: `, receiptView(receipt, "Their vote is in; give them"));
      } catch (error) {
        status.replaceChildren(problem(error));
      }
    };
    if (p.kind === "directed") {
      const status = el("div", { role: "status" });
      item.append(el("button", { type: "button", onclick: () => castWith([], status) }, "Cast as directed"), status);
    } else {
      item.append(el("details", {}, el("summary", {}, "Vote for them"), answerForm(poll, "Cast their vote", castWith)));
    }
  }
  return item;
}

/** A published result: per motion the decision in words and bars for, against and withheld. */
async function resultView(poll) {
  let result;
  try {
    result = await api(`/api/motions/${poll.id}/result`);
  } catch (error) {
    return problem(error);
  }
  const report = typeof result.report === "string" ? JSON.parse(result.report) : result.report;
  return el("div", { class: "motion-results" },
    el("p", { class: "muted" }, `${result.ballots} ballots from a roll of ${result.rollSize}.`),
    report.motions.map((m) => {
      const o = m.outcome;
      const total = Math.max(1, o.forVotes + o.against + o.withheld);
      const bar = (cls, label, n) => {
        const fill = el("span", { class: `fill ${cls}` });
        fill.style.width = `${(100 * n) / total}%`;
        return el("div", { class: "bar-row" }, el("span", { class: "bar-label" }, `${label} ${n}`), el("span", { class: "bar" }, fill));
      };
      return el("div", { class: "motion-result", "data-motion": m.position },
        el("h5", {}, `${m.position}. ${m.title}`),
        el("p", { class: `reason ${o.carried ? "carried" : "lost"}` }, o.reason),
        bar("for", "For", o.forVotes), bar("against", "Against", o.against), bar("withheld", "Withheld", o.withheld),
        o.weightedForPercent ? el("p", { class: "muted" },
          `Weighted: ${o.weightedForPercent}% for, ${o.weightedAgainstPercent}% against (raw ${o.forPercent ?? "–"}% for).`) : null,
        el("p", { class: "muted" }, `Rule: ${o.rule}. ${o.ballots} of ${o.roll} took part` +
          (o.quorumNeeded ? `; quorum ${o.quorumNeeded} ${o.quorumMet ? "met" : "not met"}.` : ".")));
    }),
    el("p", {}, el("a", { href: `/api/motions/${poll.id}/bulletin.txt` }, "Download every ballot"),
      " — recount it with the MotionRecount command described in the README."));
}

/** The board's desk: draft a poll, preview it as members will see it, edit, and give notice. */
export async function renderBoardMotions(container) {
  const section = el("section", { id: "board-motions" }, el("h3", {}, "Board: motions"));
  container.append(section);
  let constituencies;
  let polls;
  try {
    [constituencies, polls] = await Promise.all([api("/api/constituencies"), api("/api/motions")]);
  } catch (error) {
    section.append(problem(error));
    return;
  }
  const refresh = () => { section.remove(); renderBoardMotions(container); };
  for (const poll of polls.filter((p) => p.state === "draft" && !p.noticePublishedAt)) {
    section.append(draftCard(poll, constituencies, refresh));
  }
  section.append(el("details", { class: "new-poll" }, el("summary", {}, "Draft a new poll"),
    pollForm(null, constituencies, refresh)));
}

function draftCard(poll, constituencies, refresh) {
  const status = el("div", { role: "status" });
  const card = el("article", { class: "card draft", "data-draft": poll.id }, el("h4", {}, `Draft: ${poll.title}`),
    el("p", { class: "muted" }, "Preview, as members will see it:"), poll.motions.map(motionText),
    el("button", { type: "button", class: "notice", onclick: async () => {
      try {
        await api(`/api/motions/${poll.id}/notice`, { method: "POST" });
        refresh();
      } catch (error) {
        status.replaceChildren(problem(error));
      }
    } }, "Publish notice to members"), " ",
    el("details", {}, el("summary", {}, "Edit"), pollForm(poll, constituencies, refresh)), status);
  return card;
}

function motionFields(m, i) {
  const v = (x) => x ?? "";
  return el("fieldset", { class: "motion-fields" }, el("legend", {}, `Motion ${i + 1}`),
    el("label", {}, "Title"), el("input", { name: "title", value: v(m?.title) }),
    el("label", {}, "Resolution"), el("textarea", { name: "resolution" }, v(m?.resolution)),
    el("label", {}, "Statement for"), el("textarea", { name: "statementFor" }, v(m?.statementFor)),
    el("label", {}, "Statement against (optional)"), el("textarea", { name: "statementAgainst" }, v(m?.statementAgainst)),
    el("label", {}, "Threshold"), el("input", { name: "threshold", value: m?.threshold || "ordinary",
      list: "thresholds", "aria-describedby": "threshold-help" }),
    el("label", {}, "Share of"), el("select", { name: "denominator" },
      [["for-against", "votes for and against"], ["valid-ballots", "all valid ballots"], ["roll", "all members on the roll"]]
        .map(([value, word]) => el("option", { value, selected: (m?.denominator || "for-against") === value }, word))),
    el("label", {}, "Quorum: members who must take part (optional)"),
    el("input", { name: "quorumMembers", inputmode: "numeric", value: v(m?.quorum?.members) }));
}

function pollForm(poll, constituencies, refresh) {
  const list = el("div", { class: "motion-list" }, (poll?.motions?.length ? poll.motions : [null]).map(motionFields));
  const put = new Set((poll?.constituencies || []).map((c) => c.id));
  const boxes = constituencies.map((c) => el("label", { class: "check" },
    el("input", { type: "checkbox", name: "constituency", value: c.id, checked: put.has(c.id) }), c.name));
  const status = el("div", { role: "status" });
  return el("form", { class: "poll-form", onsubmit: async (event) => {
    event.preventDefault();
    const form = event.target;
    const body = {
      title: form.elements.pollTitle.value,
      constituencyIds: [...form.querySelectorAll("input[name=constituency]:checked")].map((b) => Number(b.value)),
      motions: [...list.querySelectorAll("fieldset")].map((f) => {
        const get = (name) => f.querySelector(`[name=${name}]`).value.trim();
        const quorum = get("quorumMembers");
        return { title: get("title"), resolution: get("resolution"), statementFor: get("statementFor"),
          statementAgainst: get("statementAgainst") || null, threshold: get("threshold"), denominator: get("denominator"),
          quorum: quorum ? { members: Number(quorum) } : null };
      }),
    };
    try {
      await api(poll ? `/api/motions/${poll.id}` : "/api/motions", { method: poll ? "PUT" : "POST", body });
      refresh();
    } catch (error) {
      status.replaceChildren(problem(error));
    }
  } },
  el("datalist", { id: "thresholds" }, ["ordinary", "special", "unanimous", "at-least 2/3", "more-than 2/3"].map((t) => el("option", { value: t }))),
  el("p", { id: "threshold-help", class: "muted" },
    "Threshold: ordinary (more than half), special (at least 75%), unanimous, or 'at-least N/D' / 'more-than N/D'."),
  el("label", {}, "Poll title"), el("input", { name: "pollTitle", value: poll?.title || "" }),
  el("p", {}, "Put to:"), boxes, list,
  el("button", { type: "button", class: "secondary", onclick: () => list.append(motionFields(null, list.children.length)) }, "Add a motion"),
  " ", el("button", { type: "submit" }, poll ? "Save changes" : "Save draft"), status);
}
