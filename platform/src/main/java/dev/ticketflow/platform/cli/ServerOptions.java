package dev.ticketflow.platform.cli;

import dev.ticketflow.platform.config.TicketflowConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --url}: where the running Ticketflow is; by default the configured port on this machine. */
final class ServerOptions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--url", paramLabel = "URL",
            description = "Base URL of the running Ticketflow (default: http://127.0.0.1:<http.port>).")
    String url;

    /**
     * The base URL, without a trailing slash.
     *
     * @param config the configuration
     * @return the URL
     */
    String baseUrl(TicketflowConfig config) {
        if (url != null) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        if (config.httpPort() == 0) {
            throw new IllegalArgumentException("http.port is 0 (a random port): pass --url");
        }
        String host = config.httpHost();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + config.httpPort();
    }

    /**
     * Sends a request.
     *
     * @param request the request, built against {@link #baseUrl}
     * @return the response
     * @throws IllegalStateException with a readable message when the server cannot be reached
     */
    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(TIMEOUT).build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach Ticketflow at " + origin(built.uri())
                    + " — is it running (bin/ticketflow start)? Otherwise pass --url", e);
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
