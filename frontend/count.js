// A count shown two ways: a chart of the stages (a bar per candidate per stage, what each gained or lost
// shown on the bar) that fits a phone, and the full count sheet (a row per candidate, a column per stage).
import { el } from "/dom.js";
import { number, t } from "/i18n.js";

/** "12.00000" -> "12", "3.14159" -> "3.14": what a person reads; the sheet keeps every digit. */
export function plainNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) ? number(n, { maximumFractionDigits: 2 }) : String(value ?? "");
}

/** The engine's stage action in the reader's words ("Surplus of Ash", "Exclusion of Birch"). */
function action(text) {
  if (!text) return "";
  const known = [["First preferences", "count.action.first"], ["Surplus of ", "count.action.surplus"],
    ["Exclusion of ", "count.action.exclusion"], ["Defeat of ", "count.action.defeat"], ["Elected ", "count.action.elected"],
    ["Remaining candidates elected", "count.action.remaining"]];
  for (const [start, key] of known) {
    if (text.startsWith(start)) return t(key, { who: text.slice(start.length) });
  }
  return text;
}

export function countChart(report, election) {
  const stages = report.stages || [];
  const names = report.candidates || [];
  const quota = Number(report.quota) || 0;
  const max = Math.max(quota, ...stages.flatMap((s) => names.map((n) => Number(s.votes[n]) || 0))) || 1;
  const pct = (v) => `${Math.max(0, Math.min(100, (v / max) * 100))}%`;
  const figure = el("figure", { class: "chart", id: "count-chart" },
    el("figcaption", {}, t("count.chart.caption"), " ",
      quota && !["irv", "fptp"].includes(election?.method) ? t("count.chart.quota", { quota: plainNumber(report.quota) }) : ""));
  const electedSoFar = new Set();
  const excludedSoFar = new Set();
  for (const [index, s] of stages.entries()) {
    s.elected.forEach((n) => electedSoFar.add(n));
    s.excluded.forEach((n) => excludedSoFar.add(n));
    const rows = names.map((n) => {
      const votes = Number(s.votes[n]) || 0;
      const change = index === 0 ? 0 : Number(s.transfers?.[n]) || 0;
      const before = votes - change;
      const bar = el("span", { class: "track", "aria-hidden": "true" });
      const kept = el("span", { class: "kept" });
      kept.style.width = pct(change > 0 ? before : votes);
      bar.append(kept);
      if (change > 0) {
        const gain = el("span", { class: "gain" });
        gain.style.width = pct(change);
        bar.append(gain);
      } else if (change < 0) {
        const loss = el("span", { class: "loss" });
        loss.style.width = pct(-change);
        bar.append(loss);
      }
      if (quota && !["irv", "fptp"].includes(election?.method)) {
        const line = el("span", { class: "quota" });
        line.style.left = pct(quota);
        bar.append(line);
      }
      const state = s.elected.includes(n) ? t("count.elected") : s.excluded.includes(n) ? t("count.excluded")
        : electedSoFar.has(n) ? t("count.electedEarlier") : excludedSoFar.has(n) ? t("count.out") : "";
      const changeText = change ? ` (${change > 0 ? "+" : "−"}${plainNumber(Math.abs(change))})` : "";
      return el("li", { class: `${s.elected.includes(n) ? "is-elected" : ""} ${excludedSoFar.has(n) ? "is-out" : ""}`.trim() },
        el("span", { class: "label" }, el("span", { class: "name" }, n),
          el("span", { class: "value" }, `${plainNumber(votes)}${changeText}`, state ? ` · ${state}` : "")),
        bar);
    });
    figure.append(el("section", { class: "stage" },
      el("h3", {}, t("count.stage", { n: s.stage }), el("span", { class: "muted" }, ` · ${action(s.action)}`)),
      el("ul", {}, rows)));
  }
  figure.append(el("p", { class: "legend muted" },
    el("span", { class: "key gain", "aria-hidden": "true" }), ` ${t("count.legend.gain")} `,
    el("span", { class: "key loss", "aria-hidden": "true" }), ` ${t("count.legend.loss")}`));
  return figure;
}

/** The whole count as a scrutineer reads it, one click away: every digit, the rule, the seed. */
export function countSheet(report, result) {
  const stages = report.stages || [];
  const head = el("tr", {}, el("th", { scope: "col" }, t("count.sheet.candidate")),
    stages.map((s) => el("th", { scope: "col" }, t("count.stage", { n: s.stage }))));
  const rows = report.candidates.map((name) => el("tr", {}, el("th", { scope: "row" }, name),
    stages.map((s) => {
      const mark = s.elected.includes(name) ? " ✔" : s.excluded.includes(name) ? " ✘" : "";
      return el("td", {}, s.votes[name] + mark);
    })));
  const nonTransferable = el("tr", {}, el("th", { scope: "row" }, t("count.sheet.nonTransferable")),
    stages.map((s) => el("td", {}, s.nonTransferable)));
  const steps = el("ol", { class: "stages" }, stages.map((s) => el("li", {}, action(s.action),
    s.note ? el("span", { class: "muted" }, ` (${s.note})`) : null)));
  return el("details", { class: "count-sheet" },
    el("summary", {}, t("count.sheet.open")),
    el("p", { class: "muted" }, t("count.sheet.rule", { rule: report.rule, quota: report.quota ?? "—", seed: result?.seed ?? report.seed ?? "—" })),
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("count.sheet.open") },
      el("table", {}, el("thead", {}, head), el("tbody", {}, rows, nonTransferable))),
    steps);
}
