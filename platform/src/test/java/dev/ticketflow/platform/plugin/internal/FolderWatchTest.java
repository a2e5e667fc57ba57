package dev.ticketflow.platform.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FolderWatchTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FolderWatch watch = new FolderWatch(Duration.ofMillis(200), nanos::get);

    @Test
    void aNewFileIsReadyOnlyAfterItStayedTheSameForTheSettleTime() {
        FileStamp stamp = new FileStamp(100, 1);

        assertThat(watch.observe(Map.of("a.jar", stamp))).isEmpty();
        nanos.addAndGet(Duration.ofMillis(199).toNanos());
        assertThat(watch.observe(Map.of("a.jar", stamp))).as("two scans too close together").isEmpty();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(watch.observe(Map.of("a.jar", stamp))).containsEntry("a.jar", stamp);
    }

    @Test
    void aFileThatKeepsGrowingIsNeverReady() {
        for (int size = 1; size < 10; size++) {
            assertThat(watch.observe(Map.of("a.jar", new FileStamp(size, size)))).isEmpty();
            nanos.addAndGet(Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void aFileThatDisappearsAndComesBackStartsOver() {
        FileStamp stamp = new FileStamp(100, 1);
        watch.observe(Map.of("a.jar", stamp));
        nanos.addAndGet(Duration.ofMillis(300).toNanos());
        watch.observe(Map.of());

        assertThat(watch.observe(Map.of("a.jar", stamp))).isEmpty();
    }
}
