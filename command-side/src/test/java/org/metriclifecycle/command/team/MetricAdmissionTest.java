package org.metriclifecycle.command.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metriclifecycle.command.team.InMemoryCommandSide.LIFECYCLE;
import static org.metriclifecycle.command.team.InMemoryCommandSide.T0;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metriclifecycle.command.BudgetExceededException;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.command.LifecycleConflictException;
import org.metriclifecycle.command.TeamSettings;
import org.metriclifecycle.command.metric.ChangeOwner;
import org.metriclifecycle.command.metric.DeprecateMetric;
import org.metriclifecycle.command.metric.ProposeMetric;
import org.metriclifecycle.events.CoreMetricLimitChanged;
import org.metriclifecycle.events.MetricDeprecated;
import org.metriclifecycle.events.MetricProposed;
import org.metriclifecycle.events.OwnerChanged;
import org.metriclifecycle.events.TeamEvent;
import org.metriclifecycle.events.TeamMetricAdmitted;
import org.metriclifecycle.events.TeamMetricReleased;

/** Proposal and deprecation against a real Axon configuration, where one command is one unit of work. */
class MetricAdmissionTest {

    private static final String SEARCH = TeamEvent.aggregateId("search");
    private static final String CASE = "the new eval tracks complaints twice as well";

    /** A default budget of 2 keeps the examples short. */
    private final InMemoryCommandSide service = new InMemoryCommandSide(new TeamSettings(2));

    @AfterEach
    void shutDown() {
        service.close();
    }

    private static ProposeMetric propose(String metricId, String team) {
        return swap(metricId, team, null, null);
    }

    private static ProposeMetric swap(String metricId, String team, String replaces, String businessCase) {
        return new ProposeMetric(metricId, "Metric " + metricId, null, team, "carl", null, null, null, replaces,
                businessCase);
    }

    /** Team search with its default budget of 2 full: m-1 and m-2. */
    private void searchIsFull() {
        service.send(propose("m-1", "search"));
        service.send(propose("m-2", "search"));
    }

    @Test
    void aProposalCreatesTheMetricAndTakesOneOfItsTeamsSlots() {
        String metricId = service.send(propose("m-1", "search"));

        assertThat(metricId).isEqualTo("m-1");
        assertThat(service.stream("m-1")).containsExactly(new MetricProposed("m-1", "Metric m-1", null, "search",
                "carl", "1.0", null, null, T0, T0.plus(LIFECYCLE.linkWindow())));
        assertThat(service.stream(SEARCH)).containsExactly(new TeamMetricAdmitted("search", "m-1", T0));
        assertThat(service.messages(SEARCH).get(0).getType()).isEqualTo("TeamAggregate");
        assertThat(service.scheduledDeadlines()).isEqualTo(1);
    }

