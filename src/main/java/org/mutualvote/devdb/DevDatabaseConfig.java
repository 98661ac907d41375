package org.mutualvote.devdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In {@code ./mvnw quarkus:dev} only: when no PostgreSQL answers at {@code quarkus.datasource.jdbc.url}, starts the
 * embedded one ({@link EmbeddedDatabase}) and points the datasource at it. Its data is kept in
 * {@code target/embedded-postgres/dev}, so what you did in dev mode survives a restart (and {@code mvn clean} wipes
 * it). In every other profile it does nothing; the tests have their own hook.
 */
public class DevDatabaseConfig implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    // Above system properties (400) and environment variables (300), so an address nothing answers at is replaced.
    private static final int ORDINAL = 450;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue configured = context.getValue(URL);
        if (configured == null || configured.getValue() == null) {
            return List.of();
        }
        return EmbeddedDatabase.replacementFor(configured.getValue(), projectTarget().resolve("embedded-postgres/dev"), true)
                .<Iterable<ConfigSource>>map(url -> List.of(new PropertiesConfigSource(
                        Map.of(URL, url, "%dev." + URL, url), "embedded PostgreSQL", ORDINAL)))
                .orElse(List.of());
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** Dev mode runs in the project directory or in its target directory, depending on how it was started. */
    private static Path projectTarget() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName() != null && here.getFileName().toString().equals("target") && Files.exists(here.resolveSibling("pom.xml"))
                ? here : here.resolve("target");
    }
}
