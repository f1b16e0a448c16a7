package dev.bfftemplate.edge.tracing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * The edge's sampler: the one place where a trace's sampling is decided. A span whose
 * parent is local (the gateway's call to a BFF, within the edge) follows its parent. A
 * span without a parent, or with a remote one (a caller's {@code traceparent}), is
 * sampled with the configured probability, by a random draw: neither the caller's sampled
 * flag nor its choice of trace id can switch sampling on or off (OpenTelemetry's
 * trace-id-ratio sampler would let a caller pick trace ids that are always sampled). The
 * BFFs sample parent-based, so they follow this decision through the {@code traceparent}
 * the edge sends.
 */
final class EdgeSampler implements Sampler {

	private final double probability;

	EdgeSampler(double probability) {
		if (probability < 0 || probability > 1) {
			throw new IllegalArgumentException("The sampling probability must be within [0, 1]: " + probability);
		}
		this.probability = probability;
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		SpanContext parent = Span.fromContext(parentContext).getSpanContext();
		boolean sampled = (parent.isValid() && !parent.isRemote()) ? parent.isSampled() : draw();
		return sampled ? SamplingResult.recordAndSample() : SamplingResult.drop();
	}

	private boolean draw() {
		// 1.0 must always sample: nextDouble() is in [0, 1)
		return this.probability >= 1 || ThreadLocalRandom.current().nextDouble() < this.probability;
	}

	@Override
	public String getDescription() {
		return "EdgeSampler{probability=" + this.probability + "}";
	}

}
