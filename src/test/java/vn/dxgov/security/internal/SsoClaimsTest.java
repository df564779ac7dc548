package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dxgov.security.Role;

/** The claims of an OpenID Connect login read as a dxgov user, by hand-made claim sets. */
class SsoClaimsTest {

    static final String ISSUER = "https://sso.example.gov.vn/realms/motcua";

    static SsoProperties settings(String roleMapping, String defaultRole) {
        return new SsoProperties(ISSUER, "dxgov", "secret", null, null, null, null, roleMapping, defaultRole, null, null,
                null, null);
    }

    @Test
    void aRoleNameInTheDefaultClaimWithAgencyProvinceNameAndEmail() {
        SsoClaims.Result r = new SsoClaims(settings("", "")).read(ISSUER, "sub-1", Map.of(
                "preferred_username", "nguyen.van.a", "dxgov_role", "steering", "dxgov_agency", "Sở TT&TT",
                "province", "38", "name", "Nguyễn Văn A", "email", "a@thanhhoa.gov.vn"));
        assertThat(r.accepted()).isTrue();
        assertThat(r.identity()).isEqualTo(new SsoClaims.Identity(ISSUER, "sub-1", "nguyen.van.a", "Nguyễn Văn A",
                "a@thanhhoa.gov.vn", Role.STEERING, "Sở TT&TT", "38"));
    }

    @Test
    void aGroupsListGivesTheMappedRoleThatMayDoMost() {
        SsoClaims claims = new SsoClaims(settings("/cds/can-bo=EDITOR, /cds/lanh-dao=LEADER", ""));
        assertThat(claims.role(List.of("/khac", "/cds/can-bo", "/CDS/LANH-DAO"))).contains(Role.LEADER);
        assertThat(claims.role(List.of("/cds/can-bo"))).contains(Role.EDITOR);
        assertThat(claims.role(List.of("viewer", "/cds/can-bo"))).contains(Role.EDITOR);
        assertThat(claims.role(List.of("admin", "/cds/lanh-dao"))).contains(Role.ADMIN);
        assertThat(claims.role(List.of("/khac", "chuyen-vien"))).isEmpty();
    }

    @Test
    void anUnknownOrMissingRoleIsRefusedUnlessADefaultRoleIsSet() {
        Map<String, Object> unknown = Map.of("preferred_username", "b", "dxgov_role", "citizen");
        SsoClaims.Result refused = new SsoClaims(settings("", "")).read(ISSUER, "sub-2", unknown);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.refusal()).isEqualTo(SsoClaims.Refusal.ROLE);
        assertThat(refused.detail()).isEqualTo("dxgov_role=[citizen]");
        assertThat(new SsoClaims(settings("", "")).read(ISSUER, "sub-2", Map.of("preferred_username", "b")).refusal())
                .isEqualTo(SsoClaims.Refusal.ROLE);

        SsoClaims.Result viewer = new SsoClaims(settings("", "viewer")).read(ISSUER, "sub-2", unknown);
        assertThat(viewer.identity().role()).isEqualTo(Role.VIEWER);
        assertThat(viewer.identity().provinceCode()).isNull();
        assertThat(viewer.identity().agency()).isNull();
        assertThat(viewer.identity().displayName()).isEqualTo("b");
    }

    @Test
    void aNumericProvinceIsItsDigitsAndAnythingButACodeIsRefused() {
        SsoClaims claims = new SsoClaims(settings("", ""));
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "c", "dxgov_role", "VIEWER", "province", 38))
                .identity().provinceCode()).isEqualTo("38");
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "c", "dxgov_role", "VIEWER", "province", "  "))
                .identity().provinceCode()).isNull();
        SsoClaims.Result bad = claims.read(ISSUER, "s", Map.of("preferred_username", "c", "dxgov_role", "VIEWER",
                "province", "38'; drop table app_user"));
        assertThat(bad.refusal()).isEqualTo(SsoClaims.Refusal.PROVINCE);
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "c", "dxgov_role", "VIEWER",
                "province", "12345678901234567")).refusal()).isEqualTo(SsoClaims.Refusal.PROVINCE);
    }

    @Test
    void withoutAUserNameClaimTheSubjectNamesTheUserAndAnUnusableNameIsRefused() {
        SsoClaims claims = new SsoClaims(settings("", ""));
        assertThat(claims.read(ISSUER, "f81d4fae-7dec", Map.of("dxgov_role", "VIEWER")).identity().username())
                .isEqualTo("f81d4fae-7dec");
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "a b", "dxgov_role", "VIEWER")).refusal())
                .isEqualTo(SsoClaims.Refusal.USERNAME);
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "<script>", "dxgov_role", "VIEWER")).refusal())
                .isEqualTo(SsoClaims.Refusal.USERNAME);
        assertThat(claims.read(ISSUER, "s", Map.of("preferred_username", "trần.thị.b@thanhhoa.gov.vn",
                "dxgov_role", "VIEWER")).identity().username()).isEqualTo("trần.thị.b@thanhhoa.gov.vn");
    }

    @Test
    void theSettingsRefuseAMappingOrDefaultRoleThatNamesNoRole() {
        assertThatThrownBy(() -> settings("/cds/x=BOSS", ""))
                .hasMessage("DXGOV_OIDC_ROLE_MAPPING: \"BOSS\" is no role (one of ADMIN, STEERING, LEADER, EDITOR, VIEWER)");
        assertThatThrownBy(() -> settings("STEERING", ""))
                .hasMessage("DXGOV_OIDC_ROLE_MAPPING: \"STEERING\" is not value=ROLE (ROLE one of ADMIN, STEERING, "
                        + "LEADER, EDITOR, VIEWER)");
        assertThatThrownBy(() -> settings("", "guest"))
                .hasMessage("DXGOV_OIDC_DEFAULT_ROLE: \"guest\" is no role (one of ADMIN, STEERING, LEADER, EDITOR, VIEWER)");
        SsoProperties defaults = settings(null, null);
        assertThat(defaults.registrationId()).isEqualTo("sso");
        assertThat(defaults.scopeList()).containsExactly("openid", "profile", "email");
        assertThat(defaults.fallbackRole()).isEmpty();
        assertThat(defaults.enabled()).isTrue();
        assertThat(new SsoProperties(" ", null, null, null, null, null, null, null, null, null, null, null, null).enabled())
                .isFalse();
    }

    @Test
    void anAdminWithoutAProvinceIsRefusedForTheSuperAdministratorIsNeverGrantedByTheProvider() {
        SsoClaims claims = new SsoClaims(settings("", ""));
        SsoClaims.Result national = claims.read(ISSUER, "sub-9", Map.of("preferred_username", "quan.tri", "dxgov_role", "ADMIN"));
        assertThat(national.refusal()).isEqualTo(SsoClaims.Refusal.PROVINCE);
        assertThat(national.identity()).isNull();
        SsoClaims.Result ofProvince = claims.read(ISSUER, "sub-9", Map.of("preferred_username", "quan.tri",
                "dxgov_role", "ADMIN", "province", "38"));
        assertThat(ofProvince.refusal()).isNull();
        assertThat(ofProvince.identity().role()).isEqualTo(vn.dxgov.security.Role.ADMIN);
        assertThat(ofProvince.identity().provinceCode()).isEqualTo("38");
        // a national leader is still a national user
        assertThat(claims.read(ISSUER, "sub-8", Map.of("preferred_username", "lanh.dao.bo", "dxgov_role", "LEADER"))
                .identity().provinceCode()).isNull();
    }
}
