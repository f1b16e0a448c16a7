package dev.bfftemplate.demo.services.orders;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;

import org.springframework.stereotype.Component;

/**
 * Every order: the seeded ones plus those placed since startup, which live in memory only
 * and are gone after a restart.
 */
@Component
class OrderBook {

	private static final String PLACED = "placed";

	private static final Comparator<PlacedOrder> NEWEST_FIRST = Comparator.comparing(PlacedOrder::createdAt)
		.thenComparing(OrderBook::number)
		.reversed();

	private final DemoDataset dataset;

	private final Clock clock;

	private final int maxKeptOrders;

	private final Map<String, PlacedOrder> placed = new ConcurrentHashMap<>();

	private final Queue<String> placedIds = new ConcurrentLinkedQueue<>();

	private final AtomicInteger placedCount = new AtomicInteger();

	private final AtomicLong lastNumber;

	OrderBook(DemoDataset dataset, Clock clock, OrdersProperties properties) {
		this.dataset = dataset;
		this.clock = clock;
		this.maxKeptOrders = properties.maxKeptOrders();
		this.lastNumber = new AtomicLong(dataset.orders().stream().mapToLong(OrderBook::number).max().orElse(1000));
	}

	Optional<PlacedOrder> find(String id) {
		PlacedOrder order = this.placed.get(id);
		if (order != null) {
			return Optional.of(order);
		}
		return this.dataset.orders().stream().filter((seeded) -> seeded.id().equals(id)).findFirst();
	}

	/**
	 * Returns a customer's orders, newest first.
	 */
	List<PlacedOrder> ofCustomer(String customerId) {
		return Stream.concat(this.placed.values().stream(), this.dataset.orders().stream())
			.filter((order) -> order.customerId().equals(customerId))
			.sorted(NEWEST_FIRST)
			.toList();
	}

	PlacedOrder place(String customerId, Product product, int quantity) {
		String id = "o-" + this.lastNumber.incrementAndGet();
		PlacedOrder order = new PlacedOrder(id, customerId, product.id(), quantity, product.price(), PLACED,
				this.clock.instant());
		this.placed.put(id, order);
		this.placedIds.add(id);
		if (this.placedCount.incrementAndGet() > this.maxKeptOrders) {
			forgetOldest();
		}
		return order;
	}

	private void forgetOldest() {
		String oldest = this.placedIds.poll();
		if (oldest != null) {
			this.placed.remove(oldest);
			this.placedCount.decrementAndGet();
		}
	}

	private static long number(PlacedOrder order) {
		return Long.parseLong(order.id().substring(2));
	}

}
