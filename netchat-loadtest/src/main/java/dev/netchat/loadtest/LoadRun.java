package dev.netchat.loadtest;

import io.netty.buffer.ByteBuf;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one scenario against one target and writes its JSON result and HTML chart.
 * <pre>LoadResult r = LoadRun.run(LoadConfig.builder().url("http://127.0.0.1:8080").users(200).build());</pre>
 */
public final class LoadRun {

    private final LoadConfig cfg;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final Recorder recorder = new Recorder(3);
    private final Recorder ackRecorder = new Recorder(3);
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder frames = new LongAdder();
    private final LongAdder keepAliveReplies = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder postErrors = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder socketsClosed = new LongAdder();
    private final LongAdder socketErrors = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger loggedErrors = new AtomicInteger();
    private final Object histLock = new Object();
    private final Histogram total = LatencyStats.newHistogram();
    private final Histogram ackTotal = LatencyStats.newHistogram();
    private final long startNanos = System.nanoTime();
    private volatile Histogram stepHistogram = LatencyStats.newHistogram();
    private volatile boolean countingTotal;
    private volatile boolean closing;
    private volatile Map<Long, long[]> tracks;

    private DeliveryLedger ledger;
    /** Same-node vs cross-node delivery latency (only with several --url nodes of NetChat). */
    private NodeLatency byNode = new NodeLatency(1);

    private ChatTarget target;
    private WsClients.WsSocket[] sockets = new WsClients.WsSocket[0];
    private CompletableFuture<Void>[] ready;

    private LoadRun(LoadConfig cfg) {
        this.cfg = cfg;
    }

    /** Runs the configured scenario, writes the result files under the results folder, and returns the result. */
    public static LoadResult run(LoadConfig cfg) throws Exception {
        LoadRun run = new LoadRun(cfg);
        LoadResult result = switch (cfg.scenario()) {
            case TEAMCHAT, SOAK -> run.messaging(false);
            case BROADCAST -> run.messaging(true);
            case IDLE -> run.idle();
            case SIGNIN -> run.signin();
        };
        Reports.write(cfg, result);
        return result;
    }

    // ----- team chat and broadcast ---------------------------------------------------------------------------

