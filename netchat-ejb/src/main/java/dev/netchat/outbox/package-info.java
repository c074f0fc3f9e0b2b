/**
 * The transactional outbox: work for outside services (Twilio, Stream) written in the same transaction as the
 * change it tells of, and done afterwards by {@link dev.netchat.outbox.OutboxWorker} with retries and back-off,
 * in order per ordering key, each entry marked done exactly once.
 */
package dev.netchat.outbox;
