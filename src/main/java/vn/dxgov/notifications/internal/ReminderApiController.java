package vn.dxgov.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.notifications.Reminders;

/** Runs the reminders on demand (the steering department, administrators). */
@RestController
@RequestMapping("/api/v1/reminders")
@Tag(name = "Reminders", description = "E-mail and in-app reminders before and after reporting deadlines")
class ReminderApiController {

    private final Reminders reminders;
    private final ZoneId zone;

    ReminderApiController(Reminders reminders, @Value("${dxgov.reminders.zone:Asia/Ho_Chi_Minh}") String zone) {
        this.reminders = reminders;
        this.zone = ZoneId.of(zone);
    }

    @PostMapping("/run")
    @PreAuthorize("hasAnyRole('ADMIN','STEERING')")
    @Operation(summary = "Send the reminders due on a day now",
            description = "Idempotent: a reminder already sent (same period, agency, kind and offset) is not sent again.")
    Reminders.Run run(@Parameter(description = "the day to run for, yyyy-MM-dd; default today (Asia/Ho_Chi_Minh)")
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (!vn.dxgov.security.CurrentUser.national()) {
            // the job reminds every province's agencies: the installation's (national) steering or administrator runs it
            throw new vn.dxgov.shared.web.ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return reminders.runReminders(date == null ? LocalDate.now(zone) : date);
    }
}
