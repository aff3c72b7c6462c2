package com.newsmell.session.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The specification's UserSession: one row per sessionId. */
@Entity
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "start_time")
    public Instant startTime;

    @Column(name = "end_time")
    public Instant endTime;

    @Column(name = "page_views")
    public int pageViews;

    public int interactions;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
