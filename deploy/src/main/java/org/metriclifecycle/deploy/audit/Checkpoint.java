package org.metriclifecycle.deploy.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A signed checkpoint, as served and as kept outside the service: every stream's chain head at one moment, a
 * digest over them, and the Ed25519 signature of {@link CheckpointDigest#signedText}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"checkpointId", "createdAt", "algorithm", "publicKey", "streams", "digest", "signature"})
public record Checkpoint(
        String checkpointId,
        @Schema(description = "when it was made, ISO-8601 UTC with milliseconds (signed as written)") String createdAt,
        @Schema(enumeration = SigningKey.ALGORITHM) String algorithm,
        @Schema(description = "the service's public key: base64 of its X.509 SubjectPublicKeyInfo") String publicKey,
        @Schema(description = "every stream's head, by streamId") List<ChainHead> streams,
        @Schema(description = "lowercase hex SHA-256 over the streams (docs/audit.md)") String digest,
        @Schema(description = "base64 Ed25519 signature") String signature) {
}
