package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * The downstream calls of one screen request, declared one {@link Part} at a time and run
 * in parallel by {@link #assemble(Function)}. Not thread-safe: declare the parts, then
 * assemble, once.
 *
 * <pre class="code">
 * FanOutRequest screen = fanOut.request();
 * Part&lt;Product&gt; product = screen.call("catalog", catalog.product(id)).required();
 * Part&lt;Stock&gt; stock = screen.call("inventory", inventory.stock(id)).optional();
 * Part&lt;List&lt;Review&gt;&gt; reviews = screen.call("reviews", reviews.forProduct(id)).staleOk(id);
 * return screen.assemble((parts) -&gt; new ProductPage(parts.get(product), parts.get(stock),
 * 		parts.get(reviews), parts.warnings()));
 * </pre>
 *
 * @author BFF template
 */
public final class FanOutRequest {

	private final FanOut fanOut;

	private final Duration deadline;

	private final List<Part<?>> parts = new ArrayList<>();

	FanOutRequest(FanOut fanOut, Duration deadline) {
		this.fanOut = fanOut;
		this.deadline = deadline;
	}

	/**
	 * Declare a call to a downstream. Nothing is called until {@link #assemble}.
	 * @param <T> the type of the answer
	 * @param downstream the downstream's name: its HTTP service group, breaker and
	 * {@code bff.downstreams} entry
	 * @param call the lazy call, typically a method of an {@code @HttpExchange} client
	 * @return the part, to configure and to read when assembling
	 * @throws IllegalArgumentException if no HTTP service group or
	 * {@code bff.downstreams} entry has that name
	 */
	public <T> Part<T> call(String downstream, Mono<T> call) {
		Part<T> part = new Part<>(downstream, call);
		this.fanOut.checkDownstream(downstream);
		this.parts.add(part);
		return part;
	}

	/**
	 * Declare a call to a downstream that answers a stream, collected into a list.
	 * @param <T> the type of the elements
	 * @param downstream the downstream's name
	 * @param call the lazy call
	 * @return the part, to configure and to read when assembling
	 */
	public <T> Part<List<T>> call(String downstream, Flux<T> call) {
		return call(downstream, call.collectList());
	}

	/**
	 * Run every declared call in parallel, within the request deadline, and build the
	 * screen from their values. Fails with a {@link DependencyFailureException} when a
	 * {@link Policy#REQUIRED} part fails; cancelling the returned {@code Mono} cancels
	 * every call in flight.
	 * @param <R> the type of the screen
	 * @param assembler builds the screen from the parts' values and warnings
	 * @return the screen
	 */
	public <R> Mono<R> assemble(Function<Parts, R> assembler) {
		Assert.notNull(assembler, "'assembler' must not be null");
		return this.fanOut.run(List.copyOf(this.parts), this.deadline).map(assembler);
	}

}
