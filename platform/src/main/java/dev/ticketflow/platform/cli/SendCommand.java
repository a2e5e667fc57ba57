package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.SecretFile;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.config.WebhookSecrets;
import dev.ticketflow.platform.intake.StandardWebhooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ticketflow send FILE}: signs an event file the way support tooling must (Standard
 * Webhooks: a fresh {@code webhook-id}, the current timestamp, HMAC-SHA256 with the secret) and
 * posts it to {@code /events}. Exits non-zero unless the answer is 2xx.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Sign an event JSON file with the webhook secret and POST it to /events.")
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    TicketflowCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "FILE", description = "The event, as JSON (see examples/).")
    Path file;

    @Option(names = "--secret", paramLabel = "whsec_…",
            description = "Signing secret (default: the first of webhooks.secrets, or <dataDir>/webhook-secret).")
    String secret;

    @Option(names = "--webhook-id", paramLabel = "ID",
            description = "The webhook-id to send (default: a fresh one); repeat one to see de-duplication.")
    String webhookId;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TicketflowConfig config = parent.config(configOptions);
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such event file: " + file, e);
        }
        String signingSecret = secret != null ? secret : webhookSecret(config);
        String msgId = webhookId != null ? webhookId : "msg_" + UUID.randomUUID().toString().replace("-", "");
        long timestamp = Instant.now().getEpochSecond();
        HttpResponse<String> response = ServerOptions.send(HttpRequest.newBuilder()
                .uri(URI.create(server.baseUrl(config) + "/events"))
                .header("Content-Type", "application/json")
                .header(StandardWebhooks.ID_HEADER, msgId)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.sign(signingSecret, msgId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        boolean accepted = response.statusCode() / 100 == 2;
        PrintWriter writer = accepted ? spec.commandLine().getOut() : spec.commandLine().getErr();
        writer.println("HTTP " + response.statusCode());
        writer.println(response.body());
        writer.flush();
        return accepted ? 0 : 1;
    }

    private static String webhookSecret(TicketflowConfig config) throws IOException {
        if (!config.webhookSecrets().isEmpty()) {
            return config.webhookSecrets().get(0);
        }
        Path generated = WebhookSecrets.file(config);
        if (!Files.exists(generated)) {
            throw new IllegalStateException("no webhook secret is configured and " + generated
                    + " does not exist: start Ticketflow once with this data folder, or pass --secret");
        }
        return SecretFile.read(generated);
    }
}
