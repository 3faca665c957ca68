package org.metriclifecycle.command;

/** A webhook subscription the team does not have (answered with 404). */
public class UnknownWebhookSubscriptionException extends RuntimeException {

    public UnknownWebhookSubscriptionException(String team, String subscriptionId) {
        super("team " + team + " has no webhook subscription " + subscriptionId);
    }
}
