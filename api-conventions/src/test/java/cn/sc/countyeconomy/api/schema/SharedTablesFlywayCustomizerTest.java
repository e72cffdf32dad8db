package cn.sc.countyeconomy.api.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedTablesFlywayCustomizerTest {

    @Test
    void addsTheSharedTablesAfterTheCallbacksTheServiceAlreadyHas() {
        Callback own = new BaseCallback() {

            @Override
            public void handle(Event event, Context context) {
            }
        };
        FluentConfiguration configuration = Flyway.configure().callbacks(own);

        new SharedTablesFlywayCustomizer().customize(configuration);

        Callback[] callbacks = configuration.getCallbacks();
        assertEquals(2, callbacks.length);
        assertSame(own, callbacks[0]);
        assertInstanceOf(SharedTablesMigration.class, callbacks[1]);
    }
}
