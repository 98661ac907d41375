// A member's own record: sign-up for someone without one, details, edit, leave, rejoin, erase.
import { api } from "/api.js";
import { checkbox, clearErrors, confirmStep, dateInput, dateValue, el, errorBox, facts, field, problem, showErrors } from "/dom.js";
import { date, t } from "/i18n.js";
import { go, link, page } from "/router.js";

page({ path: "/member", title: "membership.title", nav: "membership.nav", order: 30, render: renderMine });
page({ path: "/join", role: null, title: "membership.join.title", render: renderMine });
page({ path: "/member/edit", title: "membership.edit.title", render: renderEdit });

async function renderMine({ main, me }) {
  const member = (await api("/api/me")).member;
  if (!member) {
    main.append(await signUpForm(me));
    return;
  }
  const errors = errorBox();
  main.append(
    el("p", { id: "membership", class: `status status-${member.status}` }, t(`membership.status.${member.status}`)),
    facts([
      [t("membership.name"), member.name],
      [t("membership.email"), member.email],
      [t("membership.dateOfBirth"), date(member.dateOfBirth)],
      [t("membership.postcode"), member.postcode],
      [t("membership.staffClass"), member.staffClass],
      [t("membership.constituency"), member.constituencyName],
      [t("membership.since"), date(member.joinedOn)],
    ], { id: "member-details" }),
    errors);
  const actions = el("p", { class: "actions" });
  main.append(actions);
  if (member.status === "removed") {
    actions.append(el("span", {}, t("membership.removed.help")));
    return;
  }
  actions.append(link("/member/edit", t("membership.edit"), { class: "button secondary" }));
  /** A button that says what it will do, then does it and shows the record again. */
  const step = (name, call, danger) => el("button", { type: "button", class: danger ? "secondary" : "", onclick: async () => {
    if (!await confirmStep(actions, { consequence: t(`membership.${name}.consequence`), yes: t(`membership.${name}.yes`), danger })) return;
    try {
      await call();
      go(`/member?at=${Date.now()}`);
    } catch (error) {
      errors.replaceWith(problem(error));
    }
  } }, t(`membership.${name}`));
  if (member.status === "lapsed") actions.prepend(step("rejoin", () => api("/api/members/me/rejoin", { method: "POST" }), false), " ");
  else actions.append(" ", step("leave", () => api("/api/members/me/leave", { method: "POST" }), true));
  actions.append(" ", step("erase", () => api("/api/members/me", { method: "DELETE" }), true));
}

async function constituencyField(selected) {
  const options = [["", t("membership.constituency.auto")]];
  try {
    for (const c of await api("/api/constituencies")) options.push([String(c.id), `${c.name} (${t(`constituency.kind.${c.kind}`)})`]);
  } catch {
    // the list is a convenience; the server still decides
  }
  return field(t("membership.constituency.choose"), "constituencyId", { value: selected ? String(selected) : "" },
    { kind: "select", options, hint: t("membership.constituency.hint") });
}

function detailsFields(m, me) {
  return [
    field(t("membership.name"), "name", { required: true, autocomplete: "name", value: m?.name || me?.name || "" }),
    field(t("membership.email"), "email", { type: "email", required: true, autocomplete: "email", value: m?.email || me?.email || "" }),
    dateInput(t("membership.dateOfBirth"), "dateOfBirth", m?.dateOfBirth, { hint: t("membership.dateOfBirth.hint"), autocomplete: "bday" }),
    field(t("membership.postcode"), "postcode", { autocomplete: "postal-code", value: m?.postcode || "" }, { hint: t("membership.postcode.hint") }),
    field(t("membership.staffClass"), "staffClass", { value: m?.staffClass || "" }, { hint: t("membership.staffClass.hint") }),
  ];
}

function values(form) {
  const data = Object.fromEntries([...new FormData(form).entries()].filter(([key]) => !key.startsWith("dateOfBirth-")));
  for (const key of Object.keys(data)) if (data[key] === "") data[key] = null;
  data.constituencyId = data.constituencyId ? Number(data.constituencyId) : null;
  data.dateOfBirth = dateValue(form, "dateOfBirth") ?? null;
  return data;
}

/**
 * Day, month and year that make no real date (31/02/1990) are sent as no date, which the server refuses with the
 * other fields' mistakes; the portal then says what is really wrong with the date, once, beside the group.
 */
function sayNotARealDate(form, error) {
  if (dateValue(form, "dateOfBirth") !== undefined || !error.problem) return error;
  const others = (error.problem.errors || []).filter((e) => e.field !== "dateOfBirth");
  error.problem = { ...error.problem, errors: [{ field: "dateOfBirth", code: "real-date", message: t("problem.field.real-date") }, ...others] };
  return error;
}

async function signUpForm(me) {
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: true, id: "sign-up" },
    el("h2", {}, t("membership.join.heading")),
    el("p", {}, t("membership.join.intro")),
    ...detailsFields(null, me),
    await constituencyField(null),
    checkbox(t("membership.consent"), "consent"),
    errors,
    el("button", { type: "submit" }, t("membership.apply")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = values(form);
    body.consent = form.elements.consent.checked;
    try {
      await api("/api/members", { method: "POST", body });
      clearErrors(form);
      go("/member");
    } catch (error) {
      showErrors(form, errors, sayNotARealDate(form, error));
    }
  });
  return form;
}

async function renderEdit({ main }) {
  const member = (await api("/api/me")).member;
  if (!member) { go("/member"); return; }
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: true },
    ...detailsFields(member), await constituencyField(member.constituencyId), errors,
    el("p", { class: "actions" }, el("button", { type: "submit" }, t("action.save")), " ", link("/member", t("action.cancel"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("/api/members/me", { method: "PUT", body: values(form) });
      go("/member");
    } catch (error) {
      showErrors(form, errors, sayNotARealDate(form, error));
    }
  });
  main.append(form);
}
