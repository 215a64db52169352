package org.miic.onboarding.onboarding.process;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessVariables;
import org.miic.onboarding.onboarding.TestEvidenceProvider;
import org.springframework.stereotype.Component;

/**
 * Query testing passes only on evidence: a Z34 query answered with a history (Z32) and a Z44 query answered with an
 * evaluated history (Z42) among the request's test messages. There is no passing it without them: a query /
 * bi-directional exchange goes live only when its queries work (issue 10).
 */
@Component("queryPassCheck")
class QueryPassListener implements TaskListener {

  private final TestEvidenceProvider evidence;

  QueryPassListener(TestEvidenceProvider evidence) {
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!ProcessConstants.OUTCOME_PASSED.equals(task.getVariable(ProcessConstants.VAR_QUERY_OUTCOME))) {
      return;
    }
    List<String> missing = evidence.missingQueryScenarios(ProcessVariables.requestId(task));
    if (!missing.isEmpty()) {
      throw new ProcessEngineException("Query testing cannot pass yet: no test message shows " + String.join(" or ", missing)
          + ". The organization sends those queries for one of its test patients with its TEST credentials.");
    }
  }
}
