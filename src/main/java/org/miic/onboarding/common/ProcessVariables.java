package org.miic.onboarding.common;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.miic.onboarding.ProcessConstants;

/** Reading the ids every delegate and listener needs from an execution or task, and writing only what changed. */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static long requestId(VariableScope scope) {
    return required(scope, ProcessConstants.VAR_REQUEST_ID);
  }

  public static long organizationId(VariableScope scope) {
    return required(scope, ProcessConstants.VAR_ORGANIZATION_ID);
  }

  /**
   * Sets the variable (where {@link VariableScope#setVariable} would) unless it already holds this value: a write of
   * the same value is still an update of the variable and a row of history, and a task completion that confirms the
   * defaults would write several (issue 9).
   */
  public static void setIfChanged(VariableScope scope, String name, Object value) {
    if (scope.hasVariable(name) && java.util.Objects.equals(scope.getVariable(name), value)) {
      return;
    }
    scope.setVariable(name, value);
  }

  private static long required(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("Process variable '" + name + "' is missing or not a number: " + value);
    }
    return n.longValue();
  }
}
