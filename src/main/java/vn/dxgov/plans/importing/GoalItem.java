package vn.dxgov.plans.importing;

import vn.dxgov.shared.Pillar;

/** A goal item waiting to be read into one or more targets. */
final class GoalItem {
    final int line;
    final String source;
    final boolean clauseList;
    final Integer deadline;
    final Pillar pillar;
    final String code;
    String text;

    GoalItem(int line, String source, String text, boolean clauseList, Integer deadline, Pillar pillar, String code) {
        this.line = line;
        this.source = source;
        this.text = text;
        this.clauseList = clauseList;
        this.deadline = deadline;
        this.pillar = pillar;
        this.code = code;
    }
}
