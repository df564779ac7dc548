package vn.dxgov.plans.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.PlanType;
import vn.dxgov.shared.VietText;

/** The document a plan says it implements ("Thực hiện Nghị quyết số 06-NQ/TU ..."), from its first lines. */
final class ImplementedDocument {

    /** A sentence saying what the plan implements: "Thực hiện ...", "Triển khai thực hiện ..." (folded). */
    private static final Pattern IMPLEMENTS = Pattern.compile("(?:^|[^a-z])(thuc hien|trien khai)(?![a-z])");
    /** A programme or plan named by its issuer, not its number, that implements a cited document (folded). */
    private static final Pattern UNNUMBERED = Pattern.compile(
            "\\s+(?:cac\\s+)?(chuong trinh hanh dong|chuong trinh|ke hoach(?: hanh dong)?)\\s+cua\\s+([^,;:()]{2,60}?)\\s+(?:thuc hien|trien khai)\\s+");

    private ImplementedDocument() {
    }

    /**
     * The documents a "Căn cứ" line names, without those their descriptions cite ("Nghị quyết số 71/NQ-CP ... ban hành
     * Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW": 57-NQ/TW is what 71/NQ-CP implements).
     */
    private static List<DocumentReference> basesOf(String line) {
        List<DocumentReference> out = new ArrayList<>();
        String folded = VietText.foldAligned(line);
        int previousEnd = 0;
        for (DocumentReferenceParser.Located l : DocumentReferenceParser.locate(line)) {
            if (out.isEmpty() || !IMPLEMENTS.matcher(folded.substring(previousEnd, l.start())).find()) {
                out.add(l.reference());
            }
            previousEnd = l.end();
        }
        return out;
    }

    /**
     * "thực hiện Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW": the plan implements the
     * Government's programme, named without its number; the reference has its type and issuer, no number, and its
     * text names the document that programme implements.
     */
    private static DocumentReference unnumberedProgramme(String sentence, int at) {
        Matcher u = UNNUMBERED.matcher(VietText.foldAligned(sentence).substring(at));
        if (!u.lookingAt()) {
            return null;
        }
        List<DocumentReferenceParser.Located> inner = DocumentReferenceParser.locate(sentence.substring(at + u.end()));
        if (inner.isEmpty() || inner.get(0).start() > 5) {
            return null;
        }
        String issuer = sentence.substring(at + u.start(2), at + u.end(2)).strip();
        String text = sentence.substring(at, at + u.end() + inner.get(0).end()).strip();
        PlanType type = u.group(1).startsWith("ke hoach") ? PlanType.PLAN : PlanType.PROGRAMME;
        return new DocumentReference(type, null, null, VietTones.classic(issuer), text);
    }

    /** The sentences of the first lines of the body up to the first Roman section, wrapped lines joined. */
    private static List<String> openingSentences(List<TextLine> lines, int bodyStart) {
        List<String> sentences = new ArrayList<>();
        for (int i = bodyStart; i < Math.min(lines.size(), bodyStart + 8); i++) {
            TextLine l = lines.get(i);
            if (i > bodyStart && OutlineLine.of(l.text(), false).kind() == OutlineLine.Kind.ROMAN) {
                break;
            }
            StringBuilder sentence = new StringBuilder(l.text());
            // a web copy breaks a sentence over lines: "Thực hiện Quyết định số" / "411/QĐ-TTg, ngày 31/3/2022 ..."
            while (i + 1 < lines.size() && i + 1 < bodyStart + 8 && wrapsOn(sentence, lines.get(i + 1))) {
                sentence.append(' ').append(lines.get(++i).text());
            }
            sentences.add(sentence.toString());
        }
        return sentences;
    }

    /** The next line goes on with the sentence: this one has no end, the next starts in lower case or with a digit. */
    private static boolean wrapsOn(CharSequence sentence, TextLine next) {
        String t = next.text();
        char last = sentence.length() == 0 ? '.' : sentence.charAt(sentence.length() - 1);
        return !next.inTable() && !t.isEmpty() && ".;:!?".indexOf(last) < 0
                && (Character.isLowerCase(t.charAt(0)) || Character.isDigit(t.charAt(0)) && !t.matches("^\\d+[.)]\\s.*"));
    }

    private static DocumentReference withClassicTones(DocumentReference r) {
        return new DocumentReference(r.type(), r.number(), r.date(), VietTones.classic(r.issuer()), r.text());
    }

    /**
     * The document the plan implements: one cited right after "Thực hiện"/"Triển khai" in the first sentences, the
     * title or the wrapper decision's title and Article 1; else the most specific local document of the "Căn cứ" lines.
     * Never the plan's own number.
     */
    static DocumentReference find(List<TextLine> lines, int bodyStart, String title, HeaderParser.Wrapper wrapper,
                                  String ownNumber) {
        List<String> sentences = openingSentences(lines, bodyStart);
        if (title != null) {
            sentences.add(title);
        }
        if (wrapper != null) {
            int ws = wrapper.bodyStart();
            String wt = wrapper.title();
            if (wt != null) {
                sentences.add(wt);
            }
            for (int i = ws; i < Math.min(lines.size(), ws + 20); i++) {
                if (lines.get(i).folded().startsWith("dieu 1")) {
                    sentences.add(lines.get(i).text());
                }
            }
        }
        for (String s : sentences) {
            if (VietText.fold(s).startsWith("can cu")) {
                continue; // a legal basis: what it says it implements is what the cited document implements
            }
            Matcher m = IMPLEMENTS.matcher(VietText.foldAligned(s));
            while (m.find()) {
                DocumentReference unnumbered = unnumberedProgramme(s, m.end());
                if (unnumbered != null) {
                    return unnumbered;
                }
                List<DocumentReferenceParser.Located> refs = DocumentReferenceParser.locate(s.substring(m.end()));
                // the cited document must follow the verb closely: "Thực hiện Nghị quyết số ...", "thực hiện các ... của"
                if (!refs.isEmpty() && refs.get(0).start() < 40) {
                    DocumentReference r = withClassicTones(refs.get(0).reference());
                    if (ownNumber == null || !ownNumber.equals(r.number())) {
                        return r;
                    }
                }
            }
        }
        // fall back to the most specific local document among the "Căn cứ" lines
        DocumentReference found = null;
        int from = wrapper != null ? wrapper.index() : Math.max(0, bodyStart - 1);
        for (int i = from; i < Math.min(lines.size(), bodyStart + 10); i++) {
            if (!lines.get(i).folded().startsWith("can cu")) {
                continue;
            }
            for (DocumentReference r : basesOf(lines.get(i).text())) {
                String issuer = r.issuer() == null ? "" : VietText.fold(r.issuer());
                boolean national = issuer.contains("chinh phu") || issuer.contains("thu tuong") || issuer.contains("quoc hoi")
                        || issuer.startsWith("bo ");
                if (r.type() != null && !national && (ownNumber == null || !ownNumber.equals(r.number()))) {
                    found = withClassicTones(r);
                }
            }
        }
        return found;
    }
}
