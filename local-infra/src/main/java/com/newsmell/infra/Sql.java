package com.newsmell.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: plain JDBC queries against a service's database of this run. */
public final class Sql {

    private Sql() {}

    public static List<Map<String, Object>> query(String service, String sql, Object... params) {
        Infra infra = Infra.shared();
        PostgresServer pg = infra.postgres();
        try (Connection c = pg.connect(infra.database(service));
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            if (!statement.execute()) {
                return rows;
            }
            try (ResultSet rs = statement.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String service, String sql, Object... params) {
        return ((Number) query(service, sql, params).get(0).values().iterator().next()).longValue();
    }
}
