package org.mutualvote.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mutualvote.support.HeadSignatures.message;
import static org.mutualvote.support.HeadSignatures.publicKey;
import static org.mutualvote.support.HeadSignatures.verifies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mutualvote.election.ElectionTestSteps;
import org.mutualvote.support.Fixtures;
import org.mutualvote.web.MutualVoteConfig;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * DESIGN rule 6 asks for a signature made with a key outside the database; the heads a scrutineer keeps carried a
 * MAC, which only the service itself could check. Every published head is now signed with Ed25519, and this test
 * checks one as a scrutineer would: with the public key and the JDK, or with openssl, and nothing of the service's.
 */
@QuarkusTest
class SignedHeadTest {

    @Inject
    Fixtures fixtures;

    @Test
    void aKeptHeadIsCheckedWithThePublicKeyAloneAndAnAlteredOneIsNot() throws GeneralSecurityException {
        ElectionTestSteps.create(fixtures.constituency("Signed heads"), 1, "irv", null); // an entry in the log, through the API
        PublicKey key = publicKey(given().get("/api/audit/public-key").then().statusCode(200)
                .contentType(containsString("application/x-pem-file"))
                .header("Content-Disposition", containsString("mutualvote-audit-key.pem")).extract().asString());

        JsonPath head = ElectionTestSteps.as("sam").get("/api/audit/head").then().statusCode(200).extract().jsonPath();
        long seq = head.getLong("seq");
        String hash = head.getString("hash");
        String signature = head.getString("signature");
        assertTrue(verifies(key, message(seq, hash), signature), "the head's signature checks with the public key");
        assertFalse(verifies(key, message(seq - 1, hash), signature), "the same signature does not fit another entry");
        assertTrue(seq > 0, "the log has entries");
        assertFalse(verifies(key, message(seq, "f".repeat(64)), signature), "nor another hash");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16),
                head.getString("keyId"), "keyId names the key: the first 16 hex digits of the SHA-256 of its DER form");
        assertNull(head.get("mac"), "new heads carry a signature, not a MAC");

        // The service takes the file back as it issued it.
        ElectionTestSteps.as("sam").body(head.getMap("$")).post("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));

        // A head signed with any other key, or its signature moved to another entry, was not issued here.
        PrivateKey mallory = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        ElectionTestSteps.as("sam").body(Map.of("seq", seq, "hash", hash, "signature", sign(mallory, message(seq, hash))))
                .post("/api/audit/verify").then().statusCode(422).body("code", equalTo("audit-head-not-ours"))
                .body("detail", containsString("public key"));
        ElectionTestSteps.as("sam").body(Map.of("seq", seq - 1, "hash", hash, "signature", signature))
                .post("/api/audit/verify").then().statusCode(422).body("code", equalTo("audit-head-not-ours"));

        // A head kept before heads were signed still checks by its MAC.
        ElectionTestSteps.as("sam").body(Map.of("seq", seq, "hash", hash, "mac", AuditChain.headMac(MutualVoteConfig.Audit.DEV_KEY, seq, hash)))
                .post("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        // One with neither is refused, and so is a signature that is not 64 bytes of base64 (a NUL byte among them).
        ElectionTestSteps.as("sam").body(Map.of("seq", seq, "hash", hash)).post("/api/audit/verify").then().statusCode(422)
                .body("code", equalTo("audit-head-unsigned"));
        Map<String, Object> nul = new HashMap<>(Map.of("seq", seq, "hash", hash));
        nul.put("signature", signature.substring(0, 40) + "\u0000" + signature.substring(41));
        ElectionTestSteps.as("sam").body(nul).post("/api/audit/verify").then().statusCode(400);
    }

    @Test
    void readmesOpensslRecipeChecksAHead(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed here");
        ElectionTestSteps.create(fixtures.constituency("Signed heads, openssl"), 1, "irv", null);
        Files.writeString(dir.resolve("audit-key.pem"), given().get("/api/audit/public-key").then().statusCode(200).extract().asString());
        JsonPath head = ElectionTestSteps.as("sam").get("/api/audit/head").then().statusCode(200).extract().jsonPath();
        long seq = head.getLong("seq");
        String hash = head.getString("hash");
        String signature = head.getString("signature");

        assertEquals(0, openssl(dir, seq, hash, signature), "openssl accepts the head as issued");
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("Signature Verified Successfully"));
        assertEquals(1, openssl(dir, seq + 1, hash, signature), "and refuses it for another entry");
    }

    /** README's lines, as a scrutineer types them, with the kept head's values. */
    private static int openssl(Path dir, long seq, String hash, String signature) throws IOException, InterruptedException {
        String script = "printf 'mutualvote-audit-head-v2\\n%s\\n%s\\n' " + seq + " " + hash + " > head.txt\n"
                + "echo '" + signature + "' | base64 -d > head.sig\n"
                + "openssl pkeyutl -verify -pubin -inkey audit-key.pem -rawin -in head.txt -sigfile head.sig\n";
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        return p.waitFor();
    }

    private static String sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key);
        s.update(message);
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
