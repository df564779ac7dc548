package vn.dxgov.security.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dxgov.security.UserDirectory;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Người dùng / user administration (administrator)")
class UserApiController {

    private final UserAdmin admin;
    private final PasswordChange passwords;

    UserApiController(UserAdmin admin, PasswordChange passwords) {
        this.admin = admin;
        this.passwords = passwords;
    }

    @GetMapping
    @Operation(summary = "Every user with role, agency and e-mail (administrator)")
    List<UserAdmin.UserRow> list() {
        return admin.list();
    }

    /** The body's problems (its annotations' and the directory's) come back together: 400, one detail per field. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (administrator): username 3-40 of A-Z a-z 0-9 . _ -, password of 10 or more characters "
            + "that does not contain the username and is not a common password, "
            + "role ADMIN, STEERING, LEADER, EDITOR or VIEWER; an EDITOR needs an agency. 409 when the name is taken.")
    UserDirectory.UserAccount create(@Valid @RequestBody UserAdmin.NewUser user, BindingResult errors) {
        return admin.create(user, errors);
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password: the current one and a new one of 10 or more characters that does "
            + "not contain your username and is not a common password; 400 lists the problems")
    void changePassword(@Valid @RequestBody PasswordChange.Request request, BindingResult errors) {
        passwords.change(request, errors);
    }
}
