package dev.netchat.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netchat.channel.ChannelCreated;
import dev.netchat.channel.ChannelDto;
import dev.netchat.channel.ChannelUpdated;
import dev.netchat.channel.MemberAdded;
import dev.netchat.channel.MemberRemoved;
import dev.netchat.channel.ReadMarkerMoved;
import dev.netchat.channel.ReceiptMoved;
import dev.netchat.file.AttachmentDto;
import dev.netchat.message.MessageDeleted;
import dev.netchat.message.MessageDto;
import dev.netchat.message.MessageEdited;
import dev.netchat.message.MessagePosted;
import dev.netchat.message.MessagePreviewChanged;
import dev.netchat.message.PreviewDto;
import dev.netchat.message.ReactionAdded;
import dev.netchat.message.ReactionChange;
import dev.netchat.message.ReactionRemoved;
import dev.netchat.message.ReplyCountChanged;
import dev.netchat.presence.PresenceChanged;
import dev.netchat.presence.TypingStarted;
import dev.netchat.presence.TypingStopped;
import dev.netchat.shared.Wire;
import dev.netchat.user.AuthorDto;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type becomes the frame ../shared/API.md ("Real time") documents, and reads back to the same event.
 * The expected frames are written out by hand, field by field, from the API text.
 */
class EventCodecTest {

    private static final String C = "c0000000-0000-0000-0000-000000000001";
    private static final String U = "u0000000-0000-0000-0000-000000000002";

