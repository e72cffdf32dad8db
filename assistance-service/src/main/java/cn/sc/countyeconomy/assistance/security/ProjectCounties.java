package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a AssistanceProject, for {@code @CountyScoped(resource = ProjectCounties.class)}. */
@ApplicationScoped
public class ProjectCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> AssistanceProject.<AssistanceProject>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
