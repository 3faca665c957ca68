package org.metriclifecycle.query.metric.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The primary key of {@code metric_history}: one row per event of a metric's stream. */
@Embeddable
public class MetricHistoryKey implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "metric_id", length = 64, nullable = false)
    private String metricId;

    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;

    protected MetricHistoryKey() {
        // for JPA
    }

    public MetricHistoryKey(String metricId, long sequenceNumber) {
        this.metricId = metricId;
        this.sequenceNumber = sequenceNumber;
    }

    public String getMetricId() {
        return metricId;
    }

    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricHistoryKey key
                && sequenceNumber == key.sequenceNumber
                && Objects.equals(metricId, key.metricId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metricId, sequenceNumber);
    }
}
