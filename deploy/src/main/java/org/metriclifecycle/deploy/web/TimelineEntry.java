package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.metriclifecycle.query.metric.FieldChange;
import org.metriclifecycle.query.metric.HistoryEntry;

/**
 * One event of the audit timeline: who, when, why, and each changed field before -> after. History paths name
 * hypotheses and blind spots by id ({@code hypotheses[5f1c...].status}); the timeline names them by what people
 * typed ({@code hypotheses[user-reported errors].status}).
 */
public record TimelineEntry(long sequence, String type, Instant occurredAt, String actor, String reason,
                            List<Change> changes) {

    private static final Pattern ID_IN_PATH = Pattern.compile("\\[([^\\]]+)]");

    /** One changed field; an absent value reads "(none)". */
    public record Change(String field, String before, String after) {
    }

    /**
     * @param labels what to call an id in a path (hypothesis ids to outcomes, blind spot ids to failure modes)
     */
    public static TimelineEntry of(HistoryEntry entry, Map<String, String> labels) {
        List<Change> changes = new ArrayList<>();
        entry.changes().forEach((path, change) -> changes.add(change(path, change, labels)));
        return new TimelineEntry(entry.sequence(), entry.type(), entry.occurredAt(), entry.actor(),
                entry.reason() == null ? "" : entry.reason(), List.copyOf(changes));
    }

    private static Change change(String path, FieldChange change, Map<String, String> labels) {
        Matcher ids = ID_IN_PATH.matcher(path);
        StringBuilder field = new StringBuilder();
        while (ids.find()) {
            String id = ids.group(1);
            String label = labels.getOrDefault(id, id.length() > 12 ? id.substring(0, 8) + "…" : id);
            ids.appendReplacement(field, Matcher.quoteReplacement("[" + label + "]"));
        }
        ids.appendTail(field);
        return new Change(field.toString(), value(change.before()), value(change.after()));
    }

    static String value(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Double number) {
            return Display.number(number);
        }
        return value.toString();
    }
}
