package org.metriclifecycle.deploy.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of the history check: absent values are sent as null, so clients can rely on every member. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryVerification(
        String metricId,
        @Schema(description = "every stored event matches the hash chain") boolean intact,
        @Schema(description = "how many events the metric's stream stores") int events,
        @Schema(description = "hash of the last event that verified (the chain head when intact); null if none",
                nullable = true) String head,
        @Schema(description = "the first place the chain breaks; null when intact", nullable = true) BrokenAt brokenAt) {

    public record BrokenAt(
            @Schema(description = "sequence number in the metric's stream, from 0") long sequence,
            @Schema(enumeration = {EventChainVerifier.HASH_MISMATCH, EventChainVerifier.MISSING_CHAIN_ENTRY,
                    EventChainVerifier.NOT_LINKED, EventChainVerifier.EVENT_MISSING}) String problem) {
    }

    static HistoryVerification of(String metricId, ChainVerification result) {
        ChainVerification.Break broken = result.brokenAt();
        return new HistoryVerification(metricId, result.intact(), result.events(), result.head(),
                broken == null ? null : new BrokenAt(broken.sequence(), broken.problem()));
    }
}
