package dev.netchat.channel;

/** How far another member of a small conversation has seen it: every event up to {@code seq}. */
public record ReadReceipt(String userId, long seq) {}
