package dev.netchat.audit;

/**
 * Who does something, for authorization and the audit log: a user (id and name) from the web, the server
 * console (JMX), or an anonymous caller identified only by its address.
 */
public record Actor(String userId, String name, String source, String address) {

    public static final String WEB = "web";
    public static final String CONSOLE = "console";

    public static Actor console(String who) {
        return new Actor(null, who == null || who.isBlank() ? "server console" : who, CONSOLE, null);
    }

    public static Actor web(String userId, String name, String address) {
        return new Actor(userId, name, WEB, address);
    }

    public static Actor anonymous(String address) {
        return new Actor(null, null, WEB, address);
    }
}
