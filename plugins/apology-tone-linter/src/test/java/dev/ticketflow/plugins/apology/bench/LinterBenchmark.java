package dev.ticketflow.plugins.apology.bench;

import dev.ticketflow.plugins.apology.eval.LabelledReply;
import dev.ticketflow.plugins.apology.eval.ReplySet;
import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.LinterRulesLoader;
import dev.ticketflow.plugins.apology.lint.ReplyContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * A warm-loop benchmark of {@link ApologyLinter}: a 2 KB reply built from the labelled set (one
 * with findings, one clean), linted for a few seconds after a JIT warm-up; prints the mean per
 * reply in thread CPU time and in wall time.
 */
public final class LinterBenchmark {

    private static final int REPLY_CHARS = 2048;

    private LinterBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args optional: measured seconds per reply kind (default 3)
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        ApologyLinter linter = new ApologyLinter(LinterRulesLoader.defaults());
        List<LabelledReply> replies = ReplySet.load();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "apology-tone-linter, %d-char replies%n", REPLY_CHARS);
        for (boolean clean : new boolean[] {false, true}) {
            String text = twoKilobytes(replies, clean);
            int findings = linter.lint(text, ReplyContext.WORKS_AS_INTENDED).size();
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                linter.lint(text, ReplyContext.WORKS_AS_INTENDED);
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long until = wall + (long) (seconds * 1e9);
            int runs = 0;
            while (System.nanoTime() < until) {
                runs += linter.lint(text, ReplyContext.WORKS_AS_INTENDED).isEmpty() ? 1 : 1;
            }
            System.out.printf(Locale.ROOT, "  %-14s (%2d findings): cpu mean %6.1f us | wall mean %6.1f us over %d runs%n",
                    clean ? "clean reply" : "apologetic", findings,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / runs,
                    (System.nanoTime() - wall) / 1000.0 / runs, runs);
        }
    }

    private static String twoKilobytes(List<LabelledReply> replies, boolean clean) {
        List<LabelledReply> pool = replies.stream().filter(r -> r.expected().isEmpty() == clean).toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < REPLY_CHARS; i++) {
            text.append(pool.get(i % pool.size()).text()).append("\n\n");
        }
        return text.substring(0, REPLY_CHARS);
    }
}
