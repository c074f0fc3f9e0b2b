package dev.netchat.admin;

import dev.netchat.audit.Actor;
import dev.netchat.audit.AuditEntry;
import dev.netchat.audit.AuditEntryDto;
import dev.netchat.audit.AuditLog;
import dev.netchat.auth.PasswordHasher;
import dev.netchat.auth.RefreshTokenRepository;
import dev.netchat.channel.ChannelRepository;
import dev.netchat.event.RealtimeBus;
import dev.netchat.event.SessionsEnded;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.shared.ConflictException;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.AccountStatus;
import dev.netchat.user.Role;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import dev.netchat.user.UserRules;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * User administration, the same for the web admin page and the server console's MBean. Every action is
 * audited; the last active admin can be neither disabled, demoted nor deleted.
 */
@Stateless
public class AdminService {

    public static final int PAGE_SIZE = 50;
    private static final String OTP_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    UserRepository users;

    @Inject
    ChannelRepository channels;

    @Inject
    RefreshTokenRepository tokens;

    @Inject
    PasswordHasher passwords;

    @Inject
    OnlineUsers presence;

    @Inject
    AccountStatus accountStatus;

    @Inject
    RealtimeBus events;

    @Inject
    AuditLog audit;

    public Page<AdminUserDto> users(String query, int page) {
        if (page < 0 || page > 100_000) {
            throw InvalidInputException.of("page", "page must be 0 or more.");
        }
        String text = query == null ? "" : query.strip();
        if (text.length() > 100) {
            throw InvalidInputException.of("q", "q must be at most 100 characters long.");
        }
        List<UserAccount> rows = users.page(text, page * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasMore = rows.size() > PAGE_SIZE;
        var online = presence.onlineAmong(rows.stream().map(UserAccount::getId).toList());
        return new Page<>(
                rows.stream()
                        .limit(PAGE_SIZE)
                        .map(u -> AdminUserDto.of(u, online.contains(u.getId())))
                        .toList(),
                page,
                hasMore);
    }

    /** By id or username (the console knows names, the web ids). */
    public AdminUserDto user(String idOrUsername) {
        UserAccount user = find(idOrUsername);
        return AdminUserDto.of(user, presence.isOnline(user.getId()));
    }

    public AdminUserDto update(Actor actor, String idOrUsername, String role, Boolean disabled) {
        Role newRole = null;
        if (role != null) {
            newRole = switch (role) {
                case "admin" -> Role.ADMIN;
                case "user" -> Role.USER;
                default -> throw InvalidInputException.of("role", "role must be user or admin.");
            };
        }
        if (newRole == null && disabled == null) {
            throw InvalidInputException.of("role", "Give a role or disabled (or both).");
        }
        UserAccount user = find(idOrUsername);
        boolean losesAdmin = user.getRole() == Role.ADMIN
                && !user.isDisabled()
                && (newRole == Role.USER || Boolean.TRUE.equals(disabled));
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            throw new ConflictException(
                    newRole == Role.USER ? "role" : "disabled",
                    "This is the last active admin: make someone else admin first.");
        }
        if (newRole != null && newRole != user.getRole()) {
            user.setRole(newRole);
            audit.record(
                    actor,
                    newRole == Role.ADMIN ? "user.admin.granted" : "user.admin.revoked",
                    user.getId(),
                    user.getUsername(),
                    null);
        }
        if (disabled != null && disabled != user.isDisabled()) {
            user.setDisabled(disabled);
            audit.record(actor, disabled ? "user.disabled" : "user.enabled", user.getId(), user.getUsername(), null);
            if (disabled) {
                endAllSessions(user.getId(), "account disabled");
            }
        }
        user.touch(Instant.now());
        accountStatus.forget(user.getId());
        return AdminUserDto.of(user, presence.isOnline(user.getId()));
    }

    /** A one-time password the user must replace at the next sign-in; every current session ends. */
    public String resetPassword(Actor actor, String idOrUsername) {
        UserAccount user = find(idOrUsername);
        StringBuilder otp = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            otp.append(OTP_ALPHABET.charAt(RANDOM.nextInt(OTP_ALPHABET.length())));
        }
        user.setPasswordHash(passwords.hash(otp.toString()));
        user.setMustChangePassword(true);
        user.touch(Instant.now());
        endAllSessions(user.getId(), "password reset by an admin");
        accountStatus.forget(user.getId());
        audit.record(actor, "user.password.reset", user.getId(), user.getUsername(), null);
        return otp.toString();
    }

    /** Revokes every refresh token and closes every socket of the user. */
    public int endSessions(Actor actor, String idOrUsername) {
        UserAccount user = find(idOrUsername);
        int ended = endAllSessions(user.getId(), "sessions ended by an admin");
        audit.record(
                actor, "user.sessions.ended", user.getId(), user.getUsername(), ended + " refresh token(s) revoked");
        return ended;
    }

    /** Deletes the account; its messages stay, shown as from a deleted user. */
    public void delete(Actor actor, String idOrUsername) {
        UserAccount user = find(idOrUsername);
        if (user.getRole() == Role.ADMIN && !user.isDisabled() && users.countActiveAdmins() <= 1) {
            throw new ConflictException(null, "This is the last active admin: make someone else admin first.");
        }
        if (actor.userId() != null && actor.userId().equals(user.getId())) {
            throw new NotAllowedException(
                    NotAllowedException.Why.OWN_ACCOUNT, "Admins cannot delete their own account here.");
        }
        endAllSessions(user.getId(), "account deleted");
        String id = user.getId();
        String name = user.getUsername();
        // Channel member counts follow the rows the database removes with the user.
        channels.decrementMemberCountsOf(id);
        users.remove(user);
        accountStatus.forget(id);
        audit.record(actor, "user.deleted", id, name, null);
    }

    public Page<AuditEntryDto> audit(int page) {
        if (page < 0 || page > 100_000) {
            throw InvalidInputException.of("page", "page must be 0 or more.");
        }
        List<AuditEntry> rows = audit.page(page);
        return new Page<>(
                rows.stream().limit(AuditLog.PAGE_SIZE).map(AuditEntryDto::of).toList(),
                page,
                rows.size() > AuditLog.PAGE_SIZE);
    }

    public long userCount() {
        return users.count();
    }

    private int endAllSessions(String userId, String reason) {
        int revoked = tokens.revokeAllOfUserExcept(userId, null, Instant.now());
        events.sessionsEnded(new SessionsEnded(userId, null, null, reason));
        return revoked;
    }

    private UserAccount find(String idOrUsername) {
        if (idOrUsername == null || idOrUsername.isBlank()) {
            throw InvalidInputException.of("user", "Name a user by id or username.");
        }
        return users.find(idOrUsername.strip())
                .or(() -> users.findByUsername(UserRules.normalizeUsername(idOrUsername)))
                .orElseThrow(() -> NotFoundException.user(idOrUsername));
    }
}
