package dev.bfftemplate.starter.tokenhandler.token;

import reactor.core.publisher.Mono;

/**
 * Who may refresh a session's tokens right now, across every instance that shares the
 * session store: the holder refreshes, the others wait for the result in the store. A
 * refresh token spent twice would end the session where the provider rotates refresh
 * tokens.
 */
interface RefreshLease {

	/**
	 * Takes the lease of a session's refresh, if no one holds it.
	 * @param sessionId the session
	 * @return whether this instance now holds it
	 */
	Mono<Boolean> acquire(String sessionId);

	/**
	 * Gives the lease back, if this instance still holds it.
	 * @param sessionId the session
	 * @return completes when released
	 */
	Mono<Void> release(String sessionId);

}
