package org.miic.onboarding.messaging.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.springframework.stereotype.Component;

/**
 * Answers a QBP^Q11 query with RSP^K11, as the CDC IG R1.5 describes, from the organization's own patients (the
 * patients of the VXU messages it sent with credentials of the same kind, test or production): to a Z34 query, Z32 with
 * the patient and the doses when one matches; to a Z44 query, Z42 with the doses and their evaluation
 * ({@link HistoryEvaluation}; no forecast); Z33 with QAK-2 NF when none matches, Z33 with MSA AE and the errors when the
 * query is defective. A rejected query (AR) gets a plain ACK.
 */
@Component
public class QueryResponder {

  private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

  private final AckBuilder acks;
  private final HistoryEvaluation evaluation;
  private final Clock clock;

  public QueryResponder(AckBuilder acks, HistoryEvaluation evaluation, Clock clock) {
    this.acks = acks;
    this.evaluation = evaluation;
    this.clock = clock;
  }

  /** The response; {@code patientMessages} are the organization's stored VXU messages, newest first. */
  public String respond(ValidationResult query, List<String> patientMessages) {
    String ack = acks.ack(query);
    if (query.ackCode() == ValidationResult.AckCode.AR) {
      return ack;
    }
    Segment qpd = query.message().first("QPD");
    List<String> errs = ack.lines().flatMap(l -> List.of(l.split("\r")).stream()).filter(l -> l.startsWith("ERR|")).toList();
    boolean evaluated = "Z44".equalsIgnoreCase(qpd.code(1));
    List<String> patient = query.ackCode() == ValidationResult.AckCode.AE ? List.of() : match(qpd, patientMessages, evaluated);
    String status = query.ackCode() == ValidationResult.AckCode.AE ? "AE" : patient.isEmpty() ? "NF" : "OK";
    String profile = !"OK".equals(status) ? "Z33" : evaluated ? "Z42" : "Z32";
    List<String> out = new ArrayList<>();
    Segment msh = query.message().msh();
    out.add(String.join("|", "MSH", "^~\\&", AckBuilder.APPLICATION, AckBuilder.APPLICATION, clean(msh.field(3)), clean(msh.field(4)),
        HL7_TIME.format(ZonedDateTime.now(clock)), "", "RSP^K11^RSP_K11", ControlIds.next().toString(), clean(msh.component(11, 1)),
        "2.5.1", "", "", "NE", "NE", "", "", "", "", profile + "^CDCPHINVS"));
    out.add("MSA|" + query.ackCode().name() + "|" + clean(msh.field(10)));
    out.addAll(errs);
    out.add("QAK|" + clean(qpd.field(2)) + "|" + status + "|" + clean(qpd.field(1)));
    out.add(raw(qpd));
    out.addAll(patient);
    return String.join("\r", out);
  }

