package cn.sc.countyeconomy.registry.client;

import java.time.LocalDate;

/** What a service sends to record a designation, e.g. a reform pilot that was approved. */
public record NewDesignation(String typeCode, String countyCode, LocalDate validFrom, LocalDate validTo,
        String sourceRef, String note) {
}
