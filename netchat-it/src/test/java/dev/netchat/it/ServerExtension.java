package dev.netchat.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one fresh NetChat server for the whole test run (the first class that needs it starts it; JUnit
 * stops it when the run ends). The first account of the empty installation is created here, before any
 * test runs, so that every test can rely on an admin existing; {@link FirstAccountIT} checks its role.
 */
public final class ServerExtension implements BeforeAllCallback {

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (ServerExtension.class) {
            if (running == null) {
                NetChatServer server = new NetChatServer();
                server.startFresh();
                Api api = new Api(server.baseUri());
                Api.Reply first = api.signup("Ada Admin", "admin", Api.PASSWORD);
                running = new Running(server, api, first);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("netchat-server", running);
            }
        }
    }

    public static NetChatServer server() {
        return running.server;
    }

    public static Api api() {
        return running.api;
    }

    /** The answer to the installation's very first signup. */
    static Api.Reply firstSignup() {
        return running.firstSignup;
    }

    private record Running(NetChatServer server, Api api, Api.Reply firstSignup)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.stop();
        }
    }
}
