package org.mutualvote.devdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PostgreSQL JDBC URL taken apart as far as {@link EmbeddedDatabase} needs: the servers it names, the database and
 * the parameters after it ({@code currentSchema} among them), in the forms the PostgreSQL driver accepts
 * ({@code jdbc:postgresql:db}, {@code jdbc:postgresql://host:port,host2/db?x=y}, {@code [::1]:5432}).
 */
public record DatabaseUrl(List<InetSocketAddress> servers, String database, String parameters) {

    private static final String PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        List<InetSocketAddress> servers = new ArrayList<>();
        if (rest.startsWith("//")) {
            int end = rest.length();
            for (char c : new char[] {'/', '?'}) {
                int i = rest.indexOf(c, 2);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            for (String server : rest.substring(2, end).split(",")) {
                servers.add(server(server));
            }
            rest = rest.substring(end);
            if (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
        } else {
            servers.add(server(""));
        }
        int query = rest.indexOf('?');
        return query < 0 ? new DatabaseUrl(List.copyOf(servers), rest, "")
                : new DatabaseUrl(List.copyOf(servers), rest.substring(0, query), rest.substring(query));
    }

    private static InetSocketAddress server(String hostAndPort) {
        String host = hostAndPort;
        int port = DEFAULT_PORT;
        int colon = hostAndPort.lastIndexOf(':');
        if (colon >= 0 && colon > hostAndPort.lastIndexOf(']')) {
            host = hostAndPort.substring(0, colon);
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        }
        host = host.replace("[", "").replace("]", "");
        return InetSocketAddress.createUnresolved(host.isEmpty() ? "localhost" : host, port);
    }

    /** Whether any of the servers accepts a connection within the timeout. */
    public boolean answers(int timeoutMillis) {
        for (InetSocketAddress server : servers) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.getHostString(), server.getPort()), timeoutMillis);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // refused, timed out or an unknown host: try the next one
            }
        }
        return false;
    }

    /** The same database and parameters on a server of this machine. */
    public String onLocalPort(int port) {
        return PREFIX + "//127.0.0.1:" + port + "/" + database + parameters;
    }

    /** The database the URL names; the driver's default (the user's name) is the always-present "postgres" here. */
    public String databaseOrPostgres() {
        return database.isEmpty() ? "postgres" : database;
    }

    /** The servers as host:port, for messages. */
    public String serverList() {
        return servers.stream().map(s -> (s.getHostString().contains(":") ? "[" + s.getHostString() + "]" : s.getHostString())
                + ":" + s.getPort()).collect(Collectors.joining(", "));
    }
}
