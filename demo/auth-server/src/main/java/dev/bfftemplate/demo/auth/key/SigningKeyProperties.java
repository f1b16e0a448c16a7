package dev.bfftemplate.demo.auth.key;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the key that signs tokens comes from.
 *
 * @param location a PEM holding an RSA private key (PKCS#8 or PKCS#1); when absent a key
 * is generated at start, so tokens do not outlive the process
 */
@ConfigurationProperties("demo.auth.signing-key")
public record SigningKeyProperties(@Nullable Resource location) {

}
