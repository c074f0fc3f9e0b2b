package dev.netchat.channel;

import dev.netchat.event.ChannelEventLog;
import dev.netchat.event.RealtimeBus;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.shared.ConflictException;
import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.user.NotificationLevel;
import dev.netchat.user.UserAccount;
import dev.netchat.user.UserDto;
import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Channel use cases. Only members read; the creator and admins change settings and members. */
@Stateless
public class ChannelService {

    public static final int DISCOVER_LIMIT = 50;

    /**
     * Read receipts are shared in direct and group conversations up to this size: there "Seen by" names people one
     * knows; in a big room it would be noise, and every read would cost a frame to every member.
     */
    public static final int RECEIPTS_MAX_MEMBERS = 10;

    @Inject
    ChannelRepository channels;

    @Inject
    UserRepository users;

    @Inject
    ChannelEventLog events;

    @Inject
    RealtimeBus bus;

    @Inject
    ChannelAccess access;

    @Inject
    OnlineUsers presence;

    public List<ChannelDto> list(String userId, String type) {
        ChannelType t = null;
        if (type != null && !type.isEmpty()) {
            t = ChannelType.fromWire(type)
                    .orElseThrow(() -> InvalidInputException.of("type", "type must be team or messaging."));
        }
        Map<String, Long> unread = channels.unreadCounts(userId);
        Map<String, Long> mentioned = users.find(userId)
                .map(u -> channels.mentionCounts(userId, u.getUsername()))
                .orElse(Map.of());
        Map<String, ChannelMember> memberships = channels.memberships(userId);
        List<Channel> mine = channels.forUser(userId, t);
        // Conversations are named by their members: list them, with two queries for all.
        Map<String, List<String>> conversationMembers = channels.memberIds(mine.stream()
                .filter(c -> c.getType() == ChannelType.MESSAGING)
                .map(Channel::getId)
                .toList());
        Map<String, UserAccount> people = users.findAll(conversationMembers.values().stream()
                .flatMap(List::stream)
                .collect(java.util.stream.Collectors.toSet()));
        return mine.stream()
                .map(c -> ChannelDto.of(
                                c,
                                unread.getOrDefault(c.getId(), 0L),
                                mentioned.getOrDefault(c.getId(), 0L),
                                memberships.containsKey(c.getId())
                                        ? memberships.get(c.getId()).getLastReadSeq()
                                        : 0L,
                                c.getType() == ChannelType.MESSAGING
                                        ? viewsOf(conversationMembers.getOrDefault(c.getId(), List.of()), people)
                                        : null)
                        .withSettingsOf(memberships.get(c.getId())))
                .toList();
    }

