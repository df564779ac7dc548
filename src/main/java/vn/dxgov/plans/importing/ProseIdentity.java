package vn.dxgov.plans.importing;

import java.util.List;

/**
 * The number, date and issuer of a document that has no "Số:" header block but names itself in its first lines, as a
 * copy of a Politburo resolution does: "Nghị quyết số 57-NQ/TW (ngày 22/12/2024) của Bộ Chính trị về ...". Only a
 * line that begins with the citation counts: a document the text cites ("Thực hiện Nghị quyết số 13-NQ/TU ...", "Căn
 * cứ ...") or the appendix line "(Kèm theo Nghị quyết số ... )" is never this document.
 */
final class ProseIdentity {

    /** How many lines from the start (or the region start) may name the document. */
    private static final int SEARCHED_LINES = 8;

    private ProseIdentity() {
    }

    /** The document's own citation in its first lines, or null. */
    static Located find(List<TextLine> lines, int from, int to) {
        int seen = 0;
        for (int i = Math.max(0, from); i < Math.min(lines.size(), to) && seen < SEARCHED_LINES; i++) {
            TextLine l = lines.get(i);
            String f = l.folded();
            if (f.isEmpty() || l.inDataTable() || WebCopyHeader.isSiteNoise(f)) {
                continue;
            }
            seen++;
            String text = l.text().replaceFirst("^[\\s\"“'#*]+", "");
            List<DocumentReferenceParser.Located> refs = DocumentReferenceParser.locate(text);
            if (!refs.isEmpty() && refs.get(0).start() == 0 && refs.get(0).reference().type() != null) {
                return new Located(refs.get(0).reference(), l);
            }
        }
        return null;
    }

    /** The citation and the line it is on. */
    record Located(DocumentReference reference, TextLine line) {
    }
}
