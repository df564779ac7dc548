package vn.dxgov.plans.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dxgov.shared.web.RenderedHtml;

/**
 * The results part of plan pages (targets with their statuses, tasks: 227 KB of seed 001's page and most of its CPU),
 * rendered once and written again into every page asked for while nothing has been written (issue 13: ≥ 100 fully
 * rendered pages a second). A part is kept under everything it shows depends on: the plan, the {@link PageStamp}
 * (any write to a table a page shows, any figure change), the filter (with the steering department's preview), whether
 * the reader may review (edit buttons), the language and the day (statuses are judged as of today). Nothing in it
 * depends on the user beyond that: no form, CSRF token, nonce or per-user link (the template's results fragment), so
 * two readers with the same key see the same bytes. Parts of an older stamp are dropped when a newer one is kept;
 * at most {@value #KEPT} parts (a few MB) are held.
 */
final class Results {

    record Key(long plan, PageStamp.Stamp stamp, PlanPages.Filter filter, boolean reviewer, Locale locale,
               LocalDate day) {
    }

    /** A rendered results part with the filter form's choices, which come from the same reading of the plan. */
    record Part(RenderedHtml html, List<PlanViews.AgencyRef> agencyOptions, List<Integer> years) {
    }

    static final int KEPT = 24;

    private final Map<Key, Part> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Part> eldest) {
            return size() > KEPT;
        }
    });

    Part get(Key key) {
        return kept.get(key);
    }

    /** Keeps a part rendered under a stamp that was still current afterwards (the caller checks). */
    void put(Key key, Part part) {
        synchronized (kept) {
            kept.keySet().removeIf(k -> !k.stamp().equals(key.stamp()));
            kept.put(key, part);
        }
    }

    int size() {
        return kept.size();
    }
}
