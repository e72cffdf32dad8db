package cn.sc.countyeconomy.api.security;

import java.util.Set;

/** The type of a resource, for {@link GrantedTypes#resource()}; empty when there is no such resource. */
public interface TypesOf {

    Set<String> types(String id);
}
