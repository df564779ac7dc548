package vn.dxgov.plans.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.PlanType;
import vn.dxgov.plans.importing.HeaderNumberAndDate.DateFound;
import vn.dxgov.shared.VietText;

/**
 * Reads what the header of a Vietnamese administrative document says (Nghị định 30/2020/NĐ-CP layout): the issuing
 * body, the number ("Số: 06-NQ/TU"), the place and date ("Thanh Hóa, ngày 10 tháng 11 năm 2021"), the document-type
 * heading (NGHỊ QUYẾT, QUYẾT ĐỊNH, CHƯƠNG TRÌNH, KẾ HOẠCH) and the title under it, plus the period, the vision year and
 * the document the plan implements. A decision that only issues a programme or plan, and a cover letter that attaches
 * one, are unwrapped: the plan is the document inside.
 */
final class HeaderParser {

    /** What the header says. {@code regionStart} is where the plan document starts (after a cover letter). */
    record Header(PlanType type, int headingIndex, int regionStart, int bodyStart, String number, String title,
                  String issuer, LocalDate issuedOn, String issuedOnText, DocumentLevel level, String province,
                  Integer periodStart, Integer periodEnd, Integer visionYear, DocumentReference implementsRef) {
    }

    private record Heading(int index, PlanType type, String inlineTitle) {
    }

    /** A type heading alone on its line (folded, trailing punctuation removed). */
    private static final Pattern TYPE_ALONE = Pattern.compile(
            "^(nghi quyet|quyet dinh|chuong trinh(?: hanh dong)?|ke hoach(?: hanh dong)?)$");
    /** A type heading in capitals followed by the title on the same line. */
    private static final Pattern TYPE_WITH_TITLE = Pattern.compile(
            "^(NGHỊ QUYẾT|QUYẾT ĐỊNH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|KẾ HOẠCH(?: HÀNH ĐỘNG)?)\\s+(\\S.*)$");
    /** The same, any case, for lines marked as headings ("# Kế hoạch chuyển đổi số ..."), folded. */
    private static final Pattern TYPE_MARKED = Pattern.compile(
            "^(nghi quyet|quyet dinh|chuong trinh(?: hanh dong)?|ke hoach(?: hanh dong)?)\\s+(\\S.*)$");
    /** The enacting part of a decision that issues a programme or plan with it (folded). */
    private static final Pattern ISSUES_WITH = Pattern.compile(
            "(ban hanh kem theo|phe duyet|ban hanh)[^.;]{0,80}?(chuong trinh|ke hoach)");
    /** The end of a document: recipients, signature block, or a closing "./." (folded). */
    private static final Pattern END_OF_DOCUMENT = Pattern.compile("^(noi nhan|t/m|tm[. ]|kt[. ]|q\\. ?chu tich|ttl[. ])|\\./\\.$");
    /** A cover letter (công văn): "V/v ...", "Kính gửi: ..." (folded). */
    private static final Pattern COVER_LETTER = Pattern.compile("^(v/v|kinh gui)");
    /** Lines of the header that are neither title nor issuer (folded). */
    private static final Pattern HEADER_NOISE = Pattern.compile(
            "^(cong hoa xa hoi|chu nghia viet nam|doc lap|dang cong san viet nam|hoi nghi lan thu|khoa [xvil]+$|[*\\-_=~.]+$"
                    + "|so\\s*:?\\s|so\\s*\\d|ngay\\s*:|den$|chuyen\\s*\\.{2,})");
    /** A line where the body starts (folded). */
    private static final Pattern BODY_START = Pattern.compile(
            "^(can cu|thuc hien|trien khai|theo de nghi|xet de nghi|de |nham |tren co so|qua |dieu 1|i[.\\s])");

    private final List<TextLine> lines;
    private final ImportReport report;
    private final HeaderIssuer issuers;
    private final HeaderNumberAndDate identity;

    HeaderParser(List<TextLine> lines, ProvinceLexicon provinces, ImportReport report) {
        this.lines = WebCopyHeader.join(lines);
        this.report = report;
        this.issuers = new HeaderIssuer(this.lines, provinces, report);
        this.identity = new HeaderNumberAndDate(this.lines, report);
    }

