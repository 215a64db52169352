package org.miic.onboarding.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read at most once per transaction: for data that only its own writes change within a transaction (a worksheet
 * version is inserted, never updated), so the steps of one engine transaction (a delegate, a task listener, an email)
 * share one read instead of each reading again. Outside a transaction every call reads. A transaction started inside
 * another (REQUIRES_NEW) has its own values; all are dropped when the transaction ends, committed or not.
 */
public final class TransactionScopedCache<K, V> {

  public V get(K key, Function<K, V> loader) {
    Map<K, V> values = values(true);
    if (values == null) {
      return loader.apply(key);
    }
    if (values.containsKey(key)) {
      return values.get(key);
    }
    V value = loader.apply(key);
    values.put(key, value);
    return value;
  }

  /** Forgets the key's value in this transaction (call it where the transaction itself changes the row). */
  public void evict(K key) {
    Map<K, V> values = values(false);
    if (values != null) {
      values.remove(key);
    }
  }

  private Map<K, V> values(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    // The synchronizations belong to the current transaction (a nested REQUIRES_NEW one starts with none of the outer's).
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Values<?, ?> held && held.owner == this) {
        @SuppressWarnings("unchecked")
        Map<K, V> values = (Map<K, V>) held.values;
        return values;
      }
    }
    if (!create) {
      return null;
    }
    Values<K, V> held = new Values<>(this);
    TransactionSynchronizationManager.registerSynchronization(held);
    return held.values;
  }

  private static final class Values<K, V> implements TransactionSynchronization {
    private final TransactionScopedCache<K, V> owner;
    private final Map<K, V> values = new HashMap<>();

    private Values(TransactionScopedCache<K, V> owner) {
      this.owner = owner;
    }

    @Override
    public void afterCompletion(int status) {
      values.clear();
    }
  }
}
