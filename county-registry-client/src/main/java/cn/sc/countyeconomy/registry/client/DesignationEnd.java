package cn.sc.countyeconomy.registry.client;

import java.time.LocalDate;

public record DesignationEnd(LocalDate endDate, String reason) {
}
