// What officials press on a contest's page, the same for elections, polls of motions and surplus votes: the returning
// officer's next lifecycle step, its consequence said in plain words with "Yes, ..." and "Cancel" before anything is
// sent, and the scrutineer's one-click recount. The words are the elections' own.
import { api } from "/api.js";
import { confirmStep, el, problem } from "/dom.js";
import { t } from "/i18n.js";

/**
 * The "Next step" section: a button for each step the contest can take now, [{ step, label, consequence, yes }] (an
 * election in draft has two). A confirmed step is POST {path}/{step}, then again(); a refusal is shown below.
 */
export function nextSteps(path, steps, again) {
  const errors = el("div", { "aria-live": "polite" });
  const buttons = steps.map(({ step, label, consequence, yes }) => {
    const button = el("button", { type: "button" }, label);
    button.addEventListener("click", async () => {
      if (!(await confirmStep(actions, { consequence, yes }))) return;
      // One step at a time: a second press while the first is on its way would only be refused.
      for (const b of buttons) b.disabled = true;
      errors.replaceChildren();
      try {
        await api(`${path}/${step}`, { method: "POST" });
        again();
      } catch (error) {
        errors.replaceChildren(step === "open" ? openRefused(error, `${path}/open`, again) : problem(error));
        for (const b of buttons) b.disabled = false;
      }
    });
    return button;
  });
  const actions = el("p", { class: "actions" }, buttons);
  return nextSection(actions, errors);
}

export function nextSection(...content) {
  return el("section", { class: "card next-step", "aria-labelledby": "next-step" }, el("h2", { id: "next-step" }, t("elections.next")), ...content);
}

/**
 * A refused opening: the refusal, and where the roll is below the secrecy minimum (code roll-too-small) the
 * returning officer's way past it, its consequence said before it is taken: {path}?allowSmallRoll=true, which the
 * audit log records.
 */
export function openRefused(error, path, again) {
  const refusal = problem(error);
  if (error.problem?.code !== "roll-too-small") return refusal;
  const button = el("button", { type: "button", class: "secondary" }, t("elections.smallRoll.override"));
  const actions = el("p", { class: "actions" }, button);
  const failed = el("div", { "aria-live": "polite" });
  button.addEventListener("click", async () => {
    const consequence = t("elections.smallRoll.consequence", error.problem.params || {});
    if (!(await confirmStep(actions, { consequence, yes: t("elections.smallRoll.yes") }))) return;
    button.disabled = true;
    try {
      await api(`${path}?allowSmallRoll=true`, { method: "POST" });
      again();
    } catch (second) {
      failed.replaceChildren(problem(second));
      button.disabled = false;
    }
  });
  return el("div", {}, refusal, actions, failed);
}

/**
 * The one-click recount: the server reads back the file anyone can download from the bulletin board, counts it
 * again and compares with the stored result. matches(n) says a match of n ballots; found(r), a node, what the
 * recount found beyond that.
 */
export function recount(path, intro, matches, found) {
  const answer = el("div", { "aria-live": "polite", id: "recount-answer" });
  const button = el("button", { type: "button", class: "secondary" }, t("elections.recount"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    answer.replaceChildren(el("p", {}, t("elections.recount.running")));
    try {
      const r = await api(path);
      answer.replaceChildren(el("p", { class: r.matches ? "ok" : "bad" }, r.matches ? matches(r.ballots) : t("elections.recount.differs")),
        found(r));
    } catch (error) {
      answer.replaceChildren(problem(error));
    }
    button.disabled = false;
  });
  return el("section", { class: "card", id: "recount", "aria-labelledby": "recount-title" },
    el("h2", { id: "recount-title" }, t("elections.recount.title")), el("p", {}, intro), el("p", {}, button), answer);
}
