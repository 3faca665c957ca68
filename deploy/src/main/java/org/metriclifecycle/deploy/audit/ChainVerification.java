package org.metriclifecycle.deploy.audit;

/**
 * What {@link EventChainVerifier} found for one stream: how many events it stores, the hash of the last event that
 * verified (the chain head when intact), and the first place the chain breaks, or null.
 */
public record ChainVerification(int events, String head, Break brokenAt) {

    public boolean intact() {
        return brokenAt == null;
    }

    /** The first sequence number at which the stored events and the chain disagree, and how. */
    public record Break(long sequence, String problem) {
    }
}
