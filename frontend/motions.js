// Motions and resolutions. Members read the motions put to them, vote on a poll with a review step (through the
// vote page's ballotKind), appoint or revoke a proxy, cast the ballots they hold as proxy, and read results as
// bars. The board drafts, previews, edits and gives notice.
import { api } from "/api.js";
import { confirmStep, el, errorBox, field, problem, say, serverWords, showErrors } from "/dom.js";
import { has, lang, percent, t } from "/i18n.js";
import { go, link, page } from "/router.js";
import { ballotsFile, sealPanel, withheldNote } from "/seal.js";
import { pollForm } from "/motion-form.js";
import { ballotKind, receiptCheck } from "/vote.js";

const CODES = [1, 2, 3];
const answerWord = (code) => t(`motions.answer.${code}`);

page({ path: "/member/motions", title: "motions.title", nav: "motions.nav", order: 15, render: renderMemberList });
page({ path: "/member/motions/:id", title: "motions.poll.title", render: renderMemberPoll });
page({ path: "/board/motions", title: "motions.board.title", nav: "motions.board.nav", order: 20, render: renderBoardList });
page({ path: "/board/motions/:id", title: "motions.poll.title", render: renderBoardPoll });
ballotKind("motion", motionBallot);

function stateWords(poll) {
  if (poll.state === "draft") return t(poll.noticePublishedAt ? "motions.state.notice" : "motions.state.draft");
  return t(`motions.state.${poll.state}`);
}

export function motionText(m) {
  return el("section", { class: "motion-text", "data-motion": m.position },
    el("h2", {}, `${m.position}. ${m.title}`),
    el("blockquote", {}, m.resolution),
    el("p", { class: "muted rule" }, say("motions.rule", { rule: ruleWords(m) })),
    m.statementFor ? el("details", {}, el("summary", {}, t("motions.statementFor")), el("p", {}, m.statementFor)) : null,
    m.statementAgainst ? el("details", {}, el("summary", {}, t("motions.statementAgainst")), el("p", {}, m.statementAgainst)) : null);
}

/** A threshold in the reader's words: "more than half", "at least 2/3"; null when the key is not one the portal knows. */
function thresholdWords(threshold) {
  if (["ordinary", "special", "unanimous"].includes(threshold)) return t(`motions.threshold.${threshold}`);
  const m = /^(at-least|more-than) (\d+)\/(\d+)$/.exec(threshold || "");
  if (!m) return null;
  // A fraction with a name ("two thirds") is said by name; any other as written ("3/5").
  const named = `motions.fraction.${m[2]}-${m[3]}`;
  return t(`motions.threshold.${m[1]}`, { fraction: has(named) ? t(named) : `${m[2]}/${m[3]}` });
}

/**
 * How a motion is decided, in the reader's words: its threshold over its denominator, then what the server lists as the
 * rule's other parts (a quorum, constituencies that must each consent, weights). The server's words (English, marked
 * as such) when the threshold is not one the portal knows, or a part has no message.
 */
function ruleWords(m) {
  const plainRule = !m.quorum && !(m.consent || []).length && !m.weights;
  const needed = thresholdWords(m.threshold);
  const parts = m.ruleParts || [];
  if (lang === "en" || !needed || (!plainRule && !parts.length) || parts.some((p) => !RULE_PARTS.has(p.code))) return serverWords(m.rule);
  const base = t("motions.ruleWords", { threshold: needed, denominator: t(`motions.denominator.${m.denominator}`) });
  return [base, ...parts.map((p) => rulePartWords(p, needed))].join(t("motions.rule.separator"));
}

const RULE_PARTS = new Set(["rule-quorum", "rule-consent", "rule-weights"]);

/** A share written "N/D" as a percentage, with the fraction when the percentage is not whole: "10%", "2/3 (66.7%)". */
function shareWords(share) {
  const [n, d] = share.split("/").map(Number);
  const whole = (100 * n) % d === 0;
  const pct = percent(n / d);
  return whole ? pct : `${n}/${d} (${pct})`;
}

