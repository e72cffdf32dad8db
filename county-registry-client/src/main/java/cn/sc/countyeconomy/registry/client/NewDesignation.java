package cn.sc.countyeconomy.registry.client;

import java.time.LocalDate;

/**
 * What a service sends to record a designation, e.g. a reform pilot that was approved. {@code source}
 * names the programme that asserts it ({@code <system>:<programme>}); designations of one type and
 * county overlap only across sources. {@code validTo} may be a planned end (a programme's deadline),
 * which ending the designation later may bring forward.
 */
public record NewDesignation(String typeCode, String countyCode, LocalDate validFrom, LocalDate validTo,
        String sourceRef, String note, String source) {
}
