package org.mutualvote.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real headless Chromium, driven through chromedriver's W3C WebDriver protocol with the JDK's HTTP
 * client, so the portal is tested as a member's browser sees it without another dependency.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Process driver;
    private final String base;
    private final String session;
    private final Path profile;

    public static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    public Browser() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        for (int i = 0; i < 100 && !ready(); i++) {
            Thread.sleep(100);
        }
        profile = Files.createTempDirectory("chromium-profile");
        Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=412,915", "--user-data-dir=" + profile));
        JsonNode created = call("POST", "/session",
                Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = created.path("value").path("sessionId").asText();
    }

    public void open(String url) {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Waits up to ten seconds for an element to be there, then returns its WebDriver id. */
    public String find(String css) {
        RuntimeException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                // The W3C element reference is the value object's one field (its key is a fixed UUID-like name).
                JsonNode ref = call("POST", "/session/" + session + "/element", Map.of("using", "css selector", "value", css))
                        .path("value");
                return ref.elements().next().asText();
            } catch (RuntimeException e) {
                last = e;
                sleep();
            }
        }
        throw new AssertionError("no element matches " + css + " on " + currentUrl() + ": " + last.getMessage());
    }

    public void click(String css) {
        for (int attempt = 1;; attempt++) {
            try {
                call("POST", "/session/" + session + "/element/" + find(css) + "/click", Map.of());
                return;
            } catch (IllegalStateException rerendered) {
                if (attempt == 5) {
                    throw rerendered;
                }
                sleep();
            }
        }
    }

    public void type(String css, String text) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/value", Map.of("text", text));
    }

    public String text(String css) {
        return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null).path("value").asText();
    }

    /** Waits up to ten seconds for the element's text to contain the expected words. */
    public String waitForText(String css, String expected) {
        String seen = "";
        for (int i = 0; i < 100; i++) {
            try {
                seen = text(css);
            } catch (IllegalStateException rerendered) {
                // The portal replaced the element between finding and reading it: look again.
                seen = rerendered.getMessage();
            }
            if (seen.contains(expected)) {
                return seen;
            }
            sleep();
        }
        throw new AssertionError("'" + css + "' shows \"" + seen + "\", not \"" + expected + "\"");
    }

    public String currentUrl() {
        return call("GET", "/session/" + session + "/url", null).path("value").asText();
    }

    public void screenshot(Path file) throws IOException {
        String png = call("GET", "/session/" + session + "/screenshot", null).path("value").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (RuntimeException ignored) {
            // the process is stopped below either way
        } finally {
            driver.destroy();
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(r.body());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + path + ": " + answer.path("value").path("message").asText());
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
