package org.metriclifecycle.deploy.web;

import org.metriclifecycle.query.metric.TrackRecord;

/**
 * A metric's track record in words, the two questions first: how often its improvements were false (the
 * false-positive rate) and when it last predicted a business result.
 */
final class TrackRecordText {

    private TrackRecordText() {
    }

    /** The board card's line: short, with the day of the last confirmation. */
    static String card(TrackRecord record) {
        if (record.open() + record.confirmed() + record.diverged() + record.expired() == 0) {
            return "no shadow checks yet";
        }
        return falsePositives(record) + "; " + counts(record)
                + (record.lastConfirmedAt() == null ? "; never confirmed"
                        : "; last confirmed " + Display.day(record.lastConfirmedAt()));
    }

    /** The detail page's sentence, with the minute of the last confirmation. */
    static String detail(TrackRecord record) {
        return counts(record) + " shadow checks"
                + (record.falsePositiveRate() == null ? "" : "; " + falsePositives(record))
                + (record.lastConfirmedAt() == null ? "; never confirmed"
                        : "; last confirmed " + Display.shown(record.lastConfirmedAt()));
    }

    private static String counts(TrackRecord record) {
        return record.confirmed() + " confirmed, " + record.diverged() + " diverged, " + record.open() + " open, "
                + record.expired() + " expired";
    }

    private static String falsePositives(TrackRecord record) {
        return record.falsePositiveRate() == null ? "false-positive rate: none concluded"
                : "false-positive rate " + Display.number(Math.round(record.falsePositiveRate() * 1000) / 1000.0);
    }
}
