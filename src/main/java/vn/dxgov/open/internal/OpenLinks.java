package vn.dxgov.open.internal;

import java.util.Optional;
import vn.dxgov.open.internal.OpenProvinces.Province;
import vn.dxgov.plans.Plan;
import vn.dxgov.targets.Target;

/**
 * The portal's addresses, one place: {@code /open/{province}}, {@code /open/{province}/plans/{id}-{slug}},
 * {@code /open/{province}/targets/{id}-{slug}}, and the open-data catalogue's downloads it links to (dataset ids
 * {@code plan-{id}}, {@code indicator-{id}}, {@code round-{id}}; files {@code /open/data/{dataset}.csv|.json|.xlsx}).
 * The id makes an address stable; the words after it make it readable and may change with the title (an address
 * with other words redirects to the right one).
 */
final class OpenLinks {

    private OpenLinks() {
    }

    static String province(Province p) {
        return "/open/" + p.slug();
    }

    static String plan(Province p, Plan plan) {
        return province(p) + "/plans/" + plan.id() + "-" + OpenReader.slug(plan.title());
    }

    static String target(Province p, Target t) {
        return province(p) + "/targets/" + t.id() + "-" + OpenReader.slug(t.text());
    }

    static String assessment(Province p) {
        return province(p) + "/assessment";
    }

    static String agencies(Province p) {
        return province(p) + "/agencies";
    }

    /** A permanent redirect (301) to a portal address: the view name, with the status set on the request. */
    static String moved(jakarta.servlet.http.HttpServletRequest request, String to) {
        request.setAttribute(org.springframework.web.servlet.View.RESPONSE_STATUS_ATTRIBUTE,
                org.springframework.http.HttpStatus.MOVED_PERMANENTLY);
        return "redirect:" + to;
    }

    static String dataset(String id) {
        return "/open/data/" + id;
    }

    /** The id at the start of an address piece ("12-ke-hoach-..." → 12); empty when it does not start with one. */
    static Optional<Long> id(String ref) {
        int end = 0;
        while (end < ref.length() && end < 18 && Character.isDigit(ref.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < ref.length() && ref.charAt(end) != '-')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref.substring(0, end)));
    }
}
