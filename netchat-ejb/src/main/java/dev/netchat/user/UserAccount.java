package dev.netchat.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who can sign in. The password is only ever held as a bcrypt hash. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    private String id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    @Column(name = "password_hash", nullable = false, length = 60)
    private String passwordHash;

    @Column(name = "phone_number", length = 16)
    private String phoneNumber;

    @Column(name = "avatar_url", length = 2048)
    private String avatarUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean disabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "sms_notifications", nullable = false, length = 16)
    private SmsNotifications smsNotifications;

    /** Which messages show a desktop notification (the client asks; the server keeps the choice). */
    @Enumerated(EnumType.STRING)
    @Column(name = "desktop_notifications", nullable = false, length = 16)
    private NotificationLevel desktopNotifications = NotificationLevel.MENTIONS;

    /** Do not disturb until this time: no desktop notification, no SMS. Null when off. */
    @Column(name = "dnd_until")
    private Instant dndUntil;

    /** An IANA zone id such as Europe/Paris, so others can see the user's local time; null when not given. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    /** The custom status others see: an emoji (the character itself) and a text, either may be absent. */
    @Column(name = "status_emoji", length = 32)
    private String statusEmoji;

    @Column(name = "status_text", length = 100)
    private String statusText;

    /** When the status clears itself; null keeps it until changed. */
    @Column(name = "status_expires_at")
    private Instant statusExpiresAt;

    /** Whether others in small conversations are told how far this user has read ("Seen by"); on by default. */
    @Column(name = "read_receipts", nullable = false)
    private boolean readReceipts = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_active_at")
    private Instant lastActiveAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(String username, String fullName, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.smsNotifications = SmsNotifications.MENTIONS;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public NotificationLevel getDesktopNotifications() {
        return desktopNotifications;
    }

    public void setDesktopNotifications(NotificationLevel level) {
        this.desktopNotifications = level;
    }

    public Instant getDndUntil() {
        return dndUntil;
    }

    public void setDndUntil(Instant dndUntil) {
        this.dndUntil = dndUntil;
    }

    /** Whether do-not-disturb is on at {@code now}. */
    public boolean doNotDisturbAt(Instant now) {
        return dndUntil != null && dndUntil.isAfter(now);
    }

    public boolean isReadReceipts() {
        return readReceipts;
    }

    public void setReadReceipts(boolean readReceipts) {
        this.readReceipts = readReceipts;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public SmsNotifications getSmsNotifications() {
        return smsNotifications;
    }

    public void setSmsNotifications(SmsNotifications smsNotifications) {
        this.smsNotifications = smsNotifications;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    /** Sets the custom status; nulls for emoji and text clear it. */
    public void setStatus(String emoji, String text, Instant expiresAt) {
        this.statusEmoji = emoji;
        this.statusText = text;
        this.statusExpiresAt = emoji == null && text == null ? null : expiresAt;
    }

    /** The custom status as it stands at {@code now}: empty when none was set or it has expired. */
    public java.util.Optional<UserStatus> statusAt(Instant now) {
        if (statusEmoji == null && statusText == null) {
            return java.util.Optional.empty();
        }
        if (statusExpiresAt != null && !statusExpiresAt.isAfter(now)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new UserStatus(statusEmoji, statusText, dev.netchat.shared.Times.iso(statusExpiresAt)));
    }
}
