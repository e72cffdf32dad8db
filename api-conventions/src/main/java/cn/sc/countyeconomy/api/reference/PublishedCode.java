package cn.sc.countyeconomy.api.reference;

import jakarta.persistence.MappedSuperclass;

/**
 * A code of a list published elsewhere (the five assistance forces, the indicator areas, the
 * reform areas): its place in the published order and where it is published. Columns as
 * {@link NamedCode}, plus {@code ordinal} and {@code source}.
 */
@MappedSuperclass
public abstract class PublishedCode extends NamedCode {

    public int ordinal;
    public String source;
}
