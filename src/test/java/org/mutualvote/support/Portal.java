package org.mutualvote.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The portal in Debian's headless Chromium through Playwright (never a downloaded browser). Pages are
 * found by role and accessible name. {@link #check} is what every page gets: axe-core finds no serious or
 * critical WCAG 2.2 AA violation, nothing scrolls sideways at 320 px, and screenshots at 390 and 1280 px
 * go to target/screenshots for a person to look at.
 */
public final class Portal implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** axe-core, fetched by .ci/run (or here, once) with {@code npm pack axe-core@AXE_VERSION}; never committed. */
    static final String AXE_VERSION = "4.10.3";
    static final Path AXE = Path.of("target", "axe", "package", "axe.min.js");
    static final Path SHOTS = Path.of("target", "screenshots");

    /** Where Debian's chromium-l10n puts the British English locale that native date fields take their order from. */
    static final Path BRITISH_LOCALE = Path.of("/usr/lib/chromium/locales/en-GB.pak");

    private final Playwright playwright;
    private final Map<String, Browser> browsers = new HashMap<>();
    private final String base;

    private static Portal shared;

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** One browser for every journey in the test run, closed when the JVM ends. */
    public static synchronized Portal shared(URL base) {
        if (shared == null) {
            shared = new Portal(base);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public static com.microsoft.playwright.Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public Portal(URL base) {
        this.base = base.toString().replaceAll("/$", "");
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * Chromium for people in Britain whose language is this one ("en-GB", "cy-GB"). A native date field takes its
     * order (dd/mm/yyyy or mm/dd/yyyy) from the browser's own locale, which on Linux comes from LANGUAGE when the
     * browser starts, not from a context's locale; so each language gets its own browser. Chromium has no Welsh locale,
     * and falls back to British English, as a Welsh speaker's Chromium does.
     */
    private synchronized Browser browser(String language) {
        String locale = language.contains("-") ? language.replace('-', '_') : language + "_GB";
        return browsers.computeIfAbsent(locale, l -> {
            assertTrue(Files.exists(BRITISH_LOCALE), "Chromium's British locale is missing (" + BRITISH_LOCALE
                    + "): install chromium-l10n, as .ci/run does, or date fields show mm/dd/yyyy");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("LANGUAGE", l + ":en_GB");
            env.put("LANG", l + ".UTF-8");
            return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                    .setEnv(env).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
        });
    }

    /** A fresh browser (no cookies, no storage) in a language ("en-GB", "cy-GB"), at phone width. */
    public Page phone(String language) {
        BrowserContext context = browser(language).newContext(new Browser.NewContextOptions().setLocale(language).setViewportSize(390, 844)
                .setBaseURL(base));
        context.setDefaultTimeout(20_000);
        // axe-core goes in as an init script: the portal's Content-Security-Policy (script-src 'self') rightly
        // refuses an inline <script> tag, and init scripts are the browser's own, so the page keeps its CSP.
        context.addInitScript(axeScript());
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Page page = context.newPage();
        page.onPageError(error -> System.out.println("[portal page error] " + error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.out.println("[portal console] " + m.text());
            }
        });
        return page;
    }

    /** Logs in through the dev OIDC server as one of its predefined users and waits for the portal. */
    public static void logIn(Page page, String user) {
        page.navigate("/login");
        page.locator("button[name='predefined-" + user + "']").click();
        ready(page);
    }

    /** Logs in as a user the dev OIDC server makes up, with the roles given. */
    public static void logInAsNew(Page page, String user, String roles) {
        page.navigate("/login");
        page.locator("summary.custom-link").click();
        page.locator("form.custom-form input[name='name']").fill(user);
        page.locator("form.custom-form input[name='roles']").fill(roles);
        page.locator("form.custom-form button[name='login']").click();
        ready(page);
    }

    /** Goes to a portal address ("/member/votes") and waits until its page is drawn. */
    public static void go(Page page, String path) {
        page.navigate("/#" + path);
        ready(page);
    }

    /** Waits until the router has drawn the page at the current address (main is no longer busy, and is that page). */
    public static void ready(Page page) {
        try {
            page.waitForFunction("() => { const main = document.getElementById('main');"
                    + " return !!main && main.getAttribute('aria-busy') === 'false' && main.dataset.page === location.hash; }");
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("the portal did not finish drawing " + page.url() + "; it shows: "
                    + page.evaluate("() => document.body.innerText"), e);
        }
    }

    /** Keyboard only: Tab (or Shift+Tab) until the control has focus, then the key (Enter, Space) acts on it. */
    public static void press(Locator control, String key) {
        Page page = control.page();
        for (int i = 0; i < 80; i++) {
            int where = ((Number) control.evaluate("(el) => el === document.activeElement ? 0"
                    + " : document.activeElement.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1")).intValue();
            if (where == 0) {
                page.keyboard().press(key);
                return;
            }
            page.keyboard().press(where < 0 ? "Shift+Tab" : "Tab");
        }
        throw new AssertionError("the Tab key does not reach " + control);
    }

    /** The text of the element that has focus. */
    public static String focused(Page page) {
        return (String) page.evaluate("() => document.activeElement.textContent.trim()");
    }

    /** After a step that moves on to another address: waits for that address (a pattern after the '#') and its page. */
    public static void arrive(Page page, String addressPattern) {
        page.waitForURL(Pattern.compile(".*#" + addressPattern));
        ready(page);
    }

    public static com.microsoft.playwright.Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** Screenshots at 390 and 1280 px, no sideways scroll at 320 px, and no serious or critical axe violation. */
    public void check(Page page, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-390.png")).setFullPage(true));
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-1280.png")).setFullPage(true));
        for (int width : new int[] {320, 390}) {
            page.setViewportSize(width, 640);
            assertEquals(List.of(), sideways(page), name + " at " + width + " px");
        }
        page.setViewportSize(size.width, size.height);
        List<String> violations = axe(page);
        assertTrue(violations.isEmpty(), name + ": axe-core found " + violations);
    }

    /**
     * What scrolls sideways at the page's present width: the page itself (wider than the window), or a table or a
     * table's box (wider than the room it has), each said with how many pixels it overflows.
     */
    @SuppressWarnings("unchecked")
    public static List<String> sideways(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const found = [];
                  const doc = document.scrollingElement;
                  if (doc.scrollWidth > window.innerWidth) found.push(`the page is ${doc.scrollWidth - window.innerWidth} px too wide`);
                  for (const box of document.querySelectorAll("main table, main .table-scroll")) {
                    if (box.getClientRects().length && box.scrollWidth > box.clientWidth + 1) {
                      const what = box.querySelector("caption")?.textContent || box.getAttribute("aria-label") || box.className;
                      found.push(`${box.tagName.toLowerCase()} "${what}" scrolls ${box.scrollWidth - box.clientWidth} px sideways`);
                    }
                  }
                  return found;
                }""");
    }

    /**
     * Each item of the page menu shown at the present width, as its text and the top of its box: items on one row
     * share the same top.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Number> menuRows(Page page) {
        return (Map<String, Number>) page.evaluate("""
                () => Object.fromEntries([...document.querySelectorAll("#menu-list a")].filter((a) => a.getClientRects().length)
                    .map((a) => [a.textContent, Math.round(a.getBoundingClientRect().top)]))""");
    }

    /** Serious and critical WCAG 2.x A/AA violations axe-core finds on the page as it is now. */
    @SuppressWarnings("unchecked")
    public static List<String> axe(Page page) {
        Path script = axeScript();
        if (page.evaluate("() => typeof window.axe") .equals("undefined")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setPath(script));
        }
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: "tag",
                      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
                  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
                      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
                }""");
    }

    /** axe-core's script: from target/axe (put there by .ci/run), else fetched once with npm into that git-ignored folder. */
    static synchronized Path axeScript() {
        if (!Files.exists(AXE)) {
            try {
                Path dir = AXE.getParent().getParent();
                Files.createDirectories(dir);
                // Into a log, never the test JVM's own output: surefire reads that as its channel, and npm's warnings
                // there fail the whole build ("std/in stream corrupted").
                File log = dir.resolve("fetch.log").toFile();
                Process pack = new ProcessBuilder("npm", "pack", "axe-core@" + AXE_VERSION, "--pack-destination", dir.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
                pack.waitFor(120, TimeUnit.SECONDS);
                Process untar = new ProcessBuilder("tar", "-xzf", dir.resolve("axe-core-" + AXE_VERSION + ".tgz").toString(), "-C",
                        dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
                untar.waitFor(60, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("axe-core is not in " + AXE + " and npm could not fetch it: " + e.getMessage(), e);
            }
        }
        if (!Files.exists(AXE)) {
            throw new IllegalStateException("axe-core is not in " + AXE + " (npm's output: target/axe/fetch.log); run: npm pack axe-core@" + AXE_VERSION
                    + " --pack-destination target/axe && tar -xzf target/axe/axe-core-" + AXE_VERSION + ".tgz -C target/axe");
        }
        return AXE;
    }

    @Override
    public synchronized void close() {
        browsers.values().forEach(Browser::close);
        playwright.close();
    }
}
