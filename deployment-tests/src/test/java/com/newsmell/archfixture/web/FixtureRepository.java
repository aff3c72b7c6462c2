package com.newsmell.archfixture.web;

/** Fixture for PackageRulesTest's self-check: a repository (by name). */
public class FixtureRepository {

    public String find() {
        return "row";
    }
}
