package dev.netchat.web.shared;

import dev.netchat.shared.HealthCheck;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** GET /health: 200 when NetChat can reach its database, 503 (with Retry-After) when it cannot. */
@WebServlet(urlPatterns = "/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private HealthCheck health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = health.databaseUp();
        String status = up ? "UP" : "DOWN";
        response.setStatus(up ? 200 : 503);
        if (!up) {
            response.setHeader("Retry-After", "5");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.getOutputStream()
                .write(("{\"status\":\"" + status + "\",\"checks\":[{\"name\":\"database\",\"status\":\"" + status
                                + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
