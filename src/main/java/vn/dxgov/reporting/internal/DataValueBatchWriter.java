package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.indicators.DataValueStore;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;

/**
 * One batch of data values written as the current user may, all or nothing, whatever format it came in: read the
 * items (indicator and unit by id or code), check them against the store's rules, the caller's reach
 * ({@link WriteScope}: token scope per item, own province) and the client keys ({@link ClientKeys}), then write
 * through {@link AgencyValueWrites}. A dry run does all of it in a transaction that is rolled back: the same checks
 * and outcomes, nothing stored (no report opened, no key remembered, no audit, no event). Any refusal is a
 * {@link BatchRefused} with one {@link RowProblem} per problem.
 */
@Service
class DataValueBatchWriter {

    private final AgencyValueWrites writes;
    private final DataValueItems reader;
    private final DataValueStore store;
    private final WriteScope scope;
    private final ClientKeys keys;
    private final BatchResults results;
    private final TransactionTemplate tx;

    DataValueBatchWriter(AgencyValueWrites writes, DataValueItems reader, DataValueStore store, WriteScope scope,
                         ClientKeys keys, BatchResults results, PlatformTransactionManager transactions) {
        this.writes = writes;
        this.reader = reader;
        this.store = store;
        this.scope = scope;
        this.keys = keys;
        this.results = results;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Who may write values through a batch at all: the steering department, or an EDITOR of an agency. */
    static void requireWriter() {
        Access.requireParticipant();
        if (!CurrentUser.steering() && Access.editorAgency().isEmpty()) {
            throw Access.forbidden();
        }
    }

    DataValueWriteApiController.BatchResult write(BatchInput in, boolean dryRun) {
        requireWriter();
        List<RowProblem> problems = new ArrayList<>(in.problems());
        problems.addAll(keys.problems(in));
        if (!problems.isEmpty()) {
            throw BatchRefused.invalid(problems);
        }
        if (in.size() > DataValueStore.MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "dataValue.batchTooLarge",
                    Numbers.current().count(in.size()), Numbers.current().count(DataValueStore.MAX_BATCH));
        }
        if (in.size() == 0) {
            return new DataValueWriteApiController.BatchResult(0, 0, 0, 0, List.of(), dryRun);
        }
        try {
            return tx.execute(status -> {
                DataValueWriteApiController.BatchResult r = inTransaction(in, dryRun);
                if (dryRun) {
                    status.setRollbackOnly();
                }
                return r;
            });
        } catch (ApiException e) {
            throw BatchRefused.of(e, in, LocaleContextHolder.getLocale());
        }
    }

    private DataValueWriteApiController.BatchResult inTransaction(BatchInput in, boolean dryRun) {
        DataValueItems.Read read = reader.read(in.items());
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(store.check(read.inputs(), read.numbers()));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(DataValueBatchWriter::itemNumber));
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "dataValue.invalid", problems.size());
        }
        scope.require(read.inputs(), read.numbers());

        // the items with a client key: known with the same content → unchanged, not written; other content → 409
        String actor = ClientKeys.actor();
        List<ClientKeys.Keyed> keyed = new ArrayList<>();
        for (int i = 0; i < read.inputs().size(); i++) {
            int n = read.numbers()[i];
            String key = in.items().get(n - 1).key();
            if (key != null) {
                keyed.add(new ClientKeys.Keyed(n, key, ClientKeys.hash(read.inputs().get(i))));
            }
        }
        Map<String, ClientKeys.Known> stored = keyed.isEmpty() ? Map.of()
                : keys.find(actor, keyed.stream().map(ClientKeys.Keyed::key).toList());
        Map<Integer, ClientKeys.Known> known = new HashMap<>();
        List<RowProblem> reused = new ArrayList<>();
        List<ClientKeys.Keyed> toRemember = new ArrayList<>();
        for (ClientKeys.Keyed k : keyed) {
            ClientKeys.Known s = stored.get(k.key());
            if (s == null) {
                toRemember.add(k);
            } else if (s.hash().equals(k.hash())) {
                known.put(k.number(), s);
            } else {
                reused.add(keys.reused(in, k));
            }
        }
        if (!reused.isEmpty()) {
            throw new BatchRefused(HttpStatus.CONFLICT, reused, "batch.key.reusedAll", reused.size());
        }

        List<AgencyValueWrites.Numbered> batch = new ArrayList<>();
        for (int i = 0; i < read.inputs().size(); i++) {
            if (!known.containsKey(read.numbers()[i])) {
                batch.add(new AgencyValueWrites.Numbered(read.numbers()[i], read.inputs().get(i)));
            }
        }
        List<AgencyValueWrites.Outcome> written = batch.isEmpty() ? List.of() : writes.write(batch);
        Map<Integer, DataValueStore.Written> byNumber = new HashMap<>();
        written.forEach(o -> byNumber.put(o.number(), o.written()));
        keys.remember(actor, toRemember, byNumber, in);
        Map<Integer, DataValueInput> inputs = new HashMap<>();
        for (int i = 0; i < read.inputs().size(); i++) {
            inputs.put(read.numbers()[i], read.inputs().get(i));
        }
        return results.of(in, written, known, inputs, dryRun);
    }

    private static int itemNumber(String problem) {
        int end = 1;
        while (end < problem.length() && Character.isDigit(problem.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(problem.substring(1, end));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
