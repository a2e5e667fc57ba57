package dev.ticketflow.platform.plugin.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes unloaded plugins' class loaders out of threads that outlive them. A thread inherits the
 * context class loader of the thread that creates it, and Vert.x and Netty create threads lazily:
 * an event loop first woken by a plugin's timer, say, would keep the plugin's class loader (and
 * so every class of the plugin) for the life of the process. After an unload, every thread whose
 * context class loader is an unloaded plugin's gets the platform's instead; scrubbing is repeated
 * on each folder scan until the loader was collected, because a thread in the middle of a task
 * may put the old loader back when the task ends.
 *
 * <p>Thread-safe.
 */
public final class ThreadContextScrubber {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadContextScrubber.class);

    private final ClassLoader platformLoader;
    private final List<WeakReference<ClassLoader>> unloaded = new ArrayList<>();

    public ThreadContextScrubber(ClassLoader platformLoader) {
        this.platformLoader = platformLoader;
    }

    /** Remembers a plugin class loader that must not stay in any thread. */
    public synchronized void forget(ClassLoader pluginLoader) {
        if (pluginLoader != null) {
            unloaded.add(new WeakReference<>(pluginLoader));
        }
    }

    /** Resets the threads still holding a forgotten loader; a no-op once all were collected. */
    public synchronized void scrub() {
        unloaded.removeIf(reference -> reference.get() == null);
        if (unloaded.isEmpty()) {
            return;
        }
        for (Thread thread : allThreads()) {
            ClassLoader context = thread.getContextClassLoader();
            if (context != null && isUnloaded(context)) {
                thread.setContextClassLoader(platformLoader);
                LOG.debug("Reset the context class loader of thread {}, left from an unloaded plugin", thread.getName());
            }
        }
    }

    private boolean isUnloaded(ClassLoader loader) {
        for (WeakReference<ClassLoader> reference : unloaded) {
            if (reference.get() == loader) {
                return true;
            }
        }
        return false;
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        return Arrays.copyOf(threads, count);
    }
}
