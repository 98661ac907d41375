// The board's form for a poll of motions, covering everything POST/PUT /api/motions takes: the poll's title, the
// constituencies it is put to, and for each motion its texts, the kind of resolution (its threshold), what the
// threshold is a share of, a quorum (a number of members and/or a share of the roll), class consent and weighted
// classes (fixed shares or caps). Each problem the API names is shown beside its own field, in its own motion.
// Its words are in /i18n/contests-admin.<lang>.json (keys "contests.form.*") and the motions feature's files.
import { api } from "/api.js";
import { el, errorBox, field, showErrors } from "/dom.js";
import { t } from "/i18n.js";

const KINDS = ["ordinary", "special", "unanimous", "at-least", "more-than"];
const DENOMINATORS = ["for-against", "valid-ballots", "roll"];
const TEXTS = ["title", "resolution", "statementFor", "statementAgainst"];
let forms = 0;

/** "2/3" stays; "10%" becomes "10/100", "12.5%" becomes "125/1000"; anything else is sent as typed, for the API to judge. */
export function fraction(text) {
  const value = (text || "").trim();
  const percent = /^(\d{1,3})(?:\.(\d{1,3}))?\s*%$/.exec(value);
  if (!percent) return value.replace(/\s+/g, "");
  const decimals = percent[2] || "";
  return `${percent[1]}${decimals}/${10 ** decimals.length * 100}`;
}

/** A threshold key ("ordinary", "at-least 2/3") as [kind, fraction]. */
function splitThreshold(key) {
  const m = /^(at-least|more-than)[ :](.+)$/.exec(key || "");
  return m ? [m[1], m[2]] : [key || "ordinary", ""];
}

/**
 * The form. poll: the draft to edit, or null for a new poll; constituencies: those it may be put to;
 * saved(pollView): called after the API accepted it.
 */
