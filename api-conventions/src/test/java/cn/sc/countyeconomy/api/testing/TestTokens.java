package cn.sc.countyeconomy.api.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tokens signed in the tests, with key pairs made for this JVM (nothing is committed): the user-token issuer's
 * (kid {@code users}) and one per service of the suite (kid = the service's name). The service under test trusts
 * their public keys through the JWKS that {@link #config()} writes ({@link PostgresTestResource} configures it)
 * and signs its own outgoing calls with its service key.
 */
public final class TestTokens {

    public static final String ISSUER = "sc-county-economy-test";
    /** The key id of the user-token issuer. */
    public static final String USERS_KID = "users";
    /** The services of the suite (and api-conventions' own test application): each has a key, each is an audience of user tokens. */
    public static final List<String> SERVICES = List.of("county-registry-service", "assessment-service",
            "assistance-service", "reform-pilot-service", "api-conventions");
    private static final KeyPair USER_KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static final Map<String, KeyPair> SERVICE_KEYS = new LinkedHashMap<>();
    private static Path trustedKeysFile;
    private static final Map<String, Path> SERVICE_KEY_FILES = new LinkedHashMap<>();

    static {
        SERVICES.forEach(s -> SERVICE_KEYS.put(s, generate()));
    }

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
        return new Spec(subject, roles).counties(counties).sign();
    }

    /** A token already expired: must be refused with 401. */
    public static String expiredBearer(String... roles) {
        return "Bearer " + new Spec("test-user", roles).issuedAgo(Duration.ofMinutes(5)).lifetime(Duration.ofMinutes(3)).sign();
    }

    /** A token signed by a key the service does not trust: must be refused with 401. */
    public static String foreignBearer(String... roles) {
        return "Bearer " + new Spec("intruder", roles).key(OTHER_KEYS.getPrivate()).sign();
    }

    /** A user token without the audiences of the suite's services: must be refused with 401. */
    public static String bearerWithoutAudience(String... roles) {
        return "Bearer " + new Spec("test-user", roles).audience(List.of("some-other-system")).sign();
    }

    /** A user token issued this long ago (and still unexpired): refused once older than the services' maximum age. */
    public static String bearerIssuedAgo(Duration age, String... roles) {
        return "Bearer " + new Spec("test-user", roles).issuedAgo(age).lifetime(age.plusMinutes(30)).sign();
    }

    /**
     * "Bearer ..." signed with a service's key (kid = its name, sub {@code service:<name>}), claiming these groups:
     * the receiving service ignores them and grants only what its configuration grants that service.
     */
    public static String serviceBearer(String service, String... claimedRoles) {
        return serviceBearerWithSubject(service, "service:" + service, claimedRoles);
    }

    /** As {@link #serviceBearer(String, String...)} with another subject (which must be refused unless {@code service:<service>}). */
    public static String serviceBearerWithSubject(String service, String subject, String... claimedRoles) {
        return "Bearer " + new Spec(subject, claimedRoles).key(serviceKey(service)).kid(service)
                .counties(List.of("510104")).sign();
    }

    private static PrivateKey serviceKey(String service) {
        KeyPair k = SERVICE_KEYS.get(service);
        if (k == null) {
            throw new IllegalArgumentException("No test key for service " + service + "; known: " + SERVICES);
        }
        return k.getPrivate();
    }

    private static final class Spec {

        final String subject;
        final String[] roles;
        List<String> counties = List.of();
        List<String> audience = SERVICES;
        PrivateKey key = USER_KEYS.getPrivate();
        String kid = USERS_KID;
        Duration issuedAgo = Duration.ZERO;
        Duration lifetime = Duration.ofMinutes(30);

        Spec(String subject, String... roles) {
            this.subject = subject;
            this.roles = roles;
        }

        Spec counties(List<String> c) {
            counties = c;
            return this;
        }

        Spec audience(List<String> a) {
            audience = a;
            return this;
        }

        Spec key(PrivateKey k) {
            key = k;
            return this;
        }

        Spec kid(String k) {
            kid = k;
            return this;
        }

        Spec issuedAgo(Duration d) {
            issuedAgo = d;
            return this;
        }

        Spec lifetime(Duration d) {
            lifetime = d;
            return this;
        }

        String sign() {
            long iat = System.currentTimeMillis() / 1000 - issuedAgo.toSeconds();
            var b = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles)).audience(Set.copyOf(audience))
                    .issuedAt(iat).expiresAt(iat + lifetime.toSeconds());
            if (!counties.isEmpty()) {
                b.claim("counties", counties);
            }
            return b.jws().algorithm(SignatureAlgorithm.RS256).keyId(kid).sign(key);
        }
    }

    /**
     * Configuration for the service under test: trust the JWKS of the test keys (users and every service), sign
     * its own calls with its service key (the key of {@code quarkus.application.name}, set by the service itself).
     */
    public static synchronized Map<String, String> config() {
        writeFiles();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("smallrye.jwt.new-token.issuer", ISSUER);
        config.put("mp.jwt.verify.publickey.location", trustedKeysFile.toUri().toString());
        String name = System.getProperty("quarkus.application.name");
        config.put("smallrye.jwt.sign.key.location", serviceKeyFile(name == null ? applicationName() : name).toUri().toString());
        return config;
    }

    /** The service under test's name, read from its application.properties on the class path. */
    private static String applicationName() {
        try (var in = TestTokens.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                var p = new java.util.Properties();
                p.load(in);
                String n = p.getProperty("quarkus.application.name");
                if (n != null && SERVICE_KEYS.containsKey(n.trim())) {
                    return n.trim();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "api-conventions";
    }

    /** The JWKS of the test keys' public halves (kid {@code users} and one per service), for services started as processes. */
    public static synchronized Path trustedKeysFile() {
        writeFiles();
        return trustedKeysFile;
    }

    /** The PEM file of a service's private key, for a service started as a process (system tests). */
    public static synchronized Path serviceKeyFile(String service) {
        writeFiles();
        Path p = SERVICE_KEY_FILES.get(service);
        if (p == null) {
            throw new IllegalArgumentException("No test key for service " + service + "; known: " + SERVICES);
        }
        return p;
    }

    private static void writeFiles() {
        if (trustedKeysFile != null) {
            return;
        }
        try {
            List<String> jwks = new ArrayList<>();
            jwks.add(jwk(USERS_KID, (RSAPublicKey) USER_KEYS.getPublic()));
            for (var e : SERVICE_KEYS.entrySet()) {
                jwks.add(jwk(e.getKey(), (RSAPublicKey) e.getValue().getPublic()));
                Path key = Files.createTempFile("test-jwt-" + e.getKey() + "-", ".key.pem");
                Files.writeString(key, pem("PRIVATE KEY", e.getValue().getPrivate().getEncoded()));
                key.toFile().deleteOnExit();
                SERVICE_KEY_FILES.put(e.getKey(), key);
            }
            Path file = Files.createTempFile("test-jwt-trusted-", ".jwks.json");
            Files.writeString(file, "{\"keys\":[" + String.join(",", jwks) + "]}");
            file.toFile().deleteOnExit();
            trustedKeysFile = file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jwk(String kid, RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}";
    }

    private static String b64(BigInteger i) {
        byte[] bytes = i.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
