package org.miic.onboarding.messaging.validation.content;

import static org.miic.onboarding.messaging.validation.Echo.abbreviate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.miic.onboarding.messaging.validation.CodeTables;
import org.miic.onboarding.messaging.validation.Codebase;
import org.miic.onboarding.messaging.validation.Codebase.Code;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.Hl7Timestamp;
import org.miic.onboarding.messaging.validation.Observations;
import org.miic.onboarding.messaging.validation.Rule;
import org.miic.onboarding.messaging.validation.ValidationContext;
import org.miic.onboarding.messaging.validation.content.Vxu.Dose;

/** The observations of a vaccination (OBX): VFC eligibility and funding source, the VIS, immunity, contraindications, reactions. */
final class ObservationRules {

  static final String CONTRAINDICATION = "30945-0";
  static final String IMMUNITY = "59784-9";
  static final String REACTION = "31044-1";
  private static final Set<String> VFC_ELIGIBLE = Set.of("V02", "V03", "V04", "V05");
  private static final Set<String> CODED = Set.of("CE", "CWE", "CNE");
  private static final Set<String> DATES = Set.of("TS", "DT", "DTM");
  private static final Map<String, Set<String>> VALUE_TYPES = Map.of(Observations.VFC_ELIGIBILITY, CODED, Observations.FUNDING_SOURCE, CODED,
      Observations.VIS_DOCUMENT, CODED, Observations.VIS_VACCINE_TYPE, CODED, Observations.VIS_PUBLISHED, DATES, Observations.VIS_PRESENTED, DATES,
      CONTRAINDICATION, CODED, IMMUNITY, CODED, REACTION, CODED);

  private final CodeTables tables;
  private final Codebase codebase;

  ObservationRules(CodeTables tables, Codebase codebase) {
    this.tables = tables;
    this.codebase = codebase;
  }

  void check(Vxu v, Dose d, ValidationContext ctx) {
    for (Segment o : d.obx()) {
      identifier(o, ctx);
    }
    eligibility(v, d, ctx);
    funding(d, ctx);
    vis(v, d, ctx);
    coded(d, CONTRAINDICATION, Codebase.Set.CONTRAINDICATION, Rule.CNT_CONTRAINDICATION_INVALID, "contraindication or precaution", ctx);
    coded(d, IMMUNITY, Codebase.Set.EVIDENCE_OF_IMMUNITY, Rule.CNT_IMMUNITY_INVALID, "disease with presumed immunity", ctx);
    coded(d, REACTION, Codebase.Set.REACTION, Rule.CNT_REACTION_INVALID, "reaction", ctx);
  }

  private void identifier(Segment o, ValidationContext ctx) {
    String id = o.code(3);
    if (id.isEmpty()) {
      return;
    }
    if (codebase.find(Codebase.Set.OBSERVATION, id).isEmpty()) {
      ctx.report(Rule.CNT_OBSERVATION_UNKNOWN, o.at(3, 1), "Observation '" + abbreviate(id) + "' is not in NIP003 (e.g. 64994-7 VFC eligibility, "
          + "30963-3 funding source, 69764-9 VIS document); MIIC cannot read it.");
      return;
    }
    Set<String> expected = VALUE_TYPES.get(id);
    String type = o.code(2);
    if (expected != null && !type.isEmpty() && !expected.contains(type)) {
      ctx.report(Rule.CNT_VALUE_TYPE_MISMATCH, o.at(2), "Observation " + id + " has value type '" + abbreviate(type) + "'; it takes "
          + String.join(" or ", expected.stream().sorted().toList()) + ".");
    }
  }

  private void eligibility(Vxu v, Dose d, ValidationContext ctx) {
    List<Segment> found = d.observations(Observations.VFC_ELIGIBILITY);
    for (Segment o : found) {
      String code = o.code(5);
      var known = tables.find("hl70064", code);
      if (known.isEmpty()) {
        ctx.report(Rule.CNT_VFC_INVALID, o.at(5), "VFC eligibility '" + abbreviate(code) + "' is not in HL7 table 0064 (V01-V07).");
      } else if ("Deprecated".equals(known.get().status())) {
        ctx.report(Rule.CNT_VFC_DEPRECATED, o.at(5), "VFC eligibility " + code + " (" + known.get().name() + ") is deprecated; use V01-V05 or V07.");
      }
      if (o.isEmpty(17)) {
        ctx.report(Rule.CNT_VFC_METHOD_MISSING, o.at(17), "OBX-17 (observation method) is required with VFC eligibility: VXC40 (per immunization) or "
            + "VXC41 (per visit).");
      }
      if (d.historical()) {
        ctx.report(Rule.CNT_VFC_ON_HISTORICAL, o.at(5), "VFC eligibility was sent for a historical dose; it applies only to doses given by the sender.");
      }
      LocalDate date = d.date();
      if (VFC_ELIGIBLE.contains(code) && v.birth() != null && date != null && !date.isBefore(v.birth())
          && Period.between(v.birth(), date).getYears() >= 19) {
        ctx.report(Rule.CNT_VFC_ADULT, o.at(5), "VFC eligibility " + code + " was sent for a patient aged " + Period.between(v.birth(), date).getYears()
            + "; VFC covers children through 18 years.");
      }
    }
    if (d.newAdministration() && v.birth() != null && d.date() != null && !d.date().isBefore(v.birth())
        && Period.between(v.birth(), d.date()).getYears() <= 18 && found.isEmpty()) {
      ctx.report(Rule.CNT_VFC_MISSING, d.rxa().location(), "No VFC eligibility (OBX 64994-7) for a dose given to a patient aged 18 or younger.");
    }
  }

