package vn.dxgov.plans.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dxgov.analytics.ValueView;
import vn.dxgov.plans.Plan;
import vn.dxgov.shared.web.FragmentRenderer;
import vn.dxgov.shared.web.RenderedHtml;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;

/**
 * The results part of plan pages (targets with their statuses, tasks: 227 KB of seed 001's page and most of its CPU),
 * rendered once and written again into every page asked for while nothing has been written (issue 13: ≥ 100 fully
 * rendered pages a second). A part is kept under everything it shows depends on: the plan, the {@link PageStamp}
 * (any write to a table a page shows, any figure change), the filter (with the steering department's preview), whether
 * the reader may review (edit buttons), the language and the day (statuses are judged as of today). Nothing in it
 * depends on the user beyond that: no form, CSRF token, nonce or per-user link (the template's results fragment), so
 * two readers with the same key see the same bytes. Parts of an older stamp are dropped when a newer one is kept;
 * at most {@value #KEPT} parts (a few MB) are held. The caller has checked that the reader may see the plan.
 */
@Component
class Results {

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

    private final PlanViews views;
    private final PlanPageModel model;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;
    private final PlanStatuses statuses;
    private final FragmentRenderer fragments;
    private final PageStamp pageStamp;

    Results(PlanViews views, PlanPageModel model, TargetCatalog targets, TaskCatalog tasks, PlanStatuses statuses,
            FragmentRenderer fragments, PageStamp pageStamp) {
        this.views = views;
        this.model = model;
        this.targets = targets;
        this.tasks = tasks;
        this.statuses = statuses;
        this.fragments = fragments;
        this.pageStamp = pageStamp;
    }

    /**
     * The part for this page: the kept one, or judged and rendered now (with the page's model, {@code plan},
     * {@code filter} and {@code reviewer} among it) and kept if nothing was written meanwhile. No stamp (a write in
     * flight): rendered and not kept.
     */
    Part part(Plan plan, PlanPages.Filter filter, boolean reviewer, LocalDate today, Locale locale,
              PageStamp.Stamp stamp, Map<String, Object> page, HttpServletRequest request,
              HttpServletResponse response) {
        Key key = stamp == null ? null : new Key(plan.id(), stamp, filter, reviewer, locale, today);
        Part part = key == null ? null : kept.get(key);
        if (part == null) {
            part = render(plan, filter, today, locale, stamp, page, request, response);
            if (key != null && pageStamp.unchanged(stamp)) {
                synchronized (kept) {
                    kept.keySet().removeIf(k -> !k.stamp().equals(stamp));
                    kept.put(key, part);
                }
            }
        }
        return part;
    }

    int size() {
        return kept.size();
    }

    /** Judges and renders the part (what the filter chooses), with the filter form's choices from the whole plan. */
    private Part render(Plan plan, PlanPages.Filter filter, LocalDate today, Locale locale, PageStamp.Stamp stamp,
                        Map<String, Object> page, HttpServletRequest request, HttpServletResponse response) {
        long id = plan.id();
        List<PlanViews.TargetView> allTargets = views.targets(targets.forPlan(id, TargetFilter.ALL));
        List<PlanViews.TaskView> allTasks = views.tasks(tasks.forPlan(id, TaskFilter.ALL));
        List<PlanViews.TargetView> shownTargets = filter.active()
                ? views.targets(targets.forPlan(id,
                new TargetFilter(filter.agency(), filter.pillar(), filter.year(), filter.q())))
                : allTargets;
        List<PlanViews.TaskView> shownTasks = filter.active()
                ? views.tasks(tasks.forPlan(id, new TaskFilter(filter.agency(), filter.pillar(), filter.year(),
                filter.q())))
                : allTasks;
        Map<String, Object> all = new LinkedHashMap<>(page);
        all.put("targetGroups", model.groupTargets(shownTargets, locale));
        // each target's status for the plan's province today (badge, explanation, link to the target's page)
        all.put("statuses", statuses.rows(plan, shownTargets.stream().map(PlanViews.TargetView::id).toList(),
                today, locale, stamp, filter.pending() ? ValueView.PENDING : ValueView.APPROVED));
        all.put("taskSections", model.groupTasks(shownTasks, locale));
        all.put("targetCount", shownTargets.size());
        all.put("targetTotal", allTargets.size());
        all.put("taskCount", shownTasks.size());
        all.put("taskTotal", allTasks.size());
        return new Part(fragments.render("plans/plan :: results", all, locale, request, response),
                PlanPageModel.agencies(allTargets, allTasks), PlanPageModel.years(allTargets, allTasks));
    }
}
