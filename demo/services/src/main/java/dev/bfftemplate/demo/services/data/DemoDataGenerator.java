package dev.bfftemplate.demo.services.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds the {@link DemoDataset} from a seed. Everything is drawn from one {@link Random}
 * in a fixed order, whose algorithm the JDK specifies, so the same properties give the
 * same data on every start and every machine.
 */
final class DemoDataGenerator {

	private static final List<Category> CATEGORIES = List.of(
			new Category("audio", List.of("Headphones", "Speaker", "Earbuds", "Soundbar")),
			new Category("cameras", List.of("Camera", "Lens", "Tripod", "Action Cam")),
			new Category("computers", List.of("Laptop", "Monitor", "Keyboard", "Mouse")),
			new Category("gaming", List.of("Controller", "Headset", "Console", "Racing Wheel")),
			new Category("home", List.of("Lamp", "Thermostat", "Air Purifier", "Doorbell")),
			new Category("kitchen", List.of("Kettle", "Blender", "Coffee Grinder", "Toaster")),
			new Category("outdoor", List.of("Tent", "Backpack", "Headlamp", "Water Bottle")),
			new Category("wearables", List.of("Smartwatch", "Fitness Band", "Smart Ring", "Sunglasses")));

	private static final List<String> BRANDS = List.of("Acme", "Norda", "Lumen", "Vireo", "Kestrel", "Orbis", "Tandem",
			"Quill", "Solace", "Brio");

	private static final List<String> ADJECTIVES = List.of("Compact", "Classic", "Pro", "Ultra", "Eco", "Smart",
			"Travel", "Studio", "Lite", "Max");

	private static final List<String> USES = List.of("everyday use", "travel", "small spaces", "long sessions",
			"beginners", "enthusiasts");

	private static final List<String> WAREHOUSES = List.of("ams-1", "fra-1", "mad-1");

	private static final List<String> FIRST_NAMES = List.of("Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo",
			"Ines", "Jonas", "Keiko", "Lars", "Mara", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Umar");

	private static final List<String> LAST_NAMES = List.of("Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia",
			"Hansen", "Ivanova", "Jensen", "Kowalski", "Laine", "Moreau", "Novak", "Okafor");

	private static final List<String> TIERS = List.of("bronze", "bronze", "bronze", "silver", "silver", "gold",
			"platinum");

	/** Ratings drawn with these weights: reviews lean positive, like real shops. */
	private static final List<Integer> RATINGS = List.of(1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5);

	private static final List<String> TITLES = List.of("Disappointing", "Not great", "It's okay", "Very good",
			"Excellent");

	private static final int FIRST_ORDER_NUMBER = 1001;

	private static final int MAX_ORDERS_PER_CUSTOMER = 8;

	private static final int MAX_REVIEWS_PER_PRODUCT = 15;

	private static final Duration ORDER_HISTORY = Duration.ofDays(365);

	private static final Duration REVIEW_HISTORY = Duration.ofDays(730);

	private final DemoDataProperties properties;

	private final Random random;

	DemoDataGenerator(DemoDataProperties properties) {
		this.properties = properties;
		this.random = new Random(properties.seed());
	}

	DemoDataset generate() {
		List<Product> products = products();
		List<Customer> customers = customers();
		List<PlacedOrder> orders = orders(products, customers);
		List<Review> reviews = reviews(products, customers);
		return new DemoDataset(products, customers, orders, reviews);
	}

	private List<Product> products() {
		List<Product> products = new ArrayList<>();
		for (int i = 1; i <= this.properties.products(); i++) {
			String id = "p-%03d".formatted(i);
			Category category = pick(CATEGORIES);
			String brand = pick(BRANDS);
			String adjective = pick(ADJECTIVES);
			String noun = pick(category.nouns());
			String name = brand + " " + adjective + " " + noun;
			String description = "A %s %s from %s, made for %s.".formatted(adjective.toLowerCase(Locale.ROOT),
					noun.toLowerCase(Locale.ROOT), brand, pick(USES));
			Money price = new Money(this.random.nextInt(5, 1000) * 100L - 1, this.properties.currency());
			products.add(new Product(id, name, description, category.slug(), brand,
					this.properties.imageBaseUrl().resolve(id + ".jpg"), price, stock(), pick(WAREHOUSES)));
		}
		return products;
	}

	/** One product in seven is sold out and one in five runs low. */
	private int stock() {
		int roll = this.random.nextInt(35);
		if (roll < 5) {
			return 0;
		}
		return (roll < 12) ? this.random.nextInt(1, 11) : this.random.nextInt(11, 501);
	}

	private List<Customer> customers() {
		List<Customer> customers = new ArrayList<>();
		LocalDate reference = LocalDate.ofInstant(this.properties.referenceTime(), ZoneOffset.UTC);
		for (int i = 1; i <= this.properties.customers(); i++) {
			String id = "c-%03d".formatted(i);
			String first = pick(FIRST_NAMES);
			String last = pick(LAST_NAMES);
			String tier = pick(TIERS);
			LocalDate memberSince = reference.minusDays(this.random.nextInt(30, 3000));
			// The demo auth server's users alice and bob are customers c-001 and c-002.
			String name = switch (i) {
				case 1 -> "Alice Anders";
				case 2 -> "Bob Berg";
				default -> first + " " + last;
			};
			String email = switch (i) {
				case 1 -> "alice@example.test";
				case 2 -> "bob@example.test";
				default -> name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
			};
			customers.add(new Customer(id, name, email, tier, memberSince));
		}
		return customers;
	}

	private List<PlacedOrder> orders(List<Product> products, List<Customer> customers) {
		List<PlacedOrder> orders = new ArrayList<>();
		int number = FIRST_ORDER_NUMBER;
		for (int i = 0; i < customers.size(); i++) {
			// The demo users always have an order history to show.
			int count = (i < 2) ? this.random.nextInt(3, MAX_ORDERS_PER_CUSTOMER + 1)
					: this.random.nextInt(MAX_ORDERS_PER_CUSTOMER + 1);
			for (int n = 0; n < count; n++) {
				Product product = pick(products);
				Instant createdAt = before(ORDER_HISTORY);
				orders.add(new PlacedOrder("o-" + number++, customers.get(i).id(), product.id(),
						this.random.nextInt(1, 4), product.price(), statusAt(createdAt), createdAt));
			}
		}
		return orders;
	}

	private String statusAt(Instant createdAt) {
		Duration age = Duration.between(createdAt, this.properties.referenceTime());
		if (age.toDays() < 3) {
			return "placed";
		}
		return (age.toDays() < 10) ? "shipped" : "delivered";
	}

	private List<Review> reviews(List<Product> products, List<Customer> customers) {
		List<Review> reviews = new ArrayList<>();
		int number = 1;
		for (Product product : products) {
			int count = this.random.nextInt(MAX_REVIEWS_PER_PRODUCT + 1);
			for (int n = 0; n < count; n++) {
				int rating = pick(RATINGS);
				String comment = "%s. I use the %s for %s.".formatted(TITLES.get(rating - 1),
						product.name().toLowerCase(Locale.ROOT), pick(USES));
				reviews.add(new Review("r-" + number++, product.id(), pick(customers).id(), rating,
						TITLES.get(rating - 1), comment, before(REVIEW_HISTORY)));
			}
		}
		return reviews;
	}

	private Instant before(Duration history) {
		return this.properties.referenceTime().minusSeconds(this.random.nextLong(1, history.toSeconds()));
	}

	private <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	private record Category(String slug, List<String> nouns) {

	}

}
