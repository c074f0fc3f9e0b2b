package dev.netchat.stream;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;

/**
 * Marks the current transaction as applying a change that came from Stream (a webhook), so that the outbox
 * writer does not mirror it back to Stream: no echo.
 */
@TransactionScoped
public class StreamOrigin implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean fromStream;

    public void markFromStream() {
        fromStream = true;
    }

    public boolean fromStream() {
        return fromStream;
    }
}
