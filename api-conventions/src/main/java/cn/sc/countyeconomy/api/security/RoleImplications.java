package cn.sc.countyeconomy.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Adds the roles that a token's roles imply (see {@link Roles}). */
@ApplicationScoped
public class RoleImplications implements SecurityIdentityAugmentor {

    private static final Set<String> KNOWN = Set.of(Roles.READER, Roles.EDITOR, Roles.APPROVER, Roles.ADMIN);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getRoles().stream().noneMatch(KNOWN::contains)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER);
        if (identity.hasRole(Roles.ADMIN)) {
            b.addRole(Roles.EDITOR);
        }
        return Uni.createFrom().item(b.build());
    }
}
