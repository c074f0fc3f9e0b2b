package dev.netchat.user;

/**
 * The avatar URL other people's browsers load. An uploaded picture is NetChat's own path; a picture on another
 * host is fetched by NetChat through {@code /api/users/{id}/avatar}, so that host never learns who views it
 * (issue 17: a URL to any host leaked every viewer's address and the times they read).
 */
public final class AvatarUrls {

    public static final String STORED_PREFIX = "/api/avatars/";

    private AvatarUrls() {}

    public static String shown(UserAccount u) {
        String url = u.getAvatarUrl();
        if (url == null || url.isEmpty() || url.startsWith(STORED_PREFIX)) {
            return url;
        }
        return "/api/users/" + u.getId() + "/avatar";
    }
}
