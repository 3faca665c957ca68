package org.metriclifecycle.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReviewCsvTest {

    private final String csv = ReviewCsv.render(ReviewDocuments.review());

    /**
     * A strict RFC 4180 reader: records end with CRLF (a bare CR or LF outside quotes fails), quoted fields may hold
     * anything with quotes doubled, unquoted fields may hold no quote.
     */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        fail("unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                char next = i < text.length() ? text.charAt(i) : '\0';
                if (next != ',' && next != '\r') {
                    fail("a quoted field must be followed by a comma or CRLF, found '" + next + "' at " + i);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    fail("bare CR at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n') {
                fail("bare LF at " + i);
            } else if (c == '"') {
                fail("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            fail("the last record does not end with CRLF");
        }
        return records;
    }

    private List<Map<String, String>> rows() {
        List<List<String>> records = parse(csv);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void everyRecordEndsWithCrlfAndTheHeaderComesFirst() {
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.split("\r\n", -1)[0]).isEqualTo(String.join(",", ReviewCsv.HEADER));
        assertThat(parse(csv).get(0)).isEqualTo(ReviewCsv.HEADER);
        assertThat(ReviewCsv.HEADER).containsSubsequence("team", "metricId", "metric", "owner", "status", "version",
                "verdict", "why", "revalidationDue", "blindSpots", "hypothesisId", "outcome", "direction",
                "minCorrelation", "minSampleSize", "hypothesisStatus", "latestCoefficient", "latestSampleSize",
                "latestVerdict", "latestRecordedAt", "latestMethod", "latestPeriodStart", "latestPeriodEnd",
                "latestIntervalLow", "latestIntervalHigh", "latestCounted", "decisionRule", "confidence",
                "samplesNeeded", "pooledEstimate", "pooledLow", "pooledHigh", "pooledSampleSize",
                "pooledCorrelations", "pooledQ", "pooledISquared", "pValue", "qValue", "shadowOpen",
                "shadowConfirmed", "shadowDiverged", "shadowExpired", "falsePositiveRate", "lastConfirmedAt");
    }

    @Test
    void oneRowPerMetricAndHypothesisAndOneForAMetricWithout() {
        List<Map<String, String>> rows = rows();

        assertThat(rows).extracting(row -> row.get("metricId") + "/" + row.get("hypothesisId"))
                .containsExactly("m-1/h1", "m-1/h2", "m-2/");
        Map<String, String> bare = rows.get(2);
        // Proposed inside its link window: PENDING (it used to be a REMOVE_CANDIDATE from its first minute).
        assertThat(bare.get("verdict")).isEqualTo("PENDING");
        assertThat(bare.get("latestCoefficient")).isEmpty();
        assertThat(bare.get("why")).startsWith("Inside its link window");
    }

    @Test
    void textWithCommasQuotesAndLineBreaksReadsBackExactly() {
        Map<String, String> row = rows().get(0);

        assertThat(row.get("metric")).isEqualTo(ReviewDocuments.TRICKY_NAME);
        assertThat(row.get("team")).isEqualTo("search");
        assertThat(row.get("status")).isEqualTo("VALIDATED");
        assertThat(row.get("outcome")).isEqualTo("user-reported errors");
        assertThat(row.get("blindSpots")).isEqualTo("'@import of bad data; tone");
        assertThat(row.get("latestRecordedAt")).isEqualTo("2026-01-26T00:00:00.000Z");
        assertThat(row.get("revalidationDue")).isEqualTo("2026-04-27T00:00:00.000Z");
    }

    @Test
    void textThatLooksLikeAFormulaIsPrefixedButNumbersAreNot() {
        List<Map<String, String>> rows = rows();

        assertThat(rows.get(0).get("owner")).isEqualTo("'" + ReviewDocuments.FORMULA_OWNER);
        assertThat(rows.get(1).get("statement")).isEqualTo("'-1 point of this means +2% churn, sadly");
        assertThat(rows.get(1).get("latestCoefficient")).isEqualTo("-0.65");
        assertThat(rows.get(1).get("minCorrelation")).isEqualTo("0.5");
        assertThat(rows.get(1).get("minSampleSize")).isEqualTo("100");
        assertThat(rows.get(1).get("direction")).isEqualTo("NEGATIVE");
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(ReviewCsv.startsLikeAFormula(start + "x")).as(start).isTrue();
        }
        assertThat(ReviewCsv.startsLikeAFormula("plain")).isFalse();
        assertThat(ReviewCsv.text("+1")).isEqualTo("'+1");
        assertThat(ReviewCsv.text("=a,b")).isEqualTo("\"'=a,b\"");
    }
}
