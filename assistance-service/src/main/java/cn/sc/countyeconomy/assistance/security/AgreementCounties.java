package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.Agreement;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a Agreement, for {@code @CountyScoped(resource = AgreementCounties.class)}. */
@ApplicationScoped
public class AgreementCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Agreement.<Agreement>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
