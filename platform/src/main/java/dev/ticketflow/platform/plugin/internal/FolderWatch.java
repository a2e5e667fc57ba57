package dev.ticketflow.platform.plugin.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Tells which files of the plugins folder are completely written: a file is ready once its size
 * and modification time stayed the same over two scans at least one scan interval apart (timer
 * jitter can bring two scans close together; a copy in progress must not look finished then).
 *
 * <p>Not thread-safe: used from the host's serialized scans.
 */
public final class FolderWatch {

    private final long settleNanos;
    private final LongSupplier nanoClock;
    private Map<String, Sighting> sightings = Map.of();

    public FolderWatch(Duration settleTime, LongSupplier nanoClock) {
        this.settleNanos = settleTime.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Records a listing of the folder.
     *
     * @param listing the files and their stamps now
     * @return the files whose stamp has been unchanged for at least the settle time
     */
    public Map<String, FileStamp> observe(Map<String, FileStamp> listing) {
        long now = nanoClock.getAsLong();
        Map<String, Sighting> next = new HashMap<>();
        Map<String, FileStamp> settled = new HashMap<>();
        listing.forEach((fileName, stamp) -> {
            Sighting previous = sightings.get(fileName);
            Sighting sighting = previous != null && previous.stamp().equals(stamp) ? previous : new Sighting(stamp, now);
            next.put(fileName, sighting);
            if (sighting != previous) {
                return;
            }
            if (now - sighting.firstSeenNanos() >= settleNanos) {
                settled.put(fileName, stamp);
            }
        });
        sightings = next;
        return settled;
    }

    private record Sighting(FileStamp stamp, long firstSeenNanos) {}
}
