package org.metriclifecycle.deploy.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** {@link RecurringWork} as db-scheduler recurring tasks. */
final class RecurringTasks {

    private RecurringTasks() {
    }

    static List<RecurringTask<Void>> of(Iterable<RecurringWork> work) {
        List<RecurringTask<Void>> tasks = new java.util.ArrayList<>();
        for (RecurringWork each : work) {
            tasks.add(Tasks.recurring(each.name(), new EveryInterval(each.interval()))
                    .execute((instance, context) -> QuarkusTransaction.requiringNew().run(each::run)));
        }
        return List.copyOf(tasks);
    }

    /**
     * Like db-scheduler's FixedDelay, but the first run is one interval after the task is first registered, not at
     * once: starting the service is not a reason to do the work (nor, in tests, to race the test for it).
     */
    private record EveryInterval(Duration interval) implements Schedule {

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return complete.getTimeDone().plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
