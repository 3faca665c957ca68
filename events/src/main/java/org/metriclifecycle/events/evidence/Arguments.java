package org.metriclifecycle.events.evidence;

import org.metriclifecycle.events.SupportCriteria;

/** Argument checks shared by the evidence rules; each failure is an {@link IllegalArgumentException} naming the value. */
final class Arguments {

    private Arguments() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static <T> T notNull(T value, String name) {
        require(value != null, name + " is required");
        return value;
    }

    /** A confidence level c with 0.5 < c < 1 (written as a positive range so that NaN fails it). */
    static double confidence(double confidence) {
        require(confidence > 0.5 && confidence < 1, "confidence must be greater than 0.5 and less than 1, was " + confidence);
        return confidence;
    }

    static double coefficient(double r) {
        require(r >= -1 && r <= 1, "coefficient must be between -1 and 1, was " + r);
        return r;
    }

    static long sampleSize(long n) {
        require(n >= 1, "sampleSize must be at least 1, was " + n);
        return n;
    }

    static double minCorrelation(double minCorrelation) {
        require(minCorrelation >= 0 && minCorrelation <= 1, "minCorrelation must be between 0 and 1, was " + minCorrelation);
        return minCorrelation;
    }

    static SupportCriteria criteria(SupportCriteria criteria) {
        notNull(criteria, "criteria");
        notNull(criteria.direction(), "criteria.direction");
        minCorrelation(criteria.minCorrelation());
        require(criteria.minSampleSize() >= 0, "minSampleSize must not be negative, was " + criteria.minSampleSize());
        return criteria;
    }
}
