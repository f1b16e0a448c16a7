package dev.bfftemplate.starter.downstream;

/**
 * A call was rejected, without being made, because its downstream's
 * {@link ConcurrencyLimit} was reached.
 *
 * @author BFF template
 */
public class ConcurrencyLimitExceededException extends RuntimeException {

	/**
	 * Create a new instance.
	 * @param downstream the downstream whose limit was reached
	 * @param limit the limit at the time
	 */
	public ConcurrencyLimitExceededException(String downstream, int limit) {
		super("Concurrency limit of '" + downstream + "' reached (" + limit + " calls in flight)", null, false, false);
	}

}
