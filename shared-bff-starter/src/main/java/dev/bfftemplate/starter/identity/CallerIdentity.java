package dev.bfftemplate.starter.identity;

import reactor.core.publisher.Mono;

/**
 * Who the current request acts for, resolved per request from the Reactor context. The
 * fan-out puts it in the key of every last good value it caches, so that one caller's
 * data is never served to another. The starter's default uses the request's
 * {@link java.security.Principal} name; define a bean to use something else.
 *
 * @author BFF template
 */
@FunctionalInterface
public interface CallerIdentity {

	/**
	 * The identity of the caller of the current request.
	 * @return a stable identifier of the caller, empty for an anonymous request
	 */
	Mono<String> current();

}
