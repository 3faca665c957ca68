package org.metriclifecycle.query;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.TypedQuery;

/**
 * Just enough of an {@link EntityManager} to run a store without a database: find and persist over a map of
 * entities by id, and queries answered by a function of their JPQL and parameters (recorded for assertions).
 */
public final class FakeEntityManager {

    /** One query the store ran: its JPQL and the parameters bound to it. */
    public record RanQuery(String jpql, Map<String, Object> parameters) {
    }

    private final Map<Object, Object> entities = new HashMap<>();
    private final List<RanQuery> queries = new ArrayList<>();
    private final BiFunction<String, Map<String, Object>, List<?>> answers;

    public FakeEntityManager(BiFunction<String, Map<String, Object>, List<?>> answers) {
        this.answers = answers;
    }

    public Map<Object, Object> entities() {
        return entities;
    }

    public List<RanQuery> queries() {
        return queries;
    }

    public EntityManager proxy() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "find":
                            return ((Class<?>) args[0]).cast(entities.get(args[1]));
                        case "persist":
                            entities.put(id(args[0]), args[0]);
                            return null;
                        case "createQuery":
                            return query((String) args[0]);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private TypedQuery<?> query(String jpql) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TypedQuery.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setParameter":
                            parameters.put((String) args[0], args[1]);
                            return proxy;
                        case "getResultList":
                            queries.add(new RanQuery(jpql, Map.copyOf(parameters)));
                            return answers.apply(jpql, parameters);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Object id(Object entity) throws IllegalAccessException {
        for (Field field : entity.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(Id.class)) {
                field.setAccessible(true);
                return field.get(entity);
            }
        }
        throw new IllegalArgumentException("no @Id on " + entity.getClass());
    }
}
