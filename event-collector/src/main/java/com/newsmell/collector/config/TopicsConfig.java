package com.newsmell.collector.config;

import io.smallrye.config.ConfigMapping;

/** Topic names: {@code newsmell.topics.*}. */
@ConfigMapping(prefix = "newsmell.topics")
public interface TopicsConfig {

    String interactions();

    String deadLetter();
}
