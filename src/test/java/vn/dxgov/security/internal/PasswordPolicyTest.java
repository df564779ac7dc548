package vn.dxgov.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password policy: length, the user name, the common-passwords list (ignoring case), with its message codes. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void tooShortPasswordsAreRefusedWithTheMinimum() {
        assertThat(policy.check("nguyen.van.a", "password")).extracting(PasswordPolicy.Problem::code)
                .first().isEqualTo("users.error.password.short");
        assertThat(policy.check("nguyen.van.a", "12345678").get(0).args()).containsExactly("10");
        assertThat(policy.check("nguyen.van.a", "x".repeat(129))).extracting(PasswordPolicy.Problem::code)
                .containsExactly("users.error.password.long");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"123456789a", "1234567890", "matkhau123", "MatKhau123", "PASSWORD123",
                "qwertyuiop", "anhyeuem123", "Password@123", "dxgov-demo", "vietnam2025"}) {
            assertThat(policy.check("cb.soyte", common)).as(common).extracting(PasswordPolicy.Problem::code)
                    .containsExactly("users.error.password.common");
        }
    }

    @Test
    void aPasswordHoldingTheUserNameForwardsOrBackwardsIsRefused() {
        assertThat(policy.check("tranthib", "tranthib-2025!")).extracting(PasswordPolicy.Problem::code)
                .containsExactly("users.error.password.username");
        assertThat(policy.check("tranthib", "X" + new StringBuilder("TranThiB").reverse() + "-2025")).extracting(PasswordPolicy.Problem::code)
                .containsExactly("users.error.password.username");
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(policy.check("tranthib", "Kế-hoạch-số-2025-tỉnh")).isEmpty();
        assertThat(policy.check("tranthib", "mây trắng bay trên núi")).isEmpty();
        assertThat(new PasswordPolicy(12).check("tranthib", "ngan-qua-11")).extracting(PasswordPolicy.Problem::code)
                .containsExactly("users.error.password.short");
    }
}
