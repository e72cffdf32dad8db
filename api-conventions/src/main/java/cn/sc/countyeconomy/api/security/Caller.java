package cn.sc.countyeconomy.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Who is calling, as the audit trail and the idempotency store name them. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String subject() {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public String roles() {
        return identity == null ? "" : String.join(",", new TreeSet<>(identity.getRoles()));
    }

    /**
     * The calling service's name when another service of the suite calls: decided by the key that signed the
     * token (its kid names the service, see {@link RoleImplications}), never by what the token claims. Else empty.
     */
    public Optional<String> service() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.<String>getAttribute(RoleImplications.SERVICE_ATTRIBUTE));
    }

    /** The data types (designation types) granted to the calling service: {@code api.trusted-services."<name>".types}. */
    public Set<String> grantedTypes() {
        return service().map(name -> Set.copyOf(ConfigProvider.getConfig()
                .getOptionalValues("api.trusted-services.\"" + name + "\".types", String.class).orElse(List.of())))
                .orElse(Set.of());
    }

    public static final String SERVICE_PREFIX = "service:";
}
