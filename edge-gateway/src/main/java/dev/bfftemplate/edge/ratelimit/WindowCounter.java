package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Counts requests per key in fixed time windows.
 */
interface WindowCounter {

	/**
	 * Count one request for the key in its current window.
	 * @param key the client's key
	 * @param window the window length
	 * @return the count in the current window, including this request
	 */
	Mono<WindowCount> increment(String key, Duration window);

	/**
	 * The state of one window after counting a request.
	 *
	 * @param count the requests counted in the window so far
	 * @param resetsIn the time until the window starts over
	 */
	record WindowCount(long count, Duration resetsIn) {

	}

}
