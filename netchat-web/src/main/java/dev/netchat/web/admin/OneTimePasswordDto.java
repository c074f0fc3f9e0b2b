package dev.netchat.web.admin;

/** The answer to a password reset: shown once to the admin, who hands it to the user. */
public record OneTimePasswordDto(String oneTimePassword) {}
