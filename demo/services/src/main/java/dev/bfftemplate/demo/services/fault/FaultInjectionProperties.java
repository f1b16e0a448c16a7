package dev.bfftemplate.demo.services.fault;

import java.util.Map;

import dev.bfftemplate.demo.services.DemoService;
import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Faults each service starts with, under {@code demo.faults.<service>.*}; services not
 * listed have none.
 *
 * @param faults the faults per service
 */
@ConfigurationProperties("demo")
@Validated
record FaultInjectionProperties(@DefaultValue Map<DemoService, @Valid FaultSettings> faults) {

}
