package com.newsmell.infra;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bearer tokens of a local system (issue 16, ADR 0063): an RSA signing key of the run (tests) or of the machine
 * (./scripts/up, kept in a directory), its public key as a PEM file the services verify with
 * ({@code mp.jwt.verify.publickey.location}), and tokens signed with it for the roles {@code analyst} and
 * {@code admin}.
 *
 * <p>{@code java -cp … com.newsmell.infra.Tokens --dir DIR --env-file FILE} keeps (or makes) the key pair in DIR and
 * appends {@code NEWSMELL_ANALYST_TOKEN=…} and {@code NEWSMELL_ADMIN_TOKEN=…} to FILE.
 */
public final class Tokens {

    /** The issuer of local tokens; the services' default {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "https://newsmell.local";

    /** How long the tokens of a local system and of a test run are valid. */
    public static final Duration LOCAL_LIFETIME = Duration.ofDays(30);

    private static final String PRIVATE_PEM = "jwt-private.pem";
    private static final String PUBLIC_PEM = "jwt-public.pem";

    private static Tokens shared;

    private final PrivateKey privateKey;
    private final Path publicKeyFile;
    private final Map<String, String> byRole = new LinkedHashMap<>();

    private Tokens(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The tokens of this JVM's test run: a key pair made once, its public key in a temporary file. */
    public static synchronized Tokens shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("newsmell-jwt-");
                dir.toFile().deleteOnExit();
                shared = inDirectory(dir);
                shared.publicKeyFile.toFile().deleteOnExit();
                dir.resolve(PRIVATE_PEM).toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The tokens of the key pair kept in {@code dir}, made there (private key readable by the owner only) if absent. */
    public static Tokens inDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_PEM);
            Path publicFile = dir.resolve(PUBLIC_PEM);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(
                        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                privateFile.toFile().setReadable(false, false);
                privateFile.toFile().setReadable(true, true);
            }
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
            return new Tokens(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the signing key in " + dir, e);
        }
    }

    /** The PEM file of the public key. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The value of {@code mp.jwt.verify.publickey.location} ({@code NEWSMELL_JWT_PUBLIC_KEY_LOCATION}). */
    public String publicKeyLocation() {
        return "file:" + publicKeyFile.toAbsolutePath();
    }

    /** The public key, for a client that verifies tokens itself. */
    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(Files.readString(publicKeyFile))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + publicKeyFile, e);
        }
    }

    /** A token of the {@code analyst} role (read APIs, GraphQL). */
    public String analyst() {
        return forRole("analyst");
    }

    /** A token of the {@code admin} role (erasure, replays, write keys, job runs, recomputes; reads too). */
    public String admin() {
        return forRole("admin");
    }

    /** A token of {@code role} (any name: tests use one the services do not know for the 403 case), made once. */
    public synchronized String forRole(String role) {
        return byRole.computeIfAbsent(role, r -> token("local-" + r, LOCAL_LIFETIME, Set.of(r)));
    }

    /** A token of {@code subject} with {@code groups}, valid for {@code lifetime} (negative: already expired). */
    public String token(String subject, Duration lifetime, Set<String> groups) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now + lifetime.toSeconds())
                .jws()
                .sign(privateKey);
    }

    /** The configuration that makes a service verify this run's tokens. */
    public Map<String, String> serviceConfig() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyLocation(), "mp.jwt.verify.issuer", ISSUER);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    public static void main(String[] args) throws IOException {
        Path dir = null;
        Path envFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--env-file" -> envFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || envFile == null) {
            throw new IllegalArgumentException("usage: Tokens --dir DIR --env-file FILE");
        }
        Tokens tokens = inDirectory(dir);
        Files.writeString(
                envFile,
                "NEWSMELL_ANALYST_TOKEN=" + tokens.analyst() + "\nNEWSMELL_ADMIN_TOKEN=" + tokens.admin() + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
