package com.newsmell.archfixture.a;

import com.newsmell.archfixture.b.CycleB;

/** Fixture for PackageRulesTest's self-check: package a uses package b, which uses package a back. */
public class CycleA {

    public CycleB next() {
        return new CycleB();
    }
}
