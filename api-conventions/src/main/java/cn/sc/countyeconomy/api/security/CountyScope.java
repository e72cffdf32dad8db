package cn.sc.countyeconomy.api.security;

import cn.sc.countyeconomy.api.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The counties a caller may write for. A token with a {@code counties} claim (an array of
 * 6-digit codes) is limited to those; a token without it is not limited by county. A service's token is not
 * limited by county (its claim is ignored): the types granted to it limit it ({@link GrantedTypes}).
 */
@RequestScoped
public class CountyScope {

    public static final String CLAIM = "counties";

    @Inject
    SecurityIdentity identity;

    /** Empty when the caller is not limited by county. */
    public Optional<Set<String>> counties() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || !jwt.containsClaim(CLAIM)
                || identity.getAttribute(RoleImplications.SERVICE_ATTRIBUTE) != null) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(CLAIM);
        Set<String> codes = new LinkedHashSet<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(o -> codes.add(unquote(o)));
        } else if (claim instanceof jakarta.json.JsonArray arr) {
            arr.forEach(v -> codes.add(unquote(v)));
        } else if (claim != null) {
            for (String s : claim.toString().split("[,\\s]+")) {
                if (!s.isBlank()) {
                    codes.add(unquote(s));
                }
            }
        }
        return Optional.of(codes);
    }

    public boolean mayWrite(String countyCode) {
        return counties().map(c -> c.contains(countyCode)).orElse(true);
    }

    /** 403 unless the caller may write data that belongs to this county. */
    public void requireWrite(String countyCode) {
        if (!mayWrite(countyCode)) {
            throw ApiException.forbidden("Your token is limited to counties " + counties().orElseThrow()
                    + " and may not write data of county " + countyCode);
        }
    }

    /** 403 when the caller is limited by county: for operations that span counties. */
    public void requireUnscoped(String what) {
        if (counties().isPresent()) {
            throw ApiException.forbidden("A token limited to counties " + counties().orElseThrow() + " may not " + what);
        }
    }

    private static String unquote(Object o) {
        String s = o.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
