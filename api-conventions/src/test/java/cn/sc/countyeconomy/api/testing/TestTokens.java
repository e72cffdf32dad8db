package cn.sc.countyeconomy.api.testing;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tokens signed in the tests, with a key pair made for this JVM (nothing is committed). The
 * service under test checks them with the public key that {@link PostgresTestResource} configures.
 */
public final class TestTokens {

    public static final String ISSUER = "sc-county-economy-test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static Path publicKeyFile;
    private static Path privateKeyFile;

    private TestTokens() {
    }

    /** "Bearer ..." for a subject holding these roles. */
    public static String bearer(String... roles) {
        return "Bearer " + token("test-user", List.of(), roles);
    }

    /** "Bearer ..." for a token limited to the given counties. */
    public static String bearerForCounties(List<String> counties, String... roles) {
        return "Bearer " + token("test-county-user", counties, roles);
    }

    public static String token(String subject, List<String> counties, String... roles) {
        return sign(subject, counties, Duration.ofMinutes(30), KEYS.getPrivate(), roles);
    }

    /** A token already expired: must be refused with 401. */
    public static String expiredBearer(String... roles) {
        return "Bearer " + sign("test-user", List.of(), Duration.ofSeconds(-120), KEYS.getPrivate(), roles);
    }

    /** A token signed by a key the service does not trust: must be refused with 401. */
    public static String foreignBearer(String... roles) {
        return "Bearer " + sign("intruder", List.of(), Duration.ofMinutes(30), OTHER_KEYS.getPrivate(), roles);
    }

    private static String sign(String subject, List<String> counties, Duration lifetime, PrivateKey key, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        var b = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .issuedAt(now).expiresAt(now + lifetime.toSeconds());
        if (!counties.isEmpty()) {
            b.claim("counties", counties);
        }
        return b.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }

    /** Configuration for the service under test: trust the test key, sign service calls with it. */
    public static synchronized Map<String, String> config() {
        try {
            if (publicKeyFile == null) {
                publicKeyFile = Files.createTempFile("test-jwt-", ".pub.pem");
                privateKeyFile = Files.createTempFile("test-jwt-", ".key.pem");
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
                publicKeyFile.toFile().deleteOnExit();
                privateKeyFile.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "mp.jwt.verify.issuer", ISSUER,
                "smallrye.jwt.new-token.issuer", ISSUER,
                "mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString(),
                "smallrye.jwt.sign.key.location", privateKeyFile.toUri().toString());
    }

    /** The PEM files of the test key pair, for services started as processes (system tests). */
    public static Path publicKeyFile() {
        config();
        return publicKeyFile;
    }

    public static Path privateKeyFile() {
        config();
        return privateKeyFile;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
