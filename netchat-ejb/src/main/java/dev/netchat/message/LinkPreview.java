package dev.netchat.message;

/**
 * What a page says about itself, as NetChat keeps it: the page's address, its title, description and site name,
 * and the address of its picture on the other host ({@code imageUrl}, never given to clients: they get NetChat's
 * own path to a re-encoded copy). Every field but {@code url} and {@code title} may be null.
 */
public record LinkPreview(String url, String title, String description, String siteName, String imageUrl) {

    public LinkPreview {
        if (url == null || title == null || title.isBlank()) {
            throw new IllegalArgumentException("A preview has a URL and a title.");
        }
    }
}
