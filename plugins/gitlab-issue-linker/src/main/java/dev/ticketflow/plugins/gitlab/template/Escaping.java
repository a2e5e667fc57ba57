package dev.ticketflow.plugins.gitlab.template;

/** How values from tickets are escaped when a template inserts them with {@code {{name}}}. */
public enum Escaping {

    /** Plain text (help-desk comments, issue titles): inserted as they are. */
    PLAIN {
        @Override
        String escape(String value) {
            return value;
        }
    },

    /**
     * GitLab markdown (issue descriptions and notes): HTML-significant characters become
     * entities, and {@code @} becomes {@code &#64;} so a customer's text cannot mention (and
     * notify) GitLab users or groups such as {@code @all}.
     */
    GITLAB_MARKDOWN {
        @Override
        String escape(String value) {
            StringBuilder out = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '@' -> out.append("&#64;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    };

    abstract String escape(String value);
}