function rulePartWords(part, needed) {
  const p = part.params || {};
  if (part.code === "rule-quorum") {
    const form = p.members !== undefined && p.share !== undefined ? "both" : p.members !== undefined ? "members" : "share";
    return t(`motions.rule.rule-quorum.${form}`, { n: p.members, members: p.members, share: p.share ? shareWords(p.share) : "" });
  }
  if (part.code === "rule-consent") {
    return t("motions.rule.rule-consent", { threshold: needed, constituencies: (p.constituencies || []).join(", ") });
  }
  return t("motions.rule.rule-weights", { weights: (p.weights || []).map((w) =>
    t(`motions.rule.weight.${p.kind === "caps" ? "cap" : "share"}`, { constituency: w.constituency, share: shareWords(w.share) })).join(", ") });
}

/**
 * Why a motion was carried or lost, from the count's verdict (a code and the figures it names) in the reader's words;
 * the stored English sentence when there is no verdict.
 */
function reasonWords(o, verdict) {
  if (!verdict && lang === "en") return [o.reason];
  if (!verdict) return [t(o.carried ? "motions.reason.carriedOnly" : "motions.reason.lostOnly"), " (", serverWords(o.reason), ")"];
  const p = verdict.params || {};
  const vars = { ...p };
  if (p.threshold) vars.needed = thresholdWords(p.threshold) || p.threshold;
  if (p.denominator) vars.denominator = t(`motions.denominator.${p.denominator}`);
  if (p.classPercent === undefined && verdict.code === "lost-in-class") return [t("motions.verdict.lost-in-class.none", vars)];
  return [t(`motions.verdict.${verdict.code}${p.weighted ? ".weighted" : ""}`, vars)];
}

/** One radio group per motion; calls back with the answer codes in motion order. */
function answerForm(poll, submitLabel, onAnswers) {
  const box = errorBox();
  const groups = poll.motions.map((m) => el("fieldset", { class: "answer", "data-motion": m.position },
    el("legend", {}, `${m.position}. ${m.title}`),
    CODES.map((code) => el("label", { class: "check" },
      el("input", { type: "radio", name: `m${m.position}`, value: code }), " ", answerWord(code)))));
  return el("form", { class: "ballot", novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    const answers = poll.motions.map((m) => Number(data.get(`m${m.position}`)));
    const missing = poll.motions.filter((m, i) => !answers[i]);
    if (missing.length) {
      box.replaceChildren(el("p", {}, t("motions.ballot.unanswered", { titles: missing.map((m) => m.title).join(", ") })));
      box.hidden = false;
      box.focus();
      return;
    }
    box.hidden = true;
    onAnswers(answers, box);
  } }, box, groups, el("button", { type: "submit", class: "big review" }, submitLabel));
}

/** The member's ballot on the vote page: answer, review, cast; done(receipt) shows and keeps the receipt. */
async function motionBallot({ main, contest, done }) {
  const poll = await api(`/api/motions/${contest.id}`);
  main.append(el("p", {}, t("motions.ballot.intro")));
  const texts = poll.motions.map(motionText);
  const form = answerForm(poll, t("motions.ballot.review"), (answers) => {
    form.hidden = true;
    const status = el("div", { role: "status" });
    const cast = el("button", { type: "button", class: "big cast" }, t("motions.ballot.cast"));
    const change = el("button", { type: "button", class: "secondary" }, t("motions.ballot.change"));
    const heading = el("h2", { tabindex: "-1" }, t("motions.review.title"));
    const panel = el("section", { class: "review card motion-review", id: "review" }, heading,
      el("ol", { class: "review-list" }, poll.motions.map((m, i) => el("li", {}, `${m.title}: `, el("strong", {}, answerWord(answers[i]))))),
      el("p", {}, t("motions.review.final")), el("p", { class: "actions" }, cast, " ", change), status);
    change.addEventListener("click", () => { panel.remove(); form.hidden = false; });
    cast.addEventListener("click", async () => {
      cast.disabled = true;
      status.replaceChildren(el("p", {}, t("motions.review.sending")));
      try {
        const receipt = await api(`/api/contests/${contest.id}/ballots`, { method: "POST", body: { choices: answers } });
        panel.remove();
        form.remove();
        texts.forEach((x) => x.remove());
        done(receipt);
      } catch (error) {
        status.replaceChildren(problem(error));
        cast.disabled = false;
      }
    });
    form.after(panel);
    heading.focus();
  });
  main.append(...texts, form);
}

