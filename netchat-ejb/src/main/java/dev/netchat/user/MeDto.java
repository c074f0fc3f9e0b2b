package dev.netchat.user;

import dev.netchat.shared.Times;

/** The caller's own user: what others see, plus the private phone number and settings. */
public record MeDto(
        String id,
        String username,
        String fullName,
        String avatarURL,
        String role,
        boolean online,
        String lastActive,
        String createdAt,
        String phoneNumber,
        NotificationsDto notifications,
        boolean mustChangePassword,
        String timeZone,
        boolean readReceipts,
        UserStatus status) {

    public static MeDto of(UserAccount u) {
        return new MeDto(
                u.getId(),
                u.getUsername(),
                u.getFullName(),
                u.getAvatarUrl(),
                u.getRole().claim(),
                true,
                Times.iso(u.getLastActiveAt()),
                Times.iso(u.getCreatedAt()),
                u.getPhoneNumber(),
                new NotificationsDto(
                        u.getSmsNotifications().wire(),
                        u.getDesktopNotifications().wire(),
                        u.doNotDisturbAt(java.time.Instant.now()) ? Times.iso(u.getDndUntil()) : null),
                u.isMustChangePassword(),
                u.getTimeZone(),
                u.isReadReceipts(),
                u.statusAt(java.time.Instant.now()).orElse(null));
    }
}
