package cn.sc.countyeconomy.registry.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a CategoryAssignment, for {@code @CountyScoped(resource = CategoryAssignmentCounties.class)}. */
@ApplicationScoped
public class CategoryAssignmentCounties implements CountiesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> CategoryAssignment.<CategoryAssignment>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }
}
