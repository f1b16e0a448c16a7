package dev.bfftemplate.mobile.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBufferUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test's {@code WebTestClient} sends a current app version and checks every
 * {@code /mobile/v1} response against the checked-in contract: a test whose response
 * breaks the contract fails, whatever it asserts itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractCheckedClient {

	/** The version the tests' app claims to be. */
	public static final String APP_VERSION = "2.4.0";

	@Bean
	WebTestClientBuilderCustomizer contractCheckedClient() {
		// read here, not on an event loop
		MobileContract contract = MobileContract.checkedIn();
		return (builder) -> builder.defaultHeader("X-App-Version", APP_VERSION)
			.filter((request, next) -> next.exchange(request).flatMap((response) -> {
				String path = request.url().getPath();
				if (!path.startsWith("/mobile/v1/") || isProtobuf(response.headers().contentType())) {
					// binary screens are pinned by their .proto baseline
					// (ProtoContractTests)
					return Mono.just(response);
				}
				boolean partial = request.url().getQuery() != null && request.url().getQuery().contains("fields=");
				return DataBufferUtils.join(response.body((body, context) -> body.getBody())).map((buffer) -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				})
					.defaultIfEmpty(new byte[0])
					// validation may read resource bundles: not on the client's event
					// loop
					.publishOn(Schedulers.boundedElastic())
					.map((bytes) -> {
						List<String> violations = contract.violations(request.method().name(), path, partial,
								response.statusCode().value(), bytes);
						assertThat(violations)
							.as("%s %s answered %s against the v1 contract", request.method(), path,
									response.statusCode())
							.isEmpty();
						return response.mutate().body(new String(bytes, StandardCharsets.UTF_8)).build();
					});
			}));
	}

	private static boolean isProtobuf(java.util.Optional<org.springframework.http.MediaType> contentType) {
		return contentType.map((type) -> "x-protobuf".equals(type.getSubtype())).orElse(false);
	}

}
