package cn.sc.countyeconomy.reformpilot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the reform-pilot-service ({@code reform-pilot.*}). */
@ConfigMapping(prefix = "reform-pilot")
public interface ReformPilotConfig {

    /** Days after the end of a quarter by which its progress report is due. */
    @WithDefault("15")
    int reportDueDays();

    /** A milestone not done whose planned date falls within this many days from today is "due". */
    @WithDefault("30")
    int milestoneDueWindowDays();

    /** When the registry writes go out by themselves (read by RegistrySyncSchedule's {@code @Scheduled}). */
    RegistrySync registrySync();

    interface RegistrySync {

        /** How often the outbox relay sends what is due, e.g. {@code 5s}; {@code off} disables it. */
        @WithDefault("5s")
        String relayEvery();

        /** How often the pilots are reconciled with the registry, e.g. {@code 1h}; {@code off} disables it. */
        @WithDefault("1h")
        String reconcileEvery();
    }
}
