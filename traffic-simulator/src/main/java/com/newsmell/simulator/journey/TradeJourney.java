package com.newsmell.simulator.journey;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.simulator.world.Catalog;
import com.newsmell.simulator.world.Population;

/** A trade for a perfume with another user: an inquiry, half the time an offer, which may be accepted or declined. */
final class TradeJourney extends Journey {

    TradeJourney(JourneyContext session, Visit visit) {
        super(session, visit);
    }

    /** Starts a trade now and then; traders often. */
    void considerTrading(Catalog.Perfume p) {
        if (rng.nextDouble() < (session.user.trader() ? 0.3 : 0.04)) {
            negotiate(p);
        }
    }

    private void negotiate(Catalog.Perfume p) {
        String tradeId = "trd-" + session.uuid();
        Population.User seller = session.population.pick(rng);
        session.emit(
                        InteractionEventType.TRADE_INQUIRY,
                        session.inPageGap(),
                        session.obj()
                                .put("tradeId", tradeId)
                                .put("counterpartyId", seller.userId())
                                .put("messageLength", rng.nextInt(20, 400)))
                .perfumeId(p.id())
                .houseId(p.houseId());
        if (rng.nextDouble() >= 0.5) {
            return; // no offer
        }
        double amount = Math.round(p.price() * (0.3 + 0.5 * rng.nextDouble()));
        session.emit(
                        InteractionEventType.TRADE_OFFERED,
                        rng.nextLong(10_000, 60_000),
                        session.obj()
                                .put("tradeId", tradeId)
                                .put("counterpartyId", seller.userId())
                                .put("offerType", rng.nextBoolean() ? "cash" : "trade")
                                .put("amount", amount))
                .perfumeId(p.id())
                .houseId(p.houseId())
                .value(amount);
        double r = rng.nextDouble();
        if (r < 0.4) {
            answer(InteractionEventType.TRADE_ACCEPTED, tradeId, seller, p).value(amount);
        } else if (r < 0.6) {
            answer(InteractionEventType.TRADE_DECLINED, tradeId, seller, p);
        }
    }

    /** The seller's answer to the offer. */
    private UserInteractionEvent.Builder answer(
            InteractionEventType answer, String tradeId, Population.User seller, Catalog.Perfume p) {
        return session.emit(
                        answer,
                        rng.nextLong(5_000, 60_000),
                        session.obj().put("tradeId", tradeId).put("counterpartyId", seller.userId()))
                .perfumeId(p.id())
                .houseId(p.houseId());
    }
}
