package org.metriclifecycle.deploy.webhooks;

import org.metriclifecycle.deploy.api.AnswerSecret;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;


import com.fasterxml.jackson.databind.node.ObjectNode;

/** A subscription's answer: its {@code secret}, re-read (and decrypted) by subscription id on replay. */
@Singleton
public class WebhookAnswerSecret implements AnswerSecret {

    static final String FIELD = "secret";

    @Inject
    WebhookRegistry registry;

    @Override
    public void redact(ObjectNode body) {
        body.putNull(FIELD);
    }

    @Override
    public void restore(ObjectNode body) {
        String subscriptionId = body.path("subscriptionId").asText(null);
        String secret = subscriptionId == null ? null : registry.secretOf(subscriptionId).orElse(null);
        body.put(FIELD, secret);
    }
}
