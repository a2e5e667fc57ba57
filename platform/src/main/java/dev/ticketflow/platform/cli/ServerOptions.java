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
        return baseUrl(url, "--url", config);
    }

    /**
     * A base URL given on the command line, or else the configured port on this machine.
     *
     * @param given the URL given, or {@code null}
     * @param option the option that gives it, for the error message
     * @param config the configuration
     * @return the URL, without a trailing slash
     */
    static String baseUrl(String given, String option, TicketflowConfig config) {
        if (given != null) {
            return given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
        }
        if (config.httpPort() == 0) {
            throw new IllegalArgumentException("http.port is 0 (a random port): pass " + option);
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
        return send(request, "--url", TIMEOUT);
    }

    /**
     * Sends a request.
     *
     * @param request the request
     * @param option the option that sets the server's URL, for the error message
     * @param timeout how long the answer may take
     * @return the response
     * @throws IllegalStateException with a readable message when the server cannot be reached
     */
    static HttpResponse<String> send(HttpRequest.Builder request, String option, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest built = request.timeout(timeout).build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach Ticketflow at " + origin(built.uri())
                    + " — is it running (bin/ticketflow start)? Otherwise pass " + option, e);
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
