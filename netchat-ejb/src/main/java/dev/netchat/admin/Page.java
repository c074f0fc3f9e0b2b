package dev.netchat.admin;

import java.util.List;

/** One page of a longer list; {@code hasMore} says whether page + 1 has anything. */
public record Page<T>(List<T> items, int page, boolean hasMore) {}
