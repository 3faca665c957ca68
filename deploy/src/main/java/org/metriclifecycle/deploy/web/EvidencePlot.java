package org.metriclifecycle.deploy.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.metriclifecycle.events.Direction;
import org.metriclifecycle.events.Verdict;

/**
 * The evidence plot of one hypothesis, computed here so the page needs no charting script: each correlation is a
 * point at x = when it was recorded, y = its coefficient on a fixed [-1, 1] axis, with the hypothesis's threshold
 * (+minCorrelation for a POSITIVE hypothesis, -minCorrelation for a NEGATIVE one) drawn as a line and the
 * supporting side shaded. Verdicts differ in shape as well as colour (circle supported, square refuted, hollow
 * triangle inconclusive), so the plot reads without colour vision, and every point has a {@code <title>}.
 * Coordinates are SVG user units, formatted with one decimal.
 */
public record EvidencePlot(int width, int height, String title, String description, Frame frame, List<Tick> yTicks,
                           List<Tick> xTicks, Threshold threshold, String zeroY, String line, List<Point> points,
                           Pooled pooled) {

    static final int WIDTH = 560;
    static final int HEIGHT = 220;
    static final double LEFT = 48;
    /** Room for the threshold's label beside the frame. */
    static final double RIGHT = 64;
    static final double TOP = 14;
    static final double BOTTOM = 34;
    /** Keeps the first and last points off the frame's edges. */
    static final double INSET = 14;

    /**
     * One recorded correlation, as the plot needs it; {@code low} and {@code high} its confidence interval (on the
     * Pearson-equivalent scale), null when it has none.
     */
    public record Sample(Instant recordedAt, double coefficient, int sampleSize, Verdict verdict, String detail,
                         Double low, Double high) {

        public Sample(Instant recordedAt, double coefficient, int sampleSize, Verdict verdict, String detail) {
            this(recordedAt, coefficient, sampleSize, verdict, detail, null, null);
        }
    }

    /**
     * The pooled estimate of the counted correlations, drawn as a dashed line with its interval as a band.
     *
     * @param y         the estimate's height
     * @param bandY     top of the interval band
     * @param bandHeight its height
     */
    public record Pooled(String y, String bandY, String bandHeight, String label) {
    }

    /**
     * The plotting area.
     *
     * @param right  its right edge (where horizontal lines end and the threshold's label starts)
     * @param labelX where the coefficient labels end, left of the frame
     * @param labelY the baseline of the date labels, under the frame
     */
    public record Frame(String x, String y, String width, String height, String right, String labelX, String labelY) {
    }

    /** An axis label at a position (y for the coefficient axis, x for the time axis). */
    public record Tick(String at, String label) {
    }

    /**
     * @param y                the threshold line
     * @param regionY          top of the shaded supporting side
     * @param regionHeight     its height
     */
    public record Threshold(String y, String label, String regionY, String regionHeight) {
    }

    /**
     * @param shape   circle, square or triangle
     * @param verdict the verdict in lower case, a CSS class
     * @param path    the shape's SVG path (centred on x, y)
     */
    public record Point(String x, String y, String shape, String verdict, String path, String title, String barTop,
                        String barBottom) {

        /** Whether the correlation has an interval to draw as an error bar. */
        public boolean hasBar() {
            return barTop != null;
        }
    }

    public static EvidencePlot of(String outcome, Direction direction, double minCorrelation, List<Sample> samples) {
        return of(outcome, direction, minCorrelation, samples, null, null, null);
    }

    /** With the pooled estimate and its interval (all three null when nothing is counted). */
    public static EvidencePlot of(String outcome, Direction direction, double minCorrelation, List<Sample> samples,
                                  Double pooledEstimate, Double pooledLow, Double pooledHigh) {
        List<Sample> ordered = samples.stream().sorted(Comparator.comparing(Sample::recordedAt)).toList();
        double innerLeft = LEFT + INSET;
        double innerRight = WIDTH - RIGHT - INSET;
        Instant first = ordered.isEmpty() ? null : ordered.get(0).recordedAt();
        Instant last = ordered.isEmpty() ? null : ordered.get(ordered.size() - 1).recordedAt();

        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Sample sample : ordered) {
            double x = x(sample.recordedAt(), first, last, innerLeft, innerRight);
            double y = y(sample.coefficient());
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(f(x)).append(',').append(f(y));
            points.add(point(x, y, sample));
        }

        double signed = direction == Direction.NEGATIVE ? -minCorrelation : minCorrelation;
        double thresholdY = y(signed);
        Threshold threshold = direction == Direction.NEGATIVE
                ? new Threshold(f(thresholdY), "r ≤ " + Display.number(signed), f(thresholdY), f(y(-1) - thresholdY))
                : new Threshold(f(thresholdY), "r ≥ " + Display.number(signed), f(TOP), f(thresholdY - TOP));

        List<Tick> yTicks = new ArrayList<>();
        for (double r : new double[] {1, 0.5, 0, -0.5, -1}) {
            yTicks.add(new Tick(f(y(r)), Display.number(r)));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (first != null) {
            xTicks.add(new Tick(f(x(first, first, last, innerLeft, innerRight)), Display.day(first)));
            if (!Display.day(first).equals(Display.day(last))) {
                xTicks.add(new Tick(f(innerRight), Display.day(last)));
            }
        }
        Frame frame = new Frame(f(LEFT), f(TOP), f(WIDTH - LEFT - RIGHT), f(HEIGHT - TOP - BOTTOM), f(WIDTH - RIGHT),
                f(LEFT - 6), f(HEIGHT - 12));
        Pooled pooled = pooledEstimate == null ? null : new Pooled(f(y(pooledEstimate)), f(y(pooledHigh)),
                f(y(pooledLow) - y(pooledHigh)), "pooled r = " + Display.number(round(pooledEstimate)) + " ("
                + Display.number(round(pooledLow)) + " to " + Display.number(round(pooledHigh)) + ")");
        return new EvidencePlot(WIDTH, HEIGHT, "Correlation history: " + outcome,
                description(direction, signed, ordered) + (pooled == null ? "" : " The counted correlations pool to "
                        + pooled.label().substring("pooled ".length()) + "."),
                frame, yTicks, xTicks, threshold, f(y(0)), line.toString(), points, pooled);
    }

    /** The coefficient's height: r = 1 at the top of the frame, r = -1 at its bottom. */
    static double y(double coefficient) {
        double clamped = Math.max(-1, Math.min(1, coefficient));
        return TOP + (1 - clamped) / 2 * (HEIGHT - TOP - BOTTOM);
    }

    /** Linear in time between the first and the last correlation; a single instant sits in the middle. */
    static double x(Instant at, Instant first, Instant last, double left, double right) {
        long span = last.toEpochMilli() - first.toEpochMilli();
        if (span <= 0) {
            return (left + right) / 2;
        }
        return left + (right - left) * (at.toEpochMilli() - first.toEpochMilli()) / span;
    }

    private static Point point(double x, double y, Sample sample) {
        String shape = switch (sample.verdict()) {
            case SUPPORTED -> "circle";
            case REFUTED -> "square";
            case INCONCLUSIVE -> "triangle";
        };
        String path = switch (shape) {
            case "circle" -> "M" + f(x - 5) + "," + f(y) + " a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0 Z";
            case "square" -> "M" + f(x - 4.5) + "," + f(y - 4.5) + " h9 v9 h-9 Z";
            default -> "M" + f(x) + "," + f(y - 6) + " L" + f(x + 6) + "," + f(y + 5) + " L" + f(x - 6) + "," + f(y + 5)
                    + " Z";
        };
        boolean bar = sample.low() != null && sample.high() != null;
        String title = Display.day(sample.recordedAt()) + ": r = " + Display.number(sample.coefficient()) + ", n = "
                + sample.sampleSize() + ", " + sample.verdict()
                + (bar ? ", interval " + Display.number(round(sample.low())) + " to "
                + Display.number(round(sample.high())) : ", no interval")
                + (sample.detail() == null || sample.detail().isBlank() ? "" : " (" + sample.detail() + ")");
        return new Point(f(x), f(y), shape, sample.verdict().name().toLowerCase(Locale.ROOT), path, title,
                bar ? f(y(sample.high())) : null, bar ? f(y(sample.low())) : null);
    }

    private static String description(Direction direction, double signed, List<Sample> ordered) {
        String criterion = (direction == Direction.NEGATIVE ? "r ≤ " : "r ≥ ") + Display.number(signed);
        if (ordered.isEmpty()) {
            return "No correlation recorded yet. Supported when " + criterion + ".";
        }
        Sample latest = ordered.get(ordered.size() - 1);
        return ordered.size() + (ordered.size() == 1 ? " correlation" : " correlations") + " from "
                + Display.day(ordered.get(0).recordedAt()) + " to " + Display.day(latest.recordedAt())
                + "; supported when " + criterion + "; latest r = " + Display.number(latest.coefficient()) + ", "
                + latest.verdict() + ".";
    }

    /** Three decimals, for labels. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
