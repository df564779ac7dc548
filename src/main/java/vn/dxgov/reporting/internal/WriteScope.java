package vn.dxgov.reporting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.dxgov.indicators.DataValueInput;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.AdminUnit;
import vn.dxgov.units.AdminUnits;
import vn.dxgov.units.AgencyDirectory;
import vn.dxgov.units.UnitLevel;

/**
 * Where a batch write may reach, before {@link AgencyValueWrites} decides line by line: the indicators of the caller's
 * API token ({@link Access#requireIndicatorAllowed}, item by item) and the units of the caller's province. Both refuse
 * with 403 and one detail per item, nothing written.
 */
@Component
class WriteScope {

    private final AdminUnits units;
    private final AgencyDirectory agencies;

    WriteScope(AdminUnits units, AgencyDirectory agencies) {
        this.units = units;
        this.agencies = agencies;
    }

    void require(List<DataValueInput> inputs, int[] numbering) {
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                Access.requireIndicatorAllowed(inputs.get(i).indicatorId(), numbering[i]);
            } catch (ApiException e) {
                outside.addAll(e.details());
            }
        }
        if (!outside.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, outside, "dataValue.indicatorNotInScope", outside.size());
        }
        requireUnitsOfOwnProvince(inputs, numbering);
    }

    /**
     * An EDITOR writes only the figures of units in the province of their agency (a national body anywhere); the
     * steering department only those of its own province (a national one anywhere).
     */
    private void requireUnitsOfOwnProvince(List<DataValueInput> inputs, int[] numbering) {
        String province = CurrentUser.steering() ? CurrentUser.provinceCode().orElse(null)
                : Access.editorAgency().flatMap(agencies::find).map(a -> a.provinceCode()).orElse(null);
        if (province == null) {
            return;
        }
        Map<Long, String> provinceOf = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long unitId = inputs.get(i).unitId();
            String p = provinceOf.computeIfAbsent(unitId, this::provinceCode);
            if (!province.equals(p)) {
                refused.add("#" + numbering[i] + ": đơn vị #" + unitId + " không thuộc tỉnh của cơ quan bạn / not in your agency's province");
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, refused, "dataValue.otherProvince");
        }
    }

    private String provinceCode(long unitId) {
        Optional<AdminUnit> u = units.find(unitId);
        for (int depth = 0; u.isPresent() && depth < 5; depth++) {
            if (u.get().level() == UnitLevel.PROVINCE) {
                return u.get().code();
            }
            u = u.get().parentId() == null ? Optional.empty() : units.find(u.get().parentId());
        }
        return "";
    }
}
