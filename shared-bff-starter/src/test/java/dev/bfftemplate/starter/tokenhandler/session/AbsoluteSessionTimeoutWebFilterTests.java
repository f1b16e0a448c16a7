package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteSessionTimeoutWebFilterTests {

	private final TokenHandlerProperties.Session properties = new TokenHandlerProperties.Session(Duration.ofHours(8),
			null, null, "index", Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMinutes(1));

	@Test
	void aSessionOlderThanTheAbsoluteTimeoutEndsHoweverActiveItIs() {
		WebSession session = startedSession();
		Clock nineHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(9)), ZoneOffset.UTC);
		filter(session, nineHoursLater);
		assertThat(session.isExpired()).isTrue();
		assertThat(session.getAttributes()).isEmpty();
	}

	@Test
	void aYoungerSessionLives() {
		WebSession session = startedSession();
		Clock sevenHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(7)), ZoneOffset.UTC);
		filter(session, sevenHoursLater);
		assertThat(session.isExpired()).isFalse();
		assertThat(session.getAttributes()).containsKey("user");
	}

	private void filter(WebSession session, Clock clock) {
		MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/dashboard"))
			.session(session)
			.build();
		new AbsoluteSessionTimeoutWebFilter(this.properties, clock).filter(exchange, (filtered) -> Mono.empty())
			.block(Duration.ofSeconds(5));
	}

	private static WebSession startedSession() {
		WebSession session = new InMemoryWebSessionStore().createWebSession().block(Duration.ofSeconds(5));
		session.getAttributes().put("user", "alice");
		session.start();
		return session;
	}

}
