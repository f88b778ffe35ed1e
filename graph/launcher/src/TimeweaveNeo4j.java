import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Timeweave's local Neo4j Community DBMS: the embedded engine plus its Bolt server, so the app
 * (which only speaks Bolt through neo4j-driver) gets a real Neo4j without Docker or a tarball.
 * Started and stopped by graph/local-neo4j.ts; usable by hand too:
 *
 *   java [flags from local-neo4j.ts] -cp ".neo4j/classes:.neo4j/lib/*" TimeweaveNeo4j \
 *        --home=.neo4j/data --logs=.neo4j/logs --port=7687 --pagecache=512m
 *
 * Every option falls back to an environment variable (TIMEWEAVE_NEO4J_DATA, _LOGS, _PORT,
 * _PAGECACHE). The password comes ONLY from TIMEWEAVE_NEO4J_PASSWORD: argv is world-readable
 * through ps / /proc, the environment is not.
 *
 * Prints "TIMEWEAVE_NEO4J_READY bolt://127.0.0.1:PORT" once Bolt is up AND the password is set
 * (a client connecting earlier could race the neo4j/neo4j initial password), and
 * "TIMEWEAVE_NEO4J_STOPPED" after a clean shutdown (SIGTERM / SIGINT run the shutdown hook).
 */
public final class TimeweaveNeo4j {
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(option(opts, "home", "TIMEWEAVE_NEO4J_DATA", ".neo4j/data")).toAbsolutePath();
        Path logs = Path.of(option(opts, "logs", "TIMEWEAVE_NEO4J_LOGS", ".neo4j/logs")).toAbsolutePath();
        int port = Integer.parseInt(option(opts, "port", "TIMEWEAVE_NEO4J_PORT", "7687"));
        // Neo4j's own byte-size parser, so "512m", "2g" or a plain byte count all work.
        long pageCache = SettingValueParsers.BYTES.parse(option(opts, "pagecache", "TIMEWEAVE_NEO4J_PAGECACHE", "512m"));
        String password = System.getenv("TIMEWEAVE_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("TimeweaveNeo4j: TIMEWEAVE_NEO4J_PASSWORD must be set (min. 8 characters)");
            System.exit(2);
        }

        // Neo4j's default transaction budget is 70% of the heap with no per-transaction cap, so a
        // single runaway query can take the whole JVM down with OutOfMemoryError. Cap the total at
        // 60% of -Xmx and one transaction at 40%: a too-big query then fails with a clear
        // MemoryLimitExceeded error while the server keeps running.
        long heap = Runtime.getRuntime().maxMemory();

