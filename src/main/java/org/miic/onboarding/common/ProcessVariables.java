package org.miic.onboarding.common;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.miic.onboarding.ProcessConstants;

/** Reading the ids every delegate and listener needs from an execution or task. */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static long requestId(VariableScope scope) {
    return required(scope, ProcessConstants.VAR_REQUEST_ID);
  }

  public static long organizationId(VariableScope scope) {
    return required(scope, ProcessConstants.VAR_ORGANIZATION_ID);
  }

  private static long required(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("Process variable '" + name + "' is missing or not a number: " + value);
    }
    return n.longValue();
  }
}
