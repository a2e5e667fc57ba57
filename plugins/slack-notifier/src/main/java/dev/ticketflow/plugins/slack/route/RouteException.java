package dev.ticketflow.plugins.slack.route;

/**
 * A route that cannot be used: it is refused when the plugin starts, with the route's name and
 * what is wrong.
 */
public final class RouteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param route the route's name
     * @param problem what is wrong
     * @param cause the compiler's error, may be {@code null}
     */
    public RouteException(String route, String problem, Throwable cause) {
        super("slack-notifier route '" + route + "': " + problem, cause);
    }
}