  private void funding(Dose d, ValidationContext ctx) {
    List<Segment> found = d.observations(Observations.FUNDING_SOURCE);
    if (found.isEmpty()) {
      if (d.newAdministration()) {
        ctx.report(Rule.CNT_FUNDING_MISSING, d.rxa().location(), "No funding source (OBX 30963-3: VXC50 public, VXC51 private ...) for a dose given by this provider.");
      }
      return;
    }
    String eligibility = d.observations(Observations.VFC_ELIGIBILITY).stream().map(o -> o.code(5)).findFirst().orElse("");
    for (Segment o : found) {
      String code = o.code(5);
      Optional<Code> source = codebase.find(Codebase.Set.FUNDING_SOURCE, code);
      if (source.isEmpty()) {
        ctx.report(Rule.CNT_FUNDING_INVALID, o.at(5), "Funding source '" + abbreviate(code) + "' is not a CDC funding source code (VXC50 public, "
            + "VXC51 private, VXC52 other ...).");
      } else if (!eligibility.isEmpty() && !source.get().links("FINANCIAL_STATUS_CODE").isEmpty()
          && !source.get().links("FINANCIAL_STATUS_CODE").contains(eligibility)) {
        ctx.report(Rule.CNT_FUNDING_ELIGIBILITY_CONFLICT, o.at(5), "Funding source " + code + " (" + source.get().label()
            + ") does not fit VFC eligibility " + eligibility + "; a VFC-eligible child's dose comes from public stock and a privately insured "
            + "patient's from private stock.");
      }
    }
  }

  /** VIS observations grouped by OBX-4 (sub-id), as the IG pairs a VIS with its dates. */
  private void vis(Vxu v, Dose d, ValidationContext ctx) {
    Map<String, List<Segment>> groups = new LinkedHashMap<>();
    for (Segment o : d.obx()) {
      if (Observations.VIS.contains(o.code(3))) {
        groups.computeIfAbsent(o.field(4).trim(), k -> new ArrayList<>()).add(o);
      }
    }
    if (d.newAdministration() && groups.isEmpty()) {
      ctx.report(Rule.CNT_VIS_MISSING, d.rxa().location(), "No Vaccine Information Statement documented (OBX 69764-9 or 30956-7 with 29769-7) for this dose.");
    }
    LocalDate date = d.date();
    for (List<Segment> group : groups.values()) {
      Segment document = first(group, Observations.VIS_DOCUMENT);
      Segment type = first(group, Observations.VIS_VACCINE_TYPE);
      Segment published = first(group, Observations.VIS_PUBLISHED);
      Segment presented = first(group, Observations.VIS_PRESENTED);
      if (document != null) {
        String gdti = document.code(5);
        Optional<Code> doc = codebase.find(Codebase.Set.VIS_DOCUMENT, gdti);
        if (doc.isEmpty()) {
          ctx.report(Rule.CNT_VIS_DOCUMENT_UNKNOWN, document.at(5), "VIS document '" + abbreviate(gdti) + "' is not a VIS bar code (GDTI) of the CDC's VIS table.");
        } else {
          Optional<Code> newer = date == null ? Optional.empty() : newerEdition(doc.get(), date);
          if (!doc.get().valid() || newer.isPresent()) {
            ctx.report(Rule.CNT_VIS_OUTDATED, document.at(5), "VIS document " + gdti + " (" + doc.get().label() + ", edition "
                + doc.get().notBefore() + ") was not current on " + date + newer.map(n -> ": the edition of " + n.notBefore() + " (" + n.value()
                + ") was").orElse("") + "; give patients the current VIS.");
          }
          List<String> visVaccines = doc.get().links("VACCINATION_VIS_VACCINES");
          if (d.cvx() != null && !visVaccines.isEmpty() && !visVaccines.contains(d.cvx()) && !sameGroup(d.cvx(), visVaccines)) {
            ctx.report(Rule.CNT_VIS_WRONG_VACCINE, document.at(5), "VIS " + doc.get().label() + " is not for CVX " + d.cvx() + "; give the VIS of the vaccine given.");
          }
        }
      }
      if (type != null) {
        String cvx = type.code(5);
        if (codebase.find(Codebase.Set.VIS_VACCINE_TYPE, cvx).isEmpty()) {
          ctx.report(Rule.CNT_VIS_TYPE_UNKNOWN, type.at(5), "VIS vaccine type '" + abbreviate(cvx) + "' is not a CVX code with a VIS.");
        } else if (published != null) {
          Hl7Timestamp edition = Hl7Timestamp.parse(published.component(5, 1));
          if (edition.valid() && !knownEdition(cvx, edition.date())) {
            ctx.report(Rule.CNT_VIS_EDITION_UNKNOWN, published.at(5), "No " + codebase.find(Codebase.Set.VIS_VACCINE_TYPE, cvx).get().label()
                + " edition was published on " + edition.date() + "; check the VIS edition date.");
          }
        }
      }
      Hl7Timestamp pub = published == null ? Hl7Timestamp.parse("") : Hl7Timestamp.parse(published.component(5, 1));
      Hl7Timestamp pres = presented == null ? Hl7Timestamp.parse("") : Hl7Timestamp.parse(presented.component(5, 1));
      if (pub.valid() && (pub.date().isAfter(v.today()) || (date != null && pub.date().isAfter(date)))) {
        ctx.report(Rule.CNT_VIS_PUBLISHED_FUTURE, published.at(5), "The VIS edition date " + pub.date() + " is after the "
            + (pub.date().isAfter(v.today()) ? "present day" : "vaccination date " + date) + ".");
      }
      if (presented == null && (document != null || type != null) && d.newAdministration()) {
        ctx.report(Rule.CNT_VIS_PRESENTED_MISSING, (document != null ? document : type).location(),
            "A VIS was documented without the date it was given to the patient (OBX 29769-7).");
      }
      if (pres.valid()) {
        if (pub.valid() && pres.date().isBefore(pub.date())) {
          ctx.report(Rule.CNT_VIS_PRESENTED_BEFORE_PUBLISHED, presented.at(5), "The VIS was presented on " + pres.date() + ", before its edition date "
              + pub.date() + ".");
        }
        if (date != null && pres.date().isAfter(date)) {
          ctx.report(Rule.CNT_VIS_PRESENTED_AFTER_ADMIN, presented.at(5), "The VIS was presented on " + pres.date() + ", after the vaccination on "
              + date + "; it is given before the dose.");
        }
      }
    }
  }

