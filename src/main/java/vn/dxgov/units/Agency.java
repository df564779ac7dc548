package vn.dxgov.units;

import java.util.List;

/**
 * An organisation that owns work (cơ quan chủ trì / phối hợp).
 *
 * @param provinceCode official code of the province the agency belongs to; null for national bodies
 * @param needsReview  true when created by an import from a name dxgov did not know; a steering official checks it
 * @param aliases      other names it goes by ("Sở TT&TT", "STTTT")
 */
public record Agency(long id, String name, AgencyKind kind, String provinceCode, boolean needsReview, List<String> aliases) {
}
