package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.plugins.gitlab.client.GitLabIssue;
import java.util.HashMap;
import java.util.Map;

/**
 * The maps templates see. Only what is listed here reaches a template: never the configuration,
 * so never a token.
 */
public final class TemplateContext {

    private TemplateContext() {}

    /**
     * The ticket: {@code id}, {@code url}, {@code subject}, {@code status}, {@code priority},
     * {@code group}, {@code tags}. Requester and assignee are left out on purpose.
     *
     * @param ticket the ticket
     * @return the map
     */
    public static Map<String, Object> ticket(Ticket ticket) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", ticket.id());
        map.put("url", ticket.url());
        map.put("subject", ticket.subject());
        map.put("status", ticket.status());
        map.put("priority", ticket.priority());
        map.put("group", ticket.group());
        map.put("tags", ticket.tags());
        return map;
    }

    /**
     * The customer, only where the configuration allows customer details.
     *
     * @param requester the requester, may be {@code null}
     * @return {@code name} and {@code email}
     */
    public static Map<String, Object> customer(Person requester) {
        Map<String, Object> map = new HashMap<>();
        if (requester != null) {
            map.put("name", requester.name());
            map.put("email", requester.email());
        }
        return map;
    }

    /**
     * An issue: {@code iid}, {@code title}, {@code url}, {@code project}, {@code reference}
     * ({@code project#iid}), {@code confidential}, {@code created}.
     *
     * @param issue the issue
     * @param project the project name as configured
     * @param created whether this plugin created it for the ticket
     * @return the map
     */
    public static Map<String, Object> issue(GitLabIssue issue, String project, boolean created) {
        Map<String, Object> map = new HashMap<>();
        map.put("iid", issue.iid());
        map.put("title", issue.title());
        map.put("url", issue.webUrl());
        map.put("project", project);
        map.put("reference", project + "#" + issue.iid());
        map.put("confidential", issue.confidential());
        map.put("created", created);
        return map;
    }
}
