package org.metriclifecycle.command.metric;

import java.util.Objects;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.metriclifecycle.command.InvalidCommandException;
import org.metriclifecycle.events.EventMetadata;
import org.metriclifecycle.events.MetricDeprioritized;

/** Matchers for what the fixture's equality checks cannot see: exception fields and event metadata. */
public final class LifecycleMatchers {

    private LifecycleMatchers() {
    }

    public static Matcher<InvalidCommandException> invalidField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidCommandException exception) {
                return field.equals(exception.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidCommandException on field ").appendValue(field);
            }
        };
    }

    /** The event, applied by the system (not by whoever scheduled the deadline), with its reason in metadata. */
    static Matcher<EventMessage<?>> appliedBySystem(MetricDeprioritized expected) {
        return appliedBySystem(expected, expected.reason());
    }

    /** The event, applied by the system rather than by whoever caused it, with {@code reason} in its metadata. */
    public static Matcher<EventMessage<?>> appliedBySystem(Object expected, String reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> message) {
                return expected.equals(message.getPayload())
                        && EventMetadata.SYSTEM_ACTOR.equals(message.getMetaData().get(EventMetadata.ACTOR))
                        && Objects.equals(reason, message.getMetaData().get(EventMetadata.REASON));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("event ").appendValue(expected).appendText(" with metadata actor=")
                        .appendValue(EventMetadata.SYSTEM_ACTOR).appendText(", reason=").appendValue(reason);
            }

            @Override
            protected void describeMismatchSafely(EventMessage<?> message, Description mismatch) {
                mismatch.appendText("was ").appendValue(message.getPayload()).appendText(" with metadata ")
                        .appendValue(message.getMetaData());
            }
        };
    }

    /** A {@link CorrelationJudged} answer with that verdict. */
    public static Matcher<Object> judged(org.metriclifecycle.events.Verdict verdict) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object answer) {
                return answer instanceof CorrelationJudged judged && judged.verdict() == verdict;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a correlation judged ").appendValue(verdict);
            }
        };
    }
}
