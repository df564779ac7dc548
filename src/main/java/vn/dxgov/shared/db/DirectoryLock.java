package vn.dxgov.shared.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OS lock that says which process owns an embedded data directory: {@code <dir>.lock} beside it, locked for the
 * life of the JVM (never released by hand: the OS releases it when the process ends, {@code kill -9} included).
 */
final class DirectoryLock {

    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private DirectoryLock() {
    }

    /** Takes the lock of a data directory for this JVM; fails with a message when another process holds it. */
    static void acquire(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (HELD.containsKey(dir)) {
            return;
        }
        Optional<FileLock> lock = tryLock(dir);
        if (lock.isEmpty()) {
            throw new IllegalStateException("Another dxgov process is using the database in " + dir
                    + "; stop it first (or give this one its own DXGOV_DB_DATA_DIR). / Một tiến trình dxgov khác đang dùng"
                    + " cơ sở dữ liệu ở " + dir + "; hãy dừng nó trước.");
        }
        HELD.put(dir, lock.get());
    }

    /** True when another process holds the lock (a dxgov running on the directory). */
    static boolean heldElsewhere(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (HELD.containsKey(dir)) {
            return false;
        }
        Optional<FileLock> lock = tryLock(dir);
        if (lock.isEmpty()) {
            return true;
        }
        lock.get().channel().close();
        return false;
    }

    private static Optional<FileLock> tryLock(Path dir) throws IOException {
        Path file = dir.resolveSibling(dir.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }
}
