package vn.dxgov.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password a person types for an account (a new user, a changed password), checked with Passay: at least
 * {@code dxgov.security.password.min-length} characters (10) and at most 128, not containing the user name (nor the
 * name reversed), and not one of the common passwords of {@code security/common-passwords.txt} (ignoring case).
 *
 * <p>Accounts the application creates itself are not checked: the demo accounts get {@code dxgov-demo}, which is
 * published in the README and therefore on the common list, so nobody can choose it by hand; production turns demo
 * accounts off ({@code DXGOV_DEMO_ENABLED=false}). An administrator password given in {@code DXGOV_ADMIN_PASSWORD}
 * that the policy refuses is still set (the operator chose it), with a warning in the log.
 */
@Component
class PasswordPolicy {

    /** A problem: the message code ({@code users.error.password.*}) and its arguments. */
    record Problem(String code, Object... args) {
    }

    static final int MAX_LENGTH = 128;

    private final int minLength;
    private final PasswordValidator validator;

    PasswordPolicy(@Value("${dxgov.security.password.min-length:10}") int minLength) {
        this.minLength = minLength;
        this.validator = new PasswordValidator(List.of(
                new LengthRule(minLength, MAX_LENGTH),
                new UsernameRule(true, true),
                new DictionaryRule(new WordListDictionary(new ArrayWordList(commonPasswords(), false, new ArraysSort())))));
    }

    /** The problems of the password for the user, most basic first; empty when it may be used. */
    List<Problem> check(String username, String password) {
        RuleResult result = validator.validate(new PasswordData(username == null ? "" : username, password == null ? "" : password));
        return result.getDetails().stream().map(this::problem).distinct().toList();
    }

    private Problem problem(RuleResultDetail d) {
        return switch (d.getErrorCode()) {
            case LengthRule.ERROR_CODE_MIN -> new Problem("users.error.password.short", Integer.toString(minLength));
            case LengthRule.ERROR_CODE_MAX -> new Problem("users.error.password.long", Integer.toString(MAX_LENGTH));
            case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> new Problem("users.error.password.username");
            default -> new Problem("users.error.password.common");
        };
    }

    private static String[] commonPasswords() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
