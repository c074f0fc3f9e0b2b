package dev.netchat.user;

/**
 * A partial profile update: a null field stays as it is; an empty phone number or avatar URL removes it.
 * {@code smsNotifications} and {@code desktopNotifications} are one of off, mentions, all; {@code dndUntil} an
 * ISO-8601 time (empty: do-not-disturb off); {@code timeZone} an IANA zone id (empty: removed);
 * {@code readReceipts} whether others in small conversations see how far the user has read.
 */
public record ProfileChanges(
        String fullName,
        String phoneNumber,
        String avatarUrl,
        String smsNotifications,
        String desktopNotifications,
        String dndUntil,
        String timeZone,
        Boolean readReceipts) {}
