package com.newsmell.simulator.journey;

import com.newsmell.simulator.world.Catalog;
import java.util.SplittableRandom;

/** A kind of journey through the site, one instance per session; all of a session's journeys share its context. */
abstract class Journey {

    /** The session: who visits, where they are, the events so far. */
    final JourneyContext session;
    /** The session's other journeys. */
    final Visit visit;
    /** The session's random source (the generator's). */
    final SplittableRandom rng;
    /** The perfumes, houses and notes. */
    final Catalog catalog;

    Journey(JourneyContext session, Visit visit) {
        this.session = session;
        this.visit = visit;
        this.rng = session.rng;
        this.catalog = session.catalog;
    }
}
