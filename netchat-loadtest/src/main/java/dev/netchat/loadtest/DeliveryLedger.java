package dev.netchat.loadtest;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who should have received what, and who did. Each message is identified by its room and its ordinal in that room
 * (the generator's own numbering, carried in the text and in the clientMessageId). A receiver that gets a message
 * twice is counted as a double; an acknowledged message a member never gets is counted as lost, per receiver.
 * A receiver's deliveries are recorded by one I/O thread at a time; the lock per receiver is uncontended.
 */
public final class DeliveryLedger {

    /** What one delivery was. */
    public enum Outcome {
        FIRST,
        DOUBLE,
        UNEXPECTED
    }

    /** The counts once the run is over. */
    public record Tally(
            long expected,
            long receivedExpected,
            long lost,
            long doubled,
            long unexpected,
            long deliveredUnacknowledged,
            long accepted,
            long receiversMissingSome) {}

    private final int[][] receiverRooms;
    private final AtomicInteger[] nextOrdinal;
    private final BitSet[] accepted;
    private final Receiver[] receivers;

    private static final class Receiver {
        final BitSet[] got;
        long doubled;
        long unexpected;

        Receiver(int rooms) {
            got = new BitSet[rooms];
            for (int i = 0; i < rooms; i++) {
                got[i] = new BitSet();
            }
        }
    }

    /**
     * @param roomCount     number of rooms
     * @param receiverRooms for each receiver (socket), the rooms it is a member of
     */
    public DeliveryLedger(int roomCount, int[][] receiverRooms) {
        this.receiverRooms = receiverRooms;
        this.nextOrdinal = new AtomicInteger[roomCount];
        this.accepted = new BitSet[roomCount];
        for (int r = 0; r < roomCount; r++) {
            nextOrdinal[r] = new AtomicInteger();
            accepted[r] = new BitSet();
        }
        this.receivers = new Receiver[receiverRooms.length];
        for (int i = 0; i < receiverRooms.length; i++) {
            receivers[i] = new Receiver(receiverRooms[i].length);
        }
    }

    public int receiverCount() {
        return receivers.length;
    }

    /** The next ordinal of a message to the room. */
    public int nextOrdinal(int room) {
        return nextOrdinal[room].getAndIncrement();
    }

    /** The server acknowledged the message: every member must receive it exactly once. */
    public void accepted(int room, int ordinal) {
        synchronized (accepted[room]) {
            accepted[room].set(ordinal);
        }
    }

    public Outcome delivered(int receiver, int room, int ordinal) {
        if (receiver < 0 || receiver >= receivers.length) {
            throw new IllegalArgumentException("no receiver " + receiver);
        }
        Receiver r = receivers[receiver];
        int slot = slotOf(receiverRooms[receiver], room);
        synchronized (r) {
            if (slot < 0 || ordinal < 0) {
                r.unexpected++;
                return Outcome.UNEXPECTED;
            }
            if (r.got[slot].get(ordinal)) {
                r.doubled++;
                return Outcome.DOUBLE;
            }
            r.got[slot].set(ordinal);
            return Outcome.FIRST;
        }
    }

    private static int slotOf(int[] rooms, int room) {
        for (int i = 0; i < rooms.length; i++) {
            if (rooms[i] == room) {
                return i;
            }
        }
        return -1;
    }

    public Tally tally() {
        BitSet[] acc = new BitSet[accepted.length];
        long acceptedCount = 0;
        for (int i = 0; i < accepted.length; i++) {
            synchronized (accepted[i]) {
                acc[i] = (BitSet) accepted[i].clone();
            }
            acceptedCount += acc[i].cardinality();
        }
        long expected = 0;
        long received = 0;
        long doubled = 0;
        long unexpected = 0;
        long unacked = 0;
        long missing = 0;
        for (int i = 0; i < receivers.length; i++) {
            Receiver r = receivers[i];
            long lostHere = 0;
            synchronized (r) {
                doubled += r.doubled;
                unexpected += r.unexpected;
                for (int s = 0; s < receiverRooms[i].length; s++) {
                    BitSet a = acc[receiverRooms[i][s]];
                    int want = a.cardinality();
                    BitSet both = (BitSet) r.got[s].clone();
                    both.and(a);
                    int have = both.cardinality();
                    expected += want;
                    received += have;
                    lostHere += want - have;
                    unacked += r.got[s].cardinality() - have;
                }
            }
            if (lostHere > 0) {
                missing++;
            }
        }
        return new Tally(expected, received, expected - received, doubled, unexpected, unacked, acceptedCount, missing);
    }
}
