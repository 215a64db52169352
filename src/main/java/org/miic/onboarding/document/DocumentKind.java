package org.miic.onboarding.document;

/** What an organization uploads on its documents page. */
public enum DocumentKind {
  /** The MIIC User Agreement, signed by the authorized representative: a PDF. */
  SIGNED_AGREEMENT("Signed MIIC User Agreement"),
  /** Material the worksheet refers to (interface specifications, sample messages, rosters). */
  SUPPLEMENTAL("Supplemental material");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
