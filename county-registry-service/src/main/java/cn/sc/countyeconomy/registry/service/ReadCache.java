package cn.sc.countyeconomy.registry.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Answers of the read paths, kept in bounded Caffeine caches (quarkus-cache; sizes in
 * application.properties) under their parameters plus the change-feed sequence read before they
 * were built. Every write that changes what a read shows moves the sequence, so an answer is
 * served only while its sequence is current: never an answer older than the sequence this replica
 * knows, with any number of replicas (the sequence lives in the database, {@link FeedSequence});
 * answers of older sequences are never read again and age out of the bounded caches. Values are
 * immutable (records and unmodifiable lists).
 */
@ApplicationScoped
public class ReadCache {

    @Inject
    FeedSequence sequence;
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @CacheName("county-views")
    Cache counties;
    @CacheName("county-lists")
    Cache countyLists;
    @CacheName("registry-lists")
    Cache lists;

    /** The current change-feed sequence: as heard by this replica, else read from the database. */
    public long sequence() {
        long known = sequence.known();
        return known >= 0 ? known : ((Number) em.createNativeQuery("SELECT last_value FROM change_counter WHERE id = 1").getSingleResult()).longValue();
    }

    /** One county as of a date. */
    public <T> T county(Object key, Supplier<T> load) {
        return get(counties, key, load);
    }

    /**
     * One county as of a date if it is cached under the sequence this replica knows from the feed's notifications,
     * without blocking and without asking the database: empty on a miss, while the answer is still being built,
     * or while the sequence is not known without the database (then {@link #county} decides).
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> cachedCounty(Object key) {
        long known = sequence.known();
        if (known < 0) {
            return Optional.empty();
        }
        CompletableFuture<Object> answer = counties.as(CaffeineCache.class).getIfPresent(List.of(key, known));
        if (answer == null || !answer.isDone() || answer.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.ofNullable((T) answer.getNow(null));
    }

    /** A whole county list (before paging). */
    public <T> T countyList(Object key, Supplier<T> load) {
        return get(countyLists, key, load);
    }

    /** A page of another list (regions, prefectures, category assignments, designations). */
    public <T> T list(Object key, Supplier<T> load) {
        return get(lists, key, load);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Cache cache, Object key, Supplier<T> load) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return load.get(); // a write answering with what it wrote: its own uncommitted data, never a cached answer
        }
        return (T) cache.get(List.of(key, sequence()), k -> load.get()).await().indefinitely();
    }
}
