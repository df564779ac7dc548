package vn.dxgov.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.plans.internal.TargetLinkRepository.Status;

/** The cascade of targets through the API: a plan's links to national targets, and a national target's province targets. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Plans", description = "Kế hoạch, chỉ tiêu, nhiệm vụ / plans, targets and tasks")
class TargetLinkApiController {

    private final TargetLinks links;

    TargetLinkApiController(TargetLinks links) {
        this.links = links;
    }

    /** A person's decision on a pair: CONFIRMED or REJECTED. */
    record Decision(Long targetId, Long nationalTargetId, Status decision) {
    }

    @GetMapping("/plans/{id}/target-links")
    @Operation(summary = "A plan's targets with their links (suggested, confirmed, rejected) to the targets of the plans it implements")
    TargetLinks.PlanLinks list(@PathVariable long id) {
        return links.view(id);
    }

    @PostMapping("/plans/{id}/target-links")
    @Operation(summary = "Confirm or reject the link of a plan's target to a target of a plan above it (made when not suggested); the steering department of the plan's province")
    TargetLinkRepository.Link decide(@PathVariable long id, @RequestBody Decision body) {
        return links.decide(id, body.targetId(), body.nationalTargetId(), body.decision());
    }

    @PostMapping("/plans/{id}/target-links/suggest")
    @Operation(summary = "Suggest links of a plan's targets to the national targets above it again (pairs decided stay as decided)")
    Map<String, Integer> suggest(@PathVariable long id) {
        return Map.of("suggested", links.suggestOnDemand(id));
    }

    @GetMapping("/targets/{id}/implementing-targets")
    @Operation(summary = "The province targets confirmed as implementing a target, with their status (published plans; a province user sees its own province's)")
    List<TargetLinks.Behind> behind(@PathVariable long id) {
        return links.behind(id);
    }
}
