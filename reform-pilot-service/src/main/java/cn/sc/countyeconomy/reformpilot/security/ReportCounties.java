package cn.sc.countyeconomy.reformpilot.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.ProgressReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of the pilot of a ProgressReport, for {@code @CountyScoped(resource = ReportCounties.class)}. */
@ApplicationScoped
public class ReportCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> ProgressReport.<ProgressReport>findByIdOptional(i))
                .flatMap(e -> Pilot.<Pilot>findByIdOptional(e.pilotId)).map(p -> Set.of(p.countyCode)).orElse(Set.of());
    }
}
