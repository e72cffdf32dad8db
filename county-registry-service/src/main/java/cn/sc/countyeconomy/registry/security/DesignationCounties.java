package cn.sc.countyeconomy.registry.security;

import cn.sc.countyeconomy.api.security.CountiesOf;
import cn.sc.countyeconomy.api.security.TypesOf;
import cn.sc.countyeconomy.registry.Designation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The county of a Designation, for {@code @CountyScoped(resource = DesignationCounties.class)}. */
@ApplicationScoped
public class DesignationCounties implements CountiesOf, TypesOf {

    @Override
    public Set<String> counties(String id) {
        return CountiesOf.id(id).flatMap(i -> Designation.<Designation>findByIdOptional(i)).map(e -> Set.of(e.countyCode)).orElse(Set.of());
    }

    /** Its type, for {@code @GrantedTypes(resource = DesignationCounties.class)}. */
    @Override
    public Set<String> types(String id) {
        return CountiesOf.id(id).flatMap(i -> Designation.<Designation>findByIdOptional(i)).map(e -> Set.of(e.typeCode)).orElse(Set.of());
    }
}
