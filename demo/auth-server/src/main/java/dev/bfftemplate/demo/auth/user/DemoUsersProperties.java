package dev.bfftemplate.demo.auth.user;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo users who can log in, keyed by username.
 *
 * @param users the users, keyed by username
 */
@ConfigurationProperties("demo.auth")
@Validated
public record DemoUsersProperties(@DefaultValue Map<String, @Valid DemoUser> users) {

	/**
	 * Returns the user with the given username.
	 * @param username the username
	 * @return the user, or empty when there is none of that name
	 */
	public Optional<DemoUser> findUser(String username) {
		return Optional.ofNullable(this.users.get(username));
	}

	/**
	 * One demo user.
	 *
	 * @param password the password, encoded with an id prefix such as {@code {bcrypt}} or
	 * {@code {noop}}
	 * @param name the full name, issued as the {@code name} claim
	 * @param email the email address, issued as the {@code email} claim
	 * @param customerId the customer the user acts for, issued as the {@code customer_id}
	 * claim
	 */
	public record DemoUser(@NotBlank String password, @NotBlank String name, @NotBlank @Email String email,
			@NotBlank String customerId) {

	}

}
