// End-to-end login check: a real Chromium logs in to the portal through the real Keycloak and out again.
// Run it through keycloak/e2e.sh, which starts Keycloak and the portal and installs playwright-core.
//
// Environment: PLAYWRIGHT_DIR (a directory whose node_modules holds playwright-core, required),
// PORTAL_URL (http://localhost:8080), KEYCLOAK_URL (http://localhost:8180), E2E_USER / E2E_PASSWORD
// (mia / mia), E2E_ROLE (member), CHROMIUM (/usr/bin/chromium), SCREENSHOT (a .png path, optional).
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = process.env;
const portal = env.PORTAL_URL || "http://localhost:8080";
const keycloak = env.KEYCLOAK_URL || "http://localhost:8180";
const user = env.E2E_USER || "mia";
const password = env.E2E_PASSWORD || user;
const role = env.E2E_ROLE || "member";
if (!env.PLAYWRIGHT_DIR) {
  console.error("FAIL: set PLAYWRIGHT_DIR to a directory with playwright-core in its node_modules");
  process.exit(2);
}
const { chromium } = createRequire(join(env.PLAYWRIGHT_DIR, "package.json"))("playwright-core");

const steps = [];
function check(condition, what) {
  if (!condition) throw new Error(what);
  steps.push(what);
  console.log(`  ok  ${what}`);
}

const profile = mkdtempSync(join(tmpdir(), "mutual-vote-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
  viewport: { width: 1000, height: 700 },
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(20000);
const loginLink = page.locator("#session a", { hasText: "Log in" });
const me = () => page.evaluate(async () => {
  const r = await fetch("/api/me", { credentials: "same-origin", headers: { Accept: "application/json" } });
  return { status: r.status, type: r.headers.get("Content-Type"), body: await r.json().catch(() => null) };
});

let failed = null;
try {
  await page.goto(`${portal}/`);
  await loginLink.waitFor();
  check(true, `anonymous portal at ${portal}/ offers "Log in"`);
  const anonymous = await me();
  check(anonymous.status === 401 && anonymous.type?.startsWith("application/problem+json"),
    `anonymous /api/me is 401 problem+json (got ${anonymous.status} ${anonymous.type})`);

  await loginLink.click();
  await page.waitForURL((url) => url.href.startsWith(`${keycloak}/realms/mutual-vote/`));
  const authorize = new URL(page.url());
  check(true, `"Log in" leads to the Keycloak login form (${authorize.origin}${authorize.pathname})`);
  check(authorize.searchParams.get("code_challenge_method") === "S256" && authorize.searchParams.get("code_challenge"),
    "the authorization request uses PKCE (S256)");
  const state = (await context.cookies(portal)).filter((c) => c.name.startsWith("q_auth"));
  console.log(`      state cookie: ${state.map((c) => `${c.name} SameSite=${c.sameSite}`).join(", ") || "none"}`);

  await page.locator("#username").fill(user);
  await page.locator("#password").fill(password);
  await page.locator("#kc-login").click();
  const loginError = page.locator("#input-error, .kc-feedback-text, .alert-error").first();
  // Whichever comes first: back on the portal, or Keycloak's error message. The loser never rejects.
  const outcome = await Promise.race([
    page.waitForURL((url) => url.href.startsWith(`${portal}/`)).then(() => "portal", (error) => error),
    loginError.waitFor().then(() => "error", () => new Promise(() => {})),
  ]);
  if (outcome instanceof Error) throw outcome;
  if (outcome === "error") throw new Error(`Keycloak refused the login: ${(await loginError.textContent()).trim()}`);
  await page.locator("main[aria-busy='false']").waitFor();
  const who = await page.evaluate(() => fetch("/api/me", { credentials: "same-origin" }).then((r) => r.json()));
  check(who.username === user && (await page.locator("#session .who").isVisible()), `back on the portal (${page.url()}), signed in as ${user}`);
  const roles = who.roles;
  check(roles.includes(role) && page.url().includes(`#/${role}`), `the portal opens the "${role}" pages (roles: ${roles.join(", ")}, at ${page.url()})`);
  check(await page.locator("#session a", { hasText: "Log out" }).isVisible(), `the page offers "Log out"`);

  const cookies = await context.cookies(portal);
  // A session that holds all three tokens is split into chunks (q_session_chunk_1, ...).
  const session = cookies.filter((c) => c.name === "q_session" || c.name.startsWith("q_session_"));
  check(session.length > 0 && session.every((c) => c.sameSite === "Strict" && c.httpOnly),
    `session cookie (${session.map((c) => c.name).join(", ")}) is HttpOnly and SameSite=Strict`);
  const signedIn = await me();
  check(signedIn.status === 200 && signedIn.body?.username === user && signedIn.body?.roles?.includes(role),
    `/api/me with the session cookie: ${JSON.stringify({ username: signedIn.body?.username, roles: signedIn.body?.roles })}`);

  if (env.SCREENSHOT) {
    await page.screenshot({ path: env.SCREENSHOT, fullPage: true });
    console.log(`      screenshot of the signed-in portal: ${env.SCREENSHOT}`);
  }

  await page.locator("#session a", { hasText: "Log out" }).click();
  await page.waitForURL((url) => url.href.startsWith(`${portal}/`) && !url.pathname.startsWith("/logout"));
  await loginLink.waitFor();
  check(true, `"Log out" returns to the portal (${page.url()}), which offers "Log in" again`);
  const after = await me();
  check(after.status === 401, `/api/me after logging out is ${after.status}`);

  // The Keycloak session must be gone too: logging in again asks for the password.
  await loginLink.click();
  await page.waitForURL((url) => url.href.startsWith(`${keycloak}/`) || url.href.startsWith(`${portal}/`));
  check(page.url().startsWith(`${keycloak}/`) && (await page.locator("#password").isVisible()),
    "after logging out, Keycloak asks for the password again (its session ended too)");
} catch (error) {
  failed = error;
  console.log(`  FAILED at: ${error.message.split("\n")[0]}`);
  console.log(`  page was: ${page.url()}`);
  if (env.SCREENSHOT) {
    const shot = env.SCREENSHOT.replace(/\.png$/, "") + "-failure.png";
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.log(`  screenshot: ${shot}`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(failed ? "FAIL" : `PASS (${steps.length} checks)`);
process.exit(failed ? 1 : 0);
