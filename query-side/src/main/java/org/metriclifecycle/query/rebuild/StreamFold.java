package org.metriclifecycle.query.rebuild;

/**
 * One stream folded in memory, up to its last sequence. Events must come in stream order: one already folded is
 * ignored, and one that skips a sequence (the scan passed an event whose transaction had not committed yet) marks
 * the fold {@link #broken()}: it stops folding, and the batch that writes it folds the whole stream again from the
 * event store.
 */
abstract sealed class StreamFold permits MetricStreamFold, TeamStreamFold {

    private long lastSequence = -1;
    private boolean broken;
    /** The stream's last sequence as of the scan's head, when known. */
    private long expectedLast = Long.MAX_VALUE;

    /** @return whether the event was folded (not a repeat of one already folded, nor after a gap) */
    public final boolean apply(RebuildEvent event) {
        if (broken || event.sequence() <= lastSequence) {
            return false;
        }
        if (event.sequence() != lastSequence + 1) {
            broken = true;
            return false;
        }
        fold(event);
        lastSequence = event.sequence();
        return true;
    }

    /** Forgets everything folded, so the stream is folded again from its first event. */
    final void restart() {
        lastSequence = -1;
        broken = false;
        forget();
    }

    final void expectLast(Long sequence) {
        expectedLast = sequence == null ? Long.MAX_VALUE : sequence;
    }

    /** Whether the fold holds the stream's last event as of the scan's head. */
    final boolean complete() {
        return lastSequence >= expectedLast;
    }

    public final boolean broken() {
        return broken;
    }

    public final long lastSequence() {
        return lastSequence;
    }

    /** Folds the next event of the stream. */
    abstract void fold(RebuildEvent event);

    /** Drops what {@link #fold} kept. */
    abstract void forget();
}
