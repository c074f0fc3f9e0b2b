package dev.netchat.shared;

/** One rejected input field and why, as the problem+json "errors" list reports it. */
public record FieldError(String field, String message) {}
