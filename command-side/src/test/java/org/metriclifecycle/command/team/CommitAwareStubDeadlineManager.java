package org.metriclifecycle.command.team;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.test.deadline.StubDeadlineManager;

/**
 * A stub deadline manager that, like the service's, schedules only when the unit of work commits, so a refused
 * command leaves no deadline behind. Time moves only when a test advances it.
 */
final class CommitAwareStubDeadlineManager extends StubDeadlineManager {

    CommitAwareStubDeadlineManager(Instant now) {
        super(now);
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object payloadOrMessage,
                           ScopeDescriptor deadlineScope) {
        if (!CurrentUnitOfWork.isStarted()) {
            return super.schedule(triggerDateTime, deadlineName, payloadOrMessage, deadlineScope);
        }
        CurrentUnitOfWork.get().onPrepareCommit(
                unitOfWork -> super.schedule(triggerDateTime, deadlineName, payloadOrMessage, deadlineScope));
        // Nothing here cancels by id, so the id the stub will assign need not be known yet.
        return UUID.randomUUID().toString();
    }
}
