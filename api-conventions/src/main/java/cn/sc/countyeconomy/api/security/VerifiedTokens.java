package cn.sc.countyeconomy.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;

/**
 * The bearer tokens this service has verified, remembered until they stop being valid, so that a client sending the
 * same token again (every client does: a token lives up to an hour) is not verified again. Verifying an RS256 token
 * (parse, RSA signature, claims) cost more than the rest of a cached county read together; this is the
 * {@link JWTParser} smallrye-jwt's validator uses, in front of its own {@link DefaultJWTParser}.
 * <p>What makes this safe: the key is the whole compact token, signature included, so a hit is the very token that
 * was verified, not one with the same claims; only tokens that passed verification are remembered (a refused one is
 * verified again each time); an entry ends no later than the token's own expiry ({@code exp}) and its maximum age
 * ({@code iat} + {@code mp.jwt.verify.token.age}), both without the grace the verifier allows, so a remembered
 * token is never accepted after the verifier would refuse it; and no later than {@code api.jwt.verified-token-cache.ttl}
 * (default 60 s) after it was verified, which bounds how long a key removed from the trusted JWKS keeps working.
 * The cache holds at most {@code api.jwt.verified-token-cache.size} tokens (default 4096; 0 turns it off).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified;
    private final long maxAgeSeconds;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, JWTAuthContextInfo context,
            @ConfigProperty(name = "api.jwt.verified-token-cache.size", defaultValue = "4096") int size,
            @ConfigProperty(name = "api.jwt.verified-token-cache.ttl", defaultValue = "60s") Duration ttl) {
        this.verifier = verifier;
        Long age = context.getTokenAge();
        this.maxAgeSeconds = age == null ? Long.MAX_VALUE : age;
        this.verified = size <= 0
                ? null
                : Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilInvalid(ttl.toNanos())).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return verifier.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    /** Tokens verified so far and still remembered (for tests and metrics). */
    public long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    /**
     * How long a token verified at {@code nowSeconds} may be remembered: until one second before the first of its
     * exp, its iat plus the maximum age (seconds since the epoch; 0 or less where the claim is absent), and at most
     * ttl. 0 means not at all.
     */
    static long nanosToKeep(long exp, long iat, long maxAgeSeconds, long nowSeconds, long ttlNanos) {
        long end = exp > 0 ? exp : Long.MAX_VALUE;
        if (iat > 0 && maxAgeSeconds != Long.MAX_VALUE) {
            end = Math.min(end, iat + maxAgeSeconds);
        }
        if (end == Long.MAX_VALUE) {
            return ttlNanos;
        }
        long left = end - nowSeconds - 1;
        return left <= 0 ? 0 : Math.min(ttlNanos, Duration.ofSeconds(left).toNanos());
    }

    /** An entry lives until the first of: the token's exp, its iat plus the maximum age, the ttl. */
    private final class UntilInvalid implements Expiry<String, JsonWebToken> {

        private final long ttlNanos;

        UntilInvalid(long ttlNanos) {
            this.ttlNanos = ttlNanos;
        }

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            return nanosToKeep(jwt.getExpirationTime(), jwt.getIssuedAtTime(), maxAgeSeconds,
                    System.currentTimeMillis() / 1000, ttlNanos);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
