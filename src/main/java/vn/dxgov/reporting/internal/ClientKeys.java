package vn.dxgov.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;

/**
 * The client keys of batch items (table {@code data_value_client_key}): a machine client may give each item a key of
 * its own (at most {@value #MAX_LENGTH} characters), so that sending an item again is safe whatever happened to the
 * first answer. The same key with the same content (indicator, unit, period, figures, comment as read, not the version)
 * is "unchanged" and not written again; the same key with other content is refused (KEY_REUSED) and nothing of the
 * batch is written. Keys belong to the actor (a user's name, or "token:" and the API token's name), so two clients
 * never share them. Two requests racing with one key: the unique constraint on (actor, key) makes the second wait for
 * the first; if the first wrote other content, the second is refused and rolled back.
 */
@Component
class ClientKeys {

    static final int MAX_LENGTH = 100;
    /** Keys looked up per query (a batch holds up to {@link DataValueStore#MAX_BATCH}). */
    private static final int LOOKUP = 1_000;

    /** What a key stands for: the content's hash and the line written. */
    record Known(String hash, Long dataValueId) {
    }

    /** An item with a key: its number in the batch, the key and the hash of its content. */
    record Keyed(int number, String key, String hash) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final ReportingMessages messages;

    ClientKeys(JdbcClient jdbc, JdbcTemplate template, Clock clock, ReportingMessages messages) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.messages = messages;
    }

    /** Whose keys these are: the API token's name, else the user's (or "system"). */
    static String actor() {
        return CurrentUser.tokenName().map(t -> "token:" + t).orElseGet(CurrentUser::actor);
    }

    /** Keys too long, or given twice in one batch: problems of the items, found before anything is read. */
    List<RowProblem> problems(BatchInput in) {
        List<RowProblem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            DataValueWriteApiController.Item it = in.items().get(i);
            String key = it == null ? null : it.key();
            if (key == null) {
                continue;
            }
            int n = i + 1;
            if (key.isBlank() || key.length() > MAX_LENGTH) {
                out.add(new RowProblem(in.offset() + n, in.row(n), "key", "INVALID_KEY",
                        messages.msg("batch.key.invalid", Numbers.code(MAX_LENGTH))));
            } else if (!seen.add(key)) {
                out.add(new RowProblem(in.offset() + n, in.row(n), "key", "KEY_REPEATED",
                        messages.msg("batch.key.repeated", key)));
            }
        }
        return out;
    }

    /** The SHA-256 of an input's content as read (ids resolved, numbers in the machine form). */
    static String hash(DataValueInput in) {
        String content = in.indicatorId() + "\u001f" + in.unitId() + "\u001f" + in.period() + "\u001f"
                + Numbers.machine(in.value()) + "\u001f" + Numbers.machine(in.numerator()) + "\u001f"
                + Numbers.machine(in.denominator()) + "\u001f" + (in.comment() == null ? "" : in.comment().strip());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The keys of an actor already stored, among these. */
    Map<String, Known> find(String actor, List<String> keys) {
        Map<String, Known> out = new HashMap<>();
        for (int from = 0; from < keys.size(); from += LOOKUP) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + LOOKUP));
            jdbc.sql("select client_key, item_hash, data_value_id from data_value_client_key where actor = :actor"
                            + " and client_key in (:keys)")
                    .param("actor", actor).param("keys", part)
                    .query((rs, i) -> {
                        long id = rs.getLong(3);
                        out.put(rs.getString(1), new Known(rs.getString(2), rs.wasNull() ? null : id));
                        return null;
                    }).list();
        }
        return out;
    }

    /**
     * Stores the keys of the items written, in the caller's transaction. A key another request stored meanwhile with
     * other content is refused (409, the caller's transaction rolls back); with the same content it is fine.
     */
    void remember(String actor, List<Keyed> keyed, Map<Integer, DataValueStore.Written> written, BatchInput in) {
        if (keyed.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int[][] counts = template.batchUpdate("insert into data_value_client_key (actor, client_key, item_hash,"
                        + " data_value_id, action, created_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (actor, client_key) do nothing", keyed, 500,
                (ps, k) -> {
                    DataValueStore.Written w = written.get(k.number());
                    ps.setString(1, actor);
                    ps.setString(2, k.key());
                    ps.setString(3, k.hash());
                    ps.setObject(4, w.value().id() == 0 ? null : w.value().id(), java.sql.Types.BIGINT);
                    ps.setString(5, w.action().name());
                    ps.setTimestamp(6, now);
                });
        List<String> lost = new ArrayList<>();
        int i = 0;
        for (int[] part : counts) {
            for (int c : part) {
                if (c == 0) {
                    lost.add(keyed.get(i).key());
                }
                i++;
            }
        }
        if (lost.isEmpty()) {
            return;
        }
        Map<String, Known> stored = find(actor, lost);
        List<RowProblem> reused = new ArrayList<>();
        for (Keyed k : keyed) {
            Known other = stored.get(k.key());
            if (other != null && !other.hash().equals(k.hash())) {
                reused.add(reused(in, k));
            }
        }
        if (!reused.isEmpty()) {
            throw new BatchRefused(HttpStatus.CONFLICT, reused, "batch.key.reusedAll", reused.size());
        }
    }

    /** The problem of a key stored with other content. */
    RowProblem reused(BatchInput in, Keyed k) {
        return new RowProblem(in.offset() + k.number(), in.row(k.number()), "key", "KEY_REUSED",
                messages.msg("batch.key.reused", k.key()));
    }
}
