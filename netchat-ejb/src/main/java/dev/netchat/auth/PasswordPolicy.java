package dev.netchat.auth;

import dev.netchat.shared.FieldError;
import dev.netchat.user.UserRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must be: the length rules of {@link UserRules}, at least the operator's minimum length,
 * and not one of the most common passwords. The blocklist is the list of the 100,000 most common passwords that
 * the password-strength library nbvcxz (me.gosimple:nbvcxz, MIT) bundles as {@code dictionaries/passwords.txt};
 * it is compared ignoring case.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final String BLOCKLIST = "dictionaries/passwords.txt";

    private final int minLength;
    private final Set<String> common;

    @Inject
    public PasswordPolicy(
            @ConfigProperty(name = "netchat.auth.password-min-length", defaultValue = "8") int minLength) {
        if (minLength < 8 || minLength > 72) {
            throw new IllegalArgumentException(
                    "netchat.auth.password-min-length must be between 8 and 72, not " + minLength);
        }
        this.minLength = minLength;
        this.common = load(minLength);
    }

    /** For CDI's proxy only. */
    protected PasswordPolicy() {
        this.minLength = 8;
        this.common = Set.of();
    }

    /** The field error for a password that may not be chosen, or null. */
    public FieldError check(String field, String password) {
        FieldError basic = UserRules.checkPassword(field, password);
        if (basic != null) {
            return basic;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            return new FieldError(field, "Password must be at least " + minLength + " characters long.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return new FieldError(field, "This password is among the most common ones; choose another.");
        }
        return null;
    }

    /** Only entries that could pass the length rule are kept: shorter ones are refused anyway. */
    private static Set<String> load(int minLength) {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(BLOCKLIST)) {
            if (in == null) {
                throw new IllegalStateException(
                        BLOCKLIST + " (from me.gosimple:nbvcxz) is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.length() >= minLength) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
