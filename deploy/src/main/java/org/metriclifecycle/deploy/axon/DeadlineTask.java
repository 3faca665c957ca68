package org.metriclifecycle.deploy.axon;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;

import org.jboss.logging.Logger;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Axon's deadline task for db-scheduler (same name, same JSON data), with one change: a deadline that lost a race for
 * its stream runs again within a second. With several instances a deadline firing on one can meet a command on the
 * same metric on another; the event store refuses the later append, and db-scheduler's default would retry the
 * deadline only after 5 minutes. The retry is safe for the reason any second firing is: the handler checks that the
 * deadline is still the metric's current one and that its status still qualifies. Other failures keep the default.
 */
final class DeadlineTask {

    private static final Logger LOG = Logger.getLogger(DeadlineTask.class);

    private DeadlineTask() {
    }

    static Task<DbSchedulerHumanReadableDeadlineDetails> create(Supplier<DbSchedulerDeadlineManager> manager) {
        Task<DbSchedulerHumanReadableDeadlineDetails> axon = DbSchedulerDeadlineManager.humanReadableTask(manager);
        FailureHandler<DbSchedulerHumanReadableDeadlineDetails> otherwise = axon.getFailureHandler();
        return Tasks.oneTime(axon.getName(), axon.getDataClass())
                .onFailure((complete, operations) -> {
                    if (complete.getCause().filter(ConcurrencyRetry::lostRace).isPresent()) {
                        LOG.debugf("deadline %s lost a race for its stream; running it again shortly",
                                complete.getExecution().taskInstance.getId());
                        operations.reschedule(complete,
                                complete.getTimeDone().plusMillis(ThreadLocalRandom.current().nextLong(100, 600)));
                    } else {
                        otherwise.onFailure(complete, operations);
                    }
                })
                .execute(axon::execute);
    }
}
