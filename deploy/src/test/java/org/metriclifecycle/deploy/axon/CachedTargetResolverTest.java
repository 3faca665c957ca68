package org.metriclifecycle.deploy.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.command.metric.RecordCorrelation;
import org.metriclifecycle.command.team.SetCoreMetricLimit;

/** The cached resolver finds what Axon's finds, and leaves everything it does not handle to Axon's. */
class CachedTargetResolverTest {

    private final CachedTargetResolver cached = new CachedTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class Plain {
        @TargetAggregateIdentifier
        private final String id;

        Plain(String id) {
            this.id = id;
        }
    }

    record Unmarked(String id) {
    }

    private VersionedAggregateIdentifier both(Object payload) {
        VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(payload));
        VersionedAggregateIdentifier resolved = cached.resolveTarget(GenericCommandMessage.asCommandMessage(payload));
        assertThat(resolved).isEqualTo(expected);
        return resolved;
    }

    @Test
    void theServicesCommandsResolveAsAxonResolvesThem() {
        assertThat(both(new RecordCorrelation("m-1", "c-1", "h-1", 0.5, 100, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), null, null)).getIdentifier()).isEqualTo("m-1");
        assertThat(both(new RecordCorrelation("m-2", "c-2", "h-1", 0.5, 100, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), null, null)).getIdentifier()).isEqualTo("m-2");
        // A method, not a component, names the team's aggregate.
        assertThat(both(new SetCoreMetricLimit("search", 9)).getIdentifier())
                .isEqualTo(new SetCoreMetricLimit("search", 9).aggregateId());
    }

    @Test
    void versionsPrivateFieldsAndMissingIdentifiersAreAxonsToDecide() {
        assertThat(both(new Versioned("m-1", 3L)).getVersion()).isEqualTo(3L);
        assertThat(both(new Plain("m-2")).getIdentifier()).isEqualTo("m-2");
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(new Unmarked("m-3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(
                new RecordCorrelation(null, "c-1", "h-1", 0.5, 100, null, null, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
    }
}
