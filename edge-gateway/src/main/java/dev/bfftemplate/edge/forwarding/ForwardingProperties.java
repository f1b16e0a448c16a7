package dev.bfftemplate.edge.forwarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which proxies in front of the edge are trusted.
 *
 * @param trustedProxies a regular expression matched against the address of the peer (and
 * of each hop named in {@code X-Forwarded-For}); empty trusts nobody
 */
@ConfigurationProperties("edge.forwarding")
public record ForwardingProperties(@DefaultValue("") String trustedProxies) {

}
