package org.miic.onboarding.messaging.validation;

import java.util.List;
import java.util.Set;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;

/** Conformance to HL7 2.5.1 and the CDC IG R1.5 profiles Z22 (VXU^V04), Z34 and Z44 (QBP^Q11). */
final class ConformanceRules {

  static final Set<String> QUERY_PROFILES = Set.of("Z34", "Z44");
  private static final java.util.regex.Pattern SEGMENT_NAME = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]{2}");

  private ConformanceRules() {}

  /** The header: what the message is, in what version, for which profile. Returns false when the message is rejected. */
  static boolean header(Hl7Text m, ValidationContext ctx) {
    Segment msh = m.msh();
    if (msh == null) {
      String first = m.segments().isEmpty() ? "" : m.segments().get(0).name();
      ctx.report(Rule.FMT_NOT_HL7, Hl7Location.segment("MSH", 1),
          first.isEmpty() ? "The message is empty."
              : "FHS".equals(first) || "BHS".equals(first) ? "This is a batch (FHS/BHS); send each message on its own, starting with MSH."
              : "An HL7 v2 message starts with an MSH segment; this text starts with '" + abbreviate(first) + "'.");
      return false;
    }
    if (!m.usesStandardDelimiters()) {
      ctx.report(Rule.FMT_DELIMITERS, msh.at(2), "MSH-1 and MSH-2 must be the standard delimiters |^~\\& (found '"
          + abbreviate(msh.field(1) + msh.field(2)) + "').");
      return false;
    }
    for (Segment s : m.segments()) {
      if (!SEGMENT_NAME.matcher(s.name()).matches()) {
        ctx.report(Rule.FMT_STRUCTURE, Hl7Location.segment(abbreviate(s.name()), 1), "Segment " + (s.index() + 1) + " starts with '"
            + abbreviate(s.name()) + "', which is not a segment name (three capital letters or digits, like PID or RXA).");
        return false;
      }
    }
    if (m.usesNewlineTerminators()) {
      ctx.report(Rule.FMT_SEGMENT_TERMINATOR, msh.location(),
          "Segments must end with a carriage return (hex 0D) only; line feeds were found and tolerated.");
    }
    String type = msh.component(9, 1).trim();
    String trigger = msh.component(9, 2).trim();
    String structure = msh.component(9, 3).trim();
    String expectedTrigger = switch (type) {
      case "VXU" -> "V04";
      case "QBP" -> "Q11";
      default -> null;
    };
    if (expectedTrigger == null) {
      ctx.report(Rule.FMT_MESSAGE_TYPE, msh.at(9), type.isEmpty() ? "MSH-9 (message type) is empty."
          : "Message type '" + abbreviate(msh.field(9)) + "' is not supported: send VXU^V04^VXU_V04 or QBP^Q11^QBP_Q11.");
      return false;
    }
    if (!expectedTrigger.equals(trigger)) {
      ctx.report(Rule.FMT_EVENT, msh.at(9, 2), "Trigger event '" + abbreviate(trigger) + "' is not supported for " + type
          + ": use " + type + "^" + expectedTrigger + ".");
      return false;
    }
    String version = msh.component(12, 1).trim();
    if (!"2.5.1".equals(version)) {
      ctx.report(Rule.FMT_VERSION, msh.at(12), version.isEmpty() ? "MSH-12 (version) is empty; MIIC accepts HL7 version 2.5.1."
          : "HL7 version '" + abbreviate(version) + "' is not supported; MIIC accepts 2.5.1 only.");
      return false;
    }
    String processing = msh.component(11, 1).trim();
    if (!Set.of("P", "T", "D").contains(processing)) {
      ctx.report(Rule.FMT_PROCESSING_ID, msh.at(11), processing.isEmpty() ? "MSH-11 (processing id) is empty; use P, T or D."
          : "Processing id '" + abbreviate(processing) + "' is not supported; use P (production), T (training) or D (debugging).");
      return false;
    }
    if (!structure.equals(type + "_" + expectedTrigger)) {
      ctx.report(Rule.FMT_MESSAGE_STRUCTURE_ID, msh.at(9, 3), "MSH-9.3 (message structure) should be " + type + "_" + expectedTrigger
          + (structure.isEmpty() ? "; it is empty." : ", not '" + abbreviate(structure) + "'."));
    }
    if (msh.isEmpty(4)) {
      ctx.report(Rule.FMT_SENDING_FACILITY, msh.at(4),
          "MSH-4 (sending facility) is empty; the CDC profiles require it. MIIC takes the facility from your credentials meanwhile.");
    }
    if (!msh.isEmpty(8)) {
      ctx.report(Rule.FMT_SECURITY_IGNORED, msh.at(8), "MSH-8 (security) is not used by MIIC; its value '" + abbreviate(msh.field(8))
          + "' was ignored. Authentication goes with the transport.");
    }
    List<String> profiles = new java.util.ArrayList<>();
    for (int rep = 1; rep <= msh.repetitions(21).size(); rep++) {
      profiles.add(msh.component(21, rep, 1).trim());
    }
    if (profiles.isEmpty() || profiles.stream().allMatch(String::isEmpty)) {
      ctx.report(Rule.FMT_PROFILE_MISSING, msh.at(21), "MSH-21 (message profile) is required: use "
          + ("VXU".equals(type) ? "Z22^CDCPHINVS" : "Z34^CDCPHINVS or Z44^CDCPHINVS") + ".");
    } else if ("VXU".equals(type) ? !profiles.contains("Z22") : profiles.stream().noneMatch(QUERY_PROFILES::contains)) {
      ctx.report(Rule.FMT_PROFILE_WRONG, msh.at(21), "Profile '" + abbreviate(String.join(",", profiles)) + "' does not fit a "
          + type + " message: use " + ("VXU".equals(type) ? "Z22^CDCPHINVS" : "Z34^CDCPHINVS or Z44^CDCPHINVS") + ".");
    }
    if (!"ER".equals(msh.code(15)) || !"AL".equals(msh.code(16))) {
      ctx.report(Rule.FMT_ACK_TYPES, msh.at(15), "The CDC profiles set MSH-15 to ER and MSH-16 to AL (found '" + abbreviate(msh.code(15))
          + "' and '" + abbreviate(msh.code(16)) + "'); MIIC acknowledges every message regardless.");
    }
    return true;
  }

  /**
   * VXU^V04 (Z22), what the profile's usage and cardinality do not say: PID-2 (the IG's own example of an ignored
   * field) and the order of the order group's segments (each RXA right after its ORC; no OBX before the first one).
   */
  static void vxu(Hl7Text m, ValidationContext ctx) {
    Segment pid = m.first("PID");
    if (pid != null && !pid.isEmpty(2)) {
      ctx.report(Rule.FMT_PID2_IGNORED, pid.at(2), "PID-2 (patient id) is not supported in HL7 2.5.1 and was ignored; send identifiers in PID-3.");
    }
    orderGroups(m, ctx);
  }

  private static void orderGroups(Hl7Text m, ValidationContext ctx) {
    Segment openOrc = null;
    boolean orcHasRxa = false;
    boolean inOrder = false;
    for (Segment s : m.segments()) {
      switch (s.name()) {
        case "ORC" -> {
          if (openOrc != null && !orcHasRxa) {
            ctx.report(Rule.FMT_ORC_WITHOUT_RXA, openOrc.location(), "An ORC must be followed by its RXA; this order group has none.");
          }
          openOrc = s;
          orcHasRxa = false;
          inOrder = true;
        }
        case "RXA" -> {
          if (openOrc == null || orcHasRxa) {
            ctx.report(Rule.FMT_RXA_WITHOUT_ORC, s.location(), "Each RXA needs its own ORC (with ORC-3) right before it.");
          }
          orcHasRxa = true;
          inOrder = true;
        }
        case "OBX" -> {
          if (!inOrder) {
            ctx.report(Rule.FMT_PATIENT_OBX, s.location(), "An OBX before the first vaccination is a patient-level observation, which a 2.5.1 "
                + "VXU_V04 does not have; it was ignored. Send observations after the RXA (and RXR) they belong to.");
          }
        }
        default -> {
        }
      }
    }
    if (openOrc != null && !orcHasRxa) {
      ctx.report(Rule.FMT_ORC_WITHOUT_RXA, openOrc.location(), "An ORC must be followed by its RXA; this order group has none.");
    }
  }

  /** QBP^Q11: the query name (the profile's usage covers the rest of QPD and RCP). */
  static void qbp(Hl7Text m, ValidationContext ctx) {
    Segment qpd = m.first("QPD");
    if (qpd != null) {
      String name = qpd.code(1);
      if (!name.isEmpty() && !QUERY_PROFILES.contains(name)) {
        ctx.report(Rule.FMT_QUERY_NAME, qpd.at(1), "Query name '" + abbreviate(name) + "' is not supported: use Z34 or Z44.");
      }
    }
  }

  static String abbreviate(String s) {
    return Echo.abbreviate(s);
  }

}
