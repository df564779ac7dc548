package vn.dxgov.security.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.security.ApiTokens;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Mã truy cập API cho hệ thống nguồn / API tokens of machine clients (administrator)")
class TokenApiController {

    private final ApiTokenAdmin tokens;

    TokenApiController(ApiTokenAdmin tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "The tokens the administrator administers (a province's administrator: its province's), newest "
            + "first, with scope, expiry, revocation and last use (to the minute); never a secret")
    List<ApiTokens.Token> list() {
        return tokens.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a token (administrator): name (unique in the province), agencyId (acts as the agency's "
            + "EDITOR with WRITE, a VIEWER with READ) or provinceCode (STEERING for data-value writes with WRITE, a "
            + "LEADER with READ), access READ or WRITE, indicatorIds (optional restriction), expiresAt (last day, at most "
            + "two years ahead, default one year), webhookUrl (optional, https). The answer carries the token (send it as "
            + "`Authorization: Bearer …`) and the webhook secret ONCE: they cannot be shown again. A province's "
            + "administrator: 403 for another province")
    ApiTokenAdmin.Created create(@Valid @RequestBody ApiTokenAdmin.NewToken token, BindingResult errors) {
        return tokens.create(token, errors);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token at once (audited); revoking it again changes nothing")
    ApiTokens.Token revoke(@PathVariable long id) {
        return tokens.revoke(id);
    }
}