    /** Where a decision that only issues the plan with it sits: its heading, region, body and title. */
    record Wrapper(int index, int regionStart, int bodyStart, String title) {
    }

    Header parse() {
        List<Heading> headings = headings();
        Heading heading = headings.isEmpty() ? null : headings.get(0);
        Heading wrapperHeading = null;
        PlanType type = heading == null ? null : heading.type();
        PlanType issued = heading != null && heading.type() == PlanType.DECISION ? issuedWith(heading, headings) : null;
        if (issued != null) {
            wrapperHeading = heading;
            type = issued;
            heading = documentIssuedBy(wrapperHeading, headings);
            report.info(lines.get(wrapperHeading.index()).line(), "WRAPPER_DECISION",
                    "Quyết định chỉ ban hành kèm theo " + typeName(type) + "; kế hoạch được nhập là văn bản kèm theo.",
                    lines.get(wrapperHeading.index()).text());
        }
        Wrapper wrapper = wrapperHeading == null ? null : wrapper(wrapperHeading);
        int headingIndex = heading == null ? -1 : heading.index();
        int regionStart = heading == null ? 0 : regionStart(headingIndex);
        noteRegion(headingIndex, regionStart, type);
        int bodyStart = heading == null ? Math.min(lines.size(), 12) : bodyStart(headingIndex);
        int searchEnd = heading == null ? Math.min(lines.size(), 30) : bodyStart;
        String title = title(heading, bodyStart);
        if (title == null && wrapperHeading != null) {
            title = title(wrapperHeading, bodyStart);
        }
        TextLine attachment = attachmentLine(headingIndex, bodyStart);
        HeaderFallbacks fallbacks = new HeaderFallbacks(lines, identity, report);
        HeaderNumberAndDate.NumberFound numberFound = identity.number(regionStart, searchEnd, headingIndex, attachment, wrapper);
        DateFound date = identity.date(regionStart, searchEnd, headingIndex, attachment, wrapper);
        fallbacks.read(numberFound, date, regionStart, heading == null ? searchEnd : bodyStart);
        date = fallbacks.date(date);
        String province = issuers.province(date == null ? null : date.place(), title, regionStart, searchEnd, bodyStart);
        String number = fallbacks.number(numberFound);
        String issuer = issuers.issuer(new HeaderIssuer.Where(headingIndex, regionStart, heading == null ? regionStart : bodyStart,
                bodyStart, attachment, wrapper), province, fallbacks.issuer());
        identity.noteDate(date);
        type = type != null ? type : fallbacks.type();
        DocumentLevel level = IssuerLevel.of(issuer);
        province = fallbacks.noteLevelAndProvince(level, province, date == null ? 0 : date.line());
        Integer[] period = PeriodInTitle.of(title, wrapper == null ? null : wrapper.title());
        notePeriod(period, headingIndex, title);
        DocumentReference implementsRef = ImplementedDocument.find(lines, bodyStart, title, wrapper, number);
        if (implementsRef != null) {
            report.info(0, "IMPLEMENTS", "Văn bản thực hiện " + implementsRef.text() + ".", implementsRef.text());
        }
        return new Header(type, headingIndex, regionStart, bodyStart, number, title, issuer,
                date == null ? null : date.date(), date == null ? null : date.text(), level, province, period[0], period[1],
                period[2], implementsRef);
    }

    /** The programme or plan under a decision that issues it (the decision itself when there is none). */
    private static Heading documentIssuedBy(Heading decision, List<Heading> headings) {
        return headings.stream().filter(h -> h.index() > decision.index()
                && (h.type() == PlanType.PROGRAMME || h.type() == PlanType.PLAN)).findFirst().orElse(decision);
    }

    private Wrapper wrapper(Heading decision) {
        int body = bodyStart(decision.index());
        return new Wrapper(decision.index(), regionStart(decision.index()), body, title(decision, body));
    }

