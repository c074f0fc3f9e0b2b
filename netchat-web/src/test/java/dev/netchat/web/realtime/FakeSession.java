package dev.netchat.web.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket session without a container: records what was written, and either completes each write at
 * once (a fast client) or leaves it pending (a client that stopped reading) until {@link #completeOne()}.
 */
final class FakeSession {

    final List<String> written = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    volatile CloseReason closedWith;
    /** Settable: a client that was stalled can start reading (then writes complete inside sendText). */
    volatile boolean completeAtOnce;

    FakeSession(boolean completeAtOnce) {
        this.completeAtOnce = completeAtOnce;
    }

    Session session() {
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        written.add((String) args[0]);
                        SendHandler handler = (SendHandler) args[1];
                        if (completeAtOnce) {
                            handler.onResult(new SendResult());
                        } else {
                            pending.add(handler);
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Session) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> async;
                    case "close" -> {
                        closedWith = args == null
                                ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "")
                                : (CloseReason) args[0];
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    void completeOne() {
        pending.remove(0).onResult(new SendResult());
    }
}
