package dev.netchat.sms;

import dev.netchat.channel.Channel;
import dev.netchat.channel.ChannelMember;
import dev.netchat.channel.ChannelRepository;
import dev.netchat.channel.ChannelType;
import dev.netchat.message.MessageDto;
import dev.netchat.message.MessagePosted;
import dev.netchat.outbox.OutboxRepository;
import dev.netchat.outbox.OutboxWritten;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.shared.Mentions;
import dev.netchat.shared.Wire;
import dev.netchat.user.NotificationLevel;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Decides who gets an SMS for a new message, inside the message's own transaction (the observer runs
 * synchronously, before commit), so the SMS is written to the outbox exactly when the message is stored.
 * A member gets one when they have a phone number, no open socket, and their preference says so: all
 * messages, or direct/group conversations and mentions of {@code @username}. The author never does. The same
 * levels as desktop notifications decide: the member's own level for this channel overrides their SMS level, a
 * muted channel and do-not-disturb send nothing; an SMS level of off stays off.
 */
@ApplicationScoped
public class SmsPlanner {

    @Inject
    ChannelRepository channels;

    @Inject
    UserRepository users;

    @Inject
    TwilioSettings twilio;

    @Inject
    OnlineUsers presence;

    @Inject
    OutboxRepository outbox;

    @Inject
    Event<OutboxWritten> written;

    void onMessagePosted(@Observes MessagePosted event) {
        if (!twilio.enabled()) {
            return;
        }
        MessageDto message = event.message();
        String authorId = message.user() == null ? null : message.user().id();
        String authorName = message.user() == null || message.user().username() == null
                ? "someone"
                : message.user().username();
        String text = SmsText.withFiles(
                message.text() == null ? "" : message.text(),
                message.attachments() == null ? 0 : message.attachments().size());
        Channel channel = channels.find(event.channelId()).orElseThrow();
        boolean conversation = channel.getType() == ChannelType.MESSAGING;
        String where = !conversation
                ? "#" + channel.getName()
                : channel.getMemberCount() <= 2 ? "a direct message" : "a group conversation";
        String link = twilio.linkBase() + "/#/c/" + channel.getId();
        boolean any = false;
        List<UserAccount> candidates = users.smsCandidates(channel.getId());
        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, ChannelMember> memberships = new java.util.HashMap<>();
        channels.members(channel.getId()).forEach(m -> memberships.put(m.getUserId(), m));
        for (UserAccount user : candidates) {
            ChannelMember member = memberships.get(user.getId());
            if (user.getId().equals(authorId)
                    || presence.isOnline(user.getId())
                    || user.doNotDisturbAt(now)
                    || (member != null && member.isMuted())) {
                continue;
            }
            NotificationLevel level = member != null && member.getNotifyLevel() != null
                    ? member.getNotifyLevel()
                    : NotificationLevel.valueOf(user.getSmsNotifications().name());
            // @here is for those online now, and an SMS goes to those who are not: only @channel reaches them.
            boolean wanted = level.notifies(
                    conversation, Mentions.mentions(text, user.getUsername()) || Mentions.mentions(text, "channel"));
            if (wanted) {
                outbox.addOrMergeSms(
                        "sms:" + user.getId() + ":" + channel.getId(),
                        payload(user.getPhoneNumber(), authorName, where, text, link, message.id()),
                        twilio.minInterval());
                any = true;
            }
        }
        if (twilio.operatorNumber().isPresent()) {
            outbox.addOrMergeSms(
                    "sms:operator:" + channel.getId(),
                    payload(twilio.operatorNumber().get(), authorName, where, text, link, message.id()),
                    twilio.minInterval());
            any = true;
        }
        if (any) {
            written.fire(new OutboxWritten());
        }
    }

    private static String payload(String to, String author, String where, String text, String link, String messageId) {
        return Wire.JSON
                .createObjectBuilder()
                .add("to", to)
                .add("author", author)
                .add("where", where)
                .add("text", SmsText.excerpt(text))
                .add("link", link)
                .add("messageId", messageId)
                .build()
                .toString();
    }
}
