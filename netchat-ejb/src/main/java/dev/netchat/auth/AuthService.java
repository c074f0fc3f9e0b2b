package dev.netchat.auth;

import dev.netchat.shared.ConflictException;
import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotAuthenticatedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.AvatarHosts;
import dev.netchat.user.MeDto;
import dev.netchat.user.Role;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import dev.netchat.user.UserRules;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, sign-in, session refresh and sign-out. One method, one transaction. */
@Stateless
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    jakarta.enterprise.event.Event<dev.netchat.user.ProfileChanged> profileChanged;

    @Inject
    UserRepository users;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    PasswordHasher passwords;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    dev.netchat.event.RealtimeBus events;

    @Inject
    dev.netchat.audit.AuditLog audit;

    @Inject
    dev.netchat.user.AccountStatus accountStatus;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    dev.netchat.metrics.NetChatMetrics metrics;

    @Inject
    ReservedNames reservedNames;

    @Inject
    dev.netchat.channel.ChannelService channels;

    @Inject
    @ConfigProperty(name = "netchat.auth.refresh-token-lifetime", defaultValue = "P30D")
    Duration refreshLifetime;

    /**
     * How long a just-spent refresh token still starts a new token in its session instead of counting as
     * stolen: two tabs that refresh at the same moment (after a restart) must not sign the user out.
     */
    @Inject
    @ConfigProperty(name = "netchat.auth.refresh-reuse-grace", defaultValue = "PT10S")
    Duration refreshGrace;

    @Inject
    AvatarHosts avatarHosts;

    public SignedInSession signup(SignupCommand command, String clientAddress) {
        String username = UserRules.normalizeUsername(command.username());
        List<FieldError> errors = new ArrayList<>(UserRules.collect(
                UserRules.checkFullName(command.fullName()),
                UserRules.checkUsername(username),
                passwordPolicy.check("password", command.password()),
                UserRules.checkPhoneNumber(command.phoneNumber()),
                avatarHosts.check(command.avatarUrl())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean firstAccount = !users.any();
        // The operator's own first account may take a reserved name such as admin; nobody after it.
        if (!firstAccount && reservedNames.reserved(username)) {
            throw InvalidInputException.of("username", "This username is reserved.");
        }
        // Before any bcrypt work, so a burst of sign-ups cannot make the server hash for nothing.
        throttle.signup(clientAddress);
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username", "This username is taken.");
        }
        Instant now = Instant.now();
        // The first account of an empty installation administers it.
        Role role = firstAccount ? Role.ADMIN : Role.USER;
        UserAccount user =
                new UserAccount(username, command.fullName().strip(), passwords.hash(command.password()), role, now);
        user.setPhoneNumber(emptyToNull(command.phoneNumber()));
        user.setAvatarUrl(emptyToNull(command.avatarUrl()));
        users.add(user);
        if (firstAccount) {
            users.recordFirstAccount(user.getId(), now); // fails for a sign-up that raced another to the first account
        }
        // A new team is greeted by a channel to talk in, not by "No channels yet".
        channels.joinDefaultChannel(user.getId());
        profileChanged.fire(dev.netchat.user.ProfileChanged.of(user));
        LOG.info(() -> "New account " + user.getId() + " (" + role.claim() + ")");
        return startSession(user, UUID.randomUUID().toString(), now, clientAddress);
    }

    public SignedInSession login(String rawUsername, String password, String clientAddress) {
        String username = UserRules.normalizeUsername(rawUsername);
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            errors.add(new FieldError("username", "Username is required."));
        }
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "Password is required."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            throttle.check(username, clientAddress);
        } catch (dev.netchat.shared.TooManyRequestsException e) {
            metrics.loginThrottled();
            audit.record(
                    dev.netchat.audit.Actor.anonymous(clientAddress),
                    "signin.throttled",
                    null,
                    username,
                    e.getMessage());
            throw e;
        }
        Optional<UserAccount> found = users.findByUsername(username);
        // The same work and the same answer whether the username exists or not.
        boolean ok = passwords.matches(
                password, found.map(UserAccount::getPasswordHash).orElse(null));
        if (!ok) {
            throttle.recordFailure(username, clientAddress);
            metrics.loginFailed();
            audit.record(
                    dev.netchat.audit.Actor.anonymous(clientAddress),
                    "signin.failed",
                    found.map(UserAccount::getId).orElse(null),
                    username,
                    found.isPresent() ? "wrong password" : "unknown username");
            throw new NotAuthenticatedException("Wrong username or password.");
        }
        throttle.recordSuccess(username, clientAddress);
        UserAccount user = found.orElseThrow();
        if (user.isDisabled()) {
            audit.record(
                    dev.netchat.audit.Actor.anonymous(clientAddress),
                    "signin.refused",
                    user.getId(),
                    username,
                    "account disabled");
            throw new NotAllowedException(NotAllowedException.Why.ACCOUNT_DISABLED, "This account is disabled.");
        }
        return startSession(user, UUID.randomUUID().toString(), Instant.now(), clientAddress);
    }

    /**
     * Spends the refresh token and returns a new session in the same family, or empty when the token is not
     * usable. Presenting an already spent token means it was stolen or replayed: the whole family is revoked,
     * and that revocation must commit, which is why this answers empty instead of throwing.
     */
    /**
     * What a renewal came to: a new session, or a refusal that says when the account behind a genuine token is
     * disabled, so that a page whose socket was down when an admin disabled the account (a laptop asleep) can
     * still tell its user why they were signed out. Only the holder of one of the account's tokens learns it.
     */
    public record Renewal(Optional<SignedInSession> session, boolean accountDisabled) {
        static Renewal refused() {
            return new Renewal(Optional.empty(), false);
        }
    }

    public Renewal renew(String rawToken, String clientAddress) {
        if (rawToken == null || rawToken.isBlank()) {
            return Renewal.refused();
        }
        Instant now = Instant.now();
        Optional<RefreshToken> found = refreshTokens.findByHashForUpdate(sha256(rawToken));
        if (found.isEmpty()) {
            return Renewal.refused();
        }
        RefreshToken token = found.get();
        if (users.find(token.getUserId()).map(UserAccount::isDisabled).orElse(false)) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            return new Renewal(Optional.empty(), true);
        }
        return new Renewal(rotate(token, now, clientAddress), false);
    }

    private Optional<SignedInSession> rotate(RefreshToken token, Instant now, String clientAddress) {
        if (token.isSpent()) {
            if (token.spentWithin(refreshGrace, now) && !token.isRevoked()) {
                // The same rotation twice in a moment (two tabs): a sibling token in the same session.
                Optional<UserAccount> user = users.find(token.getUserId()).filter(u -> !u.isDisabled());
                if (user.isPresent()) {
                    return Optional.of(startSession(user.get(), token.getFamilyId(), now, clientAddress));
                }
            }
            int revoked = refreshTokens.revokeFamily(token.getFamilyId(), now);
            events.sessionsEnded(new dev.netchat.event.SessionsEnded(
                    token.getUserId(), token.getFamilyId(), null, "refresh token reused"));
            LOG.warning(() -> "A spent refresh token was presented again; revoked " + revoked + " token(s) of session "
                    + token.getFamilyId() + " of user " + token.getUserId());
            return Optional.empty();
        }
        if (!token.isUsable(now)) {
            return Optional.empty();
        }
        token.spend(now);
        Optional<UserAccount> user = users.find(token.getUserId()).filter(u -> !u.isDisabled());
        if (user.isEmpty()) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            return Optional.empty();
        }
        return Optional.of(startSession(user.get(), token.getFamilyId(), now, clientAddress));
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
    public void logout(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return;
        }
        refreshTokens.findByHashForUpdate(sha256(rawToken)).ifPresent(t -> {
            refreshTokens.revokeFamily(t.getFamilyId(), Instant.now());
            events.sessionsEnded(
                    new dev.netchat.event.SessionsEnded(t.getUserId(), t.getFamilyId(), null, "signed out"));
        });
    }

    /** Ends one sign-in session by its id (the access token's sid claim): its refresh tokens and sockets. */
    public void endSession(String userId, String sessionId) {
        if (sessionId != null) {
            refreshTokens.revokeFamily(sessionId, Instant.now());
            events.sessionsEnded(new dev.netchat.event.SessionsEnded(userId, sessionId, null, "signed out"));
        }
    }

    /** Changes the password and ends every other session of the user; the caller's own session stays. */
    public void changePassword(String userId, String currentPassword, String newPassword, String currentSessionId) {
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add(new FieldError("currentPassword", "Current password is required."));
        }
        FieldError newError = passwordPolicy.check("newPassword", newPassword);
        if (newError != null) {
            errors.add(newError);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UserAccount user = users.find(userId).orElseThrow(() -> NotFoundException.user());
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("currentPassword", "Current password is wrong.");
        }
        Instant now = Instant.now();
        user.setPasswordHash(passwords.hash(newPassword));
        user.setMustChangePassword(false);
        user.touch(now);
        accountStatus.forget(userId);
        int ended = refreshTokens.revokeAllOfUserExcept(userId, currentSessionId, now);
        events.sessionsEnded(new dev.netchat.event.SessionsEnded(userId, null, currentSessionId, "password changed"));
        LOG.info(() -> "User " + userId + " changed the password; " + ended + " other session token(s) revoked");
    }

    /** Removes refresh tokens that expired more than a day ago; called by {@link SessionJanitor}. */
    public int purgeExpired() {
        throttle.purgeOld();
        return refreshTokens.deleteExpired(Instant.now().minus(Duration.ofDays(1)));
    }

    private SignedInSession startSession(UserAccount user, String familyId, Instant now, String clientAddress) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant refreshExpiresAt = now.plus(refreshLifetime);
        refreshTokens.add(new RefreshToken(user.getId(), familyId, sha256(raw), now, refreshExpiresAt, clientAddress));
        TokenIssuer.AccessToken access = tokens.issue(user, familyId, now);
        return new SignedInSession(MeDto.of(user), access.token(), access.expiresAt(), raw, refreshExpiresAt);
    }

    static String sha256(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
