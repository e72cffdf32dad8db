package cn.sc.countyeconomy.api.security;

import java.util.Optional;
import java.util.Set;

/**
 * The counties a resource belongs to, for {@link CountyScoped#resource()}: a bean per kind of resource
 * (e.g. a designation's county). Empty when there is no such resource: the operation then answers 404 itself.
 */
public interface CountiesOf {

    Set<String> counties(String id);

    /** A numeric id, or empty for anything else (the operation then refuses the id itself). */
    static Optional<Long> id(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
