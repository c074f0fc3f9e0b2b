package dev.netchat.user;

import dev.netchat.shared.FieldError;

/**
 * Which avatar URLs point at a host NetChat refuses to fetch pictures from. The avatar proxy owns the rule
 * ({@code dev.netchat.file.ExternalAvatars}); profiles ask it here so that such a URL is refused when it is saved
 * rather than accepted and never shown.
 */
public interface AvatarHosts {

    /**
     * Whether the URL's host is, or resolves to, an address the avatar proxy does not connect to. A name that
     * does not resolve at all is not refused: it may resolve later, and the proxy judges it again then.
     */
    boolean refused(String url);

    /**
     * The avatar URL's error, or null: {@link UserRules#checkAvatarUrl}'s form first, then the proxy's address
     * rule, so that a URL the proxy would never fetch is refused when it is saved rather than shown as initials.
     */
    default FieldError check(String avatarUrl) {
        FieldError form = UserRules.checkAvatarUrl(avatarUrl);
        if (form != null || avatarUrl == null || avatarUrl.isEmpty() || !refused(avatarUrl)) {
            return form;
        }
        return new FieldError(
                "avatarURL",
                "Avatar URL must not point at a private, loopback or link-local address; upload the picture instead.");
    }
}