  /**
   * The matching patient's PID and every order group the organization sent for that patient, or nothing. With
   * {@code evaluated} (Z42) each order group carries the evaluation of its dose after the observations it came with.
   */
  private List<String> match(Segment qpd, List<String> patientMessages, boolean evaluated) {
    String pid = null;
    LocalDate birth = null;
    List<List<Segment>> orders = new ArrayList<>();
    for (String text : patientMessages) {
      Hl7Text m = Hl7Text.of(text);
      Segment p = m.first("PID");
      if (p == null || !matches(qpd, p)) {
        continue;
      }
      if (pid == null) {
        pid = raw(p);
        birth = Hl7Timestamp.parse(p.field(7)).date();
      }
      List<Segment> order = null;
      for (Segment s : m.segments()) {
        if ("ORC".equals(s.name())) {
          order = new ArrayList<>();
          orders.add(order);
        }
        if (order != null && List.of("ORC", "RXA", "RXR", "OBX").contains(s.name())) {
          order.add(s);
        }
      }
    }
    if (pid == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    found.add(pid);
    List<List<HistoryEvaluation.GroupEvaluation>> evaluations = evaluated ? evaluate(birth, orders) : null;
    int setId = 0;
    for (int i = 0; i < orders.size(); i++) {
      int subId = 0;
      for (Segment s : orders.get(i)) {
        if ("OBX".equals(s.name())) {
          // Set ids run through the response; the sub-ids the organization gave stay.
          String[] fields = raw(s).split("\\|", -1);
          if (fields.length > 1) {
            fields[1] = Integer.toString(++setId);
          }
          found.add(String.join("|", fields));
          subId = Math.max(subId, parseInt(s.field(4)));
        } else {
          found.add(raw(s));
        }
      }
      if (evaluations != null) {
        for (HistoryEvaluation.GroupEvaluation e : evaluations.get(i)) {
          subId++;
          for (String obx : e.observations(subId)) {
            found.add("OBX|" + (++setId) + obx.substring("OBX|".length()));
          }
        }
      }
    }
    return found;
  }

  /** Each order group's dose evaluated; a refusal, a dose not given or an order without RXA has no evaluation. */
  private List<List<HistoryEvaluation.GroupEvaluation>> evaluate(LocalDate birth, List<List<Segment>> orders) {
    List<HistoryEvaluation.Dose> doses = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      Segment rxa = orders.get(i).stream().filter(s -> "RXA".equals(s.name())).findFirst().orElse(null);
      if (rxa == null || "998".equals(rxa.code(5)) || rxa.code(5).isBlank() || "RE".equals(rxa.code(20)) || "NA".equals(rxa.code(20))
          || "D".equals(rxa.code(21))) {
        continue;
      }
      doses.add(new HistoryEvaluation.Dose(rxa.code(5), Hl7Timestamp.parse(rxa.field(3)).date()));
      index.add(i);
    }
    List<List<HistoryEvaluation.GroupEvaluation>> evaluated = evaluation.evaluate(birth, doses);
    List<List<HistoryEvaluation.GroupEvaluation>> out = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      out.add(List.of());
    }
    for (int k = 0; k < index.size(); k++) {
      out.set(index.get(k), evaluated.get(k));
    }
    return out;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A patient matches on an identifier of QPD-3, or on name and date of birth. */
  static boolean matches(Segment qpd, Segment pid) {
    for (int q = 1; q <= qpd.repetitions(3).size(); q++) {
      String id = qpd.component(3, q, 1).trim();
      for (int r = 1; r <= pid.repetitions(3).size(); r++) {
        if (!id.isEmpty() && id.equalsIgnoreCase(pid.component(3, r, 1).trim())
            && optionalEqual(qpd.component(3, q, 4), pid.component(3, r, 4))) {
          return true;
        }
      }
    }
    return !qpd.component(4, 1).isBlank() && qpd.component(4, 1).trim().equalsIgnoreCase(pid.component(5, 1).trim())
        && qpd.component(4, 2).trim().equalsIgnoreCase(pid.component(5, 2).trim())
        && !qpd.component(6, 1).isBlank() && qpd.component(6, 1).trim().startsWith(pid.component(7, 1).trim().substring(0,
            Math.min(8, pid.component(7, 1).trim().length())));
  }

  private static boolean optionalEqual(String a, String b) {
    return a.isBlank() || b.isBlank() || a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
  }

  private static String raw(Segment s) {
    List<String> fields = new ArrayList<>();
    fields.add(s.name());
    for (int i = 1; i < 100 && (!s.field(i).isEmpty() || i < lastField(s)); i++) {
      fields.add(s.field(i));
    }
    return String.join("|", fields);
  }

  private static int lastField(Segment s) {
    int last = 0;
    for (int i = 1; i < 100; i++) {
      if (!s.field(i).isEmpty()) {
        last = i;
      }
    }
    return last + 1;
  }

  private static String clean(String s) {
    String v = s == null ? "" : s.replaceAll("[\\p{Cntrl}]", "");
    return v.length() > 199 ? v.substring(0, 199) : v;
  }

}