        // Register the hook before build(): a SIGTERM that lands mid-startup must still shut the
        // store down cleanly instead of leaving it for recovery on the next start.
        AtomicReference<DatabaseManagementService> dbmsRef = new AtomicReference<>();
        Log4jLogProvider userLog = new Log4jLogProvider(System.out); // stdout -> .neo4j/logs/neo4j.log
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService dbms = dbmsRef.get();
            if (dbms != null) {
                System.out.println("TimeweaveNeo4j: stopping (checkpoint + close)");
                dbms.shutdown();
                System.out.println("TIMEWEAVE_NEO4J_STOPPED");
            }
            userLog.close();
            stopped.countDown();
        }, "timeweave-neo4j-shutdown"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Put databases/, transactions/ and dbms/ (auth) straight under the home dir
                // instead of the server layout's extra home/data/ level.
                .setConfig(GraphDatabaseSettings.data_directory, home)
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(BoltConnector.enabled, true)
                // Loopback only: this is a developer database, never reachable from the network.
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap * 6 / 10)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, heap * 4 / 10)
                // Transaction logs: by default each database preallocates a 256 MiB log file, so an
                // empty store took 512 MiB of disk, and rotated logs are kept for 2 days, which
                // adds up during bulk ingests. Logs needed for crash recovery are always kept;
                // older ones only serve (Enterprise) incremental backups, so cap them by size.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                // No usage reports: the machine may be offline and a dev DB should not phone home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's Netty event loops wait a 5 s "quiet period" each while stopping, which made
                // every stop take ~12 s although the databases are checkpointed and closed after ~1 s.
                // Nothing needs that grace period on a local dev server.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                .setUserLogProvider(userLog)
                .build();
        dbmsRef.set(dbms);

        try {
            // Setting the password runs the JVM's first Cypher queries: ~7 s on a cold JVM, most of
            // a restart. So remember a salted hash of (password, the user's stored credentials) and
            // skip the step while both are unchanged. The credentials part (read in milliseconds
            // through the core API) catches a recreated store or a password changed in Cypher.
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            Path applied = home.resolve("timeweave-password-applied");
            if (!matchesHash(applied, password + "\n" + storedCredentials(system))) {
                ensurePassword(system, password);
                writeHash(applied, password + "\n" + storedCredentials(system));
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("TimeweaveNeo4j: could not set the neo4j password: " + e.getMessage());
            System.exit(1); // runs the shutdown hook, so the store is still closed cleanly
        }

        System.out.println("TIMEWEAVE_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        // Cypher's parser, planner and runtime load and JIT on first use (~5 s here). Pay that in
        // the background right after READY rather than in the app's first query.
        Thread warmup = new Thread(() -> {
            try {
                dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
            } catch (RuntimeException ignored) {
                // best effort only (e.g. a shutdown raced it)
            }
        }, "timeweave-cypher-warmup");
        warmup.setDaemon(true);
        warmup.start();
        // Park the main thread; the JVM stays up until a signal runs the shutdown hook.
        stopped.await();
    }

    /**
     * Makes the built-in neo4j user's password equal to the configured one. A fresh store has
     * neo4j/neo4j with a forced change: set it. Otherwise it was set before, maybe to something
     * else (TIMEWEAVE_NEO4J_PASSWORD changed): set it again, and treat Neo4j's "Old password and
     * new password cannot be the same" refusal as "already correct". Probing a login instead would
     * count as a failed attempt, and a few of those lock the account.
     */
    private static void ensurePassword(GraphDatabaseService system, String password) {
        boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
                Map.of(),
                result -> result.hasNext() && Boolean.TRUE.equals(result.next().get("passwordChangeRequired")));
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            System.out.println(changeRequired
                    ? "TimeweaveNeo4j: initial password set for user neo4j"
                    : "TimeweaveNeo4j: password for user neo4j updated");
        } catch (QueryExecutionException e) {
            if (changeRequired || !String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
            // Same password as before: nothing to do.
        }
    }

    /** The neo4j user's salted password hash as stored in the system graph ("" if absent). */
    private static String storedCredentials(GraphDatabaseService system) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            return user == null ? "" : String.valueOf(user.getProperty("credentials", ""));
        }
    }

    private static boolean matchesHash(Path file, String secret) {
        try {
            String[] saltAndHash = Files.readString(file).trim().split(":");
            return saltAndHash.length == 2
                    && MessageDigest.isEqual(HexFormat.of().parseHex(saltAndHash[1]),
                            sha256(HexFormat.of().parseHex(saltAndHash[0]), secret));
        } catch (IOException | IllegalArgumentException e) {
            return false; // missing or garbled: apply the password
        }
    }

    private static void writeHash(Path file, String secret) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.writeString(file, HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(sha256(salt, secret)) + "\n");
    }

    private static byte[] sha256(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM ships SHA-256
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("TimeweaveNeo4j: expected --name=value, got " + arg);
                System.exit(2);
            }
            opts.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return opts;
    }

    private static String option(Map<String, String> opts, String name, String env, String fallback) {
        String value = opts.get(name);
        if (value == null || value.isEmpty()) {
            value = System.getenv(env);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }
}
