package org.metriclifecycle.query.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** History changes written by hand read exactly as the view mapper writes the same map. */
class ChangesJsonTest {

    private final ObjectMapper json = ViewJson.mapper();

    private static Object scalar(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "text " + random.nextInt(1000);
            case 2 -> random.nextBoolean() ? "\u0000\u001f\u007f\b\f\r/" + (char) (0xD800 + random.nextInt(2048)) : "quotes \" backslash \\ line\nbreak tab\t control \u0001 emoji \uD83D\uDE00 \u00e9 \u2028";
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 6 -> random.nextBoolean();
            case 7 -> new BigDecimal(random.nextGaussian()).setScale(random.nextInt(30) - 5, java.math.RoundingMode.HALF_UP);
            case 8 -> new BigInteger(130, random);
            case 9 -> random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            case 10 -> (float) random.nextGaussian();
            default -> java.util.List.of(1, "x");
        };
    }

    @Test
    void randomChangesReadAsTheMapperWritesThem() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            Map<String, FieldChange> changes = new LinkedHashMap<>();
            int size = random.nextInt(8);
            for (int k = 0; k < size; k++) {
                changes.put(k % 3 == 0 ? "hypotheses[h-" + k + "].pooled.low" : "field\"" + k,
                        new FieldChange(scalar(random), scalar(random)));
            }
            assertThat(ChangesJson.write(changes)).isEqualTo(json.writeValueAsString(changes));
        }
    }

    @Test
    void noChangesAreAnEmptyObject() {
        assertThat(ChangesJson.write(Map.of())).isEqualTo("{}");
    }
}
