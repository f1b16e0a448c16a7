package dev.bfftemplate.demo.services.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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

	// Per customer and newest first, so that a call for one customer's orders touches
	// only theirs and sorts
	// nothing: benchmarks place thousands of orders for one customer, and sorting every
	// order on every call made
	// each call slower than the one before.
	private final Map<String, NavigableSet<PlacedOrder>> placedByCustomer = new ConcurrentHashMap<>();

	private final Map<String, List<PlacedOrder>> seededByCustomer;

	private final Queue<String> placedIds = new ConcurrentLinkedQueue<>();

	private final AtomicInteger placedCount = new AtomicInteger();

	private final AtomicLong lastNumber;

	OrderBook(DemoDataset dataset, Clock clock, OrdersProperties properties) {
		this.dataset = dataset;
		this.clock = clock;
		this.maxKeptOrders = properties.maxKeptOrders();
		this.lastNumber = new AtomicLong(dataset.orders().stream().mapToLong(OrderBook::number).max().orElse(1000));
		this.seededByCustomer = dataset.orders()
			.stream()
			.sorted(NEWEST_FIRST)
			.collect(Collectors.groupingBy(PlacedOrder::customerId, Collectors.toUnmodifiableList()));
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
		List<PlacedOrder> seeded = this.seededByCustomer.getOrDefault(customerId, List.of());
		NavigableSet<PlacedOrder> placed = this.placedByCustomer.get(customerId);
		if (placed == null || placed.isEmpty()) {
			return seeded;
		}
		List<PlacedOrder> orders = new ArrayList<>(placed.size() + seeded.size());
		orders.addAll(placed);
		int placedSize = orders.size();
		orders.addAll(seeded);
		// Both parts are newest first; placed orders are newer than seeded ones unless
		// the clock is behind the seed's
		// reference time (tests with a fixed clock): then the whole list is sorted.
		if (placedSize > 0 && !seeded.isEmpty()
				&& NEWEST_FIRST.compare(orders.get(placedSize - 1), seeded.get(0)) > 0) {
			orders.sort(NEWEST_FIRST);
		}
		return Collections.unmodifiableList(orders);
	}

	PlacedOrder place(String customerId, Product product, int quantity) {
		String id = "o-" + this.lastNumber.incrementAndGet();
		PlacedOrder order = new PlacedOrder(id, customerId, product.id(), quantity, product.price(), PLACED,
				this.clock.instant());
		this.placed.put(id, order);
		this.placedByCustomer.computeIfAbsent(customerId, (key) -> new ConcurrentSkipListSet<>(NEWEST_FIRST))
			.add(order);
		this.placedIds.add(id);
		if (this.placedCount.incrementAndGet() > this.maxKeptOrders) {
			forgetOldest();
		}
		return order;
	}

	private void forgetOldest() {
		String oldest = this.placedIds.poll();
		if (oldest != null) {
			PlacedOrder forgotten = this.placed.remove(oldest);
			if (forgotten != null) {
				this.placedByCustomer.get(forgotten.customerId()).remove(forgotten);
			}
			this.placedCount.decrementAndGet();
		}
	}

	private static long number(PlacedOrder order) {
		return Long.parseLong(order.id().substring(2));
	}

}
