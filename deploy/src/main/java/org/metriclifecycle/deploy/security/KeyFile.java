package org.metriclifecycle.deploy.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * A key the database never holds, in a file of its own. On the embedded default the service makes it on first start
 * (0600, in its private data directory); with several instances on PostgreSQL every instance must use the same key,
 * so a missing file is a start-up error there unless the operator allows this instance to make it.
 */
public final class KeyFile {

    private static final Logger LOG = Logger.getLogger(KeyFile.class);

    private KeyFile() {
    }

    /**
     * @param setting  the configuration name of the path, for the messages
     * @param create   whether a missing file is made (from {@code generate}) rather than refused
     * @param howToMake what an operator runs to make one, for the start-up error
     */
    public static byte[] readOrCreate(Path file, String setting, boolean create, Supplier<byte[]> generate,
                                      String howToMake) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isRegularFile(absolute)) {
                throw new IllegalStateException(setting + " names " + absolute + ", which is not a file");
            }
            tighten(absolute, setting);
            try {
                return Files.readAllBytes(absolute);
            } catch (IOException e) {
                throw new UncheckedIOException(setting + ": could not read " + absolute, e);
            }
        }
        if (!create) {
            throw new IllegalStateException(setting + ": the key file " + absolute + " does not exist. On PostgreSQL "
                    + "the service does not make keys by itself, since every instance must share them: make one with `"
                    + howToMake + "`, mode 0600, readable by the service's user only, on every instance (or set "
                    + setting.substring(0, setting.lastIndexOf('.')) + ".create-missing-key=true to let this "
                    + "instance make it)");
        }
        byte[] generated = generate.get();
        PrivateFiles.create(absolute, generated);
        LOG.infof("made a new key file %s (%s), mode 0600: back it up, it is not in the database", absolute, setting);
        return generated;
    }

    /**
     * A key file someone copied in with a wider mode is made 0600. One the service may not change (a Kubernetes
     * secret volume: root's file, readable through the pod's group) is left as it is, with a warning if any user
     * could read it.
     */
    private static void tighten(Path file, String setting) {
        try {
            PrivateFiles.restrictFile(file);
        } catch (UncheckedIOException e) {
            if (PrivateFiles.readableByOthers(file)) {
                LOG.warnf("%s: %s is readable by every user and could not be made 0600 (%s)", setting, file,
                        e.getCause().getMessage());
            }
        }
    }
}
