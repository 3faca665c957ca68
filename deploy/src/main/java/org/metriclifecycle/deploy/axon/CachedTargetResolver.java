package org.metriclifecycle.deploy.axon;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target aggregate as Axon's {@link AnnotationCommandTargetResolver} does, but looks for the
 * {@code @TargetAggregateIdentifier} member once per command class instead of scanning its methods and fields on
 * every command (a few per cent of a command's CPU). A class it does not handle the simple way (no directly annotated
 * member, or a {@code @TargetAggregateVersion}) goes to Axon's resolver, which also words every refusal.
 */
final class CachedTargetResolver implements CommandTargetResolver {

    /** Reads the identifier from a payload; null when Axon's resolver must decide. */
    private interface Reader {
        Object identifier(Object payload) throws ReflectiveOperationException;
    }

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    private final ClassValue<Reader> readers = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return readerFor(type);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Reader reader = payload == null ? null : readers.get(payload.getClass());
        if (reader == null) {
            return axon.resolveTarget(command);
        }
        Object identifier;
        try {
            identifier = reader.identifier(payload);
        } catch (ReflectiveOperationException e) {
            return axon.resolveTarget(command);
        }
        return identifier == null ? axon.resolveTarget(command) : new VersionedAggregateIdentifier(identifier, null);
    }

    private static Reader readerFor(Class<?> type) {
        if (hasVersion(type)) {
            return null;
        }
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && method.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                return method::invoke;
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())
                        && field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    if (!field.trySetAccessible()) {
                        return null;
                    }
                    return field::get;
                }
            }
        }
        return null;
    }

    private static boolean hasVersion(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(TargetAggregateVersion.class)) {
                return true;
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(TargetAggregateVersion.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
