package cn.sc.countyeconomy.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
}
