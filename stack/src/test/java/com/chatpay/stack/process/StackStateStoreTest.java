package com.chatpay.stack.process;

import com.chatpay.stack.StackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackStateStoreTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadNothingWhenNoStackWasStarted() {
        assertThat(new StackStateStore(tmp.resolve("run/stack.json")).read()).isEmpty();
    }

    @Test
    void shouldRoundTripTheRecordedProcesses() throws Exception {
        StackStateStore store = new StackStateStore(tmp.resolve("run/stack.json"));
        StackState state = new StackState("2026-03-01T10:00:00Z", "/opt/pg", List.of())
                .with(new ProcessRecord("postgres", ProcessRecord.Kind.POSTGRES, 101, "2026-03-01T10:00:01Z", 15432))
                .with(new ProcessRecord("kafka", ProcessRecord.Kind.KAFKA, 102, null, 19092));

        store.write(state);

        assertThat(store.read()).contains(state);
        assertThat(Files.readString(tmp.resolve("run/stack.json").toAbsolutePath()))
                .contains("\"kind\" : \"POSTGRES\"").contains("\"pid\" : 101").contains("\"port\" : 15432");
    }

    @Test
    void shouldReplaceARestartedProcessInPlace() {
        StackState state = new StackState(null, null, List.of())
                .with(new ProcessRecord("kafka", ProcessRecord.Kind.KAFKA, 1, null, 19092))
                .with(new ProcessRecord("payment-service", ProcessRecord.Kind.SERVICE, 2, null, 8082))
                .with(new ProcessRecord("kafka", ProcessRecord.Kind.KAFKA, 3, null, 19092));

        assertThat(state.processes()).extracting(ProcessRecord::pid).containsExactly(3L, 2L);
        assertThat(state.find("kafka")).map(ProcessRecord::pid).contains(3L);
        assertThat(state.ofKind(ProcessRecord.Kind.SERVICE)).extracting(ProcessRecord::name)
                .containsExactly("payment-service");
    }

    @Test
    void shouldDeleteTheState() {
        StackStateStore store = new StackStateStore(tmp.resolve("stack.json"));
        store.write(new StackState(null, null, List.of()));

        store.delete();

        assertThat(store.read()).isEmpty();
    }

    @Test
    void shouldExplainAnUnreadableStateFile() throws Exception {
        Path file = tmp.resolve("stack.json");
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> new StackStateStore(file).read())
                .isInstanceOf(StackException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete that file");
    }

    @Test
    void shouldSeeTheCurrentProcessAsAlive() {
        ProcessRecord self = ProcessRecord.of("self", ProcessRecord.Kind.SERVICE, ProcessHandle.current(), 1);

        assertThat(self.liveProcess()).contains(ProcessHandle.current());
        assertThat(new StackState(null, null, List.of(self)).anyAlive()).isTrue();
    }

    @Test
    void shouldNotMistakeARecycledPidForTheRecordedProcess() {
        ProcessRecord recycled = new ProcessRecord("kafka", ProcessRecord.Kind.KAFKA, ProcessHandle.current().pid(),
                "2001-01-01T00:00:00Z", 19092);

        assertThat(recycled.liveProcess()).isEmpty();
    }

    @Test
    void shouldSeeAFinishedProcessAsGone() throws Exception {
        Process process = new ProcessBuilder("true").start();
        ProcessHandle handle = process.toHandle();
        ProcessRecord record = new ProcessRecord("short", ProcessRecord.Kind.SERVICE, handle.pid(), null, 1);
        process.waitFor();

        assertThat(record.liveProcess()).isEmpty();
        assertThat(new StackState(null, null, List.of(record)).anyAlive()).isFalse();
    }
}
