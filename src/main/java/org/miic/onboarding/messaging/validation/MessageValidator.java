package org.miic.onboarding.messaging.validation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.miic.onboarding.messaging.validation.Hl7Text.Segment;
import org.miic.onboarding.messaging.validation.content.ContentRules;
import org.miic.onboarding.messaging.validation.profile.DataTypes;
import org.miic.onboarding.messaging.validation.profile.MessageProfile;
import org.miic.onboarding.messaging.validation.profile.ProfileChecker;
import org.springframework.stereotype.Service;

/**
 * Validates VXU^V04 (Z22) and QBP^Q11 (Z34, Z44) messages against HL7 2.5.1 and the CDC Implementation Guide for
 * Immunization Messaging R1.5: the header first (type, version, processing id: a message MIIC cannot process is
 * rejected), the structure on HAPI's v2.5.1 classes, then the message profile (usage, cardinality, data types, value
 * sets, conditions and precision of every segment, field and component, from {@code src/main/resources/profiles}),
 * then content. It never throws on bad input: every problem is a finding.
 */
@Service
public class MessageValidator {

  private final ContentRules content;
  private final ProfileChecker checker;
  private final MessageProfile z22;
  private final MessageProfile z34;
  private final MessageProfile z44;
  private final ValidationProperties properties;
  private final Clock clock;

  public MessageValidator(CodeTables tables, Codebase codebase, ValidationProperties properties, Clock clock) {
    this.content = new ContentRules(tables, codebase, properties);
    this.checker = new ProfileChecker(DataTypes.load(), tables.valueSets());
    this.z22 = MessageProfile.load("z22-vxu.tsv");
    this.z34 = MessageProfile.load("z34-qbp.tsv");
    this.z44 = MessageProfile.load("z44-qbp.tsv");
    this.properties = properties;
    this.clock = clock;
  }

  public ValidationResult validate(String text) {
    ValidationContext ctx = new ValidationContext(properties);
    Hl7Text m = Hl7Text.of(text);
    if (ConformanceRules.header(m, ctx)) {
      String type = m.msh().component(9, 1).trim();
      // The structure is checked against the IG's message profile (segment groups, order, cardinality, every field):
      // stricter than HAPI's lenient parse, which found nothing more on any sample and cost a third of the CPU of
      // a message (issue 9). HAPI stays the reference parser of what MIIC sends, in the tests.
      if ("VXU".equals(type)) {
        var violations = checker.check(m, z22);
        ConformanceRules.vxu(m, ctx);
        content.vxu(m, ctx, LocalDateTime.now(clock));
        ProfileFindings.report(violations, m, ctx);
      } else {
        var violations = checker.check(m, queryProfile(m));
        ConformanceRules.qbp(m, ctx);
        ProfileFindings.report(violations, m, ctx);
      }
    }
    return result(m, ctx);
  }

  /** Z44 when the query names it (QPD-1, else MSH-21); Z34 otherwise. */
  private MessageProfile queryProfile(Hl7Text m) {
    Segment qpd = m.first("QPD");
    String name = qpd == null ? "" : qpd.code(1);
    if ("Z44".equals(name)) {
      return z44;
    }
    if ("Z34".equals(name)) {
      return z34;
    }
    for (int rep = 1; rep <= m.msh().repetitionCount(21); rep++) {
      if ("Z44".equals(m.msh().component(21, rep, 1).trim())) {
        return z44;
      }
    }
    return z34;
  }

  /** Input that is not text at all (not UTF-8, binary): rejected with the reason, without looking further. */
  public ValidationResult unreadable(String reason) {
    return unreadable("", reason);
  }

  /**
   * A message of a batch that cannot be taken (too large, not UTF-8, binary) but whose MSH segment was read: rejected
   * with the reason, the acknowledgement addressed to its sender and echoing its control id.
   */
  public ValidationResult unreadable(String msh, String reason) {
    ValidationContext ctx = new ValidationContext(properties);
    ctx.report(Rule.FMT_NOT_HL7, Hl7Location.segment("MSH", 1), reason);
    return result(Hl7Text.of(msh), ctx);
  }

  /** The message must parse into HAPI's HL7 2.5.1 structure for its type; HAPI's own validation stays off. */
  /** Conformance findings first, then content, each in the order found. */
  private static final Comparator<Finding> ORDER = Comparator.comparing(f -> f.rule().startsWith("CNT-"));

  private static ValidationResult result(Hl7Text m, ValidationContext ctx) {
    List<Finding> findings = ctx.findings().stream().sorted(ORDER).toList();
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
