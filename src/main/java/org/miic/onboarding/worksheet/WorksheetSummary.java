package org.miic.onboarding.worksheet;

import java.util.List;

/** The worksheet and its findings as Markdown, for the staff task forms in Tasklist. */
public final class WorksheetSummary {

  private WorksheetSummary() {}

  public static String markdown(Worksheet w) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(escape(w.organizationName())).append("** (").append(w.organizationType().label())
        .append(") — worksheet version ").append(w.version()).append("\n\n");
    md.append("- **Request:** ").append(w.requestType().label()).append('\n');
    md.append("- **MnVFC PIN:** ").append(w.mnvfcEnrolled() ? escape(w.mnvfcPin()) : "not enrolled").append('\n');
    md.append("- **Immunizations per year:** ").append(w.immunizationsPerYear()).append('\n');
    md.append("- **Source system (EHR):** ").append(escape(w.ehrVendor())).append(' ').append(escape(w.ehrProduct()))
        .append(w.ehrVersion() == null ? "" : " " + escape(w.ehrVersion())).append('\n');
    md.append("- **Format:** ").append(w.messageFormat().label())
        .append(w.messageFormatOther() == null ? "" : " (" + escape(w.messageFormatOther()) + ")").append('\n');
    md.append("- **Transport:** ").append(w.transport().label())
        .append(w.transportOther() == null ? "" : " (" + escape(w.transportOther()) + ")").append('\n');
    md.append("- **Capabilities:** ").append(w.submissionMode().label())
        .append(w.receivesAcks() ? ", receives ACKs" : ", no ACKs").append(w.sendsQueries() ? ", sends queries" : ", no queries")
        .append('\n');
    md.append("- **Primary contact:** ").append(person(w.primary())).append('\n');
    md.append("- **Technical contact:** ").append(person(w.technical())).append('\n');
    md.append("- **Authorized representative:** ").append(person(w.representative())).append('\n');
    md.append("- **Submits for:** ");
    if (w.submittingFor().isEmpty()) {
      md.append("no facility listed");
    } else {
      md.append(String.join("; ", w.submittingFor().stream().map(f -> escape(f.name()) + " (" + escape(f.facilityId()) + ")").toList()));
    }
    md.append('\n');
    md.append("- **Supplemental materials:** ").append(w.hasSupplementalMaterials() ? escape(w.supplementalMaterials()) : "none")
        .append('\n');
    if (w.notes() != null) {
      md.append("- **Notes:** ").append(escape(w.notes())).append('\n');
    }
    return md.toString();
  }

  public static String findings(List<CompletenessFinding> findings) {
    if (findings.isEmpty()) {
      return "The automatic check found nothing missing or inconsistent.";
    }
    StringBuilder md = new StringBuilder("The automatic check found ").append(findings.size())
        .append(findings.size() == 1 ? " item" : " items").append(":\n\n");
    for (CompletenessFinding f : findings) {
      md.append("- ").append(escape(f.message())).append(" _(").append(fieldLabel(f.field())).append(")_\n");
    }
    return md.toString();
  }

  /**
   * A worksheet field as staff read it: "supplementalMaterials" is "Supplemental materials",
   * "technicalContact.phone" is "Technical contact, phone", "submittingFor[2].facilityId" is "Submitting for #3, facility ID".
   */
  static String fieldLabel(String field) {
    if (field == null || field.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : field.split("\\.")) {
      String index = "";
      int bracket = part.indexOf('[');
      if (bracket >= 0 && part.endsWith("]")) {
        try {
          index = " #" + (Integer.parseInt(part.substring(bracket + 1, part.length() - 1)) + 1);
        } catch (NumberFormatException e) {
          index = "";
        }
        part = part.substring(0, bracket);
      }
      String words = part.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT).replace(" id", " ID")
          .replace("ehr", "EHR").replace("mnvfc", "MnVFC").replace("hl7", "HL7");
      out.append(out.length() == 0 ? "" : ", ").append(words).append(index);
    }
    return Character.toUpperCase(out.charAt(0)) + out.substring(1);
  }

  private static String person(Worksheet.Person p) {
    return escape(p.name()) + ", " + escape(p.email()) + ", " + escape(p.phone());
  }

  /** Keeps organization-typed text from being read as Markdown or HTML in the task form. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
        .replace("[", "\\[").replace("]", "\\]").replace("`", "\\`").replace("#", "\\#").replace("{", "&#123;")
        .replace("\n", " ");
  }
}
