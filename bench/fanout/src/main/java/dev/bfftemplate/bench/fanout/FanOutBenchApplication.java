package dev.bfftemplate.bench.fanout;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.starter.fanout.Warning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A tiny BFF on the starter in front of four stub downstreams: {@code /fanout} calls them
 * in parallel through the fan-out, {@code /sequential} one after the other, the naive
 * peer, {@code /page} with one required and three optional calls.
 */
@SpringBootApplication
@ImportHttpServices(group = "s20", types = FanOutBenchApplication.StubClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "s40", types = FanOutBenchApplication.StubClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "s60", types = FanOutBenchApplication.StubClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "s80", types = FanOutBenchApplication.StubClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
public class FanOutBenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(FanOutBenchApplication.class, args);
	}

	interface StubClient {

		@GetExchange("/item")
		Mono<Stub> item();

	}

	record Stub(String id, long delayMillis) {

	}

	record Screen(Stub s20, Stub s40, Stub s60, Stub s80, List<Warning> warnings) {

	}

	@RestController
	static class ScreenController {

		private final FanOut fanOut;

		private final StubClient s20;

		private final StubClient s40;

		private final StubClient s60;

		private final StubClient s80;

		ScreenController(FanOut fanOut, HttpServiceProxyRegistry clients) {
			this.fanOut = fanOut;
			this.s20 = clients.getClient("s20", StubClient.class);
			this.s40 = clients.getClient("s40", StubClient.class);
			this.s60 = clients.getClient("s60", StubClient.class);
			this.s80 = clients.getClient("s80", StubClient.class);
		}

		@GetMapping("/fanout")
		Mono<Screen> fanOut() {
			FanOutRequest screen = this.fanOut.request();
			Part<Stub> a = screen.call("s20", this.s20.item()).required();
			Part<Stub> b = screen.call("s40", this.s40.item()).required();
			Part<Stub> c = screen.call("s60", this.s60.item()).required();
			Part<Stub> d = screen.call("s80", this.s80.item()).required();
			return screen.assemble(
					(parts) -> new Screen(parts.get(a), parts.get(b), parts.get(c), parts.get(d), parts.warnings()));
		}

		/**
		 * A product page as a BFF serves it: one required call and three optional ones,
		 * so that a degraded answer shows as warnings (bench/burst).
		 */
		@GetMapping("/page")
		Mono<Screen> page() {
			FanOutRequest screen = this.fanOut.request();
			Part<Stub> a = screen.call("s20", this.s20.item()).required();
			Part<Stub> b = screen.call("s40", this.s40.item()).optional();
			Part<Stub> c = screen.call("s60", this.s60.item()).optional();
			Part<Stub> d = screen.call("s80", this.s80.item()).optional();
			return screen.assemble(
					(parts) -> new Screen(parts.get(a), parts.get(b), parts.get(c), parts.get(d), parts.warnings()));
		}

		@GetMapping("/sequential")
		Mono<Screen> sequential() {
			return this.s20.item()
				.flatMap((a) -> this.s40.item()
					.flatMap((b) -> this.s60.item()
						.flatMap((c) -> this.s80.item().map((d) -> new Screen(a, b, c, d, List.of())))));
		}

	}

}
