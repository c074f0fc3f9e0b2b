package dev.netchat.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ids for SQL {@code IN (…)} lists, cut into pieces of {@value #MAX} so that one statement stays well inside every
 * database's limit on bind parameters (PostgreSQL's is 32,767; H2 grows slow long before).
 */
public final class InLists {

    public static final int MAX = 500;

    private InLists() {}

    /** The ids in order, in lists of at most {@value #MAX}; none for no ids. */
    public static List<List<String>> of(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> pieces = new ArrayList<>();
        for (int i = 0; i < all.size(); i += MAX) {
            pieces.add(all.subList(i, Math.min(all.size(), i + MAX)));
        }
        return pieces;
    }
}
