package dev.netchat.admin;

import dev.netchat.audit.Actor;
import dev.netchat.presence.OnlineUsers;
import dev.netchat.shared.NetChatException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers {@link UsersMBean} with the server's MBean server at start, so operators reach NetChat's users
 * from jconsole or any JMX client through WildFly's management interface. Each call runs the same
 * {@link AdminService} code as the web admin page, audited with source "console".
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsersConsole implements UsersMBean {

    public static final String OBJECT_NAME = "netchat:type=Users";
    private static final Logger LOG = Logger.getLogger(UsersConsole.class.getName());

    @EJB
    AdminService admin;

    @EJB
    IntegrationsReport integrations;

    @Inject
    OnlineUsers presence;

    private ObjectName name;

    @PostConstruct
    void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(this, UsersMBean.class), name);
        } catch (Exception e) {
            LOG.warning(() -> "The users MBean could not be registered: " + e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            if (name != null) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        } catch (Exception e) {
            LOG.fine(() -> "The users MBean was already gone: " + e);
        }
    }

    @Override
    public long getUserCount() {
        return admin.userCount();
    }

    @Override
    public int getOnlineUsers() {
        return presence.onlineUsers();
    }

    @Override
    public int getOpenSockets() {
        return presence.openSockets();
    }

    @Override
    public String findUsers(String query) {
        return answer(() -> {
            var page = admin.users(query, 0);
            if (page.items().isEmpty()) {
                return "No user matches \"" + (query == null ? "" : query) + "\".";
            }
            return page.items().stream().map(AdminUserDto::toString).collect(Collectors.joining("\n"))
                    + (page.hasMore() ? "\n… more; narrow the query." : "");
        });
    }

    @Override
    public String showUser(String username) {
        return answer(() -> admin.user(username).toString());
    }

    @Override
    public String disable(String username) {
        return answer(() -> "Disabled "
                + admin.update(actor(), username, null, true).username() + "; their sessions and sockets are closed.");
    }

    @Override
    public String enable(String username) {
        return answer(
                () -> "Enabled " + admin.update(actor(), username, null, false).username() + ".");
    }

    @Override
    public String grantAdmin(String username) {
        return answer(() -> admin.update(actor(), username, "admin", null).username() + " is now an admin.");
    }

    @Override
    public String revokeAdmin(String username) {
        return answer(() -> admin.update(actor(), username, "user", null).username() + " is no longer an admin.");
    }

    @Override
    public String resetPassword(String username) {
        return answer(() -> "One-time password for " + username + ": " + admin.resetPassword(actor(), username)
                + " (it must be changed at the next sign-in; all sessions were ended).");
    }

    @Override
    public String endSessions(String username) {
        return answer(() -> "Ended " + admin.endSessions(actor(), username) + " session token(s) of " + username
                + "; their sockets are closed.");
    }

    @Override
    public String deleteUser(String username) {
        return answer(() -> {
            admin.delete(actor(), username);
            return "Deleted " + username + "; their messages stay, shown as from a deleted user.";
        });
    }

    @Override
    public String listFailedOutboxEntries() {
        return answer(() -> {
            var failed = integrations.failedEntries();
            return failed.isEmpty()
                    ? "No failed outbox entry."
                    : failed.stream()
                            .map(IntegrationsReport.FailedEntryDto::toString)
                            .collect(Collectors.joining("\n"));
        });
    }

    @Override
    public String resendOutboxEntry(long id) {
        return answer(() -> {
            integrations.resend(actor(), id);
            return "Outbox entry " + id + " is pending again; the worker sends it now.";
        });
    }

    @Override
    public String resendAllFailedOutboxEntries() {
        return answer(() -> integrations.resendAllFailed(actor()) + " failed outbox entries are pending again.");
    }

    private static Actor actor() {
        return Actor.console("server console");
    }

    /** Turns refusals into a sentence: a console user gets a message, never a stack trace. */
    private static String answer(Supplier<String> action) {
        try {
            return action.get();
        } catch (NetChatException e) {
            return "Refused: " + e.getMessage();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof NetChatException)) {
                cause = cause.getCause();
            }
            if (cause instanceof NetChatException nc) {
                return "Refused: " + nc.getMessage();
            }
            LOG.warning(() -> "Console operation failed: " + e.getClass().getName());
            return "Failed: the server could not complete this (see the server log).";
        }
    }
}
