package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * Quarkus loads local-infra once per test profile, each in its own class loader. The second copy of {@link Infra}
 * must use the first one's broker and server (not start a second pair in the same folder), under its own run id.
 */
class InfraSharingTest {

    @Test
    void anInfraLoadedByAnotherClassLoaderAttachesToTheRunningBrokerAndServer() throws Exception {
        Infra owner = Infra.shared();
        assertFalse(owner.attached());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(
                    loader); // as Quarkus does for its profile class loader (Kafka loads plugins so)
            Class<?> otherInfra = loader.loadClass(Infra.class.getName());
            assertNotSame(Infra.class, otherInfra);
            Object other = otherInfra.getMethod("shared").invoke(null);

            assertTrue((Boolean) call(other, "attached"));
            assertEquals(owner.kafkaBootstrapServers(), call(other, "kafkaBootstrapServers"));
            assertNotEquals(owner.runId(), call(other, "runId"));
            assertTrue(((java.util.Optional<?>) call(other, "broker")).isEmpty());
            Object pg = call(other, "postgres");
            assertEquals(owner.postgres().port(), (Integer) call(pg, "port"));

            // Its own database, on the owner's server; its own topic, on the owner's broker.
            String db = (String)
                    other.getClass().getMethod("database", String.class).invoke(other, "attached");
            try (var connection = DriverManager.getConnection(
                            owner.postgres().jdbcUrl(db),
                            owner.postgres().user(),
                            owner.postgres().password());
                    var rows = connection.createStatement().executeQuery("select current_database()")) {
                assertTrue(rows.next());
                assertEquals(db, rows.getString(1));
            }
            String topic =
                    (String) other.getClass().getMethod("topic", String.class).invoke(other, "attached");
            assertTrue(topic.endsWith("-" + call(other, "runId")), topic);
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertFalse(Files.exists(
                Path.of("target", "newsmell-infra-" + ProcessHandle.current().pid(), "kafka", "kafka")));
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }

    /** The test JVM's classpath, following a manifest-only jar (Surefire's default) to its entries. */
    private static URL[] classpath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            urls.add(file.toURI().toURL());
            if (file.getName().endsWith(".jar") && file.isFile()) {
                try (JarFile jar = new JarFile(file)) {
                    Manifest manifest = jar.getManifest();
                    String classPath = manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String ref : classPath.trim().split("\\s+")) {
                            urls.add(new URL(file.toURI().toURL(), ref));
                        }
                    }
                }
            }
        }
        return urls.toArray(URL[]::new);
    }
}
