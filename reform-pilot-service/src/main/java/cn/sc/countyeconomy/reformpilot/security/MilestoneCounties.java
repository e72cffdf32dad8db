package cn.sc.countyeconomy.reformpilot.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.reformpilot.Milestone;
import cn.sc.countyeconomy.reformpilot.Pilot;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of the pilot of a Milestone, for {@code @CountyScoped(resource = MilestoneCounties.class)}. */
@ApplicationScoped
public class MilestoneCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Milestone.<Milestone>findByIdOptional(i))
                .flatMap(e -> Pilot.<Pilot>findByIdOptional(e.pilotId)).map(p -> Set.of(p.countyCode)).orElse(Set.of());
    }
}
