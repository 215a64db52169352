package org.miic.onboarding.messaging.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sample messages, a fixed clock, and a small editor to build defective messages from conformant ones. */
public final class Hl7Fixtures {

  /** 2026-11-24 12:00 in Minnesota. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T18:00:00Z"), ZoneId.of("America/Chicago"));
  static final CodeTables TABLES = new CodeTables();
  static final Codebase CODEBASE = new Codebase();

  private Hl7Fixtures() {}

  static MessageValidator validator() {
    return new MessageValidator(TABLES, CODEBASE, ValidationProperties.defaults(), CLOCK);
  }

  public static String sample(String file) {
    try (InputStream in = Hl7Fixtures.class.getResourceAsStream("/hl7/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("No sample " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A clean VXU for the rule tests: a 2024 infant, one hepatitis B dose given 2026-11-18 with everything the rules
   * expect (provider, location, lot, VFC eligibility with its method, funding source, the current VIS), and one historical DTaP dose. It has no finding at all.
   */
  public static Editor cleanVxu() {
    return new Editor(String.join("\r",
        "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20261120103000-0600||VXU^V04^VXU_V04|MSG0001|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS",
        "PID|1||PAT123^^^MYCLINIC^MR||Lakewood^Maya^Rose^^^^L|Rivers^Olivia^^^^^M|20240115|F||2106-3^White^CDCREC"
            + "|12 Lake St^^Minneapolis^MN^55401^USA^P||^PRN^PH^^^612^5551234|||||||||2186-5^Not Hispanic or Latino^CDCREC",
        "NK1|1|Lakewood^Olivia^^^^^L|MTH^Mother^HL70063",
        "ORC|RE||ORD-001^MYCLINIC",
        "RXA|0|1|20261118||08^Hep B, adolescent or pediatric^CVX|0.5|mL^^UCUM||00^New administration^NIP001"
            + "|1234^Smith^Jane^^^^^^MYCLINIC|^^^MYCLINIC||||X7Y8Z9|20271231|MSD^Merck and Co., Inc.^MVX|||CP|A",
        "RXR|C28161^Intramuscular^NCIT|LT^Left Thigh^HL70163",
        "OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|V02^VFC eligible-Medicaid^HL70064||||||F|||20261118|||"
            + "VXC40^Eligibility captured at the immunization level^CDCPHINVS",
        "OBX|2|CE|30963-3^Vaccine funding source^LN|1|VXC50^Public^CDCPHINVS||||||F",
        "OBX|3|CE|69764-9^Document type^LN|2|253088698300005911250131^Hepatitis B Vaccine VIS^cdcgs1vis||||||F",
        "OBX|4|DT|29769-7^Date vis presented^LN|2|20261118||||||F",
        "ORC|RE||ORD-002^MYCLINIC",
        "RXA|0|1|20240301||20^DTaP^CVX|999|||01^Historical information - source unspecified^NIP001|||||||||||CP|A"));
  }

  /** Edits segments by name, occurrence and field number. */
  public static final class Editor {
    private final List<List<String>> segments = new ArrayList<>();
    private String terminator = "\r";

    public Editor(String text) {
      for (String line : text.split("\r")) {
        segments.add(new ArrayList<>(Arrays.asList(line.split("\\|", -1))));
      }
    }

    private List<String> find(String name, int occurrence) {
      int seen = 0;
      for (List<String> s : segments) {
        if (s.get(0).equals(name) && ++seen == occurrence) {
          return s;
        }
      }
      throw new IllegalArgumentException("No " + name + " #" + occurrence);
    }

    /** Sets field n of the given segment occurrence (MSH numbering: MSH-3 is the fourth item, as in HL7). */
    public Editor set(String name, int occurrence, int field, String value) {
      List<String> s = find(name, occurrence);
      int index = "MSH".equals(name) ? field - 1 : field;
      while (s.size() <= index) {
        s.add("");
      }
      s.set(index, value);
      return this;
    }

    public Editor set(String name, int field, String value) {
      return set(name, 1, field, value);
    }

    public Editor remove(String name, int occurrence) {
      segments.remove(find(name, occurrence));
      return this;
    }

    public Editor insertAfter(String name, int occurrence, String segment) {
      segments.add(segments.indexOf(find(name, occurrence)) + 1, new ArrayList<>(Arrays.asList(segment.split("\\|", -1))));
      return this;
    }

    /** Ends segments with line feeds instead of carriage returns. */
    public Editor withLineFeeds() {
      terminator = "\n";
      return this;
    }

    public String text() {
      return String.join(terminator, segments.stream().map(s -> String.join("|", s)).toList());
    }
  }
}
