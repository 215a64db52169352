package org.miic.onboarding.messaging.transport;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;
import org.miic.onboarding.messaging.validation.AckBuilder;
import org.miic.onboarding.messaging.validation.MessageValidator;
import org.miic.onboarding.messaging.validation.ValidationProperties;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * HL7 batch files (issue 10): every message of a batch goes through {@link MessageIntake} as if sent alone, and the
 * answer is a batch acknowledgement file with one acknowledgement per message, in the order of the messages. A few
 * messages are in process at once, so that {@code MessageWriter} commits them together, while the memory a batch needs
 * stays that of a few messages.
 */
@Service
class BatchIntake {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchIntake.class);

  /** Messages of one batch in process at once, and threads for all batches together. */
  static final int IN_FLIGHT = 8;

  private final MessageIntake intake;
  private final MessageValidator validator;
  private final AckBuilder acks;
  private final ValidationProperties properties;
  private final ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT, workerThreads());

  BatchIntake(MessageIntake intake, MessageValidator validator, AckBuilder acks, ValidationProperties properties) {
    this.intake = intake;
    this.validator = validator;
    this.acks = acks;
    this.properties = properties;
  }

  /**
   * Answers the batch as it is read: FHS and BHS, each message's acknowledgement once the message is stored, then BTS
   * with their number and FTS. A message that could not be stored is answered with an AR, and the batch goes on.
   */
  void answer(ExchangeCredential credential, BatchReader.Header header, BatchReader batch, Writer out) throws IOException {
    out.write(envelope("FHS", header.fileHeader()));
    out.write(envelope("BHS", header.batchHeader()));
    Deque<InFlight> inFlight = new ArrayDeque<>(IN_FLIGHT);
    int answered = 0;
    for (BatchReader.Message message = batch.next(); message != null; message = batch.next()) {
      if (inFlight.size() == IN_FLIGHT) {
        write(inFlight.removeFirst(), out);
        answered++;
      }
      BatchReader.Message m = message;
      inFlight.addLast(new InFlight(m.header(), workers.submit(() -> acknowledge(credential, m))));
    }
    while (!inFlight.isEmpty()) {
      write(inFlight.removeFirst(), out);
      answered++;
    }
    out.write("BTS|" + answered + "\rFTS|1\r");
    out.flush();
  }

  /** The message's acknowledgement: from {@link MessageIntake}, or an AR for a message that is not taken (and not stored). */
  private String acknowledge(ExchangeCredential credential, BatchReader.Message message) {
    if (message.tooLarge()) {
      return acks.ack(validator.unreadable(message.header(), "The message is larger than " + properties.maxMessageBytes()
          + " bytes, the most MIIC accepts for one message; it was not stored."));
    }
    String problem = Hl7Input.problem(message.text());
    return problem == null ? intake.receive(credential, MessageIntake.Channel.BATCH, message.text())
        : acks.ack(validator.unreadable(message.header(), problem));
  }

  /** A message in process: its MSH segment (to answer it however it ends) and its acknowledgement to come. */
  private record InFlight(String header, Future<String> acknowledgement) {}

  /**
   * Writes the message's acknowledgement; a message that could not be processed (its storage failed) gets an AR saying
   * so in its place, and the batch goes on: every message of the file is answered, in order.
   */
  private void write(InFlight message, Writer out) throws IOException {
    String ack;
    try {
      ack = message.acknowledgement().get();
    } catch (ExecutionException e) {
      LOG.warn("A message of a batch could not be stored: {}", e.getCause().toString());
      ack = acks.ack(validator.unreadable(message.header(), "MIIC could not store this message just now; it was not stored. Send it "
          + "again."));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a batch was answered", e);
    }
    out.write(ack);
    out.write('\r');
  }

  /** FHS or BHS of the answer, addressed to the sender of the received one (when there was one) and referring to it. */
  private String envelope(String type, String received) {
    String[] fields = received == null || received.length() < 4 ? new String[0]
        : received.split(Pattern.quote(received.substring(3, 4)), -1);
    return acks.batchHeader(type, firstComponent(fields, 3), firstComponent(fields, 4), field(fields, 11)) + '\r';
  }

  /** Field n (from 2 on) of a received FHS or BHS split at its field separator: fields[0] is the segment's name. */
  private static String field(String[] fields, int n) {
    return n - 1 < fields.length ? fields[n - 1] : "";
  }

  private static String firstComponent(String[] fields, int n) {
    String encoding = field(fields, 2);
    return field(fields, n).split(Pattern.quote(encoding.isEmpty() ? "^" : encoding.substring(0, 1)), -1)[0];
  }

  @PreDestroy
  void stop() {
    workers.shutdown();
  }

  private static ThreadFactory workerThreads() {
    CustomizableThreadFactory threads = new CustomizableThreadFactory("batch-intake-");
    threads.setDaemon(true);
    return threads;
  }
}
