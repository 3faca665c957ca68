package org.metriclifecycle.deploy.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer of {@code POST /api/v1/audit/verify}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"signatureValid", "intact", "breaks"})
public record CheckpointVerification(
        @Schema(description = "signed by this service's key (the document's publicKey must be it), over exactly "
                + "these streams") boolean signatureValid,
        @Schema(description = "every listed stream still holds exactly the events up to its listed head; trust it "
                + "only with signatureValid") boolean intact,
        List<Break> breaks) {

    @JsonPropertyOrder({"streamId", "sequence", "problem"})
    public record Break(
            String streamId,
            @Schema(description = "the first sequence number that no longer matches") long sequence,
            @Schema(enumeration = {EventChainVerifier.EVENT_MISSING, EventChainVerifier.HASH_MISMATCH,
                    EventChainVerifier.MISSING_CHAIN_ENTRY, EventChainVerifier.NOT_LINKED,
                    EventChainVerifier.HEAD_DIFFERS}) String problem) {
    }
}
