package org.metriclifecycle.query.team.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;

/** Flyway owns {@code team_view} and Hibernate never generates it, so the mapping must name exactly its columns. */
class TeamEntityMappingTest {

    @Test
    void teamViewMapsItsTable() {
        assertThat(TeamViewEntity.class.getAnnotation(Entity.class)).isNotNull();
        assertThat(TeamViewEntity.class.getAnnotation(Table.class).name()).isEqualTo("team_view");

        Map<String, Field> columns = new LinkedHashMap<>();
        Arrays.stream(TeamViewEntity.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .forEach(field -> columns.put(field.getAnnotation(Column.class).name(), field));

        assertThat(columns.keySet()).containsExactly("team", "last_sequence", "document");
        assertThat(columns.get("team").isAnnotationPresent(Id.class)).isTrue();
        assertThat(columns.get("team").getAnnotation(Column.class).length()).isEqualTo(64);
        assertThat(columns.get("team").getType()).isEqualTo(String.class);
        assertThat(columns.get("last_sequence").getType()).isEqualTo(long.class);
        assertThat(columns.get("document").getType()).isEqualTo(String.class);
        assertThat(columns.values()).allSatisfy(field ->
                assertThat(field.getAnnotation(Column.class).nullable()).as(field.getName()).isFalse());
    }
}
