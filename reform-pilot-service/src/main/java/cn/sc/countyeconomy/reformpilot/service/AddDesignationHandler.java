package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.outbox.Outbox;
import cn.sc.countyeconomy.api.outbox.OutboxHandler;
import cn.sc.countyeconomy.api.outbox.OutboxMessage;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.client.CountyRegistry;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends an approved pilot's designation to county-registry-service and stores the id it answers. */
@ApplicationScoped
public class AddDesignationHandler implements OutboxHandler<RegistryDesignation> {

    @Inject
    CountyRegistry registry;
    @Inject
    Outbox outbox;
    @Inject
    DesignationMessages messages;

    @Override
    public String type() {
        return DesignationMessages.ADD;
    }

    @Override
    public RegistryDesignation send(OutboxMessage message) {
        DesignationMessages.Add add = outbox.payload(message, DesignationMessages.Add.class);
        return refusalsAreFinal(() -> registry.addDesignation(message.idempotencyKey, add.designation()));
    }

    @Override
    public void sent(OutboxMessage message, RegistryDesignation result) {
        messages.settle(message, result.id());
    }

    @Override
    public void refused(OutboxMessage message) {
        messages.settle(message, null);
    }

    @Override
    public void retrying(OutboxMessage message) {
        messages.settle(message, null);
    }

    /** A 4xx problem of the registry is its final answer (the client passes it on as an ApiException below 500). */
    static <T> T refusalsAreFinal(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.status() < 500) {
                throw new Refused(e.status(), e.getMessage());
            }
            throw e;
        }
    }
}
