import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives signed events at POST /events of a Ticketflow on this machine and prints accepted
 * events/s and latency percentiles. Closed loop: each of N connections sends the next request
 * when the previous one was answered. Every request has a fresh webhook-id and the current
 * timestamp, so de-duplication never short-circuits it; ticket ids rotate over 500 tickets.
 *
 * <pre>java -cp "DIST/lib/*" bench/LoadGen.java --url http://127.0.0.1:8080 --secret whsec_... \
 *     --event DIST/examples/ticket-created.json [--connections 32] [--duration 20] [--warmup 5]
 *     [--max-requests 1000000]</pre>
 *
 * Bounded: at most 300 s and 5,000,000 requests, and only to a loopback address.
 */
public final class LoadGen {

    private static final int TICKETS = 500;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only targets this machine (127.0.0.1), not " + url);
        }
        String secret = required(options, "secret");
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        long durationSeconds = Math.min(300, Long.parseLong(options.getOrDefault("duration", "20")));
        long warmupSeconds = Math.min(60, Long.parseLong(options.getOrDefault("warmup", "5")));
        int maxRequests = (int) Math.min(5_000_000, Long.parseLong(options.getOrDefault("max-requests", "1000000")));
        JsonObject template = new JsonObject(Files.readString(Path.of(required(options, "event"))));

        Buffer[] bodies = new Buffer[TICKETS];
        for (int i = 0; i < TICKETS; i++) {
            JsonObject event = template.copy();
            event.getJsonObject("ticket").put("id", "bench-" + i);
            bodies[i] = Buffer.buffer(event.encode());
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));

        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setDefaultHost(url.getHost()).setDefaultPort(url.getPort()),
                new PoolOptions().setHttp1MaxSize(connections));

        long[] latencies = new long[maxRequests];
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        CountDownLatch done = new CountDownLatch(connections);

        Runnable[] loops = new Runnable[connections];
        for (int c = 0; c < connections; c++) {
            int connection = c;
            loops[c] = new Runnable() {
                @Override
                public void run() {
                    long now = System.nanoTime();
                    int n = sent.getAndIncrement();
                    if (now >= end || recorded.get() >= maxRequests) {
                        done.countDown();
                        return;
                    }
                    Buffer body = bodies[(n * 7 + connection) % TICKETS];
                    String msgId = "msg_" + UUID.randomUUID();
                    long timestamp = System.currentTimeMillis() / 1000;
                    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI("/events")
                            .putHeader("Content-Type", "application/json")
                            .putHeader("webhook-id", msgId)
                            .putHeader("webhook-timestamp", Long.toString(timestamp))
                            .putHeader("webhook-signature", sign(key, msgId, timestamp, body.getBytes()));
                    client.request(request)
                            .compose(req -> req.send(body))
                            .compose(resp -> resp.body().map(b -> resp.statusCode()))
                            .onComplete(result -> {
                                long finished = System.nanoTime();
                                if (now >= measureFrom) {
                                    if (result.succeeded()) {
                                        statuses.computeIfAbsent(result.result(), s -> new AtomicLong()).incrementAndGet();
                                        int slot = recorded.getAndIncrement();
                                        if (slot < latencies.length) {
                                            latencies[slot] = finished - now;
                                        }
                                    } else {
                                        errors.incrementAndGet();
                                    }
                                }
                                this.run();
                            });
                }
            };
        }
        for (Runnable loop : loops) {
            vertx.runOnContext(v -> loop.run());
        }
        if (!done.await(durationSeconds + warmupSeconds + 60, TimeUnit.SECONDS)) {
            System.err.println("some requests never completed");
        }
        long measuredNanos = Math.min(System.nanoTime(), end) - measureFrom;
        client.close().await();
        vertx.close().await();
        report(Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length)), statuses, errors.get(),
                measuredNanos, connections);
    }

    private static void report(long[] latencies, Map<Integer, AtomicLong> statuses, long errors, long nanos,
            int connections) {
        Arrays.sort(latencies);
        double seconds = nanos / 1e9;
        long accepted = statuses.getOrDefault(202, new AtomicLong()).get();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        System.out.printf("connections:        %d%n", connections);
        System.out.printf("measured:           %.1f s, %d responses, %d transport errors%n", seconds, latencies.length, errors);
        System.out.printf("statuses:           %s%n", byStatus);
        System.out.printf("accepted events/s:  %.0f%n", accepted / seconds);
        System.out.printf("latency p50:        %.2f ms%n", percentile(latencies, 0.50));
        System.out.printf("latency p99:        %.2f ms%n", percentile(latencies, 0.99));
        System.out.printf("latency max:        %.2f ms%n", latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String sign(byte[] key, String msgId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private LoadGen() {}
}
