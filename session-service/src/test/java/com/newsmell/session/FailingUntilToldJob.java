package com.newsmell.session;

import com.newsmell.toolkit.jobs.CatchUp;
import com.newsmell.toolkit.jobs.JobContext;
import com.newsmell.toolkit.jobs.JobDefinition;
import com.newsmell.toolkit.jobs.JobOutcome;
import com.newsmell.toolkit.jobs.ScheduledJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** A test job, every second: it fails until the test tells it not to (ScheduledJobsTest). */
@ApplicationScoped
public class FailingUntilToldJob implements ScheduledJob {

    static final String NAME = "test-failing-until-told";
    static final AtomicBoolean FAILING = new AtomicBoolean(true);

    @Override
    public JobDefinition definition() {
        return JobDefinition.of(NAME, "* * * * * ?", CatchUp.LATEST_ONLY, "Test job: fails until told not to.");
    }

    @Override
    public Uni<JobOutcome> run(JobContext context) {
        return FAILING.get()
                ? Uni.createFrom().failure(new IllegalStateException("told to fail"))
                : Uni.createFrom().item(JobOutcome.rows(1));
    }
}
