package org.miic.onboarding.messaging.validation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement (ACK^V04^ACK, profile Z23) the CDC IG R1.5 prescribes: MSA-1 AA, AE or AR with MSA-2 echoing
 * the message's control id, and one ERR per finding with ERR-2 (location), ERR-3 (HL7 0357), ERR-4 (severity), ERR-5
 * (0533 application error) and ERR-8 (what to fix). Written as ER7 text with every value HL7-escaped (tests parse each
 * acknowledgement with HAPI's v2.5.1 ACK structure); building HAPI's object model cost more than all the rules together.
 */
@Component
public class AckBuilder {

  private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
  static final String APPLICATION = "MIIC";

  private final CodeTables tables;
  private final Clock clock;

  public AckBuilder(CodeTables tables, Clock clock) {
    this.tables = tables;
    this.clock = clock;
  }

  public String ack(ValidationResult result) {
    StringBuilder ack = new StringBuilder(256 + 160 * result.findings().size());
    ack.append("MSH|^~\\&|").append(APPLICATION).append('|').append(APPLICATION).append('|')
        .append(escape(result.sendingApplication())).append('|').append(escape(result.sendingFacility())).append('|')
        .append(HL7_TIME.format(ZonedDateTime.now(clock))).append("||ACK^")
        .append(result.triggerEvent().isEmpty() ? "V04" : escape(result.triggerEvent())).append("^ACK|")
        .append(ControlIds.next()).append('|').append(processingId(result.processingId()))
        .append("|2.5.1|||NE|NE|||||Z23^CDCPHINVS");
    ack.append("\rMSA|").append(result.ackCode().name()).append('|').append(escape(result.controlId()));
    List<Finding> shown = shown(result.findings());
    for (Finding f : shown) {
      ack.append("\rERR||").append(erl(f.location())).append('|')
          .append(f.hl7ErrorCode()).append('^').append(escape(tables.name("hl70357", f.hl7ErrorCode()))).append("^HL70357|")
          .append(f.severity().hl7()).append('|');
      if (f.applicationErrorCode() != null) {
        ack.append(f.applicationErrorCode()).append('^').append(escape(tables.name("hl70533", f.applicationErrorCode()))).append("^HL70533");
      }
      ack.append("|||").append(escape(f.rule() + ": " + f.message()));
    }
    int more = result.findings().size() - shown.size();
    if (more > 0) {
      // The IG lets an acknowledgement summarize: one more ERR says how many were left out (all are stored and reported).
      Severity worst = result.findings().stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.INFORMATION);
      ack.append("\rERR|||207^").append(escape(tables.name("hl70357", "207"))).append("^HL70357|").append(worst.hl7())
          .append("||||").append(escape(more + " more findings are not listed here; the full list is in the report of your test messages "
              + "and in the answer of /api/hl7/validate."));
    }
    return ack.toString();
  }

  /**
   * FHS or BHS (as {@code segment} says) of a batch acknowledgement file: from MIIC to the sender of the received file
   * or batch, with a new control id (field 11) and the received one as reference (field 12).
   */
  public String batchHeader(String segment, String receivingApplication, String receivingFacility, String referenceControlId) {
    return segment + "|^~\\&|" + APPLICATION + '|' + APPLICATION + '|' + escape(receivingApplication) + '|' + escape(receivingFacility)
        + '|' + HL7_TIME.format(ZonedDateTime.now(clock)) + "||||" + ControlIds.next() + '|' + escape(referenceControlId);
  }

  /** At most this many findings become ERR segments; errors first, then warnings, then information. */
  static final int MAX_ERR_SEGMENTS = 100;

  static List<Finding> shown(List<Finding> findings) {
    if (findings.size() <= MAX_ERR_SEGMENTS) {
      return findings;
    }
    return findings.stream().sorted(Comparator.comparing(Finding::severity)).limit(MAX_ERR_SEGMENTS).toList();
  }

  /** ERR-2 as ERL components; the segment id is escaped because it may come from a hostile message. */
  private static String erl(Hl7Location at) {
    String[] parts = at.erl().split("\\^", -1);
    parts[0] = escape(parts[0]);
    return String.join("^", parts);
  }

  private static String processingId(String inbound) {
    return "P".equals(inbound) || "T".equals(inbound) || "D".equals(inbound) ? inbound : "P";
  }

  /** HL7 escaping of a value echoed into the acknowledgement: delimiters become escape sequences, control characters go. */
  static String escape(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length() && sb.length() < 2000; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\E\\");
        case '|' -> sb.append("\\F\\");
        case '^' -> sb.append("\\S\\");
        case '&' -> sb.append("\\T\\");
        case '~' -> sb.append("\\R\\");
        default -> {
          if (!Character.isISOControl(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
