package com.chatpay.stack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReturnTheLastLinesOfALargeLog() throws Exception {
        Path log = tmp.resolve("big.log");
        Files.writeString(log, IntStream.rangeClosed(1, 20_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 19998", "line 19999", "line 20000");
    }

    @Test
    void shouldReturnTheWholeOfAShortLog() throws Exception {
        Path log = tmp.resolve("short.log");
        Files.writeString(log, "one\ntwo");

        assertThat(LogTail.lastLines(log, 30)).containsExactly("one", "two");
    }

    @Test
    void shouldReturnNothingForAMissingLog() {
        assertThat(LogTail.lastLines(tmp.resolve("none.log"), 30)).isEmpty();
        assertThat(LogTail.excerpt(tmp.resolve("none.log"), 30)).contains("is empty");
    }

    @Test
    void shouldIndentAnExcerpt() throws Exception {
        Path log = tmp.resolve("x.log");
        Files.writeString(log, "a\nb\n");

        assertThat(LogTail.excerpt(log, 1)).isEqualTo("  | b");
    }

    @Test
    void shouldLeaveEarlierStartsOutOfAnExcerpt() throws Exception {
        Path log = tmp.resolve("service.log");
        Files.writeString(log, "---- 2026-03-01T10:00:00Z starting svc: java\nold run\n"
                + "---- 2026-03-01T11:00:00Z starting svc: java\nError: boom\n");

        assertThat(LogTail.excerpt(log, 30))
                .isEqualTo("  | ---- 2026-03-01T11:00:00Z starting svc: java\n  | Error: boom");
    }

    @Test
    void shouldKeepThePreviousLogWhenRotating() throws Exception {
        Path log = tmp.resolve("kafka.log");
        Files.writeString(log, "first run\n");
        LogTail.rotate(log);
        Files.writeString(log, "second run\n");

        LogTail.rotate(log);

        assertThat(Files.exists(log)).isFalse();
        assertThat(Files.readString(tmp.resolve("kafka.log.1"))).isEqualTo("second run\n");
    }
}
