/**
 * Plan import, the pure part: reading an uploaded document and recognising the plan in it. No database, no Spring.
 *
 * <ol>
 *   <li>{@link vn.dxgov.plans.importing.DocumentReader} turns bytes (.txt, .md, .docx, .pdf, old Word .doc through
 *       {@code DocDocumentReader}, OpenDocument .odt through {@code OdtDocumentReader}; the Word-like readers share
 *       {@code WordBlocks} so that they give the same blocks) into a
 *       {@link vn.dxgov.plans.importing.DocumentText} of paragraph lines and table rows, or rejects the file with a
 *       {@link vn.dxgov.plans.importing.DocumentRejectedException} (empty, binary, not UTF-8, a spreadsheet, a
 *       damaged file, a password-protected PDF, a scan without Tesseract) whose message says what to do. A PDF is read by
 *       {@code PdfDocumentReader}: words with their positions (text layer, or Tesseract OCR of a scanned page), then
 *       one layout for both ({@code PdfPageLayout}: tables from ruling lines or aligned columns; {@code PdfAssembler}:
 *       paragraphs, page numbers, tables over pages), so a PDF gives the blocks the .docx of the same document gives.</li>
 *   <li>{@link vn.dxgov.plans.importing.PlanDocumentParser} reads a {@code DocumentText} into a
 *       {@link vn.dxgov.plans.importing.ParsedPlan}: type, number, issuer, date, province, period, the document it
 *       implements, targets (goal sections, general-goal rankings, appendix target tables), tasks (task tables),
 *       reporting duties and an import report; a document that is clearly not a plan raises
 *       {@link vn.dxgov.plans.importing.NotAPlanException}.</li>
 * </ol>
 *
 * The parser follows the structure of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP): header block,
 * type heading, outline labels (I., 1., 1.1., a), -, +), tables recognised by their column headers. Matching is done
 * on folded text ({@link vn.dxgov.shared.VietText#foldAligned}: lower case, no diacritics, đ as d, positions kept), so
 * OCR and tone-placement variants read the same.
 */
package vn.dxgov.plans.importing;
