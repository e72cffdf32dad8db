package cn.sc.countyeconomy.api.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.Arrays;

/**
 * Hooks {@link SharedTablesMigration} into the Flyway of the service's default datasource (the
 * one whose persistence unit maps the audit and idempotency entities), next to the callbacks the
 * service already has. The service's own Flyway keeps only its own locations
 * ({@code quarkus.flyway.locations}, {@code db/migration} by default).
 */
@Singleton
public class SharedTablesFlywayCustomizer implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] callbacks = configuration.getCallbacks();
        Callback[] withShared = Arrays.copyOf(callbacks, callbacks.length + 1);
        withShared[callbacks.length] = new SharedTablesMigration();
        configuration.callbacks(withShared);
    }
}
