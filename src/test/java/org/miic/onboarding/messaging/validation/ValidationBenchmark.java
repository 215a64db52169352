package org.miic.onboarding.messaging.validation;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole validation (conformance, content rules, Z23 ACK) against HAPI's bare PipeParser.parse, on the same inbound
 * sample messages (the VXU and QBP samples of expected-outcomes.tsv). The ratio parse / (validate + ACK) is the goal
 * metric: at least 0.5, i.e. validating costs at most twice a bare parse. Run: ./mvnw -q test-compile exec:exec
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {

  private List<String> messages;
  private PipeParser parser;
  private MessageValidator validator;
  private AckBuilder acks;

  @Setup
  public void setUp() throws IOException {
    messages = new ArrayList<>();
    try (InputStream in = ValidationBenchmark.class.getResourceAsStream("/hl7/expected-outcomes.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] c = line.split("\t");
        if (c.length > 1 && "inbound".equals(c[1])) {
          messages.add(Hl7Fixtures.sample(c[0]).replace("\r\n", "\r").replace('\n', '\r'));
        }
      }
    }
    HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    hapi.setValidationContext(ValidationContextFactory.noValidation());
    parser = hapi.getPipeParser();
    validator = Hl7Fixtures.validator();
    acks = new AckBuilder(Hl7Fixtures.TABLES, Hl7Fixtures.CLOCK);
  }

  /** HAPI's bare parse of every sample (a sample HAPI cannot parse costs what the failed attempt costs). */
  @Benchmark
  public void bareParse(Blackhole bh) {
    for (String m : messages) {
      try {
        bh.consume(parser.parse(m));
      } catch (HL7Exception e) {
        bh.consume(e);
      }
    }
  }

  /** What MIIC does with every sample: validate and build the acknowledgement. */
  @Benchmark
  public void validateAndAck(Blackhole bh) {
    for (String m : messages) {
      bh.consume(acks.ack(validator.validate(m)));
    }
  }

  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new OptionsBuilder().include(ValidationBenchmark.class.getSimpleName()).build()).run();
    double parse = 0;
    double validate = 0;
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      if (r.getParams().getBenchmark().endsWith("bareParse")) {
        parse = score;
      } else {
        validate = score;
      }
    }
    String summary = String.format(Locale.US, "samples: %d inbound messages per operation%nbare parse: %.1f us/op%nvalidate + ACK: %.1f us/op%n"
        + "ratio (parse / validate+ACK): %.2f (goal: at least 0.50)%n", new ValidationBenchmark().count(), parse, validate, parse / validate);
    System.out.print(summary);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "benchmark-ratio.txt"), summary);
  }

  private int count() throws IOException {
    setUp();
    return messages.size();
  }
}