    /** Reports a cover letter before the plan and the type of document read. */
    private void noteRegion(int headingIndex, int regionStart, PlanType type) {
        if (headingIndex >= 0 && coverLetterBefore(headingIndex)) {
            report.info(lines.get(regionStart > 0 ? regionStart - 1 : 0).line(), "COVER_LETTER",
                    "Văn bản mở đầu bằng một công văn gửi kèm; kế hoạch được nhập là văn bản đính kèm ("
                            + typeName(type) + ").", lines.get(headingIndex).text());
        }
        if (type != null) {
            report.info(lines.get(headingIndex).line(), "TYPE", "Loại văn bản: " + typeName(type) + ".",
                    lines.get(headingIndex).text());
        }
    }

    private void notePeriod(Integer[] period, int headingIndex, String title) {
        if (period[1] != null || period[2] != null) {
            report.info(headingIndex < 0 ? 0 : lines.get(headingIndex).line(), "PERIOD",
                    "Giai đoạn: " + (period[0] == null ? "" : period[0] + "–") + (period[1] == null ? "?" : period[1])
                            + (period[2] == null ? "" : ", tầm nhìn/định hướng đến " + period[2]) + ".", title);
        }
    }


    private List<Heading> headings() {
        List<Heading> out = new ArrayList<>();
        for (TextLine l : lines) {
            if (l.inDataTable() || l.footnote() || SiteMetadata.isMetadataRow(l)) {
                continue;
            }
            String text = l.text().strip();
            if (text.endsWith(":") || text.length() > 200) {
                continue;
            }
            String folded = VietText.fold(text).replaceAll("^[^a-z]+|[^a-z]+$", "");
            Matcher alone = TYPE_ALONE.matcher(folded);
            if (alone.matches()) {
                out.add(new Heading(l.index(), typeOf(alone.group(1)), null));
                continue;
            }
            Matcher withTitle = TYPE_WITH_TITLE.matcher(text);
            if (withTitle.matches() && !withTitle.group(2).matches("(?i)^(này|số|của)\\b.*")) {
                out.add(new Heading(l.index(), typeOf(VietText.fold(withTitle.group(1))), withTitle.group(2)));
                continue;
            }
            Matcher marked = TYPE_MARKED.matcher(VietText.fold(text));
            if (l.marked() && marked.matches() && !marked.group(2).startsWith("nay")) {
                int cut = text.split(" ").length - marked.group(2).split(" ").length;
                String[] words = text.split(" ");
                out.add(new Heading(l.index(), typeOf(marked.group(1)),
                        String.join(" ", java.util.Arrays.copyOfRange(words, cut, words.length))));
            }
        }
        if (out.isEmpty()) {
            Heading titleLine = titleLineHeading();
            if (titleLine != null) {
                out.add(titleLine);
            }
        }
        return out;
    }

    /**
     * A web page's title line as the heading when the document has none: its first line, in sentence case, naming
     * the type ("Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện ..."), but not a citation ("Kế hoạch
     * 121/KH-UBND ...", "Nghị quyết số 57-NQ/TW ...") nor a sentence ("Kế hoạch này ...").
     */
    private Heading titleLineHeading() {
        for (TextLine l : lines) {
            if (l.folded().isEmpty() || l.inTable() || WebCopyHeader.isSiteNoise(l.folded())) {
                continue;
            }
            Matcher m = TYPE_MARKED.matcher(VietText.fold(l.text()));
            boolean title = m.matches() && l.text().length() <= 200 && !l.text().strip().endsWith(":")
                    && !m.group(2).matches("^(?:(?:nay|so|duoc|da|se|la|do|phai)\\b|\\d).*");
            return title ? new Heading(l.index(), typeOf(m.group(1)), l.text().strip()) : null;
        }
        return null;
    }

    private static PlanType typeOf(String folded) {
        if (folded.startsWith("nghi quyet")) {
            return PlanType.RESOLUTION;
        }
        if (folded.startsWith("quyet dinh")) {
            return PlanType.DECISION;
        }
        if (folded.startsWith("chuong trinh")) {
            return PlanType.PROGRAMME;
        }
        return PlanType.PLAN;
    }

