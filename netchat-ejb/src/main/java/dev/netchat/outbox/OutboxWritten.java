package dev.netchat.outbox;

/** Fired when a transaction wrote outbox entries; after its commit the worker wakes at once instead of polling. */
public record OutboxWritten() {}
