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
     * The canvases list a module's events and beans in no fixed order either: each run of one-line bullets of a table
     * cell ({@code |* `…`} then {@code * `…`}) is sorted, the cell's {@code |} kept on its first line.
     */
    static void sortBullets(Path adoc) throws IOException {
        String[] lines = Files.readString(adoc).split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            boolean cell = lines[i].startsWith("|* ");
            if (!cell && !lines[i].startsWith("* ")) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.length && lines[end].startsWith("* ")) {
                end++;
            }
            java.util.List<String> run = new java.util.ArrayList<>();
            for (int k = i; k < end; k++) {
                run.add(k == i && cell ? lines[k].substring(1) : lines[k]);
            }
            java.util.Collections.sort(run);
            for (int k = i; k < end; k++) {
                lines[k] = (k == i && cell ? "|" : "") + run.get(k - i);
            }
            i = end;
        }
        Files.writeString(adoc, String.join("\n", lines));
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
