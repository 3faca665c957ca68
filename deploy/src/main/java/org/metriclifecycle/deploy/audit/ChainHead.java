package org.metriclifecycle.deploy.audit;

/** The last link of one stream's hash chain: the stream (aggregate id), its last sequence number and that hash. */
public record ChainHead(String streamId, long sequence, String hash) {
}
