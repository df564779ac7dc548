package vn.dxgov.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on a data directory by a JVM that died without stopping it ({@code kill -9}, a
 * power cut of the JVM only, an out-of-memory kill): PostgreSQL's postmaster outlives its parent, keeps the directory
 * locked ({@code postmaster.pid}) and every later start failed until someone killed it by hand. Found by the lock
 * file's process id, checked to be a PostgreSQL process on that very directory, and stopped with a fast shutdown
 * (SIGINT: open transactions roll back, committed ones are on disk), then, only if it does not stop in time, killed.
 */
final class OrphanServer {

    private static final Logger log = LoggerFactory.getLogger(OrphanServer.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private OrphanServer() {
    }

    /** Stops the server running on this data directory, if any; returns true when there was one. */
    static boolean stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> server = find(dataDir);
        if (server.isEmpty()) {
            return false;
        }
        ProcessHandle p = server.get();
        log.warn("Embedded PostgreSQL: a server (pid {}) from a previous run is still running on {}; stopping it",
                p.pid(), dataDir);
        signal(p.pid(), "-INT");
        try {
            p.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Embedded PostgreSQL: pid {} did not stop in {} s; killing it", p.pid(), GRACE.toSeconds());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
                Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            } catch (Exception again) {
                throw new IllegalStateException("Could not stop PostgreSQL pid " + p.pid() + " on " + dataDir, again);
            }
        }
        log.info("Embedded PostgreSQL: previous server stopped; starting anew on {}", dataDir);
        return true;
    }

    /**
     * The live PostgreSQL process holding the data directory's lock: the first line of {@code postmaster.pid} is its
     * pid, the second its data directory. A stale lock file (the process is gone, or the pid now belongs to another
     * program) is left for PostgreSQL itself, which replaces it.
     */
    static Optional<ProcessHandle> find(Path dataDir) {
        Path lock = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(lock);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Path lockedDir = Path.of(lines.get(1).trim());
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty() || !samePath(lockedDir, dataDir)) {
            return Optional.empty();
        }
        String command = p.get().info().command().orElse("");
        if (!command.isEmpty() && !command.endsWith("postgres")) {
            return Optional.empty();
        }
        return p;
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command (not a Unix): a plain termination request, PostgreSQL's smart shutdown
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
