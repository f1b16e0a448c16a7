package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Reactor Netty connection pool of downstream calls, under
 * {@code bff.connection-pool}. One pool per downstream host, sized so that the
 * downstream's concurrency limit ({@code bff.downstreams.<group>.concurrency.*}), not the
 * pool, bounds the calls in flight: Reactor Netty's default (16 connections, 32 waiting)
 * starves under a fan-out, and a pool smaller than a healthy burst turns it into errors.
 *
 * @param maxConnections Connections at most to one downstream host, as many as the
 * default {@code concurrency.max-limit} so that a healthy burst never waits for one
 * @param pendingAcquireTimeout How long a call may wait for a connection: longer than the
 * calls' timeouts, so that a call's own timeout (reason {@code timeout}) ends a long
 * wait, not the pool
 * @param maxIdleTime How long an idle connection is kept, shorter than the downstreams'
 * keep-alive so that a call never picks a connection the server is closing
 * @author BFF template
 */
@ConfigurationProperties("bff.connection-pool")
@Validated
public record ConnectionPoolProperties(@DefaultValue("1000") @Positive int maxConnections,
		@DefaultValue("5s") Duration pendingAcquireTimeout, @DefaultValue("20s") Duration maxIdleTime) {

}
