package org.metriclifecycle.deploy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metriclifecycle.deploy.support.PackagedService;

/**
 * The pipelines' client (clients/python) against the packaged service on its embedded default: its unit tests and
 * its live tests (MLC_IT_URL), run by the one test command so CI runs them too.
 */
class PythonClientIT {

    private static final Path CLIENT = Path.of("..", "clients", "python").toAbsolutePath().normalize();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theClientsTestsPassAgainstThePackagedService() throws Exception {
        assumeTrue(python3Runs(), "python3 is not installed: the Python client's tests are skipped");
        Path logs = Path.of("target", "python-client-it");
        Files.createDirectories(logs);
        Map<String, String> config = Map.of("metrics.data-dir", Files.createTempDirectory("metrics-py").toString());
        try (PackagedService service = new PackagedService(config, logs.resolve("service.log")).start()) {
            Path output = logs.resolve("unittest.log");
            ProcessBuilder tests = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "tests", "-v")
                    .directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            tests.environment().put("MLC_IT_URL", service.baseUrl());
            tests.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process run = tests.start();
            assertThat(run.waitFor(4, TimeUnit.MINUTES)).as("the client's tests finished").isTrue();
            String log = Files.readString(output);
            System.out.println("PythonClientIT: " + log.lines().filter(line -> line.startsWith("Ran ")
                    || line.startsWith("OK") || line.startsWith("FAILED")).toList());
            assertThat(run.exitValue()).as(log).isZero();
        }
    }

    private static boolean python3Runs() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
