package dev.netchat.user;

/** What a user may do beyond chatting. Written to the database and into tokens by {@link #claim()}. */
public enum Role {
    USER,
    ADMIN;

    public String claim() {
        return name().toLowerCase();
    }
}
