package dev.netchat.stream;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * The parents that got a thread reply in the current transaction: their message.updated event only tells of a
 * new reply count, which Stream keeps by itself, so the parent is not sent to Stream again (even when it was
 * edited once, and its frame says so).
 */
@TransactionScoped
public class RepliedParents implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> ids = new HashSet<>();

    public void add(String parentId) {
        ids.add(parentId);
    }

    public boolean contains(String messageId) {
        return ids.contains(messageId);
    }
}
