package org.miic.onboarding.messaging.validation.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IG's constrained data types ({@code profiles/datatypes.tsv}): for a composite type its components with usage,
 * type, length and value set; a primitive type (ST, ID, IS, NM, SI, DT, DTM, TX, FT) has one row, component 0.
 */
public final class DataTypes {

  /** One component of a composite type, or the single row of a primitive type (position 0). */
  public record ComponentDef(String type, int position, String name, Usage usage, String componentType, int maxLength, String valueSet) {}

  private final Map<String, List<ComponentDef>> types = new LinkedHashMap<>();

  public static DataTypes load() {
    try (InputStream in = DataTypes.class.getResourceAsStream("/profiles/datatypes.tsv")) {
      if (in == null) {
        throw new IllegalStateException("profiles/datatypes.tsv is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DataTypes parse(String text) {
    DataTypes dt = new DataTypes();
    int lineNo = 0;
    for (String line : text.split("\r?\n")) {
      lineNo++;
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      try {
        String type = c[0].trim();
        int position = Integer.parseInt(c[1].trim());
        dt.types.computeIfAbsent(type, k -> new ArrayList<>()).add(new ComponentDef(type, position, MessageProfile.col(c, 2),
            position == 0 ? Usage.parse("O") : Usage.parse(MessageProfile.col(c, 3).isBlank() ? "O" : MessageProfile.col(c, 3)),
            MessageProfile.col(c, 4).trim(), MessageProfile.length(MessageProfile.col(c, 5)), MessageProfile.col(c, 6).trim()));
      } catch (RuntimeException e) {
        throw new IllegalStateException("profiles/datatypes.tsv line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return dt;
  }

  public boolean known(String type) {
    return types.containsKey(type);
  }

  /** True for a type with components (CE, CX, XPN ...); false for a primitive or an unknown type. */
  public boolean composite(String type) {
    List<ComponentDef> c = types.get(type);
    return c != null && !(c.size() == 1 && c.get(0).position() == 0);
  }

  /** A read first: computeIfAbsent locks its bin, and sixteen message threads asking for CE at once queued on it (issue 9). */
  public List<ComponentDef> components(String type) {
    List<ComponentDef> found = components.get(type);
    return found != null ? found
        : components.computeIfAbsent(type, t -> types.getOrDefault(t, List.of()).stream().filter(c -> c.position() > 0).toList());
  }

  private final Map<String, List<ComponentDef>> components = new java.util.concurrent.ConcurrentHashMap<>();

  public int maxLength(String type) {
    List<ComponentDef> c = types.get(type);
    return c != null && c.size() == 1 && c.get(0).position() == 0 ? c.get(0).maxLength() : 0;
  }

  public java.util.Set<String> names() {
    return types.keySet();
  }
}
