package dev.netchat.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * Which users are in which rooms. Team rooms take consecutive users, their sizes cycling through the configured
 * list (the last room takes what is left); direct conversations pair users 0-1, 2-3, ... on top of that.
 */
public final class Layout {

    private final int users;
    private final List<int[]> rooms;
    private final List<String> roomKinds;
    private final int[][] userRooms;

    private Layout(int users, List<int[]> rooms, List<String> roomKinds) {
        this.users = users;
        this.rooms = List.copyOf(rooms);
        this.roomKinds = List.copyOf(roomKinds);
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        for (int r = 0; r < rooms.size(); r++) {
            for (int u : rooms.get(r)) {
                byUser.get(u).add(r);
            }
        }
        this.userRooms = new int[users][];
        for (int u = 0; u < users; u++) {
            userRooms[u] = byUser.get(u).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public static Layout of(int users, List<Integer> roomSizes, int directConversations) {
        List<int[]> rooms = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        int next = 0;
        int k = 0;
        while (!roomSizes.isEmpty() && next < users) {
            int size = Math.min(roomSizes.get(k++ % roomSizes.size()), users - next);
            int[] members = new int[size];
            for (int i = 0; i < size; i++) {
                members[i] = next++;
            }
            rooms.add(members);
            kinds.add("team");
        }
        for (int d = 0; d < directConversations; d++) {
            rooms.add(new int[] {2 * d, 2 * d + 1});
            kinds.add("direct");
        }
        return new Layout(users, rooms, kinds);
    }

    /** Users without rooms (idle capacity). */
    public static Layout none(int users) {
        return new Layout(users, List.of(), List.of());
    }

    public int users() {
        return users;
    }

    public int roomCount() {
        return rooms.size();
    }

    public int[] members(int room) {
        return rooms.get(room);
    }

    public boolean isDirect(int room) {
        return "direct".equals(roomKinds.get(room));
    }

    public int[] roomsOf(int user) {
        return userRooms[user];
    }

    /** Deliveries one message to each room causes, averaged over rooms (the fan-out of a random room). */
    public double meanFanOut() {
        return rooms.stream().mapToInt(r -> r.length).average().orElse(0);
    }
}
