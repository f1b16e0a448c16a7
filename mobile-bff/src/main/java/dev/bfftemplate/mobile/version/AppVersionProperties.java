package dev.bfftemplate.mobile.version;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which app versions mobile-bff still serves, under {@code mobile-bff.app-version}.
 *
 * @param header the request header carrying the app's version ({@code 2.3.1})
 * @param minimum the oldest version served; older ones get 426 and must update
 * @param paths the path patterns that need the header
 */
@ConfigurationProperties("mobile-bff.app-version")
@Validated
public record AppVersionProperties(@DefaultValue("X-App-Version") @NotBlank String header,
		@DefaultValue("1.0.0") @Pattern(regexp = AppVersion.PATTERN) String minimum,
		@DefaultValue("/mobile/v1/**") List<String> paths) {

}
