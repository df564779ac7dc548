package vn.dxgov.opendata.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dxgov.opendata.Dataset;
import vn.dxgov.opendata.DatasetTable;
import vn.dxgov.opendata.OpenData;
import vn.dxgov.shared.Numbers;
import vn.dxgov.shared.VietText;
import vn.dxgov.shared.web.ApiException;
import vn.dxgov.shared.web.PageErrorAdvice;

/**
 * The catalogue's pages for people: {@code /open/data} lists the public datasets with a search by text (diacritics
 * ignored) and filters by province and kind; {@code /open/data/{id}} is a dataset's landing page with what it
 * holds, its licence, last update, the downloads (and which file to open in Excel with Vietnamese settings), its
 * columns and its first rows. Vietnamese first, English through the language switch.
 */
@Controller
class CataloguePages {

    static final int PREVIEW_ROWS = 20;
    /** Datasets per page of the list (a phone scrolls through 25 cards; the seeds have over a hundred datasets). */
    static final int PAGE_SIZE = 25;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final OpenData data;
    private final PublicUrls urls;
    private final OpenDataSettings settings;
    private final MessageSource messages;

    CataloguePages(OpenData data, PublicUrls urls, OpenDataSettings settings, MessageSource messages) {
        this.data = data;
        this.urls = urls;
        this.settings = settings;
        this.messages = messages;
    }

    /** A dataset as the list shows it, in the reader's language. */
    record Item(Dataset dataset, String title, String description, String modified, String period) {
    }

    @GetMapping("/open/data")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String province,
                @RequestParam(required = false) String kind, @RequestParam(defaultValue = "1") int page, Model m,
                Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, OpenDataFiles.CACHE); // as the files
        List<Dataset> all = data.datasets();
        Map<String, String> provinces = new TreeMap<>();
        all.stream().filter(d -> d.provinceCode() != null)
                .forEach(d -> provinces.put(d.provinceCode(), d.provinceName() == null ? d.provinceCode()
                        : d.provinceName()));
        String query = q == null ? "" : q.strip();
        List<Dataset> matched = new ArrayList<>();
        for (Dataset d : all) {
            if (!query.isEmpty() && !VietText.matches(String.join(" ", d.titleVi(), d.titleEn(), d.descriptionVi(),
                    String.join(" ", d.keywords()), d.provinceName() == null ? "" : d.provinceName()), query)) {
                continue;
            }
            if (province != null && !province.isBlank() && !(province.equals("national")
                    ? d.provinceCode() == null : province.equals(d.provinceCode()))) {
                continue;
            }
            if (kind != null && !kind.isBlank() && !d.kind().prefix().equals(kind)) {
                continue;
            }
            matched.add(d);
        }
        int pages = Math.max(1, (matched.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shownPage = Math.min(Math.max(1, page), pages);
        List<Item> shown = matched.stream().skip((long) (shownPage - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .map(d -> item(d, locale)).toList();
        List<Map.Entry<String, String>> provinceList = new ArrayList<>(provinces.entrySet());
        provinceList.sort(Comparator.comparing(Map.Entry::getValue, VietText.collator()));
        m.addAttribute("items", shown);
        m.addAttribute("matched", matched.size());
        m.addAttribute("page", shownPage);
        m.addAttribute("pages", pages);
        m.addAttribute("total", all.size());
        m.addAttribute("q", query);
        m.addAttribute("province", province == null ? "" : province);
        m.addAttribute("kind", kind == null ? "" : kind);
        m.addAttribute("provinces", provinceList);
        m.addAttribute("kinds", List.of("plan", "indicator", "round"));
        m.addAttribute("openBaseUrl", urls.base());
        return "open/data/index";
    }

    @GetMapping("/open/data/{id:(?:plan|indicator|round)-\\d{1,18}}")
    String dataset(@PathVariable String id, Model m, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, OpenDataFiles.CACHE); // as the files
        DatasetTable table = data.table(id).orElseThrow(() -> ApiException.notFound("dataset", id));
        Dataset d = table.dataset();
        boolean en = Numbers.of(locale).english();
        m.addAttribute("item", item(d, locale));
        m.addAttribute("columns", table.columns().stream().map(c -> new String[] {c.name(),
                en ? c.labelEn() : c.labelVi(), messages.getMessage("opendata.type." + c.type().name(), null,
                locale)}).toList());
        m.addAttribute("headers", table.columns().stream().map(c -> en ? c.labelEn() : c.labelVi()).toList());
        m.addAttribute("preview", table.rows().stream().limit(PREVIEW_ROWS).map(r -> cells(r, locale)).toList());
        m.addAttribute("more", Math.max(0, table.rows().size() - PREVIEW_ROWS));
        m.addAttribute("licenceName", settings.licenceName());
        m.addAttribute("licenceUrl", settings.licenceUrl());
        m.addAttribute("openBaseUrl", urls.base());
        m.addAttribute("formats", List.of("csv", "json", "xlsx"));
        return "open/data/dataset";
    }

    private Item item(Dataset d, Locale locale) {
        boolean en = Numbers.of(locale).english();
        String period = d.from() == null ? null : DAY.format(d.from()) + " – " + DAY.format(d.to());
        return new Item(d, en ? d.titleEn() : d.titleVi(), en ? d.descriptionEn() : d.descriptionVi(),
                d.modified() == null ? null : WHEN.format(d.modified()), period);
    }

    private List<String> cells(List<Object> row, Locale locale) {
        Numbers numbers = Numbers.of(locale);
        List<String> out = new ArrayList<>(row.size());
        for (Object v : row) {
            if (v == null) {
                out.add("");
            } else if (v instanceof BigDecimal d) {
                out.add(numbers.value(d));
            } else if (v instanceof Integer n) {
                out.add(Numbers.code(n));
            } else if (v instanceof Boolean b) {
                out.add(messages.getMessage(b ? "opendata.yes" : "opendata.no", null, locale));
            } else {
                out.add(v.toString());
            }
        }
        return out;
    }

    /** Failures of the catalogue's pages and files (an unknown or unpublished dataset: 404) as the error page. */
    @ControllerAdvice(assignableTypes = {CataloguePages.class, OpenDataFiles.class})
    static class Errors extends PageErrorAdvice {
        Errors(MessageSource messages) {
            super(messages);
        }
    }
}
