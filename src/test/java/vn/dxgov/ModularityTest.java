package vn.dxgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules only use each other's public API, have no cycles and keep to their layer: each module's
 * {@code package-info.java} lists the modules it may depend on ({@code allowedDependencies}), so a new arrow against
 * the layering fails here. The README's architecture table says the same in words; {@code docs/modules/} has the
 * diagrams, written by {@link #writesModuleDocumentation()}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(DxgovApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** A module that declares no allowed dependencies may depend on anything: each one states its layer. */
    @Test
    void everyModuleDeclaresTheModulesItMayDependOn() throws ClassNotFoundException {
        List<String> undeclared = new ArrayList<>();
        for (var module : MODULES) {
            String base = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(base + ".package-info").getAnnotation(ApplicationModule.class);
            if (declared == null || List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
                undeclared.add(base);
            }
        }
        assertThat(undeclared).as("modules without allowedDependencies in their package-info").isEmpty();
        assertThat(MODULES.stream().count()).isEqualTo(21);
    }

    /**
     * The module diagrams (C4 in PlantUML: all modules in {@code components.puml}, each with its neighbours in
     * {@code module-*.puml}) and the module canvases, written to {@code docs/modules/} and committed with the code.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.toList()) {
                if (file.toString().endsWith(".puml")) {
                    sortRelations(file);
                } else if (file.toString().endsWith(".adoc")) {
                    sortBullets(file);
                }
            }
        }
        assertThat(DOCS.resolve("components.puml")).content().contains("\"Portal\"");
    }

    static final Path DOCS = Path.of("docs/modules");

    /**
     * The canvases list a module's events and beans in no fixed order either: each list of a table cell ({@code |* `…`}
     * then {@code * `…`}) is sorted by its items, an item keeping its continuation lines ({@code +} and the paragraph
     * after it), the cell's {@code |} kept on the first line.
     */
    static void sortBullets(Path adoc) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>(Arrays.asList(Files.readString(adoc).split("\n", -1)));
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean cell = line.startsWith("|* ");
            if (!cell && !line.startsWith("* ")) {
                out.add(line);
                i++;
                continue;
            }
            // the list: items from here to a line that starts a cell or a table, or a blank one
            java.util.List<java.util.List<String>> items = new java.util.ArrayList<>();
            while (i < lines.size()) {
                String l = items.isEmpty() && cell ? lines.get(i).substring(1) : lines.get(i);
                if (l.startsWith("* ")) {
                    items.add(new java.util.ArrayList<>(java.util.List.of(l)));
                } else if (!items.isEmpty() && !l.isBlank() && !l.startsWith("|")) {
                    items.get(items.size() - 1).add(l);
                } else {
                    break;
                }
                i++;
            }
            items.sort(java.util.Comparator.comparing(item -> item.get(0)));
            boolean first = true;
            for (java.util.List<String> item : items) {
                for (String l : item) {
                    out.add(first && cell ? "|" + l : l);
                    first = false;
                }
            }
        }
        Files.writeString(adoc, String.join("\n", out));
    }

    /**
     * The Documenter writes a diagram's relations in no fixed order; sorted, the committed files change only when
     * the modules do.
     */
    static void sortRelations(Path puml) throws IOException {
        String[] lines = Files.readString(puml).split("\n", -1);
        Iterator<String> sorted = Arrays.stream(lines).filter(l -> l.startsWith("Rel(")).sorted().iterator();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Rel(")) {
                lines[i] = sorted.next();
            }
        }
        Files.writeString(puml, String.join("\n", lines));
    }
}
