package cn.sc.countyeconomy.api.problem;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.io.EOFException;
import javax.transaction.xa.XAException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlProblemsTest {

    /**
     * The shape seen when PostgreSQL went away during a commit (system test DatabaseRestartTest): the
     * resource method's exception wraps the transaction manager's "Could not commit", and the driver's I/O
     * error hangs as a suppressed exception of that, not as its cause. It was answered 500.
     */
    @Test
    void aCommitWhoseConnectionBrokeIsA503NotA500() {
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction: An I/O error occurred while sending to the backend.");
        xa.initCause(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE, new EOFException()));
        commit.addSuppressed(xa);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", commit);

        var answer = SqlProblems.classify(thrown);
        assertTrue(answer.isPresent(), "classified");
        assertEquals(503, answer.get().status());
        assertEquals(Integer.toString(SqlProblems.RETRY_AFTER_SECONDS), answer.get().headers().get("Retry-After"));
    }

    @Test
    void aChainWithoutADatabaseFailureIsLeftAlone() {
        // without any SQL or connection failure in the chain, nothing is claimed
        Exception plain = new IllegalStateException("bug");
        plain.addSuppressed(new IllegalArgumentException("other"));
        assertTrue(SqlProblems.classify(plain).isEmpty());
    }

    @Test
    void causesAreWalkedOnceEvenWhenTheyReferToEachOther() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.addSuppressed(b);
        assertEquals(2, SqlProblems.causes(b).size());
    }
}