export function pollForm(poll, constituencies, saved) {
  const n = ++forms;
  const box = errorBox();
  const list = el("div", { class: "motion-list" });
  const putTo = new Set((poll?.constituencies || []).map((c) => c.id));
  const putError = el("p", { class: "field-error", id: `put-${n}-error`, hidden: true });
  const putFieldset = el("fieldset", { class: "put-to field", "data-field": "constituencyIds" },
    el("legend", {}, t("motions.board.field.putTo")), putError,
    constituencies.map((c) => el("label", { class: "check" },
      el("input", { type: "checkbox", name: "constituencyIds", value: c.id, checked: putTo.has(c.id) }), " ", c.name)));
  const chosen = () => constituencies.filter((c) => putFieldset.querySelector(`input[value="${c.id}"]`).checked);
  const motions = [];
  const add = (m) => {
    const one = motionFields(m, motions.length, n, chosen);
    motions.push(one);
    list.append(one.fieldset);
  };
  (poll?.motions?.length ? poll.motions : [null]).forEach(add);
  putFieldset.addEventListener("change", () => motions.forEach((one) => one.classesChanged()));
  const form = el("form", { class: "poll-form", novalidate: true }, box,
    field(t("motions.board.field.pollTitle"), "title", { value: poll?.title || "", required: true, autocomplete: "off" }),
    putFieldset, list,
    el("p", { class: "actions" },
      el("button", { type: "button", class: "secondary", onclick: () => { add(null); motions.at(-1).fieldset.querySelector("input").focus(); } },
        t("motions.board.addMotion")), " ",
      el("button", { type: "submit", class: "save" }, poll ? t("motions.board.save") : t("motions.board.saveDraft"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {
      title: form.elements.title.value.trim(),
      constituencyIds: chosen().map((c) => c.id),
      motions: motions.map((one) => one.value()),
    };
    const mistakes = [
      ...(body.constituencyIds.length ? [] : [{ field: "constituencyIds", message: t("contests.form.putTo.none") }]),
      ...motions.flatMap((one, i) => (one.custom() && !/^\d+\/\d+$/.test(fraction(one.fieldset.querySelector(`[name=m${i}-fraction]`).value))
        ? [{ field: `m${i}-fraction`, message: t("contests.form.fraction.bad") }] : [])),
    ];
    if (mistakes.length) {
      showErrors(form, box, { status: 422, problem: { errors: mistakes } });
      return;
    }
    try {
      saved(await api(poll ? `/api/motions/${poll.id}` : "/api/motions", { method: poll ? "PUT" : "POST", body }));
    } catch (error) {
      showErrors(form, box, placed(error, motions));
    }
  });
  return form;
}

/** The fields of one motion, and how to read them back. */
function motionFields(m, i, n, chosen) {
  const name = (key) => `m${i}-${key}`;
  const [kind, share] = splitThreshold(m?.threshold);
  const threshold = field(t("contests.form.threshold"), name("threshold"), { value: kind }, { kind: "select",
    options: KINDS.map((k) => [k, t(`contests.form.threshold.${k}`)]) });
  const fractionField = field(t("contests.form.fraction"), name("fraction"), { value: share, inputmode: "text", autocomplete: "off" },
    { hint: t("contests.form.fraction.hint") });
  const kindSelect = threshold.querySelector("select");
  const showFraction = () => { fractionField.hidden = !kindSelect.value.includes("-"); };
  kindSelect.addEventListener("change", showFraction);
  showFraction();
  const consent = el("fieldset", { class: "field consent", "data-field": name("consent") });
  const weights = el("fieldset", { class: "field weights", "data-field": name("weights") });
  const weighting = field(t("contests.form.weighting"), name("weighting"), { value: m?.weights?.kind || "" }, { kind: "select",
    options: [["", t("contests.form.weighting.none")], ["shares", t("contests.form.weighting.shares")], ["caps", t("contests.form.weighting.caps")]],
    hint: t("contests.form.weighting.hint") });
  const weightingSelect = weighting.querySelector("select");
  const kept = { consent: new Set(m?.consent || []), shares: new Map((m?.weights?.classes || []).map((c) => [c.constituencyId, c.share])) };
  // Re-drawn when the constituencies the poll is put to change; what was typed is kept.
  function classesChanged() {
    for (const box of consent.querySelectorAll("input[type=checkbox]")) {
      if (box.checked) kept.consent.add(Number(box.value)); else kept.consent.delete(Number(box.value));
    }
    for (const input of weights.querySelectorAll("input[data-class]")) kept.shares.set(Number(input.dataset.class), input.value);
    const classes = chosen();
    const consentError = el("p", { class: "field-error", id: `${name("consent")}-${n}-error`, hidden: true });
    consent.replaceChildren(el("legend", {}, t("contests.form.consent")), el("p", { class: "hint" }, t("contests.form.consent.hint")), consentError,
      ...(classes.length < 2 ? [el("p", { class: "muted" }, t("contests.form.classes.needTwo"))]
        : classes.map((c) => el("label", { class: "check" },
          el("input", { type: "checkbox", value: c.id, checked: kept.consent.has(c.id) }), " ", t("contests.form.consent.one", { name: c.name })))));
    const weightsError = el("p", { class: "field-error", id: `${name("weights")}-${n}-error`, hidden: true });
    const shares = el("div", { class: "class-shares", hidden: !weightingSelect.value },
      classes.map((c) => field(t("contests.form.share", { name: c.name }), `${name("share")}-${c.id}`,
        { value: kept.shares.get(c.id) ?? "", "data-class": c.id, autocomplete: "off" })));
    weights.replaceChildren(el("legend", {}, t("contests.form.weights")), weightsError, weighting, shares);
  }
  weightingSelect.addEventListener("change", () => { weights.querySelector(".class-shares").hidden = !weightingSelect.value; });
  classesChanged();
  const fieldset = el("fieldset", { class: "motion-fields" }, el("legend", {}, t("motions.board.motion", { n: i + 1 })),
    field(t("motions.board.field.title"), name("title"), { value: m?.title || "", autocomplete: "off" }),
    field(t("motions.board.field.resolution"), name("resolution"), { rows: 3 }, { kind: "textarea" }),
    field(t("motions.board.field.statementFor"), name("statementFor"), { rows: 3 }, { kind: "textarea" }),
    field(t("motions.board.field.statementAgainst"), name("statementAgainst"), { rows: 3 }, { kind: "textarea" }),
    threshold, fractionField,
    field(t("motions.board.field.denominator"), name("denominator"), { value: m?.denominator || "for-against" }, { kind: "select",
      options: DENOMINATORS.map((d) => [d, t(`motions.denominator.${d}`)]) }),
    el("fieldset", { class: "quorum" }, el("legend", {}, t("contests.form.quorum")), el("p", { class: "hint" }, t("contests.form.quorum.hint")),
      field(t("contests.form.quorum.members"), name("quorumMembers"), { type: "number", min: 0, inputmode: "numeric", value: m?.quorum?.members ?? "" }),
      field(t("contests.form.quorum.share"), name("quorumShare"), { value: m?.quorum?.share ?? "", autocomplete: "off" },
        { hint: t("contests.form.fraction.hint") })),
    consent, weights);
  for (const key of TEXTS.slice(1)) fieldset.querySelector(`[name=${name(key)}]`).value = m?.[key] ?? "";
  const get = (key) => fieldset.querySelector(`[name=${name(key)}]`).value.trim();
  return {
    fieldset,
    classesChanged,
    /** Whether the threshold's fraction is what the API will judge (an "at least"/"more than" kind). */
    custom: () => kindSelect.value.includes("-"),
    value() {
      const members = get("quorumMembers");
      const quorumShare = fraction(get("quorumShare"));
      const classes = chosen();
      const weightingKind = weightingSelect.value;
      return {
        title: get("title"), resolution: get("resolution"), statementFor: get("statementFor") || null,
        statementAgainst: get("statementAgainst") || null,
        threshold: kindSelect.value.includes("-") ? `${kindSelect.value} ${fraction(get("fraction"))}` : kindSelect.value,
        denominator: get("denominator"),
        quorum: members !== "" || quorumShare ? { members: members === "" ? null : Number(members), share: quorumShare || null } : null,
        consent: [...consent.querySelectorAll("input[type=checkbox]:checked")].map((b) => Number(b.value)),
        weights: weightingKind ? { kind: weightingKind, classes: classes
          .map((c) => ({ constituencyId: c.id, share: fraction(weights.querySelector(`input[data-class="${c.id}"]`).value) }))
          .filter((c) => c.share) } : null,
      };
    },
  };
}

/**
 * The API names a motion's field by its path ("motions[1].quorum.share", "motions[0].weights.classes[2].share");
 * the form's fields are named per motion ("m1-quorumShare"). This renames each error to the field it belongs to.
 */
function placed(error, motions) {
  const errors = error.problem?.errors;
  if (!errors) return error;
  const renamed = errors.map((e) => {
    const m = /^motions\[(\d+)]\.([\w.[\]]+)$/.exec(e.field);
    if (!m || !motions[Number(m[1])]) return { ...e, field: e.field.replace(/\[\d+]$/, "") };
    const [i, path] = [Number(m[1]), m[2]];
    let key = path.split(/[.[]/)[0];
    if (key === "threshold" && motions[i].custom()) key = "fraction";
    if (key === "quorum") key = path.startsWith("quorum.share") ? "quorumShare" : "quorumMembers";
    return { ...e, field: `m${i}-${key}` };
  });
  return { status: error.status, problem: { ...error.problem, errors: renamed } };
}
