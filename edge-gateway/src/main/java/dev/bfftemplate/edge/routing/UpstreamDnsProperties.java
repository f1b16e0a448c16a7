package dev.bfftemplate.edge.routing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the edge looks up its upstreams' host names. An upstream name may stand for several
 * instances (Docker Compose replicas, a headless Kubernetes Service): Reactor Netty's
 * resolver would otherwise keep the first address of the answer for as long as the DNS
 * says (Docker's DNS: 600 s), sending every new connection to one instance, and on to a
 * stopped one.
 *
 * @param maxTimeToLive the longest an answer is cached, whatever its TTL
 * @param roundRobin whether new connections spread over every address of the answer (off
 * by default: {@code localhost} answers {@code ::1} too, where an upstream may not
 * listen)
 */
@ConfigurationProperties("edge.upstream-dns")
@Validated
public record UpstreamDnsProperties(@DefaultValue("10s") @NotNull Duration maxTimeToLive, boolean roundRobin) {

}
