package dev.ticketflow.plugins.gitlab.client;

import io.vertx.core.MultiMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the next page of a GitLab list from its response headers: {@code x-next-page} when
 * GitLab sends it (empty on the last page), otherwise the {@code rel="next"} entry of
 * {@code Link} (GitLab.com omits some {@code x-*} headers on large sets).
 */
final class NextPage {

    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private NextPage() {}

    /**
     * The next page.
     *
     * @param headers the response headers
     * @return a page number ({@code "3"}), an absolute URL from {@code Link}, or {@code null}
     *     on the last page
     */
    static String of(MultiMap headers) {
        String header = headers.get("x-next-page");
        if (header != null) {
            return header.isBlank() ? null : header.trim();
        }
        String link = headers.get("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = LINK_NEXT.matcher(link);
        return matcher.find() ? matcher.group(1) : null;
    }
}
