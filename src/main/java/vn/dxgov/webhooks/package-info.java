/**
 * Webhooks: a source system that holds an API token with a webhook URL is called when something of its scope happens,
 * instead of polling. Events: a report is approved ({@link vn.dxgov.reporting.SubmissionChanged} with APPROVE: agency
 * tokens for their own agency's reports, province tokens for every report of the province) and an assessment round's
 * results are published ({@link vn.dxgov.assessment.RoundPublished}: every token of the province). Each event becomes
 * one stored delivery per token (idempotent), sent by a scheduled sender that claims deliveries with
 * {@code FOR UPDATE SKIP LOCKED} (two nodes never send one twice), signed with HMAC-SHA256 of the token's webhook
 * secret, retried with back-off and logged ({@code /api/v1/tokens/{id}/deliveries}, {@code /admin/tokens/{id}/deliveries}).
 * It has no public API of its own: the tokens are the security module's ({@link vn.dxgov.security.ApiTokens}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
        allowedDependencies = {"assessment", "reporting", "security", "shared", "units"})
package vn.dxgov.webhooks;
