package org.metriclifecycle.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Which commit the measured service was built from (with "+changes" when the tree differs from it). */
final class Git {

    private Git() {
    }

    static String describe(Path tree) {
        String commit = run(tree, "git", "rev-parse", "--short", "HEAD");
        String changes = run(tree, "git", "status", "--porcelain", "--untracked-files=no");
        return commit.isEmpty() ? "unknown" : commit + (changes.isBlank() ? "" : "+changes");
    }

    private static String run(Path tree, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(tree.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (Exception e) {
            return "";
        }
    }
}
