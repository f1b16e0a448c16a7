package dev.bfftemplate.edge.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trace context settings of the edge.
 *
 * @param sampled the sampled flag written into every {@code traceparent} the edge sends
 */
@ConfigurationProperties("edge.tracing")
public record TracingProperties(@DefaultValue("true") boolean sampled) {

}
