package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "OverdueTask")
public record OverdueTask(long id, String title, String responsibleUnit, LocalDate deadline, String status) {
}
