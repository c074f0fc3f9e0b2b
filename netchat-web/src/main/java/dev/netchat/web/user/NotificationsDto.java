package dev.netchat.web.user;

/** A user's notification settings. {@code sms}: off, mentions (direct messages and mentions) or all. */
public record NotificationsDto(String sms) {}
