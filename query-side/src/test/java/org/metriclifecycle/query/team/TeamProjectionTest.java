package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metriclifecycle.query.team.TeamFixtures.T0;
import static org.metriclifecycle.query.team.TeamFixtures.away;
import static org.metriclifecycle.query.team.TeamFixtures.day;
import static org.metriclifecycle.query.team.TeamFixtures.scheduled;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.RotationStopped;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.TeamMetricReleased;

class TeamProjectionTest {

    private static final String TEAM = "search";

    private static final List<TeamEvent> STREAM = List.of(
            new TeamMetricAdmitted(TEAM, "m-1", T0),
            new CoreMetricLimitChanged(TEAM, 8, 3, day(1)),
            new TeamMetricAdmitted(TEAM, "m-2", day(2)),
            scheduled(TEAM, "s-1", List.of("ada", "lena"), day(3)),
            away(TEAM, "o-1", "ada", "vera", day(4), day(9)),
            new TeamMetricReleased(TEAM, "m-1", day(5)));

    private final InMemoryTeamViewStore store = new InMemoryTeamViewStore();
    private final TeamProjection projection = new TeamProjection(store);

    private void deliver(List<TeamEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            projection.on(events.get(sequence), sequence);
        }
    }

    private static TeamView foldAll(List<TeamEvent> events) {
        TeamView view = null;
        for (TeamEvent event : events) {
            view = TeamViewFold.apply(view, event);
        }
        return view;
    }

    @Test
    void keepsTheViewEqualToTheFoldOfTheStreamUnderTheTeamsSlug() {
        deliver(STREAM);

        assertThat(store.find(TEAM)).hasValue(new StoredTeamView(foldAll(STREAM), 5));
        assertThat(store.lastAppliedSequence(TEAM)).hasValue(5);
        assertThat(store.find(TeamEvent.aggregateId(TEAM))).isEmpty();
    }

    @Test
    void replayingTheSameEventsChangesNothing() {
        deliver(STREAM);
        StoredTeamView once = store.find(TEAM).orElseThrow();

        deliver(STREAM);
        deliver(STREAM.subList(0, 3));

        assertThat(store.find(TEAM)).hasValue(once);
    }

    @Test
    void anOlderSequenceArrivingLateIsIgnored() {
        deliver(STREAM.subList(0, 4));
        StoredTeamView before = store.find(TEAM).orElseThrow();

        projection.on(new RotationStopped(TEAM, "s-1", day(6)), 2);

        assertThat(store.find(TEAM)).hasValue(before);
        assertThat(before.view().rotation()).isNotNull();
    }

    @Test
    void teamsAreProjectedIndependently() {
        projection.on(new TeamMetricAdmitted("ads", "m-9", T0), 0);
        deliver(STREAM.subList(0, 2));

        assertThat(store.find("ads").orElseThrow().view().activeMetricIds()).containsExactly("m-9");
        assertThat(store.find(TEAM).orElseThrow().view().coreMetricLimit()).isEqualTo(3);
    }

    @Test
    void axonResolvesTheSequenceOfAStoredTeamEvent() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);

        adapter.handle(new GenericDomainEventMessage<>("Team", TeamEvent.aggregateId(TEAM), 0, STREAM.get(0),
                MetaData.emptyInstance(), "e-0", T0));
        adapter.handle(new GenericDomainEventMessage<>("Team", TeamEvent.aggregateId(TEAM), 1, STREAM.get(1),
                MetaData.emptyInstance(), "e-1", day(1)));
        adapter.handle(new GenericDomainEventMessage<>("Team", TeamEvent.aggregateId(TEAM), 1, STREAM.get(1),
                MetaData.emptyInstance(), "e-1", day(1)));

        assertThat(store.lastAppliedSequence(TEAM)).hasValue(1);
        assertThat(store.find(TEAM).orElseThrow().view()).isEqualTo(foldAll(STREAM.subList(0, 2)));
    }

    @Test
    void runsInItsOwnProcessingGroup() {
        assertThat(TeamProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("team-views");
        assertThat(TeamProjection.PROCESSING_GROUP).isEqualTo("team-views");
    }

    @Test
    void aViewBehindItsStreamCatchesUpFromTheEventStoreBeforeTheNewEvent() {
        EmbeddedEventStore events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        List<GenericDomainEventMessage<TeamEvent>> stored = new java.util.ArrayList<>();
        for (int sequence = 0; sequence < STREAM.size(); sequence++) {
            stored.add(new GenericDomainEventMessage<>("TeamAggregate", TeamEvent.aggregateId(TEAM), sequence,
                    STREAM.get(sequence)));
        }
        events.publish(stored);
        TeamProjection catching = new TeamProjection(store, events);

        catching.on(STREAM.get(5), 5);

        assertThat(store.find(TEAM)).hasValue(new StoredTeamView(foldAll(STREAM), 5));
    }

    /** Remembers what it wrote, as the JPA store does; a row changed behind its back is not what it remembers. */
    private static final class RememberingStore extends InMemoryTeamViewStore {
        final java.util.Map<String, StoredTeamView> remembered = new java.util.HashMap<>();
        int rowsRead;

        @Override
        public synchronized java.util.Optional<StoredTeamView> findForUpdate(String team) {
            rowsRead++;
            java.util.Optional<StoredTeamView> row = find(team);
            row.ifPresent(stored -> remembered.put(team, stored));
            return row;
        }

        @Override
        public synchronized void save(TeamView view, long lastSequence) {
            super.save(view, lastSequence);
            remembered.put(view.team(), new StoredTeamView(view, lastSequence));
        }

        synchronized void writtenBehindItsBack(TeamView view, long lastSequence) {
            super.save(view, lastSequence);
        }

        @Override
        public synchronized java.util.Optional<StoredTeamView> lastKnown(String team) {
            return java.util.Optional.ofNullable(remembered.get(team));
        }

        @Override
        public synchronized boolean saveIfStill(StoredTeamView expected, TeamView view, long lastSequence) {
            if (!find(view.team()).equals(java.util.Optional.of(expected))) {
                return false;
            }
            save(view, lastSequence);
            return true;
        }
    }

    @Test
    void eachWriteAfterTheFirstFoldsOntoTheViewTheStoreRemembersWithoutReadingTheRow() {
        RememberingStore remembering = new RememberingStore();
        TeamProjection writer = new TeamProjection(remembering);
        for (int sequence = 0; sequence < STREAM.size(); sequence++) {
            writer.on(STREAM.get(sequence), sequence);
        }

        assertThat(remembering.rowsRead).isEqualTo(1);
        assertThat(remembering.find(TEAM)).hasValue(new StoredTeamView(foldAll(STREAM), 5));
    }

    @Test
    void aWrongGuessWritesNothingAndTheEventIsFoldedOntoTheRowAsItIs() {
        RememberingStore remembering = new RememberingStore();
        TeamProjection writer = new TeamProjection(remembering);
        writer.on(STREAM.get(0), 0);
        writer.on(STREAM.get(1), 1);
        TeamView row = foldAll(STREAM.subList(0, 2));
        TeamView repaired = new TeamView(row.team(), 5, row.activeMetricIds(), row.rotation(), row.members());
        remembering.writtenBehindItsBack(repaired, 1);

        writer.on(STREAM.get(2), 2);

        assertThat(remembering.find(TEAM)).hasValue(new StoredTeamView(TeamViewFold.apply(repaired, STREAM.get(2)), 2));
        assertThat(remembering.find(TEAM).orElseThrow().view().coreMetricLimit()).isEqualTo(5);
        assertThat(remembering.rowsRead).isEqualTo(2);
    }
}