    private LoadResult messaging(boolean broadcast) throws Exception {
        LoadResult result = new LoadResult(cfg);
        Layout layout = broadcast
                ? Layout.of(cfg.users(), List.of(cfg.users()), 0)
                : Layout.of(cfg.users(), cfg.roomSizes(), cfg.directConversations());
        if (broadcast) {
            tracks = new ConcurrentHashMap<>();
        }
        receiverRooms = new int[cfg.users()][];
        for (int u = 0; u < cfg.users(); u++) {
            receiverRooms[u] = layout.roomsOf(u);
        }
        ledger = new DeliveryLedger(layout.roomCount(), receiverRooms);
        byNode = new NodeLatency(
                cfg.target() == LoadConfig.TargetKind.NETCHAT ? cfg.urls().size() : 1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (ChatTarget t = ChatTarget.create(cfg);
                WsClients clients = new WsClients(cfg.ioThreads())) {
            target = t;
            long p0 = System.nanoTime();
            target.prepare(layout);
            result.getExtra().put("prepareSeconds", round((System.nanoTime() - p0) / 1e9));
            result.getExtra().put("rooms", layout.roomCount());
            result.getExtra().put("meanFanOut", round(layout.meanFanOut()));
            initSockets(cfg.users());
            long c0 = System.nanoTime();
            ProcStats.Sample beforeConnect = ProcStats.read(cfg.serverPid());
            int failed = connectRange(clients, 0, cfg.users(), 1);
            result.getExtra().put("connectSeconds", round((System.nanoTime() - c0) / 1e9));
            ProcStats.Sample afterConnect = ProcStats.read(cfg.serverPid());
            result.getExtra().put("serverRssMbBeforeSockets", beforeConnect.rssKb() / 1024);
            result.getExtra().put("serverRssMbWithSockets", afterConnect.rssKb() / 1024);
            result.sockets(cfg.users() - failed, failed);
            NetChatTarget.log("sockets ready: " + (cfg.users() - failed) + ", failed " + failed);

            settle(result);
            Sampler s = new Sampler(result);
            sampler.scheduleAtFixedRate(s::sample, 1, 1, TimeUnit.SECONDS);
            Soak soak = cfg.scenario() == LoadConfig.Scenario.SOAK ? new Soak(clients) : null;
            ScheduledExecutorService soakTimer = Executors.newSingleThreadScheduledExecutor();
            if (soak != null) {
                soak.watch.sample(0);
                soakTimer.scheduleWithFixedDelay(
                        () -> soak.watch.sample(soak.open.size()),
                        cfg.soakSampleSeconds(),
                        cfg.soakSampleSeconds(),
                        TimeUnit.SECONDS);
                if (cfg.churnPerMinute() > 0) {
                    long every = Math.max(1, 60_000L / cfg.churnPerMinute());
                    soakTimer.scheduleWithFixedDelay(soak::churn, every, every, TimeUnit.MILLISECONDS);
                }
            }

            List<int[]> plan = new ArrayList<>();
            if (cfg.warmupSeconds() > 0) {
                plan.add(new int[] {cfg.rates().get(0), cfg.warmupSeconds(), 1});
            }
            for (int rate : cfg.rates()) {
                plan.add(new int[] {rate, cfg.stepSeconds(), 0});
            }
            for (int i = 0; i < plan.size(); i++) {
                int[] step = plan.get(i);
                boolean warmup = step[2] == 1;
                StepMark mark = new StepMark();
                synchronized (histLock) {
                    stepHistogram = LatencyStats.newHistogram();
                    countingTotal = !warmup;
                }
                byNode.startStep(!warmup);
                NetChatTarget.log((warmup ? "warm-up" : "step") + ": " + step[0] + " msg/s for " + step[1] + " s");
                pace(layout, step[0], step[1]);
                drainRecorder();
                boolean last = i == plan.size() - 1;
                boolean over;
                synchronized (histLock) { // the recorder threads add to it under this lock
                    over = !warmup && LatencyStats.of(stepHistogram).p99() > cfg.p99LimitMillis();
                }
                if (last || over) {
                    drain();
                    drainRecorder();
                }
                Map<String, Object> row = mark.finish(step[0], step[1], warmup);
                result.getSteps().add(row);
                NetChatTarget.log("  " + row);
                if (over) {
                    NetChatTarget.log("p99 above " + cfg.p99LimitMillis() + " ms: stopping the ramp");
                    break;
                }
            }
            sampler.shutdownNow();
            if (soak != null) {
                soakTimer.shutdownNow();
                soak.open.forEach(WsClients.WsSocket::close);
                soak.watch.sample(0);
                Map<String, Object> summary = soak.watch.summary();
                summary.put("churnConnects", soak.connects.get());
                summary.put("churnFailures", soak.failures.get());
                result.getExtra().put("soak", summary);
            } else {
                soakTimer.shutdownNow();
            }
            closing = true;
            DeliveryLedger.Tally tally = ledger.tally();
            result.counts(
                    sent.sum(),
                    accepted.sum(),
                    deliveries.sum(),
                    tally,
                    postErrors.sum() + skipped.sum() + failed + socketErrors.sum());
            synchronized (histLock) {
                result.latency(LatencyStats.of(total));
            }
            result.getExtra().put("postAck", LatencyStats.of(ackTotal).asMap());
            result.getExtra().put("postErrors", postErrors.sum());
            result.getExtra().put("postsSkippedAtMaxInFlight", skipped.sum());
            result.getExtra().put("socketsClosedDuringRun", socketsClosed.sum());
            result.getExtra().put("serverCloseReasons", clients.closeReasons());
            result.getExtra().put("framesReceived", frames.sum());
            if (byNode.active()) {
                result.getExtra().put("byNode", byNode.totalReport());
            }
            result.getExtra().put("keepAliveRepliesReceived", keepAliveReplies.sum());
            if (broadcast) {
                result.getExtra().put("broadcast", broadcastSummary(layout.members(0).length));
            }
            bestSustained(result);
            for (WsClients.WsSocket so : sockets) {
                if (so != null) {
                    so.close();
                }
            }
            Thread.sleep(500);
        } finally {
            sampler.shutdownNow();
        }
        return result;
    }

    /**
     * Waits until the server stops sending frames the sockets' arrival caused (NetChat announces presence to
     * co-members), at most two minutes, so that the first step does not measure the connect storm.
     */
    private void settle(LoadResult result) throws InterruptedException {
        long t0 = System.nanoTime();
        long f0 = frames.sum();
        long last = f0;
        for (int i = 0; i < 120; i++) {
            Thread.sleep(1000);
            long now = frames.sum();
            if (now - last < 20) {
                break;
            }
            last = now;
        }
        result.getExtra().put("settleSeconds", round((System.nanoTime() - t0) / 1e9));
        result.getExtra().put("framesWhileConnectingAndSettling", frames.sum());
        NetChatTarget.log(
                "settled after " + round((System.nanoTime() - t0) / 1e9) + " s; frames so far " + frames.sum());
    }

    /** The highest step whose p99 stayed within the limit, with nothing lost: what the doc calls sustained. */
    private void bestSustained(LoadResult result) {
        Map<String, Object> best = null;
        for (Map<String, Object> row : result.getSteps()) {
            if (Boolean.TRUE.equals(row.get("warmup"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> lat = (Map<String, Object>) row.get("latency");
            if (((Number) lat.get("p99Ms")).doubleValue() <= cfg.p99LimitMillis()) {
                best = row;
            }
        }
        result.getExtra().put("sustained", best);
    }

    private Map<String, Object> broadcastSummary(int members) {
        Histogram last = LatencyStats.newHistogram();
        int complete = 0;
        List<Map<String, Object>> per = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : new java.util.TreeMap<>(tracks).entrySet()) {
            long[] v = e.getValue();
            synchronized (v) {
                last.recordValue(Math.max(0, v[1]));
                if (v[0] >= members) {
                    complete++;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ordinal", e.getKey() & 0xffffffffL);
                m.put("receivers", v[0]);
                m.put("timeToLastMs", v[1] / 1000.0);
                per.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("members", members);
        m.put("messages", per.size());
        m.put("messagesReachingEveryMember", complete);
        m.put("timeToLastMember", LatencyStats.of(last).asMap());
        m.put("perMessage", per);
        return m;
    }

    private void pace(Layout layout, int rate, int seconds) {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long n = 0;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (now - start) * rate / 1_000_000_000L;
            while (n < due) {
                sendOne(layout, rnd);
                n++;
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private void sendOne(Layout layout, ThreadLocalRandom rnd) {
        sent.increment();
        if (inFlight.get() >= cfg.maxInFlightPosts()) {
            skipped.increment();
            return;
        }
        int room = rnd.nextInt(layout.roomCount());
        int[] members = layout.members(room);
        int sender = members[rnd.nextInt(members.length)];
        int ordinal = ledger.nextOrdinal(room);
        byNode.posted(room, ordinal, sender);
        long t0 = System.nanoTime();
        String text = Payload.text(room, ordinal, t0, cfg.payloadChars());
        inFlight.incrementAndGet();
        CompletableFuture<Boolean> f;
        try {
            f = target.post(sender, room, text, "lt-" + runId + "-" + room + "-" + ordinal, sockets[sender]);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((ok, err) -> {
            inFlight.decrementAndGet();
            if (err == null && Boolean.TRUE.equals(ok)) {
                ledger.accepted(room, ordinal);
                accepted.increment();
                ackRecorder.recordValue(Math.max(0, (System.nanoTime() - t0) / 1000));
            } else {
                postErrors.increment();
                if (loggedErrors.incrementAndGet() <= 5) {
                    NetChatTarget.log("post failed: " + (err != null ? err : "not acknowledged"));
                }
            }
        });
    }

    /** Waits for posts in flight and deliveries still on their way, at most --drain-seconds. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + cfg.drainSeconds() * 1_000_000_000L;
        long lastCount = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            long d = deliveries.sum();
            if (d != lastCount) {
                lastCount = d;
                quietSince = System.nanoTime();
            }
            if (inFlight.get() == 0 && ledger.tally().lost() == 0) {
                break;
            }
            if (inFlight.get() == 0 && System.nanoTime() - quietSince > 3_000_000_000L) {
                break;
            }
        }
    }

    private void drainRecorder() {
        byNode.drain();
        Histogram h = recorder.getIntervalHistogram();
        Histogram a = ackRecorder.getIntervalHistogram();
        synchronized (histLock) {
            stepHistogram.add(h);
            if (countingTotal) {
                total.add(h);
                ackTotal.add(a);
            }
        }
    }

    /** Counters at the start of a step, to report the step's own figures. */
    private final class StepMark {
        final long t0 = System.nanoTime();
        final long sent0 = sent.sum();
        final long acc0 = accepted.sum();
        final long del0 = deliveries.sum();
        final long err0 = postErrors.sum() + skipped.sum();
        final ProcStats.Sample srv0 = ProcStats.read(cfg.serverPid());
        final ProcStats.Sample gen0 = ProcStats.read(ProcStats.self());
        final double machine0 = ProcStats.machineBusySeconds();

        Map<String, Object> finish(int rate, int seconds, boolean warmup) {
            double wall = (System.nanoTime() - t0) / 1e9;
            ProcStats.Sample srv = ProcStats.read(cfg.serverPid());
            ProcStats.Sample gen = ProcStats.read(ProcStats.self());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("warmup", warmup);
            m.put("targetRate", rate);
            m.put("seconds", seconds);
            m.put("wallSeconds", round(wall));
            long acc = accepted.sum() - acc0;
            long del = deliveries.sum() - del0;
            m.put("sent", sent.sum() - sent0);
            m.put("accepted", acc);
            m.put("errors", postErrors.sum() + skipped.sum() - err0);
            // Rates over the nominal step length: deliveries drained after the step belong to it.
            m.put("messagesInPerSec", round(acc / (double) seconds));
            m.put("deliveriesOutPerSec", round(del / (double) seconds));
            synchronized (histLock) { // read under the recorders' lock (a late delivery made a race here)
                m.put("latency", LatencyStats.of(stepHistogram).asMap());
            }
            if (byNode.active()) {
                m.putAll(byNode.stepReport());
            }
            m.put("serverCpuSeconds", round(srv.cpuSeconds() - srv0.cpuSeconds()));
            m.put("serverCpuPercent", round(100 * (srv.cpuSeconds() - srv0.cpuSeconds()) / wall));
            m.put("serverRssMb", srv.rssKb() / 1024);
            m.put("generatorCpuPercent", round(100 * (gen.cpuSeconds() - gen0.cpuSeconds()) / wall));
            // The whole machine (100 % per core): what neither the server nor the generator used ran elsewhere.
            m.put("machineCpuPercent", round(100 * (ProcStats.machineBusySeconds() - machine0) / wall));
            return m;
        }
    }

    /** Once a second: deliveries, posts, p99, server CPU and memory, for the chart. */
    private final class Sampler {
        final LoadResult result;
        long lastDel = deliveries.sum();
        long lastAcc = accepted.sum();
        long lastT = System.nanoTime();
        ProcStats.Sample lastSrv = ProcStats.read(cfg.serverPid());
        ProcStats.Sample lastGen = ProcStats.read(ProcStats.self());

        Sampler(LoadResult result) {
            this.result = result;
        }

        void sample() {
            try {
                Histogram h = recorder.getIntervalHistogram();
                Histogram a = ackRecorder.getIntervalHistogram();
                synchronized (histLock) {
                    stepHistogram.add(h);
                    if (countingTotal) {
                        total.add(h);
                        ackTotal.add(a);
                    }
                }
                long now = System.nanoTime();
                double dt = (now - lastT) / 1e9;
                long del = deliveries.sum();
                long acc = accepted.sum();
                ProcStats.Sample srv = ProcStats.read(cfg.serverPid());
                ProcStats.Sample gen = ProcStats.read(ProcStats.self());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("t", round((now - startNanos) / 1e9));
                row.put("messagesInPerSec", round((acc - lastAcc) / dt));
                row.put("deliveriesPerSec", round((del - lastDel) / dt));
                row.put("p99Ms", h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0);
                row.put("serverCpuPercent", round(100 * (srv.cpuSeconds() - lastSrv.cpuSeconds()) / dt));
                row.put("serverRssMb", srv.rssKb() / 1024);
                row.put("generatorCpuPercent", round(100 * (gen.cpuSeconds() - lastGen.cpuSeconds()) / dt));
                row.put("postsInFlight", inFlight.get());
                synchronized (result.getSeries()) {
                    result.getSeries().add(row);
                }
                lastDel = del;
                lastAcc = acc;
                lastT = now;
                lastSrv = srv;
                lastGen = gen;
            } catch (RuntimeException e) {
                NetChatTarget.log("sampler: " + e);
            }
        }
    }

    // ----- sockets -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void initSockets(int receivers) {
        sockets = new WsClients.WsSocket[receivers];
        ready = new CompletableFuture[receivers];
    }

    /** Opens sockets [from, to); receiver r belongs to user r / socketsPerUser. Returns how many failed. */
    private int connectRange(WsClients clients, int from, int to, int socketsPerUser) throws InterruptedException {
        Semaphore permits = new Semaphore(cfg.connectConcurrency());
        AtomicInteger failed = new AtomicInteger();
        WsClients.Listener listener = new WsClients.Listener() {
            @Override
            public void onText(WsClients.WsSocket socket, ByteBuf frame) {
                if (target.isKeepAliveReply(frame)) {
                    // Neither a delivery nor a frame to wait for in settle(): pongs never stop coming.
                    keepAliveReplies.increment();
                    return;
                }
                frames.increment();
                Payload.Stamp st = Payload.find(frame);
                if (st == null) {
                    if (target.onControlFrame(socket, frame)) {
                        sockets[socket.id()] = socket;
                        ready[socket.id()].complete(null);
                    }
                    return;
                }
                long now = System.nanoTime();
                deliveries.increment();
                DeliveryLedger.Outcome o = ledger.delivered(socket.id(), st.room(), st.ordinal());
                if (o == DeliveryLedger.Outcome.FIRST) {
                    long us = Math.max(0, (now - st.sendNanos()) / 1000);
                    recorder.recordValue(us);
                    byNode.delivered(st.room(), st.ordinal(), socket.id() / socketsPerUser, us);
                    Map<Long, long[]> tr = tracks;
                    if (tr != null) {
                        long[] v = tr.computeIfAbsent(((long) st.room() << 32) | st.ordinal(), k -> new long[2]);
                        synchronized (v) {
                            v[0]++;
                            v[1] = Math.max(v[1], us);
                        }
                    }
                }
            }

            @Override
            public void onClosed(WsClients.WsSocket socket) {
                if (!closing) {
                    socketsClosed.increment();
                }
            }

            @Override
            public void onError(WsClients.WsSocket socket, Throwable error) {
                socketErrors.increment();
            }
        };
        String keepAlive = cfg.pingSeconds() > 0 ? target.keepAliveFrame() : null;
        CompletableFuture<?>[] waits = new CompletableFuture<?>[to - from];
        for (int r = from; r < to; r++) {
            permits.acquire();
            final int id = r;
            int user = r / socketsPerUser;
            ready[id] = new CompletableFuture<>();
            CompletableFuture<Void> rd = ready[id];
            clients.connect(
                            id,
                            target.socketUri(user, ledger.receiverCount() > id ? roomsOfReceiver(id) : new int[0]),
                            target.subprotocols(user),
                            WsClients.sourceAddress(id, cfg.sourceAddresses()),
                            listener)
                    .whenComplete((s, e) -> {
                        if (e != null) {
                            rd.completeExceptionally(e);
                        } else if (keepAlive != null) {
                            s.sendEvery(keepAlive, cfg.pingSeconds() * 1000L);
                        }
                    });
            waits[r - from] = rd.orTimeout(60, TimeUnit.SECONDS).whenComplete((v, e) -> {
                permits.release();
                if (e != null) {
                    failed.incrementAndGet();
                    if (loggedErrors.incrementAndGet() <= 5) {
                        NetChatTarget.log("socket " + id + " failed: " + e);
                    }
                }
            });
            if ((r + 1) % 2000 == 0) {
                NetChatTarget.log("sockets requested: " + (r + 1));
            }
        }
        try {
            CompletableFuture.allOf(waits).exceptionally(e -> null).join();
        } catch (RuntimeException ignored) {
            // counted per socket
        }
        return failed.get();
    }

    /**
     * Soak: sockets that come and go beside the measured ones, as people open and close tabs (they take no part in
     * the delivery ledger), and the server watched for leaks while they do.
     */
    private final class Soak {
        static final int KEEP_OPEN = 20;
        final WsClients clients;
        final SoakWatch watch = new SoakWatch(
                cfg.serverPid(),
                Integer.getInteger("netchat.soak.db-port", 5432),
                cfg.urls().stream()
                        .map(u -> java.net.URI.create(u).getPort())
                        .map(p -> p < 0 ? 80 : p)
                        .toList());
        final java.util.concurrent.ConcurrentLinkedDeque<WsClients.WsSocket> open =
                new java.util.concurrent.ConcurrentLinkedDeque<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger nextId = new AtomicInteger(1_000_000);

        Soak(WsClients clients) {
            this.clients = clients;
        }

        void churn() {
            try {
                while (open.size() >= KEEP_OPEN) {
                    WsClients.WsSocket oldest = open.pollFirst();
                    if (oldest != null) {
                        oldest.close();
                    }
                }
                int id = nextId.getAndIncrement();
                int user = ThreadLocalRandom.current().nextInt(cfg.users());
                clients.connect(
                                id,
                                target.socketUri(user, new int[0]),
                                target.subprotocols(user),
                                WsClients.sourceAddress(id, cfg.sourceAddresses()),
                                (socket, frame) -> {})
                        .whenComplete((socket, e) -> {
                            if (e != null) {
                                failures.incrementAndGet();
                            } else {
                                connects.incrementAndGet();
                                open.addLast(socket);
                            }
                        });
            } catch (RuntimeException e) {
                failures.incrementAndGet();
            }
        }
    }

    private int[] roomsOfReceiver(int id) {
        return receiverRooms == null ? new int[0] : receiverRooms[id];
    }

    private int[][] receiverRooms;

    // ----- idle capacity -------------------------------------------------------------------------------------

    private LoadResult idle() throws Exception {
        LoadResult result = new LoadResult(cfg);
        int receiversWanted = cfg.users() * cfg.socketsPerUser();
        receiverRooms = new int[receiversWanted][0];
        ledger = new DeliveryLedger(0, receiverRooms);
        try (ChatTarget t = ChatTarget.create(cfg);
                WsClients clients = new WsClients(cfg.ioThreads())) {
            target = t;
            target.prepare(Layout.none(cfg.users()));
            initSockets(receiversWanted);
            System.gc();
            ProcStats.Sample base = ProcStats.read(cfg.serverPid());
            ProcStats.Sample genBase = ProcStats.read(ProcStats.self());
            result.getExtra().put("serverRssMbBefore", base.rssKb() / 1024);
            int opened = 0;
            int failedTotal = 0;
            String stopReason = "reached " + receiversWanted + " sockets";
            while (opened < receiversWanted) {
                int batch = Math.min(cfg.idleStep(), receiversWanted - opened);
                long t0 = System.nanoTime();
                double machine0 = ProcStats.machineBusySeconds();
                int failed = connectRange(clients, opened, opened + batch, cfg.socketsPerUser());
                double secs = (System.nanoTime() - t0) / 1e9;
                opened += batch;
                failedTotal += failed;
                Thread.sleep(2000);
                ProcStats.Sample s = ProcStats.read(cfg.serverPid());
                ProcStats.Sample g = ProcStats.read(ProcStats.self());
                int held = countOpen();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("socketsRequested", opened);
                row.put("socketsHeld", held);
                row.put("failedInStep", failed);
                row.put("stepSeconds", round(secs));
                row.put("socketsPerSec", round(batch / secs));
                row.put("serverRssMb", s.rssKb() / 1024);
                row.put("serverCpuSeconds", round(s.cpuSeconds() - base.cpuSeconds()));
                row.put("serverThreads", s.threads());
                row.put("kbPerSocket", held == 0 ? 0 : round((s.rssKb() - base.rssKb()) / (double) held));
                row.put("generatorRssMb", g.rssKb() / 1024);
                // The whole machine (100 % per core) over the step, including the 2 s pause.
                row.put(
                        "machineCpuPercent",
                        round(100 * (ProcStats.machineBusySeconds() - machine0) / ((System.nanoTime() - t0) / 1e9)));
                result.getSteps().add(row);
                NetChatTarget.log("  " + row);
                if (failed > batch / 100) {
                    stopReason = "more than 1% of a step failed (" + failed + "/" + batch + ")";
                    break;
                }
                if (s.rssKb() / 1024 > cfg.maxRssMb()) {
                    stopReason = "server RSS above " + cfg.maxRssMb() + " MB";
                    break;
                }
            }
            NetChatTarget.log("holding for 10 s");
            Thread.sleep(10_000);
            int held = countOpen();
            ProcStats.Sample end = ProcStats.read(cfg.serverPid());
            ProcStats.Sample genEnd = ProcStats.read(ProcStats.self());
            result.getExtra().put("stopReason", stopReason);
            result.getExtra().put("socketsHeldAfter10s", held);
            result.getExtra().put("serverRssMbAfter", end.rssKb() / 1024);
            result.getExtra()
                    .put("serverKbPerSocket", held == 0 ? 0 : round((end.rssKb() - base.rssKb()) / (double) held));
            result.getExtra()
                    .put(
                            "generatorKbPerSocket",
                            held == 0 ? 0 : round((genEnd.rssKb() - genBase.rssKb()) / (double) held));
            result.getExtra().put("serverCloseReasons", clients.closeReasons());
            result.sockets(held, failedTotal);
            result.errors(failedTotal + socketErrors.sum());
            closing = true;
            for (WsClients.WsSocket so : sockets) {
                if (so != null) {
                    so.close();
                }
            }
            Thread.sleep(1000);
        }
        return result;
    }

    private int countOpen() {
        int n = 0;
        for (WsClients.WsSocket s : sockets) {
            if (s != null && s.isOpen()) {
                n++;
            }
        }
        return n;
    }

    // ----- sign-in -------------------------------------------------------------------------------------------

    private LoadResult signin() throws Exception {
        if (cfg.target() != LoadConfig.TargetKind.NETCHAT) {
            throw new IllegalArgumentException("signin applies to NetChat only");
        }
        LoadResult result = new LoadResult(cfg);
        try (NetChatTarget t = new NetChatTarget(cfg)) {
            long p0 = System.nanoTime();
            t.prepare(Layout.none(cfg.users()));
            result.getExtra().put("prepareSeconds", round((System.nanoTime() - p0) / 1e9));
            result.getSteps().add(closedLoop("login", u -> {
                try {
                    t.login(t.username(u));
                    return true;
                } catch (Exception e) {
                    return false;
                }
            }));
            result.getSteps().add(closedLoop("GET /api/users/me", u -> {
                try {
                    HttpResponse<String> r = t.get("/api/users/me", t.token(u));
                    return r.statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            }));
            long errs = 0;
            for (Map<String, Object> s : result.getSteps()) {
                errs += ((Number) s.get("errors")).longValue();
            }
            result.errors(errs);
        }
        return result;
    }

    private Map<String, Object> closedLoop(String name, java.util.function.IntPredicate call) throws Exception {
        Histogram h = LatencyStats.newHistogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + cfg.stepSeconds() * 1_000_000_000L;
        ProcStats.Sample srv0 = ProcStats.read(cfg.serverPid());
        double machine0 = ProcStats.machineBusySeconds();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < cfg.concurrency(); w++) {
            Thread th = new Thread(() -> {
                Histogram mine = LatencyStats.newHistogram();
                while (System.nanoTime() < end) {
                    int u = Math.floorMod(next.getAndIncrement(), cfg.users());
                    long s = System.nanoTime();
                    boolean good = call.test(u);
                    mine.recordValue(Math.max(0, (System.nanoTime() - s) / 1000));
                    (good ? ok : bad).incrementAndGet();
                }
                synchronized (h) {
                    h.add(mine);
                }
            });
            th.start();
            workers.add(th);
        }
        for (Thread th : workers) {
            th.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        ProcStats.Sample srv = ProcStats.read(cfg.serverPid());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", name);
        m.put("concurrency", cfg.concurrency());
        m.put("seconds", round(wall));
        m.put("ok", ok.get());
        m.put("errors", bad.get());
        m.put("perSec", round(ok.get() / wall));
        m.put("latency", LatencyStats.of(h).asMap());
        m.put("serverCpuPercent", round(100 * (srv.cpuSeconds() - srv0.cpuSeconds()) / wall));
        m.put("machineCpuPercent", round(100 * (ProcStats.machineBusySeconds() - machine0) / wall));
        NetChatTarget.log("  " + m);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
