package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.pf4j.Extension;

/**
 * Appends "{@code <event id> <attempt>}" to the file of config {@code file} for every event,
 * after config {@code delayMillis} (default 0), before it answers: a line in the file means the
 * plugin got the event, even if the process dies right after. For crash tests in a child JVM.
 */
@Extension
public final class FileRecordingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        Path file = Path.of(plugin.config().getString("file"));
        long delay = plugin.config().getLong("delayMillis", 0L);
        plugin.on("ticket.*", ctx -> {
            Promise<Void> done = Promise.promise();
            Runnable record = () -> {
                append(file, ctx.event().id() + " " + ctx.attempt() + "\n");
                done.complete();
            };
            if (delay > 0) {
                plugin.vertx().setTimer(delay, timer -> record.run());
            } else {
                record.run();
            }
            return done.future();
        });
    }

    private static synchronized void append(Path file, String line) {
        // write(2) puts the bytes in the kernel at once: a SIGKILL right after cannot lose them
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
