package dev.netchat.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This server node's name, the same across its restarts and different for every node of a cluster: WildFly's
 * {@code jboss.node.name} (which clustering already requires to be unique), Payara's instance name, else the
 * host name. Used where a node must recognise, after a crash, what its previous life left behind.
 */
public final class ServerNodeName {

    private static final String NAME = resolve();

    private ServerNodeName() {}

    public static String get() {
        return NAME;
    }

    private static String resolve() {
        for (String property : new String[] {"jboss.node.name", "com.sun.aas.instanceName"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return clip(value.strip());
            }
        }
        try {
            return clip(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "netchat";
        }
    }

    private static String clip(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120);
    }
}
