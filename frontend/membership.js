// The membership part of the portal: sign-up for someone without a record, details/edit/leave for a member.
import { api, describe } from "/api.js";
import { el } from "/dom.js";

function field(label, name, attrs = {}) {
  const id = `f-${name}`;
  return [el("label", { for: id }, label), el("input", { id, name, ...attrs })];
}

function errorBox() {
  return el("div", { class: "error", role: "alert", hidden: "" });
}

function showProblem(box, error) {
  box.replaceChildren(...describe(error).map((line) => el("p", {}, line)));
  box.hidden = false;
}

function formValues(form) {
  const data = Object.fromEntries(new FormData(form).entries());
  for (const key of Object.keys(data)) {
    if (data[key] === "") data[key] = null;
  }
  return data;
}

async function constituencyChoice(selected) {
  const select = el("select", { id: "f-constituencyId", name: "constituencyId" },
    el("option", { value: "" }, "Decide from my postcode or staff class"));
  try {
    for (const c of await api("/api/constituencies")) {
      const option = el("option", { value: String(c.id) }, `${c.name} (${c.kind})`);
      if (c.id === selected) option.selected = true;
      select.append(option);
    }
  } catch {
    // the list is a convenience; the server still decides
  }
  return [el("label", { for: "f-constituencyId" }, "Constituency (only needed for patient and other constituencies)"), select];
}

function toBody(values) {
  const body = { ...values };
  body.constituencyId = values.constituencyId ? Number(values.constituencyId) : null;
  return body;
}

export async function renderSignUp(container, me, onDone) {
  const errors = errorBox();
  const form = el("form", { class: "card", novalidate: "" },
    el("h3", {}, "Become a member"),
    el("p", {}, "Give a postcode if you join as a member of the public, or your staff class if you work here."),
    ...field("Full name", "name", { required: "", autocomplete: "name", value: me.name || "" }),
    ...field("Email", "email", { type: "email", required: "", autocomplete: "email", value: me.email || "" }),
    ...field("Date of birth", "dateOfBirth", { type: "date", required: "" }),
    ...field("Postcode", "postcode", { autocomplete: "postal-code" }),
    ...field("Staff class (staff only)", "staffClass"),
    ...(await constituencyChoice(null)),
    el("label", { class: "check" },
      el("input", { type: "checkbox", name: "consent", id: "f-consent" }),
      " I agree to the membership terms"),
    errors,
    el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = toBody(formValues(form));
    body.consent = form.elements.consent.checked;
    try {
      await api("/api/members", { method: "POST", body });
      onDone();
    } catch (error) {
      showProblem(errors, error);
    }
  });
  container.append(form);
}

export function renderMember(container, member, onDone) {
  const errors = errorBox();
  const details = el("dl", { id: "member-details" },
    el("dt", {}, "Name"), el("dd", {}, member.name),
    el("dt", {}, "Email"), el("dd", {}, member.email),
    el("dt", {}, "Date of birth"), el("dd", {}, member.dateOfBirth || "—"),
    el("dt", {}, "Postcode"), el("dd", {}, member.postcode || "—"),
    el("dt", {}, "Staff class"), el("dd", {}, member.staffClass || "—"),
    el("dt", {}, "Constituency"), el("dd", {}, member.constituencyName),
    el("dt", {}, "Status"), el("dd", {}, member.status),
    el("dt", {}, "Member since"), el("dd", {}, member.joinedOn));
  const edit = el("button", { type: "button", class: "secondary" }, "Edit my details");
  const leave = el("button", { type: "button", class: "secondary" }, "Leave");
  const erase = el("button", { type: "button", class: "secondary" }, "Erase my personal data");
  const card = el("section", { class: "card" }, el("h3", {}, "Your membership"), details, errors,
    el("p", { class: "actions" }, edit, " ", leave, " ", erase));
  container.append(card);

  edit.addEventListener("click", async () => {
    const form = el("form", { class: "card", novalidate: "" },
      el("h3", {}, "Edit my details"),
      ...field("Full name", "name", { required: "", value: member.name || "" }),
      ...field("Email", "email", { type: "email", required: "", value: member.email || "" }),
      ...field("Date of birth", "dateOfBirth", { type: "date", required: "", value: member.dateOfBirth || "" }),
      ...field("Postcode", "postcode", { value: member.postcode || "" }),
      ...field("Staff class (staff only)", "staffClass", { value: member.staffClass || "" }),
      ...(await constituencyChoice(member.constituencyId)),
      errors,
      el("button", { type: "submit" }, "Save"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api("/api/members/me", { method: "PUT", body: toBody(formValues(form)) });
        onDone();
      } catch (error) {
        showProblem(errors, error);
      }
    });
    card.replaceWith(form);
  });

  leave.addEventListener("click", async () => {
    if (!confirm("Leave the membership? You will no longer vote.")) return;
    try {
      await api("/api/members/me/leave", { method: "POST" });
      onDone();
    } catch (error) {
      showProblem(errors, error);
    }
  });

  erase.addEventListener("click", async () => {
    if (!confirm("Erase your name, email, date of birth and address? This cannot be undone.")) return;
    try {
      await api("/api/members/me", { method: "DELETE" });
      onDone();
    } catch (error) {
      showProblem(errors, error);
    }
  });
}
