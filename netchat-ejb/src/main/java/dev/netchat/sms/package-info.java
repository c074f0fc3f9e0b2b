/**
 * SMS notifications through Twilio (optional): who gets one ({@link dev.netchat.sms.SmsPlanner}, in the message's
 * transaction, into the outbox), what it says ({@link dev.netchat.sms.SmsText}) and how it is sent
 * ({@link dev.netchat.sms.SmsSender}, by the outbox worker, with Twilio's SDK).
 */
package dev.netchat.sms;
