package dev.netchat.user;

/** The author of a message, as messages carry it. A deleted user shows as such. */
public record AuthorView(String id, String username, String fullName, String avatarURL) {

    public static final AuthorView DELETED = new AuthorView(null, "deleted-user", "Deleted user", null);

    public static AuthorView of(UserAccount u) {
        return u == null ? DELETED : new AuthorView(u.getId(), u.getUsername(), u.getFullName(), AvatarUrls.shown(u));
    }
}
