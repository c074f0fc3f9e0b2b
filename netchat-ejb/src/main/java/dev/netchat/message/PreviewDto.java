package dev.netchat.message;

/**
 * A message's link preview as clients see it. {@code imageUrl} is NetChat's own path to a re-encoded copy of the
 * page's picture (members only), never the other host's address: viewers' browsers never contact that host.
 */
public record PreviewDto(String url, String title, String description, String siteName, String imageUrl) {}
