package dev.bfftemplate.starter.fanout;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.util.ClassUtils;

/**
 * Reads the trace id of the server request from the Reactor context, where WebFlux keeps
 * the request's observation: thread locals do not follow a reactive request. Problems
 * written outside the fan-out (security filters, for example) use it to carry the same
 * {@code traceId} as the starter's own problems.
 */
public final class CurrentTraceId {

	/**
	 * Micrometer Tracing is an optional dependency of the starter: without it no request
	 * has a trace id.
	 */
	private static final boolean TRACING_PRESENT = ClassUtils
		.isPresent("io.micrometer.tracing.handler.TracingObservationHandler", CurrentTraceId.class.getClassLoader());

	private CurrentTraceId() {
	}

	/**
	 * The trace id of the request whose Reactor context this is.
	 * @param context the Reactor context of the request
	 * @return the trace id, or {@code null} when the request is not traced
	 */
	public static @Nullable String from(ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation == null || !TRACING_PRESENT) {
			return null;
		}
		return Tracing.traceId(observation);
	}

	/**
	 * Loaded only when Micrometer Tracing is present.
	 */
	private static final class Tracing {

		static @Nullable String traceId(Observation observation) {
			TracingObservationHandler.TracingContext tracing = observation.getContextView()
				.get(TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			return (span != null) ? span.context().traceId() : null;
		}

	}

}
