package com.chatpay.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

    @Test
    void shouldTreatARefusedOrLostDatabaseConnectionAsAnOutage() {
        assertThat(DependencyOutage.isOutage(new ConnectException("Connection refused"))).isTrue();
        assertThat(DependencyOutage.isOutage(new CompletionException(ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DependencyOutage.isOutage(new io.vertx.core.impl.NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED"))).isTrue();
        assertThat(DependencyOutage.isOutage(new CompositeException(ClosedConnectionException.INSTANCE,
                new IllegalStateException("HR000090: Live transaction detected")))).isTrue();
    }

    @Test
    void shouldTreatAShuttingDownOrStartingDatabaseAsAnOutage() {
        assertThat(DependencyOutage.isOutage(new PgException("terminating connection", "FATAL", "57P01", null)))
                .isTrue();
        assertThat(DependencyOutage.isOutage(new PgException("the database system is starting up", "FATAL", "57P03",
                null))).isTrue();
    }

    @Test
    void shouldNotHideBugsAsOutages() {
        assertThat(DependencyOutage.isOutage(new IllegalStateException("bug"))).isFalse();
        assertThat(DependencyOutage.isOutage(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DependencyOutage.isOutage(new NullPointerException())).isFalse();
    }

    @Test
    void shouldStopAtACycleInTheCauseChain() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DependencyOutage.isOutage(a)).isFalse();
    }
}
