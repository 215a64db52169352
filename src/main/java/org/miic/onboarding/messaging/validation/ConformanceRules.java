package org.miic.onboarding.messaging.validation;

import java.util.List;
import java.util.Set;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;

/** Conformance to HL7 2.5.1 and the CDC IG R1.5 profiles Z22 (VXU^V04), Z34 and Z44 (QBP^Q11). */
final class ConformanceRules {

  static final Set<String> QUERY_PROFILES = Set.of("Z34", "Z44");
  private static final java.util.regex.Pattern SEGMENT_NAME = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]{2}");
  private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

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
    if (msh.isEmpty(10)) {
      ctx.report(Rule.FMT_MSH_REQUIRED, msh.at(10), "MSH-10 (message control id) is required: the acknowledgement refers to it.");
    }
    if (msh.isEmpty(7)) {
      ctx.report(Rule.FMT_MSH_REQUIRED, msh.at(7), "MSH-7 (date/time of message) is required.");
    } else {
      timestamp(msh, 7, "MSH-7 (date/time of message)", Rule.FMT_MSH_DATETIME, ctx);
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

  /** VXU^V04 (Z22): patient, next of kin and order groups. */
  static void vxu(Hl7Text m, ValidationContext ctx) {
    Segment pid = m.first("PID");
    if (pid == null) {
      ctx.report(Rule.FMT_SEGMENT_MISSING, Hl7Location.segment("PID", 1), "The PID segment (patient) is required; the message is rejected.");
    } else {
      requirePatientField(pid, 3, "PID-3 (patient identifier list)", ctx);
      requirePatientField(pid, 5, "PID-5 (patient name)", ctx);
      if (requirePatientField(pid, 7, "PID-7 (date of birth)", ctx)) {
        Finding bad = timestamp(pid, 7, "PID-7 (date of birth)", Rule.FMT_DATE_INVALID, ctx);
        if (bad != null) {
          ctx.rejectRequiredField(bad, pid.location(), true, "PID is a required segment and its date of birth is unusable; the message is rejected.");
        }
      }
      if (!pid.isEmpty(2)) {
        ctx.report(Rule.FMT_PID2_IGNORED, pid.at(2), "PID-2 (patient id) is not supported in HL7 2.5.1 and was ignored; send identifiers in PID-3.");
      }
    }
    for (Segment nk1 : m.segments("NK1")) {
      if (nk1.isEmpty(3)) {
        ctx.report(Rule.FMT_NK1_RELATIONSHIP, nk1.at(3), "NK1-3 (relationship to the patient) is missing; this next-of-kin segment was rejected.");
      }
    }
    orderGroups(m, ctx);
  }

  private static boolean requirePatientField(Segment pid, int field, String name, ValidationContext ctx) {
    if (!pid.isEmpty(field)) {
      return true;
    }
    Finding f = ctx.report(Rule.FMT_FIELD_MISSING, pid.at(field), name + " is required.");
    ctx.rejectRequiredField(f, pid.location(), true, "PID is a required segment and " + name + " is missing; the message is rejected.");
    return false;
  }

  private static void orderGroups(Hl7Text m, ValidationContext ctx) {
    Segment openOrc = null;
    boolean orcHasRxa = false;
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if ("ORC".equals(s.name())) {
        if (openOrc != null && !orcHasRxa) {
          ctx.report(Rule.FMT_ORC_WITHOUT_RXA, openOrc.location(), "An ORC must be followed by its RXA; this order group has none.");
        }
        openOrc = s;
        orcHasRxa = false;
        if (s.isEmpty(3)) {
          ctx.report(Rule.FMT_FIELD_MISSING, s.at(3), "ORC-3 (filler order number) is required: it identifies the vaccination for updates and deletions.");
        }
      } else if ("RXA".equals(s.name())) {
        if (openOrc == null || orcHasRxa) {
          ctx.report(Rule.FMT_RXA_WITHOUT_ORC, s.location(), "Each RXA needs its own ORC (with ORC-3) right before it.");
        }
        orcHasRxa = true;
        rxa(s, segments, i, ctx);
      }
    }
    if (openOrc != null && !orcHasRxa) {
      ctx.report(Rule.FMT_ORC_WITHOUT_RXA, openOrc.location(), "An ORC must be followed by its RXA; this order group has none.");
    }
  }

  private static void rxa(Segment rxa, List<Segment> segments, int index, ValidationContext ctx) {
    String group = "RXA is a required segment of its order group; this vaccination was rejected.";
    requireDoseField(rxa, 3, "RXA-3 (date/time start of administration)", group, ctx);
    if (!rxa.isEmpty(3)) {
      Finding bad = timestamp(rxa, 3, "RXA-3 (date of administration)", Rule.FMT_DATE_INVALID, ctx);
      if (bad != null) {
        ctx.rejectRequiredField(bad, rxa.location(), true, group);
      }
    }
    requireDoseField(rxa, 5, "RXA-5 (administered code)", group, ctx);
    requireDoseField(rxa, 6, "RXA-6 (administered amount; 999 when unknown)", group, ctx);
    String completion = rxa.code(20);
    if (rxa.isEmpty(9) && (completion.isEmpty() || "CP".equals(completion) || "PA".equals(completion))) {
      ctx.report(Rule.FMT_FIELD_MISSING, rxa.at(9),
          "RXA-9 (administration notes: 00 new administration, 01 historical) is required when the dose was given.");
    }
    if (!rxa.isEmpty(16)) {
      timestamp(rxa, 16, "RXA-16 (substance expiration date)", Rule.FMT_DATE_INVALID, ctx);
    }
    boolean administered = "00".equals(rxa.code(9)) && (completion.isEmpty() || "CP".equals(completion) || "PA".equals(completion))
        && !"D".equals(rxa.code(21));
    if (administered && groupSegments(segments, index).stream().noneMatch(s -> "RXR".equals(s.name()))) {
      ctx.report(Rule.FMT_RXR_MISSING, rxa.location(), "A newly administered dose needs an RXR segment with its route (and site).");
    }
  }

  private static void requireDoseField(Segment rxa, int field, String name, String group, ValidationContext ctx) {
    if (rxa.isEmpty(field)) {
      Finding f = ctx.report(Rule.FMT_FIELD_MISSING, rxa.at(field), name + " is required.");
      ctx.rejectRequiredField(f, rxa.location(), true, group);
    }
  }

  /** The segments after an RXA that belong to it: up to the next ORC or RXA. */
  static List<Segment> groupSegments(List<Segment> segments, int rxaIndex) {
    int end = rxaIndex + 1;
    while (end < segments.size() && !"ORC".equals(segments.get(end).name()) && !"RXA".equals(segments.get(end).name())) {
      end++;
    }
    return segments.subList(rxaIndex + 1, end);
  }

  /** QBP^Q11 (Z34, Z44): the query and its parameters. */
  static void qbp(Hl7Text m, ValidationContext ctx) {
    Segment qpd = m.first("QPD");
    if (qpd == null) {
      ctx.report(Rule.FMT_SEGMENT_MISSING, Hl7Location.segment("QPD", 1), "The QPD segment (query parameters) is required.");
    } else {
      String name = qpd.code(1);
      if (name.isEmpty()) {
        ctx.report(Rule.FMT_FIELD_MISSING, qpd.at(1), "QPD-1 (message query name) is required: Z34^Request Immunization History^CDCPHINVS or Z44.");
      } else if (!QUERY_PROFILES.contains(name)) {
        ctx.report(Rule.FMT_QUERY_NAME, qpd.at(1), "Query name '" + abbreviate(name) + "' is not supported: use Z34 or Z44.");
      }
      if (qpd.isEmpty(2)) {
        ctx.report(Rule.FMT_FIELD_MISSING, qpd.at(2), "QPD-2 (query tag) is required: the response echoes it.");
      }
      if (qpd.isEmpty(3)) {
        ctx.report(Rule.FMT_FIELD_MISSING, qpd.at(3), "QPD-3 (patient identifier list) is required.");
      }
      if (qpd.isEmpty(4)) {
        ctx.report(Rule.FMT_FIELD_MISSING, qpd.at(4), "QPD-4 (patient name) is required.");
      }
      if (qpd.isEmpty(6)) {
        ctx.report(Rule.FMT_FIELD_MISSING, qpd.at(6), "QPD-6 (patient date of birth) is required.");
      } else {
        timestamp(qpd, 6, "QPD-6 (patient date of birth)", Rule.FMT_DATE_INVALID, ctx);
      }
    }
    if (m.first("RCP") == null) {
      ctx.report(Rule.FMT_SEGMENT_MISSING, Hl7Location.segment("RCP", 1), "The RCP segment (response control) is required.");
    }
  }

  /** Reports an unusable date; returns the finding for an invalid one, null when the date is usable. */
  static Finding timestamp(Segment s, int field, String name, Rule invalid, ValidationContext ctx) {
    Hl7Timestamp ts = Hl7Timestamp.parse(s.component(field, 1));
    if (!ts.valid()) {
      return ctx.report(invalid, s.at(field), name + ": " + ts.problem() + ".");
    }
    if (ts.offsetMalformed()) {
      ctx.report(Rule.FMT_TIME_ZONE, s.at(field), name + ": the time-zone offset in '" + abbreviate(s.component(field, 1))
          + "' is not +/-HHMM (e.g. -0600); the time zone was ignored.");
    }
    return null;
  }

  static String abbreviate(String s) {
    String clean = s == null ? "" : CONTROL.matcher(s).replaceAll("?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}
