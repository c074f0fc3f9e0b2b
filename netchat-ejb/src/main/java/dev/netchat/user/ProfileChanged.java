package dev.netchat.user;

/** Fired inside the transaction that created an account or changed its public profile (name, avatar). */
public record ProfileChanged(String userId, String username, String fullName, String avatarUrl) {

    public static ProfileChanged of(UserAccount user) {
        return new ProfileChanged(user.getId(), user.getUsername(), user.getFullName(), user.getAvatarUrl());
    }
}
