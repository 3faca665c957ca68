package org.metriclifecycle.deploy.axon;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Where several instances share the database, a command may use a cached aggregate without reading the store first:
 * if another instance wrote the stream since, every event the command appends to it collides with the store's unique
 * (aggregate, sequence) key, rolls back and is retried ({@link ConcurrencyRetry}). What no key catches is a decision
 * that appends nothing to a cached aggregate: a refusal, a success that changed nothing, an aggregate only consulted.
 * Only for those is the cached version compared with the stream's last sequence (one index lookup), and a stale one
 * turns the answer into a lost race, so the command runs again on the stream as it now is. A deadline's handler always
 * checks before it decides ({@link VersionCheckedCache}): doing nothing is its most common decision.
 */
final class StaleCacheCheck {

    private static final String HITS = StaleCacheCheck.class.getName() + ".hits";

    private StaleCacheCheck() {
    }

    /** Whether a cached aggregate is older than its stream; told whether the command was refused. */
    @FunctionalInterface
    interface Hit {
        boolean stale(boolean refused);
    }

    /**
     * Called on a cache hit: inside a command's unit of work the check is left for later and true is returned; anywhere
     * else (a deadline, an event handler) false, and the caller checks now.
     */
    static boolean deferred(Hit hit) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?>)) {
            return false;
        }
        CurrentUnitOfWork.get().<List<Hit>>getOrComputeResource(HITS, k -> new ArrayList<>()).add(hit);
        return true;
    }

    /** For the command bus: runs the deferred checks of the command's cache hits. */
    static MessageHandlerInterceptor<CommandMessage<?>> commandInterceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unit, InterceptorChain chain)
                    throws Exception {
                Object answer;
                try {
                    answer = chain.proceed();
                } catch (Exception refusal) {
                    if (usedStaleAggregate(unit, refusal)) {
                        throw new StaleAggregateException(unit.getMessage().getCommandName(), refusal);
                    }
                    throw refusal;
                }
                if (usedStaleAggregate(unit, null)) {
                    throw new StaleAggregateException(unit.getMessage().getCommandName(), null);
                }
                return answer;
            }
        };
    }

    private static boolean usedStaleAggregate(UnitOfWork<?> unit, Exception refusal) {
        List<Hit> hits = unit.getResource(HITS);
        if (hits == null || ConcurrencyRetry.lostRace(refusal)) {
            return false;
        }
        try {
            return hits.stream().anyMatch(hit -> hit.stale(refusal != null));
        } catch (RuntimeException unreadable) {
            // The transaction could not read any more (the refusal came from the database): the refusal stands.
            if (refusal != null) {
                refusal.addSuppressed(unreadable);
                return false;
            }
            throw unreadable;
        }
    }

    /** A command decided on a cached aggregate that another instance had moved on: run it again. */
    static final class StaleAggregateException extends ConcurrencyException {

        StaleAggregateException(String command, Exception refusal) {
            super(command + " was decided on a cached aggregate older than its stream; it runs again", refusal);
        }
    }
}
