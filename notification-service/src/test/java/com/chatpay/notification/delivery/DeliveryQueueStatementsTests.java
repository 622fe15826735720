package com.chatpay.notification.delivery;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.chatpay.testsupport.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The reactive client prepares a statement without parameter types first and, only when PostgreSQL rejects that,
 * again with the types of the values: the statement works, but each rejection is an ERROR in PostgreSQL's log and a
 * wasted round trip, and inside a transaction there is no second try at all. So the queue's statements must prepare
 * with every parameter type inferred by the server, as {@code PREPARE} does.
 */
@QuarkusTest
class DeliveryQueueStatementsTests {

    @Test
    void shouldPrepareTheOutcomeUpdateWithTheParameterTypesLeftToTheServer() throws Exception {
        try (Connection connection = TestInfrastructure.jdbc(); Statement statement = connection.createStatement()) {
            assertThatCode(() -> statement.execute("PREPARE delivery_finish AS " + DeliveryQueue.FINISH))
                    .doesNotThrowAnyException();
            statement.execute("DEALLOCATE delivery_finish");
        }
    }
}
