package dev.netchat.web.realtime;

import dev.netchat.event.Delivery;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * One open socket. Frames go through a bounded queue with at most one asynchronous write in flight; callers
 * (the committing request thread, the hub) only enqueue and never wait. A client that lets the queue fill up
 * is closed: it resumes later and catches up from the event log, instead of slowing others or filling memory.
 *
 * <p>Presence frames wait apart from the queue, one per user (a later state replaces an earlier one that is not
 * written yet), and go out when the queue is empty: a burst of users coming online is state to converge on, not a
 * backlog that should close the socket. They are bounded by the number of co-members, and their strings are
 * shared by all receivers.
 *
 * <p>Per channel it remembers the first and last seq it sent, to drop a channel event that a replay already
 * covered and to keep every channel's events in seq order across replay and live delivery.
 */
final class Connection implements SendHandler {

    static final CloseReason TOO_SLOW =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Too slow to keep up; reconnect and resume");

    private final String id;
    private final String userId;
    private final String sessionId;
    private final Session session;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final Executor closer;
    private final Listener listener;
    private long queuedBytes;

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** user -> the latest presence frame about them not written yet */
    private final LinkedHashMap<String, String> presence = new LinkedHashMap<>();

    private boolean writing;
    /** Inside {@code sendText} on the thread that holds this lock, and whether that write already completed. */
    private boolean sending;

    private boolean completedInline;
    private boolean closed;
    /** channel -> {first seq sent, last seq sent} */
    private final Map<String, long[]> sent = new HashMap<>();
    /** Channels being replayed: live events wait here, by seq, until the replay is queued. */
    private final Map<String, TreeMap<Long, String>> resuming = new HashMap<>();

    /** What the metrics learn from a socket: frames written, and a close for being too slow. */
    interface Listener {
        Listener NONE = new Listener() {};

        default void delivered() {}

        default void closedTooSlow() {}
    }

    Connection(
            String id,
            String userId,
            String sessionId,
            Session session,
            int maxQueued,
            long maxQueuedBytes,
            Executor closer) {
        this(id, userId, sessionId, session, maxQueued, maxQueuedBytes, closer, Listener.NONE);
    }

    Connection(
            String id,
            String userId,
            String sessionId,
            Session session,
            int maxQueued,
            long maxQueuedBytes,
            Executor closer,
            Listener listener) {
        this.listener = listener;
        this.id = id;
        this.userId = userId;
        this.sessionId = sessionId;
        this.session = session;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        this.closer = closer;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
    }

    /** A live channel event: sent unless already covered, held while the channel is being replayed. */
    synchronized void channelEvent(Delivery event) {
        TreeMap<Long, String> held = resuming.get(event.channelId());
        if (held != null) {
            held.put(event.seq(), event.frame());
            return;
        }
        long[] range = sent.get(event.channelId());
        if (range != null && event.seq() <= range[1]) {
            return;
        }
        markSent(event.channelId(), event.seq());
        enqueue(event.frame());
    }

    /**
     * Starts a resume of one channel from the client's cursor. Answers the cursor the replay must start from,
     * or -1 when live events already went out that the replay could not put in order (the client must refetch).
     */
    synchronized long beginResume(String channelId, long cursor) {
        long[] range = sent.get(channelId);
        resuming.put(channelId, new TreeMap<>());
        if (range == null) {
            return cursor;
        }
        // The client holds everything up to its cursor and everything this socket sent live.
        return range[0] <= cursor + 1 ? Math.max(cursor, range[1]) : -1;
    }

    /** Queues the replayed frames (seqs from + 1 … from + n), then the live events held meanwhile. */
    synchronized void completeResume(
            String channelId, long from, List<String> frames, String resyncFrame, long lastSeq) {
        TreeMap<Long, String> held = resuming.remove(channelId);
        long last = from;
        if (resyncFrame != null) {
            enqueue(resyncFrame);
            last = lastSeq;
        } else {
            for (String frame : frames) {
                last++;
                enqueue(frame);
            }
        }
        if (last > 0) {
            markSent(channelId, last);
        }
        if (held != null) {
            for (Map.Entry<Long, String> e : held.entrySet()) {
                if (e.getKey() > last) {
                    last = e.getKey();
                    markSent(channelId, last);
                    enqueue(e.getValue());
                }
            }
        }
    }

    synchronized void abandonResume(String channelId) {
        resuming.remove(channelId);
    }

    /** Any other frame (hello, pong, typing, presence, error …). */
    synchronized void send(String frame) {
        enqueue(frame);
    }

    /** A presence frame about the user: replaces one about the same user still waiting, never closes the socket. */
    synchronized void presence(String aboutUserId, String frame) {
        if (closed) {
            return;
        }
        presence.put(aboutUserId, frame);
        if (!writing) {
            writeNext();
        }
    }

    private void markSent(String channelId, long seq) {
        long[] range = sent.get(channelId);
        if (range == null) {
            sent.put(channelId, new long[] {seq, seq});
        } else {
            range[1] = Math.max(range[1], seq);
        }
    }

    private void enqueue(String frame) {
        if (closed) {
            return;
        }
        // Characters stand in for bytes: close enough for a limit, and free to compute.
        if (queue.size() >= maxQueued || queuedBytes + frame.length() > maxQueuedBytes) {
            close(TOO_SLOW);
            listener.closedTooSlow();
            return;
        }
        queue.addLast(frame);
        queuedBytes += frame.length();
        if (!writing) {
            writeNext();
        }
    }

    /**
     * Starts the next write. A container may complete a write inside {@code sendText} on the calling thread;
     * then {@link #onResult} only notes it and this loop sends the next frame, instead of recursing once per frame
     * (a burst of a thousand queued frames would otherwise overflow the stack of an I/O thread).
     */
    private void writeNext() {
        while (!closed) {
            String next = queue.pollFirst();
            if (next != null) {
                queuedBytes -= next.length();
            } else if (!presence.isEmpty()) {
                var first = presence.entrySet().iterator();
                next = first.next().getValue();
                first.remove();
            } else {
                writing = false;
                return;
            }
            writing = true;
            sending = true;
            completedInline = false;
            try {
                session.getAsyncRemote().sendText(next, this);
            } catch (RuntimeException e) {
                writing = false;
                close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed"));
                return;
            } finally {
                sending = false;
            }
            if (!completedInline) {
                return; // onResult starts the next write when this one completes
            }
        }
    }

    /** Called by the container when a write finished: start the next one. */
    @Override
    public void onResult(SendResult result) {
        synchronized (this) {
            if (!result.isOK()) {
                writing = false;
                closed = true;
                queue.clear();
                presence.clear();
                queuedBytes = 0;
                return;
            }
            listener.delivered();
            if (sending) {
                completedInline = true; // on the thread inside sendText: writeNext's loop goes on
                return;
            }
            writeNext();
        }
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized int presenceWaiting() {
        return presence.size();
    }

    /** Closes the socket on another thread: closing writes a frame, which must not hold up the caller. */
    synchronized void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        presence.clear();
        queuedBytes = 0;
        closer.execute(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                // The peer is gone already: nothing left to close.
            }
        });
    }
}
