package dev.netchat.it;

import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The server console's MBean, reached as an operator reaches it with jconsole: on WildFly JMX over the management
 * interface (remote+http, port 9990 + offset) with WildFly's client library and local authentication; on Payara
 * the domain's standard JMX connector (RMI, port base + 86) as its admin user, with the JDK's own client.
 */
final class UsersConsoleClient implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final ObjectName name;

    UsersConsoleClient() throws Exception {
        if (NetChatServer.onPayara()) {
            JMXServiceURL url =
                    new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + NetChatServer.jmxPort() + "/jmxrmi");
            connector = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", ""}));
        } else {
            JMXServiceURL url = new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + NetChatServer.jmxPort());
            connector = JMXConnectorFactory.connect(url);
        }
        connection = connector.getMBeanServerConnection();
        name = new ObjectName("netchat:type=Users");
    }

    String invoke(String operation, String username) throws Exception {
        return (String)
                connection.invoke(name, operation, new Object[] {username}, new String[] {String.class.getName()});
    }

    /** Any operation; a Long argument is passed as a primitive long. */
    String call(String operation, Object... args) throws Exception {
        String[] types = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i] instanceof Long
                    ? long.class.getName()
                    : args[i].getClass().getName();
        }
        return (String) connection.invoke(name, operation, args, types);
    }

    Object attribute(String attribute) throws Exception {
        return connection.getAttribute(name, attribute);
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
