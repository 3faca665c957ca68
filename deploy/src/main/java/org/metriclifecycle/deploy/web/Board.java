package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.metriclifecycle.events.MetricStatus;
import org.metriclifecycle.query.metric.MetricFilter;
import org.metriclifecycle.query.metric.MetricView;

/**
 * The lifecycle board: per team (alphabetically) one column per status in lifecycle order, each card in order of
 * proposal. The filter's choices come from every metric, so narrowing the board never hides the way back.
 *
 * @param teamChoices  every team that has a metric
 * @param ownerChoices every owner of a metric
 * @param shown        how many cards the board shows
 * @param truncated    whether the service holds more metrics than the board loaded
 */
public record Board(List<TeamBoard> teams, MetricFilter filter, List<String> teamChoices, List<String> ownerChoices,
                    List<MetricStatus> statusChoices, int shown, boolean truncated) {

    /** One team's row of columns. */
    public record TeamBoard(String team, List<Column> columns) {
    }

    /** One status of one team, with its cards. */
    public record Column(MetricStatus status, List<Card> cards) {

        public String label() {
            return status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
        }

        public String cssClass() {
            return status.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param metrics every metric the service answered, in order of proposal
     * @param filter  the board's filter (its criteria may be null)
     */
    public static Board of(Collection<MetricView> metrics, MetricFilter filter, Instant now, boolean truncated) {
        TreeSet<String> teams = new TreeSet<>();
        TreeSet<String> owners = new TreeSet<>();
        Map<String, Map<MetricStatus, List<Card>>> byTeam = new TreeMap<>();
        int shown = 0;
        for (MetricView metric : metrics) {
            teams.add(metric.team());
            owners.add(metric.owner());
            if (!filter.matches(metric)) {
                continue;
            }
            byTeam.computeIfAbsent(metric.team(), t -> emptyColumns())
                    .get(metric.status()).add(Card.of(metric, now));
            shown++;
        }
        // A team chosen in the filter keeps its (empty) columns, so the board says "nothing here" rather than vanish.
        if (filter.team() != null && !byTeam.containsKey(filter.team()) && filter.owner() == null) {
            byTeam.put(filter.team(), emptyColumns());
        }
        List<TeamBoard> rows = new ArrayList<>();
        byTeam.forEach((team, columns) -> {
            List<Column> shownColumns = new ArrayList<>();
            columns.forEach((status, cards) -> {
                if (filter.status() == null || filter.status() == status) {
                    shownColumns.add(new Column(status, List.copyOf(cards)));
                }
            });
            rows.add(new TeamBoard(team, List.copyOf(shownColumns)));
        });
        return new Board(List.copyOf(rows), filter, List.copyOf(teams), List.copyOf(owners),
                List.of(MetricStatus.values()), shown, truncated);
    }

    private static Map<MetricStatus, List<Card>> emptyColumns() {
        Map<MetricStatus, List<Card>> columns = new EnumMap<>(MetricStatus.class);
        for (MetricStatus status : MetricStatus.values()) {
            columns.put(status, new ArrayList<>());
        }
        return columns;
    }
}
