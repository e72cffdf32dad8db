package cn.sc.countyeconomy.reformpilot.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.reformpilot.Experience;
import cn.sc.countyeconomy.reformpilot.Pilot;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of the pilot of a Experience, for {@code @CountyScoped(resource = ExperienceCounties.class)}. */
@ApplicationScoped
public class ExperienceCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Experience.<Experience>findByIdOptional(i))
                .flatMap(e -> Pilot.<Pilot>findByIdOptional(e.pilotId)).map(p -> Set.of(p.countyCode)).orElse(Set.of());
    }
}
