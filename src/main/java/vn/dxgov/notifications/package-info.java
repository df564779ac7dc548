/**
 * In-app notifications and e-mail reminders before and after reporting deadlines. Listens to the reporting
 * module's events; never changes reports. Public API: {@link vn.dxgov.notifications.Notifications} (in-app, with the
 * bell and the page {@code /notifications}) and {@link vn.dxgov.notifications.Reminders} (the daily job and
 * {@code POST /api/v1/reminders/run}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"plans", "reporting", "security", "shared", "units"})
package vn.dxgov.notifications;
