// Starts the portal: who is logged in, the organisation, the words, the features' pages, then the router.
import { api } from "/api.js";
import { el, labelTables } from "/dom.js";
import features from "/features.js";
import { available, choose, init, lang, loadFeature, t } from "/i18n.js";
import { currentRole, home, link, menu, setRole, start, where } from "/router.js";

const context = { me: null, organisation: { name: "Mutual Vote" } };

async function boot() {
  await init();
  const [me, organisation] = await Promise.all([
    api("/api/me").catch((error) => { if (error.status === 401) return null; throw error; }),
    api("/api/organisation").catch(() => ({ name: "Mutual Vote" })),
  ]);
  context.me = me;
  context.organisation = organisation;
  for (const name of features) {
    await loadFeature(name);
    await import(`/${name}.js`);
  }
  const after = sessionStorage.getItem("mutualvote.after");
  if (me && after) {
    sessionStorage.removeItem("mutualvote.after");
    if (after !== location.hash) history.replaceState(null, "", after);
  }
  labelTables(document.getElementById("main"));
  await start(context, () => shell());
}

/** The header (organisation, menu of the current role, role and language switches) and the footer. */
function shell() {
  const me = context.me;
  document.getElementById("site-name").textContent = context.organisation.name;
  document.getElementById("skip").textContent = t("nav.skip");
  document.getElementById("menu").setAttribute("aria-label", t("nav.menu"));
  const session = document.getElementById("session");
  const languages = el("div", { class: "languages", role: "group", "aria-label": t("nav.language") },
    Object.entries(available()).filter(([code]) => code !== lang).map(([code, name]) => el("button", {
      type: "button", class: "link", lang: code, onclick: () => { choose(code); location.reload(); },
    }, name)));
  if (!me) {
    session.replaceChildren(languages,
      el("a", { class: "button", href: "/login", onclick: () => sessionStorage.setItem("mutualvote.after", location.hash) }, t("nav.login")));
    document.getElementById("menu").replaceChildren();
  } else {
    const role = currentRole();
    const roles = me.roles.filter((r) => menu(r).length);
    const switcher = roles.length > 1 ? roleSwitch(roles, role) : null;
    session.replaceChildren(...[languages, el("span", { class: "who" }, me.name || me.username), switcher,
      el("a", { class: "button secondary", href: "/logout" }, t("nav.logout"))].filter(Boolean));
    const items = role ? menu(role) : menu(null);
    pageMenu(items);
  }
  const o = context.organisation;
  document.getElementById("footer").replaceChildren(
    el("p", {}, t("footer.help"), " ",
      o.helpEmail ? el("a", { href: `mailto:${o.helpEmail}` }, o.helpEmail) : null,
      o.helpEmail && o.helpPhone ? " · " : null,
      o.helpPhone ? el("a", { href: `tel:${o.helpPhone.replace(/\s/g, "")}` }, o.helpPhone) : null,
      o.helpUrl ? el("a", { href: o.helpUrl }, t("footer.helpPage")) : null),
    el("p", { class: "muted" }, t("footer.powered"), " · ", el("a", { href: "/q/swagger-ui" }, t("footer.api"))));
}

/**
 * The role's pages. On a phone they fold behind a "Menu" button (a disclosure: aria-expanded, Escape closes it
 * and gives focus back); from tablet width up the list is always shown and the button is not.
 */
function pageMenu(items) {
  const nav = document.getElementById("menu");
  const list = el("ul", { id: "menu-list" }, items.map((p) => el("li", {},
    link(p.path, t(p.nav), where().path === p.path ? { "aria-current": "page" } : {}))));
  const toggle = el("button", { type: "button", class: "menu-toggle secondary", "aria-expanded": "false", "aria-controls": "menu-list" },
    el("span", { class: "menu-icon", "aria-hidden": "true" }, "☰"), " ", t("nav.menuButton"));
  const open = (yes) => {
    toggle.setAttribute("aria-expanded", String(yes));
    nav.classList.toggle("is-open", yes);
  };
  toggle.addEventListener("click", () => open(toggle.getAttribute("aria-expanded") !== "true"));
  const escape = (event) => {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      open(false);
      toggle.focus();
    }
  };
  toggle.addEventListener("keydown", escape);
  list.addEventListener("keydown", escape);
  list.addEventListener("click", (event) => { if (event.target.closest("a")) open(false); });
  nav.classList.remove("is-open");
  nav.replaceChildren(...(items.length ? [toggle, list] : []));
}

function roleSwitch(roles, role) {
  const select = el("select", { id: "role-switch", onchange: () => { setRole(select.value); location.hash = `#${home(select.value)}`; } },
    roles.map((r) => el("option", { value: r, selected: r === role }, t(`role.${r}`))));
  return el("div", { class: "role-switch" }, el("label", { for: "role-switch" }, t("nav.actingAs")), select);
}

boot().catch((error) => {
  document.getElementById("main").replaceChildren(el("div", { class: "error", role: "alert" }, el("p", {}, error.message)));
});
