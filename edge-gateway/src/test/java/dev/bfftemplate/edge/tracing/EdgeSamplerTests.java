package dev.bfftemplate.edge.tracing;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Sampling is the edge's decision: a caller's sampled flag changes nothing, spans within
 * the edge follow their local parent.
 */
class EdgeSamplerTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void aCallersSampledFlagDoesNotSwitchSamplingOn() {
		EdgeSampler never = new EdgeSampler(0.0);
		assertThat(decision(never, remoteParent(true))).isEqualTo(SamplingDecision.DROP);
		assertThat(decision(never, Context.root())).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void aCallersUnsampledFlagDoesNotSwitchSamplingOff() {
		EdgeSampler always = new EdgeSampler(1.0);
		assertThat(decision(always, remoteParent(false))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decision(always, Context.root())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void spansWithinTheEdgeFollowTheirLocalParent() {
		assertThat(decision(new EdgeSampler(0.0), localParent(true))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decision(new EdgeSampler(1.0), localParent(false))).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void theProbabilityIsHonouredForNewTraces() {
		EdgeSampler half = new EdgeSampler(0.5);
		long sampled = 0;
		for (int i = 0; i < 10_000; i++) {
			if (decision(half, remoteParent(true)) == SamplingDecision.RECORD_AND_SAMPLE) {
				sampled++;
			}
		}
		// 10,000 draws at p = 0.5: 4,700..5,300 is more than 6 standard deviations wide
		assertThat(sampled).isBetween(4_700L, 5_300L);
	}

	@Test
	void aProbabilityOutsideZeroToOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EdgeSampler(1.5));
	}

	private static SamplingDecision decision(EdgeSampler sampler, Context parent) {
		return sampler.shouldSample(parent, TRACE_ID, "http get", SpanKind.SERVER, Attributes.empty(), List.of())
			.getDecision();
	}

	private static Context remoteParent(boolean sampled) {
		return Context.root()
			.with(Span.wrap(SpanContext.createFromRemoteParent(TRACE_ID, "00f067aa0ba902b7", flags(sampled),
					TraceState.getDefault())));
	}

	private static Context localParent(boolean sampled) {
		return Context.root()
			.with(Span.wrap(SpanContext.create(TRACE_ID, "00f067aa0ba902b7", flags(sampled), TraceState.getDefault())));
	}

	private static TraceFlags flags(boolean sampled) {
		return sampled ? TraceFlags.getSampled() : TraceFlags.getDefault();
	}

}
