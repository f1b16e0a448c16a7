package dev.bfftemplate.demo.services.orders;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that dates new orders.
 */
@Configuration(proxyBeanMethods = false)
class OrdersConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
