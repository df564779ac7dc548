package vn.dxgov.assessment.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dxgov.assessment.CriteriaSet;
import vn.dxgov.assessment.CriteriaSetDocument;
import vn.dxgov.assessment.CriteriaSetDocument.Classification;
import vn.dxgov.assessment.CriteriaSetDocument.Node;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.units.UnitLevel;

/**
 * Criteria set pages: the list with import, one set as a tree, and the editor (steering department): the same table
 * as the .xlsx template (one row per group or criterion, "Thuộc nhóm" naming the parent), validated by the same
 * path as the importers, so errors name the row and column and nothing is saved on error.
 */
@Controller
class CriteriaSetPages implements AssessmentUi {

    /** A row of the editor, one node with its depth for display. */
    /**
     * A row of the editor: points as text, what was typed when the form comes back with a problem, else the stored
     * points written with all their decimals in the grammar of the person's language.
     */
    record EditorRow(String code, String parent, String name, String maxPoints, boolean mandatory,
                     String passPoints, String rule, String steps, String indicator, boolean lower, String note,
                     int depth, boolean group) {
    }

    static final int BLANK_ROWS = 3;

    private final CriteriaSetService sets;
    private final MessageSource messages;
    private final RoundPages roundPages;

    CriteriaSetPages(CriteriaSetService sets, MessageSource messages, RoundPages roundPages) {
        this.sets = sets;
        this.roundPages = roundPages;
        this.messages = messages;
    }

    @GetMapping("/assessment")
    String index(Model m) {
        m.addAttribute("sets", sets.list());
        m.addAttribute("rounds", roundPages.visibleRounds());
        m.addAttribute("steering", AssessmentAccess.steering());
        return "assessment/index";
    }

    @GetMapping("/assessment/sets/{id}")
    String set(@PathVariable long id, Model m) {
        CriteriaSet s = sets.require(id);
        m.addAttribute("set", s);
        m.addAttribute("rows", rows(s.document()));
        m.addAttribute("steering", AssessmentAccess.steering());
        return "assessment/set";
    }

