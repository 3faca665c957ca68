package org.metriclifecycle.deploy.infra;

import java.util.function.Function;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells the web page what changed, once the projections have committed it: each event a view processor applied
 * becomes one {@link Change} after its batch commits, so a page that re-reads a view on a change always sees it.
 * Changes of this JVM's processors only; with several replicas, each serves the pages connected to it the changes
 * its own processors project (every replica projects every event).
 */
@Singleton
public class LiveUpdates {

    /**
     * @param stream the event's stream: a metric id, or {@code team:<slug>}
     * @param team   the team the stream belongs to (null if the read model does not know it)
     * @param type   the event's name, as the history shows it
     */
    public record Change(String stream, String team, String type) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    // Processors run their segments on several threads; a Reactive Streams publisher must be signalled serially.
    private final Object publishing = new Object();

    /** Every change from now on; subscribers that come later miss earlier changes (pages load the current state). */
    public Multi<Change> changes() {
        return changes;
    }

    /**
     * @param describe what an applied event changed, or null for an event the page does not show
     */
    MessageHandlerInterceptor<EventMessage<?>> publishAfterCommit(Function<EventMessage<?>, Change> describe) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (org.axonframework.eventhandling.ReplayToken.isReplay(unitOfWork.getMessage())) {
                // A replay re-applies what the page has shown already; describing each event cost a tenth of it.
                return result;
            }
            Change change = describe.apply(unitOfWork.getMessage());
            if (change != null) {
                unitOfWork.afterCommit(committed -> publish(change));
            }
            return result;
        };
    }

    void publish(Change change) {
        synchronized (publishing) {
            changes.onNext(change);
        }
    }
}
