package org.metriclifecycle.query.metric.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.events.MetricStatus;

/** Flyway owns the tables and Hibernate never generates them, so the mapping must name exactly their columns. */
class EntityMappingTest {

    private static Map<String, Field> columns(Class<?> type) {
        Map<String, Field> columns = new LinkedHashMap<>();
        Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .filter(field -> field.isAnnotationPresent(Column.class))
                .forEach(field -> columns.put(field.getAnnotation(Column.class).name(), field));
        return columns;
    }

    @Test
    void metricViewMapsItsTable() throws Exception {
        assertThat(MetricViewEntity.class.getAnnotation(Entity.class)).isNotNull();
        assertThat(MetricViewEntity.class.getAnnotation(Table.class).name()).isEqualTo("metric_view");

        Map<String, Field> columns = columns(MetricViewEntity.class);
        assertThat(columns.keySet()).containsExactly("metric_id", "team", "owner", "status", "proposed_at",
                "last_sequence", "document");
        assertThat(columns.get("metric_id").isAnnotationPresent(Id.class)).isTrue();
        assertThat(columns.get("metric_id").getAnnotation(Column.class).length()).isEqualTo(64);
        assertThat(columns.get("team").getAnnotation(Column.class).length()).isEqualTo(64);
        assertThat(columns.get("owner").getAnnotation(Column.class).length()).isEqualTo(120);
        assertThat(columns.get("status").getType()).isEqualTo(MetricStatus.class);
        assertThat(columns.get("status").getAnnotation(Enumerated.class).value()).isEqualTo(EnumType.STRING);
        assertThat(columns.get("status").getAnnotation(Column.class).length()).isEqualTo(16);
        assertThat(columns.get("proposed_at").getType()).isEqualTo(Instant.class);
        assertThat(columns.get("last_sequence").getType()).isEqualTo(long.class);
        assertThat(columns.get("document").getType()).isEqualTo(String.class);
        assertThat(columns.values()).allSatisfy(field ->
                assertThat(field.getAnnotation(Column.class).nullable()).as(field.getName()).isFalse());
    }

    @Test
    void metricHistoryMapsItsTableWithTheCompositeKey() {
        assertThat(MetricHistoryEntity.class.getAnnotation(Entity.class)).isNotNull();
        assertThat(MetricHistoryEntity.class.getAnnotation(Table.class).name()).isEqualTo("metric_history");

        Map<String, Field> key = columns(MetricHistoryKey.class);
        assertThat(key.keySet()).containsExactly("metric_id", "sequence_number");
        assertThat(key.get("sequence_number").getType()).isEqualTo(long.class);
        assertThat(Arrays.stream(MetricHistoryEntity.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(EmbeddedId.class)))
                .singleElement().satisfies(field -> assertThat(field.getType()).isEqualTo(MetricHistoryKey.class));

        Map<String, Field> columns = columns(MetricHistoryEntity.class);
        assertThat(columns.keySet()).containsExactly("event_type", "occurred_at", "actor", "reason", "changes");
        assertThat(columns.get("event_type").getAnnotation(Column.class).length()).isEqualTo(100);
        assertThat(columns.get("actor").getAnnotation(Column.class).length()).isEqualTo(200);
        assertThat(columns.get("occurred_at").getType()).isEqualTo(Instant.class);
        assertThat(columns.get("reason").getAnnotation(Column.class).nullable()).isTrue();
        assertThat(columns.get("changes").getAnnotation(Column.class).nullable()).isFalse();
    }
}
