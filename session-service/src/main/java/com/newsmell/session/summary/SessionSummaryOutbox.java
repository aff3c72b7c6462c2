package com.newsmell.session.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A summary to publish (ADR 0017): written in the transaction that closed or changed the session, deleted once acked. */
@Entity
@Table(name = "session_summary_outbox")
public class SessionSummaryOutbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public String sessionId;

    public long revision;

    /** The record's value, {@code SessionSummary.toJson()}. */
    public String payload;
}
