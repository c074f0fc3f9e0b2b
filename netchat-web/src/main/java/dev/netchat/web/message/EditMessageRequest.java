package dev.netchat.web.message;

/** PATCH /api/messages/{id}. */
public record EditMessageRequest(String text) {}
