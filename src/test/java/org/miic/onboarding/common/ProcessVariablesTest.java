package org.miic.onboarding.common;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** A variable is written only when its value changes: the same value is still an update and a history row. */
class ProcessVariablesTest {

  private final VariableScope scope = mock(VariableScope.class);

  @Test
  void theSameValueIsNotWrittenAgain() {
    when(scope.hasVariable("testFormat")).thenReturn(true);
    when(scope.getVariable("testFormat")).thenReturn(true);
    ProcessVariables.setIfChanged(scope, "testFormat", true);
    verify(scope, never()).setVariable("testFormat", true);
  }

  @Test
  void anotherValueIsWritten() {
    when(scope.hasVariable("testFormat")).thenReturn(true);
    when(scope.getVariable("testFormat")).thenReturn(true);
    ProcessVariables.setIfChanged(scope, "testFormat", false);
    verify(scope).setVariable("testFormat", false);
  }

  @Test
  void aMissingVariableIsCreatedEvenWhenItsValueIsNull() {
    // Expressions name it later ("${changeOfRequestId == null}"): it has to exist, not only read as null.
    when(scope.hasVariable("changeOfRequestId")).thenReturn(false);
    ProcessVariables.setIfChanged(scope, "changeOfRequestId", null);
    verify(scope).setVariable("changeOfRequestId", null);
  }

  @Test
  void aNumberOfAnotherTypeIsWritten() {
    when(scope.hasVariable("agreementId")).thenReturn(true);
    when(scope.getVariable("agreementId")).thenReturn(7);
    ProcessVariables.setIfChanged(scope, "agreementId", 7L);
    verify(scope).setVariable("agreementId", 7L);
  }
}
