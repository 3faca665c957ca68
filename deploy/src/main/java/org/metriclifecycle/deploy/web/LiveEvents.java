package org.metriclifecycle.deploy.web;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;
import org.metriclifecycle.deploy.security.Action;
import org.metriclifecycle.deploy.security.Authorized;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Server-sent events for the open pages: one small JSON object per event the projections committed
 * ({@code {"stream","team","type"}}); a page re-reads the fragment the change touches. It opens with a
 * {@code Connected} message (so a page knows it is live) and repeats a {@code Heartbeat} so idle connections stay
 * open through proxies. Everyone who may read may listen: the messages name streams, never their content.
 */
@Path("/ui/events")
@Authorized(Action.READ)
public class LiveEvents {

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final int BUFFERED_CHANGES = 1024;

    @Inject
    LiveUpdates live;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    // Blocking: the authorization interceptor reads the caller's identity, which lazy authentication resolves on a
    // worker thread; the stream itself then runs without holding one.
    @Blocking
    public Multi<LiveUpdates.Change> events() {
        Multi<LiveUpdates.Change> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .onOverflow().drop()
                .map(tick -> new LiveUpdates.Change(null, null, "Heartbeat"));
        // A slow page gets a buffer for a burst (a batch of a hundred events); past it the stream ends, the page's
        // EventSource reconnects and re-reads its fragments, so nothing is silently lost.
        Multi<LiveUpdates.Change> changes = live.changes().onOverflow().buffer(BUFFERED_CHANGES);
        return Multi.createBy().merging().streams(
                Multi.createFrom().item(new LiveUpdates.Change(null, null, "Connected")),
                changes,
                heartbeats);
    }
}
