package org.mutualvote.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.ConfigProvider;
import org.mutualvote.devdb.DatabaseUrl;
import org.mutualvote.devdb.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a TCP relay between the app and PostgreSQL, so a test can cut the database off (every connection
 * dropped, new ones refused) and bring it back, without touching the server other tests share.
 */
public class CuttableDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean open = true;
    private static final List<Socket> SOCKETS = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private InetSocketAddress database;

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
        // The server the tests really use: the embedded one when EmbeddedDatabaseResource started it, else the configured one.
        DatabaseUrl configured = DatabaseUrl.parse(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        OptionalInt embedded = EmbeddedDatabase.runningPort();
        InetSocketAddress target = configured.servers().get(0);
        database = embedded.isPresent() ? new InetSocketAddress("127.0.0.1", embedded.getAsInt())
                : new InetSocketAddress(target.getHostString(), target.getPort());
        String url = configured.onLocalPort(server.getLocalPort());
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
                Socket db = new Socket(database.getAddress(), database.getPort());
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
