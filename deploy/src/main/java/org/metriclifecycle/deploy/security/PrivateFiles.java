package org.metriclifecycle.deploy.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only the service's own user may read (SPEC "Security", secrets at rest): directories 0700, files 0600. On a
 * file system without POSIX permissions (Windows) these are plain creates and reads: its ACLs are the operator's.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the directory and any missing parent (the ones it creates 0700), and makes the directory itself 0700. */
    public static Path directory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                Path parent = absolute.getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    directory(parent);
                }
                try {
                    Files.createDirectory(absolute, attributes(absolute.getParent(), DIRECTORY));
                } catch (FileAlreadyExistsException raced) {
                    // Another thread or process made it meanwhile: tightened below like an existing one.
                }
            }
            restrict(absolute, DIRECTORY);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the private directory " + absolute, e);
        }
    }

    /**
     * Writes a new file that is 0600 from its first byte (created with that mode, never chmod-ed afterwards), through
     * a temporary file in the same directory so that a crash never leaves half a key behind.
     */
    public static void create(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath().normalize();
        Path directory = directory(absolute.getParent());
        try {
            Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".new",
                    attributes(directory, FILE));
            try {
                Files.write(temporary, content);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + absolute, e);
        }
    }

    /**
     * The directory 0700 and every file in it (and below) 0600. For files another program made with the process's
     * umask (H2's): Java cannot set the umask, so they are tightened after the fact.
     */
    public static void restrictTree(Path directory) {
        Path absolute = directory(directory);
        try (Stream<Path> entries = Files.walk(absolute)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isSymbolicLink(entry)) {
                    continue;
                }
                restrict(entry, Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not restrict the permissions under " + absolute, e);
        }
    }

    /** Makes an existing file 0600 (a key file someone copied in with a wider mode). */
    public static void restrictFile(Path file) {
        try {
            restrict(file.toAbsolutePath().normalize(), FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restrict the permissions of " + file, e);
        }
    }

    static boolean readableByOthers(Path file) {
        try {
            return posix(file) && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(path) && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static FileAttribute<?>[] attributes(Path near, Set<PosixFilePermission> permissions) {
        return near != null && posix(near)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
