package com.newsmell.perfumestats;

import com.newsmell.infra.InfraTestResource;
import java.util.Map;

/** perfume-stats-service's tests run against the run's real Kafka broker and PostgreSQL database "perfume_stats". */
public class PerfumeStatsTestResource extends InfraTestResource {

    public static final String DATABASE = "perfume_stats";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE));
    }
}
