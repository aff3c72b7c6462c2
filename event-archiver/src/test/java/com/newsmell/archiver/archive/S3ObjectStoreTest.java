package com.newsmell.archiver.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.archiver.store.S3ObjectStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 object store (AWS SDK v2) against an S3-compatible server the test starts: S3Proxy (org.gaul:s3proxy) on an
 * in-memory blob store, with AWS v4 authentication, path-style, an endpoint override and static credentials, as for
 * MinIO. Then one archive run through it.
 */
class S3ObjectStoreTest {

    private static final String ACCESS = "archiver-access";
    private static final String SECRET = "archiver-secret";
    private static S3Proxy proxy;
    private static BlobStoreContext blobs;
    private static URI endpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        Properties overrides = new Properties();
        blobs = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, "archive");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        org.awaitility.Awaitility.await().until(() -> "STARTED".equals(proxy.getState()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        proxy.stop();
        blobs.close();
    }

    private S3ObjectStore store(String prefix) {
        return new S3ObjectStore(
                "archive", prefix, "us-east-1", Optional.of(endpoint), true, Optional.of(ACCESS), Optional.of(SECRET));
    }

    @Test
    void putGetListDelete() throws IOException {
        try (S3ObjectStore store = store("unit")) {
            Path file = Files.writeString(dir.resolve("a.txt"), "hello archive");
            store.put("events/year=2025/month=01/event_type=SEARCH/part-0.parquet", file);
            store.put("events/year=2025/month=02/event_type=SEARCH/part-0.parquet", file);

            assertThat(store.list("events/year=2025/"))
                    .containsExactly(
                            "events/year=2025/month=01/event_type=SEARCH/part-0.parquet",
                            "events/year=2025/month=02/event_type=SEARCH/part-0.parquet");
            Path back = dir.resolve("back.txt");
            store.get("events/year=2025/month=01/event_type=SEARCH/part-0.parquet", back);
            assertThat(Files.readString(back)).isEqualTo("hello archive");

            store.delete("events/year=2025/month=01/event_type=SEARCH/part-0.parquet");
            assertThat(store.list("events/")).hasSize(1);
            assertThatThrownBy(() -> store.get("events/year=2025/month=01/event_type=SEARCH/part-0.parquet", back))
                    .isInstanceOf(IOException.class);
            assertThat(store.location()).isEqualTo("s3://archive/unit/");
        }
    }

    @Test
    void anArchiveRunThroughS3() throws Exception {
        ArchiveDatabase db = new ArchiveDatabase("archiver_s3");
        LocalDate month = LocalDate.parse("2025-01-01");
        SimulatedMonths.insert(db.dataSource, List.of(month), 300);
        try (S3ObjectStore store = store("run")) {
            Archiver.Outcome outcome = new Archiver(db.dataSource, store, dir, Period.ofYears(2), (p, k) -> {})
                    .run(Instant.parse("2025-07-01T00:00:00Z"));
            assertThat(outcome.files()).isEqualTo(6);
            assertThat(outcome.rows()).isEqualTo(300);
            assertThat(outcome.dropped()).containsExactly(SimulatedMonths.partition(month));
            assertThat(store.list("events/year=2025/month=01/")).hasSize(6);
        }
    }
}
