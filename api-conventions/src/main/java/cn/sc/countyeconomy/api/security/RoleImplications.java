package cn.sc.countyeconomy.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a token makes the caller, decided by the key that signed it (its {@code kid}; smallrye-jwt has already
 * checked the signature with the key of that id in the trusted JWKS):
 * <ul>
 * <li>the user-token issuer's key ({@code api.jwt.users-key-id}, "users"): a user with the token's groups, plus the
 * roles they imply (see {@link Roles});</li>
 * <li>any other key: a <em>service</em> of that name, whatever the token claims. Its subject must be
 * {@code service:<kid>} (else 401); its roles are only those this service grants it
 * ({@code api.trusted-services."<kid>".roles}), never the token's groups; its {@code counties} claim is ignored
 * (see {@link CountyScope}). The service's name is the identity's attribute {@link #SERVICE_ATTRIBUTE}.</li>
 * </ul>
 * A token without a kid is refused (401), so a service key can never produce a user identity.
 */
@ApplicationScoped
public class RoleImplications implements SecurityIdentityAugmentor {

    /** The identity attribute naming the calling service (absent for a user). */
    public static final String SERVICE_ATTRIBUTE = "cn.sc.countyeconomy.service";
    private static final Set<String> KNOWN = Set.of(Roles.READER, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN);
    /**
     * The kid of each token seen, by the token object: {@link VerifiedTokens} hands the same object back for a token
     * it remembers, so a token's header is decoded once, not on every request (weak keys: an entry goes with its token).
     */
    private final Cache<JsonWebToken, Optional<String>> keyIds = Caffeine.newBuilder().weakKeys().maximumSize(8192).build();
    private final String usersKeyId = ConfigProvider.getConfig().getOptionalValue("api.jwt.users-key-id", String.class).orElse("users");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String kid = keyIds.get(jwt, t -> Optional.ofNullable(keyId(t))).orElse(null);
            if (kid == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException("The token names no signing key (kid)"));
            }
            if (!kid.equals(usersKeyId)) {
                return service(identity, jwt, kid);
            }
        }
        return Uni.createFrom().item(implied(identity, identity.getRoles()));
    }

    private static Uni<SecurityIdentity> service(SecurityIdentity identity, JsonWebToken jwt, String name) {
        if (!(Caller.SERVICE_PREFIX + name).equals(jwt.getSubject())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "A token signed with the key of service " + name + " must have the subject service:" + name));
        }
        List<String> granted = ConfigProvider.getConfig()
                .getOptionalValues("api.trusted-services.\"" + name + "\".roles", String.class).orElse(List.of());
        SecurityIdentity service = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addAttribute(SERVICE_ATTRIBUTE, name).addRoles(Set.copyOf(granted)).build();
        return Uni.createFrom().item(implied(service, Set.copyOf(granted)));
    }

    private static SecurityIdentity implied(SecurityIdentity identity, Set<String> roles) {
        if (roles.stream().noneMatch(KNOWN::contains)) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER);
        if (roles.contains(Roles.ADMIN)) {
            b.addRole(Roles.EDITOR);
        }
        return b.build();
    }

    /** The kid of the token's (already verified) JOSE header. */
    static String keyId(JsonWebToken jwt) {
        String raw = jwt.getRawToken();
        int dot = raw == null ? -1 : raw.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(raw.substring(0, dot)), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            return header.containsKey("kid") ? header.getString("kid", null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
