// The draft of a surplus vote, for the board and the returning officer: a new one (POST /api/surplus) or a draft
// changed before voting opens (PUT /api/surplus/{id}). Money is typed in pounds and sent as whole pence, exactly.
// Its words are the surplus feature's ("surplus.board.*") and contests-admin's ("contests.surplus.*").
import { api } from "/api.js";
import { checkbox, el, errorBox, field, showErrors } from "/dom.js";
import { t } from "/i18n.js";

const KINDS = ["reserve", "member_dividend", "investor_dividend", "other"];
const DEFAULT_KINDS = ["reserve", "member_dividend", "other", "other", "other"];

/** Pounds as typed ("1234.56", "1,234") to whole pence, exactly, or null. */
export function toPence(text) {
  const m = /^£?\s*(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, "").trim());
  return m ? Number(m[1]) * 100 + Number((m[2] || "0").padEnd(2, "0")) : null;
}

/** Whole pence as pounds to type again ("1234.56"), with no rounding. */
function typedPounds(pence) {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
}

/** The form: vote is the draft to change, or null for a new one; saved(view) is called once the API accepts it. */
export function draftForm(constituencies, vote, saved) {
  const box = errorBox();
  const kinds = KINDS.map((k) => [k, t(`surplus.kind.${k}`)]);
  const rows = Math.max(5, vote?.pots.length || 0);
  const potName = (i) => (vote ? vote.pots[i]?.name ?? "" : i < 3 ? t(`surplus.board.defaultPot${i}`) : "");
  const potKind = (i) => (vote ? vote.pots[i]?.kind ?? "other" : DEFAULT_KINDS[i]);
  const pots = el("fieldset", {}, el("legend", {}, t("surplus.board.pots")), Array.from({ length: rows }, (_, i) => el("div", { class: "pot-row" },
    field(t("surplus.board.potName", { n: i + 1 }), `pots[${i}].name`, { name: `potName${i}`, value: potName(i) }),
    field(t("surplus.board.potKind", { n: i + 1 }), `pots[${i}].kind`, { name: `potKind${i}`, value: potKind(i) }, { kind: "select", options: kinds }))));
  const limits = vote?.limits;
  const proposals = (vote?.proposals || []).map((p) => `${p.title}: ${p.percents.join(", ")}`).join("\n");
  const form = el("form", { class: "draft", novalidate: true }, box,
    field(t("surplus.board.titleField"), "title", { required: true, value: vote?.title || "" }),
    field(t("surplus.board.constituency"), "constituencyId", { value: vote ? String(vote.constituencyId) : undefined },
      { kind: "select", options: constituencies.map((c) => [String(c.id), c.name]) }),
    field(t("surplus.board.surplus"), "surplusPence", { inputmode: "decimal", required: true, value: vote ? typedPounds(vote.surplusPence) : "" },
      { hint: t("surplus.board.surplusHint") }),
    field(t("surplus.board.form"), "form", { value: vote?.form }, { kind: "select",
      options: [["split", t("surplus.form.split")], ["proposals", t("surplus.form.proposals")]] }),
    field(t("surplus.board.rule"), "rule", { value: vote?.rule || undefined }, { kind: "select",
      options: [["independent-markets", t("surplus.rule.independent-markets")], ["mean", t("surplus.rule.mean")]] }),
    pots,
    field(t("surplus.board.reserveMinimum"), "reserveMinimum", { type: "number", min: 0, max: 100, value: limits ? limits.reserveMinimum : "20" }),
    field(t("surplus.board.memberDividendMaximum"), "memberDividendMaximum", { type: "number", min: 0, max: 100, value: limits?.memberDividendMaximum ?? "" }),
    field(t("surplus.board.dividendsMaximum"), "dividendsMaximum", { type: "number", min: 0, max: 100, value: limits ? limits.dividendsMaximum ?? "" : "50" }),
    checkbox(t("surplus.board.investors"), "investorsAtMostMembers", { checked: limits ? limits.investorsAtMostMembers : true }),
    field(t("surplus.board.proposals"), "proposals", { rows: 4 }, { kind: "textarea", hint: t("surplus.board.proposalsHint") }),
    el("button", { type: "submit", class: "big" }, vote ? t("contests.surplus.saveChanges") : t("surplus.board.save")));
  form.elements.proposals.value = proposals;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const number = (name) => (data.get(name) === "" ? null : Number(data.get(name)));
    const split = data.get("form") === "split";
    const pence = toPence(String(data.get("surplusPence")));
    const body = {
      title: data.get("title"), constituencyId: Number(data.get("constituencyId")), surplusPence: pence ?? -1, form: data.get("form"),
      rule: split ? data.get("rule") : null,
      pots: Array.from({ length: rows }, (_, i) => ({ name: String(data.get(`potName${i}`)).trim(), kind: data.get(`potKind${i}`) })).filter((p) => p.name),
      limits: { reserveMinimum: number("reserveMinimum"), memberDividendMaximum: number("memberDividendMaximum"),
        dividendsMaximum: number("dividendsMaximum"), investorsAtMostMembers: data.get("investorsAtMostMembers") !== null },
      proposals: split ? [] : String(data.get("proposals")).split("\n").map((line) => line.trim()).filter(Boolean).map((line) => {
        const at = line.lastIndexOf(":");
        return { title: line.slice(0, at).trim() || line, percents: line.slice(at + 1).split(",").map((x) => Number(x.trim())) };
      }),
    };
    try {
      saved(await api(vote ? `/api/surplus/${vote.id}` : "/api/surplus", { method: vote ? "PUT" : "POST", body }));
    } catch (error) {
      showErrors(form, box, error);
    }
  });
  return form;
}
