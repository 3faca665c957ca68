package org.metriclifecycle.query.webhook.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;
import org.metriclifecycle.query.FakeEntityManager;
import org.metriclifecycle.query.webhook.WebhookSubscriptionView;

/** The store's own logic over a fake entity manager; the JPQL runs against real databases in deploy's tests. */
class JpaWebhookSubscriptionStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeEntityManager em = new FakeEntityManager((jpql, parameters) -> List.copyOf(entities().values()));
    private final JpaWebhookSubscriptionStore store = new JpaWebhookSubscriptionStore(em.proxy());

    private Map<Object, Object> entities() {
        return em.entities();
    }

    private static WebhookSubscriptionView view(String url) {
        return new WebhookSubscriptionView("w-1", "search", url, "json",
                List.of("rotation.handoff", "metric.deprecated"), "sha256:00ff", T0, "lena");
    }

    @Test
    void keepsTheKindsInOneSortedColumnAndReadsThemBack() {
        store.save(view("https://hooks.example.com/a"));

        WebhookSubscriptionEntity row = (WebhookSubscriptionEntity) em.entities().get("w-1");
        assertThat(row.getEventKinds()).isEqualTo("metric.deprecated,rotation.handoff");
        assertThat(store.find("w-1")).hasValue(view("https://hooks.example.com/a"));
        assertThat(store.find("w-2")).isEmpty();
        assertThat(store.ofTeam("search")).containsExactly(view("https://hooks.example.com/a"));
        assertThat(em.queries()).last().satisfies(query ->
                assertThat(query.parameters()).containsExactly(Map.entry("team", "search")));
    }

    @Test
    void savingAgainUpdatesTheSameRow() {
        store.save(view("https://hooks.example.com/a"));
        store.save(view("https://hooks.example.com/b"));

        assertThat(em.entities()).hasSize(1);
        assertThat(store.find("w-1").orElseThrow().url()).isEqualTo("https://hooks.example.com/b");
    }

    @Test
    void theEntityNamesExactlyTheColumnsOfItsTable() {
        assertThat(WebhookSubscriptionEntity.class.getAnnotation(Table.class).name()).isEqualTo("webhook_subscription");
        List<Field> fields = Arrays.stream(WebhookSubscriptionEntity.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).toList();
        assertThat(fields).extracting(field -> field.getAnnotation(Column.class).name()).containsExactly(
                "subscription_id", "team", "url", "format", "event_kinds", "secret_fingerprint", "subscribed_at",
                "subscribed_by");
        assertThat(fields.get(0).isAnnotationPresent(Id.class)).isTrue();
        assertThat(fields).allSatisfy(field ->
                assertThat(field.getAnnotation(Column.class).nullable()).as(field.getName()).isFalse());
    }
}
