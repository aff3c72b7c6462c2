package com.newsmell.archfixture.b;

import com.newsmell.archfixture.a.CycleA;

/** Fixture for PackageRulesTest's self-check: closes the cycle a → b → a. */
public class CycleB {

    public CycleA back() {
        return new CycleA();
    }
}
