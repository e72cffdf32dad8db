package cn.sc.countyeconomy.reformpilot.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.reformpilot.Pilot;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a Pilot, for {@code @CountyScoped(resource = PilotCounties.class)}. */
@ApplicationScoped
public class PilotCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Pilot.<Pilot>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
