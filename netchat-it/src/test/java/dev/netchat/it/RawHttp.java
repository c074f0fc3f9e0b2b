package dev.netchat.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a socket bound to a chosen loopback source address (127.0.0.x), which the JDK's HTTP client
 * cannot do: the server then sees a different client address, as it would for a different machine.
 */
final class RawHttp {

    private RawHttp() {}

    /** Sends a JSON POST from {@code sourceAddress} and answers the status code and the raw response. */
    static String[] postJson(URI base, String sourceAddress, String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {response.split(" ", 3)[1], response};
        }
    }

    /**
     * Sends a request exactly as written (request line and headers, without the blank line) plus the body from
     * 127.0.0.1, for what the JDK's client refuses to send (a bad percent-encoding); answers status and raw response.
     */
    static String[] exact(URI base, String head, byte[] body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException e) {
                // The server may answer and close before the whole body is sent.
            }
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {response.isEmpty() ? "" : response.split(" ", 3)[1], response};
        }
    }

    /**
     * Sends only a request's head (request line and headers, without the blank line) from 127.0.0.1 and never a
     * byte of its body, then reads the answer until the server closes the connection or {@code wait} passes.
     */
    static String[] headOnly(URI base, String head, java.time.Duration wait) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + base.getAuthority() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    read.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // Answered but not closed: what arrived is the answer; nothing at all fails below.
            }
            String response = read.toString(StandardCharsets.UTF_8);
            return new String[] {response.isEmpty() ? "" : response.split(" ", 3)[1], response};
        }
    }

    /**
     * Sends a request's head over TLS to 127.0.0.1:{@code port}, trusting whatever certificate the server shows
     * (the test server's is self-signed), and answers status and raw response.
     */
    static String[] overTls(int port, String head) throws Exception {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            plain.setSoTimeout(30000);
            try (javax.net.ssl.SSLSocket socket =
                    (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true)) {
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write((head + "\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new String[] {response.isEmpty() ? "" : response.split(" ", 3)[1], response};
            }
        }
    }
}
