package dev.netchat.web.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's network address as the server sees it. Behind a reverse proxy the server's listener is set
 * to trust X-Forwarded-For (NETCHAT_PROXY_FORWARDING), and Undertow then reports the real client here.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
