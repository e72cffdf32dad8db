package cn.sc.countyeconomy.api.outbox;

/**
 * Sends the messages of one type (a CDI bean, one per type). {@link #send} runs outside any
 * transaction; {@link #sent} and {@link #refused} run in the transaction that records the outcome,
 * so the local state that reflects it (a stored id, a sync state) commits with it.
 *
 * @param <R> what the other side answers, stored as the message's JSON result
 */
public interface OutboxHandler<R> {

    /** The message type this handler sends, as given to {@link Outbox#enqueue}. */
    String type();

    /**
     * Sends the message with its {@link OutboxMessage#idempotencyKey}. Throw {@link Refused} when the
     * other side refused it for good (a 4xx about the request: retrying cannot help); any other
     * exception is a fault (unreachable, 5xx, timeout) and the message is retried with backoff.
     */
    R send(OutboxMessage message);

    /** The message was sent; {@code result} is what {@link #send} returned. In the recording transaction. */
    default void sent(OutboxMessage message, R result) {
    }

    /** The other side refused the message for good; it is FAILED. In the recording transaction. */
    default void refused(OutboxMessage message) {
    }

    /** An attempt failed with a fault; the message stays PENDING and is retried. In the recording transaction. */
    default void retrying(OutboxMessage message) {
    }

    /** The other side refused the message for good, with its status and answer. */
    class Refused extends RuntimeException {

        private final int status;

        public Refused(int status, String answer) {
            super(answer);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
