package org.miic.onboarding.messaging.validation;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.springframework.stereotype.Service;

/**
 * Validates VXU^V04 (Z22) and QBP^Q11 (Z34, Z44) messages against HL7 2.5.1 and the CDC Implementation Guide for
 * Immunization Messaging R1.5: conformance first (type, version, profile, structure on HAPI's v2.5.1 classes, required
 * segments and fields, data types), then content quality. It never throws on bad input: every problem is a finding.
 */
@Service
public class MessageValidator {

  private final PipeParser parser;
  private final QualityRules quality;
  private final ValidationProperties properties;
  private final Clock clock;

  public MessageValidator(CodeTables tables, ValidationProperties properties, Clock clock) {
    HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    hapi.setValidationContext(ValidationContextFactory.noValidation());
    this.parser = hapi.getPipeParser();
    this.quality = new QualityRules(tables, properties);
    this.properties = properties;
    this.clock = clock;
  }

  public ValidationResult validate(String text) {
    ValidationContext ctx = new ValidationContext(properties);
    Hl7Text m = Hl7Text.of(text);
    if (ConformanceRules.header(m, ctx)) {
      String type = m.msh().component(9, 1).trim();
      if (structureParses(text, type, ctx)) {
        if ("VXU".equals(type)) {
          ConformanceRules.vxu(m, ctx);
          quality.vxu(m, ctx, LocalDateTime.now(clock));
        } else {
          ConformanceRules.qbp(m, ctx);
        }
      }
    }
    return result(m, ctx);
  }

  /** Input that is not text at all (not UTF-8, binary): rejected with the reason, without looking further. */
  public ValidationResult unreadable(String reason) {
    ValidationContext ctx = new ValidationContext(properties);
    ctx.report(Rule.FMT_NOT_HL7, Hl7Location.segment("MSH", 1), reason);
    return result(Hl7Text.of(""), ctx);
  }

  /** The message must parse into HAPI's HL7 2.5.1 structure for its type; HAPI's own validation stays off. */
  private boolean structureParses(String text, String type, ValidationContext ctx) {
    try {
      Message parsed = parser.parse(text.replace("\r\n", "\r").replace('\n', '\r').strip());
      String expected = "VXU".equals(type) ? "VXU_V04" : "QBP_Q11";
      if (!expected.equals(parsed.getName())) {
        ctx.report(Rule.FMT_STRUCTURE, Hl7Location.field("MSH", 1, 9), "The message parsed as " + parsed.getName() + ", not " + expected + ".");
        return false;
      }
      return true;
    } catch (HL7Exception | RuntimeException e) {
      ctx.report(Rule.FMT_STRUCTURE, Hl7Location.segment("MSH", 1), "The message could not be read as HL7 2.5.1 " + type + ": "
          + ConformanceRules.abbreviate(String.valueOf(e.getMessage())) + ".");
      return false;
    }
  }

  private static ValidationResult result(Hl7Text m, ValidationContext ctx) {
    List<Finding> findings = ctx.findings();
    ValidationResult.AckCode ack = ctx.rejected() ? ValidationResult.AckCode.AR
        : findings.stream().anyMatch(Finding::isError) ? ValidationResult.AckCode.AE : ValidationResult.AckCode.AA;
    Segment msh = m.msh();
    String profile = msh == null ? "" : msh.component(21, 1).trim();
    return new ValidationResult(ack,
        msh == null ? "" : msh.component(9, 1).trim(),
        msh == null ? "" : msh.component(9, 2).trim(),
        profile,
        msh == null ? "" : msh.component(10, 1).trim(),
        msh == null ? "" : msh.component(11, 1).trim(),
        msh == null ? "" : msh.component(3, 1).trim(),
        msh == null ? "" : msh.component(4, 1).trim(),
        findings, m);
  }
}
