package vn.dxgov.units.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.UnitLink;
import vn.dxgov.units.UnitsChanged;

/**
 * The shares of a unit split among several successors (PARTIAL links): the part of each summable value of the old
 * unit (counts, numerators, denominators) that goes to each new unit. They start as an even split; an administrator
 * or the steering department sets them from a better basis, e.g. the population that went to each new unit. The
 * shares of one old unit are set together and add up to 1, so nothing is lost or counted twice. Audited as
 * {@code unit.shares}; publishes {@link UnitsChanged} so that the analytics forget the links they cached.
 */
@Component
public class UnitShares {

    /** Tolerance of the sum of the shares (six decimals each). */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.0001");

    private final JdbcClient jdbc;
    private final AdminUnits units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    UnitShares(JdbcClient jdbc, AdminUnits units, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Sets the shares of an old unit's partial successors.
     *
     * @param fractions successor id to share, for every partial successor; each in (0, 1], together 1
     * @param basis     where the shares come from ("dân số 1/4/2024"); required
     * @return the unit's successor links after the change
     */
    @Transactional
    public List<UnitLink> set(long predecessorId, Map<Long, BigDecimal> fractions, String basis) {
        AdminUnit unit = units.find(predecessorId).orElseThrow(() -> ApiException.notFound("unit", predecessorId));
        List<UnitLink> partial = partials(predecessorId);
        List<String> problems = new ArrayList<>();
        if (partial.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, List.of(unit.name() + " không được chia cho nhiều đơn vị "
                    + "(không có liên kết một phần) / is not split among several units"), "error.validation");
        }
        if (basis == null || basis.isBlank()) {
            problems.add("basis: cần ghi căn cứ chia (ví dụ \"dân số 2024\") / the basis of the shares is required");
        }
        Map<Long, BigDecimal> given = fractions == null ? Map.of() : fractions;
        BigDecimal sum = BigDecimal.ZERO;
        for (UnitLink l : partial) {
            BigDecimal f = given.get(l.successor().id());
            if (f == null) {
                problems.add(l.successor().name() + " (" + l.successor().code() + "): thiếu tỷ lệ / share missing");
            } else if (f.signum() <= 0 || f.compareTo(BigDecimal.ONE) > 0) {
                problems.add(l.successor().name() + " (" + l.successor().code() + "): tỷ lệ " + Numbers.VI.value(f)
                        + " phải lớn hơn 0 và không quá 1 / the share " + Numbers.EN.value(f) + " must be in (0, 1]");
            } else {
                sum = sum.add(f);
            }
        }
        for (Long id : given.keySet()) {
            if (partial.stream().noneMatch(l -> l.successor().id() == id)) {
                problems.add("đơn vị " + id + " không phải đơn vị kế thừa một phần của " + unit.name()
                        + " / is not a partial successor of this unit");
            }
        }
        if (problems.isEmpty() && sum.subtract(BigDecimal.ONE).abs().compareTo(TOLERANCE) > 0) {
            // the message has both languages: each half writes the number its own way
            problems.add("tổng các tỷ lệ là " + Numbers.VI.value(sum)
                    + ", phải bằng 1 / the shares add up to " + Numbers.EN.value(sum) + ", not 1");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "error.validation");
        }
        Map<String, BigDecimal> before = view(partial);
        for (UnitLink l : partial) {
            jdbc.sql("""
                            update admin_unit_successor set share_fraction = ?, share_basis = ?, share_updated_by = ?,
                                   share_updated_at = now()
                            where predecessor_id = ? and successor_id = ?""")
                    .param(given.get(l.successor().id()).setScale(6, RoundingMode.HALF_EVEN)).param(basis.trim())
                    .param(CurrentUser.username().orElse(null)).param(predecessorId).param(l.successor().id()).update();
        }
        List<UnitLink> after = partials(predecessorId);
        audit.record("unit.shares", "admin_unit", predecessorId, Map.of("shares", before),
                Map.of("shares", view(after), "basis", basis.trim()));
        events.publishEvent(new UnitsChanged("shares"));
        return units.successors(predecessorId);
    }

    /** Back to the even split among the unit's partial successors. */
    @Transactional
    public List<UnitLink> even(long predecessorId) {
        units.find(predecessorId).orElseThrow(() -> ApiException.notFound("unit", predecessorId));
        List<UnitLink> partial = partials(predecessorId);
        if (partial.isEmpty()) {
            return units.successors(predecessorId);
        }
        Map<String, BigDecimal> before = view(partial);
        BigDecimal even = BigDecimal.ONE.divide(BigDecimal.valueOf(partial.size()), 6, RoundingMode.HALF_EVEN);
        jdbc.sql("""
                        update admin_unit_successor set share_fraction = ?, share_basis = null, share_updated_by = ?,
                               share_updated_at = now()
                        where predecessor_id = ? and share_kind = 'PARTIAL'""")
                .param(even).param(CurrentUser.username().orElse(null)).param(predecessorId).update();
        audit.record("unit.shares", "admin_unit", predecessorId, Map.of("shares", before),
                Map.of("shares", view(partials(predecessorId)), "basis", "chia đều / even"));
        events.publishEvent(new UnitsChanged("shares"));
        return units.successors(predecessorId);
    }

    private List<UnitLink> partials(long predecessorId) {
        return units.successors(predecessorId).stream().filter(l -> l.share() == UnitLink.Share.PARTIAL).toList();
    }

    private static Map<String, BigDecimal> view(List<UnitLink> links) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        links.forEach(l -> m.put(l.successor().code(), l.fraction()));
        return m;
    }
}
