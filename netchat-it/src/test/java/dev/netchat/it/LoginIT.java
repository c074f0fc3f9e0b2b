package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class LoginIT {

    private final Api api = ServerExtension.api();

    @Test
    void loginAnswersTheSessionAndItsCookies() {
        Api.Session user = api.newUser("login");

        Api.Reply r = api.login(user.username(), Api.PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        List<String> fields = new ArrayList<>();
        r.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("token", "userId", "username", "fullName", "role", "expiresAt");
        assertThat(r.json().path("userId").asText()).isEqualTo(user.userId());
        assertThat(r.cookie("netchat_access")).isPresent();
        assertThat(r.cookie("netchat_refresh")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSame401() {
        Api.Session user = api.newUser("same");

        Api.Reply wrongPassword = api.login(user.username(), "not the password");
        Api.Reply unknownUser = api.login(Api.uniqueName("ghost"), "not the password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void anUnknownUserTakesAboutAsLongAsAWrongPassword() {
        // Each attempt uses a different username, so the per-username limit is never reached.
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        List<Api.Session> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(api.newUser("timing"));
        }
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            assertThat(api.login(users.get(i).username(), "wrong password").status())
                    .isEqualTo(401);
            wrong.add(System.nanoTime() - t0);
            long t1 = System.nanoTime();
            assertThat(api.login(Api.uniqueName("nobody"), "wrong password").status())
                    .isEqualTo(401);
            unknown.add(System.nanoTime() - t1);
        }
        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);
        // Without the decoy hash an unknown user answers ~50x faster (no bcrypt at all); with it they match.
        assertThat((double) unknownMedian / wrongMedian)
                .as("unknown %d ms vs wrong password %d ms", unknownMedian / 1_000_000, wrongMedian / 1_000_000)
                .isBetween(0.5, 2.0);
    }

    @Test
    void repeatedFailuresForOneUsernameAre429EvenWithTheRightPassword() {
        Api.Session user = api.newUser("locked");
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(user.username(), "guess " + i).status()).isEqualTo(401);
        }

        Api.Reply limited = api.login(user.username(), "guess 6");
        Api.Reply rightPassword = api.login(user.username(), Api.PASSWORD);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L + 1);
        assertThat(rightPassword.status()).isEqualTo(429);
        // Other users are not affected.
        Api.Session other = api.newUser("free");
        assertThat(api.login(other.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromOneClientAddressAre429() throws Exception {
        // The test server allows 60 failures per address (NetChatServer); this client uses its own address.
        String address = "127.0.0.23";
        int status = 0;
        String response = "";
        for (int i = 0; i < 61 && status != 429; i++) {
            String[] r = RawHttp.postJson(
                    api.base(),
                    address,
                    "/api/auth/login",
                    Api.write(
                            Api.json().put("username", Api.uniqueName("spray")).put("password", "guess")));
            status = Integer.parseInt(r[0]);
            response = r[1];
            if (i < 60) {
                assertThat(status).as("attempt %d", i + 1).isEqualTo(401);
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(response).containsIgnoringCase("Retry-After:");
        // The same username from the usual address is not limited by that address's failures.
        Api.Session user = api.newUser("elsewhere");
        assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void missingCredentialsAre400NamingTheFields() {
        Api.Reply r = api.postJson("/api/auth/login", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("username", "password");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
