package dev.bfftemplate.mobile.home;

import dev.bfftemplate.mobile.compact.FieldSelection;
import dev.bfftemplate.mobile.v1.Home.Builder;
import dev.bfftemplate.starter.fanout.Warning;

/**
 * The home screen as its Protocol Buffers message ({@code bff/mobile/v1/home.proto}): the
 * same fields as the JSON answer, the same field selection.
 */
final class HomeMessages {

	/**
	 * The media type of the binary screens; WebFlux's protobuf codecs read and write it.
	 */
	static final String PROTOBUF_VALUE = "application/x-protobuf";

	private HomeMessages() {
	}

	static dev.bfftemplate.mobile.v1.Home of(Home home, FieldSelection selection) {
		Builder message = dev.bfftemplate.mobile.v1.Home.newBuilder();
		if (selection.includes("firstName")) {
			message.setFirstName(home.firstName());
		}
		if (selection.includes("recentOrders") && home.recentOrders() != null) {
			for (Home.RecentOrder order : home.recentOrders()) {
				message.addRecentOrders(dev.bfftemplate.mobile.v1.RecentOrder.newBuilder()
					.setId(order.id())
					.setDate(order.date().toString())
					.setTotal(order.total())
					.setCurrency(order.currency())
					.setStatus(order.status()));
			}
		}
		if (selection.includes("recommendations") && home.recommendations() != null) {
			for (Home.Recommendation recommendation : home.recommendations()) {
				message.addRecommendations(dev.bfftemplate.mobile.v1.Recommendation.newBuilder()
					.setId(recommendation.id())
					.setName(recommendation.name())
					.setThumbnailUrl(recommendation.thumbnailUrl().toString())
					.setPrice(recommendation.price())
					.setCurrency(recommendation.currency()));
			}
		}
		for (Warning warning : home.warnings()) {
			message.addWarnings(dev.bfftemplate.mobile.v1.Warning.newBuilder()
				.setCode(warning.code())
				.setDependency(warning.dependency())
				.setReason(warning.reason().value()));
		}
		return message.build();
	}

}
