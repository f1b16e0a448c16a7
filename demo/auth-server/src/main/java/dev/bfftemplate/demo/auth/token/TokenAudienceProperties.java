package dev.bfftemplate.demo.auth.token;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resource servers each client's access tokens are meant for.
 *
 * @param resourceAudiences the audiences, keyed by client id, added to the {@code aud}
 * claim of that client's access tokens next to the client id itself
 */
@ConfigurationProperties("demo.auth.token")
public record TokenAudienceProperties(@DefaultValue Map<String, Set<String>> resourceAudiences) {

	/**
	 * Returns the audiences of an access token issued to the given client: the client
	 * itself, then its configured resource audiences.
	 * @param clientId the client id
	 * @return the audiences, the client id first
	 */
	public List<String> audiencesFor(String clientId) {
		Set<String> resources = this.resourceAudiences.getOrDefault(clientId, Set.of());
		return Stream.concat(Stream.of(clientId), resources.stream()).distinct().toList();
	}

}
