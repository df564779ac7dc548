package vn.dxgov.plans.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two identity lines of a Vietnamese administrative document's header: the number ("Số: 06-NQ/TU", blank when
 * filled in by hand) and the place and date ("Thanh Hóa, ngày 10 tháng 11 năm 2021"), searched nearest to the heading
 * first, then in the attachment line, then in the wrapper decision. Part of {@link HeaderParser}.
 */
final class HeaderNumberAndDate {

    /** A date line: the date (null when the day or month is blank), its text, the place before it. */
    record DateFound(LocalDate date, String text, String place, int line) {
    }

    /** A "Số:" line: the number, or blank when the number is left to be filled in ("Số: /KH-UBND"). */
    record NumberFound(String number, TextLine line, boolean fromAttachment) {

        boolean blank() {
            return number.isEmpty();
        }
    }

    /** "Số: 2825/TTr-STTTT", "Số 16 -NQ/TU", "Số: /KH-UBND" (folded). */
    private static final Pattern NUMBER_LINE = Pattern.compile("^so\\s*(?::|\\.)?\\s*(.*)$");
    /** A document number: digits, then "/" or "-" and a code. */
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,6}[a-z]?(?:/\\d{4})?[-/][\\p{L}\\d&/.-]*[\\p{L}\\d])");
    /** "Thanh Hóa, ngày 10 tháng 11 năm 2021": the place, then the date (folded). */
    private static final Pattern PLACE_DATE = Pattern.compile("^([^,\\d]{2,60}?)\\s*,\\s*(ngay(?![a-z]).*)$");
    /** "Số: 03/NQ-CP Hà Nội, ngày 09 tháng 01 năm 2025": the place and date after the number, as a PDF line has them. */
    private static final Pattern PLACE_DATE_INSIDE = Pattern.compile("\\s([a-z][^,\\d|]{1,40}?)\\s*,\\s*ngay\\s*\\d");
    /** A date phrase, possibly with blanks where the day or month is filled in by hand (folded). */
    private static final Pattern DATE_PHRASE = Pattern.compile(
            "ngay[\\s._…]*(\\d{1,2})?[\\s._…]*(?:thang|/|-|\\.)[\\s._…]*(\\d{1,2})?[\\s._…]*(?:nam|/|-|\\.)[\\s._…]*(\\d{4})");
    /** "Số: /QĐ-UBND" inside an attachment line (folded). */
    private static final Pattern NUMBER_IN_ATTACHMENT = Pattern.compile("so\\s*:?\\s*([^,;()]*)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final List<TextLine> lines;
    private final ImportReport report;

    HeaderNumberAndDate(List<TextLine> lines, ImportReport report) {
        this.lines = lines;
        this.report = report;
    }

    /** Reports the number found (or its absence) and returns it; null when missing or left blank. */
    String noteNumber(NumberFound found) {
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

    /** Reports the date found, incomplete or missing. */
    void noteDate(DateFound date) {
        if (date == null) {
            report.warn(0, "DATE_MISSING", "Không tìm thấy ngày ban hành (dòng \"..., ngày ... tháng ... năm ...\").", null);
        } else if (date.date() == null) {
            report.warn(date.line(), "DATE_INCOMPLETE",
                    "Ngày ban hành chưa đầy đủ (để trống ngày hoặc tháng); cần bổ sung khi duyệt.", date.text());
        } else {
            report.info(date.line(), "DATE", "Ngày ban hành: " + DAY.format(date.date()) + ".", date.text());
        }
    }

    /**
     * The number of the plan: the "Số:" line nearest to the heading, else the number of the decision it is attached
     * to ("Ban hành kèm theo Quyết định số ..."), else the wrapper decision's number.
     */
    NumberFound number(int from, int to, int headingIndex, TextLine attachment, HeaderParser.Wrapper wrapper) {
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
            return number(wrapper.regionStart(), wrapper.bodyStart(), wrapper.index(), null, null);
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

    /** The date line of the plan, else the date in its attachment line, else the wrapper decision's date line. */
    DateFound date(int from, int to, int headingIndex, TextLine attachment, HeaderParser.Wrapper wrapper) {
        DateFound date = date(from, to, headingIndex);
        if (date == null && attachment != null) {
            date = datePhrase(attachment);
        }
        if (date == null && wrapper != null) {
            date = date(wrapper.regionStart(), wrapper.bodyStart(), wrapper.index());
        }
        return date;
    }

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
            Matcher inside = PLACE_DATE_INSIDE.matcher(l.folded());
            if ((headingIndex < 0 || l.index() < headingIndex) && l.folded().startsWith("so") && inside.find()) {
                DateFound d = datePhrase(l);
                if (d != null) {
                    return new DateFound(d.date(), d.text(), l.text().substring(inside.start(1), inside.end(1)).strip(), l.line());
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
}
