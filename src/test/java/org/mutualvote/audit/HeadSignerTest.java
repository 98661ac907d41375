package org.mutualvote.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The key that signs heads: standard Ed25519 from its seed, and the same on every instance with the same audit key. */
class HeadSignerTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theSeedGivesTheStandardPublicKey() {
        // RFC 8032, 7.1, TEST 1: this secret key has this public key.
        HeadSigner signer = new HeadSigner(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] der = Base64.getMimeDecoder().decode(signer.publicKeyPem().replaceAll("-----[A-Z ]+-----", ""));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HEX.formatHex(Arrays.copyOfRange(der, der.length - 32, der.length)), "the SubjectPublicKeyInfo ends with the raw key");
        assertTrue(signer.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"), "the Ed25519 SPKI prefix");
    }

    @Test
    void everyInstanceWithTheAuditKeySignsAlikeAndAnotherKeyDoesNot() {
        HeadSigner one = new HeadSigner("a long random audit key");
        HeadSigner two = new HeadSigner("a long random audit key");
        HeadSigner other = new HeadSigner("another audit key");
        String hash = "ab".repeat(32);
        assertEquals(one.publicKeyPem(), two.publicKeyPem());
        assertEquals(one.sign(7, hash), two.sign(7, hash), "Ed25519 is deterministic");
        assertTrue(two.verifies(7, hash, one.sign(7, hash)));
        assertNotEquals(one.keyId(), other.keyId());
        assertFalse(other.verifies(7, hash, one.sign(7, hash)));
        assertFalse(one.verifies(8, hash, one.sign(7, hash)));
        assertFalse(one.verifies(7, hash, "not base64!"));
        assertEquals(16, one.keyId().length());
    }
}
