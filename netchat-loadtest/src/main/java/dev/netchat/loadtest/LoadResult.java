package dev.netchat.loadtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured. The typed getters are what a smoke test asserts on (never on timing, only on loss and
 * duplication); {@link #asMap()} is the JSON result with every step and the per-second series.
 */
public final class LoadResult {

    private final Map<String, Object> config;
    private long sent;
    private long accepted;
    private long delivered;
    private long expected;
    private long lost;
    private long doubled;
    private long unexpected;
    private long errors;
    private long socketsOpened;
    private long socketErrors;
    private LatencyStats latency = LatencyStats.of(LatencyStats.newHistogram());
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private final List<Map<String, Object>> series = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private Path jsonFile;
    private Path htmlFile;

    LoadResult(LoadConfig cfg) {
        this.config = cfg.asMap();
    }

    /** Messages the generator tried to post. */
    public long getSent() {
        return sent;
    }
    /** Messages the server acknowledged. */
    public long getAccepted() {
        return accepted;
    }
    /** Deliveries of load-test messages to receivers, doubles included. */
    public long getDelivered() {
        return delivered;
    }
    /** Deliveries owed: each acknowledged message times the members of its room. */
    public long getExpected() {
        return expected;
    }
    /** Acknowledged messages a member never received (summed over receivers). */
    public long getLost() {
        return lost;
    }
    /** Deliveries of a message a receiver already had. */
    public long getDoubled() {
        return doubled;
    }
    /** Deliveries to a socket that is not a member of the message's room. */
    public long getUnexpected() {
        return unexpected;
    }
    /** Failed posts, failed sockets, failed sign-ins. */
    public long getErrors() {
        return errors;
    }

    public long getSocketsOpened() {
        return socketsOpened;
    }

    public long getSocketErrors() {
        return socketErrors;
    }

    public double getP50Millis() {
        return latency.p50();
    }

    public double getP99Millis() {
        return latency.p99();
    }

    public double getP999Millis() {
        return latency.p999();
    }

    public double getMaxMillis() {
        return latency.max();
    }

    public LatencyStats getLatency() {
        return latency;
    }

    public List<Map<String, Object>> getSteps() {
        return steps;
    }

    public List<Map<String, Object>> getSeries() {
        return series;
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public Path getJsonFile() {
        return jsonFile;
    }

    public Path getHtmlFile() {
        return htmlFile;
    }

    void counts(long sent, long accepted, long delivered, DeliveryLedger.Tally t, long errors) {
        this.sent = sent;
        this.accepted = accepted;
        this.delivered = delivered;
        this.expected = t.expected();
        this.lost = t.lost();
        this.doubled = t.doubled();
        this.unexpected = t.unexpected();
        this.errors = errors;
        extra.put("deliveredUnacknowledged", t.deliveredUnacknowledged());
        extra.put("receiversMissingSome", t.receiversMissingSome());
    }

    void sockets(long opened, long failed) {
        this.socketsOpened = opened;
        this.socketErrors = failed;
    }

    void latency(LatencyStats s) {
        this.latency = s;
    }

    void errors(long e) {
        this.errors = e;
    }

    void files(Path json, Path html) {
        this.jsonFile = json;
        this.htmlFile = html;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", config);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sent", sent);
        s.put("accepted", accepted);
        s.put("delivered", delivered);
        s.put("expected", expected);
        s.put("lost", lost);
        s.put("doubled", doubled);
        s.put("unexpected", unexpected);
        s.put("errors", errors);
        s.put("socketsOpened", socketsOpened);
        s.put("socketErrors", socketErrors);
        s.put("latency", latency.asMap());
        s.putAll(extra);
        m.put("summary", s);
        m.put("steps", steps);
        m.put("series", series);
        return m;
    }
}
