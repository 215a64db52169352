package org.miic.onboarding.messaging.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The HL7 and CDC code tables a validator needs (src/main/resources/code-tables, with their sources in SOURCES.md):
 * CVX, MVX, HL7 tables 0001, 0063, 0064, 0162, 0163, 0322, 0323, 0357, 0533, NCIT routes, NIP001, NIP002, CDCREC.
 */
@Component
public class CodeTables {

  /** One code of a table; status is the CDC or IG status column, or "" where the table has none. */
  public record Code(String code, String name, String status) {}

  private final Map<String, Map<String, Code>> tables = new HashMap<>();

  public CodeTables() {
    for (String table : new String[] {"cvx", "mvx", "hl70001", "hl70063", "hl70064", "hl70103", "hl70162", "hl70163", "hl70322",
        "hl70323", "hl70357", "hl70533", "hl70008", "hl70516", "hl70085", "hl70136", "ncit-route", "nip001", "nip002", "cdcrec-race", "cdcrec-ethnicity", "cdcphinvs-profiles"}) {
      tables.put(table, load(table));
    }
  }

  private static Map<String, Code> load(String table) {
    Map<String, Code> codes = new HashMap<>();
    String path = "/code-tables/" + table + ".tsv";
    try (InputStream in = CodeTables.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Code table " + path + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cols = line.split("\t", -1);
        if (cols.length >= 2 && !cols[0].isBlank()) {
          codes.put(cols[0], new Code(cols[0], cols[1], cols.length > 2 ? cols[2] : ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(codes);
  }

  public Optional<Code> find(String table, String code) {
    Map<String, Code> codes = tables.get(table);
    if (codes == null) {
      throw new IllegalArgumentException("No code table " + table);
    }
    return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code.trim()));
  }

  /** The IG's value-set names (HL70001, CVX, NIP001 ...) mapped to these tables, for the profile checker. */
  private static final Map<String, String> VALUE_SETS = Map.ofEntries(Map.entry("HL70001", "hl70001"), Map.entry("HL70008", "hl70008"),
      Map.entry("HL70063", "hl70063"), Map.entry("HL70064", "hl70064"), Map.entry("HL70103", "hl70103"), Map.entry("HL70162", "hl70162"),
      Map.entry("HL70163", "hl70163"), Map.entry("HL70322", "hl70322"), Map.entry("HL70323", "hl70323"), Map.entry("HL70357", "hl70357"),
      Map.entry("HL70516", "hl70516"), Map.entry("HL70085", "hl70085"), Map.entry("HL70136", "hl70136"), Map.entry("HL70533", "hl70533"), Map.entry("CVX", "cvx"), Map.entry("MVX", "mvx"),
      Map.entry("NCIT", "ncit-route"), Map.entry("NIP001", "nip001"), Map.entry("NIP002", "nip002"));

  public org.miic.onboarding.messaging.validation.profile.ValueSets valueSets() {
    return new org.miic.onboarding.messaging.validation.profile.ValueSets() {
      @Override
      public boolean known(String valueSet) {
        return VALUE_SETS.containsKey(normalize(valueSet));
      }

      @Override
      public boolean contains(String valueSet, String code) {
        String table = VALUE_SETS.get(normalize(valueSet));
        return table == null || CodeTables.this.contains(table, code);
      }
    };
  }

  private static String normalize(String valueSet) {
    return valueSet == null ? "" : valueSet.replace(" ", "").replace("HL7", "HL7").toUpperCase(java.util.Locale.ROOT);
  }

  public boolean contains(String table, String code) {
    return find(table, code).isPresent();
  }

  public String name(String table, String code) {
    return find(table, code).map(Code::name).orElse(code);
  }
}
