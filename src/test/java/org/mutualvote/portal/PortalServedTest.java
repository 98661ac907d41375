package org.mutualvote.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every file of the portal in {@code frontend/} is served at its own path, byte for byte, with a media type that
 * says UTF-8 where it is text a browser decodes: the pages, the modules, the styles and every language's messages.
 * {@code PortalServedIT} asks the same of the packaged jar and of the native executable, where a file left out of
 * the image, or Welsh letters re-encoded on the way, would leave a member with a portal that does not load or
 * speaks English only.
 */
@QuarkusTest
public class PortalServedTest {

    @Test
    void everyPortalFileIsServedAsItIs() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(PortalFilesTest.FRONTEND)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 40, files.toString());
        for (Path file : files) {
            String path = "/" + PortalFilesTest.FRONTEND.relativize(file).toString().replace('\\', '/');
            Response served = given().get(path);
            assertEquals(200, served.statusCode(), path);
            assertArrayEquals(Files.readAllBytes(file), served.asByteArray(), path + " is not served as it is in frontend/");
            String type = served.contentType();
            String expected = Map.of("html", "text/html", "js", "javascript", "css", "text/css", "json", "application/json")
                    .get(path.substring(path.lastIndexOf('.') + 1));
            assertTrue(expected != null && type.contains(expected), path + " is served as " + type);
            if (!path.endsWith(".json")) {
                // JSON is UTF-8 by definition; a page, module or style sheet without a charset is decoded as the browser guesses.
                assertTrue(type.toLowerCase(Locale.ROOT).contains("charset=utf-8"), path + " is served as " + type);
            }
        }
    }

    @Test
    void aWelshSpeakerIsOfferedWelshAndGetsItsLetters() throws IOException {
        given().get("/i18n/languages.json").then().statusCode(200)
                .body("cy", equalTo("Cymraeg"));
        String welsh = new String(given().get("/i18n/cy.json").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals(Files.readString(PortalFilesTest.FRONTEND.resolve("i18n/cy.json")), welsh);
        assertTrue(welsh.matches("(?s).*[ŵŷâêîôû].*"), "cy.json has none of Welsh's accented letters: " + welsh);
    }
}
