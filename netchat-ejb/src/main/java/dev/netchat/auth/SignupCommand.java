package dev.netchat.auth;

/** The fields of a signup, as sent; AuthService checks them. */
public record SignupCommand(String fullName, String username, String password, String phoneNumber, String avatarUrl) {}
