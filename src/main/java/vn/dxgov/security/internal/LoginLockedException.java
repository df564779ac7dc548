package vn.dxgov.security.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A login refused without looking at the password: the account or the client's address is locked until {@link #until}. */
class LoginLockedException extends LockedException {

    private final transient Instant until;

    LoginLockedException(Instant until) {
        super("Login temporarily locked after repeated failures");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
