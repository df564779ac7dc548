package vn.dxgov.plans;

import java.util.Collection;
import java.util.Map;

/**
 * The cascade of targets as other modules read it: which national target a province's target implements, as the
 * steering department confirmed it (issue 11's target links; suggestions and rejected links do not count).
 */
public interface TargetCascade {

    /**
     * For each of these targets that has a confirmed link, the national target it implements (the first confirmed
     * one when there are several); targets without a confirmed link are left out. No access check: the caller
     * decides what to show of the targets it asks about.
     */
    Map<Long, Long> confirmedNationalTargets(Collection<Long> targetIds);
}
