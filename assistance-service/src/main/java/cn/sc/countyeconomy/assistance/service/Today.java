package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.assistance.config.AssistanceTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" in the province's time zone, for overdue tasks, schedules and dated transitions. */
@ApplicationScoped
public class Today {

    @Inject
    AssistanceTargets config;

    public LocalDate date() {
        return LocalDate.now(ZoneId.of(config.zone()));
    }
}
