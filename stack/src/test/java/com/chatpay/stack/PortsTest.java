package com.chatpay.stack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void shouldSeeAListeningPortAsBusy() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isFree(listener.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldSeeAWildcardListenerAsBusy() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(0));
            assertThat(Ports.isFree(listener.getLocalPort())).isFalse();
        }
    }

    @Test
    void shouldSeeAPortFreeOnceItsServerClosedEvenWithConnectionsInTimeWait() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket accepted = listener.accept()) {
                accepted.close();
                client.getInputStream().read();
            }
        }

        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void shouldNameEveryBusyPortAndItsComponent() throws Exception {
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket second = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("PostgreSQL", first.getLocalPort());
            ports.put("payment-service", second.getLocalPort());

            assertThatThrownBy(() -> Ports.requireFree(ports))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("127.0.0.1:" + first.getLocalPort() + " (for PostgreSQL)")
                    .hasMessageContaining("127.0.0.1:" + second.getLocalPort() + " (for payment-service)");
        }
    }
}
