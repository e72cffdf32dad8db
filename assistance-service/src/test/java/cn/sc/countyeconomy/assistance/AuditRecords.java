package cn.sc.countyeconomy.assistance;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit table directly, to check that each write left its record. */
final class AuditRecords {

    record Row(String actor, String action, String before, String after, String reason) {
    }

    private AuditRecords() {
    }

    static List<Row> of(AgroalDataSource ds, String resourceType, Object resourceId) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("select actor, action, before_state::text, after_state::text, reason "
                        + "from api_audit_record where resource_type = ? and resource_id = ? order by id")) {
            s.setString(1, resourceType);
            s.setString(2, String.valueOf(resourceId));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(AgroalDataSource ds, String resourceType) {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from api_audit_record where resource_type = ?")) {
            s.setString(1, resourceType);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
