/**
 * In-app notifications and e-mail reminders before and after reporting deadlines. Listens to the reporting
 * module's events; never changes reports. Public API: {@link vn.dxgov.notifications.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.dxgov.notifications;