async function renderMemberList({ main }) {
  const polls = await api("/api/motions");
  if (polls.length === 0) {
    main.append(el("p", {}, t("motions.none")));
    return;
  }
  main.append(el("ul", { class: "cards" }, polls.map((p) => el("li", { class: "card", "data-poll": p.id },
    el("h2", {}, p.title),
    el("p", { class: "muted" }, `${stateWords(p)} · ${t("motions.count", { n: p.motions.length })}`),
    el("p", {}, link(`/member/motions/${p.id}`, t("motions.open", { title: p.title }), { class: "button" }))))));
}

async function renderMemberPoll({ main, params, setTitle }) {
  const poll = await api(`/api/motions/${params.id}`);
  setTitle(poll.title);
  main.setAttribute("data-poll", poll.id);
  main.append(el("p", { class: "muted" }, t("motions.putTo", { names: poll.constituencies.map((c) => c.name).join(", ") }),
    " · ", stateWords(poll)));
  if (["closed", "counted", "published"].includes(poll.state)) {
    if (poll.state === "published") main.append(await resultView(poll));
    // The row a ballot holds: its class (the voter's constituency), then one answer per motion in order.
    main.append(receiptCheck({ contestId: poll.id, lookup: `/api/motions/${poll.id}/bulletin`,
      shows: (row) => el("ul", { class: "review-list" }, poll.motions.map((m, i) => el("li", {}, `${m.title}: `,
        el("strong", {}, answerWord(row[i + 1])))))}));
    return;
  }
  if (poll.state === "open") main.append(el("p", {}, link(`/member/votes/${poll.id}`, t("motions.vote"), { class: "button" })));
  main.append(...poll.motions.map(motionText));
  if (poll.state === "draft" || poll.state === "open") {
    const box = el("section", { class: "proxies" });
    main.append(box);
    await renderProxies(poll, box);
  }
}

async function renderProxies(poll, box) {
  const mine = await api(`/api/motions/${poll.id}/proxy`);
  const refresh = () => renderProxies(poll, box).catch((error) => box.replaceChildren(problem(error)));
  box.replaceChildren(el("h2", {}, t("motions.proxy.title")));
  if (mine.appointed) box.append(appointedView(poll, mine.appointed, refresh));
  else if (poll.state === "draft") box.append(appointForm(poll, mine, refresh));
  if (mine.held.length) {
    box.append(el("h3", {}, t("motions.proxy.held", { n: mine.held.length })),
      el("ul", { class: "held" }, mine.held.map((p) => heldItem(poll, p))));
  }
}

function directionWords(p) {
  return p.directions ? `: ${p.directions.map(answerWord).join(", ")}` : "";
}

function appointedView(poll, p, refresh) {
  const box = errorBox();
  const revoke = el("button", { type: "button", class: "secondary revoke" }, t("motions.proxy.revoke"));
  revoke.addEventListener("click", async () => {
    try {
      await api(`/api/motions/${poll.id}/proxy`, { method: "DELETE" });
      refresh();
    } catch (error) {
      box.replaceChildren(problem(error));
      box.hidden = false;
    }
  });
  return el("div", { class: "appointed" },
    el("p", {}, t("motions.proxy.yours", { name: p.holderName, number: String(p.holderMembershipNumber), kind: t(`motions.proxy.${p.kind}`) }),
      directionWords(p)),
    el("p", {}, t("motions.proxy.cannotVote")),
    poll.state === "draft" ? revoke : null, box);
}