    /** Downloads for people logged in through the form (the API takes HTTP Basic only). */
    @GetMapping("/assessment/sets/{id}/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        CriteriaSet s = sets.require(id);
        return CriteriaSetApiController.file(sets.exportXlsx(id), s.code() + "-" + s.year() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/assessment/sets/{id}/export.json")
    org.springframework.http.ResponseEntity<byte[]> json(@PathVariable long id) {
        CriteriaSet s = sets.require(id);
        return CriteriaSetApiController.file(sets.exportJson(id), s.code() + "-" + s.year() + ".json", "application/json");
    }

    @PostMapping("/assessment/sets/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean replace, Model m, RedirectAttributes redirect,
                      HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            // issue 14: no file is a message on the page, not an error page
            m.addAttribute("importError", msg(request, "forms2.sets.noFile"));
            m.addAttribute("importDetails", List.of());
            response.setStatus(422);
            return index(m);
        }
        try {
            CriteriaSet s = sets.importFile(file.getOriginalFilename(), file.getBytes(), replace);
            redirect.addFlashAttribute("notice", msg(request, "assessment.set.imported", s.code(), s.year()));
            return "redirect:/assessment/sets/" + s.id();
        } catch (ApiException e) {
            m.addAttribute("importError", msg(request, e.messageKey(), e.args()));
            m.addAttribute("importDetails", vn.dxgov.shared.web.FormErrors.inLanguage(e.details(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            response.setStatus(422);
            return index(m);
        }
    }

    @PostMapping("/assessment/sets/{id}/copy")
    String copy(@PathVariable long id, @RequestParam(required = false) String year, Model m,
                RedirectAttributes redirect, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        AssessmentAccess.requireSteering();
        // issue 14: a year that is not a number, or a copy that is refused, comes back on the set's page with the
        // year as typed and the reason next to it
        Integer y = null;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            // stays null
        }
        String problem = null;
        if (y == null) {
            problem = msg(request, "forms2.sets.copyYear", year == null ? "" : year);
        } else {
            try {
                CriteriaSet s = sets.copy(id, y);
                redirect.addFlashAttribute("notice", msg(request, "assessment.set.saved"));
                return "redirect:/assessment/sets/" + s.id();
            } catch (ApiException e) {
                if (e.status().value() == 404 || e.status().value() == 403) {
                    throw e;
                }
                problem = msg(request, e.messageKey(), e.args());
                List<String> lines = vn.dxgov.shared.web.FormErrors.inLanguage(e.details(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale());
                if (!lines.isEmpty()) {
                    problem = problem + " " + String.join("; ", lines);
                }
            }
        }
        m.addAttribute("copyYear", year);
        m.addAttribute("copyError", problem);
        response.setStatus(422);
        return set(id, m);
    }

    @PostMapping("/assessment/sets/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, HttpServletRequest request) {
        sets.delete(id);
        redirect.addFlashAttribute("notice", msg(request, "assessment.set.deleted"));
        return "redirect:/assessment";
    }

    @GetMapping("/assessment/sets/new")
    String create(Model m) {
        AssessmentAccess.requireSteering();
        CriteriaSetDocument blank = new CriteriaSetDocument("", java.time.Year.now().getValue(), "", UnitLevel.COMMUNE,
                null, false, null, List.of(), List.of());
        return editor(m, null, blank, rows(blank), List.of());
    }

    @GetMapping("/assessment/sets/{id}/edit")
    String edit(@PathVariable long id, Model m) {
        AssessmentAccess.requireSteering();
        CriteriaSet s = sets.require(id);
        return editor(m, s, s.document(), rows(s.document()), List.of());
    }

    @PostMapping({"/assessment/sets/{id}/edit", "/assessment/sets/new"})
    String save(@PathVariable(required = false) Long id, HttpServletRequest request, Model m,
                RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        AssessmentAccess.requireSteering();
        CriteriaSet existing = id == null ? null : sets.require(id);
        String sheet = msg(request, "assessment.editor.table");
        Numbers grammar = Numbers.current();
        List<String> errors = new ArrayList<>();
        List<CriteriaFiles.FlatRow> flat = new ArrayList<>();
        List<EditorRow> echo = new ArrayList<>();
        readRows(request, sheet, grammar, errors, flat, echo);
        List<Classification> levels = new ArrayList<>();
        List<String> levelMinTyped = new ArrayList<>();
        readLevels(request, grammar, errors, levels, levelMinTyped);
        CriteriaSetDocument doc = readSet(request, grammar, errors, levels);
        try {
            CriteriaSetDocument built = CriteriaFiles.build(doc.code(), doc.year(), doc.name(), doc.level(),
                    doc.description(), doc.example(), doc.maxPoints(), flat, levels, sheet, Map.of(), List.of(), errors);
            CriteriaSet saved = existing == null ? sets.create(built) : sets.update(existing.id(), built);
            redirect.addFlashAttribute("notice", msg(request, "assessment.set.saved"));
            return "redirect:/assessment/sets/" + saved.id();
        } catch (ApiException e) {
            m.addAttribute("error", msg(request, e.messageKey(), e.args()));
            // the form again with what was typed: a number that was refused stays as written, next to its message
            m.addAttribute("entered", request.getParameterMap());
            m.addAttribute("levelMinTyped", levelMinTyped);
            // 422 like every other form that comes back with problems; each problem line in the reader's language
            response.setStatus(422);
            return editor(m, existing, doc, echo,
                    vn.dxgov.shared.web.FormErrors.inLanguage(e.details(),
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
    }

    /** The table's rows: each into {@code flat} (read) and {@code echo} (as typed, for the form again). */
    private static void readRows(HttpServletRequest request, String sheet, Numbers grammar, List<String> errors,
                                 List<CriteriaFiles.FlatRow> flat, List<EditorRow> echo) {
        String[] codes = values(request, "code");
        for (int i = 0; i < codes.length; i++) {
            String at = sheet + ", dòng " + (i + 1) + ", cột ";
            String code = blank(codes[i]);
            String name = blank(value(request, "name", i));
            String maxText = blank(value(request, "maxPoints", i));
            String ruleText = blank(value(request, "rule", i));
            if (code == null && name == null && maxText == null && ruleText == null) {
                continue;
            }
            boolean mandatory = "true".equals(value(request, "mandatory", i));
            boolean lower = "true".equals(value(request, "lower", i));
            BigDecimal max = CriteriaValues.parseNumber(maxText, at + "Điểm tối đa", errors, grammar);
            String passText = blank(value(request, "passPoints", i));
            BigDecimal pass = CriteriaValues.parseNumber(passText, at + "Điểm đạt", errors, grammar);
            String stepsText = blank(value(request, "steps", i));
            flat.add(new CriteriaFiles.FlatRow(i + 1, code, blank(value(request, "parent", i)), name, max,
                    mandatory ? Boolean.TRUE : null, pass, CriteriaValues.rule(ruleText, at + "Quy tắc", errors),
                    CriteriaValues.steps(stepsText, at + "Bậc điểm", errors, grammar), blank(value(request, "indicator", i)),
                    lower ? Boolean.TRUE : null, blank(value(request, "note", i))));
            echo.add(new EditorRow(code, blank(value(request, "parent", i)), name, maxText, mandatory, passText, ruleText,
                    stepsText, blank(value(request, "indicator", i)), lower, blank(value(request, "note", i)), 0, false));
        }
    }

    /** The classification levels, and each level's minimum as typed. */
    private static void readLevels(HttpServletRequest request, Numbers grammar, List<String> errors,
                                   List<Classification> levels, List<String> levelMinTyped) {
        String[] levelCodes = values(request, "levelCode");
        for (int i = 0; i < levelCodes.length; i++) {
            String code = blank(levelCodes[i]);
            String name = blank(value(request, "levelName", i));
            if (code == null && name == null) {
                continue;
            }
            levelMinTyped.add(blank(value(request, "levelMin", i)));
            levels.add(new Classification(code, name, CriteriaValues.parseNumber(blank(value(request, "levelMin", i)),
                    CriteriaFiles.LEVELS + ", dòng " + (i + 1) + ", cột Điểm tối thiểu", errors, grammar),
                    "true".equals(value(request, "levelMandatory", i))));
        }
    }

    /** The set's own fields (code, year, name, level, description, example, total) with its levels, no nodes yet. */
    private CriteriaSetDocument readSet(HttpServletRequest request, Numbers grammar, List<String> errors,
                                        List<Classification> levels) {
        Integer year = null;
        BigDecimal y = CriteriaValues.parseNumber(blank(request.getParameter("year")), msg(request, "assessment.field.year"),
                errors, grammar);
        if (y != null) {
            year = y.intValue();
        }
        UnitLevel level = null;
        try {
            level = UnitLevel.valueOf(request.getParameter("level"));
        } catch (RuntimeException e) {
            errors.add(msg(request, "assessment.field.level") + ": ?");
        }
        BigDecimal total = CriteriaValues.parseNumber(blank(request.getParameter("setMaxPoints")),
                msg(request, "assessment.field.maxPoints"), errors, grammar);
        return new CriteriaSetDocument(blank(request.getParameter("setCode")), year,
                blank(request.getParameter("setName")), level, blank(request.getParameter("description")),
                "true".equals(request.getParameter("example")), total, levels, List.of());
    }

    private String editor(Model m, CriteriaSet existing, CriteriaSetDocument doc, List<EditorRow> rows,
                          List<String> errors) {
        List<EditorRow> all = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new EditorRow(null, null, null, null, false, null, null, null, null, false, null, 0, false));
        }
        List<Classification> levels = new ArrayList<>(doc.classificationList());
        for (int i = 0; i < 2; i++) {
            levels.add(new Classification(null, null, null, false));
        }
        m.addAttribute("set", existing);
        m.addAttribute("doc", doc);
        m.addAttribute("rows", all);
        m.addAttribute("levels", levels);
        m.addAttribute("errors", errors);
        m.addAttribute("ruleTypes", vn.dxgov.assessment.RuleType.values());
        m.addAttribute("unitLevels", UnitLevel.values());
        return "assessment/editor";
    }

    static List<EditorRow> rows(CriteriaSetDocument d) {
        List<EditorRow> out = new ArrayList<>();
        add(d.topNodes(), null, 0, out);
        return out;
    }

    private static void add(List<Node> nodes, String parent, int depth, List<EditorRow> out) {
        for (Node n : nodes) {
            Numbers grammar = Numbers.current();
            out.add(new EditorRow(n.code(), parent, n.name(), grammar.exact(n.maxPoints()), n.isMandatory(),
                    grammar.exact(n.passPoints()),
                    n.rule() == null ? null : n.rule().type().name(),
                    n.rule() == null ? null : CriteriaValues.stepsText(n.rule().stepList(), Numbers.current()),
                    n.rule() == null ? null : n.rule().indicator(), n.rule() != null && n.rule().lower(), n.note(),
                    depth, n.group()));
            add(n.kids(), n.code(), depth + 1, out);
        }
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new String[0] : v;
    }

    private static String value(HttpServletRequest request, String name, int i) {
        String[] v = values(request, name);
        return i < v.length ? v[i] : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String msg(HttpServletRequest request, String key, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        return messages.getMessage(key, args, key, locale);
    }
}
