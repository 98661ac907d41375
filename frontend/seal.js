// What a result is checked against, shown beside it: the digest of the ballot set sealed at close and the audit
// log's head, each with a copy button and a sentence on what it lets a scrutineer check. Used by every kind of
// contest's result and by the bulletin board; the note that says when what the ballots say is kept from the reader, and
// the link to the file of every ballot where it is not;
// its words are the shell's (/i18n/<lang>.json, "seal.*").
import { api } from "/api.js";
import { el, facts } from "/dom.js";
import { dateTime, t } from "/i18n.js";

let count = 0;

/** A button that copies text and says so in a live region. */
function copyButton(label, text, status) {
  return el("button", { type: "button", class: "secondary copy", onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = t("seal.copied");
    } catch {
      status.textContent = t("seal.copyFailed");
    }
  } }, label);
}

/**
 * The seal of a closed contest: {ballotDigest, sealedBallots, auditHead} as the result and board answers carry
 * them. Nothing is shown for a contest sealed before digests were kept.
 */
export function sealPanel({ ballotDigest, sealedBallots, auditHead }) {
  if (!ballotDigest && !auditHead) return null;
  const id = `seal-${++count}`;
  const status = el("p", { class: "muted", "aria-live": "polite" });
  const pairs = [];
  if (ballotDigest) {
    const what = sealedBallots === null || sealedBallots === undefined ? t("seal.digestWhat") : t("seal.digestWhatN", { n: sealedBallots });
    pairs.push([t("seal.digest"), [el("code", { class: "tracker" }, ballotDigest), el("p", { class: "muted" }, what),
      copyButton(t("seal.copyDigest"), ballotDigest, status)]]);
  }
  if (auditHead) {
    // The head as POST /api/audit/verify takes it back, signature and all.
    const file = JSON.stringify({ seq: auditHead.seq, hash: auditHead.hash, at: auditHead.at, keyId: auditHead.keyId,
      signature: auditHead.signature });
    pairs.push([t("seal.head"), [el("code", { class: "tracker" }, auditHead.hash),
      el("p", { class: "muted" }, t("seal.headWhat", { seq: String(auditHead.seq), when: dateTime(auditHead.at), keyId: auditHead.keyId })),
      copyButton(t("seal.copyHead"), file, status), " ",
      el("a", { href: "/api/audit/public-key", download: "mutualvote-audit-key.pem" }, t("seal.publicKey"))]]);
  }
  return el("section", { class: "card seal", "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title` }, t("seal.title")),
    facts(pairs, { class: "seal-facts" }),
    status);
}

/**
 * Said where a board's ballots or their file would be, when the service keeps what the ballots say from this reader
 * ({@code contentsWithheld} on the board and the result: too small a roll or turnout).
 */
export function withheldNote() {
  return el("p", { class: "withheld-note", id: "contents-withheld" }, t("seal.withheld"));
}

/** The link that downloads every ballot of a contest (kind: elections, motions or surplus), the file anyone can recount. */
export function ballotsFile(kind, id, label) {
  const [name, type] = { elections: ["election", "blt"], motions: ["motions", "txt"], surplus: ["surplus", "txt"] }[kind];
  return el("a", { href: `/api/${kind}/${id}/bulletin.${type}`, download: `${name}-${id}.${type}` }, label);
}

/** Whether the board at boardPath (/api/<kind>/<id>/bulletin) keeps what the ballots say from this reader, before a result says so. */
export async function contentsWithheld(boardPath) {
  return (await api(`${boardPath}?limit=1`)).contentsWithheld;
}
