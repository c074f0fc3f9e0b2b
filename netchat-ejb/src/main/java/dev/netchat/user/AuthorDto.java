package dev.netchat.user;

/** The author of a message, as messages carry it. A deleted user shows as such. */
public record AuthorDto(String id, String username, String fullName, String avatarURL) {

    public static final AuthorDto DELETED = new AuthorDto(null, "deleted-user", "Deleted user", null);

    public static AuthorDto of(UserAccount u) {
        return u == null ? DELETED : new AuthorDto(u.getId(), u.getUsername(), u.getFullName(), AvatarUrls.shown(u));
    }
}
