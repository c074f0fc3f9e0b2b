/** Webhooks from the optional integrations: Stream Chat events and Twilio status callbacks, each signed. */
package dev.netchat.web.webhook;
