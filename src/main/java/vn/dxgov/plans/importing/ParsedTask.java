package vn.dxgov.plans.importing;

import vn.dxgov.shared.Pillar;
import vn.dxgov.tasks.Recurrence;

/**
 * A task (nhiệm vụ, dự án) read from a task table.
 *
 * @param code          the Roman numeral of the section joined with the row number by dots ("IV.2.1")
 * @param section       the section's Roman numeral ("IV"), or the top-level number when the table has none
 * @param groupTitle    the title of the nearest group row above (a row without lead agency)
 * @param leadText      the lead agency cell as written; several agencies stay separated by ";" or ","
 * @param timeFrameText the time-frame cell as written ("2022-2025", "Hàng năm")
 * @param scope         the "quy mô, nội dung" cell
 * @param legalBasis    the note cell when it cites a document
 */
public record ParsedTask(int line, String code, String section, String sectionTitle, String groupTitle, String title,
                         String leadText, String cooperatingText, String timeFrameText, Integer startYear,
                         Integer endYear, Recurrence recurrence, String scope, String legalBasis, Pillar pillar) {
}
