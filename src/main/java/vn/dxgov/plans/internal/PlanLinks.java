package vn.dxgov.plans.internal;

import java.util.Objects;
import vn.dxgov.plans.Plan;
import vn.dxgov.plans.PlanReference;
import vn.dxgov.shared.VietText;

/**
 * Decides whether a citation ("Nghị quyết số 06-NQ/TU ngày 10/11/2021 của Ban Thường vụ Tỉnh ủy") names a plan in
 * dxgov. Document numbers repeat across provinces (every provincial Party committee has its own 06-NQ/TU), so the
 * province must agree; a plan whose text shows no number is recognised by type, date and issuer.
 */
final class PlanLinks {

    private PlanLinks() {
    }

    static boolean cites(PlanReference ref, String citingProvinceCode, Plan candidate) {
        if (ref == null) {
            return false;
        }
        if (citingProvinceCode != null && candidate.provinceCode() != null
                && !citingProvinceCode.equals(candidate.provinceCode())) {
            return false;
        }
        if (ref.number() == null && ref.date() == null) {
            // "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW" names the programme without
            // its number: the plan implements, through it, the resolution the citation does number
            return citedThrough(ref.text(), candidate);
        }
        if (ref.type() != null && ref.type() != candidate.type()) {
            return false;
        }
        if (ref.number() != null && candidate.number() != null) {
            return normaliseNumber(ref.number()).equals(normaliseNumber(candidate.number()))
                    && (ref.date() == null || candidate.issuedOn() == null || ref.date().equals(candidate.issuedOn()));
        }
        return ref.date() != null && Objects.equals(ref.date(), candidate.issuedOn())
                && issuerAgrees(ref.issuer(), candidate.issuer());
    }

    /** Whether an unnumbered citation's words name the candidate's number ("... thực hiện Nghị quyết số 57-NQ/TW"). */
    static boolean citedThrough(String citation, Plan candidate) {
        if (citation == null || candidate.number() == null || candidate.number().isBlank()) {
            return false;
        }
        String words = VietText.fold(citation).replace('–', '-').replaceAll("\\s*([-/])\\s*", "$1");
        String number = normaliseNumber(candidate.number());
        int at = words.indexOf(number);
        while (at >= 0) {
            boolean startsClean = at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1));
            int end = at + number.length();
            boolean endsClean = end == words.length() || !Character.isLetterOrDigit(words.charAt(end));
            if (startsClean && endsClean) {
                return true;
            }
            at = words.indexOf(number, at + 1);
        }
        return false;
    }

    /** "16 -NQ/TU" and "16-NQ/TU" are one number. */
    static String normaliseNumber(String number) {
        return VietText.fold(number).replace(" ", "").replace("–", "-");
    }

    private static boolean issuerAgrees(String cited, String actual) {
        if (cited == null || actual == null) {
            return true;
        }
        String a = VietText.fold(cited).replace("uy ban nhan dan", "ubnd");
        String b = VietText.fold(actual).replace("uy ban nhan dan", "ubnd");
        return a.contains(b) || b.contains(a);
    }
}
