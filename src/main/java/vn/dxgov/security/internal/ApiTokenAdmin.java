package vn.dxgov.security.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import vn.dxgov.security.ApiTokens;
import vn.dxgov.security.AuditLog;
import vn.dxgov.security.CurrentUser;
import vn.dxgov.security.UserAgencies;
import vn.dxgov.shared.OutboundUrl;
import vn.dxgov.shared.web.ApiException;

/**
 * API tokens as administrators make, list and revoke them. An administrator of a province makes tokens for its
 * province or its agencies only (403 otherwise) and sees only those; the super-administrator any. A token is shown
 * once, when it is made, with its webhook secret; afterwards only its hash is kept (and the webhook secret encrypted).
 */
@Service
class ApiTokenAdmin implements ApiTokens {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_INDICATORS = 500;

    /**
     * A token to make, as the form or the API sends it. {@code agencyId}: an agency's token (its province follows);
     * else {@code provinceCode} (default: the administrator's). {@code expiresAt}: the last day it works, at most two
     * years ahead (default one year).
     */
    record NewToken(
            @NotBlank(message = "{tokens.error.name}") @Size(max = 80, message = "{tokens.error.name}") String name,
            @Pattern(regexp = "[0-9A-Za-z]{1,16}", message = "{tokens.error.province}") String provinceCode,
            Long agencyId,
            @NotNull(message = "{tokens.error.access}") Access access,
            @Size(max = MAX_INDICATORS, message = "{tokens.error.indicators}") List<Long> indicatorIds,
            @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate expiresAt,
            @Size(max = 2000, message = "{tokens.error.webhookUrl}") String webhookUrl) {

        NewToken {
            name = name == null ? null : name.trim();
            provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.trim();
            webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
            indicatorIds = indicatorIds == null ? List.of()
                    : indicatorIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        }
    }

    /** The answer to a new token: the token to put in {@code Authorization: Bearer …} and the webhook secret, once. */
    record Created(Token token, String secret, String webhookSecret) {
    }

    private final ApiTokenStore store;
    private final TokenKey key;
    private final UserAgencies agencies;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final OutboundUrl urls;
    private final TokenAuthentication authentication;
    private final org.springframework.context.ApplicationEventPublisher events;

    ApiTokenAdmin(ApiTokenStore store, TokenKey key, UserAgencies agencies, AuditLog audit, MessageSource messages,
                  Clock clock, TokenAuthentication authentication, @Value("${dxgov.webhooks.allow-http:false}") boolean allowHttp,
                  @Value("${dxgov.webhooks.allow-private:false}") boolean allowPrivate,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.key = key;
        this.agencies = agencies;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.urls = new OutboundUrl(allowHttp, allowPrivate);
        this.authentication = authentication;
    }

    /** The tokens the administrator administers, newest first, with their agencies' names. */
    List<Token> list() {
        UserAdmin.requireAdmin();
        List<Token> out = new ArrayList<>();
        List<ApiTokenStore.Row> rows = store.list(CurrentUser.provinceCode().orElse(null), CurrentUser.superAdmin());
        List<Long> ids = rows.stream().map(r -> r.token().agencyId()).filter(Objects::nonNull).distinct().toList();
        Map<Long, UserAgencies.Choice> names = ids.isEmpty() ? Map.of() : agencies.findAll(ids);
        for (ApiTokenStore.Row r : rows) {
            out.add(named(r.token(), names));
        }
        return out;
    }

    private static Token named(Token t, Map<Long, UserAgencies.Choice> names) {
        UserAgencies.Choice a = t.agencyId() == null ? null : names.get(t.agencyId());
        return new Token(t.id(), t.name(), t.provinceCode(), t.agencyId(), a == null ? null : a.name(), t.access(),
                t.indicatorIds(), t.expiresAt(), t.revokedAt(), t.revokedBy(), t.createdBy(), t.createdAt(),
                t.lastUsedAt(), t.webhookUrl(), t.live());
    }

    /** The agencies a token may act for, for the form: the administrator's province's (every one for the super-administrator). */
    List<UserAgencies.Choice> agencyChoices() {
        return agencies.choices().stream().filter(a -> CurrentUser.superAdmin()
                || Objects.equals(a.provinceCode(), CurrentUser.provinceCode().orElse(null))).toList();
    }

