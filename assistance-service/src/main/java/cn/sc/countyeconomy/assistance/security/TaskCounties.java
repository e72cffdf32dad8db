package cn.sc.countyeconomy.assistance.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a TaskForceTask, for {@code @CountyScoped(resource = TaskCounties.class)}. */
@ApplicationScoped
public class TaskCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> TaskForceTask.<TaskForceTask>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