    public List<ChannelDto> discover(String userId, String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() > 100) {
            throw InvalidInputException.of("q", "q must be at most 100 characters long.");
        }
        return channels.discover(userId, text, DISCOVER_LIMIT).stream()
                .map(c -> ChannelDto.of(c, null, null))
                .toList();
    }

    public ChannelDto get(String userId, String channelId) {
        Channel channel = readable(userId, channelId);
        return withMembers(channel, userId);
    }

    public CreatedChannel create(String userId, NewChannel request) {
        List<FieldError> errors = new ArrayList<>();
        ChannelType type = request.type() == null
                ? null
                : ChannelType.fromWire(request.type()).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "type must be team or messaging."));
        }
        String name =
                type == ChannelType.TEAM ? ChannelRules.normalizeTeamName(request.name()) : blankToNull(request.name());
        if (type == ChannelType.TEAM) {
            addIfPresent(errors, ChannelRules.checkTeamName(name));
        } else if (type == ChannelType.MESSAGING) {
            addIfPresent(errors, ChannelRules.checkConversationName(name));
        }
        addIfPresent(errors, ChannelRules.checkDescription(request.description()));
        Set<String> memberIds = new LinkedHashSet<>();
        memberIds.add(userId);
        List<String> requested = request.memberIds() == null ? List.of() : request.memberIds();
        if (requested.size() > ChannelRules.MEMBERS_PER_REQUEST_MAX
                || requested.stream().anyMatch(id -> id == null || id.isBlank())) {
            errors.add(new FieldError("memberIds", "memberIds must be at most 500 user ids."));
        } else {
            memberIds.addAll(requested);
        }
        Map<String, UserAccount> found = users.findAll(memberIds);
        if (found.size() != memberIds.size() || found.values().stream().anyMatch(UserAccount::isDisabled)) {
            errors.add(new FieldError("memberIds", "memberIds names a user that does not exist."));
        }
        if (type == ChannelType.MESSAGING && memberIds.size() < 2) {
            errors.add(new FieldError("memberIds", "A conversation needs at least one other member."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        String directKey = null;
        if (type == ChannelType.MESSAGING && memberIds.size() == 2 && name == null) {
            directKey = String.join(":", memberIds.stream().sorted().toList());
            var existing = channels.findDirect(directKey);
            if (existing.isPresent()) {
                // Whoever left the conversation between these two comes back: leaving a direct conversation
                // must not stop the two from ever writing to each other directly again.
                Channel direct = channels.findForUpdate(existing.get().getId()).orElseThrow();
                for (String memberId : memberIds) {
                    if (!channels.isMember(direct.getId(), memberId)) {
                        addMember(direct, memberId, now);
                    }
                }
                return new CreatedChannel(withMembers(direct, userId), false);
            }
        }
        if (type == ChannelType.TEAM && channels.teamNameTaken(name, null)) {
            throw new ConflictException("name", "A channel with this name exists.");
        }
        Channel channel = new Channel(
                type,
                name,
                blankToNull(request.description()),
                Boolean.TRUE.equals(request.isPrivate()),
                directKey,
                userId,
                now);
        channels.add(channel);
        for (String memberId : memberIds) {
            channels.addMember(new ChannelMember(channel.getId(), memberId, now, 0));
        }
        channel.setMemberCount(memberIds.size());
        ChannelDto dto = ChannelDto.of(channel, 0L, 0L, views(memberIds));
        bus.toUsers(
                new ChannelCreated(channel.getId(), ChannelDto.of(channel, null, null), List.copyOf(memberIds)),
                memberIds,
                null);
        return new CreatedChannel(dto, true);
    }

    public ChannelDto update(String userId, String channelId, ChannelChanges changes) {
        Channel channel = manageable(userId, channelId);
        List<FieldError> errors = new ArrayList<>();
        String name = null;
        if (changes.name() != null) {
            if (channel.getType() == ChannelType.TEAM) {
                name = ChannelRules.normalizeTeamName(changes.name());
                addIfPresent(errors, ChannelRules.checkTeamName(name));
            } else if (channel.isDirect()) {
                errors.add(new FieldError("name", "A direct conversation has no name."));
            } else {
                name = changes.name().strip();
                addIfPresent(errors, ChannelRules.checkConversationName(name));
            }
        }
        addIfPresent(errors, ChannelRules.checkDescription(changes.description()));
        if (changes.isPrivate() != null && channel.getType() == ChannelType.MESSAGING && !changes.isPrivate()) {
            errors.add(new FieldError("private", "Conversations are always private."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (name != null && channel.getType() == ChannelType.TEAM && channels.teamNameTaken(name, channel.getId())) {
            throw new ConflictException("name", "A channel with this name exists.");
        }
        if (name != null) {
            channel.rename(name.isEmpty() ? null : name);
        }
        if (changes.description() != null) {
            channel.setDescription(blankToNull(changes.description()));
        }
        if (changes.isPrivate() != null && channel.getType() == ChannelType.TEAM) {
            channel.setPrivate(changes.isPrivate());
        }
        Instant now = Instant.now();
        channel.touch(now);
        long seq = channel.nextSeq();
        events.append(new ChannelUpdated(channel.getId(), seq, ChannelDto.of(channel, null, null)));
        return withMembers(channel, userId);
    }

    public ChannelDto addMembers(String userId, String channelId, List<String> userIds) {
        Channel channel = manageable(userId, channelId);
        if (channel.isDirect()) {
            throw InvalidInputException.of(
                    "userIds", "A direct conversation cannot get more members; start a group instead.");
        }
        if (userIds == null
                || userIds.isEmpty()
                || userIds.size() > ChannelRules.MEMBERS_PER_REQUEST_MAX
                || userIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw InvalidInputException.of("userIds", "userIds must list 1 to 500 user ids.");
        }
        Set<String> wanted = new LinkedHashSet<>(userIds);
        Map<String, UserAccount> found = users.findAll(wanted);
        if (found.size() != wanted.size() || found.values().stream().anyMatch(UserAccount::isDisabled)) {
            throw InvalidInputException.of("userIds", "userIds names a user that does not exist.");
        }
        Instant now = Instant.now();
        for (String newMember : wanted) {
            if (!channels.isMember(channel.getId(), newMember)) {
                addMember(channel, newMember, now);
            }
        }
        return withMembers(channel, userId);
    }

    public ChannelDto join(String userId, String channelId) {
        Channel channel = channels.findForUpdate(channelId)
                .filter(c -> c.getType() == ChannelType.TEAM && !c.isPrivate())
                .orElseThrow(() -> NotFoundException.publicChannel());
        if (!channels.isMember(channelId, userId)) {
            addMember(channel, userId, Instant.now());
        }
        return withMembers(channel, userId);
    }

    /** Removes a member; a member may remove itself (leave), the creator or an admin anyone. */
    public void removeMember(String userId, String channelId, String memberId) {
        Channel channel = channels.findForUpdate(channelId)
                .filter(c -> channels.isMember(c.getId(), userId) || isAdmin(userId))
                .orElseThrow(() -> NotFoundException.channel());
        if (!userId.equals(memberId) && !canManage(userId, channel)) {
            throw new NotAllowedException(
                    NotAllowedException.Why.MANAGERS_ONLY,
                    "Only the channel's creator or an admin may remove other members.");
        }
        ChannelMember member = channels.member(channelId, memberId).orElseThrow(() -> NotFoundException.member());
        remove(channel, member);
    }

    /** A member added on Stream's side (its webhook): added here too. False when there is nothing to do. */
    public boolean addMemberFromStream(String channelId, String memberId) {
        Channel channel = channels.findForUpdate(channelId).orElse(null);
        if (channel == null
                || channels.isMember(channelId, memberId)
                || users.find(memberId).filter(u -> !u.isDisabled()).isEmpty()) {
            return false;
        }
        addMember(channel, memberId, Instant.now());
        return true;
    }

    /** A member removed on Stream's side (its webhook): removed here too. False when there is nothing to do. */
    public boolean removeMemberFromStream(String channelId, String memberId) {
        Channel channel = channels.findForUpdate(channelId).orElse(null);
        ChannelMember member =
                channel == null ? null : channels.member(channelId, memberId).orElse(null);
        if (member == null) {
            return false;
        }
        remove(channel, member);
        return true;
    }

    private void remove(Channel channel, ChannelMember member) {
        String memberId = member.getUserId();
        channels.removeMember(member);
        channel.setMemberCount(channel.getMemberCount() - 1);
        channel.touch(Instant.now());
        long seq = channel.nextSeq();
        // The removed user still learns of it; from now on no other event of the channel reaches them.
        events.append(new MemberRemoved(channel.getId(), seq, memberId, ChannelDto.of(channel, null, null)));
    }

    /**
     * Moves the caller's read position forward (never back, never past the last event). The new position goes to
     * every socket of the caller, the reading one included: tabs of one browser share a session, so leaving out
     * the session would leave the reader's other tabs showing unread messages.
     */
    public void markRead(String userId, String sessionId, String channelId, Long seq) {
        if (seq == null || seq < 0) {
            throw InvalidInputException.of("seq", "seq must be a number of 0 or more.");
        }
        Channel channel = readable(userId, channelId);
        ChannelMember member = channels.member(channelId, userId).orElseThrow();
        long upTo = Math.min(seq, channel.getLastSeq());
        long seenBefore = member.getSeenSeq();
        if (member.readUpTo(upTo)) {
            readUpdated(userId, channelId, upTo);
        }
        if (member.getSeenSeq() > seenBefore
                && sharesReceipts(channel)
                && users.find(userId).map(UserAccount::isReadReceipts).orElse(false)) {
            List<String> others = channels.memberIds(channelId).stream()
                    .filter(id -> !id.equals(userId))
                    .toList();
            bus.toUsers(new ReceiptMoved(channelId, userId, member.getSeenSeq()), others, null);
        }
    }

    /**
     * How far the other members of a direct or group conversation (of at most {@link #RECEIPTS_MAX_MEMBERS}) have
     * seen it, leaving out members who turned receipts off. Empty for any other channel. Members only.
     */
    public List<ReadReceipt> receipts(String userId, String channelId) {
        Channel channel = readable(userId, channelId);
        if (!sharesReceipts(channel)) {
            return List.of();
        }
        return channels.receipts(channelId, userId);
    }

    private static boolean sharesReceipts(Channel channel) {
        return channel.getType() == ChannelType.MESSAGING && channel.getMemberCount() <= RECEIPTS_MAX_MEMBERS;
    }

    /** "Mark as unread from here": the event {@code seq} and everything after it become unread for the caller. */
    public void markUnread(String userId, String channelId, Long seq) {
        if (seq == null || seq < 1) {
            throw InvalidInputException.of("seq", "seq must be a number of 1 or more.");
        }
        readable(userId, channelId);
        ChannelMember member = channels.member(channelId, userId).orElseThrow();
        if (member.unreadFrom(seq)) {
            readUpdated(userId, channelId, member.getLastReadSeq());
        }
    }

    private void readUpdated(String userId, String channelId, long seq) {
        // To every socket of the reader on every node, the reading session's own included (see markRead).
        bus.toUsers(new ReadMarkerMoved(channelId, userId, seq), List.of(userId), null);
    }

    /**
     * The caller's notification settings for a channel: {@code level} all, mentions, off, or default (follow the
     * caller's own level); {@code muted} silences the channel whatever the level.
     */
    public ChannelDto setNotifications(String userId, String channelId, String level, Boolean muted) {
        NotificationLevel chosen = null;
        if (level == null
                || !(level.equals("default")
                        || NotificationLevel.fromWire(level).isPresent())) {
            throw InvalidInputException.of("level", "level must be one of default, all, mentions, off.");
        }
        if (!level.equals("default")) {
            chosen = NotificationLevel.fromWire(level).orElseThrow();
        }
        Channel channel = readable(userId, channelId);
        ChannelMember member = channels.member(channelId, userId).orElseThrow();
        member.setNotifications(chosen, Boolean.TRUE.equals(muted));
        return withMembers(channel, userId);
    }

    /**
     * Puts a new account into the default channel. Silent: no member.added event, because in a channel the whole
     * installation shares, every signup would otherwise reach every member's socket.
     */
    public void joinDefaultChannel(String userId) {
        channels.defaultChannelForUpdate().ifPresent(channel -> {
            if (!channels.isMember(channel.getId(), userId)) {
                channels.addMember(new ChannelMember(channel.getId(), userId, Instant.now(), channel.getLastSeq()));
                channel.setMemberCount(channel.getMemberCount() + 1);
            }
        });
    }

    /** The channel, if the user is a member; otherwise "not found" (the policy is {@link ChannelAccess}'s). */
    public Channel readable(String userId, String channelId) {
        return access.readable(userId, channelId);
    }

    private Channel manageable(String userId, String channelId) {
        return access.manageable(userId, channelId);
    }

    private void addMember(Channel channel, String newMember, Instant now) {
        // A new member starts with everything read: the history is there to scroll, not to count as unread.
        channels.addMember(new ChannelMember(channel.getId(), newMember, now, channel.getLastSeq()));
        channel.setMemberCount(channel.getMemberCount() + 1);
        channel.touch(now);
        long seq = channel.nextSeq();
        events.append(new MemberAdded(channel.getId(), seq, newMember, ChannelDto.of(channel, null, null)));
    }

    public boolean canManage(String userId, Channel channel) {
        return access.canManage(userId, channel);
    }

    public boolean isAdmin(String userId) {
        return access.isAdmin(userId);
    }

    /** One channel as its caller sees it: members, and the caller's unread and mention counts and settings. */
    private ChannelDto withMembers(Channel channel, String userId) {
        String id = channel.getId();
        long unread = channels.unreadCounts(userId, id).getOrDefault(id, 0L);
        long mentions = users.find(userId)
                .map(u -> channels.mentionCounts(userId, u.getUsername(), id).getOrDefault(id, 0L))
                .orElse(0L);
        ChannelMember membership = channels.member(id, userId).orElse(null);
        return ChannelDto.of(
                        channel,
                        unread,
                        mentions,
                        membership == null ? null : membership.getLastReadSeq(),
                        views(channels.memberIds(id)))
                .withSettingsOf(membership);
    }

    private List<UserDto> viewsOf(List<String> ids, Map<String, UserAccount> people) {
        Set<String> online = presence.onlineAmong(ids);
        return ids.stream()
                .map(people::get)
                .filter(u -> u != null)
                .map(u -> UserDto.of(u, online.contains(u.getId())))
                .toList();
    }

    private List<UserDto> views(Collection<String> ids) {
        Map<String, UserAccount> found = users.findAll(ids);
        Set<String> online = presence.onlineAmong(ids);
        return ids.stream()
                .map(found::get)
                .filter(u -> u != null)
                .map(u -> UserDto.of(u, online.contains(u.getId())))
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void addIfPresent(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
