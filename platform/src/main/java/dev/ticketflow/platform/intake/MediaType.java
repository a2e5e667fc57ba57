package dev.ticketflow.platform.intake;

/** Reads a Content-Type header the way the intake needs: JSON, in UTF-8 when a charset is named. */
final class MediaType {

    private MediaType() {}

    /**
     * Checks that a Content-Type is {@code application/json}, with at most a UTF-8 charset.
     *
     * @param contentType the header, may be {@code null}
     * @return {@code null} when acceptable, otherwise what is wrong
     */
    static String jsonMismatch(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "the request has no Content-Type";
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim();
        if (!type.equalsIgnoreCase("application/json")) {
            return "Content-Type " + type + " is not supported";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter[1].trim().replace("\"", "");
                // RFC 8259: JSON exchanged between systems is UTF-8
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return "charset " + charset + " is not supported: JSON is UTF-8";
                }
            }
        }
        return null;
    }
}