    /**
     * The province a new token acts in, once the administrator may make it: 403 for another province's (or a
     * national agency's, for an administrator of a province). Problems of the agency or a missing scope go to
     * {@code errors}; then the answer is null.
     */
    String province(NewToken t, Errors errors) {
        String province;
        if (t.agencyId() != null) {
            Optional<UserAgencies.Choice> a = agencies.find(t.agencyId());
            if (a.isEmpty() || a.get().collective()) {
                errors.rejectValue("agencyId", a.isEmpty() ? "tokens.error.agencyUnknown" : "tokens.error.agencyCollective");
                return null;
            }
            province = a.get().provinceCode();
            if (t.provinceCode() != null && !t.provinceCode().equals(province)) {
                errors.rejectValue("provinceCode", "tokens.error.agencyProvince");
                return null;
            }
        } else {
            province = t.provinceCode() != null ? t.provinceCode() : CurrentUser.provinceCode().orElse(null);
            if (province == null) {
                errors.rejectValue("provinceCode", "tokens.error.scope");
                return null;
            }
        }
        if (!CurrentUser.superAdmin() && !Objects.equals(province, CurrentUser.provinceCode().orElse(null))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "tokens.error.otherProvince");
        }
        return province;
    }

    /** Adds the problems of the expiry day and the webhook URL (https, not an internal address) to {@code errors}. */
    void check(NewToken t, Errors errors) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        if (t.expiresAt() != null && (!t.expiresAt().isAfter(today) || t.expiresAt().isAfter(today.plusYears(2)))) {
            errors.rejectValue("expiresAt", "tokens.error.expiresAt");
        }
        if (t.webhookUrl() != null && !errors.hasFieldErrors("webhookUrl")) {
            urls.check(t.webhookUrl()).ifPresent(p -> errors.rejectValue("webhookUrl", "tokens.error.webhook." + p.name()));
        }
    }

    /** Makes a token: 400 with one "field: message" per problem, 409 when the name is taken in the province. Audited. */
    @Transactional
    Created create(NewToken t, Errors errors) {
        UserAdmin.requireAdmin();
        String province = province(t, errors);
        check(t, errors);
        if (errors.hasErrors()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, details(errors), "tokens.error.invalid");
        }
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate last = t.expiresAt() != null ? t.expiresAt() : today.plusYears(1);
        Instant expires = last.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        TokenFormat.Parsed fresh = TokenFormat.fresh();
        String webhookSecret = t.webhookUrl() == null ? null : "whsec_" + TokenFormat.randomSecret();
        long id;
        try {
            id = store.insert(t.name(), fresh.lookupId(), key.hash(fresh.secret()), province, t.agencyId(), t.access(),
                    t.indicatorIds(), expires, CurrentUser.actor(), t.webhookUrl(),
                    webhookSecret == null ? null : key.encrypt(webhookSecret));
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "tokens.error.taken", t.name());
        }
        Token token = store.byId(id).orElseThrow().token();
        audit.record("token.create", "api_token", id, null, token);
        return new Created(token, fresh.token(), webhookSecret);
    }

    /** Revokes a token the administrator administers (404 otherwise); revoking a revoked token changes nothing. */
    @Transactional
    Token revoke(long id) {
        Token before = administered(id).orElseThrow(() -> ApiException.notFound("token", id));
        if (store.revoke(id, CurrentUser.actor(), clock.instant())) {
            ApiTokenStore.Row row = store.byId(id).orElseThrow();
            authentication.forget(row.lookupId());
            // and once more after the commit, in case a call meanwhile read the row as it was before
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            authentication.forget(row.lookupId());
                        }
                    });
            Token after = row.token();
            audit.record("token.revoke", "api_token", id, before, after);
            events.publishEvent(new vn.dxgov.security.ApiTokenRevoked(id));
            return after;
        }
        return before;
    }

    @Override
    public Optional<Token> administered(long tokenId) {
        UserAdmin.requireAdmin();
        return store.byId(tokenId).map(ApiTokenStore.Row::token)
                .filter(t -> CurrentUser.superAdmin() || (t.provinceCode() != null
                        && t.provinceCode().equals(CurrentUser.provinceCode().orElse(null))));
    }

    @Override
    public List<Subscriber> subscribers() {
        return store.subscribers(clock.instant()).stream().map(r -> subscriber(r.token())).toList();
    }

    @Override
    public Optional<Subscriber> subscriber(long tokenId) {
        return store.byId(tokenId).map(ApiTokenStore.Row::token)
                .filter(t -> t.revokedAt() == null && t.expiresAt().isAfter(clock.instant()) && t.webhookUrl() != null)
                .map(ApiTokenAdmin::subscriber);
    }

    private static Subscriber subscriber(Token t) {
        return new Subscriber(t.id(), t.name(), t.provinceCode(), t.agencyId(), t.webhookUrl());
    }

    @Override
    public String webhookSecret(long tokenId) {
        byte[] sealed = store.byId(tokenId).map(ApiTokenStore.Row::webhookSecret)
                .orElseThrow(() -> new IllegalArgumentException("token #" + tokenId + " has no webhook"));
        return key.decrypt(sealed);
    }

    private List<String> details(Errors errors) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.getFieldErrors().stream().map(e -> e.getField() + ": " + messages.getMessage(e, locale)).toList();
    }
}
