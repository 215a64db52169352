package org.miic.onboarding.messaging;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.DataTypeException;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.model.v251.segment.ERR;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.parser.PipeParser;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement (ACK^V04^ACK, profile Z23) the CDC IG R1.5 prescribes: MSA-1 AA, AE or AR with MSA-2 echoing
 * the message's control id, and one ERR per finding with ERR-2 (location), ERR-3 (HL7 0357), ERR-4 (severity), ERR-5
 * (0533 application error) and ERR-8 (what to fix). Built on HAPI's v2.5.1 model, so every value is escaped.
 */
@Component
public class AckBuilder {

  private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
  static final String APPLICATION = "MIIC";

  private final CodeTables tables;
  private final Clock clock;
  private final PipeParser encoder = PipeParser.getInstanceWithNoValidation();

  public AckBuilder(CodeTables tables, Clock clock) {
    this.tables = tables;
    this.clock = clock;
  }

  public String ack(ValidationResult result) {
    try {
      ACK ack = new ACK();
      MSH msh = ack.getMSH();
      msh.getFieldSeparator().setValue("|");
      msh.getEncodingCharacters().setValue("^~\\&");
      msh.getSendingApplication().getNamespaceID().setValue(APPLICATION);
      msh.getSendingFacility().getNamespaceID().setValue(APPLICATION);
      msh.getReceivingApplication().getNamespaceID().setValue(safe(result.sendingApplication()));
      msh.getReceivingFacility().getNamespaceID().setValue(safe(result.sendingFacility()));
      msh.getDateTimeOfMessage().getTime().setValue(HL7_TIME.format(ZonedDateTime.now(clock)));
      msh.getMessageType().getMessageCode().setValue("ACK");
      msh.getMessageType().getTriggerEvent().setValue(result.triggerEvent().isEmpty() ? "V04" : safe(result.triggerEvent()));
      msh.getMessageType().getMessageStructure().setValue("ACK");
      msh.getMessageControlID().setValue(UUID.randomUUID().toString());
      msh.getProcessingID().getProcessingID().setValue(processingId(result.processingId()));
      msh.getVersionID().getVersionID().setValue("2.5.1");
      msh.getAcceptAcknowledgmentType().setValue("NE");
      msh.getApplicationAcknowledgmentType().setValue("NE");
      msh.getMessageProfileIdentifier(0).getEntityIdentifier().setValue("Z23");
      msh.getMessageProfileIdentifier(0).getNamespaceID().setValue("CDCPHINVS");
      ack.getMSA().getAcknowledgmentCode().setValue(result.ackCode().name());
      ack.getMSA().getMessageControlID().setValue(safe(result.controlId()));
      int i = 0;
      for (Finding f : result.findings()) {
        fill(ack.getERR(i++), f);
      }
      return encoder.encode(ack);
    } catch (HL7Exception e) {
      throw new IllegalStateException("Building the acknowledgement failed", e);
    }
  }

  private void fill(ERR err, Finding f) throws DataTypeException {
    Hl7Location at = f.location();
    err.getErrorLocation(0).getSegmentID().setValue(at.segment());
    if (at.field() > 0) {
      err.getErrorLocation(0).getSegmentSequence().setValue(String.valueOf(at.sequence()));
      err.getErrorLocation(0).getFieldPosition().setValue(String.valueOf(at.field()));
      if (at.repetition() > 0 || at.component() > 0) {
        err.getErrorLocation(0).getFieldRepetition().setValue(String.valueOf(Math.max(1, at.repetition())));
      }
      if (at.component() > 0) {
        err.getErrorLocation(0).getComponentNumber().setValue(String.valueOf(at.component()));
      }
    }
    err.getHL7ErrorCode().getIdentifier().setValue(f.hl7ErrorCode());
    err.getHL7ErrorCode().getText().setValue(tables.name("hl70357", f.hl7ErrorCode()));
    err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
    err.getSeverity().setValue(f.severity().hl7());
    if (f.applicationErrorCode() != null) {
      err.getApplicationErrorCode().getIdentifier().setValue(f.applicationErrorCode());
      err.getApplicationErrorCode().getText().setValue(tables.name("hl70533", f.applicationErrorCode()));
      err.getApplicationErrorCode().getNameOfCodingSystem().setValue("HL70533");
    }
    err.getUserMessage().setValue(f.rule() + ": " + f.message());
  }

  private static String processingId(String inbound) {
    return "P".equals(inbound) || "T".equals(inbound) || "D".equals(inbound) ? inbound : "P";
  }

  /** Values echoed from a message that may be hostile: printable, bounded. */
  private static String safe(String s) {
    String clean = s == null ? "" : s.replaceAll("[\\p{Cntrl}]", "");
    return clean.length() > 199 ? clean.substring(0, 199) : clean;
  }

}
