package org.metriclifecycle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/** RESULTS.md as it is assembled: sections of figures (median, spread, target) and the notes that explain them. */
final class Report {

    record Target(String text, DoublePredicate met) {

        static Target atLeast(double value, String text) {
            return new Target(text, v -> v >= value);
        }

        static Target atMost(double value, String text) {
            return new Target(text, v -> v <= value);
        }

        static Target below(double value, String text) {
            return new Target(text, v -> v < value);
        }
    }

    /** One figure over the repetitions; {@code format} is a printf pattern for a value of it. */
    record Row(String figure, Samples samples, String unit, String format, Target target) {
    }

    static final class Section {
        final String title;
        final List<Row> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String title) {
            this.title = title;
        }

        Section row(String figure, Samples samples, String unit, String format) {
            rows.add(new Row(figure, samples, unit, format, null));
            return this;
        }

        Section row(String figure, Samples samples, String unit, String format, Target target) {
            rows.add(new Row(figure, samples, unit, format, target));
            return this;
        }

        Section note(String markdown) {
            notes.add(markdown);
            return this;
        }
    }

    private final List<String> header = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    void header(String markdown) {
        header.add(markdown);
    }

    void footer(String markdown) {
        footer.add(markdown);
    }

    /** The section of that title: a new one, or the one already begun (two parts of the bench may add to one). */
    Section section(String title) {
        for (Section existing : sections) {
            if (existing.title.equals(title)) {
                return existing;
            }
        }
        Section section = new Section(title);
        sections.add(section);
        return section;
    }

    /** Sections in the order of their titles, which start with the figure's number, whatever order they ran in. */
    String markdown() {
        List<Section> sections = new ArrayList<>(this.sections);
        sections.sort(java.util.Comparator.comparing(section -> section.title));
        StringBuilder out = new StringBuilder();
        header.forEach(paragraph -> out.append(paragraph).append("\n\n"));
        out.append("## Summary: targets\n\n| figure | median | spread (min–max) | runs | target | met |\n")
                .append("| --- | ---: | ---: | ---: | --- | --- |\n");
        for (Section section : sections) {
            for (Row row : section.rows) {
                if (row.target() != null) {
                    out.append(line(row));
                }
            }
        }
        out.append('\n');
        for (Section section : sections) {
            out.append("## ").append(section.title).append("\n\n");
            if (!section.rows.isEmpty()) {
                out.append("| figure | median | spread (min–max) | runs | target | met |\n")
                        .append("| --- | ---: | ---: | ---: | --- | --- |\n");
                section.rows.forEach(row -> out.append(line(row)));
                out.append('\n');
            }
            section.notes.forEach(note -> out.append(note).append("\n\n"));
        }
        footer.forEach(paragraph -> out.append(paragraph.strip()).append("\n\n"));
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String line(Row row) {
        Samples s = row.samples();
        String unit = row.unit().isEmpty() ? "" : " " + row.unit();
        String median = s.isEmpty() ? "n/a" : format(row.format(), s.median()) + unit;
        String spread = s.isEmpty() ? "n/a" : format(row.format(), s.min()) + " – " + format(row.format(), s.max());
        String target = row.target() == null ? "" : row.target().text();
        String met = row.target() == null ? "" : s.isEmpty() ? "not measured"
                : row.target().met().test(s.median()) ? "**met**" : "**missed**";
        return "| " + row.figure() + " | " + median + " | " + spread + " | " + s.count() + " | " + target + " | " + met
                + " |\n";
    }

    /** A duration as people write it: "45 s", "12 min 53 s". */
    static String duration(java.time.Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
