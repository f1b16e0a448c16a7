package dev.bfftemplate.demo.auth.user;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUsersConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(DemoUsersConfiguration.class)
		.withPropertyValues("demo.auth.users.carol.password={noop}carol-password",
				"demo.auth.users.carol.name=Carol Cruz", "demo.auth.users.carol.customer-id=c-003");

	@Test
	void configuredUserCanLogInWithHerPassword() {
		this.contextRunner.withPropertyValues("demo.auth.users.carol.email=carol@example.test").run((context) -> {
			UserDetails carol = context.getBean(InMemoryUserDetailsManager.class).loadUserByUsername("carol");
			PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			assertThat(passwordEncoder.matches("carol-password", carol.getPassword())).isTrue();
			assertThat(passwordEncoder.matches("wrong-password", carol.getPassword())).isFalse();
			assertThat(context.getBean(DemoUsersProperties.class).findUser("carol"))
				.hasValueSatisfying((user) -> assertThat(user.customerId()).isEqualTo("c-003"));
		});
	}

	@Test
	void userWithoutAValidEmailStopsTheStart() {
		this.contextRunner.withPropertyValues("demo.auth.users.carol.email=not-an-email")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("demo.auth.users[carol].email"));
	}

}
