package org.metriclifecycle.deploy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP receiver for webhook tests, on a free loopback port: records every request (path, headers, exact
 * body bytes, arrival) and answers each path with a script of status codes (200 once the script runs out), or
 * hangs for a while to play a receiver that never answers.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. Header names are lower case. */
    public record Received(String path, Map<String, String> headers, byte[] body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The signature a receiver computes itself: HMAC-SHA256 of the body with the secret, as {@code sha256=hex}. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                StringBuilder hex = new StringBuilder("sha256=");
                for (byte b : mac.doFinal(body)) {
                    hex.append(String.format("%02x", b));
                }
                return hex.toString().equals(header("X-Metrics-Signature"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> hangs = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Several threads, so a hanging path does not hold up the others.
        server.setExecutor(executor);
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these statuses, in order; 200 afterwards. */
    public void answer(String path, int... statuses) {
        Deque<Integer> script = new ArrayDeque<>();
        for (int status : statuses) {
            script.add(status);
        }
        scripts.put(path, script);
    }

    /** Holds every request to {@code path} this long before answering 200. */
    public void hang(String path, Duration duration) {
        hangs.put(path, duration);
    }

    public List<Received> received(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    /** A loopback URL nobody listens on: the port was free a moment ago and is closed again. */
    public static String unreachableUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/nobody-home";
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body, Instant.now()));
            Duration hang = hangs.get(path);
            if (hang != null) {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted == null ? 200 : scripted;
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
