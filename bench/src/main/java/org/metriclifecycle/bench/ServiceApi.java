package org.metriclifecycle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's HTTP API as the demo admin ({@code ada}) calls it: HTTP/1.1 with keep-alive, one client shared. */
final class ServiceApi {

    private static final String ADMIN = "Basic "
            + Base64.getEncoder().encodeToString("ada:ada".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new BenchFailure("not JSON (" + status + "): " + body, e);
            }
        }

        String field(String name) {
            JsonNode value = json().get(name);
            if (value == null) {
                throw new BenchFailure("no \"" + name + "\" in the answer (" + status + "): " + body);
            }
            return value.asText();
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServiceApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A connection of its own for one load client's thread, as the same user (see {@link KeepAliveConnection}). */
    KeepAliveConnection connection() {
        return new KeepAliveConnection(baseUrl, ADMIN);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A 2xx answer, or a failure naming what the service said. */
    Reply expectOk(Reply reply, String what) {
        if (!reply.ok()) {
            throw new BenchFailure(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", ADMIN);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
