package dev.bfftemplate.web.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInProvider;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class SessionStorageTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveRedisConnectionFactory redis;

	@Autowired
	private ReactiveSessionRepository<? extends Session> sessions;

	@Test
	void aRedisDumpOfTheSessionRevealsNoToken() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String raw = rawSession(browser.sessionId());
		assertThat(raw).as("the session is in Redis").isNotEmpty();
		assertThat(raw).doesNotContain(browser.tokens().accessToken())
			.doesNotContain(browser.tokens().refreshToken())
			.doesNotContain(browser.tokens().idToken())
			.doesNotContain(StandInProvider.CLIENT_SECRET)
			.doesNotContain(browser.tokens().user().email());
	}

	@Test
	void theDecryptedSessionHoldsTheTokensButNotTheClientSecret() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		Session session = this.sessions.findById(browser.sessionId()).block(Duration.ofSeconds(5));
		assertThat(session).isNotNull();
		String plain = serialized(session);
		assertThat(plain).contains(browser.tokens().refreshToken()).doesNotContain(StandInProvider.CLIENT_SECRET);
	}

	private String rawSession(String sessionId) {
		ByteBuffer key = ByteBuffer.wrap(("spring:session:sessions:" + sessionId).getBytes(StandardCharsets.UTF_8));
		StringBuilder raw = new StringBuilder();
		this.redis.getReactiveConnection()
			.hashCommands()
			.hGetAll(key)
			.doOnNext((entry) -> raw.append(StandardCharsets.ISO_8859_1.decode(entry.getValue())))
			.blockLast(Duration.ofSeconds(5));
		return raw.toString();
	}

	private static String serialized(Session session) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			for (String name : session.getAttributeNames()) {
				out.writeObject(session.getAttribute(name));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

}
