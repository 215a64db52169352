package org.miic.onboarding.messaging.validation;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;

/**
 * The value sets behind AIRA's MQE validator (immregistries/codebase, copied verbatim to
 * {@code src/main/resources/code-tables/aira}, Apache-2.0; source and commit in {@code code-tables/SOURCES.md}): every
 * code with its status, its links to other sets (CVX to VIS and vaccine group, product to CVX and MVX, NDC to CVX ...),
 * and for vaccines the dates and ages of licensed and expected use. Read once at start-up with StAX.
 */
@Component
public class Codebase {

  /** The sets the rules read, by file name. */
  public enum Set {
    CVX("vaccination-cvx-code"),
    MVX("vaccination-manufacturer-code"),
    PRODUCT("vaccine-product"),
    NDC_UNIT_OF_USE("vaccination-ndc-code-unit-of-use"),
    NDC_UNIT_OF_SALE("vaccination-ndc-code-unit-of-sale"),
    CPT("vaccination-cpt-code"),
    VIS_DOCUMENT("vaccination-vis-doc-type"),
    VIS_VACCINE_TYPE("vaccination-vis-cvx-code"),
    VIS_VACCINES("vaccination-vis-vaccines"),
    LOT_PATTERN("vaccination-lot-number-pattern"),
    FUNDING_SOURCE("vaccination-funding-source"),
    FINANCIAL_STATUS("financial-status-code"),
    FINANCIAL_STATUS_METHOD("financial-status-obs-method"),
    ROUTE("body-route"),
    SITE("body-site"),
    OBSERVATION("observation-identifier"),
    ADDRESS_TYPE("address-type"),
    TELECOM_USE("telecommunication-use"),
    TELECOM_EQUIPMENT("telecommunication-equipment"),
    ID_TYPE("id-type-code"),
    LANGUAGE("person-language"),
    REGISTRY_STATUS("registry-status"),
    PUBLICITY("patient-publicity"),
    PROTECTION("patient-protection"),
    NAME_TYPE("person-name-type"),
    EVIDENCE_OF_IMMUNITY("evidence-of-immunity"),
    CONTRAINDICATION("contraindication-or-precaution"),
    REACTION("vaccination-reaction"),
    VACCINE_GROUP("vaccine-group"),
    VALUE_TYPE("hl7-value-type"),
    SPECIAL_INDICATION("vaccination-special-indications");

    private final String file;

    Set(String file) {
      this.file = file;
    }

    String file() {
      return file;
    }
  }

  /** One code: value, label, description, status (Valid, Deprecated, Invalid, Ignored ...), links, use dates and ages. */
  public record Code(String value, String label, String description, String status, Map<String, List<String>> links,
      LocalDate notBefore, LocalDate notExpectedBefore, LocalDate notExpectedAfter, LocalDate notAfter,
      Integer notBeforeMonth, Integer notAfterMonth, String conceptType) {

    public boolean valid() {
      return "Valid".equalsIgnoreCase(status);
    }

    public List<String> links(String codeset) {
      return links.getOrDefault(codeset, List.of());
    }
  }

  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private final Map<Set, Map<String, Code>> sets = new HashMap<>();

  public Codebase() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    for (Set set : Set.values()) {
      sets.put(set, load(factory, set));
    }
  }

  private static Map<String, Code> load(XMLInputFactory factory, Set set) {
    String path = "/code-tables/aira/" + set.file() + ".xml";
    Map<String, Code> codes = new HashMap<>();
    try (InputStream in = Codebase.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Code set " + path + " is missing from the classpath");
      }
      XMLStreamReader r = factory.createXMLStreamReader(in, "UTF-8");
      Map<String, String> fields = null;
      Map<String, List<String>> links = null;
      List<String> path2 = new ArrayList<>();
      String linkSet = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = r.getLocalName();
          path2.add(name);
          text.setLength(0);
          if ("code".equals(name) && path2.size() == 2) {
            fields = new HashMap<>();
            links = new HashMap<>();
          } else if ("link-to".equals(name)) {
            linkSet = r.getAttributeValue(null, "codeset");
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(r.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = r.getLocalName();
          if (fields != null) {
            if ("code".equals(name) && path2.size() == 2) {
              String value = fields.getOrDefault("value", "").trim();
              if (!value.isEmpty()) {
                codes.put(key(set, value), new Code(value, fields.getOrDefault("label", ""), fields.getOrDefault("description", ""),
                    fields.getOrDefault("status", ""), Map.copyOf(links), date(fields.get("not-before")), date(fields.get("not-expected-before")),
                    date(fields.get("not-expected-after")), date(fields.get("not-after")), integer(fields.get("not-before-month")),
                    integer(fields.get("not-after-month")), fields.getOrDefault("concept-type", "")));
              }
              fields = null;
            } else if ("link-to".equals(name) && linkSet != null) {
              links.computeIfAbsent(linkSet, k -> new ArrayList<>()).add(text.toString().trim());
            } else if (path2.size() == 3 || ("code-status".equals(path2.get(2)) && "status".equals(name))
                || "use-date".equals(path2.get(Math.max(0, path2.size() - 2))) || "use-age".equals(path2.get(Math.max(0, path2.size() - 2)))) {
              fields.putIfAbsent(name, text.toString());
            }
          }
          path2.remove(path2.size() - 1);
          text.setLength(0);
        }
      }
      r.close();
    } catch (IOException | XMLStreamException e) {
      throw new IllegalStateException("Cannot read code set " + path + ": " + e.getMessage(), e);
    }
    return Map.copyOf(codes);
  }

  /** Codes are compared as sent, except lot patterns (regular expressions) and case-insensitive sets. */
  private static String key(Set set, String value) {
    return set == Set.LOT_PATTERN ? value : value.toUpperCase(Locale.ROOT);
  }

  private static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.trim(), YYYYMMDD);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Integer integer(String s) {
    try {
      return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public Optional<Code> find(Set set, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(sets.get(set).get(key(set, value.trim())));
  }

  public java.util.Collection<Code> all(Set set) {
    return sets.get(set).values();
  }

  /** The codes of a set that link to a code of another set (products of a CVX, lot patterns of an MVX ...), indexed once. */
  public List<Code> linkedTo(Set set, String codeset, String value) {
    if (value == null) {
      return List.of();
    }
    String key = set + "/" + codeset;
    Map<String, List<Code>> known = indexes.get(key); // a read first: computeIfAbsent locks its bin (issue 9)
    Map<String, List<Code>> index = known != null ? known : indexes.computeIfAbsent(key, k -> {
      Map<String, List<Code>> built = new HashMap<>();
      for (Code c : sets.get(set).values()) {
        for (String link : c.links(codeset)) {
          built.computeIfAbsent(link, x -> new ArrayList<>()).add(c);
        }
      }
      return built;
    });
    return index.getOrDefault(value, List.of());
  }

  private final Map<String, Map<String, List<Code>>> indexes = new java.util.concurrent.ConcurrentHashMap<>();
}
