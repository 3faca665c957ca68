package org.metriclifecycle.deploy.infra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What an operator needs of the streaming processors: where each stands against the head of the event store,
 * and a way to rebuild a projection from the first event while the service keeps serving.
 */
@Singleton
public class EventProcessors {

    public record SegmentStatus(int segment, Long position, boolean caughtUp, boolean replaying, String error) {
    }

    public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, Long headPosition,
                                  Long lag, List<SegmentStatus> segments) {
    }

    /** The processor could not be reset here (a segment is claimed by another instance, or it is busy). */
    public static class ReplayRefused extends RuntimeException {
        ReplayRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    AxonRuntime axon;
    @Inject
    EventStore eventStore;

    public List<ProcessorStatus> all() {
        Long head = boxed(position(eventStore.createHeadToken()));
        List<ProcessorStatus> statuses = new ArrayList<>();
        for (StreamingEventProcessor processor : processors()) {
            statuses.add(status(processor, head));
        }
        statuses.sort(Comparator.comparing(ProcessorStatus::name));
        return statuses;
    }

    public Optional<ProcessorStatus> find(String name) {
        return processor(name).map(p -> status(p, boxed(position(eventStore.createHeadToken()))));
    }

    /** Stops the processor, resets its tokens to the first event, and starts it again; the replay runs on. */
    public Optional<ProcessorStatus> replay(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        found.ifPresent(processor -> {
            processor.shutdownAsync().join();
            try {
                processor.resetTokens();
            } catch (RuntimeException e) {
                throw new ReplayRefused("processor " + name + " could not be reset here: " + e.getMessage()
                        + " (stop it on the other instances first)", e);
            } finally {
                processor.start();
            }
        });
        return found.flatMap(processor -> find(name));
    }

    /** How far the slowest segment of a processor is behind the head of the event store (null when unknown). */
    Long lag(String name) {
        return find(name).map(ProcessorStatus::lag).orElse(null);
    }

    List<String> names() {
        return processors().stream().map(StreamingEventProcessor::getName).sorted().toList();
    }

    private ProcessorStatus status(StreamingEventProcessor processor, Long head) {
        List<SegmentStatus> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(EventProcessors::segment).toList();
        Long slowest = segments.stream().map(SegmentStatus::position).filter(p -> p != null)
                .min(Long::compare).orElse(null);
        Long lag = head == null ? null : Math.max(0, head - (slowest == null ? 0 : slowest));
        return new ProcessorStatus(processor.getName(), processor.isRunning(), processor.isReplaying(),
                processor.isError(), head, segments.isEmpty() ? null : lag, segments);
    }

    private static SegmentStatus segment(EventTrackerStatus status) {
        return new SegmentStatus(status.getSegment().getSegmentId(), boxed(status.getCurrentPosition()),
                status.isCaughtUp(), status.isReplaying(),
                status.getError() == null ? null : status.getError().getClass().getSimpleName() + ": "
                        + status.getError().getMessage());
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }

    private List<StreamingEventProcessor> processors() {
        return axon.configuration().eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processors().stream().filter(p -> p.getName().equals(name)).findFirst();
    }
}
