package dev.bfftemplate.demo.services.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
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
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;

import org.springframework.stereotype.Component;

/**
 * Every order: the seeded ones plus those placed since startup, which live in memory only
 * and are gone after a restart.
 * <p>
 * A customer's orders are read a page at a time from a per-customer index kept newest
 * first, so a call costs what its page holds, not the customer's whole history:
 * benchmarks place thousands of orders for one customer, and copying (before that,
 * sorting) them all on every call made each dashboard and mobile home slower than the one
 * before.
 */
@Component
class OrderBook {

	private static final String PLACED = "placed";

	private static final Comparator<PlacedOrder> NEWEST_FIRST = Comparator.comparing(PlacedOrder::createdAt)
		.thenComparing(OrderBook::number)
		.reversed();

	private final Clock clock;

	private final int maxKeptOrders;

	private final Map<String, PlacedOrder> seeded;

	private final Map<String, PlacedOrder> placed = new ConcurrentHashMap<>();

	private final Map<String, CustomerIndex> byCustomer = new ConcurrentHashMap<>();

	private final Queue<String> placedIds = new ConcurrentLinkedQueue<>();

	private final AtomicInteger placedCount = new AtomicInteger();

	private final AtomicLong lastNumber;

	OrderBook(DemoDataset dataset, Clock clock, OrdersProperties properties) {
		this.clock = clock;
		this.maxKeptOrders = properties.maxKeptOrders();
		this.lastNumber = new AtomicLong(dataset.orders().stream().mapToLong(OrderBook::number).max().orElse(1000));
		this.seeded = dataset.orders()
			.stream()
			.collect(Collectors.toUnmodifiableMap(PlacedOrder::id, Function.identity()));
		// Seeded and placed orders share one index, ordered by the comparator even when
		// the clock is behind the seed's reference time (a test's fixed clock).
		dataset.orders().forEach((order) -> index(order.customerId()).add(order));
	}

	Optional<PlacedOrder> find(String id) {
		PlacedOrder order = this.placed.get(id);
		return Optional.ofNullable((order != null) ? order : this.seeded.get(id));
	}

	/**
	 * Returns one page of a customer's orders, newest first.
	 * @param customerId the customer
	 * @param skip how many of the newest orders to pass over
	 * @param limit the most orders on the page
	 * @return the page
	 */
	OrderSlice ofCustomer(String customerId, long skip, int limit) {
		CustomerIndex index = this.byCustomer.get(customerId);
		if (index == null) {
			return new OrderSlice(List.of(), false, 0);
		}
		Iterator<PlacedOrder> orders = index.newestFirst.iterator();
		for (long i = 0; i < skip && orders.hasNext(); i++) {
			orders.next();
		}
		return index.slice(orders, limit);
	}

	/**
	 * Returns the page of a customer's orders that follows one of them (keyset paging),
	 * newest first.
	 * @param customerId the customer
	 * @param afterId the last order of the previous page
	 * @param limit the most orders on the page
	 * @return the page, empty if {@code afterId} is not one of the customer's orders
	 * (unknown, another customer's, or forgotten)
	 */
	Optional<OrderSlice> ofCustomerAfter(String customerId, String afterId, int limit) {
		CustomerIndex index = this.byCustomer.get(customerId);
		return find(afterId).filter((after) -> index != null && index.newestFirst.contains(after))
			.map((after) -> index.slice(index.newestFirst.tailSet(after, false).iterator(), limit));
	}

	PlacedOrder place(String customerId, Product product, int quantity) {
		String id = "o-" + this.lastNumber.incrementAndGet();
		PlacedOrder order = new PlacedOrder(id, customerId, product.id(), quantity, product.price(), PLACED,
				this.clock.instant());
		this.placed.put(id, order);
		index(customerId).add(order);
		this.placedIds.add(id);
		if (this.placedCount.incrementAndGet() > this.maxKeptOrders) {
			forgetOldest();
		}
		return order;
	}

	private CustomerIndex index(String customerId) {
		return this.byCustomer.computeIfAbsent(customerId, (key) -> new CustomerIndex());
	}

	private void forgetOldest() {
		String oldest = this.placedIds.poll();
		if (oldest != null) {
			PlacedOrder forgotten = this.placed.remove(oldest);
			if (forgotten != null) {
				this.byCustomer.get(forgotten.customerId()).remove(forgotten);
			}
			this.placedCount.decrementAndGet();
		}
	}

	private static long number(PlacedOrder order) {
		return Long.parseLong(order.id().substring(2));
	}

	/**
	 * Some of a customer's orders, newest first.
	 *
	 * @param orders the orders
	 * @param hasMore whether older orders follow
	 * @param totalCount how many orders the customer has
	 */
	record OrderSlice(List<PlacedOrder> orders, boolean hasMore, int totalCount) {

	}

	/**
	 * One customer's orders newest first, and their count (a concurrent set counts by
	 * walking every element).
	 */
	private static final class CustomerIndex {

		private final NavigableSet<PlacedOrder> newestFirst = new ConcurrentSkipListSet<>(NEWEST_FIRST);

		private final AtomicInteger count = new AtomicInteger();

		void add(PlacedOrder order) {
			if (this.newestFirst.add(order)) {
				this.count.incrementAndGet();
			}
		}

		void remove(PlacedOrder order) {
			if (this.newestFirst.remove(order)) {
				this.count.decrementAndGet();
			}
		}

		OrderSlice slice(Iterator<PlacedOrder> orders, int limit) {
			List<PlacedOrder> page = new ArrayList<>(Math.min(limit, 32));
			while (page.size() < limit && orders.hasNext()) {
				page.add(orders.next());
			}
			return new OrderSlice(List.copyOf(page), orders.hasNext(), this.count.get());
		}

	}

}
