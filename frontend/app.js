import { api, describe } from "/api.js";
import { el } from "/dom.js";
import { renderMember, renderSignUp } from "/membership.js";
import { renderContests, renderResults } from "/vote.js";
import { renderBoardMotions, renderMotions } from "/motions.js";

const main = document.getElementById("main");
const session = document.getElementById("session");

function showError(error) {
  main.replaceChildren(el("div", { class: "error", role: "alert" }, ...describe(error).map((l) => el("p", {}, l))));
}

function renderAnonymous() {
  session.replaceChildren(el("a", { class: "button", href: "/login" }, "Log in"));
  main.replaceChildren(
    el("h2", {}, "Welcome"),
    el("p", {}, "Mutual Vote is where members join, elect governors and board members, and vote on motions."),
    el("p", {}, el("a", { class: "button", href: "/login" }, "Log in to take part")),
  );
}

async function renderMe(me) {
  session.replaceChildren(
    el("span", {}, me.name || me.username),
    el("a", { class: "button secondary", href: "/logout" }, "Log out"),
  );
  const roles = el("p", { class: "roles" }, ...me.roles.map((r) => el("span", {}, r)));
  main.replaceChildren(
    el("h2", {}, `Hello, ${me.name || me.username}`),
    el("dl", {},
      el("dt", {}, "Signed in as"), el("dd", { id: "username" }, me.username),
      el("dt", {}, "Email"), el("dd", {}, me.email || "—"),
      el("dt", {}, "Membership"), el("dd", { id: "membership" }, me.member ? me.member.status : "not a member yet")),
    el("h3", {}, "Your roles"),
    me.roles.length ? roles : el("p", {}, "No roles yet."),
  );
  if (me.member && me.member.status === "active") {
    await renderContests(main);
    await renderResults(main);
    await renderMotions(main);
  }
  if (me.roles.includes("board")) await renderBoardMotions(main);
  const membership = el("div", { id: "membership-panel" });
  main.append(membership);
  if (me.member) renderMember(membership, me.member, start);
  else await renderSignUp(membership, me, start);
}

async function start() {
  try {
    await renderMe(await api("/api/me"));
  } catch (error) {
    if (error.status === 401) renderAnonymous(); else showError(error);
  }
}

start();
