package dev.netchat.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** REST lives under /api; callers authenticate with MicroProfile JWT (bearer header or session cookie). */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "netchat")
@DeclareRoles({"user", "admin"})
public class NetChatApplication extends Application {}
