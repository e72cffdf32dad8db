package cn.sc.countyeconomy.api.demo;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demo-data endpoints are off in the prod profile by default, on in dev and test. */
class DemoDataDefaultTest {

    static boolean enabledIn(String profile) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(DemoDataDefaultTest.class.getResource("/META-INF/microprofile-config.properties"), 100))
                .build();
        return config.getValue("api.demo-data.enabled", Boolean.class);
    }

    @Test
    void offInProdByDefault() throws IOException {
        assertFalse(enabledIn("prod"));
    }

    @Test
    void onInDevAndTest() throws IOException {
        assertTrue(enabledIn("dev"));
        assertTrue(enabledIn("test"));
    }
}
