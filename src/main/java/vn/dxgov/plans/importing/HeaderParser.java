package vn.dxgov.plans.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dxgov.plans.PlanType;
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
                  String issuer, LocalDate issuedOn, String issuedOnText, String province, Integer periodStart,
                  Integer periodEnd, Integer visionYear, DocumentReference implementsRef) {
    }

    private record Heading(int index, PlanType type, String inlineTitle) {
    }

    private record DateFound(LocalDate date, String text, String place, int line) {
    }

    /** A "Số:" line: the number, or blank when the number is left to be filled in ("Số: /KH-UBND"). */
    private record NumberFound(String number, TextLine line, boolean fromAttachment) {

        boolean blank() {
            return number.isEmpty();
        }
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
    /** "Số: 2825/TTr-STTTT", "Số 16 -NQ/TU", "Số: /KH-UBND" (folded). */
    private static final Pattern NUMBER_LINE = Pattern.compile("^so\\s*(?::|\\.)?\\s*(.*)$");
    /** A document number: digits, then "/" or "-" and a code. */
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,6}[a-z]?(?:/\\d{4})?[-/][\\p{L}\\d&/.-]*[\\p{L}\\d])");
    /** "Thanh Hóa, ngày 10 tháng 11 năm 2021": the place, then the date (folded). */
    private static final Pattern PLACE_DATE = Pattern.compile("^([^,\\d]{2,60}?)\\s*,\\s*(ngay(?![a-z]).*)$");
    /** A date phrase, possibly with blanks where the day or month is filled in by hand (folded). */
    private static final Pattern DATE_PHRASE = Pattern.compile(
            "ngay[\\s._…]*(\\d{1,2})?[\\s._…]*(?:thang|/|-|\\.)[\\s._…]*(\\d{1,2})?[\\s._…]*(?:nam|/|-|\\.)[\\s._…]*(\\d{4})");
    /** The end of a document: recipients, signature block, or a closing "./." (folded). */
    private static final Pattern END_OF_DOCUMENT = Pattern.compile("^(noi nhan|t/m|tm[. ]|kt[. ]|q\\. ?chu tich|ttl[. ])|\\./\\.$");
    /** A cover letter (công văn): "V/v ...", "Kính gửi: ..." (folded). */
    private static final Pattern COVER_LETTER = Pattern.compile("^(v/v|kinh gui)");
    /** Lines of the header that are neither title nor issuer (folded). */
    private static final Pattern HEADER_NOISE = Pattern.compile(
            "^(cong hoa xa hoi chu nghia viet nam|doc lap|dang cong san viet nam|hoi nghi lan thu|khoa [xvil]+$|[*\\-_=~.]+$"
                    + "|so\\s*:?\\s|so\\s*\\d|ngay\\s*:|den$|chuyen\\s*\\.{2,})");
    /** A line where the body starts (folded). */
    private static final Pattern BODY_START = Pattern.compile(
            "^(can cu|thuc hien|trien khai|theo de nghi|xet de nghi|de |nham |tren co so|qua |dieu 1|i[.\\s])");
    /** A sentence saying what the plan implements: "Thực hiện ...", "Triển khai thực hiện ..." (folded). */
    private static final Pattern IMPLEMENTS = Pattern.compile("(?:^|[^a-z])(thuc hien|trien khai)(?![a-z])");
    /** The intro sentence's subject: "..., UBND thành phố Thanh Hóa xây dựng Kế hoạch ..." (folded). */
    private static final Pattern INTRO_SUBJECT = Pattern.compile(
            "(?:^|,\\s*)((?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|ban thuong vu|ban chap hanh|tinh uy|thanh uy|huyen uy)[^,;]{0,60}?)"
                    + "\\s+(?:xay dung|ban hanh|trien khai|de ra)(?![a-z])");
    private static final Pattern PERIOD = Pattern.compile("giai doan\\s*(\\d{4})\\s*(?:-|–|—|den)\\s*(\\d{4})");
    private static final Pattern UNTIL_YEAR = Pattern.compile("(?<!(?:dinh huong|tam nhin)\\s)(?:den|toi)\\s+(?:het\\s+)?nam\\s+(\\d{4})");
    private static final Pattern VISION = Pattern.compile("(?:dinh huong|tam nhin)[^0-9]{0,25}(\\d{4})");
    private static final Pattern YEAR_OF = Pattern.compile("(?:^|[^a-z])nam\\s+(\\d{4})");
    /** "Số: /QĐ-UBND" inside an attachment line (folded). */
    private static final Pattern NUMBER_IN_ATTACHMENT = Pattern.compile("so\\s*:?\\s*([^,;()]*)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final List<TextLine> lines;
    private final ProvinceLexicon provinces;
    private final ImportReport report;

    HeaderParser(List<TextLine> lines, ProvinceLexicon provinces, ImportReport report) {
        this.lines = lines;
        this.provinces = provinces;
        this.report = report;
    }

    Header parse() {
        List<Heading> headings = headings();
        Heading heading = headings.isEmpty() ? null : headings.get(0);
        Heading wrapper = null;
        PlanType type = heading == null ? null : heading.type();
        if (heading != null && heading.type() == PlanType.DECISION) {
            PlanType issued = issuedWith(heading, headings);
            if (issued != null) {
                wrapper = heading;
                type = issued;
                final int wrapperIndex = wrapper.index();
                heading = headings.stream().filter(h -> h.index() > wrapperIndex
                        && (h.type() == PlanType.PROGRAMME || h.type() == PlanType.PLAN)).findFirst().orElse(heading);
                report.info(lines.get(wrapper.index()).line(), "WRAPPER_DECISION",
                        "Quyết định chỉ ban hành kèm theo " + typeName(type) + "; kế hoạch được nhập là văn bản kèm theo.",
                        lines.get(wrapper.index()).text());
            }
        }
        int headingIndex = heading == null ? -1 : heading.index();
        int regionStart = heading == null ? 0 : regionStart(headingIndex);
        if (heading != null && coverLetterBefore(headingIndex)) {
            report.info(lines.get(regionStart > 0 ? regionStart - 1 : 0).line(), "COVER_LETTER",
                    "Văn bản mở đầu bằng một công văn gửi kèm; kế hoạch được nhập là văn bản đính kèm ("
                            + typeName(type) + ").", lines.get(headingIndex).text());
        }
        int bodyStart = heading == null ? Math.min(lines.size(), 12) : bodyStart(headingIndex);
        int searchEnd = heading == null ? Math.min(lines.size(), 30) : bodyStart;

        if (type != null) {
            report.info(lines.get(headingIndex).line(), "TYPE", "Loại văn bản: " + typeName(type) + ".",
                    lines.get(headingIndex).text());
        }
        String title = title(heading, bodyStart);
        if (title == null && wrapper != null) {
            title = title(wrapper, bodyStart(wrapper.index()));
        }
        TextLine attachment = attachmentLine(headingIndex, bodyStart);

        // date and place
        DateFound date = date(regionStart, searchEnd, headingIndex);
        if (date == null && attachment != null) {
            date = datePhrase(attachment);
        }
        if (date == null && wrapper != null) {
            date = date(regionStart(wrapper.index()), bodyStart(wrapper.index()), wrapper.index());
        }

        // province
        String province = province(date, title, regionStart, searchEnd, bodyStart);

        String number = noteNumber(number(regionStart, searchEnd, headingIndex, attachment, wrapper));
        String issuer = issuer(heading, regionStart, bodyStart, attachment, wrapper, province);
        noteDate(date);
        if (province == null) {
            report.warn(0, "PROVINCE_MISSING", "Không xác định được tỉnh/thành phố của văn bản.", null);
        } else {
            report.info(date == null ? 0 : date.line(), "PROVINCE", "Tỉnh/thành phố: " + province + ".", null);
        }

        // period and vision
        Integer[] period = period(title, wrapper == null ? null : title(wrapper, bodyStart(wrapper.index())));
        if (period[1] != null || period[2] != null) {
            report.info(headingIndex < 0 ? 0 : lines.get(headingIndex).line(), "PERIOD",
                    "Giai đoạn: " + (period[0] == null ? "" : period[0] + "–") + (period[1] == null ? "?" : period[1])
                            + (period[2] == null ? "" : ", tầm nhìn/định hướng đến " + period[2]) + ".", title);
        }

        DocumentReference implementsRef = implementsRef(bodyStart, title, wrapper, number);
        if (implementsRef != null) {
            report.info(0, "IMPLEMENTS", "Văn bản thực hiện " + implementsRef.text() + ".", implementsRef.text());
        }
        return new Header(type, headingIndex, regionStart, bodyStart, number, title, issuer,
                date == null ? null : date.date(), date == null ? null : date.text(), province, period[0], period[1],
                period[2], implementsRef);
    }

    private String noteNumber(NumberFound found) {
        if (found == null) {
            report.warn(0, "NUMBER_MISSING", "Không tìm thấy số văn bản (dòng \"Số: .../...\").", null);
            return null;
        }
        TextLine l = found.line();
        if (found.blank()) {
            report.warn(l.line(), "NUMBER_BLANK",
                    "Số văn bản để trống (\"" + l.text() + "\"); cần bổ sung khi duyệt.", l.text());
            return null;
        }
        report.info(l.line(), "NUMBER", "Số văn bản: " + found.number()
                + (found.fromAttachment() ? " (số của quyết định ban hành kèm theo)." : "."), l.text());
        return found.number();
    }

    private void noteDate(DateFound date) {
        if (date == null) {
            report.warn(0, "DATE_MISSING", "Không tìm thấy ngày ban hành (dòng \"..., ngày ... tháng ... năm ...\").", null);
        } else if (date.date() == null) {
            report.warn(date.line(), "DATE_INCOMPLETE",
                    "Ngày ban hành chưa đầy đủ (để trống ngày hoặc tháng); cần bổ sung khi duyệt.", date.text());
        } else {
            report.info(date.line(), "DATE", "Ngày ban hành: " + DAY.format(date.date()) + ".", date.text());
        }
    }

    // ---------------------------------------------------------------- headings

    private List<Heading> headings() {
        List<Heading> out = new ArrayList<>();
        for (TextLine l : lines) {
            if (l.inDataTable() || l.footnote()) {
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
        return out;
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
            if (l.inTable() || f.startsWith("(") || IssuerNames.isOrgLine(f) || HEADER_NOISE.matcher(f).find()) {
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
            if (l.inTable() || f.startsWith("(") || IssuerNames.isOrgLine(f) || HEADER_NOISE.matcher(f).find()) {
                continue;
            }
            // the title goes on when the next line continues it: lower-case start, or the same emphasis
            boolean continues = previous == null && parts.isEmpty()
                    || !l.text().isEmpty() && Character.isLowerCase(l.text().charAt(0))
                    || previous != null && previous.marked() && l.marked();
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

    // ---------------------------------------------------------------- number

    /**
     * The number of the plan: the "Số:" line nearest to the heading, else the number of the decision it is attached
     * to ("Ban hành kèm theo Quyết định số ..."), else the wrapper decision's number.
     */
    private NumberFound number(int from, int to, int headingIndex, TextLine attachment, Heading wrapper) {
        for (TextLine l : nearest(from, to, headingIndex)) {
            if (l.inDataTable() && headingIndex >= 0 && l.index() > headingIndex) {
                continue;
            }
            Matcher m = NUMBER_LINE.matcher(l.folded());
            if (m.find()) {
                String n = numberFrom(l.text().substring(m.start(1)));
                if (n != null) {
                    return new NumberFound(n, l, false);
                }
            }
        }
        if (attachment != null) {
            Matcher m = NUMBER_IN_ATTACHMENT.matcher(attachment.folded());
            if (m.find()) {
                String n = numberFrom(attachment.text().substring(m.start(1), m.end(1)));
                if (n != null) {
                    return new NumberFound(n, attachment, true);
                }
            }
        }
        if (wrapper != null) {
            return number(regionStart(wrapper.index()), bodyStart(wrapper.index()), wrapper.index(), null, null);
        }
        return null;
    }

    /** The number in the rest of a "Số:" line; "" when it is left blank, null when the line holds no number. */
    private static String numberFrom(String rest) {
        String n = DocumentReferenceParser.normaliseNumber(rest.replaceAll("[~*]", ""));
        if (n.isEmpty() || n.matches("^[-/]\\s*\\p{L}.*")) {
            return ""; // "Số: /KH-UBND": the number is filled in by hand when the document is signed
        }
        Matcher m = NUMBER.matcher(n);
        return m.find() ? m.group(1) : null;
    }

    /** Lines from {@code from} to {@code to}, the ones before the heading first (closest first), then the others. */
    private List<TextLine> nearest(int from, int to, int headingIndex) {
        List<TextLine> out = new ArrayList<>();
        int pivot = headingIndex < 0 ? from : headingIndex;
        for (int i = Math.min(pivot, to) - 1; i >= from; i--) {
            out.add(lines.get(i));
        }
        for (int i = Math.max(pivot, from); i < to && i < lines.size(); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- date and place

    private DateFound date(int from, int to, int headingIndex) {
        for (TextLine l : nearest(from, to, headingIndex)) {
            if (l.inDataTable() || headingIndex >= 0 && l.index() > headingIndex && l.inTable()) {
                continue;
            }
            Matcher pd = PLACE_DATE.matcher(l.folded());
            if (pd.matches()) {
                DateFound d = datePhrase(l);
                if (d != null) {
                    return new DateFound(d.date(), d.text(), l.text().substring(0, pd.end(1)).strip(), l.line());
                }
            }
            if (l.folded().matches("^ngay\\s*\\d.*") || l.folded().matches("^ngay\\s+(\\.|…|_|\\s)*thang.*")) {
                DateFound d = datePhrase(l);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** The date phrase in a line; the date is null when the day or month is left blank. */
    private static DateFound datePhrase(TextLine l) {
        Matcher m = DATE_PHRASE.matcher(l.folded());
        if (!m.find()) {
            return null;
        }
        String text = l.text().substring(m.start(), m.end()).strip();
        LocalDate date = m.group(1) == null || m.group(2) == null ? null
                : DocumentReferenceParser.date(m.group(1), m.group(2), m.group(3));
        return new DateFound(date, text, null, l.line());
    }

    // ---------------------------------------------------------------- province and issuer

    private String province(DateFound date, String title, int from, int to, int bodyStart) {
        List<String> candidates = new ArrayList<>();
        if (date != null && date.place() != null) {
            candidates.add(date.place());
        }
        candidates.add(title);
        for (int i = from; i < to; i++) {
            candidates.add(lines.get(i).text());
        }
        for (int i = bodyStart; i < Math.min(lines.size(), bodyStart + 5); i++) {
            candidates.add(lines.get(i).text());
        }
        for (String c : candidates) {
            Optional<String> p = provinces.find(c);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return null;
    }

    private String issuer(Heading heading, int regionStart, int bodyStart, TextLine attachment, Heading wrapper,
                          String province) {
        String raw = null;
        int line = 0;
        if (heading != null) {
            TextLine of = orgLine(heading.index() + 1, bodyStart, true);
            TextLine before = of != null ? null : orgLineBefore(regionStart, heading.index());
            TextLine after = of != null || before != null ? null : orgLine(heading.index() + 1, bodyStart, false);
            TextLine found = of != null ? of : before != null ? before : after;
            if (found != null) {
                raw = joinLevel(found);
                line = found.line();
            }
        }
        if (raw == null && attachment != null) {
            Matcher m = Pattern.compile("cua\\s+([^)]+)").matcher(attachment.folded());
            if (m.find()) {
                raw = attachment.text().substring(m.start(1), m.end(1));
                line = attachment.line();
            }
        }
        if (raw == null && wrapper != null) {
            int ws = bodyStart(wrapper.index());
            TextLine found = orgLine(wrapper.index() + 1, ws, false);
            if (found == null) {
                found = orgLineBefore(regionStart(wrapper.index()), wrapper.index());
            }
            if (found != null) {
                raw = joinLevel(found);
                line = found.line();
            }
        }
        if (raw == null) {
            for (int i = bodyStart; i < Math.min(lines.size(), bodyStart + 4) && raw == null; i++) {
                Matcher m = INTRO_SUBJECT.matcher(lines.get(i).folded());
                if (m.find()) {
                    raw = lines.get(i).text().substring(m.start(1), m.end(1));
                    line = lines.get(i).line();
                }
            }
        }
        String issuer = IssuerNames.normalise(raw, province, provinces);
        if (issuer == null) {
            report.warn(0, "ISSUER_MISSING", "Không xác định được cơ quan ban hành.", null);
        } else {
            report.info(line, "ISSUER", "Cơ quan ban hành: " + issuer + ".", raw);
        }
        return issuer;
    }

    /** An issuing-body line between {@code from} and {@code to}; with {@code ofOnly}, only "CỦA ..." lines. */
    private TextLine orgLine(int from, int to, boolean ofOnly) {
        for (int i = Math.max(0, from); i < to && i < lines.size(); i++) {
            TextLine l = lines.get(i);
            if (l.inTable() && ofOnly || l.inDataTable()) {
                continue;
            }
            boolean of = l.folded().startsWith("cua ");
            if ((of || !ofOnly) && IssuerNames.isOrgLine(l.folded()) && !l.inTable()) {
                return l;
            }
        }
        return null;
    }

    /** The issuing-body line of the header block before the heading (closest to the heading). */
    private TextLine orgLineBefore(int from, int headingIndex) {
        for (int i = headingIndex - 1; i >= from; i--) {
            TextLine l = lines.get(i);
            if (!l.inDataTable() && IssuerNames.isOrgLine(l.folded())) {
                // the first line of a two-line header ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN") is the one that matches
                return l;
            }
        }
        return null;
    }

    /** "ỦY BAN NHÂN DÂN" followed by "TỈNH NGHỆ AN" on the next line is one body. */
    private String joinLevel(TextLine l) {
        String text = l.text();
        if (l.index() + 1 < lines.size()) {
            TextLine next = lines.get(l.index() + 1);
            if (next.folded().matches("^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\\s+\\S.*") && next.text().length() < 60
                    && l.folded().matches("^(cua\\s+)?(uy ban nhan dan|hoi dong nhan dan|ban chap hanh dang bo|ban thuong vu)$")) {
                return text + " " + next.text();
            }
        }
        return text;
    }

    // ---------------------------------------------------------------- period and implemented document

    private static DocumentReference withClassicTones(DocumentReference r) {
        return new DocumentReference(r.type(), r.number(), r.date(), VietTones.classic(r.issuer()), r.text());
    }

    /** [start, end, vision] from the title (or the wrapper's title). */
    private static Integer[] period(String title, String wrapperTitle) {
        Integer[] out = new Integer[3];
        for (String t : new String[] {title, wrapperTitle}) {
            if (t == null || out[1] != null) {
                continue;
            }
            String f = VietText.fold(t);
            Matcher p = PERIOD.matcher(f);
            if (p.find()) {
                out[0] = Integer.valueOf(p.group(1));
                out[1] = Integer.valueOf(p.group(2));
            }
            Matcher v = VISION.matcher(f);
            if (v.find()) {
                out[2] = Integer.valueOf(v.group(1));
            }
            if (out[1] == null) {
                Matcher u = UNTIL_YEAR.matcher(f);
                while (u.find()) {
                    Integer y = Integer.valueOf(u.group(1));
                    if (!y.equals(out[2])) {
                        out[1] = y;
                        break;
                    }
                }
            }
            if (out[1] == null) {
                Matcher y = YEAR_OF.matcher(f);
                if (y.find() && !Integer.valueOf(y.group(1)).equals(out[2])) {
                    out[0] = Integer.valueOf(y.group(1));
                    out[1] = out[0];
                }
            }
        }
        return out;
    }

    private DocumentReference implementsRef(int bodyStart, String title, Heading wrapper, String ownNumber) {
        List<String> sentences = new ArrayList<>();
        for (int i = bodyStart; i < Math.min(lines.size(), bodyStart + 8); i++) {
            TextLine l = lines.get(i);
            if (i > bodyStart && OutlineLine.of(l.text(), false).kind() == OutlineLine.Kind.ROMAN) {
                break;
            }
            sentences.add(l.text());
        }
        if (title != null) {
            sentences.add(title);
        }
        if (wrapper != null) {
            int ws = bodyStart(wrapper.index());
            String wt = title(wrapper, ws);
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
            Matcher m = IMPLEMENTS.matcher(VietText.foldAligned(s));
            while (m.find()) {
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
            for (DocumentReference r : DocumentReferenceParser.find(lines.get(i).text())) {
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
