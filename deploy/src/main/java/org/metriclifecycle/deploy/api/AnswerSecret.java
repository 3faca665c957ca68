package org.metriclifecycle.deploy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A secret that a write's answer shows once (a webhook's signing secret): the idempotency record keeps the answer
 * without it, since that table is not encrypted, and a replay reads it back from where it is kept encrypted, so a
 * client that lost the first answer to a dropped connection still learns it. Named by
 * {@link Idempotent#secret()}; implementations are beans.
 */
public interface AnswerSecret {

    /** The first answer's body as stored: the secret removed. */
    void redact(ObjectNode body);

    /** A replayed body: the secret put back (null when it no longer exists). */
    void restore(ObjectNode body);

    /** For answers that hold no secret. */
    interface None extends AnswerSecret {
    }
}
