package cn.sc.countyeconomy.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A year's scheme, in versions; a published version never changes. */
@Entity
@Table(name = "scheme")
public class AssessmentScheme extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public int year;
    @Column(name = "scheme_version")
    public int schemeVersion;
    public String status;
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Version
    public long version;
}
