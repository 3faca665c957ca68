package org.metriclifecycle.deploy.web;

import org.metriclifecycle.deploy.axon.AfterCommit;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells the web page what changed, once it has committed: each event the views applied in a command's transaction
 * becomes one {@link Change} after that transaction commits, so a page that re-reads a view on a change always
 * sees it. Changes committed here are also relayed to the other instances ({@link LiveNotifications}), whose pages
 * get them the same way.
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
    // Commits on many threads publish here; a Reactive Streams publisher must be signalled serially.
    private final Object publishing = new Object();
    private final AfterCommit afterCommit;
    private volatile Consumer<Change> relay = change -> { };

    @Inject
    LiveUpdates(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** Every change from now on; subscribers that come later miss earlier changes (pages load the current state). */
    public Multi<Change> changes() {
        return changes;
    }

    /** Where changes committed on this instance also go (the other instances). */
    public void relayTo(Consumer<Change> relay) {
        this.relay = relay;
    }

    /**
     * @param describe what an applied event changed, or null for an event the page does not show
     */
    public MessageHandlerInterceptor<EventMessage<?>> publishAfterCommit(Function<EventMessage<?>, Change> describe) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Change change = describe.apply(unitOfWork.getMessage());
            if (change != null) {
                afterCommit.run(() -> {
                    publish(change);
                    relay.accept(change);
                });
            }
            return result;
        };
    }

    public void publish(Change change) {
        synchronized (publishing) {
            changes.onNext(change);
        }
    }
}
