package dev.netchat.user;

import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAuthenticatedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A user's own profile and finding other users. */
@Stateless
public class UserService {

    public static final int SEARCH_LIMIT_MAX = 50;

    @Inject
    UserRepository users;

    @Inject
    jakarta.enterprise.event.Event<ProfileChanged> profileChanged;

    @Inject
    AvatarHosts avatarHosts;

    @Inject
    jakarta.enterprise.event.Event<StatusChanged> statusChanged;

    /** The caller's own account. A token for a deleted or disabled account no longer counts as signed in. */
    public MeDto me(String userId) {
        return MeDto.of(account(userId));
    }

    private UserAccount account(String userId) {
        return users.find(userId)
                .filter(u -> !u.isDisabled())
                .orElseThrow(() -> new NotAuthenticatedException("This account no longer exists or is disabled."));
    }

    public MeDto updateProfile(String userId, ProfileChanges changes) {
        List<FieldError> errors = new ArrayList<>();
        if (changes.fullName() != null) {
            addIfPresent(errors, UserRules.checkFullName(changes.fullName()));
        }
        addIfPresent(errors, UserRules.checkPhoneNumber(changes.phoneNumber()));
        addIfPresent(errors, avatarHosts.check(changes.avatarUrl()));
        addIfPresent(errors, UserRules.checkTimeZone(changes.timeZone()));
        SmsNotifications sms = null;
        if (changes.smsNotifications() != null) {
            sms = SmsNotifications.fromWire(changes.smsNotifications()).orElse(null);
            if (sms == null) {
                errors.add(new FieldError("notifications.sms", "SMS notifications must be one of off, mentions, all."));
            }
        }
        NotificationLevel desktop = null;
        if (changes.desktopNotifications() != null) {
            desktop = NotificationLevel.fromWire(changes.desktopNotifications()).orElse(null);
            if (desktop == null) {
                errors.add(new FieldError(
                        "notifications.desktop", "Desktop notifications must be one of off, mentions, all."));
            }
        }
        Instant dndUntil = null;
        if (changes.dndUntil() != null && !changes.dndUntil().isEmpty()) {
            try {
                dndUntil = Instant.parse(changes.dndUntil());
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError(
                        "notifications.dndUntil", "dndUntil must be an ISO-8601 time such as 2026-12-24T18:00:00Z."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = account(userId);
        if (desktop != null) {
            user.setDesktopNotifications(desktop);
        }
        if (changes.dndUntil() != null) {
            user.setDndUntil(dndUntil);
        }
        if (changes.fullName() != null) {
            user.setFullName(changes.fullName().strip());
        }
        if (changes.phoneNumber() != null) {
            user.setPhoneNumber(changes.phoneNumber().isEmpty() ? null : changes.phoneNumber());
        }
        if (changes.avatarUrl() != null) {
            user.setAvatarUrl(changes.avatarUrl().isEmpty() ? null : changes.avatarUrl());
        }
        if (sms != null) {
            user.setSmsNotifications(sms);
        }
        if (changes.timeZone() != null) {
            user.setTimeZone(changes.timeZone().isEmpty() ? null : changes.timeZone());
        }
        if (changes.readReceipts() != null) {
            user.setReadReceipts(changes.readReceipts());
        }
        user.touch(Instant.now());
        if (changes.fullName() != null || changes.avatarUrl() != null) {
            profileChanged.fire(ProfileChanged.of(user));
        }
        return MeDto.of(user);
    }

    /** Points the user's avatar at a picture NetChat stores (a new path on every change, so caches never go stale). */
    public UserAccount useStoredAvatar(String userId, String avatarPath) {
        UserAccount user = account(userId);
        user.setAvatarUrl(avatarPath);
        user.touch(Instant.now());
        profileChanged.fire(ProfileChanged.of(user));
        return user;
    }

    /** The longest a status may be set for; "until I change it" is expiresAt null. */
    static final java.time.Duration STATUS_LONGEST = java.time.Duration.ofDays(366);

    /**
     * Sets the caller's custom status: an emoji, a text or both, kept until {@code expiresAt} (an ISO instant in
     * the coming year) or, without one, until changed.
     */
    public MeDto setStatus(String userId, String emoji, String text, String expiresAt) {
        List<FieldError> errors =
                new ArrayList<>(UserRules.collect(UserRules.checkStatusEmoji(emoji), UserRules.checkStatusText(text)));
        if (emoji == null && text == null) {
            errors.add(new FieldError("text", "Give an emoji, a text or both (DELETE clears the status)."));
        }
        Instant now = Instant.now();
        Instant until = null;
        if (expiresAt != null) {
            try {
                until = Instant.parse(expiresAt);
                if (!until.isAfter(now) || until.isAfter(now.plus(STATUS_LONGEST))) {
                    errors.add(new FieldError("expiresAt", "expiresAt must be within the coming year."));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError(
                        "expiresAt", "expiresAt must be an ISO-8601 time such as 2026-12-24T18:00:00Z."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = account(userId);
        user.setStatus(emoji, text == null ? null : text.strip(), until);
        user.touch(now);
        statusChanged.fire(new StatusChanged(userId, user.statusAt(now).orElse(null)));
        return MeDto.of(user);
    }

    public MeDto clearStatus(String userId) {
        UserAccount user = account(userId);
        user.setStatus(null, null, null);
        user.touch(Instant.now());
        statusChanged.fire(new StatusChanged(userId, null));
        return MeDto.of(user);
    }

    /**
     * Another user as a profile card shows it; 404 for an unknown or disabled one. {@code online} answers presence
     * (the caller's: this package cannot see presence, which depends on it).
     */
    public UserDto profile(String callerId, String userId, Predicate<String> online) {
        account(callerId);
        UserAccount user = users.find(userId)
                .filter(u -> !u.isDisabled())
                .orElseThrow(() -> dev.netchat.shared.NotFoundException.user());
        return UserDto.of(user, online.test(user.getId()));
    }

    /** The people directory for a signed-in caller whose account is still valid (see {@link #search}). */
    public List<UserDto> directory(String callerId, String query, int limit, String after, Predicate<String> online) {
        account(callerId);
        return search(query, limit, after).stream()
                .map(u -> UserDto.of(u, online.test(u.getId())))
                .toList();
    }

    /** Users whose username or full name contains the query, by username, after {@code after} (a username). */
    private List<UserAccount> search(String query, int limit, String after) {
        if (limit < 1 || limit > SEARCH_LIMIT_MAX) {
            throw InvalidInputException.of("limit", "limit must be between 1 and " + SEARCH_LIMIT_MAX + ".");
        }
        String text = query == null ? "" : query.strip();
        if (text.length() > 100) {
            throw InvalidInputException.of("q", "q must be at most 100 characters long.");
        }
        if (after != null && after.length() > UserRules.USERNAME_MAX) {
            throw InvalidInputException.of("after", "after must be a username.");
        }
        return users.search(text, limit, after);
    }

    private static void addIfPresent(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