    @Test
    void aProposalBeyondTheBudgetIsRefusedAndStoresNothing() {
        searchIsFull();
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(propose("m-3", "search")))
                .isInstanceOfSatisfying(BudgetExceededException.class, refused -> {
                    assertThat(refused.team()).isEqualTo("search");
                    assertThat(refused.coreMetricLimit()).isEqualTo(2);
                    assertThat(refused.metricsCounted()).isEqualTo(2);
                })
                .hasMessage("team search has 2 of 2 core metrics (its metric budget); "
                        + "propose with replaces and businessCase to swap one out");
        assertThat(service.storedEvents()).isEqualTo(stored);
        assertThat(service.stream("m-3")).isEmpty();
        assertThat(service.stream(SEARCH)).hasSize(2);
        assertThat(service.scheduledDeadlines()).isEqualTo(2);
    }

    @Test
    void onceTheTeamHasARosterAProposalsOwnerMustBeOnItAndTakesItsSpelling() {
        service.send(new SetTeamRoster("search", List.of("Carl", "lena")));
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(new ProposeMetric("m-1", "Metric m-1", null, "search", "ghost", null,
                null, null, null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("owner"));
        assertThat(service.storedEvents()).isEqualTo(stored);

        service.send(propose("m-1", "search")); // owner "carl"
        assertThat(service.stream("m-1").get(0)).isInstanceOfSatisfying(MetricProposed.class,
                proposed -> assertThat(proposed.owner()).isEqualTo("Carl"));
    }

    @Test
    void anOwnerChangedByHandMustBeOnTheRoster() {
        service.send(propose("m-1", "search"));
        service.send(new SetTeamRoster("search", List.of("carl", "Lena")));
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(new ChangeOwner("m-1", "ghost")))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("owner"));
        assertThat(service.storedEvents()).isEqualTo(stored);

        service.send(new ChangeOwner("m-1", "lena"));
        assertThat(service.stream("m-1")).last().isEqualTo(new OwnerChanged("m-1", "carl", "Lena", T0));
    }

    @Test
    void withoutARosterAnyOwnerIsTaken() {
        service.send(propose("m-1", "search"));
        service.send(new ChangeOwner("m-1", "ghost"));
        assertThat(service.stream("m-1")).last().isEqualTo(new OwnerChanged("m-1", "carl", "ghost", T0));
    }

    @Test
    void anInvalidProposalIsInvalidWhateverTheBudgetSays() {
        searchIsFull();

        assertThatThrownBy(() -> service.send(new ProposeMetric("m-3", " ", null, "search", "carl", null, null, null,
                null, null)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("name"));
    }

    @Test
    void aSwapProposesTheNewMetricAndDeprecatesTheReplacedOneInOneStep() {
        searchIsFull();

        String metricId = service.send(swap("m-3", "search", "m-1", CASE));

        assertThat(metricId).isEqualTo("m-3");
        assertThat(service.stream("m-3")).hasSize(1).first().isInstanceOf(MetricProposed.class);
        assertThat(service.stream("m-1")).last()
                .isEqualTo(new MetricDeprecated("m-1", "replaced by m-3: " + CASE, "m-3", T0));
        assertThat(service.stream(SEARCH)).endsWith(new TeamMetricReleased("search", "m-1", T0),
                new TeamMetricAdmitted("search", "m-3", T0));
        // Still full: the swap took no extra slot.
        assertThatThrownBy(() -> service.send(propose("m-4", "search")))
                .isInstanceOfSatisfying(BudgetExceededException.class,
                        refused -> assertThat(refused.metricsCounted()).isEqualTo(2));
    }

    @Test
    void aSwapIsAllowedBelowTheBudgetToo() {
        service.send(propose("m-1", "search"));

        service.send(swap("m-2", "search", "m-1", CASE));

        assertThat(service.stream(SEARCH)).containsExactly(new TeamMetricAdmitted("search", "m-1", T0),
                new TeamMetricReleased("search", "m-1", T0), new TeamMetricAdmitted("search", "m-2", T0));
    }

    static Stream<Arguments> refusedSwaps() {
        return Stream.of(
                Arguments.of("a metric of another team", swap("m-9", "search", "r-1", CASE), "replaces"),
                Arguments.of("a deprecated metric", swap("m-9", "search", "m-gone", CASE), "replaces"),
                Arguments.of("an unknown metric", swap("m-9", "search", "no-such-metric", CASE), "replaces"),
                Arguments.of("the new metric itself", swap("m-9", "search", "m-9", CASE), "replaces"),
                Arguments.of("no business case", swap("m-9", "search", "m-1", " "), "businessCase"),
                Arguments.of("a business case without replaces", swap("m-9", "search", null, CASE), "replaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSwaps")
    void aSwapThatNamesNoActiveMetricOfTheTeamIsRefusedAndStoresNothing(String why, ProposeMetric command,
                                                                        String field) throws Exception {
        service.send(propose("m-gone", "search"));
        service.send(new DeprecateMetric("m-gone", "abandoned", null));
        service.send(propose("m-1", "search"));
        service.send(propose("r-1", "ranking"));
        long stored = service.storedEvents();
        int deadlines = service.scheduledDeadlines();

        assertThatThrownBy(() -> service.send(command))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo(field));
        assertThat(service.storedEvents()).isEqualTo(stored);
        assertThat(service.stream("m-9")).isEmpty();
        assertThat(service.scheduledDeadlines()).isEqualTo(deadlines);
    }

    /**
     * Streams that disagree (the team counts a metric its own stream places elsewhere) cannot arise from these
     * handlers; the metric still checks what the proposal names before retiring itself.
     */
    @Test
    void theReplacedMetricItselfRefusesASwapByAnotherTeam() {
        service.storeDirectly(new GenericDomainEventMessage<>("MetricAggregate", "r-1", 0,
                new MetricProposed("r-1", "Ranking metric", null, "ranking", "carl", "1.0", null, null, T0,
                        T0.plus(LIFECYCLE.linkWindow()))));
        service.storeDirectly(new GenericDomainEventMessage<>("TeamAggregate", SEARCH, 0,
                new TeamMetricAdmitted("search", "r-1", T0)));
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(swap("m-9", "search", "r-1", CASE)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("replaces"))
                .hasMessageContaining("of team ranking");
        assertThat(service.storedEvents()).isEqualTo(stored);
    }

    @Test
    void theReplacedMetricItselfRefusesASwapOnceDeprecated() {
        service.storeDirectly(new GenericDomainEventMessage<>("MetricAggregate", "m-1", 0,
                new MetricProposed("m-1", "Old metric", null, "search", "carl", "1.0", null, null, T0,
                        T0.plus(LIFECYCLE.linkWindow()))));
        service.storeDirectly(new GenericDomainEventMessage<>("MetricAggregate", "m-1", 1,
                new MetricDeprecated("m-1", "retired", null, T0)));
        service.storeDirectly(new GenericDomainEventMessage<>("TeamAggregate", SEARCH, 0,
                new TeamMetricAdmitted("search", "m-1", T0)));
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(swap("m-9", "search", "m-1", CASE)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("replaces"))
                .hasMessageContaining("already DEPRECATED");
        assertThat(service.storedEvents()).isEqualTo(stored);
    }

    @Test
    void deprecationReleasesTheSlotSoANewProposalFits() {
        searchIsFull();

        service.send(new DeprecateMetric("m-1", "nobody reads it", null));

        assertThat(service.stream("m-1")).last().isEqualTo(new MetricDeprecated("m-1", "nobody reads it", null, T0));
        assertThat(service.stream(SEARCH)).last().isEqualTo(new TeamMetricReleased("search", "m-1", T0));
        assertThat((String) service.send(propose("m-3", "search"))).isEqualTo("m-3");
    }

    @Test
    void aMetricIsDeprecatedOnlyOnce() {
        service.send(propose("m-1", "search"));
        service.send(new DeprecateMetric("m-1", "nobody reads it", null));
        long stored = service.storedEvents();

        assertThatThrownBy(() -> service.send(new DeprecateMetric("m-1", "again", null)))
                .isInstanceOf(LifecycleConflictException.class)
                .hasMessage("metric m-1 is DEPRECATED and accepts no further commands");
        assertThat(service.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aMetricCannotReplaceItself() {
        service.send(propose("m-1", "search"));

        assertThatThrownBy(() -> service.send(new DeprecateMetric("m-1", "renamed", "m-1")))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("replacedBy"));
        assertThat(service.stream(SEARCH)).hasSize(1);
    }

    @Test
    void deprecatingAnUnknownMetricIsNotFound() {
        assertThatThrownBy(() -> service.send(new DeprecateMetric("no-such-metric", "gone", null)))
                .isInstanceOf(AggregateNotFoundException.class);
        assertThat(service.storedEvents()).isZero();
    }

    @Test
    void aMetricProposedBeforeBudgetsWereKeptIsDeprecatedWithoutTouchingItsTeam() {
        service.storeDirectly(new GenericDomainEventMessage<>("MetricAggregate", "legacy-1", 0,
                new MetricProposed("legacy-1", "Old metric", null, "search", "carl", "1.0", null, null, T0,
                        T0.plus(LIFECYCLE.linkWindow()))));

        service.send(new DeprecateMetric("legacy-1", "retired", null));

        assertThat(service.stream("legacy-1")).hasSize(2);
        assertThat(service.stream(SEARCH)).isEmpty();
    }

    @Test
    void teamsKeepTheirBudgetsApart() {
        searchIsFull();

        service.send(propose("r-1", "ranking"));
        service.send(propose("r-2", "ranking"));

        assertThat(service.stream(TeamEvent.aggregateId("ranking"))).containsExactly(
                new TeamMetricAdmitted("ranking", "r-1", T0), new TeamMetricAdmitted("ranking", "r-2", T0));
        assertThat(service.stream(SEARCH)).hasSize(2);
    }

    @Test
    void aTeamsOwnLimitTakesPrecedenceOverTheDefault() {
        searchIsFull();

        service.send(new SetCoreMetricLimit("search", 3));
        service.send(propose("m-3", "search"));

        assertThatThrownBy(() -> service.send(propose("m-4", "search")))
                .isInstanceOfSatisfying(BudgetExceededException.class,
                        refused -> assertThat(refused.coreMetricLimit()).isEqualTo(3));
    }

    @Test
    void loweringTheLimitBelowTheCountBlocksNewProposalsButNotSwaps() {
        service.send(new SetCoreMetricLimit("search", 3));
        service.send(propose("m-1", "search"));
        service.send(propose("m-2", "search"));
        service.send(propose("m-3", "search"));

        service.send(new SetCoreMetricLimit("search", 2));

        assertThat(service.stream(SEARCH)).last().isEqualTo(new CoreMetricLimitChanged("search", 3, 2, T0));
        assertThatThrownBy(() -> service.send(propose("m-4", "search")))
                .isInstanceOfSatisfying(BudgetExceededException.class, refused -> {
                    assertThat(refused.coreMetricLimit()).isEqualTo(2);
                    assertThat(refused.metricsCounted()).isEqualTo(3);
                })
                .hasMessageStartingWith("team search has 3 of 2 core metrics");
        assertThat((String) service.send(swap("m-4", "search", "m-1", CASE))).isEqualTo("m-4");
    }

    @Test
    void twoProposalsRacingForTheLastSlotAdmitExactlyOne() throws Exception {
        service.send(propose("m-1", "search"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> outcomes = List.of(threads.submit(race(start, propose("m-2", "search"))),
                    threads.submit(race(start, propose("m-3", "search"))));
            start.countDown();
            long admitted = 0;
            long refused = 0;
            for (Future<Object> outcome : outcomes) {
                Object result = outcome.get(30, TimeUnit.SECONDS);
                if (result instanceof BudgetExceededException) {
                    refused++;
                } else {
                    admitted++;
                }
            }
            assertThat(admitted).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
            assertThat(service.stream(SEARCH)).hasSize(2);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends once {@code start} opens; answers the result or the exception. */
    private Callable<Object> race(CountDownLatch start, ProposeMetric command) {
        return () -> {
            start.await();
            try {
                return service.send(command);
            } catch (RuntimeException e) {
                return e;
            }
        };
    }
}
