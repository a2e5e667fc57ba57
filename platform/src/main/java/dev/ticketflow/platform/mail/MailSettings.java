package dev.ticketflow.platform.mail;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the platform reaches its SMTP server: the {@code mail:} section of the configuration.
 *
 * @param host the SMTP server
 * @param port its port
 * @param tls how the connection is secured
 * @param username the login, {@code null} to send without authentication
 * @param password the password, {@code null} exactly when {@code username} is
 * @param from the sender address, {@code a@b.c} or {@code Name <a@b.c>}
 * @param dryRun record the mails instead of sending them
 */
public record MailSettings(
        String host, int port, TlsMode tls, String username, String password, String from,
        boolean dryRun) {

    /** How the SMTP connection is secured. */
    public enum TlsMode {
        /** Plain text; only for a relay on the same host or network. Default port 25. */
        NONE(25),
        /** Plain connection upgraded with STARTTLS, which the server must offer. Default port 587. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS). Default port 465. */
        TLS(465);

        private final int defaultPort;

        TlsMode(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    private static final Set<String> KEYS =
            Set.of("host", "port", "tls", "username", "password", "from", "dryRun");
    // what an ${ENV} reference looks like when the config loader could not resolve it
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ADDRESS = Pattern.compile("^(?:[^<>]*<)?[^@\\s<>]+@[^@\\s<>]+>?$");

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(from, "from");
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
    }

    /**
     * Reads the {@code mail:} section, already interpolated by the config loader.
     *
     * @param json the section
     * @return the settings
     * @throws InvalidMailSettingsException naming the first key that is wrong
     */
    public static MailSettings fromJson(JsonObject json) {
        for (String key : json.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw new InvalidMailSettingsException(key,
                        "is not a mail setting; use host, port, tls, username, password, from, dryRun");
            }
        }
        boolean dryRun = bool(json, "dryRun");
        String host = string(json, "host");
        if (host == null) {
            if (!dryRun) {
                throw new InvalidMailSettingsException("host", "is required (or set dryRun: true)");
            }
            host = "localhost";
        }
        TlsMode tls = tlsMode(json);
        int port = port(json, tls);
        String username = string(json, "username");
        String password = string(json, "password");
        if (username != null && password == null) {
            throw new InvalidMailSettingsException("password", "is required when username is set");
        }
        if (password != null && username == null) {
            throw new InvalidMailSettingsException("username", "is required when password is set");
        }
        String from = string(json, "from");
        if (from == null) {
            throw new InvalidMailSettingsException("from", "is required: the sender address");
        }
        if (!ADDRESS.matcher(from).matches()) {
            throw new InvalidMailSettingsException("from",
                    "'" + from + "' is not an address like support@example.com or Support <support@example.com>");
        }
        return new MailSettings(host, port, tls, username, password, from, dryRun);
    }

    /** The same settings with dry run on or off (for the platform-wide dry run). */
    public MailSettings withDryRun(boolean newDryRun) {
        return new MailSettings(host, port, tls, username, password, from, newDryRun);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", username="
                + username + ", password=" + (password == null ? null : "***") + ", from=" + from
                + ", dryRun=" + dryRun + "]";
    }

    private static String string(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidMailSettingsException(key, "must be a string");
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            throw new InvalidMailSettingsException(key, "refers to ${" + unresolved.group(1)
                    + "}, which is not set: set that environment variable");
        }
        return text.isBlank() ? null : text.strip();
    }

    private static boolean bool(JsonObject json, String key) {
        Object value = json.getValue(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new InvalidMailSettingsException(key, "must be true or false");
    }

    private static TlsMode tlsMode(JsonObject json) {
        String value = string(json, "tls");
        if (value == null) {
            return TlsMode.STARTTLS;
        }
        try {
            return TlsMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidMailSettingsException("tls",
                    "'" + value + "' is not one of none, starttls, tls");
        }
    }

    private static int port(JsonObject json, TlsMode tls) {
        Object value = json.getValue("port");
        if (value == null) {
            return tls.defaultPort();
        }
        // "${SMTP_PORT}" interpolates to a string
        if (value instanceof String text && string(json, "port") != null
                && text.strip().matches("\\d{1,5}")) {
            value = Integer.parseInt(text.strip());
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()
                && number.intValue() >= 1 && number.intValue() <= 65535) {
            return number.intValue();
        }
        throw new InvalidMailSettingsException("port", "must be a whole number from 1 to 65535");
    }
}
