package dev.netchat.loadtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One run's settings. Built by {@link #builder()} (programmatic use, e.g. a smoke test in another module) or by
 * {@link #parse(String...)} from {@code --key=value} arguments (the command line).
 */
public final class LoadConfig {

    /** What a run measures. */
    public enum Scenario {
        IDLE,
        TEAMCHAT,
        BROADCAST,
        SIGNIN,
        /** Team chat at one steady rate for a long time (--duration), with sockets coming and going, watching for leaks. */
        SOAK
    }

    /** Which server a run drives. */
    public enum TargetKind {
        NETCHAT,
        UNDERTOW,
        SOCKETIO
    }

    private final Scenario scenario;
    private final TargetKind target;
    private final String url;
    private final long serverPid;
    private final int users;
    private final List<Integer> roomSizes;
    private final int directConversations;
    private final List<Integer> rates;
    private final int stepSeconds;
    private final int warmupSeconds;
    private final double p99LimitMillis;
    private final int payloadChars;
    private final int sourceAddresses;
    private final int socketsPerUser;
    private final int idleStep;
    private final long maxRssMb;
    private final int concurrency;
    private final int connectConcurrency;
    private final int maxInFlightPosts;
    private final int drainSeconds;
    private final int ioThreads;
    private final int pingSeconds;
    private final String userPrefix;
    private final String password;
    private final Path resultsDir;
    private final Path cacheDir;
    private final String label;
    private final int soakSampleSeconds;
    private final int churnPerMinute;

    private LoadConfig(Builder b) {
        this.scenario = Objects.requireNonNull(b.scenario, "scenario");
        this.target = Objects.requireNonNull(b.target, "target");
        this.url = stripSlash(Objects.requireNonNull(b.url, "url"));
        this.serverPid = b.serverPid;
        this.users = positive("users", b.users);
        this.roomSizes = List.copyOf(b.roomSizes);
        this.roomSizes.forEach(s -> positive("room-sizes", s));
        this.directConversations = notNegative("direct", b.directConversations);
        this.rates = List.copyOf(b.rates);
        this.rates.forEach(r -> positive("rates", r));
        this.stepSeconds = positive("step-seconds", b.stepSeconds);
        this.warmupSeconds = notNegative("warmup", b.warmupSeconds);
        if (!(b.p99LimitMillis > 0)) {
            throw new IllegalArgumentException("p99-limit-ms must be > 0: " + b.p99LimitMillis);
        }
        this.p99LimitMillis = b.p99LimitMillis;
        if (b.payloadChars < 48 || b.payloadChars > 4000) {
            throw new IllegalArgumentException("payload must be 48..4000 characters: " + b.payloadChars);
        }
        this.payloadChars = b.payloadChars;
        if (b.sourceAddresses < 1 || b.sourceAddresses > 250) {
            throw new IllegalArgumentException("source-addresses must be 1..250: " + b.sourceAddresses);
        }
        this.sourceAddresses = b.sourceAddresses;
        this.socketsPerUser = positive("sockets-per-user", b.socketsPerUser);
        this.idleStep = positive("idle-step", b.idleStep);
        this.maxRssMb = positive("max-rss-mb", (int) Math.min(Integer.MAX_VALUE, b.maxRssMb));
        this.concurrency = positive("concurrency", b.concurrency);
        this.connectConcurrency = positive("connect-concurrency", b.connectConcurrency);
        this.maxInFlightPosts = positive("max-in-flight", b.maxInFlightPosts);
        this.drainSeconds = notNegative("drain-seconds", b.drainSeconds);
        this.ioThreads = positive("io-threads", b.ioThreads);
        this.pingSeconds = notNegative("ping-seconds", b.pingSeconds);
        this.userPrefix = Objects.requireNonNull(b.userPrefix);
        if (!userPrefix.matches("[a-z0-9._-]{1,20}")) {
            throw new IllegalArgumentException("user-prefix must be 1..20 of a-z 0-9 . _ -: " + userPrefix);
        }
        this.password = Objects.requireNonNull(b.password);
        this.resultsDir = Objects.requireNonNull(b.resultsDir);
        this.cacheDir = Objects.requireNonNull(b.cacheDir);
        this.soakSampleSeconds = positive("soak-sample-seconds", b.soakSampleSeconds);
        this.churnPerMinute = notNegative("churn-per-minute", b.churnPerMinute);
        this.label = b.label != null
                ? b.label
                : scenario.name().toLowerCase(Locale.ROOT) + "-" + target.name().toLowerCase(Locale.ROOT);
        if ((scenario == Scenario.TEAMCHAT || scenario == Scenario.BROADCAST || scenario == Scenario.SOAK)
                && rates.isEmpty()) {
            throw new IllegalArgumentException("rates must name at least one rate");
        }
        if (scenario == Scenario.SOAK && rates.size() != 1) {
            throw new IllegalArgumentException("soak runs at one rate (half the sustained one): " + rates);
        }
        if ((scenario == Scenario.TEAMCHAT || scenario == Scenario.SOAK)
                && roomSizes.isEmpty()
                && directConversations == 0) {
            throw new IllegalArgumentException("teamchat needs room-sizes or direct conversations");
        }
        if (directConversations * 2 > users) {
            throw new IllegalArgumentException(
                    "direct conversations need 2 users each: " + directConversations + " > users/2");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses {@code --key=value} (or {@code --key value}) arguments. Unknown keys and malformed values fail fast
     * with an {@link IllegalArgumentException} naming the argument.
     */
    public static LoadConfig parse(String... args) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected --key=value, got: " + a);
            }
            String body = a.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                kv.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                kv.put(body, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for --" + body);
            }
        }
        Builder b = builder();
        for (Map.Entry<String, String> e : kv.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            switch (k) {
                case "scenario" -> b.scenario(enumValue(Scenario.class, k, v));
                case "target" -> b.target(enumValue(TargetKind.class, k, v));
                case "url" -> b.url(v);
                case "server-pid" -> b.serverPid(longValue(k, v));
                case "users" -> b.users(intValue(k, v));
                case "room-size", "room-sizes" -> b.roomSizes(intList(k, v));
                case "direct" -> b.directConversations(intValue(k, v));
                case "rate", "rates" -> b.rates(intList(k, v));
                case "duration", "step-seconds" -> b.stepSeconds(intValue(k, v));
                case "warmup" -> b.warmupSeconds(intValue(k, v));
                case "p99-limit-ms" -> b.p99LimitMillis(doubleValue(k, v));
                case "payload" -> b.payloadChars(intValue(k, v));
                case "source-addresses" -> b.sourceAddresses(intValue(k, v));
                case "sockets-per-user" -> b.socketsPerUser(intValue(k, v));
                case "idle-step" -> b.idleStep(intValue(k, v));
                case "max-rss-mb" -> b.maxRssMb(longValue(k, v));
                case "concurrency" -> b.concurrency(intValue(k, v));
                case "connect-concurrency" -> b.connectConcurrency(intValue(k, v));
                case "max-in-flight" -> b.maxInFlightPosts(intValue(k, v));
                case "drain-seconds" -> b.drainSeconds(intValue(k, v));
                case "io-threads" -> b.ioThreads(intValue(k, v));
                case "ping-seconds" -> b.pingSeconds(intValue(k, v));
                case "user-prefix" -> b.userPrefix(v);
                case "password" -> b.password(v);
                case "results" -> b.resultsDir(Path.of(v));
                case "cache" -> b.cacheDir(Path.of(v));
                case "label" -> b.label(v);
                case "soak-sample-seconds" -> b.soakSampleSeconds(intValue(k, v));
                case "churn-per-minute" -> b.churnPerMinute(intValue(k, v));
                default -> throw new IllegalArgumentException("unknown argument --" + k);
            }
        }
        return b.build();
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: java -jar netchat-loadtest.jar --scenario=teamchat|broadcast|idle|signin|soak",
                "  --target=netchat|undertow|socketio --url=http://127.0.0.1:8080[,http://second-node:8080...] --server-pid=PID",
                "  --users=N --room-sizes=10,50,1000 --direct=N --rates=100,200,400 --duration=SECONDS_PER_RATE",
                "  [--warmup=5] [--p99-limit-ms=100] [--payload=120] [--source-addresses=8] [--sockets-per-user=1]",
                "  [--idle-step=1000] [--max-rss-mb=4096] [--concurrency=8] [--connect-concurrency=200]",
                "  [--max-in-flight=2000] [--drain-seconds=15] [--io-threads=2] [--ping-seconds=30 (0 = off)]",
                "  [--user-prefix=lt] [--soak-sample-seconds=60] [--churn-per-minute=30] (soak: one rate for --duration seconds)",
                "  [--results=target/results] [--cache=/tmp/loadtest-cache] [--label=NAME]");
    }

    private static String stripSlash(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static int positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + v);
        }
        return v;
    }

    private static int notNegative(String name, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + v);
        }
        return v;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String k, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--" + k + " must be one of " + Arrays.toString(type.getEnumConstants()) + ": " + v);
        }
    }

    private static int intValue(String k, String v) {
        try {
            return Integer.parseInt(v.replace("_", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + k + " must be an integer: " + v);
        }
    }

    private static long longValue(String k, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + k + " must be an integer: " + v);
        }
    }

    private static double doubleValue(String k, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + k + " must be a number: " + v);
        }
    }

    private static List<Integer> intList(String k, String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(intValue(k, part));
            }
        }
        return out;
    }

    public Scenario scenario() {
        return scenario;
    }

    public TargetKind target() {
        return target;
    }
    /** The first node's URL: setup (signups, rooms) goes there. */
    public String url() {
        return urls().get(0);
    }

    /**
     * Every node's URL ({@code --url=http://a:8180,http://b:8280}): user i connects and posts to node i mod n, so with
     * two nodes half of every room's deliveries cross from one node to the other.
     */
    public List<String> urls() {
        return java.util.Arrays.stream(url.split(","))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .map(LoadConfig::stripSlash)
                .toList();
    }

    public long serverPid() {
        return serverPid;
    }

    public int users() {
        return users;
    }

    public List<Integer> roomSizes() {
        return roomSizes;
    }

    public int directConversations() {
        return directConversations;
    }

    public List<Integer> rates() {
        return rates;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    public int warmupSeconds() {
        return warmupSeconds;
    }

    public double p99LimitMillis() {
        return p99LimitMillis;
    }

    public int payloadChars() {
        return payloadChars;
    }

    public int sourceAddresses() {
        return sourceAddresses;
    }

    public int socketsPerUser() {
        return socketsPerUser;
    }

    public int idleStep() {
        return idleStep;
    }

    public long maxRssMb() {
        return maxRssMb;
    }

    public int concurrency() {
        return concurrency;
    }

    public int connectConcurrency() {
        return connectConcurrency;
    }

    public int maxInFlightPosts() {
        return maxInFlightPosts;
    }

    public int drainSeconds() {
        return drainSeconds;
    }

    public int ioThreads() {
        return ioThreads;
    }
    /** How often each NetChat socket sends {"type":"ping"}, as the web client does; 0 = never. */
    public int pingSeconds() {
        return pingSeconds;
    }

    public int soakSampleSeconds() {
        return soakSampleSeconds;
    }

    public int churnPerMinute() {
        return churnPerMinute;
    }

    public String userPrefix() {
        return userPrefix;
    }

    public String password() {
        return password;
    }

    public Path resultsDir() {
        return resultsDir;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public String label() {
        return label;
    }

    /** The settings as a map, for the JSON result. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.name().toLowerCase(Locale.ROOT));
        m.put("target", target.name().toLowerCase(Locale.ROOT));
        m.put("url", url);
        m.put("serverPid", serverPid);
        m.put("users", users);
        m.put("roomSizes", roomSizes);
        m.put("direct", directConversations);
        m.put("rates", rates);
        m.put("stepSeconds", stepSeconds);
        if (scenario == Scenario.SOAK) {
            m.put("soakSampleSeconds", soakSampleSeconds);
            m.put("churnPerMinute", churnPerMinute);
        }
        m.put("warmupSeconds", warmupSeconds);
        m.put("p99LimitMs", p99LimitMillis);
        m.put("payloadChars", payloadChars);
        m.put("sourceAddresses", sourceAddresses);
        m.put("socketsPerUser", socketsPerUser);
        m.put("idleStep", idleStep);
        m.put("maxRssMb", maxRssMb);
        m.put("concurrency", concurrency);
        m.put("ioThreads", ioThreads);
        m.put("pingSeconds", pingSeconds);
        m.put("label", label);
        return m;
    }

    /** Mutable builder with the defaults used on a 2-core machine. */
    public static final class Builder {
        private Scenario scenario = Scenario.TEAMCHAT;
        private TargetKind target = TargetKind.NETCHAT;
        private String url = "http://127.0.0.1:8080";
        private long serverPid;
        private int users = 100;
        private List<Integer> roomSizes = List.of(10);
        private int directConversations;
        private List<Integer> rates = List.of(10);
        private int stepSeconds = 10;
        private int soakSampleSeconds = 60;
        private int churnPerMinute = 30;
        private int warmupSeconds;
        private double p99LimitMillis = 100;
        private int payloadChars = 120;
        private int sourceAddresses = 8;
        private int socketsPerUser = 1;
        private int idleStep = 1000;
        private long maxRssMb = 4096;
        private int concurrency = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int connectConcurrency = 200;
        private int maxInFlightPosts = 2000;
        private int drainSeconds = 15;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private int pingSeconds = 30;
        private String userPrefix = "lt";
        private String password = "loadtest-password-1";
        // Under target/ so raw results never enter the source tree; the figures of record go to docs/PERFORMANCE.md.
        private Path resultsDir = Path.of("target", "results");
        private Path cacheDir = Path.of("/tmp/loadtest-cache");
        private String label;

        public Builder scenario(Scenario v) {
            scenario = v;
            return this;
        }

        public Builder target(TargetKind v) {
            target = v;
            return this;
        }

        public Builder url(String v) {
            url = v;
            return this;
        }

        public Builder serverPid(long v) {
            serverPid = v;
            return this;
        }

        public Builder users(int v) {
            users = v;
            return this;
        }

        public Builder roomSizes(List<Integer> v) {
            roomSizes = v;
            return this;
        }

        public Builder directConversations(int v) {
            directConversations = v;
            return this;
        }

        public Builder rates(List<Integer> v) {
            rates = v;
            return this;
        }

        public Builder stepSeconds(int v) {
            stepSeconds = v;
            return this;
        }

        public Builder soakSampleSeconds(int v) {
            soakSampleSeconds = v;
            return this;
        }

        public Builder churnPerMinute(int v) {
            churnPerMinute = v;
            return this;
        }

        public Builder warmupSeconds(int v) {
            warmupSeconds = v;
            return this;
        }

        public Builder p99LimitMillis(double v) {
            p99LimitMillis = v;
            return this;
        }

        public Builder payloadChars(int v) {
            payloadChars = v;
            return this;
        }

        public Builder sourceAddresses(int v) {
            sourceAddresses = v;
            return this;
        }

        public Builder socketsPerUser(int v) {
            socketsPerUser = v;
            return this;
        }

        public Builder idleStep(int v) {
            idleStep = v;
            return this;
        }

        public Builder maxRssMb(long v) {
            maxRssMb = v;
            return this;
        }

        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder connectConcurrency(int v) {
            connectConcurrency = v;
            return this;
        }

        public Builder maxInFlightPosts(int v) {
            maxInFlightPosts = v;
            return this;
        }

        public Builder drainSeconds(int v) {
            drainSeconds = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder pingSeconds(int v) {
            pingSeconds = v;
            return this;
        }

        public Builder userPrefix(String v) {
            userPrefix = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder resultsDir(Path v) {
            resultsDir = v;
            return this;
        }

        public Builder cacheDir(Path v) {
            cacheDir = v;
            return this;
        }

        public Builder label(String v) {
            label = v;
            return this;
        }

        public LoadConfig build() {
            return new LoadConfig(this);
        }
    }
}
