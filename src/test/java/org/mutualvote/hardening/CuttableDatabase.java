package org.mutualvote.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a TCP relay between the app and PostgreSQL, so a test can cut the database off (every connection
 * dropped, new ones refused) and bring it back, without touching the server other tests share.
 */
public class CuttableDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean open = true;
    private static final List<Socket> SOCKETS = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "cuttable-database");
        acceptor.setDaemon(true);
        acceptor.start();
        String url = System.getenv().getOrDefault("_TEST_QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=mutualvote_test")
                .replace("127.0.0.1:5432", "127.0.0.1:" + server.getLocalPort())
                .replace("localhost:5432", "127.0.0.1:" + server.getLocalPort());
        url += (url.contains("?") ? "&" : "?") + "connectTimeout=2&socketTimeout=10";
        return Map.of("%test.quarkus.datasource.jdbc.url", url, "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.jdbc.acquisition-timeout", "3s");
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        cut();
    }

    /** Drops every connection to the database and refuses new ones until {@link #restore()}. */
    public static void cut() {
        open = false;
        for (Socket s : SOCKETS) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        SOCKETS.clear();
    }

    public static void restore() {
        open = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!open) {
                    client.close();
                    continue;
                }
                Socket db = new Socket("127.0.0.1", 5432);
                SOCKETS.add(client);
                SOCKETS.add(db);
                pipe(client, db);
                pipe(db, client);
            } catch (IOException e) {
                // the server socket closed, or PostgreSQL refused: the app sees a dropped connection
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "cuttable-database-pipe");
        t.setDaemon(true);
        t.start();
    }
}
