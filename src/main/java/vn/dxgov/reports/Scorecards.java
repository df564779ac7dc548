package vn.dxgov.reports;

/**
 * The agency scorecard (bảng xếp hạng cơ quan) for emulation and rewards: per agency, the share of its reports
 * first submitted by the deadline, of its targets achieved or on track, of its tasks on time, and a composite score.
 * For STEERING, LEADER and ADMIN; others get 403.
 */
public interface Scorecards {

    /** The league table of the agencies of one plan in a year, best first. */
    Scorecard forPlan(long planId, int year);

    /** The league table over all published plans of a province (official code, e.g. "38") in a year. */
    Scorecard forProvince(String provinceCode, int year);
}
