package com.newsmell.archiver.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Period;
import java.util.Optional;

/** The archiver's settings: {@code newsmell.archiver.*} (ADR 0031). */
@ConfigMapping(prefix = "newsmell.archiver")
public interface ArchiverConfig {

    /** {@code local} (a directory, the embedded default) or {@code s3}. */
    @WithDefault("local")
    String store();

    /** The local archive directory. */
    @WithDefault(".data/archive")
    String localDir();

    /** Where Parquet files are staged before they are stored. */
    @WithDefault("${java.io.tmpdir}/event-archiver")
    String workDir();

    /** How long archive files are kept after their month ended (seed: 2 years). */
    @WithDefault("P2Y")
    Period retention();

    S3 s3();

    /** The Kafka brokers a replay's archived events are published to (ADR 0045). */
    @WithDefault("localhost:9092")
    String kafkaBootstrapServers();

    /**
     * The SCRAM-SHA-512 login of the archiver's KafkaUser ({@code sasl.jaas.config} of its Secret, ADR 0076); when set,
     * the producer connects over SASL_SSL. None locally: plaintext.
     */
    Optional<String> kafkaSaslJaasConfig();

    /** The PEM certificates the brokers' TLS certificates are checked against (the cluster CA, ADR 0076). */
    Optional<String> kafkaTruststoreCertificates();

    /** S3 (AWS, MinIO or any S3-compatible server). */
    interface S3 {
        @WithDefault("newsmell-archive")
        String bucket();

        /** A key prefix inside the bucket (none by default). */
        Optional<String> prefix();

        @WithDefault("us-east-1")
        String region();

        /** For MinIO and other S3-compatible servers; AWS needs none. */
        Optional<URI> endpoint();

        /** Path-style access (MinIO); AWS uses virtual-hosted style. */
        @WithDefault("false")
        boolean pathStyle();

        /** Static credentials; without them the SDK's default chain (environment, profile, IRSA). */
        Optional<String> accessKey();

        Optional<String> secretKey();
    }
}
