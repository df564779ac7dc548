package vn.dxgov.plans.internal;

import java.util.List;

/**
 * In an import report (and on the review page): the plan this draft is a new version of, how dxgov recognised it,
 * and the differences target by target and task by task.
 *
 * @param recognisedBy NUMBER (same number and issuer, text not clearly different) or TEXT (near-identical text)
 * @param similarity   the text similarity measured (word 5-gram Jaccard, 0..1), see {@link PlanSimilarity}
 * @param versionNo    the number this version gets (the old one's plus one)
 */
record VersionReport(long basePlanId, String baseStatus, int baseVersionNo, String baseNumber, String baseTitle,
                     int versionNo, String recognisedBy, double similarity, Section targets, Section tasks) {

    /** The differences of one kind of item; unchanged items are only counted. */
    record Section(List<PlanDiff.Entry> added, List<PlanDiff.Entry> removed, List<PlanDiff.Change> changed,
                   int unchanged) {

        static Section of(PlanDiff.Section s) {
            return new Section(s.added(), s.removed(), s.changed(), s.unchanged());
        }

        int differences() {
            return added.size() + removed.size() + changed.size();
        }
    }
}
