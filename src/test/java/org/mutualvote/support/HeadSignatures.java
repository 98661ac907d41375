package org.mutualvote.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Checks a published audit head as a scrutineer would, with the JDK and the public key alone (README's format). */
public final class HeadSignatures {

    private HeadSignatures() {
    }

    public static byte[] message(long seq, String hash) {
        return ("mutualvote-audit-head-v2\n" + seq + "\n" + hash + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    public static boolean verifies(PublicKey key, byte[] message, String signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update(message);
        return s.verify(Base64.getDecoder().decode(signature));
    }
}
