package com.newsmell.e2e;

import com.newsmell.infra.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Searches every text column of every table of a service's database for a string (issue #15's erasure proof). */
final class DatabaseSearch {

    private DatabaseSearch() {}

    /** "table.column: rows" for every column of every table of the database holding the text somewhere. */
    static List<String> mentions(String database, String text) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : Sql.query(
                database,
                "select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                        + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')"
                        + " order by 1, 2")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            long rows = Sql.count(
                    database,
                    "select count(*) from \"" + table + "\" where strpos(cast(\"" + name + "\" as text), ?) > 0",
                    text);
            if (rows > 0) {
                found.add(table + "." + name + ": " + rows);
            }
        }
        return found;
    }

    /** How many tables the database has (so a search that finds nothing is seen to have looked). */
    static long tables(String database) {
        return Sql.count(
                database,
                "select count(*) from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE'");
    }
}
