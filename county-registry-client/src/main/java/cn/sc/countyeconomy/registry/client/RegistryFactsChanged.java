package cn.sc.countyeconomy.registry.client;

import java.util.List;

/**
 * A CDI event fired by {@link RegistryFollower} after registry facts changed in the local copy (the
 * transaction that applied them has committed). Fired by the one replica that applied the events, so
 * an observer that writes reacts once across replicas. {@code fullReload}: the copy was loaded again
 * from the lists (the events in between are not known; an observer reconciles against the copy).
 * Observe it with {@code void on(@Observes RegistryFactsChanged e)}.
 */
public record RegistryFactsChanged(List<RegistryFeedPage.Event> events, boolean fullReload) {

    /** The events about one entity type (COUNTY, PREFECTURE, DESIGNATION, CATEGORY_ASSIGNMENT). */
    public List<RegistryFeedPage.Event> of(String entityType) {
        return events.stream().filter(e -> entityType.equals(e.entityType())).toList();
    }
}
