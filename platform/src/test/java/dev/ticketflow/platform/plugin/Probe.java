package dev.ticketflow.platform.plugin;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What test plugins saw, by channel (usually the plugin id). Never packed into a plugin jar, so
 * the plugins' class loaders take it from the test classpath and write where the test reads.
 */
public final class Probe {

    private static final Map<String, Queue<String>> RECORDS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> ACTIVE = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> MAX_ACTIVE = new ConcurrentHashMap<>();
    private static final Map<String, WeakReference<ClassLoader>> CLASS_LOADERS = new ConcurrentHashMap<>();

    private Probe() {}

    public static void record(String channel, String value) {
        RECORDS.computeIfAbsent(channel, key -> new ConcurrentLinkedQueue<>()).add(value);
    }

    public static List<String> records(String channel) {
        Queue<String> records = RECORDS.get(channel);
        return records == null ? List.of() : List.copyOf(records);
    }

    /** Marks the start of concurrent work on a channel. */
    public static void enter(String channel) {
        int now = ACTIVE.computeIfAbsent(channel, key -> new AtomicInteger()).incrementAndGet();
        MAX_ACTIVE.computeIfAbsent(channel, key -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    }

    public static void exit(String channel) {
        ACTIVE.get(channel).decrementAndGet();
    }

    /** The most pieces of work that were in progress at once on a channel. */
    public static int maxConcurrency(String channel) {
        AtomicInteger max = MAX_ACTIVE.get(channel);
        return max == null ? 0 : max.get();
    }

    /** Keeps a weak reference to a plugin's class loader. */
    public static void classLoader(String channel, WeakReference<ClassLoader> loader) {
        CLASS_LOADERS.put(channel, loader);
    }

    public static WeakReference<ClassLoader> classLoader(String channel) {
        return CLASS_LOADERS.get(channel);
    }

    public static void reset() {
        CLASS_LOADERS.clear();
        RECORDS.clear();
        ACTIVE.clear();
        MAX_ACTIVE.clear();
    }
}
