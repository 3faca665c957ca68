package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.metric.LifecycleMatchers.invalidField;
import static org.metriclifecycle.command.metric.MetricTestData.METRIC_ID;
import static org.metriclifecycle.command.metric.MetricTestData.T0;
import static org.metriclifecycle.command.metric.MetricTestData.deprecated;
import static org.metriclifecycle.command.metric.MetricTestData.proposed;

import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.events.BlindSpotRecorded;

class RecordBlindSpotTest {

    private static final String FAILURE = "answers cite retired policies";
    private static final String DESCRIPTION = "the eval set predates the policy change";

    private final AggregateTestFixture<MetricAggregate> fixture = MetricFixture.create().fixture();

    @Test
    void recordsAFailureTheMetricDidNotCatch() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new RecordBlindSpot(METRIC_ID, "b-1", FAILURE, DESCRIPTION, "INC-42"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new BlindSpotRecorded(METRIC_ID, "b-1", FAILURE, DESCRIPTION, "INC-42", T0));
    }

    @Test
    void theIncidentReferenceIsOptional() {
        fixture.givenCurrentTime(T0)
               .andGiven(proposed())
               .when(new RecordBlindSpot(METRIC_ID, "b-1", FAILURE, DESCRIPTION, null))
               .expectEvents(new BlindSpotRecorded(METRIC_ID, "b-1", FAILURE, DESCRIPTION, null, T0));
    }

    static Stream<Arguments> invalidBlindSpots() {
        return Stream.of(
                Arguments.of("blindSpotId", new RecordBlindSpot(METRIC_ID, " ", FAILURE, DESCRIPTION, null)),
                Arguments.of("failureMode", new RecordBlindSpot(METRIC_ID, "b-1", null, DESCRIPTION, null)),
                Arguments.of("failureMode", new RecordBlindSpot(METRIC_ID, "b-1", "\t", DESCRIPTION, null)),
                Arguments.of("description", new RecordBlindSpot(METRIC_ID, "b-1", FAILURE, "", null)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidBlindSpots")
    void rejectsAMissingRequiredField(String field, RecordBlindSpot command) {
        fixture.given(proposed())
               .when(command)
               .expectException(InvalidCommandException.class)
               .expectException(invalidField(field))
               .expectNoEvents();
    }

    @Test
    void refusesADeprecatedMetric() {
        fixture.given(proposed(), deprecated())
               .when(new RecordBlindSpot(METRIC_ID, "b-1", FAILURE, DESCRIPTION, null))
               .expectException(LifecycleConflictException.class)
               .expectNoEvents();
    }
}
