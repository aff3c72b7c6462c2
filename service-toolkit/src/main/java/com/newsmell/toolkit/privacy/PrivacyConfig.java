package com.newsmell.toolkit.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Erasure settings every service shares: {@code newsmell.privacy.*} (ADR 0032). */
@ConfigMapping(prefix = "newsmell.privacy")
public interface PrivacyConfig {

    /** The key of the erased users' hashes (HMAC-SHA256); the same in every service. Set it per environment. */
    @WithDefault("dev-only-privacy-key")
    String hashKey();

    /** How often a replica re-reads the erased users another replica may have added. */
    @WithDefault("PT5S")
    Duration erasedRefresh();
}
