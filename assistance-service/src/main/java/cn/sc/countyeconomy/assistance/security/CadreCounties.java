package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.CadreExchange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a CadreExchange, for {@code @CountyScoped(resource = CadreCounties.class)}. */
@ApplicationScoped
public class CadreCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> CadreExchange.<CadreExchange>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
