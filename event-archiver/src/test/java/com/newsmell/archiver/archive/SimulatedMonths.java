package com.newsmell.archiver.archive;

import com.newsmell.archiver.parquet.ArchiveSchema;
import com.newsmell.archiver.parquet.RowChecksum;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Simulated months of raw events written straight into the raw store: every event type, users and anonymous
 * visitors, nulls, JSON data, fractional numbers, bots. {@code perMonth} events per month.
 */
public final class SimulatedMonths {

    private SimulatedMonths() {}

    public static void insert(DataSource db, List<LocalDate> months, int perMonth) throws SQLException {
        try (Connection c = db.getConnection();
                var s = c.createStatement()) {
            s.execute("select ensure_interaction_partitions('" + months.get(0) + "', 0)");
            for (LocalDate month : months) {
                s.execute("insert into user_interaction_event (event_id, user_id, session_id, event_type,"
                        + " event_category, timestamp, client_timestamp, sent_at, received_at, perfume_id, event_data,"
                        + " device_type, browser, os, is_bot, user_agent, referrer, path, location, duration, value,"
                        + " page_scroll_position, time_on_page, source)"
                        + " select gen_random_uuid(), case when i % 3 = 0 then null else 'user-' || (i % 97) end,"
                        + " 'session-' || (i / 7), (array['PAGE_VIEW','PERFUME_VIEW','SEARCH','ADD_TO_WISHLIST',"
                        + "'RATING','SEARCH_RESULT_CLICK'])[1 + i % 6], 'NAVIGATION',"
                        + " t, t - interval '1 second', t, t + interval '2 seconds',"
                        + " case when i % 2 = 0 then 'perfume-' || (i % 50) end,"
                        + " jsonb_build_object('query', 'rose ' || i, 'n', i, 'ratio', i / 7.0),"
                        + " (array['desktop','mobile','tablet'])[1 + i % 3], 'Firefox', 'Linux', i % 17 = 0,"
                        + " 'Mozilla/5.0', case when i % 4 = 0 then 'https://google.com/' end, '/p/' || (i % 40),"
                        + " 'DE', case when i % 5 = 0 then i * 13 end, i / 3.0,"
                        + " case when i % 6 = 0 then (i % 100) / 100.0 end, case when i % 6 = 1 then i * 1.5 end,"
                        + " case when i % 4 = 0 then 'google.com' else '(direct)' end"
                        + " from (select i, timestamptz '" + month + " 00:00:00+00' + (i * interval '1 second') *"
                        + " (extract(epoch from (date '" + month + "' + interval '1 month' - date '" + month
                        + "')) / " + perMonth + ") as t from generate_series(0, " + (perMonth - 1) + ") i) g");
                s.execute("insert into raw_event_key (event_id, timestamp) select event_id, timestamp from "
                        + partition(month));
                s.execute("select set_interaction_partition_tier('" + partition(month) + "', 'cold')");
            }
        }
    }

    public static String partition(LocalDate month) {
        return String.format("user_interaction_event_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    /** Per event type: rows and checksum of the month in PostgreSQL. */
    public static Map<String, String> fingerprints(DataSource db, LocalDate month) throws SQLException {
        Map<String, RowChecksum> byType = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                var s = c.prepareStatement(
                        "select " + ArchiveSchema.selectList() + " from " + partition(month) + " order by event_type");
                var rs = s.executeQuery()) {
            while (rs.next()) {
                byType.computeIfAbsent(rs.getString("event_type"), t -> new RowChecksum())
                        .add(RowChecksum.values(rs));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byType.forEach((type, sum) -> out.put(type, sum.rows() + "/" + sum.value()));
        return out;
    }
}
