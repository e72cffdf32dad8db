package cn.sc.countyeconomy.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A record that is never changed once written (training records, cadre exchanges): a mistake is put right by a
 * reversal, a record of its own that references the one it reverses and carries minus its count.
 */
@MappedSuperclass
public abstract class ReversibleRecord extends PanacheEntityBase {

    /** Set on a reversal: the record it reverses (whose count it carries negated). */
    @Column(name = "reverses_id")
    public Long reversesId;
    @Column(name = "reversal_reason")
    public String reversalReason;
    /** The subject of the token that wrote the record (null for records written before V4 and for demo data). */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** Makes this new record the reversal of {@code originalId}, with the reason and its author. */
    public void reverses(long originalId, String reason, String author) {
        reversesId = originalId;
        reversalReason = reason.strip();
        recordedBy = author;
    }
}
