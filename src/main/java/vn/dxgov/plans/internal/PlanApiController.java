package vn.dxgov.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanEdit;
import vn.dxgov.shared.Pillar;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.targets.TargetCatalog;
import vn.dxgov.targets.TargetFilter;
import vn.dxgov.tasks.TaskCatalog;
import vn.dxgov.tasks.TaskFilter;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plans", description = "Kế hoạch, chỉ tiêu, nhiệm vụ / plans, targets and tasks")
class PlanApiController {

    private final PlanService plans;
    private final PlanReview review;
    private final PlanViews views;
    private final TargetCatalog targets;
    private final TaskCatalog tasks;

    private final vn.dxgov.units.AgencyDirectory agencyDirectory;
    private final PageStamp pageStamp;

    /** The last plans answered in full, each with the stamp it was read under (reused while that stamp is current). */
    private record Kept(PageStamp.Stamp stamp, PlanViews.PlanDetail detail) {
    }

    private final java.util.Map<Long, Kept> kept = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, Kept> eldest) {
                    return size() > 32;
                }
            });

    PlanApiController(PlanService plans, PlanReview review, PlanViews views, TargetCatalog targets, TaskCatalog tasks,
                      vn.dxgov.units.AgencyDirectory agencyDirectory, PageStamp pageStamp) {
        this.agencyDirectory = agencyDirectory;
        this.pageStamp = pageStamp;
        this.plans = plans;
        this.review = review;
        this.views = views;
        this.targets = targets;
        this.tasks = tasks;
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans you may see (drafts only for the steering department), parents before children")
    List<PlanViews.PlanSummary> list() {
        return views.summaries(plans.list());
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "A plan with all its targets and tasks")
    PlanViews.PlanDetail one(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response,
                             org.springframework.web.context.request.ServletWebRequest web) {
        Plan plan = plans.require(id); // who may see it: checked on every request, before the cache and the tag
        // issue 13: read once per database stamp, and 304 to a client whose ETag still matches (PageStamp)
        java.time.LocalDate today = java.time.LocalDate.now();
        PageStamp.Stamp stamp = pageStamp.now();
        String etag = PageStamp.etag(stamp, request, org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                today);
        if (PageStamp.ifNoneMatches(request.getHeader("If-None-Match"), etag) && web.checkNotModified(etag)) {
            response.setHeader("Cache-Control", "private, no-cache");
            return null;
        }
        Kept k = stamp == null ? null : kept.get(id);
        if (k != null && k.stamp().equals(stamp)) {
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", "private, no-cache");
            return k.detail();
        }
        PlanViews.PlanDetail detail = views.detail(plan, targets.forPlan(id, TargetFilter.ALL),
                tasks.forPlan(id, TaskFilter.ALL), null, null, null);
        if (etag != null && pageStamp.unchanged(stamp)) {
            kept.put(id, new Kept(stamp, detail));
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", "private, no-cache");
        }
        return detail;
    }

    @GetMapping("/plans/{id}/children")
    @Operation(summary = "Plans that implement this one")
    List<PlanViews.PlanSummary> children(@PathVariable long id) {
        plans.require(id);
        return views.summaries(plans.children(id));
    }

    @GetMapping("/plans/{id}/targets")
    @Operation(summary = "A plan's targets, filtered by agency (lead or cooperating), pillar, deadline year and text (diacritics-insensitive)")
    List<PlanViews.TargetView> targets(@PathVariable long id, @RequestParam(required = false) Long agency,
                                       @RequestParam(required = false) Pillar pillar,
                                       @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String q) {
        plans.require(id);
        return views.targets(targets.forPlan(id, new TargetFilter(agency, pillar, year, q)));
    }

    @GetMapping("/plans/{id}/tasks")
    @Operation(summary = "A plan's tasks, filtered by agency, pillar, a year they run in, and text")
    List<PlanViews.TaskView> tasks(@PathVariable long id, @RequestParam(required = false) Long agency,
                                   @RequestParam(required = false) Pillar pillar,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) String q) {
        plans.require(id);
        return views.tasks(tasks.forPlan(id, new TaskFilter(agency, pillar, year, q)));
    }

    @GetMapping("/plans/{id}/source")
    @Operation(summary = "The document the plan was imported from, as uploaded")
    ResponseEntity<byte[]> source(@PathVariable long id) {
        PlanRepository.SourceDocument doc = plans.source(id).orElseThrow(() -> ApiException.notFound("plan", id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(doc.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(doc.mediaType())).body(doc.bytes());
    }

    @PutMapping("/plans/{id}")
    @Operation(summary = "Correct a plan's metadata (steering department)")
    PlanViews.PlanSummary update(@PathVariable long id, @Valid @RequestBody PlanEdit edit) {
        return views.summaries(List.of(plans.update(id, edit))).get(0);
    }

    @PostMapping("/plans/{id}/publish")
    @Operation(summary = "Publish a reviewed draft plan (steering department)")
    PlanViews.PlanSummary publish(@PathVariable long id) {
        return views.summaries(List.of(plans.publish(id))).get(0);
    }

    @GetMapping("/targets/{id}")
    @Operation(summary = "One target")
    PlanViews.TargetView target(@PathVariable long id) {
        var t = targets.find(id).orElseThrow(() -> ApiException.notFound("target", id));
        plans.require(t.planId());
        return views.targets(List.of(t)).get(0);
    }

    @PutMapping("/targets/{id}")
    @Operation(summary = "Correct a target (steering department)")
    PlanViews.TargetView updateTarget(@PathVariable long id, @Valid @RequestBody PlanReview.TargetEdit edit) {
        return views.targets(List.of(review.updateTarget(id, edit))).get(0);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task")
    PlanViews.TaskView task(@PathVariable long id) {
        var t = tasks.find(id).orElseThrow(() -> ApiException.notFound("task", id));
        plans.require(t.planId());
        return views.tasks(List.of(t)).get(0);
    }

    @PutMapping("/tasks/{id}")
    @Operation(summary = "Correct a task (steering department)")
    PlanViews.TaskView updateTask(@PathVariable long id, @Valid @RequestBody PlanReview.TaskEdit edit) {
        return views.tasks(List.of(review.updateTask(id, edit))).get(0);
    }

    @GetMapping("/agencies/{id}/work")
    @Operation(summary = "Everything an agency leads or cooperates on, in the plans you may see")
    AgencyWork work(@PathVariable long id) {
        if (agencyDirectory.find(id).filter(a -> vn.dxgov.security.CurrentUser.mayRead(a.provinceCode())).isEmpty()) {
            throw ApiException.notFound("agency", id);
        }
        List<Long> visible = plans.visibleIds();
        return new AgencyWork(id, views.targets(targets.forAgency(id, visible)), views.tasks(tasks.forAgency(id, visible)));
    }

    record AgencyWork(long agencyId, List<PlanViews.TargetView> targets, List<PlanViews.TaskView> tasks) {
    }
}
