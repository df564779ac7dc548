package vn.dxgov.assessment.internal;

/**
 * Evidence files of a self-assessment live in the files module under one owner type; the owner id packs round, unit
 * and criterion: round (23 bits), unit (28 bits) and the criterion's position in its set (12 bits; stable, because a
 * set used by a round can no longer change).
 */
final class EvidenceKeys {

    /** Owner type of evidence files in the files module. */
    static final String OWNER = "ASSESSMENT_EVIDENCE";

    private EvidenceKeys() {
    }

    static long key(long roundId, long unitId, int criterionIndex) {
        if (roundId >= (1L << 23) || unitId >= (1L << 28) || criterionIndex >= (1 << 12)) {
            throw new IllegalArgumentException("evidence key out of range");
        }
        return (roundId << 40) | (unitId << 12) | criterionIndex;
    }

    static long round(long key) {
        return key >>> 40;
    }

    static long unit(long key) {
        return (key >>> 12) & ((1L << 28) - 1);
    }
}
