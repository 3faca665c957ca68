package org.metriclifecycle.deploy.infra;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every event processor runs and no segment is stuck in error: the views would go stale. */
@Readiness
@Singleton
public class EventProcessorsReadiness implements HealthCheck {

    @Inject
    AxonRuntime axon;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-processors").up();
        for (Map.Entry<String, EventProcessor> entry : axon.configuration().eventProcessingConfiguration()
                .eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            String name = entry.getKey();
            if (!processor.isRunning() || processor.isError()) {
                response.down().withData(name, processor.isError() ? "error" : "stopped");
                continue;
            }
            if (processor instanceof StreamingEventProcessor streaming) {
                long erroring = streaming.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                        .count();
                if (erroring > 0) {
                    response.down();
                }
                response.withData(name, erroring > 0 ? erroring + " segment(s) in error"
                        : "running, " + streaming.processingStatus().size() + " segment(s) claimed");
            } else {
                response.withData(name, "running");
            }
        }
        return response.build();
    }
}
