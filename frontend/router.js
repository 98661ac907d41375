// Pages with real addresses. An address is a hash route, "#/<role>/<page>/<id>?<query>", so Back, bookmarks
// and reload work with no server fallback. Each feature registers its pages from its own module:
//
//   import { page } from "/router.js";
//   page({ path: "/board/motions/:id", title: "motions.page.title", nav: "motions.nav", order: 20,
//          render: async ({ main, params, query, me, role }) => { main.append(...) } });
//
// The first segment names the role a page is for (member, board, admin, scrutineer); a page with `nav`
// appears in that role's menu. `public: true` pages need no login; `role: null` pages need a login only.
import { ApiError } from "/api.js";
import { el, problem } from "/dom.js";
import { t } from "/i18n.js";

export const ROLES = ["member", "board", "admin", "scrutineer"];
const ROLE_STORE = "mutualvote.role";
const pages = [];
let context = { me: null, organisation: {} };
let onRoleChange = () => {};
let first = true;
let rendering = 0;

export function page(spec) {
  const keys = [];
  const source = spec.path.replace(/:(\w+)/g, (_, key) => { keys.push(key); return "([^/]+)"; });
  const segment = spec.path.split("/")[1];
  const role = "role" in spec ? spec.role : ROLES.includes(segment) ? segment : null;
  pages.push({ order: 50, ...spec, role, keys, pattern: new RegExp(`^${source}/?$`) });
}

/** The menu of a role: its pages that have a `nav` key, in `order`. */
export function menu(role) {
  return pages.filter((p) => p.role === role && p.nav).sort((a, b) => a.order - b.order);
}

export function href(path) {
  return `#${path}`;
}

export function link(path, text, attrs = {}) {
  return el("a", { href: href(path), ...attrs }, text);
}

export function go(path) {
  if (location.hash === href(path)) render();
  else location.hash = href(path);
}

/** Where the page is now: path and query of the hash. */
export function where() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search = ""] = raw.split("?");
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** The role the person is acting in now (one of theirs). */
export function currentRole() {
  const mine = context.me?.roles || [];
  const stored = sessionStorage.getItem(ROLE_STORE);
  if (stored && mine.includes(stored)) return stored;
  return ROLES.find((r) => mine.includes(r)) || null;
}

export function setRole(role) {
  sessionStorage.setItem(ROLE_STORE, role);
  onRoleChange(role);
}

export function start(ctx, roleChanged) {
  context = ctx;
  onRoleChange = roleChanged;
  const segment = where().path.split("/")[1];
  if (ROLES.includes(segment) && ctx.me?.roles.includes(segment)) sessionStorage.setItem(ROLE_STORE, segment);
  onRoleChange(currentRole());
  window.addEventListener("hashchange", render);
  return render();
}

/** The home of a role: its first menu page. */
export function home(role) {
  return menu(role)[0]?.path || "/";
}

async function render() {
  const mine = ++rendering;
  const at = location.hash;
  const { path, query } = where();
  const main = document.getElementById("main");
  const found = pages.map((p) => ({ p, m: p.pattern.exec(path) })).find((x) => x.m);
  const heading = el("h1", { tabindex: "-1", id: "page-title" });
  const body = el("div", { class: "page" });
  main.replaceChildren(heading, body);
  main.setAttribute("aria-busy", "true");
  if (!found) {
    title(heading, t("page.notFound"));
    body.append(el("p", {}, t("page.notFound.text")), el("p", {}, link("/", t("page.home"))));
    return settle(heading, mine, at);
  }
  const { p, m } = found;
  const params = Object.fromEntries(p.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
  const me = context.me;
  if (!p.public && !me) {
    title(heading, t("page.login"));
    body.append(el("p", {}, t("page.login.text")),
      el("p", {}, el("a", { class: "button", href: "/login", onclick: () => sessionStorage.setItem("mutualvote.after", location.hash) },
        t("nav.login"))));
    return settle(heading, mine, at);
  }
  if (p.role && !me.roles.includes(p.role)) {
    title(heading, t("page.forbidden"));
    body.append(el("p", {}, t("page.forbidden.text", { role: t(`role.${p.role}`) })), el("p", {}, link("/", t("page.home"))));
    return settle(heading, mine, at);
  }
  if (p.role && p.role !== currentRole()) setRole(p.role);
  title(heading, p.title ? t(p.title, params) : "");
  try {
    await p.render({ main: body, params, query, me, role: p.role, organisation: context.organisation, heading, setTitle: (text) => title(heading, text) });
  } catch (error) {
    // A problem from the API is said in the reader's words; anything else is a fault in the portal itself.
    body.append(error instanceof ApiError ? problem(error) : el("div", { class: "error", role: "alert" }, el("p", {}, error.message || String(error))));
  }
  for (const a of document.querySelectorAll("#menu a")) {
    if (a.getAttribute("href") === href(path)) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  return settle(heading, mine, at);
}

function title(heading, text) {
  heading.textContent = text;
  document.title = text ? `${text} · ${context.organisation.name || "Mutual Vote"}` : context.organisation.name || "Mutual Vote";
}

/** After the first page, moving to a page puts focus on its heading, so a screen reader says where you are. */
function settle(heading, mine, at) {
  if (mine !== rendering || at !== location.hash) return; // a newer page has started, or this one sent us on
  const main = document.getElementById("main");
  main.dataset.page = at;
  main.setAttribute("aria-busy", "false");
  if (!first) heading.focus();
  first = false;
}
