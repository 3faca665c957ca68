package org.metriclifecycle.deploy.web;

/** One choice of a {@code <select>}: what the API gets and what a person reads. */
public record Option(String value, String label) {
}
