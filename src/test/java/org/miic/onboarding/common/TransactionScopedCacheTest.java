package org.miic.onboarding.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionScopedCacheTest {

  private final DataSourceTransactionManager transactions =
      new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:transaction-cache;DB_CLOSE_DELAY=-1"));
  private final TransactionTemplate transaction = new TransactionTemplate(transactions);
  private final TransactionScopedCache<Long, String> cache = new TransactionScopedCache<>();
  private final AtomicInteger reads = new AtomicInteger();

  private String read(long key) {
    return cache.get(key, k -> "value " + k + " read " + reads.incrementAndGet());
  }

  @Test
  void outsideATransactionEveryCallReads() {
    assertThat(read(1)).isEqualTo("value 1 read 1");
    assertThat(read(1)).isEqualTo("value 1 read 2");
  }

  @Test
  void withinATransactionEachKeyIsReadOnceUntilEvicted() {
    transaction.executeWithoutResult(tx -> {
      assertThat(read(1)).isEqualTo("value 1 read 1");
      assertThat(read(1)).isEqualTo("value 1 read 1");
      assertThat(read(2)).isEqualTo("value 2 read 2");
      cache.evict(1L);
      assertThat(read(1)).isEqualTo("value 1 read 3");
      assertThat(read(2)).isEqualTo("value 2 read 2");
    });
  }

  @Test
  void theNextTransactionReadsAgainWhetherTheLastCommittedOrRolledBack() {
    transaction.executeWithoutResult(tx -> read(1));
    transaction.executeWithoutResult(tx -> {
      assertThat(read(1)).isEqualTo("value 1 read 2");
      tx.setRollbackOnly();
    });
    transaction.executeWithoutResult(tx -> assertThat(read(1)).isEqualTo("value 1 read 3"));
    assertThat(read(1)).isEqualTo("value 1 read 4");
  }

  @Test
  void aTransactionOfItsOwnInsideAnotherHasItsOwnValues() {
    TransactionTemplate own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    transaction.executeWithoutResult(tx -> {
      assertThat(read(1)).isEqualTo("value 1 read 1");
      own.executeWithoutResult(inner -> {
        assertThat(read(1)).isEqualTo("value 1 read 2");
        assertThat(read(1)).isEqualTo("value 1 read 2");
      });
      // Back in the outer transaction: its own value again.
      assertThat(read(1)).isEqualTo("value 1 read 1");
    });
  }
}
