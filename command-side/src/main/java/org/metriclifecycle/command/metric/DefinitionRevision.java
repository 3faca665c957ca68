package org.metriclifecycle.command.metric;

import static org.metriclifecycle.command.CommandRules.hasText;
import static org.metriclifecycle.command.CommandRules.require;

import java.util.List;

import org.metriclifecycle.events.DefinitionVersion;
import org.metriclifecycle.events.ScoreDelta;

/**
 * The rules a {@link ReviseDefinition} must meet against the metric's current version, and what kind of revision it
 * is: a major one starts a new link window and leaves the old evidence behind.
 */
record DefinitionRevision(boolean major, List<ScoreDelta> deltas) {

    static DefinitionRevision check(ReviseDefinition command, String currentVersion) {
        require(hasText(command.version()), "version", "must not be blank");
        require(DefinitionVersion.isAllowedForNewDefinitions(command.version()), "version",
                "must be a version like 1.0 or 2.1.3: at most 3 parts of at most 9 digits");
        DefinitionVersion next = DefinitionVersion.parse(command.version());
        // A metric proposed before versions were checked may carry free text; any well-formed version supersedes
        // it, and as its evidence cannot be placed it is treated as a major revision.
        DefinitionVersion current = DefinitionVersion.isWellFormed(currentVersion)
                ? DefinitionVersion.parse(currentVersion) : null;
        require(current == null || next.isGreaterThan(current), "version",
                "must be greater than the current version " + currentVersion);
        require(hasText(command.changeNote()), "changeNote", "must not be blank");
        List<ScoreDelta> deltas = command.deltas() == null ? List.of() : command.deltas();
        for (ScoreDelta delta : deltas) {
            require(delta != null && hasText(delta.subject()), "deltas", "must each name a subject");
            require(isFiniteOrAbsent(delta.before()) && isFiniteOrAbsent(delta.after()), "deltas",
                    "must hold finite scores");
        }
        return new DefinitionRevision(current == null || next.major() > current.major(), deltas);
    }

    private static boolean isFiniteOrAbsent(Double score) {
        return score == null || Double.isFinite(score);
    }
}
