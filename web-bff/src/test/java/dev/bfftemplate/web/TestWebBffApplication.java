package dev.bfftemplate.web;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import dev.bfftemplate.test.redis.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the web BFF from an IDE against a real Redis (see {@link RealRedis}), with a fresh
 * session encryption key, and the demo services and auth server as its downstreams and
 * provider: start those first with
 * {@code java -jar demo/launcher/target/demo-launcher.jar --only=demo-services,demo-auth-server}.
 */
public class TestWebBffApplication {

	public static void main(String[] args) {
		String[] withRedis = RealRedis.arguments(args);
		String[] arguments = Arrays.copyOf(withRedis, withRedis.length + 1);
		arguments[withRedis.length] = "--web-bff.session.encryption-key=" + newSessionKey();
		SpringApplication.from(WebBffApplication::main).run(arguments);
	}

	private static String newSessionKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
