package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a TrainingRecord, for {@code @CountyScoped(resource = TrainingCounties.class)}. */
@ApplicationScoped
public class TrainingCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> TrainingRecord.<TrainingRecord>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