    static String typeName(PlanType type) {
        if (type == null) {
            return "không rõ";
        }
        return switch (type) {
            case RESOLUTION -> "Nghị quyết";
            case DECISION -> "Quyết định";
            case PROGRAMME -> "Chương trình";
            case PLAN -> "Kế hoạch";
        };
    }

    /** The programme or plan a decision issues with it, if it only does that. */
    private PlanType issuedWith(Heading decision, List<Heading> headings) {
        int end = headings.stream().filter(h -> h.index() > decision.index()).mapToInt(Heading::index).findFirst()
                .orElse(Math.min(lines.size(), decision.index() + 80));
        for (int i = decision.index(); i < end; i++) {
            Matcher m = ISSUES_WITH.matcher(lines.get(i).folded());
            if (m.find()) {
                return m.group(2).startsWith("chuong") ? PlanType.PROGRAMME : PlanType.PLAN;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- regions

    /** Where the document that carries the heading starts: after the previous document's recipients or signature. */
    private int regionStart(int headingIndex) {
        for (int i = headingIndex - 1; i >= 0; i--) {
            if (END_OF_DOCUMENT.matcher(lines.get(i).folded()).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private boolean coverLetterBefore(int headingIndex) {
        for (int i = 0; i < headingIndex; i++) {
            if (COVER_LETTER.matcher(lines.get(i).folded()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the body after the heading and its title, issuer and attachment lines. */
    private int bodyStart(int headingIndex) {
        boolean titleSeen = false;
        for (int i = headingIndex + 1; i < lines.size() && i <= headingIndex + 15; i++) {
            TextLine l = lines.get(i);
            String f = l.folded();
            if (f.isEmpty() || l.inTable() || f.startsWith("(") || IssuerNames.isOrgLine(f) || HEADER_NOISE.matcher(f).find()
                    || WebCopyHeader.isSiteNoise(f)) {
                continue;
            }
            if (titleSeen && (BODY_START.matcher(f).find() || l.text().length() > 220
                    || OutlineLine.of(l.text(), false).isSection())) {
                return i;
            }
            if (!titleSeen && OutlineLine.of(l.text(), false).kind() == OutlineLine.Kind.ROMAN) {
                return i;
            }
            titleSeen = true;
        }
        return Math.min(lines.size(), headingIndex + 1 + (titleSeen ? 3 : 0));
    }

    private String title(Heading heading, int bodyStart) {
        if (heading == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (heading.inlineTitle() != null) {
            parts.add(heading.inlineTitle());
        }
        TextLine previous = null;
        for (int i = heading.index() + 1; i < bodyStart; i++) {
            TextLine l = lines.get(i);
            String f = l.folded();
            if (f.isEmpty() || l.inTable() || f.startsWith("(") || IssuerNames.isOrgLine(f) || HEADER_NOISE.matcher(f).find()
                    || WebCopyHeader.isSiteNoise(f)) {
                continue;
            }
            // the title goes on when the next line continues it: lower-case start, the same emphasis, or capitals
            // after capitals (a title in capitals that a web copy broke over lines)
            boolean continues = previous == null && parts.isEmpty()
                    || Character.isLowerCase(l.text().charAt(0))
                    || previous != null && previous.marked() && l.marked()
                    || previous != null && IssuerNames.isUpper(previous.text()) && IssuerNames.isUpper(l.text());
            if (!continues) {
                break;
            }
            parts.add(l.text());
            previous = l;
        }
        String t = VietText.clean(String.join(" ", parts));
        return t == null || t.isEmpty() ? null : t;
    }

    /** "(Ban hành kèm theo Quyết định số ... ngày ... của ...)" under the heading. */
    private TextLine attachmentLine(int headingIndex, int bodyStart) {
        for (int i = Math.max(0, headingIndex + 1); i < bodyStart; i++) {
            TextLine l = lines.get(i);
            if (l.folded().startsWith("(") && l.folded().contains("kem theo")) {
                return l;
            }
        }
        return null;
    }


}
