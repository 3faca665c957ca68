/**
 * The statistics of the evidence rules, in plain JDK code so the command side (the verdict when a correlation is
 * recorded, the status that decides a deprioritization) and the query side (the pooled view, the review's p- and
 * q-values) compute the same numbers without depending on each other.
 *
 * <ul>
 *   <li>{@link org.metriclifecycle.events.evidence.StandardNormal}: Phi, its upper tail and its quantile;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.PearsonScale}: a coefficient's Pearson equivalent, its Fisher z
 *       and the variance of z for each {@link org.metriclifecycle.events.CorrelationMethod};</li>
 *   <li>{@link org.metriclifecycle.events.evidence.FisherEstimate} and
 *       {@link org.metriclifecycle.events.evidence.Interval}: one correlation on the z scale and its interval;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.DecisionRule}, {@link org.metriclifecycle.events.evidence.IntervalRule}
 *       and {@link org.metriclifecycle.events.evidence.PointRule}: the verdict on one correlation;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.CountedCorrelations}: which correlations count for a hypothesis;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.Pool}: their fixed-effect pool, heterogeneity and status;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.OneSidedPValue} and
 *       {@link org.metriclifecycle.events.evidence.BenjaminiHochberg}: the review's many-looks correction;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.SamplesNeeded}: planning;</li>
 *   <li>{@link org.metriclifecycle.events.evidence.RevalidationDue}: when evidence stops speaking for a metric.</li>
 * </ul>
 *
 * Everything here is a pure function of its arguments; invalid arguments throw {@link IllegalArgumentException}.
 */
package org.metriclifecycle.events.evidence;