    static final MessageDto MESSAGE = new MessageDto(
            "m1",
            C,
            7,
            new AuthorDto(U, "ann", "Ann A", null),
            "hello @bob",
            "2026-01-01T10:00:00Z",
            null,
            false,
            false,
            null,
            0,
            List.of(new MessageDto.ReactionDto("smile", 1, false, List.of(U))),
            "cm-1",
            List.of(new AttachmentDto(
                    "f1",
                    "a.png",
                    "image/png",
                    42,
                    2,
                    3,
                    "/api/files/f1",
                    "/api/files/f1/thumbnail",
                    "/api/files/f1/preview")),
            new MessageDto.PinDto(new AuthorDto(U, "ann", "Ann A", null), "2026-01-01T10:05:00Z"),
            null,
            new PreviewDto("https://example.org/a", "A page", null, "Example", "/api/messages/m1/preview/image?v=1"));
    static final String MESSAGE_JSON = """
            {"id":"m1","channelId":"%s","seq":7,"user":{"id":"%s","username":"ann","fullName":"Ann A","avatarURL":null},
             "text":"hello @bob","createdAt":"2026-01-01T10:00:00Z","updatedAt":null,"edited":false,"deleted":false,
             "parentId":null,"replyCount":0,"reactions":[{"type":"smile","count":1,"me":false,"userIds":["%s"]}],
             "clientMessageId":"cm-1","attachments":[{"id":"f1","name":"a.png","mediaType":"image/png","size":42,
             "width":2,"height":3,"url":"/api/files/f1","thumbnailUrl":"/api/files/f1/thumbnail",
             "previewUrl":"/api/files/f1/preview"}],
             "pinned":{"by":{"id":"%s","username":"ann","fullName":"Ann A","avatarURL":null},"at":"2026-01-01T10:05:00Z"},
             "saved":null,
             "preview":{"url":"https://example.org/a","title":"A page","description":null,"siteName":"Example",
             "imageUrl":"/api/messages/m1/preview/image?v=1"}}""".formatted(C, U, U, U);
    static final ChannelDto CHANNEL = new ChannelDto(
            C,
            "team",
            "general",
            null,
            false,
            U,
            "2026-01-01T09:00:00Z",
            "2026-01-01T10:00:00Z",
            2,
            9,
            null,
            null,
            null,
            null,
            null,
            true,
            false,
            "mentions",
            false);
    static final String CHANNEL_JSON = """
            {"id":"%s","type":"team","name":"general","description":null,"private":false,"createdBy":"%s",
             "createdAt":"2026-01-01T09:00:00Z","updatedAt":"2026-01-01T10:00:00Z","memberCount":2,"lastSeq":9,
             "lastMessageAt":null,"unreadCount":null,"mentionCount":null,"lastReadSeq":null,"members":null,
             "direct":true,"default":false,"notificationLevel":"mentions","muted":false}""".formatted(C, U);

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(
                        new MessagePosted(C, 7, MESSAGE),
                        "{\"type\":\"message.new\",\"channelId\":\"%s\",\"seq\":7,\"message\":%s}"
                                .formatted(C, MESSAGE_JSON)),
                Arguments.of(
                        new MessageEdited(C, 8, MESSAGE),
                        "{\"type\":\"message.updated\",\"channelId\":\"%s\",\"seq\":8,\"message\":%s}"
                                .formatted(C, MESSAGE_JSON)),
                Arguments.of(
                        new ReplyCountChanged(C, 8, MESSAGE),
                        "{\"type\":\"message.updated\",\"channelId\":\"%s\",\"seq\":8,\"message\":%s}"
                                .formatted(C, MESSAGE_JSON)),
                Arguments.of(
                        new MessagePreviewChanged(C, 8, MESSAGE),
                        "{\"type\":\"message.updated\",\"channelId\":\"%s\",\"seq\":8,\"message\":%s}"
                                .formatted(C, MESSAGE_JSON)),
                Arguments.of(
                        new MessageDeleted(C, 9, MESSAGE),
                        "{\"type\":\"message.deleted\",\"channelId\":\"%s\",\"seq\":9,\"message\":%s}"
                                .formatted(C, MESSAGE_JSON)),
                Arguments.of(
                        new ReactionAdded(C, 10, MESSAGE, new ReactionChange("smile", U)),
                        "{\"type\":\"reaction.new\",\"channelId\":\"%s\",\"seq\":10,\"message\":%s,\"reaction\":{\"type\":\"smile\",\"userId\":\"%s\"}}"
                                .formatted(C, MESSAGE_JSON, U)),
                Arguments.of(
                        new ReactionRemoved(C, 11, MESSAGE, new ReactionChange("smile", U)),
                        "{\"type\":\"reaction.deleted\",\"channelId\":\"%s\",\"seq\":11,\"message\":%s,\"reaction\":{\"type\":\"smile\",\"userId\":\"%s\"}}"
                                .formatted(C, MESSAGE_JSON, U)),
                Arguments.of(
                        new ChannelUpdated(C, 12, CHANNEL),
                        "{\"type\":\"channel.updated\",\"channelId\":\"%s\",\"seq\":12,\"channel\":%s}"
                                .formatted(C, CHANNEL_JSON)),
                Arguments.of(
                        new MemberAdded(C, 13, U, CHANNEL),
                        "{\"type\":\"member.added\",\"channelId\":\"%s\",\"seq\":13,\"userId\":\"%s\",\"channel\":%s}"
                                .formatted(C, U, CHANNEL_JSON)),
                Arguments.of(
                        new MemberRemoved(C, 14, U, CHANNEL),
                        "{\"type\":\"member.removed\",\"channelId\":\"%s\",\"seq\":14,\"userId\":\"%s\",\"channel\":%s}"
                                .formatted(C, U, CHANNEL_JSON)),
                Arguments.of(
                        new ChannelCreated(C, CHANNEL, List.of(U)),
                        "{\"type\":\"channel.created\",\"channelId\":\"%s\",\"channel\":%s}"
                                .formatted(C, CHANNEL_JSON)),
                Arguments.of(
                        new ReceiptMoved(C, U, 15),
                        "{\"type\":\"receipt.updated\",\"channelId\":\"%s\",\"userId\":\"%s\",\"seq\":15}"
                                .formatted(C, U)),
                Arguments.of(
                        new ReadMarkerMoved(C, U, 14),
                        "{\"type\":\"read.updated\",\"channelId\":\"%s\",\"userId\":\"%s\",\"seq\":14}"
                                .formatted(C, U)),
                Arguments.of(
                        new TypingStarted(C, U),
                        "{\"type\":\"typing.start\",\"channelId\":\"%s\",\"userId\":\"%s\"}".formatted(C, U)),
                Arguments.of(
                        new TypingStopped(C, U),
                        "{\"type\":\"typing.stop\",\"channelId\":\"%s\",\"userId\":\"%s\"}".formatted(C, U)),
                Arguments.of(
                        new PresenceChanged(new PresenceChanged.Presence(U, true, "2026-01-01T10:00:00Z")),
                        "{\"type\":\"user.presence.changed\",\"user\":{\"id\":\"%s\",\"online\":true,\"lastActive\":\"2026-01-01T10:00:00Z\"}}"
                                .formatted(U)),
                Arguments.of(
                        new PresenceChanged(new PresenceChanged.Presence(U, false, null)),
                        "{\"type\":\"user.presence.changed\",\"user\":{\"id\":\"%s\",\"online\":false,\"lastActive\":null}}"
                                .formatted(U)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventBecomesItsDocumentedFrameAndReadsBack(RealtimeEvent event, String documented) {
        String frame = EventCodec.frame(event);

        JsonObject actual = parseObject(frame);
        assertThat(actual).isEqualTo(parseObject(documented));
        assertThat(frame).as("type comes first").startsWith("{\"type\":\"" + event.type() + "\"");
        RealtimeEvent back = EventCodec.read(frame, event.getClass());
        if (event instanceof ChannelCreated created) {
            // Its members route the frame and are not part of it.
            assertThat(back).isEqualTo(new ChannelCreated(created.channelId(), created.channel(), null));
        } else {
            assertThat(back).isEqualTo(event);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void channelEventsCarryTheirChannelAndSeqAndTheRemovedMemberStillHearsOfIt(RealtimeEvent event, String documented) {
        if (event instanceof ChannelEvent channelEvent) {
            JsonObject frame = parseObject(EventCodec.frame(event));
            assertThat(frame.getString("channelId")).isEqualTo(channelEvent.channelId());
            assertThat(frame.getJsonNumber("seq").longValue()).isEqualTo(channelEvent.seq());
            assertThat(channelEvent.alsoTo())
                    .isEqualTo(event instanceof MemberRemoved r ? List.of(r.userId()) : List.of());
        }
    }

    private static JsonObject parseObject(String json) {
        try (var reader = Wire.JSON.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }
}
