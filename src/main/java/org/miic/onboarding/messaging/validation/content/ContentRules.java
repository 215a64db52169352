package org.miic.onboarding.messaging.validation.content;

import static org.miic.onboarding.messaging.validation.Echo.abbreviate;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.miic.onboarding.messaging.validation.CodeTables;
import org.miic.onboarding.messaging.validation.Codebase;
import org.miic.onboarding.messaging.validation.Hl7Text;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Rule;
import org.miic.onboarding.messaging.validation.ValidationContext;
import org.miic.onboarding.messaging.validation.ValidationProperties;
import org.miic.onboarding.messaging.validation.content.Vxu.Dose;

/**
 * Content quality of VXU messages, the checks IIS and AIRA's MQE apply to immunization data (the CNT rules), by
 * family: the patient, contacts, each vaccination, its observations, and the message as a whole.
 */
public final class ContentRules {

  private final PatientRules patient;
  private final ContactRules contacts;
  private final VaccinationRules vaccinations;
  private final ObservationRules observations;

  public ContentRules(CodeTables tables, Codebase codebase, ValidationProperties properties) {
    this.patient = new PatientRules(tables, codebase);
    this.contacts = new ContactRules(codebase);
    this.vaccinations = new VaccinationRules(tables, codebase, properties);
    this.observations = new ObservationRules(tables, codebase);
  }

  public void vxu(Hl7Text m, ValidationContext ctx, LocalDateTime now) {
    Vxu v = Vxu.of(m, now);
    if (v.messageTime().valid() && v.messageTime().dateTime().isAfter(now.plusDays(1))) {
      ctx.report(Rule.CNT_MESSAGE_FUTURE, v.msh().at(7), "The message date " + v.messageTime().date() + " is in the future; check the sending system's clock.");
    }
    patient.check(v, ctx);
    contacts.check(v, ctx);
    if (v.doses().isEmpty()) {
      ctx.report(Rule.CNT_NO_VACCINATIONS, v.pid() == null ? v.msh().location() : v.pid().location(),
          "This VXU has no vaccination (ORC/RXA); send patient updates together with the vaccinations they concern.");
    }
    Map<String, Segment> orderIds = new HashMap<>();
    for (Segment orc : m.segments("ORC")) {
      String id = orc.component(3, 1).trim() + "^" + orc.component(3, 2).trim();
      if (!orc.isEmpty(3) && orderIds.putIfAbsent(id, orc) != null) {
        ctx.report(Rule.CNT_DUPLICATE_ORDER_ID, orc.at(3), "ORC-3 '" + abbreviate(orc.field(3))
            + "' is used by another vaccination in this message; each needs its own filler order number.");
      }
    }
    Map<String, Dose> seen = new HashMap<>();
    for (Dose d : v.doses()) {
      vaccinations.check(v, d, ctx);
      observations.check(v, d, ctx);
      if (d.given() && !d.deletion() && d.cvx() != null && d.date() != null) {
        Dose earlier = seen.putIfAbsent(d.cvx() + "@" + d.date(), d);
        if (earlier != null) {
          ctx.report(Rule.CNT_DUPLICATE_DOSE, d.rxa().at(5), "CVX " + d.cvx() + " on " + d.date() + " is already reported by RXA #"
              + earlier.rxa().sequence() + " of this message; send each dose once.");
        }
      }
    }
  }
}
