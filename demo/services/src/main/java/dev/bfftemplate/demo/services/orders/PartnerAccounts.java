package dev.bfftemplate.demo.services.orders;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which partner orders through which customer account: a partner's orders are those of
 * its account, and an order placed by a partner is placed on it. The partner id comes
 * from the partner BFF, which authenticated the partner.
 *
 * @param accounts customer id of each partner, by partner id
 */
@ConfigurationProperties("demo.partners")
record PartnerAccounts(@DefaultValue Map<String, String> accounts) {

	String customerOf(String partnerId) {
		return this.accounts.get(partnerId);
	}

}
