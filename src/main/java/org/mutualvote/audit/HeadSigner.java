package org.mutualvote.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs the chain's published heads with Ed25519, so that anyone holding the public key (a scrutineer, with
 * openssl) can check a head without asking the service, which a MAC cannot offer. The key pair is derived from the
 * audit key, so every instance of the service signs with the same key and there is no second secret to keep.
 * Entries themselves keep their MACs: the chain of hashes binds every entry to the head that follows it, and
 * verifying a signature per entry would cost half a millisecond each on Java 17.
 */
final class HeadSigner {

    static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    HeadSigner(String auditKey) {
        this(AuditChain.hmac(auditKey, "mutualvote-audit-head-signing-key-v1"));
    }

    /** From an Ed25519 private key's 32 bytes (RFC 8032's "secret key"). */
    HeadSigner(byte[] seed) {
        try {
            // Java 17 has no call that turns an Ed25519 private key into its public key; the generator does it for the
            // 32 bytes its source of randomness gives, so it is given the seed.
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new Seeded(seed));
            KeyPair pair = generator.generateKeyPair();
            privateKey = pair.getPrivate();
            publicKey = pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
        keyId = HexFormat.of().formatHex(AuditChain.sha256(publicKey.getEncoded()), 0, 8);
    }

    /** What a head's signature is made over: ASCII, each field on its own line, so openssl can check it from a file. */
    static byte[] message(long seq, String hash) {
        return ("mutualvote-audit-head-v2\n" + seq + "\n" + hash + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature of the head at seq with hash, in base64. Ed25519 is deterministic: the same head, the same signature. */
    String sign(long seq, String hash) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message(seq, hash));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the audit head", e);
        }
    }

    boolean verifies(long seq, String hash, String signatureBase64) {
        return verifies(publicKey, message(seq, hash), signatureBase64);
    }

    /** Checks a signature as a scrutineer would, with nothing but the public key. */
    static boolean verifies(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, or not 64 bytes: not a signature of ours
        }
    }

    /** The public key as a PEM file (SubjectPublicKeyInfo), as openssl reads it. */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The first 16 hex digits of the SHA-256 of the public key's DER form: says which key signed a head. */
    String keyId() {
        return keyId;
    }

    /** Gives the key pair generator the derived seed as its 32 random bytes. */
    private static final class Seeded extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        Seeded(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes, not " + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
