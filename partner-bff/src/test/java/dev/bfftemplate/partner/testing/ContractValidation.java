package dev.bfftemplate.partner.testing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Holds every answer a test receives through the auto-configured {@code WebTestClient} to
 * the OpenAPI document: an answer the document does not describe fails the test that got
 * it, so the implementation cannot drift from the contract.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractValidation {

	private static final OpenApiContract CONTRACT = OpenApiContract.v1();

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	@Bean
	WebTestClientBuilderCustomizer contractValidation() {
		return (builder) -> builder.filter(validating()).filter(ownClientAddress());
	}

	/**
	 * Sends each request from a client address of its own (as the edge would name it in
	 * {@code X-Forwarded-For}) unless the test names one: the failed authentications that
	 * one test provokes never count against another test's requests.
	 * @return the filter
	 */
	static ExchangeFilterFunction ownClientAddress() {
		return (request, next) -> {
			if (request.headers().containsHeader(FORWARDED_FOR)) {
				return next.exchange(request);
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
			return next.exchange(ClientRequest.from(request).header(FORWARDED_FOR, address).build());
		};
	}

	/**
	 * The filter that checks each answer.
	 * @return the filter
	 */
	public static ExchangeFilterFunction validating() {
		return (request, next) -> next.exchange(request).flatMap((response) -> {
			String path = request.url().getRawPath();
			if (!CONTRACT.covers(path)) {
				return Mono.just(response);
			}
			// The validator loads its meta-schemas from its jar on first use: not on an
			// event loop.
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.publishOn(Schedulers.boundedElastic())
				.map((body) -> {
					List<String> violations = CONTRACT.violations(request.method().name(), path,
							response.statusCode().value(), response.headers().asHttpHeaders(), body);
					if (!violations.isEmpty()) {
						throw new AssertionError("The answer breaks the OpenAPI contract: " + violations);
					}
					return rebuilt(response, body);
				});
		});
	}

	private static ClientResponse rebuilt(ClientResponse response, byte[] body) {
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(body);
		return response.mutate().body(Flux.just(buffer)).build();
	}

}
