package org.metriclifecycle.query.team;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A {@link TeamViewStore} in a map, for tests. */
public class InMemoryTeamViewStore implements TeamViewStore {

    private final Map<String, StoredTeamView> views = new HashMap<>();

    @Override
    public void forget(String team) {
        views.remove(team);
    }

    @Override
    public synchronized Optional<StoredTeamView> find(String team) {
        return Optional.ofNullable(views.get(team));
    }

    @Override
    public synchronized void save(TeamView view, long lastSequence) {
        views.put(view.team(), new StoredTeamView(view, lastSequence));
    }

    @Override
    public synchronized OptionalLong lastAppliedSequence(String team) {
        StoredTeamView stored = views.get(team);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(stored.lastSequence());
    }
}
