package dev.ticketflow.plugins.venting.bench;

import dev.ticketflow.plugins.venting.classify.EmbeddingRaiser;
import dev.ticketflow.plugins.venting.classify.Label;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import dev.ticketflow.plugins.venting.classify.RuleBookLoader;
import dev.ticketflow.plugins.venting.eval.EvaluationSet;
import dev.ticketflow.plugins.venting.eval.LabelledMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A warm-loop benchmark of {@link MessageClassifier}, with the rules alone and with the model of
 * the labelled examples: builds 2 KB messages from the labelled set (one of each label), warms the JIT up, then
 * times many classifications and prints the mean and the 99th percentile per message, in thread
 * CPU time and in wall time. Single-threaded.
 */
public final class ClassifierBenchmark {

    private static final int MESSAGE_CHARS = 2048;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long warmCpuNanos;

    private ClassifierBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional: the measured seconds per message kind (default 3), then
     *     {@code --rules-only} to leave the model of the examples out
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        // one configuration per JVM: the JIT compiles a classifier for the first one it sees,
        // and a second configuration in the same JVM would pay for that
        boolean rulesOnly = args.length > 1 && args[1].equals("--rules-only");
        MessageClassifier rules = new MessageClassifier(RuleBookLoader.defaults());
        MessageClassifier classifier = rulesOnly ? rules
                : new MessageClassifier(RuleBookLoader.defaults(), EmbeddingRaiser.withDefaults());
        String name = rulesOnly ? "rules only" : "rules + example model";
        run(name, rules, classifier, seconds);
        everyMessage(name, classifier, seconds);
    }

    /** The mean over every labelled message as written (they average a few hundred characters). */
    private static void everyMessage(String name, MessageClassifier classifier, double seconds) {
        List<String> texts = new ArrayList<>(EvaluationSet.load().stream().map(LabelledMessage::text).toList());
        for (String fresh : EvaluationSet.FRESH_SPLITS) {
            EvaluationSet.load(fresh).forEach(message -> texts.add(message.text()));
        }
        double meanChars = texts.stream().mapToInt(String::length).average().orElse(0);
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        int sink = 0;
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            sink += classifier.classify(texts.get(i % texts.size())).signals().size();
        }
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        int runs = 0;
        while (System.nanoTime() < until) {
            sink += classifier.classify(texts.get(runs++ % texts.size())).signals().size();
        }
        double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1000.0 / runs;
        System.out.printf(Locale.ROOT, "venting-escalation classifier (%s), each of the %d labelled messages"
                + " (mean %.0f chars): cpu mean %6.1f us a message, %6.1f us per KB%s%n", name, texts.size(), meanChars,
                cpuMicros, cpuMicros * 1024 / meanChars, sink == 42 ? " " : "");
    }

    private static void run(String name, MessageClassifier rulesOnly, MessageClassifier classifier, double seconds) {
        List<LabelledMessage> messages = EvaluationSet.load();
        System.out.printf(Locale.ROOT, "venting-escalation classifier (%s), %d-char messages, %d rules%n",
                name, MESSAGE_CHARS, classifier.ruleBook().rules().size());
        for (Label label : Label.values()) {
            // a normal 2 KB message is built from messages that raise no signal at all, so that
            // adding them up does not turn it into venting
            List<LabelledMessage> pool = label == Label.NORMAL
                    ? messages.stream().filter(m -> rulesOnly.classify(m.text()).signals().isEmpty()).toList()
                    : messages;
            String text = twoKilobytes(pool, label);
            Label got = classifier.classify(text).label();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long[] timings = measure(classifier, text, seconds);
            // CPU time is what one classification costs on this thread; wall time also counts
            // waiting for a core, which on a shared machine can dominate
            double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuBefore - warmCpuNanos) / 1000.0 / timings.length;
            System.out.printf(Locale.ROOT, "  %-8s (classified %-7s): cpu mean %6.1f us | wall mean %6.1f us, p50 %6.1f us, p99 %6.1f us over %d runs%n",
                    label.id(), got.id(), cpuMicros, mean(timings) / 1000.0, percentile(timings, 0.50) / 1000.0,
                    percentile(timings, 0.99) / 1000.0, timings.length);
        }
    }

    /** Concatenates messages of one label until the text is 2 KB long. */
    static String twoKilobytes(List<LabelledMessage> messages, Label label) {
        StringBuilder text = new StringBuilder();
        List<LabelledMessage> pool = messages.stream().filter(m -> m.label() == label).toList();
        for (int i = 0; text.length() < MESSAGE_CHARS; i++) {
            text.append(pool.get(i % pool.size()).text()).append(i % 3 == 2 ? "\n\n" : " ");
        }
        return text.substring(0, MESSAGE_CHARS);
    }

    private static long[] measure(MessageClassifier classifier, String text, double seconds) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        long warmCpuStart = THREADS.getCurrentThreadCpuTime();
        int sink = 0;
        while (System.nanoTime() < warmUntil) {
            sink += classifier.classify(text).signals().size();
        }
        warmCpuNanos = THREADS.getCurrentThreadCpuTime() - warmCpuStart;
        List<Long> timings = new ArrayList<>();
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            long start = System.nanoTime();
            sink += classifier.classify(text).signals().size();
            timings.add(System.nanoTime() - start);
        }
        if (sink == 42) {
            System.out.println();
        }
        return timings.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double mean(long[] sorted) {
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sum / sorted.length;
    }

    private static double percentile(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) (share * sorted.length))];
    }
}
