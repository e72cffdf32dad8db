package cn.sc.countyeconomy.reformpilot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.Objects;

/** A batch of a programme: the counties announced together. */
@Embeddable
public class ProgramBatch {

    public int number;
    @Column(name = "announced_on")
    public LocalDate announcedOn;
    public String source;

    public ProgramBatch() {
    }

    public ProgramBatch(int number, LocalDate announcedOn, String source) {
        this.number = number;
        this.announcedOn = announcedOn;
        this.source = source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgramBatch b && b.number == number && Objects.equals(b.announcedOn, announcedOn)
                && Objects.equals(b.source, source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, announcedOn, source);
    }
}
