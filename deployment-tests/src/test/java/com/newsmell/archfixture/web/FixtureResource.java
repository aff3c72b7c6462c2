package com.newsmell.archfixture.web;

/** Fixture for PackageRulesTest's self-check: a resource that skips its service. */
public class FixtureResource {

    private final FixtureRepository repository = new FixtureRepository();

    public String get() {
        return repository.find();
    }
}
