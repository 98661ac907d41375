/*
 * Forges bad variants of a real access token for keycloak/e2e-tokens.sh (JDK only):
 *   java keycloak/BadTokens.java none TOKEN      the same claims with "alg":"none" and no signature
 *   java keycloak/BadTokens.java foreign TOKEN   the same header (kid included) and claims, signed with a key of our own
 */
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

public class BadTokens {
    public static void main(String[] args) throws Exception {
        String[] parts = args[1].split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        switch (args[0]) {
            case "none" -> System.out.println(b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + parts[1] + ".");
            case "foreign" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(g.generateKeyPair().getPrivate());
                s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                System.out.println(parts[0] + "." + parts[1] + "." + b64.encodeToString(s.sign()));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
