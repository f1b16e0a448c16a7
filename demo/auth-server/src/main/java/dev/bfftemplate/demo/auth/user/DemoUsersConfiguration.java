package dev.bfftemplate.demo.auth.user;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Logs in the configured {@link DemoUsersProperties demo users}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoUsersProperties.class)
class DemoUsersConfiguration {

	private static final String USER_ROLE = "USER";

	@Bean
	InMemoryUserDetailsManager userDetailsService(DemoUsersProperties properties) {
		List<UserDetails> users = properties.users()
			.entrySet()
			.stream()
			.map((entry) -> User.withUsername(entry.getKey())
				.password(entry.getValue().password())
				.roles(USER_ROLE)
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

}
