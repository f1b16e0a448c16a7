package dev.bfftemplate.partner.api;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deprecated operations of the partner API, by API version ({@code "1"}). Spring
 * Framework's deprecation handler keeps one deprecation per version, narrowed to the
 * operation by method and path.
 *
 * @param deprecations the deprecated operation of each version
 */
@ConfigurationProperties("partner.api")
@Validated
public record ApiVersionProperties(@DefaultValue @Valid Map<String, Deprecation> deprecations) {

	/**
	 * One deprecated operation.
	 *
	 * @param method its HTTP method
	 * @param path its path, without query
	 * @param since when it was deprecated ({@code Deprecation}, RFC 9745)
	 * @param sunset when it stops answering ({@code Sunset}, RFC 8594)
	 * @param successor the operation replacing it ({@code Link} with
	 * {@code rel="successor-version"})
	 * @param documentation where the deprecation is explained ({@code Link} with
	 * {@code rel="deprecation"})
	 */
	public record Deprecation(@NotBlank String method, @NotBlank String path, @NotNull Instant since,
			@NotNull Instant sunset, @NotNull URI successor, @NotNull URI documentation) {

	}

}
