package org.miic.onboarding.messaging.evidence;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.miic.onboarding.common.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores received messages in batches (issue 9): every message thread hands its row to a writer and waits until the
 * row is committed, so the acknowledgement still goes out only after the message is stored; the writer takes what has
 * arrived meanwhile (up to {@code miic.messaging.write-batch}, 64) and stores it in one transaction, with one batch of
 * message rows and one of finding rows. Sixteen senders at once cost one commit instead of sixteen. A batch that fails
 * is stored again row by row, so that one bad row never loses the others; a row that still fails is that message's
 * error alone (its sender gets a 500, nothing is half-stored).
 */
@Component
public class MessageWriter {

  private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);

  private static final String MESSAGE_SQL = "insert into miic_test_message (organization_id, request_id, credential_id, phase, channel, "
      + "received_at, message_type, control_id, ack_code, error_count, warning_count, scenarios, message, ack, received_day, "
      + "administered_doses, report_delay_days, expected_fields, present_fields) "
      + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String FINDING_SQL = "insert into miic_test_finding (message_id, rule, severity, location, hl7_error_code, "
      + "application_error_code, text) values (?, ?, ?, ?, ?, ?, ?)";

  /** One message as stored, with its findings. */
  public record Row(long organizationId, Long requestId, long credentialId, String phase, String channel, java.time.Instant receivedAt,
      java.time.LocalDate receivedDay, org.miic.onboarding.quality.MessageMeasures measures, String messageType, String controlId, String ackCode, int errorCount, int warningCount, String scenarios, String message,
      String ack, List<FindingRow> findings, Object storedEvent) {}

  /** One finding as stored. */
  public record FindingRow(String rule, String severity, String location, String hl7ErrorCode, String applicationErrorCode, String text) {}

  private record Pending(Row row, CompletableFuture<Long> stored) {}

  private final BlockingQueue<Pending> queue;
  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final int batch;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running = true;

  public MessageWriter(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
      @Value("${miic.messaging.write-batch:64}") int batch, @Value("${miic.messaging.writers:2}") int writerCount) {
    this.dataSource = dataSource;
    this.transaction = new TransactionTemplate(transactions);
    this.events = events;
    this.batch = Math.max(1, batch);
    this.queue = new ArrayBlockingQueue<>(Math.max(1024, this.batch * 32));
    for (int i = 0; i < Math.max(1, writerCount); i++) {
      Thread t = new Thread(this::run, "message-writer-" + i);
      t.setDaemon(true);
      t.start();
      writers.add(t);
    }
  }

  /** Stores the row and returns its id once committed; throws when it could not be stored. */
  public long store(Row row) {
    CompletableFuture<Long> stored = new CompletableFuture<>();
    try {
      if (!running || !queue.offer(new Pending(row, stored), 30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The message store is not taking messages now; try again.");
      }
      return stored.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the message was stored", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The message was not stored in time; try again.", e);
    }
  }

  private void run() {
    List<Pending> taken = new ArrayList<>(batch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, batch - 1);
        write(taken);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Message writer failed; the waiting messages get an error and their senders retry", e);
        taken.forEach(p -> p.stored().completeExceptionally(e));
      } finally {
        taken.clear();
      }
    }
  }

  private void write(List<Pending> taken) {
    List<Long> ids;
    try {
      ids = transaction.execute(status -> insert(taken.stream().map(Pending::row).toList()));
    } catch (RuntimeException batchFailed) {
      if (taken.size() == 1) {
        taken.get(0).stored().completeExceptionally(batchFailed);
        return;
      }
      LOG.warn("A batch of {} messages failed ({}); storing them one by one", taken.size(), batchFailed.toString());
      for (Pending p : taken) {
        try {
          long id = transaction.execute(status -> insert(List.of(p.row()))).get(0);
          done(p, id);
        } catch (RuntimeException rowFailed) {
          p.stored().completeExceptionally(rowFailed);
        }
      }
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      done(taken.get(i), ids.get(i));
    }
  }

  private void done(Pending p, long id) {
    if (p.row().storedEvent() != null) {
      events.publishEvent(p.row().storedEvent());
    }
    p.stored().complete(id);
  }

  /** Inserts the rows (in the surrounding transaction): one batch of messages, one of their findings. */
  private List<Long> insert(List<Row> rows) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    List<Long> ids = new ArrayList<>(rows.size());
    try (PreparedStatement ps = c.prepareStatement(MESSAGE_SQL, new String[] {"id"})) {
      for (Row r : rows) {
        ps.setLong(1, r.organizationId());
        if (r.requestId() == null) {
          ps.setNull(2, Types.BIGINT);
        } else {
          ps.setLong(2, r.requestId());
        }
        ps.setLong(3, r.credentialId());
        ps.setString(4, r.phase());
        ps.setString(5, r.channel());
        ps.setTimestamp(6, Db.ts(r.receivedAt()));
        ps.setString(7, r.messageType());
        ps.setString(8, r.controlId());
        ps.setString(9, r.ackCode());
        ps.setInt(10, r.errorCount());
        ps.setInt(11, r.warningCount());
        ps.setString(12, r.scenarios());
        ps.setString(13, r.message());
        ps.setString(14, r.ack());
        ps.setObject(15, r.receivedDay());
        ps.setInt(16, r.measures().administeredDoses());
        ps.setObject(17, r.measures().reportDelayDays(), Types.INTEGER);
        ps.setInt(18, r.measures().expectedFields());
        ps.setInt(19, r.measures().presentFields());
        ps.addBatch();
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
      if (ids.size() != rows.size()) {
        throw new IllegalStateException("The database returned " + ids.size() + " ids for " + rows.size() + " messages");
      }
      try (PreparedStatement fs = c.prepareStatement(FINDING_SQL)) {
        int pending = 0;
        for (int i = 0; i < rows.size(); i++) {
          for (FindingRow f : rows.get(i).findings()) {
            fs.setLong(1, ids.get(i));
            fs.setString(2, f.rule());
            fs.setString(3, f.severity());
            fs.setString(4, f.location());
            fs.setString(5, f.hl7ErrorCode());
            fs.setString(6, f.applicationErrorCode());
            fs.setString(7, f.text());
            fs.addBatch();
            if (++pending % 1000 == 0) {
              fs.executeBatch();
            }
          }
        }
        if (pending % 1000 != 0) {
          fs.executeBatch();
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Storing " + rows.size() + " messages failed: " + e.getMessage(), e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : writers) {
      t.join(10_000);
    }
  }
}
