package org.miic.onboarding.worksheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A worksheet version as labelled fields, and what changed between two versions: for the staff workspace. */
public final class WorksheetFields {

  private WorksheetFields() {}

  /** One field that changed from one version to the next. */
  public record Change(String field, String before, String after) {}

  /** Every field of the version, labelled as staff read it, in the worksheet's order. */
  public static Map<String, String> of(Worksheet w) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Organization name", w.organizationName());
    f.put("Organization type", w.organizationType().label());
    f.put("Request", w.requestType().label());
    f.put("MnVFC PIN", w.mnvfcEnrolled() ? w.mnvfcPin() : "not enrolled");
    f.put("Immunizations per year", String.valueOf(w.immunizationsPerYear()));
    f.put("Source system (EHR)", w.ehrVendor() + " " + w.ehrProduct() + (w.ehrVersion() == null ? "" : " " + w.ehrVersion()));
    f.put("Message format", w.messageFormat().label() + (w.messageFormatOther() == null ? "" : " (" + w.messageFormatOther() + ")"));
    f.put("Transport", w.transport().label() + (w.transportOther() == null ? "" : " (" + w.transportOther() + ")"));
    f.put("Submission", w.submissionMode().label());
    f.put("Receives acknowledgements", w.receivesAcks() ? "yes" : "no");
    f.put("Sends queries", w.sendsQueries() ? "yes" : "no");
    f.put("Primary contact", person(w.primary()));
    f.put("Technical contact", person(w.technical()));
    f.put("Authorized representative", person(w.representative()));
    for (int i = 0; i < w.submittingFor().size(); i++) {
      Worksheet.SubmittingFor s = w.submittingFor().get(i);
      f.put("Submits for #" + (i + 1), s.name() + (s.facilityId().isBlank() ? "" : " (facility ID " + s.facilityId() + ")"));
    }
    if (w.submittingFor().isEmpty()) {
      f.put("Submits for", "no facility listed");
    }
    f.put("Supplemental materials", w.hasSupplementalMaterials() ? w.supplementalMaterials() : "none");
    f.put("Notes", w.notes() == null ? "" : w.notes());
    return f;
  }

  /** The fields that differ between two versions (added, removed or changed), in the worksheet's order. */
  public static List<Change> changes(Worksheet before, Worksheet after) {
    Map<String, String> a = of(before);
    Map<String, String> b = of(after);
    Set<String> fields = new LinkedHashSet<>(b.keySet());
    fields.addAll(a.keySet());
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      String was = a.getOrDefault(field, "");
      String is = b.getOrDefault(field, "");
      if (!Objects.equals(was, is)) {
        changes.add(new Change(field, was, is));
      }
    }
    return changes;
  }

  private static String person(Worksheet.Person p) {
    return p.name() + ", " + p.email() + ", " + p.phone();
  }
}
