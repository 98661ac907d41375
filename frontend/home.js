// The landing page: who runs the portal, what it is for, how to get help; logged-in people go to their role's home.
import { el } from "/dom.js";
import { t } from "/i18n.js";
import { currentRole, go, home, link, page } from "/router.js";

page({
  path: "/",
  public: true,
  title: "home.title",
  render: async ({ main, me, organisation, setTitle }) => {
    setTitle(organisation.name);
    const role = me && currentRole();
    if (role === "member" && !me.member) {
      go("/member");
      return;
    }
    if (role && home(role) !== "/") {
      go(home(role));
      return;
    }
    main.append(
      el("p", { class: "lead" }, organisation.purpose || t("home.purpose")),
      el("h2", {}, t("home.what")),
      el("ul", {}, ["home.what.join", "home.what.vote", "home.what.check", "home.what.results"].map((k) => el("li", {}, t(k)))),
      me
        ? el("p", {}, link("/join", t("home.join"), { class: "button" }))
        : el("p", {}, el("a", { class: "button", href: "/login" }, t("home.login"))),
      el("h2", {}, t("home.help")),
      el("p", {}, t("home.help.text")),
      helpLines(organisation));
  },
});

function helpLines(o) {
  const lines = [];
  if (o.helpEmail) lines.push([t("home.help.email"), el("a", { href: `mailto:${o.helpEmail}` }, o.helpEmail)]);
  if (o.helpPhone) lines.push([t("home.help.phone"), el("a", { href: `tel:${o.helpPhone.replace(/\s/g, "")}` }, o.helpPhone)]);
  if (o.helpUrl) lines.push([t("home.help.web"), el("a", { href: o.helpUrl }, o.helpUrl)]);
  return el("dl", {}, lines.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
}
