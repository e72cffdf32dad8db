package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.outbox.OutboxRelay;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * When the registry writes go out by themselves: the relay every
 * {@code reform-pilot.registry-sync.relay-every} (sending what is due; safe on several instances), the
 * reconciliation every {@code reform-pilot.registry-sync.reconcile-every}. Either may be {@code off}
 * (the tests trigger both directly); admins trigger them with {@code POST /api/v1/registry-sync/...}.
 */
@ApplicationScoped
public class RegistrySyncSchedule {

    @Inject
    OutboxRelay relay;
    @Inject
    RegistryReconciliation reconciliation;

    @Scheduled(identity = "registry-relay", every = "${reform-pilot.registry-sync.relay-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.relayDue();
    }

    @Scheduled(identity = "registry-reconciliation", every = "${reform-pilot.registry-sync.reconcile-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        reconciliation.reconcile(null);
    }
}
