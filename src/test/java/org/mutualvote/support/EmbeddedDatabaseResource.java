package org.mutualvote.support;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.mutualvote.devdb.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test, the packaged-jar ones too: when no PostgreSQL answers at the test database's address, an embedded one
 * is started and used instead (README, "The two commands"); when one answers, nothing changes. Fresh data per test
 * JVM, wiped when it ends.
 */
@WithTestResource(value = EmbeddedDatabaseResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Map<String, String> start() {
        String configured = ConfigProvider.getConfig().getValue(URL, String.class);
        Path data = Path.of("target", "embedded-postgres", "test-" + ProcessHandle.current().pid()).toAbsolutePath();
        return EmbeddedDatabase.replacementFor(configured, data, false)
                .map(url -> Map.of(URL, url, "%test." + URL, url))
                .orElse(Map.of());
    }

    @Override
    public void stop() {
        // The server stops when the JVM ends; a restart for another test profile reuses it.
    }

    @Override
    public int order() {
        // First (Quarkus sorts by subtracting orders, so not Integer.MIN_VALUE): CuttableDatabase relays to this server.
        return -1000;
    }
}
