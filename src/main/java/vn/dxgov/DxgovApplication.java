package vn.dxgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * dxgov: runs a province's digital-transformation (chuyển đổi số) programme.
 * A modular monolith; each direct sub-package is a feature module (see docs/GLOSSARY.md and README).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class DxgovApplication {

    public static void main(String[] args) {
        if (vn.dxgov.shared.db.BackupTool.wanted(args)) {
            // backup FILE / restore FILE: the database only, without starting the application
            System.exit(vn.dxgov.shared.db.BackupTool.run(args));
        }
        SpringApplication.run(DxgovApplication.class, args);
    }
}
