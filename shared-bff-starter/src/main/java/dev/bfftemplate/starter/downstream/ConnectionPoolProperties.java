package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Reactor Netty connection pool of downstream calls, under
 * {@code bff.connection-pool}. One pool per downstream host, sized so that the
 * downstream's {@code max-concurrent} limit, not the pool, bounds the calls in flight:
 * Reactor Netty's default (16 connections, 32 waiting) starves under a fan-out.
 *
 * @param maxConnections Connections at most to one downstream host
 * @param pendingAcquireTimeout How long a call may wait for a connection
 * @param maxIdleTime How long an idle connection is kept, shorter than the downstreams'
 * keep-alive so that a call never picks a connection the server is closing
 * @author BFF template
 */
@ConfigurationProperties("bff.connection-pool")
@Validated
public record ConnectionPoolProperties(@DefaultValue("512") @Positive int maxConnections,
		@DefaultValue("1s") Duration pendingAcquireTimeout, @DefaultValue("20s") Duration maxIdleTime) {

}
