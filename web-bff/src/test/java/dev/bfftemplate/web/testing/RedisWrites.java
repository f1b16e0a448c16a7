package dev.bfftemplate.web.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * Counts the write commands a Redis server has executed, from its own statistics
 * ({@code INFO commandstats}, with Redis' {@code write} ACL category telling which
 * commands write): what reached the server, without {@code MONITOR} and without any
 * wrapper in the application under test.
 */
public final class RedisWrites implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final Set<String> writeCommands;

	private RedisWrites(RedisClient client) {
		this.client = client;
		this.connection = client.connect();
		List<String> writes = this.connection.sync()
			.dispatch(CommandType.ACL, new ValueListOutput<>(StringCodec.UTF8),
					new CommandArgs<>(StringCodec.UTF8).add("CAT").add("write"));
		this.writeCommands = writes.stream().map(String::toLowerCase).collect(Collectors.toSet());
	}

	/**
	 * Connects to a server on the loopback address.
	 * @param port its port
	 * @return the counter; close it to disconnect
	 */
	public static RedisWrites of(int port) {
		return new RedisWrites(RedisClient.create(RedisURI.create("127.0.0.1", port)));
	}

	/**
	 * Starts counting again from zero.
	 */
	public void reset() {
		this.connection.sync().configResetstat();
	}

	/**
	 * The write commands executed since the last {@link #reset()}, by name.
	 * @return the number of calls of each write command, empty when there were none
	 */
	public Map<String, Long> sinceReset() {
		Map<String, Long> writes = new HashMap<>();
		for (String line : this.connection.sync().info("commandstats").split("\r?\n")) {
			if (!line.startsWith("cmdstat_")) {
				continue;
			}
			String command = line.substring("cmdstat_".length(), line.indexOf(':'));
			if (this.writeCommands.contains(command)) {
				String calls = line.substring(line.indexOf("calls=") + "calls=".length());
				writes.put(command, Long.parseLong(calls.substring(0, calls.indexOf(','))));
			}
		}
		return writes;
	}

	/**
	 * Makes the server refuse every write ({@code NOREPLICAS}) while it still answers
	 * reads, as a primary that lost its replicas does.
	 * @param refuse whether to refuse writes
	 */
	public void refuseWrites(boolean refuse) {
		this.connection.sync().configSet("min-replicas-to-write", refuse ? "1" : "0");
	}

	/**
	 * Whether a key exists, read without touching anything the application stores.
	 * @param key the key
	 * @return whether it exists
	 */
	public boolean hasKey(String key) {
		return this.connection.sync().exists(key) == 1;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
