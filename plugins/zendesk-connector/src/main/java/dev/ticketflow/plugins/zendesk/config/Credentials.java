package dev.ticketflow.plugins.zendesk.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the connector authenticates to one Zendesk account. {@link #toString()} never shows the
 * secret, so a credential can be logged or end up in an exception message safely.
 */
public sealed interface Credentials {

    /** The value of the {@code Authorization} header. */
    String authorizationHeader();

    /** A description without the secret, for logs. */
    String describe();

    /** API token: {@code Basic base64("{email}/token:{apiToken}")}. */
    record ApiToken(String email, String apiToken) implements Credentials {
        @Override
        public String authorizationHeader() {
            String pair = email + "/token:" + apiToken;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String describe() {
            return "API token of " + email;
        }

        @Override
        public String toString() {
            return "ApiToken[" + email + ", ***]";
        }
    }

    /** OAuth access token: {@code Bearer {token}}. */
    record OAuth(String token) implements Credentials {
        @Override
        public String authorizationHeader() {
            return "Bearer " + token;
        }

        @Override
        public String describe() {
            return "OAuth token";
        }

        @Override
        public String toString() {
            return "OAuth[***]";
        }
    }
}
