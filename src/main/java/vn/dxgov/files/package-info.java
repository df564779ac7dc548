/** Evidence files (minh chứng) attached to data values, task progress and reports. Public API: {@link vn.dxgov.files.Attachments}. */
@org.springframework.modulith.ApplicationModule(displayName = "Files",
        allowedDependencies = {"security", "shared"})
package vn.dxgov.files;
