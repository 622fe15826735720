package com.chatpay.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Loopback TCP ports: is one free, and which ones can a second stack use. */
public final class Ports {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    /**
     * Whether nothing listens on {@code 127.0.0.1:port} (a listener on the wildcard address also counts). Binds with
     * {@code SO_REUSEADDR}, as PostgreSQL, Kafka and Quarkus do, so that connections of a stopped server still in
     * TIME_WAIT do not count as a listener.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports the kernel reports free right now, all different. */
    public static int[] freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(LOOPBACK, 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find free loopback ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    /**
     * Fails with one message naming every busy port and its intended user.
     *
     * @param portsByComponent e.g. {@code "PostgreSQL" -> 15432}, in display order
     */
    public static void requireFree(Map<String, Integer> portsByComponent) {
        Map<String, Integer> busy = new LinkedHashMap<>();
        portsByComponent.forEach((component, port) -> {
            if (!isFree(port)) {
                busy.put(component, port);
            }
        });
        if (!busy.isEmpty()) {
            String list = busy.entrySet().stream()
                    .map(e -> "  127.0.0.1:" + e.getValue() + " (for " + e.getKey() + ")")
                    .collect(Collectors.joining("\n"));
            throw new StackException("These ports are already in use by another process:\n" + list
                    + "\nStop whatever listens there (e.g. `ss -ltnp | grep <port>`), or stop a stack started from"
                    + " another checkout with its own `./chatpay down`.");
        }
    }
}
