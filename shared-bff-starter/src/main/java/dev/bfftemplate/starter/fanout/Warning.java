package dev.bfftemplate.starter.fanout;

/**
 * One degraded part of a partial response, written to clients in the screen's
 * {@code warnings} array, for example
 * {@code {"code":"reviews-unavailable","dependency":"reviews","reason":"timeout"}}.
 *
 * @param code stable machine-readable code: {@code <part>-unavailable},
 * {@code <part>-omitted} or {@code <part>-stale}
 * @param dependency the downstream the part comes from
 * @param reason why the part is missing or degraded
 * @author BFF template
 */
public record Warning(String code, String dependency, Reason reason) {

	static Warning unavailable(String part, String dependency, Reason reason) {
		return new Warning(part + "-unavailable", dependency, reason);
	}

	static Warning omitted(String part, String dependency, Reason reason) {
		return new Warning(part + "-omitted", dependency, reason);
	}

	static Warning stale(String part, String dependency) {
		return new Warning(part + "-stale", dependency, Reason.STALE);
	}

}
