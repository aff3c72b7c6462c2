package com.newsmell.archiver.archive;

import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh collector database of this run for one test class, migrated with the collector's own migrations and the
 * toolkit's tables (read from their source folders: the archiver does not depend on the collector's application).
 */
final class ArchiveDatabase {

    final String name;
    final DataSource dataSource;

    ArchiveDatabase(String base) {
        PostgresServer pg = Infra.shared().postgres();
        this.name = Infra.shared()
                .database(base + "_" + UUID.randomUUID().toString().substring(0, 8));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrl(name));
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        this.dataSource = ds;
        Path root = Path.of("..").toAbsolutePath().normalize();
        Flyway.configure()
                .dataSource(ds)
                .locations(
                        "filesystem:" + root.resolve("event-collector/src/main/resources/db/migration"),
                        "filesystem:" + root.resolve("service-toolkit/src/main/resources/db/toolkit"))
                .load()
                .migrate();
    }
}