function appointForm(poll, mine, refresh) {
  const box = errorBox();
  const kind = field(t("motions.proxy.kind"), "kind", { value: "discretionary" }, { kind: "select",
    options: [["discretionary", t("motions.proxy.discretionary.long")], ["directed", t("motions.proxy.directed.long")]] });
  const directions = el("fieldset", { class: "directions", hidden: true }, el("legend", {}, t("motions.proxy.directions")),
    poll.motions.map((m) => field(m.title, `d${m.position}`, {}, { kind: "select", options: CODES.map((c) => [c, answerWord(c)]) })));
  kind.querySelector("select").addEventListener("change", (e) => { directions.hidden = e.target.value !== "directed"; });
  const form = el("form", { class: "appoint", novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { holderMembershipNumber: Number(String(data.get("holderMembershipNumber")).trim()), kind: data.get("kind") };
    if (body.kind === "directed") body.directions = poll.motions.map((m) => Number(data.get(`d${m.position}`)));
    try {
      await api(`/api/motions/${poll.id}/proxy`, { method: "POST", body });
      refresh();
    } catch (error) {
      showErrors(form, box, error);
    }
  } }, box,
  el("p", { class: "muted" }, t("motions.proxy.explain", { n: mine.maxPerHolder })),
  field(t("motions.proxy.number"), "holderMembershipNumber", { inputmode: "numeric", autocomplete: "off" }),
  kind, directions, el("button", { type: "submit" }, t("motions.proxy.appoint")));
  return el("details", { class: "appoint-panel" }, el("summary", {}, t("motions.proxy.appointTitle")), form);
}

function heldItem(poll, p) {
  const item = el("li", { "data-proxy": p.id },
    t("motions.proxy.heldOne", { name: p.appointerName, number: String(p.appointerMembershipNumber), kind: t(`motions.proxy.${p.kind}`) }),
    directionWords(p), " ");
  if (p.cast) {
    item.append(el("span", { class: "voted" }, t("motions.proxy.cast")));
    return item;
  }
  if (poll.state !== "open") return item;
  const castWith = async (choices, box) => {
    try {
      const receipt = await api(`/api/motions/${poll.id}/proxies/${p.id}/ballot`, { method: "POST", body: { choices } });
      item.replaceChildren(el("p", { class: "voted" }, t("motions.proxy.castFor", { name: p.appointerName })),
        el("p", { class: "receipt-code" }, receipt.shortCode), el("p", { class: "muted" }, el("code", {}, receipt.tracker)),
        el("p", {}, t("motions.proxy.handOn")));
    } catch (error) {
      box.replaceChildren(problem(error));
      box.hidden = false;
    }
  };
  if (p.kind === "directed") {
    const box = errorBox();
    item.append(el("button", { type: "button", class: "cast-directed", onclick: () => castWith([], box) }, t("motions.proxy.castDirected")), box);
  } else {
    item.append(el("details", {}, el("summary", {}, t("motions.proxy.voteFor", { name: p.appointerName })),
      answerForm(poll, t("motions.proxy.castTheirs"), castWith)));
  }
  return item;
}

