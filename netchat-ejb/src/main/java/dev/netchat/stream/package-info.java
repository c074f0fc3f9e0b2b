/**
 * The Stream Chat bridge (optional): NetChat's users, channels, members and messages mirrored to Stream through
 * the outbox ({@link dev.netchat.stream.StreamOutboxWriter}, {@link dev.netchat.stream.StreamMirror}), tokens for
 * Stream's own client SDKs, and Stream's webhook events brought into NetChat
 * ({@link dev.netchat.stream.StreamWebhookService}) without echoing them back.
 */
package dev.netchat.stream;
