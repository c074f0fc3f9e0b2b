package dev.netchat.web.user;

import dev.netchat.user.NotificationsDto;

/**
 * PATCH /api/users/me: absent (null) fields stay; an empty phoneNumber, avatarURL or timeZone removes it;
 * readReceipts false stops telling others in direct and group conversations how far the caller has read.
 */
public record ProfileUpdateRequest(
        String fullName,
        String phoneNumber,
        String avatarURL,
        NotificationsDto notifications,
        String timeZone,
        Boolean readReceipts) {}
