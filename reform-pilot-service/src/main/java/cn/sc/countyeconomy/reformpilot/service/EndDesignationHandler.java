package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.outbox.Outbox;
import cn.sc.countyeconomy.api.outbox.OutboxHandler;
import cn.sc.countyeconomy.api.outbox.OutboxMessage;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.registry.client.CountyRegistry;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ends a pilot's designation in county-registry-service. The id is the one the add stored (messages
 * of a pilot are sent in order); a pilot seeded on both sides has none, and its designation is the
 * registry's one of the same source, county and first day.
 */
@ApplicationScoped
public class EndDesignationHandler implements OutboxHandler<RegistryDesignation> {

    @Inject
    CountyRegistry registry;
    @Inject
    Outbox outbox;
    @Inject
    DesignationMessages messages;

    @Override
    public String type() {
        return DesignationMessages.END;
    }

    @Override
    public RegistryDesignation send(OutboxMessage message) {
        DesignationMessages.End end = outbox.payload(message, DesignationMessages.End.class);
        Long id = QuarkusTransaction.requiringNew().call(() -> Pilot.<Pilot>findByIdOptional(end.pilotId()).map(p -> p.designationId).orElse(null));
        long designation = id != null ? id : AddDesignationHandler.refusalsAreFinal(() -> recorded(end));
        return AddDesignationHandler.refusalsAreFinal(() -> registry.endDesignation(designation, end.endDate(), end.reason()));
    }

    private long recorded(DesignationMessages.End end) {
        return registry.designationsFrom(RegistryDesignation.REFORM_PILOT, end.source()).stream()
                .filter(d -> end.source().equals(d.source()) && end.countyCode().equals(d.countyCode()) && end.validFrom().equals(d.validFrom()))
                .map(RegistryDesignation::id).findFirst()
                .orElseThrow(() -> new Refused(404, "county-registry-service holds no REFORM_PILOT designation of " + end.countyCode()
                        + " from " + end.validFrom() + " with source " + end.source() + " to end"));
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
}
