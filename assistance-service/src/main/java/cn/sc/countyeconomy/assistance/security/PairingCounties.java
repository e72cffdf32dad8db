package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.Pairing;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a Pairing, for {@code @CountyScoped(resource = PairingCounties.class)}. */
@ApplicationScoped
public class PairingCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Pairing.<Pairing>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
