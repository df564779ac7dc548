package vn.dxgov.units;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.dxgov.shared.web.ApiException;

/** A merge refused because rows of both agencies would collide; nothing was changed. 409 with one detail per conflict. */
public class AgencyMergeRefused extends ApiException {

    private final transient List<AgencyMergeCheck.Conflict> conflicts;

    public AgencyMergeRefused(List<AgencyMergeCheck.Conflict> conflicts) {
        super(HttpStatus.CONFLICT, conflicts.stream().map(c -> c.messageKey() + " " + c.args()).toList(),
                "agency.merge.refused", conflicts.size());
        this.conflicts = List.copyOf(conflicts);
    }

    public List<AgencyMergeCheck.Conflict> conflicts() {
        return conflicts;
    }
}
