package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What county-registry-service designates UNDERDEVELOPED_COUNTY in this module's tests, stated on
 * the shared {@link RegistryStub} (county names are the real ones):
 * <ul>
 * <li>{@value #LATER}: designated only from 2025-01-01;</li>
 * <li>{@value #NOT_DESIGNATED}: never designated (an empty page);</li>
 * <li>{@value #RENEWED}: designated 2019-01-01 to 2024-01-01 (exclusive), and again from 2024-01-01 with no end (two
 * designations that follow each other without a gap);</li>
 * <li>{@value #LIST_ENDED}: designated 2019-01-01 to 2021-01-01 (exclusive);</li>
 * <li>the counties the tests pair ({@link #SINCE_2019}): designated since 2019-01-01, with no end;</li>
 * <li>{@value #LIST_A} and {@value #LIST_B}: designated since 2019-01-01, with no end (only {@code ReportFiguresTest}
 * writes to them).</li>
 * </ul>
 * The service reads them from its local copy of the registry facts, which {@link RegistryStub#designations} brings up
 * to date at once; every county designated on a date is in the coverage of that date ({@link #DESIGNATED_IN_2025}).
 * Every test class that reaches the registry calls {@link #install()} before each test: it states the
 * facts once per registry server (again after a test restarted it).
 */
final class DesignatedCounties {

    static final String LATER = "513432";
    static final String NOT_DESIGNATED = "510104";
    static final String LIST_A = "513436";
    static final String LIST_B = "513437";
    static final String LIST_ENDED = "513435";
    static final String RENEWED = "513434";
    /** Designated since 2019-01-01 with no end; {@code PairingsEndWithDesignationTest} ends its designation and restores it. */
    static final String ENDING = "513433";
    /** The other counties the tests pair an organisation with. */
    static final List<String> SINCE_2019 = List.of("513330", "513331", "513334", "513335", "513422", "513423", "513424",
            "513426", "513427", "513428", "513429", "513430", "513431");
    /** The counties designated on 2025-12-31 (and on 2026-06-30): LIST_A, LIST_B, LATER, RENEWED, ENDING and SINCE_2019. */
    static final int DESIGNATED_IN_2025 = 5 + 13;

    private static final LocalDate Y2019 = LocalDate.of(2019, 1, 1);
    private static WireMockServer installedOn;

    private DesignatedCounties() {
    }

    static synchronized void install() {
        WireMockServer server = RegistryStub.server();
        if (server == installedOn) {
            return;
        }
        RegistryStub.designations(facts(null));
        installedOn = server;
        awaitCopy();
    }

    /**
     * In this JVM the stub has synced the copy already; against the packaged jar (AssistanceConventionsIT) its follower
     * does so within its 1 s interval: wait (at most 30 s) until the coverage counts the designated counties.
     */
    private static void awaitCopy() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Api.as("reader").queryParam("year", "2025").get("/api/v1/coverage").then().extract().jsonPath()
                .getInt("counties") != DESIGNATED_IN_2025) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application's registry copy did not take the stated designations within 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The registry ends {@value #ENDING}'s designation on {@code end} (exclusive); the local copy is synced at once. */
    static synchronized void endEnding(LocalDate end) {
        RegistryStub.designations(facts(end));
        installedOn = RegistryStub.server();
    }

    /** {@value #ENDING} designated again with no end, as {@link #install()} states it. */
    static synchronized void restoreEnding() {
        RegistryStub.designations(facts(null));
        installedOn = RegistryStub.server();
    }

    private static List<RegistryDesignation> facts(LocalDate endingEnd) {
        List<RegistryDesignation> all = new ArrayList<>(List.of(
                designation(11, LIST_A, Y2019, null),
                designation(12, LIST_B, Y2019, null),
                designation(13, LATER, LocalDate.of(2025, 1, 1), null),
                designation(14, LIST_ENDED, Y2019, LocalDate.of(2021, 1, 1))));
        all.add(designation(15, RENEWED, Y2019, LocalDate.of(2024, 1, 1)));
        all.add(designation(16, RENEWED, LocalDate.of(2024, 1, 1), null));
        all.add(designation(17, ENDING, Y2019, endingEnd));
        long id = 100;
        for (String county : SINCE_2019) {
            all.add(designation(id++, county, Y2019, null));
        }
        return all;
    }

    private static RegistryDesignation designation(long id, String county, LocalDate from, LocalDate to) {
        return RegistryStub.designation(id, RegistryDesignation.UNDERDEVELOPED_COUNTY, county,
                RegistryStub.sichuan(county).name(), from, to);
    }
}