  /** A later edition of a VIS for the same vaccines, already published on the date of the dose. */
  private Optional<Code> newerEdition(Code doc, LocalDate date) {
    if (doc.notBefore() == null) {
      return Optional.empty();
    }
    return doc.links("VACCINATION_VIS_VACCINES").stream()
        .flatMap(cvx -> codebase.linkedTo(Codebase.Set.VIS_DOCUMENT, "VACCINATION_VIS_VACCINES", cvx).stream())
        .filter(o -> o.notBefore() != null && o.notBefore().isAfter(doc.notBefore()) && !o.notBefore().isAfter(date))
        .max(java.util.Comparator.comparing(Code::notBefore));
  }

  private boolean knownEdition(String cvx, LocalDate edition) {
    List<String> groups = codebase.find(Codebase.Set.CVX, cvx).map(c -> c.links("VACCINE_GROUP")).orElse(List.of());
    List<Code> editions = new ArrayList<>(codebase.linkedTo(Codebase.Set.VIS_DOCUMENT, "VACCINATION_VIS_VACCINES", cvx));
    for (String group : groups) {
      for (Code member : codebase.linkedTo(Codebase.Set.CVX, "VACCINE_GROUP", group)) {
        editions.addAll(codebase.linkedTo(Codebase.Set.VIS_DOCUMENT, "VACCINATION_VIS_VACCINES", member.value()));
      }
    }
    return editions.isEmpty() || editions.stream().anyMatch(doc -> edition.equals(doc.notBefore()));
  }

  private boolean sameGroup(String cvx, List<String> others) {
    List<String> groups = codebase.find(Codebase.Set.CVX, cvx).map(c -> c.links("VACCINE_GROUP")).orElse(List.of());
    return others.stream().anyMatch(o -> codebase.find(Codebase.Set.CVX, o).map(c -> c.links("VACCINE_GROUP")).orElse(List.of()).stream()
        .anyMatch(groups::contains));
  }

  private void coded(Dose d, String loinc, Codebase.Set set, Rule rule, String what, ValidationContext ctx) {
    for (Segment o : d.observations(loinc)) {
      String code = o.code(5);
      if (!code.isEmpty() && codebase.find(set, code).isEmpty()) {
        ctx.report(rule, o.at(5), "'" + abbreviate(code) + "' is not a known " + what + " code for observation " + loinc + ".");
      }
    }
  }

  private static Segment first(List<Segment> group, String loinc) {
    return group.stream().filter(o -> loinc.equals(o.code(3))).findFirst().orElse(null);
  }
}
