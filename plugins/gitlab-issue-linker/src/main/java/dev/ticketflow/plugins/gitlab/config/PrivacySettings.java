package dev.ticketflow.plugins.gitlab.config;

/**
 * What of the customer's words and identity may reach GitLab.
 *
 * @param includeCustomerDetails whether the requester's name and e-mail may be used in GitLab
 *     templates ({@code {{customer.name}}}) and the summary is left unredacted
 * @param summaryLength the longest summary, in characters
 * @param readTicket whether the ticket is read (permission {@code helpdesk:read}) for the
 *     customer's first message when the event carries none
 */
public record PrivacySettings(boolean includeCustomerDetails, int summaryLength, boolean readTicket) {}
