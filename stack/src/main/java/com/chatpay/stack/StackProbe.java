package com.chatpay.stack;

import com.chatpay.stack.kafka.KafkaBroker;
import com.chatpay.stack.process.ProcessRecord;
import com.chatpay.stack.process.StackState;
import com.chatpay.stack.service.HealthProbe;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Asks each recorded component whether it runs and answers: the data of {@code ./chatpay status}. */
final class StackProbe {

    private StackProbe() {
    }

    static StackStatus status(Path baseDir, Optional<StackState> recorded) {
        if (recorded.isEmpty()) {
            return new StackStatus(baseDir, null, List.of());
        }
        HealthProbe health = new HealthProbe();
        List<StackStatus.Component> components = new ArrayList<>();
        for (ProcessRecord record : recorded.get().processes()) {
            StackStatus.State current;
            if (record.liveProcess().isEmpty()) {
                current = StackStatus.State.DOWN;
            } else {
                boolean answers = switch (record.kind()) {
                    case POSTGRES -> acceptsConnections(record.port());
                    case KAFKA -> kafkaAnswers(record.port());
                    case SERVICE -> health.ready(record.port()) == HealthProbe.Health.UP;
                };
                current = answers ? StackStatus.State.UP : StackStatus.State.NOT_READY;
            }
            components.add(new StackStatus.Component(record.name(), record.kind(), record.pid(), record.port(),
                    current));
        }
        return new StackStatus(baseDir, recorded.get().startedAt(), components);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean kafkaAnswers(int port) {
        try (Admin admin = KafkaBroker.admin("127.0.0.1:" + port)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
