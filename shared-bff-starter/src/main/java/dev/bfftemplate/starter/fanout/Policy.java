package dev.bfftemplate.starter.fanout;

/**
 * What a screen does when one of its downstream calls fails. Chosen per call site, with
 * the downstream's {@code bff.downstreams.<name>.default-policy} when the call site does
 * not say.
 *
 * @author BFF template
 */
public enum Policy {

	/**
	 * The screen cannot be built without this part: a failure fails the whole response
	 * with a 502, 503 or 504 problem.
	 */
	REQUIRED,

	/**
	 * The part is {@code null} and a warning with reason of the failure is added.
	 */
	OPTIONAL,

	/**
	 * The last good value for the same caller and key is served with a {@code stale}
	 * warning; without one, the part behaves as {@link #OPTIONAL}.
	 */
	STALE_OK,

	/**
	 * The part is left out of the response (annotate its field with
	 * {@code @JsonInclude(NON_NULL)}) and an {@code -omitted} warning is added.
	 */
	OMIT

}