/** A result: per motion the decision in words, and bars for, against and withheld. */
export async function resultView(poll) {
  const result = await api(`/api/motions/${poll.id}/result`);
  const report = typeof result.report === "string" ? JSON.parse(result.report) : result.report;
  const motionAt = (position) => poll.motions.find((x) => x.position === position) || {};
  return el("div", { class: "motion-results" },
    el("p", { class: "muted" }, t("motions.result.turnout", { ballots: result.ballots, roll: result.rollSize })),
    report.motions.map((m, index) => {
      const o = m.outcome;
      const total = Math.max(1, o.forVotes + o.against + o.withheld);
      const bar = (cls, n) => {
        const fill = el("span", { class: `fill ${cls}` });
        fill.style.width = `${(100 * n) / total}%`;
        return el("div", { class: `bar-row ${cls}` }, el("span", { class: "bar-label" }, t(`motions.result.${cls}`, { n })),
          el("span", { class: "bar", "aria-hidden": "true" }, fill));
      };
      return el("section", { class: "motion-result", "data-motion": m.position },
        el("h2", {}, `${m.position}. ${m.title}`),
        el("p", { class: `reason ${o.carried ? "carried" : "lost"}` }, reasonWords(o, (result.verdicts || [])[index])),
        bar("for", o.forVotes), bar("against", o.against), bar("withheld", o.withheld),
        o.weightedForPercent ? el("p", { class: "muted" }, t("motions.result.weighted",
          { for: o.weightedForPercent, against: o.weightedAgainstPercent, raw: o.forPercent ?? "–" })) : null,
        el("p", { class: "muted" }, say("motions.rule", { rule: ruleWords({ ...motionAt(m.position), rule: o.rule }) })),
        el("p", { class: "muted" }, o.quorumNeeded
          ? t(o.quorumMet ? "motions.result.quorumMet" : "motions.result.quorumNotMet", { ballots: o.ballots, roll: o.roll, needed: o.quorumNeeded })
          : t("motions.result.took", { ballots: o.ballots, roll: o.roll })));
    }),
    result.contentsWithheld ? withheldNote()
      : el("p", {}, ballotsFile("motions", poll.id, t("motions.result.download")), " ", t("motions.result.recount")),
    sealPanel(result));
}

async function renderBoardList({ main }) {
  const [polls, constituencies] = await Promise.all([api("/api/motions"), api("/api/constituencies")]);
  main.append(el("ul", { class: "cards" }, polls.map((p) => el("li", { class: "card", "data-poll": p.id },
    el("h2", {}, p.title), el("p", { class: "muted" }, stateWords(p)),
    el("p", {}, link(`/board/motions/${p.id}`, t("motions.board.open", { title: p.title })))))));
  main.append(el("details", { class: "new-poll" }, el("summary", {}, t("motions.board.new")),
    pollForm(null, constituencies, (poll) => go(`/board/motions/${poll.id}`))));
}

async function renderBoardPoll({ main, params, setTitle }) {
  const [poll, constituencies] = await Promise.all([api(`/api/motions/${params.id}`), api("/api/constituencies")]);
  setTitle(poll.title);
  const editable = poll.state === "draft" && !poll.noticePublishedAt;
  main.append(el("p", { class: "muted" }, t("motions.putTo", { names: poll.constituencies.map((c) => c.name).join(", ") }),
    " · ", stateWords(poll)));
  if (poll.state === "counted" || poll.state === "published") {
    main.append(await resultView(poll));
    return;
  }
  main.append(el("h2", {}, editable ? t("motions.board.preview") : t("motions.board.asGiven")),
    el("div", { class: "preview" }, poll.motions.map(motionText)));
  if (!editable) return;
  const box = errorBox();
  const notice = el("button", { type: "button", class: "big notice" }, t("motions.board.notice"));
  notice.addEventListener("click", async () => {
    if (!(await confirmStep(notice, { consequence: t("motions.board.notice.consequence"), yes: t("motions.board.notice.yes") }))) return;
    try {
      await api(`/api/motions/${poll.id}/notice`, { method: "POST" });
      go(`/board/motions/${poll.id}`);
    } catch (error) {
      box.replaceChildren(problem(error));
      box.hidden = false;
    }
  });
  main.append(el("p", { class: "actions" }, notice), box,
    el("details", { class: "edit" }, el("summary", {}, t("motions.board.edit")),
      pollForm(poll, constituencies, () => go(`/board/motions/${poll.id}`))));
}

document.head.append(el("link", { rel: "stylesheet", href: "/motions.css" }));
