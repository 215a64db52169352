package org.miic.onboarding.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.miic.onboarding.common.SimplePdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The MIIC User Agreement an authorized representative downloads, signs and uploads. MIIC's own document
 * ({@code miic.agreement.document}, a PDF file) when configured; otherwise a form written here with the organization's
 * name filled in, stating the terms this application enforces (three-year term, data use, quality) and the lines to
 * sign.
 */
@Component
public class AgreementForm {

  private final Path configured;
  private final AgreementProperties properties;

  public AgreementForm(@Value("${miic.agreement.document:}") String configured, AgreementProperties properties) {
    this.configured = configured == null || configured.isBlank() ? null : Path.of(configured.trim());
    this.properties = properties;
  }

  public byte[] pdf(String organizationName, String trackingId, LocalDate today) {
    if (configured != null) {
      try {
        return Files.readAllBytes(configured);
      } catch (IOException e) {
        throw new UncheckedIOException("The MIIC User Agreement file " + configured + " (miic.agreement.document) cannot be read", e);
      }
    }
    int years = properties.termYears();
    return new SimplePdf()
        .title("MIIC User Agreement")
        .paragraph("Minnesota Immunization Information Connection (MIIC), Minnesota Department of Health")
        .paragraph("Organization: " + organizationName)
        .paragraph("Request tracking id: " + trackingId + "    Prepared on " + today.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)))
        .heading("1. Purpose")
        .paragraph("This agreement allows the organization named above to exchange immunization data with MIIC, the Minnesota "
            + "immunization information system: to submit the immunizations it gives or records, and, where agreed, to query "
            + "MIIC for its patients' immunization histories.")
        .heading("2. Use of MIIC data")
        .paragraph("The organization uses data from MIIC only to provide and coordinate immunization services and care for its "
            + "patients, as Minnesota law on immunization data allows, and never to sell it or use it for marketing.")
        .heading("3. Confidentiality and security")
        .paragraph("The organization keeps MIIC data confidential, gives access only to staff who need it for their work, "
            + "protects the credentials MIIC issues for data exchange, and tells MIIC at once of any loss or misuse.")
        .heading("4. Data quality")
        .paragraph("The organization submits complete, accurate and timely immunization data in the format MIIC specifies (HL7 "
            + "2.5.1 and the CDC Implementation Guide for Immunization Messaging), and corrects the data-quality issues MIIC "
            + "raises within the time MIIC asks.")
        .heading("5. Term")
        .paragraph("This agreement runs " + years + " years from the date it is signed and is renewed by signing a new agreement. "
            + "Data exchange stops when the agreement lapses without renewal. Either party may end it with written notice.")
        .heading("6. Signature of the authorized representative")
        .paragraph("I am authorized to sign this agreement for the organization named above, and the organization agrees to it.")
        .field("Name:")
        .field("Title:")
        .field("Email:")
        .field("Signature:")
        .field("Date signed:")
        .paragraph(" ")
        .paragraph("Upload the signed agreement (scanned or signed electronically, as a PDF) on the request's documents page; "
            + "MIIC onboarding staff record it.")
        .toBytes();
  }
}
