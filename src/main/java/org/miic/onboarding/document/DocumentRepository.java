package org.miic.onboarding.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.miic.onboarding.common.Db;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

  private static final String COLUMNS = "id, organization_id, request_id, kind, file_name, content_type, size_bytes, sha256, description, "
      + "uploaded_by, uploaded_at";
  private static final RowMapper<StoredDocument> MAPPER = (rs, i) -> new StoredDocument(rs.getLong("id"), rs.getLong("organization_id"),
      rs.getLong("request_id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("content_type"),
      rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("description"), rs.getString("uploaded_by"), Db.instant(rs, "uploaded_at"));

  private final JdbcTemplate jdbc;

  DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long organizationId, long requestId, DocumentKind kind, String fileName, String contentType, byte[] content, String sha256,
      String description, String uploadedBy, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into miic_document (organization_id, request_id, kind, file_name, content_type, size_bytes, "
          + "sha256, content, description, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setLong(1, organizationId);
      ps.setLong(2, requestId);
      ps.setString(3, kind.name());
      ps.setString(4, fileName);
      ps.setString(5, contentType);
      ps.setInt(6, content.length);
      ps.setString(7, sha256);
      ps.setBytes(8, content);
      ps.setString(9, description);
      ps.setString(10, uploadedBy);
      ps.setTimestamp(11, Db.ts(at));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  List<StoredDocument> forRequest(long requestId) {
    return jdbc.query("select " + COLUMNS + " from miic_document where request_id = ? order by uploaded_at desc, id desc", MAPPER, requestId);
  }

  List<StoredDocument> forOrganization(long organizationId) {
    return jdbc.query("select " + COLUMNS + " from miic_document where organization_id = ? order by uploaded_at desc, id desc", MAPPER,
        organizationId);
  }

  Optional<StoredDocument> find(long id) {
    return jdbc.query("select " + COLUMNS + " from miic_document where id = ?", MAPPER, id).stream().findFirst();
  }

  byte[] content(long id) {
    return jdbc.queryForObject("select content from miic_document where id = ?", byte[].class, id);
  }

  int count(long requestId) {
    return jdbc.queryForObject("select count(*) from miic_document where request_id = ?", Integer.class, requestId);
  }
}
